// How many sessions fall in each bar of the volume chart, asked of the server without reading the
// result. Under date order, bar k holds the rows between the index of its start edge and the index
// of its end edge, so the counts are the differences of the edges' indexes: one edge search
// (edge-search.ts) per edge, about 31 for 30 daily bars, all running at once over one shared cache
// of probed rows. Every probe answers every search (a row seen for one edge narrows all the
// others), and the first rounds of neighbouring edges ask the same pages. The counts add up to the
// window's total by construction: they telescope to index(start) - index(end).
//
// Why not the scan for every window: it reads every row (150,000 rows of a 30-day window are 150
// large pages), while the edges cost a few rounds of small requests whatever the size. A result of
// at most SMALL_RESULT rows is read whole in the one request that also brings its total: a single
// round trip, and its rows tell missed sessions apart, which the edges cannot.
import type { SessionsFilter, SessionsPaging } from '../api/build-sessions-query';
import type { SessionsPage, SessionSummary } from '../api/session';
import { searchWindowEdges, type Sample } from '../view/edge-search';
import { barIndexOf } from './volume-bars';
import { utcDayToMs } from '../../lib/utc-days';

const DAY_MS = 86_400_000;

/** A result of at most this many rows is counted from its rows (one request). */
export const SMALL_RESULT = 500;
/** Rows per probe request: a page around each probed index, every row of it used. */
export const PROBE_PAGE_SIZE = 100;
/** Probes per round and edge: 31 edges ask up to 124 small pages a round. */
const PROBES_PER_ROUND = 2;

export interface BarCounts {
  /** Sessions per bar; the sum is the window's total. */
  total: number[];
  /** Missed sessions per bar, when the rows were read. */
  missed?: number[];
  /** Requests made, for the benchmark and tests. */
  requests: number;
}

/**
 * Asks `GET /sessions` for one page of summaries. Passed in (session-queries.ts): this module loads
 * lazily, and the query builder must stay in the first screen's one chunk.
 */
export type FetchSummaries = (
  filter: SessionsFilter,
  paging: SessionsPaging,
  signal: AbortSignal,
) => Promise<SessionsPage<SessionSummary>>;

const dateDescending = (filter: SessionsFilter): SessionsFilter => ({
  ...filter,
  sortField: 'dateCreated',
  sortOrder: 'Descend',
});

/** The instants the request's days span, for the searches' first guesses. */
function daysSpan(filter: SessionsFilter, edges: readonly number[]) {
  const startMs = filter.startDate ? utcDayToMs(filter.startDate) : edges[0]!;
  const endMs = filter.endDate ? utcDayToMs(filter.endDate) + DAY_MS : edges[edges.length - 1]!;
  return { startMs, endMs };
}

/**
 * Sessions per bar (`edges` as volume-bars.ts makes them) over the result of `filters`, the view's
 * server requests (live and archive are counted separately and added up).
 */
export async function countBars(
  filters: readonly SessionsFilter[],
  edges: readonly number[],
  fetchSummaries: FetchSummaries,
  signal: AbortSignal,
): Promise<BarCounts> {
  const bars = Math.max(0, edges.length - 1);
  const parts = await Promise.all(
    filters.map((f) => countOne(dateDescending(f), edges, fetchSummaries, signal)),
  );
  const sum = (pick: (p: BarCounts) => number[] | undefined) =>
    Array.from({ length: bars }, (_, k) => parts.reduce((n, p) => n + (pick(p)?.[k] ?? 0), 0));
  return {
    total: sum((p) => p.total),
    missed: parts.every((p) => p.missed) ? sum((p) => p.missed) : undefined,
    requests: parts.reduce((n, p) => n + p.requests, 0),
  };
}

async function countOne(
  filter: SessionsFilter,
  edges: readonly number[],
  fetchSummaries: FetchSummaries,
  signal: AbortSignal,
): Promise<BarCounts> {
  const first = await fetchSummaries(filter, { page: 0, countPerPage: SMALL_RESULT }, signal);
  const total = first.totalCount ?? first.items.length;
  if (total <= first.items.length) return { ...bucketRows(first.items, edges), requests: 1 };

  // Every row seen so far, by index; pages asked, each once.
  const seen = new Map<number, number | undefined>();
  first.items.forEach((s, i) => seen.set(i, s.dateCreated?.ms));
  const pages = new Map<number, Promise<void>>();
  const probe = async (indexes: number[]): Promise<Sample[]> => {
    const wanted = new Set(indexes.map((i) => Math.floor(i / PROBE_PAGE_SIZE)));
    await Promise.all(
      [...wanted].map((page) => {
        let request = pages.get(page);
        if (!request) {
          const paging = { page, countPerPage: PROBE_PAGE_SIZE, simplifiedPaging: true };
          request = fetchSummaries(filter, paging, signal).then((answer) =>
            answer.items.forEach((s, i) => seen.set(page * PROBE_PAGE_SIZE + i, s.dateCreated?.ms)),
          );
          pages.set(page, request);
        }
        return request;
      }),
    );
    return [...seen].map(([index, ms]) => ({ index, ms }));
  };

  const span = daysSpan(filter, edges);
  // Index of each edge: the rows created at or after it (newest first, so they come first).
  const indexes = await Promise.all(
    edges.map(async (edgeMs) => {
      const { end } = await searchWindowEdges({
        total,
        window: { startMs: edgeMs, endMs: Infinity },
        probe,
        known: [...seen].map(([index, ms]) => ({ index, ms })),
        timeSpan: span,
        probesPerRound: PROBES_PER_ROUND,
        signal,
      });
      return end;
    }),
  );
  return {
    total: indexes.slice(1).map((end, k) => indexes[k]! - end),
    requests: 1 + pages.size,
  };
}

/** Counts of rows already at hand (a small result, or a scan's matches), with missed stacked. */
export function bucketRows(rows: readonly SessionSummary[], edges: readonly number[]) {
  const bars = Math.max(0, edges.length - 1);
  const total = new Array<number>(bars).fill(0);
  const missed = new Array<number>(bars).fill(0);
  for (const row of rows) {
    const k = barIndexOf(edges, row.dateCreated?.ms ?? NaN);
    if (k < 0) continue;
    total[k]!++;
    if (row.wasMissed === true) missed[k]!++;
  }
  return { total, missed };
}
