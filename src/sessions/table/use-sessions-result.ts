// Random access over a server-paged result (see README, "Architecture"): one query per page of
// the view's request; only the pages under the viewport, plus one ahead in the scroll direction,
// are observed (the one ahead once a new filter's first rows have been on screen a moment). A page
// that loses its last observer before it answered is aborted (the query passes React Query's
// signal to fetch), and its short gcTime drops it from memory later.
import { useCallback, useEffect, useRef, useState } from 'react';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { sessionQueries, SESSIONS_PAGE_SIZE } from '../api/session-queries';
import type { SessionsView } from '../view/sessions-view';
import { countRows, SELECT_ROWS, type RowView } from './row-view';

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
 * page passed. So a jump of more than a few screens waits for the thumb to rest (60 ms, about four frames); wheel and
 * continuous scrolling move less per frame and are never delayed, so rows never wait for a timer.
 */
export function useObservedPages(resultKey: string) {
  const first: PageRange = { first: 0, last: 0, ahead: 1, drawnFirst: 0, drawnLast: 0 };
  const [state, setState] = useState({ key: resultKey, range: first });
  const lastOffset = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onScrollChange = useCallback(
    (wanted: PageRange, scrollOffset: number, viewportHeight: number) => {
      const jumped = Math.abs(scrollOffset - lastOffset.current) > Math.max(viewportHeight, 400) * 4;
      lastOffset.current = scrollOffset;
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
      if (jumped) timer.current = setTimeout(apply, THUMB_REST_MS);
      else apply();
    },
    [resultKey],
  );
  // A new result starts from the top: its first pages, whatever was observed before.
  return { observed: state.key === resultKey ? state.range : first, onScrollChange };
}

export interface SessionsResult {
  /** The view's first page: loading, failed, or in. */
  status: 'pending' | 'error' | 'success';
  /** Its error, when it failed. */
  error: unknown;
  /** The server's total, when it counts (not under `simplifiedPaging`). */
  total: number | undefined;
  /** Number of rows the scrollbar spans. */
  rowCount: number;
  /** More rows exist past `rowCount` (a result the server does not count). */
  hasMore: boolean;
  /** The row at an absolute index, or undefined while its page loads. */
  rowAt: (index: number) => RowView | undefined;
  /** The rows shown are still the previous view's (dimmed until the new first page arrives). */
  isShowingPrevious: boolean;
  isFetching: boolean;
  /** The first error of a later page, while the first page is fine. */
  pageError: unknown;
}

/**
 * The result of a view, for the rows in `range`: the table owns it and hands rows to the grid and
 * counts to the status line.
 */
export function useSessionsResult(view: SessionsView, range: PageRange): SessionsResult {
  const { request } = view;
  const select = SELECT_ROWS[view.zone];
  // Page 0 is always observed: it carries totalCount. Only it keeps the previous view's data while
  // the new one loads, so the old rows stay visible, dimmed, instead of a blank table.
  const page0 = useQuery({ ...sessionQueries.page(request, 0), select, placeholderData: keepPreviousData });

  const pageNumbers: number[] = [];
  const from = Math.max(1, Math.min(range.drawnFirst, range.ahead ?? range.first));
  const to = Math.max(range.drawnLast, range.ahead ?? range.last);
  for (let n = from; n <= to; n++) pageNumbers.push(n);

  // Later pages wait for page 0 of the same view: asked together, both make the server count the
  // whole result, and page 0 (the one on screen after a filter change) answers later.
  const page0Ready = page0.isSuccess && !page0.isPlaceholderData;
  // The page ahead also waits for page 0 to have been on screen a moment (AHEAD_AFTER_MS).
  const [settledKey, setSettledKey] = useState<string>();
  useEffect(() => {
    if (!page0Ready) return;
    const timer = setTimeout(() => setSettledKey(request.key), AHEAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, [page0Ready, request.key]);
  const inView = (n: number) => n >= range.first && n <= range.last;
  // Pages only drawn around the view are shown from the cache, never fetched.
  const enabled = (n: number) =>
    page0Ready && (inView(n) || (n === range.ahead && settledKey === request.key));
  // No `combine`: React Query deep-compares what a combine returns on every change, which would
  // walk two pages of rows each time the observed range moves while scrolling.
  const results = useQueries({
    queries: pageNumbers.map((n) => ({ ...sessionQueries.page(request, n), select, enabled: enabled(n) })),
  });
  const pages = results.map((r) => r.data);

  const first = pageNumbers[0] ?? 1;
  const rowAt = (index: number): RowView | undefined => {
    const n = Math.floor(index / SESSIONS_PAGE_SIZE);
    const page = n === 0 ? page0.data : pages[n - first];
    return page?.rows[index % SESSIONS_PAGE_SIZE];
  };
  const rowCount = countRows(page0.data, pages, first);

  return {
    status: page0.status,
    error: page0.error,
    total: page0.data?.totalCount,
    rowCount,
    hasMore: page0.data?.totalCount === undefined && page0.data?.hasMorePages === true,
    rowAt,
    isShowingPrevious: page0.isPlaceholderData,
    isFetching: page0.isFetching,
    pageError: results.find((r) => r.error)?.error,
  };
}
