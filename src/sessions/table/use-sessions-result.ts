// Random access over a server-paged result (see README, "Architecture"). A view's result is one
// list of segments, one per store asked (live, then archive), each the slice of its server result
// that lies inside the view's window: sorted by date, the slice's edges are found by a few small
// probes (api/window-edges.ts), and each row is a row of a server page, so a page of the table
// costs at most the server pages it overlaps. Sorted by another field the API scatters the rows
// outside the window through the result: this hook then shows the server's order whole, rows
// outside the window marked (use-view-result.ts loads results small enough whole instead).
//
// Only the pages under the viewport, plus one ahead in the scroll direction, are observed (the one
// ahead once a new filter's first rows have been on screen a moment). A page that loses its last
// observer before it answered is aborted (the query passes React Query's signal to fetch), and its
// short gcTime drops it from memory later.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { sessionQueries, SESSIONS_PAGE_SIZE } from '../api/session-queries';
import type { SessionsView, Store } from '../view/sessions-view';
import type { RowPage, RowView } from './row-view';
import { useResultLayout, type Slice } from './use-result-layout';
import type { SessionSummary } from '../api/session';
import { isSettled } from '../api/window-edges';

const THUMB_REST_MS = 60;
/**
 * A new filter's page ahead waits until its page 0 has been on screen this long: while a filter is
 * being typed, each intermediate one would otherwise make the server find and count a second page
 * nobody sees (and a server answering one request at a time then answers the next filter later).
 */
export const AHEAD_AFTER_MS = 400;

export interface PageRange {
  /** The pages under the viewport. */
  first: number;
  last: number;
  /** The next page in the scroll direction, fetched before it is needed; none past either end. */
  ahead?: number;
  /**
   * The pages of the rows drawn around the viewport too (overscan): shown if they are at hand, never
   * fetched for them. A view ending a few rows short of a page boundary would otherwise fetch the
   * next page as under the view and, ahead of it, the one after.
   */
  drawnFirst: number;
  drawnLast: number;
}

/**
 * Pages holding rows `firstRow..lastRow` (in view), the next one in the scroll direction, and those
 * of the rows drawn around them (`drawnFirstRow..drawnLastRow`).
 */
export function pagesForRows(
  firstRow: number,
  lastRow: number,
  direction: 'forward' | 'backward' | null,
  pageCount: number,
  drawnFirstRow: number,
  drawnLastRow: number,
): PageRange {
  const page = (row: number) => Math.floor(row / SESSIONS_PAGE_SIZE);
  const first = page(firstRow);
  const last = Math.max(first, page(lastRow));
  const ahead = direction === 'backward' ? first - 1 : last + 1;
  return {
    first,
    last,
    ahead: ahead >= 0 && ahead < pageCount ? ahead : undefined,
    drawnFirst: Math.min(first, page(drawnFirstRow)),
    drawnLast: Math.max(last, page(drawnLastRow)),
  };
}

/**
 * Which pages to observe, updated from the virtualizer's scroll callback. A dragged scrollbar thumb
 * crosses hundreds of pages in a few frames: observing each would start (and abort) a request per
 * page passed. So a jump of more than a few screens waits for the thumb to rest (60 ms, about four
 * frames), and then for one more frame: a frame that took longer than the rest (a busy machine) must
 * not pass for one, and the thumb's moves since then reach the page as scroll events at the start of
 * the next frame, before its animation callbacks. Wheel and continuous scrolling move less per frame
 * and are never delayed, so rows never wait for a timer.
 */
export function useObservedPages(resultKey: string) {
  const first: PageRange = { first: 0, last: 0, ahead: 1, drawnFirst: 0, drawnLast: 0 };
  const [state, setState] = useState({ key: resultKey, range: first });
  const lastOffset = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Counts the scroll callbacks: a rest ends only if none came since it began. */
  const moves = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onScrollChange = useCallback(
    (wanted: PageRange, scrollOffset: number, viewportHeight: number) => {
      const jumped = Math.abs(scrollOffset - lastOffset.current) > Math.max(viewportHeight, 400) * 4;
      lastOffset.current = scrollOffset;
      const move = ++moves.current;
      const apply = () =>
        setState((prev) =>
          prev.key === resultKey &&
          prev.range.first === wanted.first &&
          prev.range.last === wanted.last &&
          prev.range.ahead === wanted.ahead &&
          prev.range.drawnFirst === wanted.drawnFirst &&
          prev.range.drawnLast === wanted.drawnLast
            ? prev
            : { key: resultKey, range: wanted },
        );
      clearTimeout(timer.current);
      if (jumped)
        timer.current = setTimeout(
          () => requestAnimationFrame(() => moves.current === move && apply()),
          THUMB_REST_MS,
        );
      else apply();
    },
    [resultKey],
  );
  // A new result starts from the top: its first pages, whatever was observed before.
  return { observed: state.key === resultKey ? state.range : first, onScrollChange };
}

