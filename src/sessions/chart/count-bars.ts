// How many sessions fall in each bar of the volume chart, asked of the server without reading the
// result. Under date order, bar k holds the rows between the index of its start edge and the index
// of its end edge, so the counts are the differences of the edges' indexes. The window's own start
// and end are the table's (its edge search, window-edges.ts); each edge between them is one more
// edge search (edge-search.ts), all running at once over the same probe pages as the table's, in
// one cache: they start from every row the table's search read, and every probe answers every
// search (a row seen for one edge narrows all the others). The counts add up to the table's total
// by construction: they telescope to the difference of the window's two edges.
//
// An edge at a UTC midnight needs no search: the API filters by UTC day, so the rows created at or
// after it are the total of the same request starting that day, one counted probe (its page 0).
// Day bars in UTC, and the midnights of hourly bars, cost one request each and one round for all:
// a search costs several rounds of a few probes, and a browser sends six requests at a time to
// one server. Elsewhere (days in other zones, hours) the edges are searched.
//
// Why not the scan for every window: it reads every row (150,000 rows of a 30-day window are 150
// large pages), while the edges cost a few rounds of small requests whatever the size. A result of
// at most SMALL_RESULT rows is read whole in one request: a single round trip, and its rows tell
// missed sessions apart, which the edges cannot.
import type { SessionsPage, SessionSummary } from '../api/session';
import { probeSamples, type WindowEdges } from '../api/window-edges';
import { PROBE_PAGE_SIZE } from '../api/sessions-url';
import type { InstantWindow } from '../view/covering-days';
import { searchWindowEdges, type Sample } from '../view/edge-search';
import { barIndexOf } from './volume-bars';
import { toUtcDay } from '../../lib/utc-days';

const DAY_MS = 86_400_000;

/** A result of at most this many rows is counted from its rows (one request). */
export const SMALL_RESULT = 500;
/**
 * Probes per round and edge: one, where interpolation puts the edge (edge-search.ts). A 30-day chart
 * has 29 edges between the window's ends, and a browser sends six requests at a time to one server
 * (which may answer one at a time): requests cost more than rounds here. A second, bisecting probe
 * per round cost a quarter more requests for a 30-day chart in Los Angeles (196 against 155 in
 * bench/chart-requests.ts), for fewer rounds than the connections could use anyway.
 */
const PROBES_PER_ROUND = 1;

export interface BarCounts {
  /** Sessions per bar; the sum is the window's total. */
  total: number[];
  /** Missed sessions per bar, when the rows were read. */
  missed?: number[];
}

/**
 * The bars counted so far, while the others are searched: bar k is a number once both of its edges
 * are known in every request. Edges far from the table's probes take a few more rounds than others
 * (in Los Angeles a 30-day chart's bars come in over about a second), so the chart fills as they do.
 */
export interface BarProgress {
  total: (number | undefined)[];
  missed?: undefined;
  partial: true;
  /** What all the bars add up to (the window's rows): the bars still counted share the rest. */
  sum: number;
}

/**
 * One server request of the view (live or archive), in date order, as the table searched it. Passed
 * in (session-queries.ts): this module loads lazily, and the cache it reads is the app's.
 */
export interface CountedSegment {
  order: 'desc' | 'asc';
  /** The instants the request's days span, for the searches' first guesses. */
  timeSpan?: InstantWindow;
  /** Where the view's window lies in the request's result: the table's edges. */
  windowEdges: () => Promise<WindowEdges>;
  /** Rows of the result the probes so far have read (the table's search), by index. */
  known: () => Sample[];
  /** Probe page `n` (PROBE_PAGE_SIZE rows), asked at most once. */
  probe: (n: number) => Promise<SessionsPage<SessionSummary>>;
  /** Rows of the result created on UTC day `day` (`YYYY-MM-DD`) or later: one counted probe. */
  countFrom: (day: string) => Promise<number>;
  /** The result's first SMALL_RESULT rows, in one request. */
  readSmall: (signal: AbortSignal) => Promise<SessionSummary[]>;
}

/**
 * Sessions per bar (`edges` as volume-bars.ts makes them, from `window.startMs` to `window.endMs`)
 * over the view's requests (live and archive are counted separately and added up). `onProgress`
 * hears of the bars counted so far each time more of them are, until the last.
 */
