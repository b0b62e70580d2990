// The table of a view: it owns the result (the pages in view, their rows and counts) and hands rows
// to the grid and counts to the status line above it. Column definitions, visibility, sizes and the
// sort are the TanStack table's state; the sort comes from the link, the rest from preferences.
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useColumnSizes, useDensity } from '../preferences';
import { DEFAULT_SORT } from '../filters/session-search';
import { useUpdateSessionSearch } from '../filters/use-session-search';
import type { SessionsView, Store } from '../view/sessions-view';
import { columns, tableFeatureSet } from './columns';
import { columnIdForSortField, COLUMN_META, gridLabel } from './column-defs';
import { useShownColumnVisibility } from './narrow-columns';
import type { RowView } from './row-view';
import { isEmptyResult, ResultStatus } from './result-status';
import { SessionsGrid, type SessionsGridHandle } from './sessions-grid';
import { useObservedPages } from './use-sessions-result';
import { useViewResult } from './use-view-result';
import { useNearestRow } from './use-nearest-row';
import { formatCount } from '../../lib/format';
import { SESSIONS_PAGE_SIZE } from '../api/session-queries';
import { OpenSession, openSessionPosition } from './open-session';
import './sessions-table.css';

// The chart's code (and its counting) loads after the first screen; its slot keeps its height.
const VolumeChart = lazy(() => import('../chart/volume-chart'));
// Shown once a scan runs: not on the first screen.
const ScanStatus = lazy(() => import('./scan-status').then((m) => ({ default: m.ScanStatus })));
// Counts come from a scan, after the first rows; their row keeps its height meanwhile.
const ResultCounts = lazy(() => import('./result-counts').then((m) => ({ default: m.ResultCounts })));

const NO_ROWS: RowView[] = [];

function resolve<T>(updater: Updater<T>, old: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;
}

interface SessionsTableProps {
  view: SessionsView;
  openSessionId: string | undefined;
  onCloseSession: () => void;
  /** Re-anchors the view at the current time (to show the sessions that arrived since). */
  onReanchor: () => void;
}

