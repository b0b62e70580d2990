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
 * The search so far: the first edge is known and the rows `[first, first + inside)` are known to lie
 * in the window, while the other edge is still searched. The first rows can show meanwhile.
 */
export interface FirstEdge {
  total: number;
  first: number;
  end?: undefined;
  inside: number;
}

/**
 * Asks for probe page `n` of the request (`probeQuery`, sessions-url.ts): through the app's cache of
 * probes (session-queries.ts), which the volume chart reads too; the head start's early requests
 * before the app runs.
 */
export type FetchProbe = (n: number) => Promise<SessionsPage<SessionSummary>>;

export const isSettled = (e: WindowEdges | FirstEdge | undefined): e is WindowEdges => e?.end !== undefined;

/** A probe page's rows as samples of the result, by index. */
export function probeSamples(n: number, items: readonly { dateCreated?: { ms?: number } }[]): Sample[] {
  return items.map((s, i) => ({ index: n * PROBE_PAGE_SIZE + i, ms: s.dateCreated?.ms }));
}

/** The instants the request's days span, for the searches' first guesses. */
export function requestSpan(request: SessionsRequest): InstantWindow | undefined {
  const { startDate, endDate } = request.filter;
  return startDate && endDate ? dayRangeSpan({ startDate, endDate }) : undefined;
}

/**
 * `onFirst` hears of the first edge as soon as it is known with some rows inside the window after it
 * (once, and only when the search goes on for the other edge).
 */
export async function fetchWindowEdges(
  request: SessionsRequest,
  window: InstantWindow,
  signal: AbortSignal,
  fetchProbe: FetchProbe,
  onFirst?: (edge: FirstEdge) => void,
): Promise<WindowEdges> {
  // Page 0 is counted (the total) and is the first probe; later probes skip the count.
  const page0 = await fetchProbe(0);
  const total = page0.totalCount ?? 0;
  const seen = new Map<number, number | undefined>();
  const samples = (n: number, items: { dateCreated?: { ms?: number } }[]): Sample[] => {
    const found = probeSamples(n, items);
    for (const s of found) seen.set(s.index, s.ms);
    return found;
  };
  const inWindow = (ms: number | undefined) => ms !== undefined && ms >= window.startMs && ms < window.endMs;
  let firstEdge: number | undefined;
  let endKnown = false;
  let reported = false;
  const reportFirst = () => {
    if (reported || endKnown || firstEdge === undefined || !onFirst) return;
    let inside = 0;
    while (firstEdge + inside < total && inWindow(seen.get(firstEdge + inside))) inside++;
    if (inside === 0) return;
    reported = true;
    onFirst({ total, first: firstEdge, inside });
  };
  const result = await searchWindowEdges({
    total,
    window,
    order: request.filter.sortOrder === 'Ascend' ? 'asc' : 'desc',
    known: samples(0, page0.items),
    timeSpan: requestSpan(request),
    signal,
    onEdge: (edge, index) => {
      if (edge === 'end') endKnown = true;
      else firstEdge = index;
    },
    probe: async (indexes) => {
      // Another round: the other edge is still open, and what is known of the first one can show.
      reportFirst();
      const pages = [...new Set(indexes.map((i) => Math.floor(i / PROBE_PAGE_SIZE)))];
      // One round's probes go out together; without the count, the server only reads a few rows.
      const answers = await Promise.all(pages.map((n) => fetchProbe(n)));
      return answers.flatMap((a, i) => samples(pages[i]!, a.items));
    },
  });
  return { total, first: result.first, end: result.end };
}