export async function countBars(
  segments: readonly CountedSegment[],
  window: InstantWindow,
  edges: readonly number[],
  signal: AbortSignal,
  onProgress?: (progress: BarProgress) => void,
): Promise<BarCounts> {
  const bars = Math.max(0, edges.length - 1);
  const known = segments.map(() => new Array<number | undefined>(bars).fill(undefined));
  const sums = segments.map((): number | undefined => undefined);
  let reported = 0;
  const report = (part: number, sum: number, counts: readonly (number | undefined)[]) => {
    known[part] = [...counts];
    sums[part] = sum;
    if (!onProgress || signal.aborted || sums.includes(undefined)) return;
    const total = Array.from({ length: bars }, (_, k) =>
      known.every((p) => p[k] !== undefined) ? known.reduce((n, p) => n + p[k]!, 0) : undefined,
    );
    const counted = total.filter((n) => n !== undefined).length;
    if (counted <= reported || counted === bars) return;
    reported = counted;
    onProgress({ total, partial: true, sum: sums.reduce((a, b) => a! + b!, 0)! });
  };
  const parts = await Promise.all(
    segments.map((s, i) => countOne(s, window, edges, signal, (sum, counts) => report(i, sum, counts))),
  );
  const sum = (pick: (p: BarCounts) => number[] | undefined) =>
    Array.from({ length: bars }, (_, k) => parts.reduce((n, p) => n + (pick(p)?.[k] ?? 0), 0));
  return {
    total: sum((p) => p.total),
    missed: parts.every((p) => p.missed) ? sum((p) => p.missed) : undefined,
  };
}

async function countOne(
  segment: CountedSegment,
  window: InstantWindow,
  edges: readonly number[],
  signal: AbortSignal,
  progress: (sum: number, counts: readonly (number | undefined)[]) => void,
): Promise<BarCounts> {
  const { total, first, end } = await segment.windowEdges();
  if (total <= SMALL_RESULT) {
    const counts = bucketRows(await segment.readSmall(signal), edges);
    progress(end - first, counts.total);
    return counts;
  }
  const desc = segment.order === 'desc';

  // Every row seen so far, by index: the table's probes, then the chart's own.
  const seen = new Map<number, number | undefined>();
  const learn = (samples: readonly Sample[]) => samples.forEach((s) => seen.set(s.index, s.ms));
  learn(segment.known());
  const samples = () => [...seen].map(([index, ms]) => ({ index, ms }));
  const probe = async (indexes: number[]): Promise<Sample[]> => {
    const pages = [...new Set(indexes.map((i) => Math.floor(i / PROBE_PAGE_SIZE)))];
    await Promise.all(pages.map(async (n) => learn(probeSamples(n, (await segment.probe(n)).items))));
    return samples();
  };

  // Where each edge cuts the result: the rows before it in reading order (newest first, those
  // created at or after it; oldest first, those created before it).
  const cut = async (edgeMs: number) => {
    if (edgeMs === window.startMs) return desc ? end : first;
    if (edgeMs === window.endMs) return desc ? first : end;
    const known = settled(seen, total, edgeMs, desc);
    if (known !== undefined) return known;
    const span = segment.timeSpan;
    if (edgeMs % DAY_MS === 0 && span && edgeMs > span.startMs && edgeMs < span.endMs) {
      // Oldest first, the rows before the edge are the rest (rows without a date among them).
      const after = await segment.countFrom(toUtcDay(edgeMs));
      return desc ? after : total - after;
    }
    const found = await searchWindowEdges({
      total,
      window: { startMs: edgeMs, endMs: Infinity },
      order: segment.order,
      probe,
      known: samples(),
      timeSpan: segment.timeSpan,
      probesPerRound: PROBES_PER_ROUND,
      signal,
    });
    return desc ? found.end : found.first;
  };
  const found = new Array<number | undefined>(edges.length).fill(undefined);
  const between = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? undefined : Math.abs(b - a);
  const cuts = await Promise.all(
    edges.map(async (edgeMs, k) => {
      const at = await cut(edgeMs);
      found[k] = at;
      progress(
        end - first,
        found.slice(1).map((c, j) => between(found[j], c)),
      );
      return at;
    }),
  );
  return { total: cuts.slice(1).map((c, k) => Math.abs(c - cuts[k]!)) };
}

/**
 * Where `edgeMs` cuts the result if the rows seen already tell (an edge past either end of a
 * store's rows, say: the live store's for a midnight in the archive's days).
 */
function settled(
  seen: ReadonlyMap<number, number | undefined>,
  total: number,
  edgeMs: number,
  desc: boolean,
) {
  // The last row known before the cut and the first known at or past it, in reading order.
  let before = -1;
  let after = total;
  for (const [index, ms] of seen) {
    const at = ms !== undefined && Number.isFinite(ms) ? ms : -Infinity;
    const beforeCut = desc ? at >= edgeMs : at < edgeMs;
    if (beforeCut) before = Math.max(before, index);
    else after = Math.min(after, index);
  }
  return after === before + 1 ? after : undefined;
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
