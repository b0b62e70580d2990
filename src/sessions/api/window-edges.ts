// Where a view's window begins and ends inside one segment's server result sorted by date: one
// count request, then rounds of small probe pages (edge-search.ts decides which rows to ask for).
// A day of thousands of sessions costs a handful of small requests, never a download.
import type { SessionsRequest } from './build-sessions-query';
import type { SessionsPage, SessionSummary } from './session';
import { PROBE_PAGE_SIZE } from './sessions-url';
import { searchWindowEdges, type Sample } from '../view/edge-search';
import { dayRangeSpan, type InstantWindow } from '../view/covering-days';

export interface WindowEdges {
  /** Rows of the segment's result when counted. */
  total: number;
  /** First row inside the window, and first past it: the window's rows are `[first, end)`. */
  first: number;
  end: number;
}

/**
 * Asks for probe page `n` of the request (`probeQuery`, sessions-url.ts): through the app's cache of
 * probes (session-queries.ts), which the volume chart reads too; the head start's early requests
 * before the app runs.
 */
export type FetchProbe = (n: number) => Promise<SessionsPage<SessionSummary>>;

/** A probe page's rows as samples of the result, by index. */
export function probeSamples(n: number, items: readonly { dateCreated?: { ms?: number } }[]): Sample[] {
  return items.map((s, i) => ({ index: n * PROBE_PAGE_SIZE + i, ms: s.dateCreated?.ms }));
}

/** The instants the request's days span, for the searches' first guesses. */
export function requestSpan(request: SessionsRequest): InstantWindow | undefined {
  const { startDate, endDate } = request.filter;
  return startDate && endDate ? dayRangeSpan({ startDate, endDate }) : undefined;
}

export async function fetchWindowEdges(
  request: SessionsRequest,
  window: InstantWindow,
  signal: AbortSignal,
  fetchProbe: FetchProbe,
): Promise<WindowEdges> {
  // Page 0 is counted (the total) and is the first probe; later probes skip the count.
  const first = await fetchProbe(0);
  const total = first.totalCount ?? 0;
  const result = await searchWindowEdges({
    total,
    window,
    order: request.filter.sortOrder === 'Ascend' ? 'asc' : 'desc',
    known: probeSamples(0, first.items),
    timeSpan: requestSpan(request),
    signal,
    probe: async (indexes) => {
      const pages = [...new Set(indexes.map((i) => Math.floor(i / PROBE_PAGE_SIZE)))];
      // One round's probes go out together; without the count, the server only reads a few rows.
      const answers = await Promise.all(pages.map((n) => fetchProbe(n)));
      return answers.flatMap((a, i) => probeSamples(pages[i]!, a.items));
    },
  });
  return { total, first: result.first, end: result.end };
}
