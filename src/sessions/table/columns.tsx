// The TanStack table over the columns of column-defs.ts.
import {
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import { COLUMN_META, MIN_COLUMN_SIZE } from './column-defs';
import type { RowView } from './row-view';

export const tableFeatureSet = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
});

const helper = createColumnHelper<typeof tableFeatureSet, RowView>();

export const columns = helper.columns(
  Object.entries(COLUMN_META).map(([id, meta]) =>
    helper.accessor((row) => row.id, {
      id,
      header: meta.label,
      size: meta.size,
      minSize: MIN_COLUMN_SIZE,
      enableSorting: meta.sortField !== undefined,
      sortDescFirst: id === 'start' || id === 'completed',
    }),
  ),
);