export function SessionsTable({ view, openSessionId, onCloseSession, onReanchor }: SessionsTableProps) {
  const update = useUpdateSessionSearch();
  const [density] = useDensity();
  const table = useSessionsTableModel(view);
  const { observed, onScrollChange } = useObservedPages(view.key);
  const { refined, scanned, refinements, base, result, resultKey, scan, overBound, ask, countsOnRequest } =
    useViewResult(view, observed);
  const scanState = scan.state;
  // The counts and the chart sit beside the rows: a scan's step draws the rows and its status first,
  // and them after, in a render React can interrupt (a scroll frame, a click go first).
  const shownScan = useDeferredValue(scanState);
  const openSession = useCallback((id: string) => update((s) => ({ ...s, session: id })), [update]);
  // Moving to the next session replaces the history entry: Back closes the drawer, not each step.
  const moveTo = useCallback(
    (id: string) => update((s) => ({ ...s, session: id }), { replace: true }),
    [update],
  );
  const requests = useMemo(() => view.segments.map((s) => s.request), [view.segments]);
  // The chart counts once the view's first rows are in: its requests must not queue before theirs
  // (a browser sends only a few at a time to one server). Once per view: scrolling to rows not yet
  // loaded does not hold it back again.
  const [countingKey, setCountingKey] = useState<string>();
  const firstRowsIn =
    result.status === 'error' ||
    (result.status === 'success' &&
      !result.isShowingPrevious &&
      (result.rowCount === 0 || result.rowAt(observed.first * SESSIONS_PAGE_SIZE) !== undefined));
  if (firstRowsIn && countingKey !== view.key) setCountingKey(view.key);
  const open = openSessionPosition(result, observed, openSessionId);
  // The row follows the drawer (j/k there): the open session's row is scrolled into view.
  const grid = useRef<SessionsGridHandle>(null);
  const openIndex = open?.index;
  useEffect(() => {
    if (openIndex !== undefined) grid.current?.scrollToIndex(openIndex);
  }, [openIndex]);
  // A view around a moment opens at the row nearest it: scrolled to once per result, with a few
  // rows before it in view, and again only if a nearer row turns up as its neighbours load.
  const nearest = useNearestRow(view, result, scanned);
  const scrolledTo = useRef<string>(undefined);
  useEffect(() => {
    if (nearest === undefined || openIndex !== undefined) return;
    const mark = `${resultKey}#${nearest}`;
    if (scrolledTo.current === mark) return;
    scrolledTo.current = mark;
    grid.current?.scrollToIndex(Math.max(0, nearest - 3), 'start');
  }, [nearest, resultKey, openIndex]);

  // A scanned result is empty only once its scan has read the whole result.
  const isCurrent = scanned ? scanState?.done === true : !result.isShowingPrevious;
  // An empty result says so, and how to widen it: a scan line, counts and a chart of nothing would
  // only repeat it. A refined one keeps its scan's line (what was read to find no match).
  const nothingToCount = !refined && isEmptyResult({ ...result, isCurrent });

  return (
    <>
      <ResultStatus
        view={view}
        status={result.status}
        error={result.error}
        total={base.total}
        parts={base.parts}
        shown={base.shown}
        rowCount={result.rowCount}
        hasMore={result.hasMore}
        isFetching={result.isFetching}
        progress={
          scanned && result.isFetching && scanState?.total ? scanState.scanned / scanState.total : undefined
        }
        isCurrent={isCurrent}
        pageError={result.pageError}
        onShowNew={onReanchor}
        countText={
          scanned && scanState ? (
            <>
              {scanState.done ? '' : 'At least '}
              <strong>{formatCount(result.rowCount)}</strong>{' '}
              {refined
                ? result.rowCount === 1
                  ? 'session matches'
                  : 'sessions match'
                : result.rowCount === 1
                  ? 'session'
                  : 'sessions'}
              {scanState.done && view.stores === 'both' && view.segments.length > 1 && (
                <span className="muted">: {storeSplit(view, scanState.partSizes)}</span>
              )}
            </>
          ) : refined && overBound !== undefined ? (
            <>
              <strong>{formatCount(overBound)}</strong> sessions before the refinements
            </>
          ) : undefined
        }
      />
      {/* The scan's line and the counts' row hold their places from the first render (and the
          line while its code loads): a scan that starts or ends after the rows does not move them.
          An empty result has no rows to move. */}
      {!nothingToCount && (
        <>
          <Suspense fallback={<div className="scan-status" />}>
            <ScanStatus
              scan={scan}
              overBound={refined ? overBound : undefined}
              onStartAnyway={ask}
              refined={refined}
              idle={!scanned && !scanState && !scan.running}
            />
          </Suspense>
          <Suspense fallback={<div className="result-counts" />}>
            <ResultCounts
              counts={shownScan?.matchCounts}
              partial={shownScan !== undefined && !shownScan.done}
              refinements={refinements}
              onCount={countsOnRequest && !scan.running ? ask : undefined}
              counting={scan.running}
            />
          </Suspense>
          <div className="volume-chart-slot">
            <Suspense fallback={null}>
              <VolumeChart
                view={view}
                requests={requests}
                anchorMs={view.anchorMs}
                counting={firstRowsIn || countingKey === view.key}
                scanned={scanned}
                scan={scanned ? shownScan : undefined}
                leftOut={base.leftOut}
              />
            </Suspense>
          </div>
        </>
      )}
      <SessionsGrid
        table={table}
        result={result}
        resultKey={resultKey}
        density={density}
        openSessionId={openSessionId}
        onOpen={openSession}
        onScrollChange={onScrollChange}
        ariaLabel={gridLabel(view.stores)}
        startIndex={nearest}
        ref={grid}
      />
      {openSessionId && (
        <OpenSession sessionId={openSessionId} position={open} onClose={onCloseSession} onMove={moveTo} />
      )}
    </>
  );
}

/** The TanStack table over the columns: sorting follows the link, visibility and sizes the preferences. */
function useSessionsTableModel(view: SessionsView) {
  const update = useUpdateSessionSearch();
  const [shown, setVisibility] = useShownColumnVisibility();
  const [sizes, setSizes] = useColumnSizes();
  const sort = view.search.sort ?? DEFAULT_SORT;
  const sorting = useMemo<SortingState>(
    () => [{ id: columnIdForSortField(sort.field) ?? 'start', desc: sort.desc }],
    [sort.field, sort.desc],
  );

  return useTable({
    features: tableFeatureSet,
    columns,
    data: NO_ROWS,
    manualSorting: true,
    enableSortingRemoval: false,
    columnResizeMode: 'onEnd',
    state: { sorting, columnVisibility: shown, columnSizing: sizes },
    onSortingChange: (updater) => {
      const next = resolve(updater, sorting)[0];
      const field = next && COLUMN_META[next.id]?.sortField;
      if (!next || !field) return;
      // A header click is a settled change: it pushes a history entry.
      update((s) => ({ ...s, sort: { field, desc: next.desc } }));
    },
    onColumnVisibilityChange: (updater) => setVisibility(resolve(updater, shown)),
    onColumnSizingChange: (updater) => setSizes(resolve(updater, sizes)),
  });
}

/** "9,880 live, 2,551 archived": a scan's matches by the store its request asked. */
function storeSplit(view: SessionsView, partSizes: readonly number[]) {
  const inStore = (store: Store) =>
    view.segments.reduce((n, s, i) => (s.store === store ? n + (partSizes[i] ?? 0) : n), 0);
  return `${formatCount(inStore('live'))} live, ${formatCount(inStore('archive'))} archived`;
}
