import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { searchWindowEdges, type EdgeSearchOptions, type Sample } from './edge-search';

/** A result held in memory, reachable only through a probe that counts what it is asked. */
function server(values: (number | undefined)[], extraAround = 0) {
  const calls: number[][] = [];
  const probe = async (indexes: number[]): Promise<Sample[]> => {
    calls.push(indexes);
    const out = new Map<number, Sample>();
    for (const i of indexes) {
      for (let j = i - extraAround; j <= i + extraAround; j++)
        if (j >= 0 && j < values.length) out.set(j, { index: j, ms: values[j] });
    }
    return [...out.values()];
  };
  return { probe, calls };
}

/** The answer by reading every row. Rows without a date count as older than every date. */
function expected(values: (number | undefined)[], startMs: number, endMs: number, order: 'asc' | 'desc') {
  const v = values.map((ms) => (ms === undefined || Number.isNaN(ms) ? -Infinity : ms));
  const inside = (ms: number) => ms >= startMs && ms < endMs;
  const firstInside = v.findIndex(inside);
  if (firstInside >= 0) return { first: firstInside, end: firstInside + v.filter(inside).length };
  // Empty: both edges where the window would be.
  const at = order === 'desc' ? v.findIndex((ms) => ms < endMs) : v.findIndex((ms) => ms >= startMs);
  const edge = at < 0 ? v.length : at;
  return { first: edge, end: edge };
}

const T0 = Date.parse('2026-12-05T00:00:00Z');

