// The virtualized grid: a sticky header and only the rows under the viewport in the DOM.
// It lives alone here so a page arriving re-renders rows, not the filter panel.
import {
  memo,
  useEffect,
  useMemo,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SessionsFilter } from '../api/build-sessions-query';
import type { DisplayZone } from '../../lib/format';
import { formatDuration } from '../../lib/format';
import type { Density } from '../preferences';
import { COLUMN_META, fitColumns, HEADER_HEIGHT, ROW_HEIGHT } from './column-defs';
import { cellParts, type RowView } from './row-view';
import { pagesForRows, useObservedPages, useSessionPages, type SessionPages } from './use-session-pages';
import { SESSIONS_PAGE_SIZE } from '../api/session-queries';
import type { SessionsReactTable } from './sessions-table';

const SKELETON_ROWS = 14;

interface SessionsGridProps {
  table: SessionsReactTable;
  filter: SessionsFilter;
  filterKey: string;
  zone: DisplayZone;
  density: Density;
  openSessionId: string | undefined;
  onOpen: (id: string) => void;
  /** Reports page 0's state to the surrounding status line, error banner and empty state. */
  children: (pages: SessionPages) => React.ReactNode;
  ariaLabel: string;
}

export function SessionsGrid({
  table,
  filter,
  filterKey,
  zone,
  density,
  openSessionId,
  onOpen,
  children,
  ariaLabel,
}: SessionsGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { observed, onScrollChange } = useObservedPages(filterKey);
  const [selected, setSelected] = useState(0);
  const pages = useSessionPages(filter, zone, observed);
  const { rowAt } = pages;
  // Before the first page of a view arrives, a screenful of skeleton rows stands in for it.
  const loadingFirstPage = pages.page0.isPending;
  const rowCount = loadingFirstPage ? SKELETON_ROWS : pages.rowCount;
  const rowHeight = ROW_HEIGHT[density];

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    scrollPaddingStart: HEADER_HEIGHT,
    // The first render already draws the rows a window's height can show (a few more than the grid
    // shows): measured at 0x0 it would draw none, then lay out the page and render them all again.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    // Render rows in React's own batch, not synchronously inside the scroll event.
    useFlushSync: false,
    onChange: (v) => {
      // Skeleton rows stand for a result of unknown size: they decide no pages.
      if (loadingFirstPage) return;
      // Pages are fetched for the rows in view (`range`), not for those drawn around them.
      const items = v.getVirtualItems();
      const drawnFirst = items[0]?.index ?? 0;
      const drawnLast = items[items.length - 1]?.index ?? 0;
      const pageCount = Math.ceil(v.options.count / SESSIONS_PAGE_SIZE);
      onScrollChange(
        pagesForRows(
          v.range?.startIndex ?? drawnFirst,
          v.range?.endIndex ?? drawnLast,
          v.scrollDirection,
          pageCount,
          drawnFirst,
          drawnLast,
        ),
        v.scrollOffset ?? 0,
        v.scrollRect?.height ?? 0,
      );
    },
  });

  // Row height is fixed per density: re-measure only when it changes, never while scrolling, nor on
  // mount (it lays out every row of the result again: 130,000 of them take 10 ms).
  const measuredHeight = useRef(rowHeight);
  useLayoutEffect(() => {
    if (measuredHeight.current === rowHeight) return;
    measuredHeight.current = rowHeight;
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  // A new filter starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setSelected(0);
  }, [filterKey]);

  // Keyboard selection (arrows, j/k, Page keys, Home/End); Enter opens.
  // A row moved to by keyboard may not be rendered until the grid has scrolled to it: focus it on
  // the first render where it exists.
  const pendingFocus = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (pendingFocus.current === undefined) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(
      `[data-session-id][aria-rowindex="${pendingFocus.current + 2}"]`,
    );
    if (row) {
      pendingFocus.current = undefined;
      row.focus();
    }
  });
  const focusRow = (index: number) => {
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || rowCount === 0) return;
    const perScreen = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: selected + 1,
      j: selected + 1,
      ArrowUp: selected - 1,
      k: selected - 1,
      PageDown: selected + perScreen,
      PageUp: selected - perScreen,
      Home: 0,
      End: rowCount - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      const next = Math.min(rowCount - 1, Math.max(0, target));
      setSelected(next);
      focusRow(next);
    } else if (event.key === 'Enter') {
      const row = rowAt(selected);
      if (row) {
        event.preventDefault();
        onOpen(row.id);
      }
    }
  };
  // Selection follows focus, however the row got it (Tab, click, returning from the drawer).
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const index = Number((event.target as HTMLElement).getAttribute('aria-rowindex')) - 2;
    if (index >= 0 && index !== selected) setSelected(index);
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const rowEl = (event.target as HTMLElement).closest<HTMLElement>('[data-session-id]');
    if (!rowEl) return;
    const index = Number(rowEl.getAttribute('aria-rowindex')) - 2;
    setSelected(index);
    onOpen(rowEl.dataset.sessionId!);
  };

  const visibleColumns = table.getVisibleLeafColumns();
  const columnIds = visibleColumns.map((c) => c.id).join(' ');
  // Pixel widths, computed once per container width: rows then lay out a plain px grid.
  const widths = fitColumns(
    visibleColumns.map((c) => ({ size: c.getSize(), fixed: COLUMN_META[c.id]?.fixed === true })),
    virtualizer.scrollRect?.width ?? 0,
  );
  const columnWidths = Object.fromEntries(widths.map((w, i) => [`--c${i + 1}`, `${w}px`]));
  const totalWidth = widths.reduce((sum, w) => sum + w, 0);
  const items = virtualizer.getVirtualItems();
  // The grid re-renders on every scroll frame; the status line above it only when page 0, the row
  // count or the page errors change.
  const { page0, rowCount: statusCount, pageErrors } = pages;
  const status = useMemo(
    () => children(pages),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `pages` is new every frame; these are what the status reads
    [
      children,
      page0.data,
      page0.status,
      page0.fetchStatus,
      page0.error,
      page0.isPlaceholderData,
      statusCount,
      pageErrors.length,
    ],
  );

  return (
    <>
      {status}
      <div
        ref={scrollRef}
        className={`sessions-grid density-${density}${pages.isShowingPrevious ? ' is-stale' : ''}`}
        role="grid"
        aria-label={ariaLabel}
        aria-rowcount={loadingFirstPage ? -1 : rowCount + 1}
        aria-colcount={visibleColumns.length}
        aria-busy={pages.page0.isFetching}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        style={
          {
            ...columnWidths,
            '--grid-width': `${totalWidth}px`,
            '--row-height': `${rowHeight}px`,
          } as React.CSSProperties
        }
      >
        <GridHeader table={table} state={table.state} />
        <div
          className="sessions-body"
          role="rowgroup"
          style={{ height: virtualizer.getTotalSize() }}
          onClick={onClick}
          onFocus={onFocus}
        >
          {items.map((item) => {
            const row = rowAt(item.index);
            return row ? (
              <SessionRow
                key={row.id}
                row={row}
                index={item.index}
                top={item.start}
                columnIds={columnIds}
                selected={item.index === selected}
                open={row.id === openSessionId}
              />
            ) : (
              <PlaceholderRow
                key={`p${item.index}`}
                index={item.index}
                top={item.start}
                columns={visibleColumns.length}
              />
            );
          })}
        </div>
      </div>
    </>
  );
}

/**
 * The sticky header. Memoized on the table's state: the grid re-renders on every scroll frame, and
 * a dozen sort buttons and resize handles need not render with it.
 */
const GridHeader = memo(function GridHeader({
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

const SessionRow = memo(function SessionRow({
  row,
  index,
  top,
  columnIds,
  selected,
  open,
}: {
  row: RowView;
  index: number;
  top: number;
  columnIds: string;
  selected: boolean;
  open: boolean;
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-session-id={row.id}
      tabIndex={selected ? 0 : -1}
      className={`sessions-row${open ? ' is-open' : ''}${row.missed ? ' is-missed' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      {columnIds.split(' ').map((id) => (
        <div key={id} role="gridcell" className={COLUMN_META[id]?.clip ? 'cell clip' : 'cell'}>
          <Cell id={id} row={row} />
        </div>
      ))}
    </div>
  );
});

function PlaceholderRow({ index, top, columns }: { index: number; top: number; columns: number }) {
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

/** One cell's content; first-rows.ts draws the same `cellParts` without React. */
export function Cell({ id, row }: { id: string; row: RowView }) {
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
