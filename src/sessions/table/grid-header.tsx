// The grid's sticky header: sort buttons and resize handles, from the TanStack table's state.
import { memo } from 'react';
import type { ReactTable } from '@tanstack/react-table';
import { COLUMN_META } from './column-defs';
import type { tableFeatureSet } from './columns';
import type { RowView } from './row-view';

export type SessionsReactTable = ReactTable<typeof tableFeatureSet, RowView>;

/**
 * Memoized on the table's state: the grid re-renders on every scroll frame, and a dozen sort
 * buttons and resize handles need not render with it.
 */
export const GridHeader = memo(function GridHeader({
  table,
}: {
  table: SessionsReactTable;
  /** Only a trigger: the header re-renders when the table's state (sort, sizes, visibility) changes. */
  state: unknown;
}) {
  return (
    <div className="sessions-header" role="rowgroup">
      <div className="sessions-row sessions-header-row" role="row" aria-rowindex={1}>
        {table.getHeaderGroups()[0]?.headers.map((header) => {
          const sorted = header.column.getIsSorted();
          const canSort = header.column.getCanSort();
          const label = COLUMN_META[header.column.id]?.label ?? header.column.id;
          return (
            <div
              key={header.id}
              role="columnheader"
              className="sessions-th"
              aria-sort={
                sorted === 'asc'
                  ? 'ascending'
                  : sorted === 'desc'
                    ? 'descending'
                    : canSort
                      ? 'none'
                      : undefined
              }
            >
              {canSort ? (
                <button
                  type="button"
                  className="sessions-sort"
                  onClick={header.column.getToggleSortingHandler()}
                  title={`Sort by ${label}`}
                >
                  {label}
                  <span aria-hidden="true" className="sort-mark">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  </span>
                </button>
              ) : (
                <span className="sessions-th-label" title={COLUMN_META[header.column.id]?.unsortedWhy}>
                  {label}
                </span>
              )}
              <div
                className={`col-resizer${header.column.getIsResizing() ? ' is-resizing' : ''}`}
                onMouseDown={header.getResizeHandler()}
                onTouchStart={header.getResizeHandler()}
                onDoubleClick={() => header.column.resetSize()}
                aria-hidden="true"
              />
            </div>
          );
        })}
      </div>
    </div>
  );
});
