// The table's columns, defined once, in plain code: the grid builds its TanStack table from them
// (columns.tsx), and the display settings list them.
import type { SortField } from '../api/session-types';
import type { Density } from '../preference-values';
import type { StoreChoice } from '../view/covering-days';

/** Rows have a fixed height per density, so the grid places them without measuring any. */
export const ROW_HEIGHT: Record<Density, number> = { comfortable: 36, compact: 28 };
export const HEADER_HEIGHT = 36;

export interface ColumnMeta {
  label: string;
  /** Width in px until the user drags it (`sh.columns.sizes`). */
  size: number;
  /** The API's `sortField`; absent = the server cannot sort by it. */
  sortField?: SortField;
  /** Columns whose text can overflow get an ellipsis; the rest are cheap, unclipped cells. */
  clip?: boolean;
  hiddenByDefault?: boolean;
  /** Short, fixed-format content (times, badges): keeps its width while text columns shrink. */
  fixed?: boolean;
  /** Why the header has no sort button, when that needs saying. */
  unsortedWhy?: string;
}

/** In the order the grid shows them. */
export const COLUMN_META: Record<string, ColumnMeta> = {
  start: { label: 'Start', size: 128, sortField: 'dateCreated', fixed: true },
  direction: { label: 'Direction', size: 84, sortField: 'direction', fixed: true },
  channel: { label: 'Channel', size: 76, sortField: 'channel', fixed: true },
  from: { label: 'From', size: 220, sortField: 'fromAddress', clip: true },
  to: { label: 'To', size: 150, sortField: 'toAddress', clip: true },
  account: { label: 'Account', size: 150, sortField: 'accountName', clip: true, hiddenByDefault: true },
  customer: { label: 'Customer', size: 140, sortField: 'customerName', clip: true },
  endpoint: { label: 'Endpoint', size: 130, sortField: 'endpointName', clip: true },
  answeredBy: { label: 'Answered by', size: 130, sortField: 'answeredByName', clip: true },
  // Short words (Answered, Transferred, a Missed badge): kept whole while the text columns shrink.
  outcome: { label: 'Outcome', size: 104, sortField: 'outcome', clip: true, fixed: true },
  missed: { label: 'Missed', size: 68, sortField: 'wasMissed', fixed: true, hiddenByDefault: true },
  completed: {
    label: 'Completed',
    size: 136,
    sortField: 'dateCompleted',
    fixed: true,
    hiddenByDefault: true,
  },
  duration: {
    label: 'Duration',
    size: 72,
    fixed: true,
    unsortedWhy: 'The server cannot sort by duration',
  },
  state: { label: 'State', size: 104, clip: true, fixed: true },
};

/** The grid's accessible name. */
export const gridLabel = (stores: StoreChoice) =>
  stores === 'archive' ? 'Archived sessions' : stores === 'live' ? 'Live sessions' : 'Sessions';

/** No column is narrower than this, whatever was stored. */
export const MIN_COLUMN_SIZE = 48;

const DEFAULT_VISIBILITY: Record<string, boolean> = Object.fromEntries(
  Object.entries(COLUMN_META)
    .filter(([, meta]) => meta.hiddenByDefault)
    .map(([id]) => [id, false]),
);

/** Which columns show: the user's choices (stored) over the defaults. */
export function columnVisibility(stored: Record<string, boolean>): Record<string, boolean> {
  return { ...DEFAULT_VISIBILITY, ...stored };
}

export function columnIdForSortField(field: SortField): string | undefined {
  return Object.entries(COLUMN_META).find(([, meta]) => meta.sortField === field)?.[0];
}

/**
 * Column widths for a grid `available` px wide. Text columns share the spare width in proportion to
 * their sizes and shrink to half of them before the grid scrolls sideways (at 1024 px, with the
 * filters in a sheet, every default column fits); fixed-format columns (times, badges) keep their
 * size.
 */
export function fitColumns(columns: { size: number; fixed: boolean }[], available: number): number[] {
  const fixed = columns.reduce((sum, c) => sum + (c.fixed ? c.size : 0), 0);
  const flexible = columns.reduce((sum, c) => sum + (c.fixed ? 0 : c.size), 0);
  const scale = flexible > 0 ? Math.max(0.5, (available - fixed) / flexible) : 1;
  return columns.map((c) => (c.fixed ? c.size : Math.floor(c.size * scale)));
}
