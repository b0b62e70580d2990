// The virtualized grid: a sticky header and only the rows under the viewport in the DOM. It draws
// the result it is given (sessions-table.tsx owns it) and reports which rows are in view.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Density } from '../preferences';
import { SESSIONS_PAGE_SIZE } from '../api/session-queries';
import { COLUMN_META, fitColumns, HEADER_HEIGHT, ROW_HEIGHT } from './column-defs';
import { GridHeader, type SessionsReactTable } from './grid-header';
import { PlaceholderRow, SessionRow } from './grid-row';
import { useGridKeyboard } from './use-grid-keyboard';
import { pagesForRows, type PageRange, type SessionsResult } from './use-sessions-result';

/** Rows drawn, as placeholders, while a view's first page is on its way. */
const SKELETON_ROWS = 14;

interface SessionsGridProps {
  table: SessionsReactTable;
  result: SessionsResult;
  /** The result's identity: a new one starts at the top. */
  resultKey: string;
  density: Density;
  openSessionId: string | undefined;
  onOpen: (id: string) => void;
  /** Which pages hold the rows in view, as the user scrolls. */
  onScrollChange: (wanted: PageRange, scrollOffset: number, viewportHeight: number) => void;
  ariaLabel: string;
}

export function SessionsGrid({
  table,
  result,
  resultKey,
  density,
  openSessionId,
  onOpen,
  onScrollChange,
  ariaLabel,
}: SessionsGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const loadingFirstPage = result.status === 'pending';
  const rowCount = loadingFirstPage ? SKELETON_ROWS : result.rowCount;
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
  // mount (that lays out every row of the result again).
  const measuredHeight = useRef(rowHeight);
  useLayoutEffect(() => {
    if (measuredHeight.current === rowHeight) return;
    measuredHeight.current = rowHeight;
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  // A new result starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resultKey]);

  const { selected, onKeyDown, onFocus, onClick } = useGridKeyboard({
    scrollRef,
    resultKey,
    rowCount,
    rowHeight,
    rowAt: result.rowAt,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    onOpen,
  });

  const visibleColumns = table.getVisibleLeafColumns();
  const columnIds = visibleColumns.map((c) => c.id).join(' ');
  // Pixel widths, computed once per container width: rows then lay out a plain px grid.
  const widths = fitColumns(
    visibleColumns.map((c) => ({ size: c.getSize(), fixed: COLUMN_META[c.id]?.fixed === true })),
    virtualizer.scrollRect?.width ?? 0,
  );
  const columnWidths = Object.fromEntries(widths.map((w, i) => [`--c${i + 1}`, `${w}px`]));
  const totalWidth = widths.reduce((sum, w) => sum + w, 0);

  return (
    <div
      ref={scrollRef}
      className={`sessions-grid density-${density}${result.isShowingPrevious ? ' is-stale' : ''}`}
      role="grid"
      aria-label={ariaLabel}
      aria-rowcount={loadingFirstPage ? -1 : rowCount + 1}
      aria-colcount={visibleColumns.length}
      aria-busy={result.isFetching}
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
        {virtualizer.getVirtualItems().map((item) => {
          const row = loadingFirstPage ? undefined : result.rowAt(item.index);
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
  );
}
