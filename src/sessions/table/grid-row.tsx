// One row of the grid and what its cells show (cellParts, row-view.ts). Rows are memoized by their
// RowView, which is built once per page: a row re-renders only when its data or place changes.
import { memo, useEffect, useState } from 'react';
import { formatDuration } from '../../lib/format';
import { COLUMN_META } from './column-defs';
import { cellParts, type RowView } from './row-view';

export const SessionRow = memo(function SessionRow({
  row,
  index,
  top,
  columnIds,
  selected,
  open,
  nearest,
  partStart,
}: {
  row: RowView;
  index: number;
  top: number;
  /** The visible columns' ids, space-separated: a string keeps the memo's comparison cheap. */
  columnIds: string;
  selected: boolean;
  open: boolean;
  /** The row nearest the view's `at=` moment. */
  nearest: boolean;
  /** The first row of the archived part, under a sort that shows the parts one after the other. */
  partStart: boolean;
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-session-id={row.id}
      tabIndex={selected ? 0 : -1}
      className={`sessions-row${open ? ' is-open' : ''}${row.missed ? ' is-missed' : ''}${row.outside || row.copy ? ' is-outside' : ''}${nearest ? ' is-nearest' : ''}${partStart ? ' is-part-start' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <RowCells row={row} columnIds={columnIds} />
    </div>
  );
});

/** A row's cells, apart from its place: past the height cap every row moves on every scroll. */
const RowCells = memo(function RowCells({ row, columnIds }: { row: RowView; columnIds: string }) {
  return columnIds.split(' ').map((id) => (
    <div key={id} role="gridcell" className={COLUMN_META[id]?.clip ? 'cell clip' : 'cell'}>
      <Cell id={id} row={row} />
    </div>
  ));
});

/** A row whose page has not arrived yet. */
export function PlaceholderRow({ index, top, columns }: { index: number; top: number; columns: number }) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy="true"
      className="sessions-row is-placeholder"
      style={{ transform: `translateY(${top}px)` }}
    >
      <div role="gridcell" aria-colspan={columns} className="cell placeholder-cell">
        <span className="skeleton" />
        <span className="visually-hidden">Loading</span>
      </div>
    </div>
  );
}

function Cell({ id, row }: { id: string; row: RowView }) {
  return cellParts(id, row, Date.now()).map((part, i) =>
    typeof part === 'string' ? (
      part
    ) : part.liveSince !== undefined ? (
      <LiveDuration key={i} since={part.liveSince} />
    ) : (
      <span key={i} className={part.className} title={part.title} aria-hidden={part.ariaHidden}>
        {part.text}
      </span>
    ),
  );
}

/** Ticks once a second; only live rows (a handful) mount one. */
function LiveDuration({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span className="live-duration">{formatDuration(now - since)}</span>;
}
