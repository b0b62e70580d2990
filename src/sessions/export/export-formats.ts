// The export's choices, kept apart from the writing of rows (export-rows.ts) so the menu on the first
// screen does not carry the CSV encoder, which loads with the export itself.
import { COLUMN_META, columnVisibility } from '../table/column-defs';

export type ExportFormat = 'csv' | 'ndjson';

export const EXPORT_FORMATS: Record<ExportFormat, { extension: string; mime: string; label: string }> = {
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8', label: 'CSV' },
  ndjson: { extension: 'ndjson', mime: 'application/x-ndjson', label: 'JSON lines' },
};

/** The table's visible columns, in its order (stored choices over the defaults). */
export function visibleColumnIds(stored: Record<string, boolean>): string[] {
  const shown = columnVisibility(stored);
  return Object.keys(COLUMN_META).filter((id) => shown[id] !== false);
}