export interface ResultPart {
  store: Store;
  /** Sessions of this store inside the window; undefined while counting. */
  count: number | undefined;
  /** The store's server total over the covering days when the view was anchored (new sessions grow it). */
  serverTotal: number | undefined;
}

export interface SessionsResult {
  /** The result's layout (its slices): loading, failed, or in. */
  status: 'pending' | 'error' | 'success';
  /** Its error, when it failed. */
  error: unknown;
  /** Sessions inside the window, exactly; undefined while counting. */
  total: number | undefined;
  /** Each store's share of the total. */
  parts: ResultPart[];
  /** Rows shown when they are more than `total`: rows outside the window, marked (another sort). */
  shown: number | undefined;
  /** Number of rows the scrollbar spans. */
  rowCount: number;
  /** More rows exist past `rowCount` (a result the server does not count). */
  hasMore: boolean;
  /** The row at an absolute index, or undefined while its page loads. */
  rowAt: (index: number) => RowView | undefined;
  /** The rows shown are still the previous view's (dimmed until the new result is laid out). */
  isShowingPrevious: boolean;
  isFetching: boolean;
  /** The first error of a later page, while the first page is fine. */
  pageError: unknown;
  /** Sorted by date: each segment's slice of its server result, in the order shown. */
  slices?: Slice[];
  /** Archived copies of live sessions, left out of the result (use-store-seam.ts). */
  leftOut?: readonly SessionSummary[];
  /**
   * Under another sort, where a later store's part begins (each part in the server's order, one
   * after the other): the grid draws a divider there.
   */
  partStarts?: readonly number[];
}

/** Re-searches of a segment's edges per view, when its pages show the rows moved. */
const MAX_EDGE_RESEARCH = 3;

/** Server pages of segment rows `[from, to]` (absolute server indexes). */
function serverPages(from: number, to: number): number[] {
  const pages: number[] = [];
  for (let n = Math.floor(from / SESSIONS_PAGE_SIZE); n <= Math.floor(to / SESSIONS_PAGE_SIZE); n++)
    pages.push(n);
  return pages;
}

/**
 * The result of a view, for the rows in `range` (pages of SESSIONS_PAGE_SIZE result rows): the table
 * owns it and hands rows to the grid and counts to the status line. `fetchRows: false` lays it out
 * without fetching rows (a scanned view shows its scan's rows, and only needs the totals).
 */
