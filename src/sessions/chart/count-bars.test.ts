import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SessionsPage, SessionSummary } from '../api/session';
import { toSessionsRequest } from '../api/build-sessions-query';
import { PROBE_PAGE_SIZE } from '../api/sessions-url';
import { fetchWindowEdges, probeSamples, requestSpan } from '../api/window-edges';
import type { InstantWindow } from '../view/covering-days';
import { bucketRows, countBars, SMALL_RESULT, type CountedSegment } from './count-bars';
import { volumeBars } from './volume-bars';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 1);

const summary = (ms: number | undefined, missed = false) =>
  ({
    id: `s${ms}`,
    dateCreated: ms === undefined ? undefined : { raw: '', ms },
    wasMissed: missed,
  }) as SessionSummary;

const signal = new AbortController().signal;
const filter = { startDate: '2026-11-01', endDate: '2026-11-03' };

/**
 * One request's result over `rows` in date order (rows without a date sort as oldest), with one
 * cache of probe pages as the app's: the table's edge search of `window` runs first, through it,
 * and the chart counts after. Every probe page the server answers is recorded, with who asked.
 */
function segmentOver(rows: SessionSummary[], window: InstantWindow, order: 'desc' | 'asc' = 'desc') {
  const ms = (s: SessionSummary) => s.dateCreated?.ms ?? -Infinity;
  const sorted = [...rows].sort((a, b) => (order === 'desc' ? ms(b) - ms(a) : ms(a) - ms(b)));
  const request = toSessionsRequest({
    ...filter,
    sortField: 'dateCreated',
    sortOrder: order === 'desc' ? 'Descend' : 'Ascend',
  });
  const answered: { n: number; by: 'table' | 'chart' }[] = [];
  let asking: 'table' | 'chart' = 'table';
  const cache = new Map<number, Promise<SessionsPage<SessionSummary>>>();
  const pages = new Map<number, SessionsPage<SessionSummary>>();
  const probe = (n: number) => {
    let page = cache.get(n);
    if (!page) {
      answered.push({ n, by: asking });
      const items = sorted.slice(n * PROBE_PAGE_SIZE, (n + 1) * PROBE_PAGE_SIZE);
      const answer = {
        items,
        totalCount: n === 0 ? sorted.length : undefined,
        totalPages: undefined,
        hasMorePages: undefined,
      };
      pages.set(n, answer);
      page = Promise.resolve(answer);
      cache.set(n, page);
    }
    return page;
  };
  let reads = 0;
  const counted: string[] = [];
  let table: ReturnType<typeof fetchWindowEdges> | undefined;
  const segment: CountedSegment = {
    order,
    timeSpan: requestSpan(request),
    windowEdges: () => (table ??= fetchWindowEdges(request, window, signal, probe)),
    known: () => [...pages].flatMap(([n, page]) => probeSamples(n, page.items)),
    probe,
    countFrom: async (day) => {
      counted.push(day);
      const from = Date.parse(`${day}T00:00:00Z`);
      return sorted.filter((s) => ms(s) >= from).length;
    },
    readSmall: async () => {
      reads++;
      return sorted.slice(0, SMALL_RESULT);
    },
  };
  /** The table's search, then the chart's counting from here on. */
  const tableSearch = async () => {
    await segment.windowEdges();
    asking = 'chart';
  };
  return { segment, answered, counted, tableSearch, reads: () => reads };
}

