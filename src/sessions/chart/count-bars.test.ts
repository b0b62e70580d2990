import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SessionsPage, SessionSummary } from '../api/session';
import { buildSessionsQuery } from '../api/build-sessions-query';
import { bucketRows, countBars, SMALL_RESULT, type FetchSummaries } from './count-bars';
import { volumeBars } from './volume-bars';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 1);

const summary = (ms: number | undefined, missed = false) =>
  ({
    id: `s${ms}`,
    dateCreated: ms === undefined ? undefined : { raw: '', ms },
    wasMissed: missed,
  }) as SessionSummary;

/** A server over `rows` that pages them newest first (rows without a date last), counting requests. */
function fakeServer(rows: SessionSummary[]) {
  const sorted = [...rows].sort(
    (a, b) => (b.dateCreated?.ms ?? -Infinity) - (a.dateCreated?.ms ?? -Infinity),
  );
  const asked: URLSearchParams[] = [];
  const fetch: FetchSummaries = async (filter, paging) => {
    const query = buildSessionsQuery(filter, paging);
    asked.push(query);
    const page = Number(query.get('page') ?? 0);
    const size = Number(query.get('countPerPage') ?? 25);
    const items = sorted.slice(page * size, (page + 1) * size);
    const more = (page + 1) * size < sorted.length;
    const answer: SessionsPage<SessionSummary> = {
      items,
      totalCount: query.get('simplifiedPaging') ? undefined : sorted.length,
      totalPages: undefined,
      hasMorePages: more,
    };
    return answer;
  };
  return { fetch, asked };
}

const signal = new AbortController().signal;
const filter = { startDate: '2026-11-01', endDate: '2026-11-03' };

describe('countBars', () => {
  it('counts a small result from its one page, missed sessions stacked', async () => {
    const rows = [summary(T0 + 10), summary(T0 + HOUR + 5, true), summary(T0 + HOUR + 6), summary(T0 - 1)];
    const { fetch, asked } = fakeServer(rows);
    const edges = [T0, T0 + HOUR, T0 + 2 * HOUR];
    const counts = await countBars([filter], edges, fetch, signal);
    expect(counts.total).toEqual([1, 2]);
    expect(counts.missed).toEqual([0, 1]);
    expect(asked).toHaveLength(1);
    // Counted in date order whatever the view's sort.
    expect(asked[0]!.get('sortField')).toBe('dateCreated');
    expect(asked[0]!.get('sortOrder')).toBe('Descend');
  });

  it('finds each bar of a large result by its edges, without reading it', async () => {
    // 40,000 sessions over two days, one every 4.32 s.
    const rows = Array.from({ length: 40_000 }, (_, i) => summary(T0 + Math.floor(i * 4320)));
    const { fetch, asked } = fakeServer(rows);
    const window = { startMs: T0 + 6 * HOUR + 123, endMs: T0 + 30 * HOUR, zone: 'Asia/Kathmandu' };
    const { edges } = volumeBars(window);
    const counts = await countBars([filter], edges, fetch, signal);
    expect(counts.total).toEqual(bucketRows(rows, edges).total);
    expect(counts.missed).toBeUndefined();
    expect(counts.total.reduce((a, b) => a + b)).toBe(
      rows.filter((r) => r.dateCreated!.ms! >= window.startMs && r.dateCreated!.ms! < window.endMs).length,
    );
    // A few requests per edge at most, not the 400 pages of 100 rows the result holds.
    expect(asked.length).toBeLessThan(4 * edges.length);
  });

  it('adds up the stores of a result (live and archive)', async () => {
    const live = fakeServer([summary(T0 + HOUR + 1), summary(T0 + 10)]);
    const archive = fakeServer([summary(T0 + 20, true)]);
    const fetch: FetchSummaries = (f, paging, s) =>
      f.searchArchive ? archive.fetch(f, paging, s) : live.fetch(f, paging, s);
    const counts = await countBars(
      [filter, { ...filter, searchArchive: true }],
      [T0, T0 + HOUR, T0 + 2 * HOUR],
      fetch,
      signal,
    );
    expect(counts.total).toEqual([2, 1]);
    expect(counts.missed).toEqual([1, 0]);
  });

  it('counts exactly what lies in each bar, for any rows and window', async () => {
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
        async (times, startMs, length) => {
          const rows = times.map((ms) => summary(ms));
          const { edges } = volumeBars({ startMs, endMs: startMs + length, zone: 'America/Los_Angeles' });
          const counts = await countBars([filter], edges, fakeServer(rows).fetch, signal);
          expect(counts.total).toEqual(bucketRows(rows, edges).total);
        },
      ),
      { numRuns: 40 },
    );
  });
});