export function useSessionsResult(view: SessionsView, range: PageRange, fetchRows = true): SessionsResult {
  // While a new view is laid out, the previous one's rows stay, dimmed, instead of a blank table.
  const next = useResultLayout(view, fetchRows);
  const [shownView, setShownView] = useState(view);
  if ((next.laidOut || next.failed) && shownView !== view) setShownView(view);
  const shown = next.laidOut || next.failed ? view : shownView;
  // The previous view's layout is read from the cache, not observed: its searches still running
  // (the last edge of a large result, say) are given up instead of sharing the server with the new
  // view's, and its rows stay as they were.
  const layout = useResultLayout(shown, fetchRows, shown === view);
  const isShowingPrevious = layout.view !== view;
  const { segments, window, byDate } = layout.view;
  const { selects, edges, page0, laidOut, complete, duplicates, leftOut } = layout;
  let { slices, rowCount } = layout;
  const key = layout.view.key;

  // Server pages of the rows drawn and the page ahead, per segment. Pages only drawn around the
  // view are shown from the cache, never fetched; the page ahead waits for the first rows to have
  // been on screen a moment (AHEAD_AFTER_MS).
  const [settledKey, setSettledKey] = useState<string>();
  const rows = (first: number, last: number): [number, number] => [
    first * SESSIONS_PAGE_SIZE,
    (last + 1) * SESSIONS_PAGE_SIZE - 1,
  ];
  // A previous view is shown from its top (the new one will start there).
  const observed = isShowingPrevious
    ? { first: 0, last: 0, ahead: undefined, drawnFirst: 0, drawnLast: 0 }
    : range;
  const [viewFrom, viewTo] = rows(observed.first, observed.last);
  const [aheadFrom, aheadTo] = observed.ahead === undefined ? [-1, -2] : rows(observed.ahead, observed.ahead);
  const [from, to] = rows(
    Math.min(observed.drawnFirst, observed.ahead ?? observed.first),
    Math.max(observed.drawnLast, observed.ahead ?? observed.last),
  );
  const overlaps = (lo: number, hi: number, a: number, b: number) => lo <= b && hi >= a;
  const wanted: { segment: number; n: number; enabled: boolean }[] = [];
  if (laidOut && fetchRows) {
    slices.forEach((slice, segment) => {
      // Result row of server index `server` in this segment.
      const row = (server: number) => server - slice.first + slice.offset;
      const a = Math.max(from, slice.offset);
      const b = Math.min(to, row(slice.end - 1));
      if (a > b) return;
      for (const n of serverPages(slice.first + a - slice.offset, slice.first + b - slice.offset)) {
        const lo = row(Math.max(n * SESSIONS_PAGE_SIZE, slice.first));
        const hi = row(Math.min((n + 1) * SESSIONS_PAGE_SIZE, slice.end) - 1);
        const enabled =
          overlaps(lo, hi, viewFrom, viewTo) || (settledKey === key && overlaps(lo, hi, aheadFrom, aheadTo));
        wanted.push({ segment, n, enabled });
      }
    });
  }
  // No `combine`: React Query deep-compares what a combine returns on every change, which would
  // walk two pages of rows each time the observed range moves while scrolling.
  const results = useQueries({
    queries: wanted.map((w) => ({
      ...sessionQueries.page(segments[w.segment]!.request, w.n),
      select: selects[w.segment],
      enabled: w.enabled,
    })),
  });
  // The moment counts from the first rows on screen, not from the layout (the edges come first).
  const rowsIn = laidOut && (rowCount === 0 || results.some((r) => r.data !== undefined));
  useEffect(() => {
    if (!rowsIn) return;
    const timer = setTimeout(() => setSettledKey(key), AHEAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, [rowsIn, key]);
  const pages = new Map<string, RowPage | undefined>();
  wanted.forEach((w, i) => pages.set(`${w.segment}:${w.n}`, results[i]!.data));
  if (!byDate) page0.forEach((p, i) => pages.set(`${i}:0`, pages.get(`${i}:0`) ?? p.data));
  const serverRow = (segment: number, server: number) =>
    pages.get(`${segment}:${Math.floor(server / SESSIONS_PAGE_SIZE)}`)?.rows[server % SESSIONS_PAGE_SIZE];
  const inWindow = (ms: number | undefined) => ms !== undefined && ms >= window.startMs && ms < window.endMs;

  // While a slice's last edge is searched, the rows of its loaded pages that are inside the window
  // show too (sorted by date, those after the first edge are, up to the first that is not).
  const openAt = slices.findIndex((s) => s.open);
  if (openAt >= 0) {
    const slice = slices[openAt]!;
    const serverTotal = edges[openAt]!.data?.total ?? 0;
    let end = slice.end;
    while (end < serverTotal && inWindow(serverRow(openAt, end)?.createdMs)) end++;
    rowCount += end - slice.end;
    slices = slices.map((s, i) => (i === openAt ? { ...s, end, windowEnd: end } : s));
  }

  const rowAt = (index: number): RowView | undefined => {
    const i = slices.findLastIndex((s) => s.offset <= index);
    const slice = slices[i];
    if (!slice || index >= slice.offset + slice.end - slice.first) return undefined;
    return serverRow(i, slice.first + index - slice.offset);
  };

  // The result moves while it is read (new sessions at the top, old ones leaving for the archive):
  // a page that shows a row inside the slice but outside the window, or the reverse, means its
  // segment's edges moved, and they are searched again (a few times per view at most).
  const moved = new Set<number>();
  if (byDate)
    wanted.forEach((w, i) => {
      const slice = slices[w.segment]!;
      if (slice.open) return;
      const shifted = results[i]!.data?.rows.some((row, j) => {
        const server = w.n * SESSIONS_PAGE_SIZE + j;
        return (server >= slice.windowFirst && server < slice.windowEnd) !== inWindow(row.createdMs);
      });
      if (shifted) moved.add(w.segment);
    });
  const movedKey = [...moved].join(',');
  const researched = useRef({ key: '', count: 0 });
  useEffect(() => {
    if (researched.current.key !== key) researched.current = { key, count: 0 };
    if (!movedKey || researched.current.count >= MAX_EDGE_RESEARCH) return;
    researched.current.count += 1;
    for (const i of movedKey.split(',').map(Number)) void edges[i]?.refetch();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the edges of this render are the ones to refetch
  }, [movedKey, key]);

  const sum = (f: (i: number) => number | undefined) => {
    const values = segments.map((_, i) => f(i));
    return values.every((v) => v !== undefined) ? values.reduce<number>((t, v) => t + v!, 0) : undefined;
  };
  // The window's sessions: its edges, less the archived copies of live sessions.
  const count = (i: number) => {
    const e = edges[i]!.data;
    return isSettled(e) ? e.end - e.first - (segments[i]!.store === 'archive' ? duplicates : 0) : undefined;
  };
  return {
    status: layout.failed ? 'error' : laidOut ? 'success' : 'pending',
    error: layout.failed?.error,
    total: sum(count),
    parts: segments.map((s, i) => ({ store: s.store, count: count(i), serverTotal: edges[i]!.data?.total })),
    shown: byDate || !laidOut ? undefined : rowCount,
    rowCount,
    // More rows join once the later segments' edges are known.
    hasMore: laidOut && !complete,
    rowAt,
    isShowingPrevious,
    isFetching: isShowingPrevious || edges.some((e) => e.isFetching) || page0.some((p) => p.isFetching),
    pageError: results.find((r) => r.error)?.error,
    slices: byDate && complete && !isShowingPrevious ? slices : undefined,
    leftOut,
    partStarts: byDate
      ? undefined
      : slices
          .slice(1)
          .map((s) => s.offset)
          .filter((at) => at > 0 && at < rowCount),
  };
}
