// The virtualized grid: a sticky header and only the rows under the viewport in the DOM, placed by
// useRowWindow (fixed row heights; past the browsers' height cap in a scaled scroll space,
// docs/scrolling.md). It draws the result it is given (sessions-table.tsx owns it) and reports which
// rows are in view.
import { useImperativeHandle, useRef, type Ref } from 'react';
import { useRowWindow } from '../../ui/use-row-window';
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
  /** The row selected until the user moves (the one nearest `at=`); the first row without it. */
  startIndex?: number;
  ref?: Ref<SessionsGridHandle>;
}

export interface SessionsGridHandle {
  /** Scrolls row `index` into view (any row of the result, past the browsers' height cap too). */
  scrollToIndex: (index: number, align?: 'auto' | 'start') => void;
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
  startIndex,
  ref,
}: SessionsGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const loadingFirstPage = result.status === 'pending';
  const rowCount = loadingFirstPage ? SKELETON_ROWS : result.rowCount;
  const rowHeight = ROW_HEIGHT[density];

  const { items, space, width, scrollToIndex } = useRowWindow({
    scrollRef,
    rowCount,
    rowHeight,
    header: HEADER_HEIGHT,
    overscan: 6,
    resetKey: resultKey,
    onChange: (rows, direction, offset, viewportHeight) => {
      // Skeleton rows stand for a result of unknown size: they decide no pages.
      if (loadingFirstPage) return;
      // Pages are fetched for the rows in view, not for those drawn around them.
      const pageCount = Math.ceil(rowCount / SESSIONS_PAGE_SIZE);
      onScrollChange(
        pagesForRows(rows.first, rows.last, direction, pageCount, rows.drawnFirst, rows.drawnLast),
        offset,
        viewportHeight,
      );
    },
  });
  useImperativeHandle(ref, () => ({ scrollToIndex }), [scrollToIndex]);

  const { selected, onKeyDown, onFocus, onClick } = useGridKeyboard({
    scrollRef,
    resultKey,
    rowCount,
    rowHeight,
    rowAt: result.rowAt,
    scrollToIndex,
    onOpen,
    startIndex,
  });

  const visibleColumns = table.getVisibleLeafColumns();
  const columnIds = visibleColumns.map((c) => c.id).join(' ');
  // Pixel widths, computed once per container width: rows then lay out a plain px grid.
  const widths = fitColumns(
    visibleColumns.map((c) => ({ size: c.getSize(), fixed: COLUMN_META[c.id]?.fixed === true })),
    width,
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
        style={{ height: space.spacer }}
        onClick={onClick}
        onFocus={onFocus}
      >
        {items.map((item) => {
          const row = loadingFirstPage ? undefined : result.rowAt(item.index);
          return row ? (
            <SessionRow
              key={row.id}
              row={row}
              index={item.index}
              top={item.top}
              columnIds={columnIds}
              selected={item.index === selected}
              open={row.id === openSessionId}
              nearest={item.index === startIndex}
              partStart={result.partStarts?.includes(item.index) === true}
            />
          ) : (
            <PlaceholderRow
              key={`p${item.index}`}
              index={item.index}
              top={item.top}
              columns={visibleColumns.length}
            />
          );
        })}
      </div>
    </div>
  );
}
