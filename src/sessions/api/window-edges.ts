// Where a view's window begins and ends inside one segment's server result sorted by date: one
// count request, then rounds of small probe pages (edge-search.ts decides which rows to ask for).
// A day of thousands of sessions costs a handful of small requests, never a download.
import type { SessionsRequest } from './build-sessions-query';
import { fetchSessionSummaries } from './fetch-sessions';
import type { SessionsPage, SessionSummary } from './session';
import { PROBE_PAGE_SIZE, probeQuery } from './sessions-url';
import { searchWindowEdges, type Sample } from '../view/edge-search';
import { dayRangeSpan, type InstantWindow } from '../view/covering-days';

export interface WindowEdges {
  /** Rows of the segment's result when counted. */
  total: number;
  /** First row inside the window, and first past it: the window's rows are `[first, end)`. */
  first: number;
  end: number;
}

/** Asks for one page of summaries: the API by default; the head start's early requests before the app runs. */
export type FetchPage = (query: URLSearchParams) => Promise<SessionsPage<SessionSummary>>;

export async function fetchWindowEdges(
  request: SessionsRequest,
  window: InstantWindow,
  signal: AbortSignal,
  fetchPage: FetchPage = (query) => fetchSessionSummaries(query, { signal }),
): Promise<WindowEdges> {
  const { filter } = request;
  // Page 0 is counted (the total) and is the first probe; later probes skip the count.
  const page = (n: number) => fetchPage(probeQuery(filter, n));
  const first = await page(0);
  const total = first.totalCount ?? 0;
  const samples = (n: number, items: { dateCreated?: { ms?: number } }[]): Sample[] =>
    items.map((s, i) => ({ index: n * PROBE_PAGE_SIZE + i, ms: s.dateCreated?.ms }));
  const result = await searchWindowEdges({
    total,
    window,
    order: filter.sortOrder === 'Ascend' ? 'asc' : 'desc',
    known: samples(0, first.items),
    timeSpan:
      filter.startDate && filter.endDate
        ? dayRangeSpan({ startDate: filter.startDate, endDate: filter.endDate })
        : undefined,
    signal,
    probe: async (indexes) => {
      const pages = [...new Set(indexes.map((i) => Math.floor(i / PROBE_PAGE_SIZE)))];
      // One round's probes go out together; without the count, the server only reads a few rows.
      const answers = await Promise.all(pages.map((n) => page(n)));
      return answers.flatMap((a, i) => samples(pages[i]!, a.items));
    },
  });
  return { total, first: result.first, end: result.end };
}