describe('countBars', () => {
  it('counts a small result from its rows, missed sessions stacked', async () => {
    const rows = [summary(T0 + 10), summary(T0 + HOUR + 5, true), summary(T0 + HOUR + 6), summary(T0 - 1)];
    const window = { startMs: T0, endMs: T0 + 2 * HOUR };
    const s = segmentOver(rows, window);
    await s.tableSearch();
    const counts = await countBars([s.segment], window, [T0, T0 + HOUR, T0 + 2 * HOUR], signal);
    expect(counts.total).toEqual([1, 2]);
    expect(counts.missed).toEqual([0, 1]);
    // One read of the rows, no probe past the table's.
    expect(s.reads()).toBe(1);
    expect(s.answered.filter((a) => a.by === 'chart')).toEqual([]);
  });

  it("finds each bar by its edges, from the table's probes on, without reading the result", async () => {
    // 40,000 sessions over two days, one every 4.32 s.
    const rows = Array.from({ length: 40_000 }, (_, i) => summary(T0 + Math.floor(i * 4320)));
    const window = { startMs: T0 + 6 * HOUR + 123, endMs: T0 + 30 * HOUR, zone: 'Asia/Kathmandu' };
    const s = segmentOver(rows, window);
    await s.tableSearch();
    const tableProbes = s.answered.length;
    const { edges } = volumeBars(window);
    const reports: (number | undefined)[][] = [];
    const sums = new Set<number>();
    const counts = await countBars([s.segment], window, edges, signal, (p) => {
      reports.push(p.total);
      sums.add(p.sum);
    });
    expect(counts.total).toEqual(bucketRows(rows, edges).total);
    expect(counts.missed).toBeUndefined();
    // Each report says what all the bars add up to.
    expect([...sums]).toEqual([counts.total.reduce((a, b) => a + b)]);
    // The bars came in as their edges were found: each report knows more bars than the one before,
    // every bar it knows is exact, and the last bars came with the answer itself.
    expect(reports.length).toBeGreaterThan(1);
    const known = reports.map((r) => r.filter((n) => n !== undefined).length);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(new Set(known).size).toBe(known.length);
    expect(known.at(-1)).toBeLessThan(counts.total.length);
    for (const r of reports) r.forEach((n, k) => n !== undefined && expect(n).toBe(counts.total[k]));
    expect(counts.total.reduce((a, b) => a + b)).toBe(
      rows.filter((r) => r.dateCreated!.ms! >= window.startMs && r.dateCreated!.ms! < window.endMs).length,
    );
    expect(s.reads()).toBe(0);
    // The window's own ends cost nothing more (the table found them); each edge between costs a
    // few small probes, not the 4,000 pages of 10 rows the result holds.
    expect(s.answered.length - tableProbes).toBeLessThan(8 * (edges.length - 2));
  });

  it('counts the bars between UTC midnights from the totals of days, in one round, without probes', async () => {
    // 40,000 sessions over three days; hourly bars of a window that crosses two midnights inside
    // the request's days (2026-11-01 to 03).
    const rows = Array.from({ length: 40_000 }, (_, i) => summary(T0 - 12 * HOUR + Math.floor(i * 6480)));
    const window = { startMs: T0 + 22 * HOUR, endMs: T0 + 50 * HOUR, zone: 'UTC' };
    const s = segmentOver(rows, window);
    await s.tableSearch();
    const tableProbes = s.answered.length;
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const midnights = [T0 + 24 * HOUR, T0 + 48 * HOUR];
    const { edges } = volumeBars(window);
    expect(edges.filter((e) => e % (24 * HOUR) === 0)).toEqual(midnights);
    const counts = await countBars([s.segment], window, edges, signal);
    expect(counts.total).toEqual(bucketRows(rows, edges).total);
    expect(s.counted.sort()).toEqual(midnights.map(day));
    // The other edges (hours) are searched: the midnights' counts ask nothing more of them.
    expect(s.answered.length - tableProbes).toBeGreaterThan(0);
  });

  it('adds up the stores of a result (live and archive)', async () => {
    const window = { startMs: T0, endMs: T0 + 2 * HOUR };
    const live = segmentOver([summary(T0 + HOUR + 1), summary(T0 + 10)], window);
    const archive = segmentOver([summary(T0 + 20, true)], window);
    await Promise.all([live.tableSearch(), archive.tableSearch()]);
    const counts = await countBars(
      [live.segment, archive.segment],
      window,
      [T0, T0 + HOUR, T0 + 2 * HOUR],
      signal,
    );
    expect(counts.total).toEqual([2, 1]);
    expect(counts.missed).toEqual([1, 0]);
  });

  it('reports a bar only once every store has counted it', async () => {
    // The live store is small (read whole at once); the archive's 40,000 rows are searched.
    const window = { startMs: T0 + 6 * HOUR + 123, endMs: T0 + 30 * HOUR, zone: 'Asia/Kathmandu' };
    const archived = Array.from({ length: 40_000 }, (_, i) => summary(T0 + Math.floor(i * 4320)));
    const live = segmentOver([summary(T0 + 29 * HOUR)], window);
    const archive = segmentOver(archived, window);
    await Promise.all([live.tableSearch(), archive.tableSearch()]);
    const { edges } = volumeBars(window);
    const reports: (number | undefined)[][] = [];
    const counts = await countBars([live.segment, archive.segment], window, edges, signal, (p) =>
      reports.push(p.total),
    );
    const both = bucketRows([...archived, summary(T0 + 29 * HOUR)], edges).total;
    expect(counts.total).toEqual(both);
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) r.forEach((n, k) => n !== undefined && expect(n).toBe(both[k]));
  });

  it('counts exactly what lies in each bar, for any rows, window and date order', async () => {
    const rowsArb = fc.array(
      fc.oneof(
        { weight: 9, arbitrary: fc.integer({ min: T0 - 5 * HOUR, max: T0 + 60 * HOUR }) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      { minLength: SMALL_RESULT - 50, maxLength: SMALL_RESULT + 1500 },
    );
    await fc.assert(
      fc.asyncProperty(
        rowsArb,
        fc.integer({ min: T0 - 2 * HOUR, max: T0 + 40 * HOUR }),
        fc.integer({ min: 1, max: 30 * HOUR }),
        fc.constantFrom('desc' as const, 'asc' as const),
        async (times, startMs, length, order) => {
          const rows = times.map((ms) => summary(ms));
          const window = { startMs, endMs: startMs + length, zone: 'America/Los_Angeles' };
          const { edges } = volumeBars(window);
          const s = segmentOver(rows, window, order);
          await s.tableSearch();
          const reports: (number | undefined)[][] = [];
          const counts = await countBars([s.segment], window, edges, signal, (p) => reports.push(p.total));
          expect(counts.total).toEqual(bucketRows(rows, edges).total);
          // Bars reported before the end are exact.
          for (const r of reports) r.forEach((n, k) => n !== undefined && expect(n).toBe(counts.total[k]));
          // No probe page is asked twice, whoever asks.
          expect(new Set(s.answered.map((a) => a.n)).size).toBe(s.answered.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