describe('searchWindowEdges', () => {
  const resultArb = fc.record({
    // Few distinct times, so that many rows share one: the edges fall inside runs of equal times.
    times: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 3000 }),
    undated: fc.nat(5),
    order: fc.constantFrom('asc' as const, 'desc' as const),
    a: fc.integer({ min: -2, max: 62 }),
    b: fc.integer({ min: -2, max: 62 }),
    known: fc.boolean(),
    k: fc.integer({ min: 1, max: 12 }),
  });

  it('finds exactly the first row inside the window and the first past it', async () => {
    await fc.assert(
      fc.asyncProperty(resultArb, async ({ times, undated, order, a, b, known, k }) => {
        const sorted = times.map((t) => T0 + t * 60_000).sort((x, y) => (order === 'desc' ? y - x : x - y));
        // SQL puts rows without a date last when descending and first when ascending.
        const none = Array.from({ length: undated }, () => undefined);
        const values = order === 'desc' ? [...sorted, ...none] : [...none, ...sorted];
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const window = { startMs: T0 + lo * 60_000, endMs: T0 + hi * 60_000 };
        const { probe, calls } = server(values);
        const options: EdgeSearchOptions = { total: values.length, window, order, probe, probesPerRound: k };
        if (known && values.length) options.known = [{ index: 0, ms: values[0] }];
        const result = await searchWindowEdges(options);

        expect({ first: result.first, end: result.end }).toEqual(
          expected(values, window.startMs, window.endMs, order),
        );
        // Each round is one call, asks only for rows not yet seen, and narrows by a factor each time.
        expect(result.rounds).toBe(calls.length);
        const asked = calls.flat();
        expect(new Set(asked).size).toBe(asked.length);
        expect(asked.every((i) => i >= 0 && i < values.length)).toBe(true);
        // Both edges shrink in the same rounds, by at least floor(k/2) + 1 each round; with one
        // probe a round, by half every two rounds.
        const shrink = Math.floor(k / 2) + 1;
        const bound =
          k === 1
            ? 2 * Math.ceil(Math.log2(values.length + 1)) + 2
            : Math.ceil(Math.log(values.length + 1) / Math.log(shrink)) + 1;
        expect(result.rounds).toBeLessThanOrEqual(bound);
        // One probe a round for each edge still open, and the result's two ends while unseen.
        if (k === 1) expect(Math.max(0, ...calls.map((c) => c.length))).toBeLessThanOrEqual(4);
      }),
      { numRuns: 400 },
    );
  });

  it('with one probe a round, halves the bracket every two rounds where time is far from linear', async () => {
    // Nearly every row crammed at the start of the span: interpolation alone creeps along one side.
    const n = 100_000;
    const rows = Array.from({ length: n }, (_, i) => T0 + Math.round(1e12 * (i / n) ** 20));
    const edge = Math.floor(n / 3);
    const window = { startMs: rows[edge]!, endMs: Infinity };
    const { probe, calls } = server(rows);
    const result = await searchWindowEdges({ total: n, window, order: 'asc', probe, probesPerRound: 1 });
    expect(result.first).toBe(rows.indexOf(rows[edge]!));
    expect(result.rounds).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n + 1)) + 2);
    expect(calls.flat().length).toBeLessThanOrEqual(2 * result.rounds + 2);
  });

  it('finds a minute in a day of 10,000 sessions in a few rounds of small probes', async () => {
    // Arrivals follow the working day (few at night, most mid-afternoon), newest first.
    const rows: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const u = (i * 0.6180339887) % 1;
      const hour = 6 + 13 * Math.sqrt(u) * (0.7 + 0.3 * Math.sin(u * 9));
      rows.push(T0 + Math.floor(hour * 3_600_000));
    }
    rows.sort((x, y) => y - x);
    const window = { startMs: T0 + 14.25 * 3_600_000, endMs: T0 + 14.5 * 3_600_000 };
    const search = (probe: EdgeSearchOptions['probe']) =>
      searchWindowEdges({
        total: rows.length,
        window,
        probe,
        known: [{ index: 0, ms: rows[0] }],
        timeSpan: { startMs: T0 - 86_400_000, endMs: T0 + 2 * 86_400_000 },
      });
    // Probes of one row each.
    const single = server(rows);
    const small = await search(single.probe);
    expect(small).toMatchObject(expected(rows, window.startMs, window.endMs, 'desc'));
    expect(small.rounds).toBeLessThanOrEqual(4);
    expect(single.calls.flat().length).toBeLessThanOrEqual(60);
    // Probes that each fetch a page of 101 rows around the index: two rounds.
    const paged = await search(server(rows, 50).probe);
    expect(paged).toMatchObject(expected(rows, window.startMs, window.endMs, 'desc'));
    expect(paged.rounds).toBeLessThanOrEqual(2);
  });

  it('uses every row a probe brings, not only those asked for', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => T0 - i * 10_000);
    const window = { startMs: T0 - 3000 * 10_000, endMs: T0 - 1200 * 10_000 };
    const narrow = await searchWindowEdges({ total: 5000, window, probe: server(rows).probe });
    const paged = await searchWindowEdges({ total: 5000, window, probe: server(rows, 12).probe });
    expect([paged.first, paged.end]).toEqual([1201, 3001]);
    expect([narrow.first, narrow.end]).toEqual([1201, 3001]);
    expect(paged.rounds).toBeLessThan(narrow.rounds);
  });

  it('reports each edge once, as soon as it is known', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => T0 - i * 1000);
    const seen: [string, number][] = [];
    const result = await searchWindowEdges({
      total: 1000,
      window: { startMs: T0 - 500_500, endMs: Infinity },
      probe: server(rows).probe,
      onEdge: (edge, index) => seen.push([edge, index]),
    });
    expect(seen).toEqual([
      ['first', 0],
      ['end', 501],
    ]);
    expect(result).toMatchObject({ first: 0, end: 501 });
  });

  it('ends when the result shrinks under it: missing rows read as past the end', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => T0 - i * 1000);
    const probe = async (indexes: number[]) =>
      indexes.filter((i) => i < 600).map((index) => ({ index, ms: rows[index] }));
    const result = await searchWindowEdges({
      total: 1000,
      window: { startMs: T0 - 900_500, endMs: T0 - 100_500 },
      probe,
    });
    expect(result).toMatchObject({ first: 101, end: 600 });
  });

  it('needs no probe for an empty result, and stops when aborted', async () => {
    const none = await searchWindowEdges({
      total: 0,
      window: { startMs: 0, endMs: 1 },
      probe: async () => [],
    });
    expect(none).toEqual({ first: 0, end: 0, rounds: 0, probed: 0 });

    const controller = new AbortController();
    const rows = Array.from({ length: 1000 }, (_, i) => T0 - i * 1000);
    const probe = async (indexes: number[]) => {
      controller.abort();
      return indexes.map((index) => ({ index, ms: rows[index] }));
    };
    await expect(
      searchWindowEdges({
        total: 1000,
        window: { startMs: T0 - 9000, endMs: T0 },
        probe,
        signal: controller.signal,
      }),
    ).rejects.toThrow();
  });
});
