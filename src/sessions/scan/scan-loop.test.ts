import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scanPages } from './scan-loop';
import { EMPTY_SCAN, reduceScan, type ScanChunk, type ScanInput } from './scan-protocol';

/** A fake `GET /sessions` over `sessions`, answering at most `cap` per page, recording each URL. */
function fakeServer(sessions: Record<string, unknown>[], cap = Infinity) {
  const asked: URLSearchParams[] = [];
  const fetchJson = (url: string) => {
    const query = new URL(url).searchParams;
    asked.push(query);
    if (query.get('all')) throw new Error('never all=true');
    const size = Math.min(Number(query.get('countPerPage')), cap);
    const page = Number(query.get('page'));
    const items = sessions.slice(page * size, page * size + size);
    const hasMorePages = (page + 1) * size < sessions.length;
    if (query.get('simplifiedPaging') === 'true') return Promise.resolve({ items, hasMorePages });
    return Promise.resolve({
      items,
      totalCount: sessions.length,
      totalPages: Math.ceil(sessions.length / size),
      hasMorePages,
    });
  };
  return { asked, fetchJson };
}

const sessions = (n: number, prefix = 's') =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    dateCreated: new Date(Date.UTC(2026, 10, 26) - i * 60_000).toISOString(),
    wasMissed: i % 3 === 0,
    outcome: 'Answered',
  }));

const input = (over: Partial<ScanInput> = {}): ScanInput => ({
  requests: [{ startDate: '2026-11-20', endDate: '2026-11-27' }],
  refinements: { missed: true },
  window: { startMs: 0, endMs: Date.UTC(2027, 0, 1) },
  anchorMs: 0,
  keepMatches: true,
  pageSize: 100,
  pagesAhead: 0,
  maxScanned: 200_000,
  maxMatches: 20_000,
  sessionsUrl: 'http://x/api/sessions',
  ...over,
});

async function collect(gen: AsyncGenerator<ScanChunk>) {
  const chunks: ScanChunk[] = [];
  for await (const c of gen) chunks.push(c);
  return { chunks, state: chunks.reduce(reduceScan, EMPTY_SCAN) };
}

describe('scanPages', () => {
  it('keeps exactly the matches, in the server order, with progress per page', async () => {
    const server = fakeServer(sessions(250));
    const { chunks, state } = await collect(scanPages(input(), server.fetchJson));
    const expected = sessions(250)
      .filter((s) => s.wasMissed)
      .map((s) => s.id);
    expect(state.matches.map((s) => s.id)).toEqual(expected);
    expect(state).toMatchObject({ scanned: 250, total: 250, matched: expected.length, done: true });
    expect(state.counts).toMatchObject({
      sessions: 250,
      missed: expected.length,
      outcome: { Answered: 250 },
    });
    expect(chunks.map((c) => c.scanned)).toEqual([100, 200, 250, 250]);
    expect(server.asked.map((q) => q.get('countPerPage'))).toEqual(['100', '100', '100']);
    // The server counts the result once: the later pages skip the count.
    expect(server.asked.map((q) => q.get('simplifiedPaging'))).toEqual([null, 'true', 'true']);
  });

  it("detects a server's page cap from its first page and pages by it", async () => {
    const server = fakeServer(sessions(95), 30);
    const { state } = await collect(scanPages(input(), server.fetchJson));
    expect(state.scanned).toBe(95);
    expect(server.asked.map((q) => [q.get('page'), q.get('countPerPage')])).toEqual([
      ['0', '100'],
      ['1', '30'],
      ['2', '30'],
      ['3', '30'],
    ]);
  });

  it('reads a page ahead when asked to: two in flight once it knows the last page, and none past it', async () => {
    for (const pagesAhead of [0, 1] as const) {
      const server = fakeServer(sessions(550));
      let inFlight = 0;
      let most = 0;
      const slow = async (url: string) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return server.fetchJson(url);
      };
      const { state } = await collect(scanPages(input({ pagesAhead }), slow));
      expect(state).toMatchObject({ scanned: 550, done: true });
      expect(most).toBe(pagesAhead + 1);
      // Each page once, in order, and no seventh page of 100 asked for a result of 5.5.
      expect(server.asked.map((q) => q.get('page'))).toEqual(['0', '1', '2', '3', '4', '5']);
    }
  });

  it('walks several requests in order, showing a session found in two of them once', async () => {
    const live = sessions(120, 'a');
    const archive = [...sessions(2, 'a'), ...sessions(50, 'b')];
    const byStore = { live: fakeServer(live), archive: fakeServer(archive) };
    const fetchJson = (url: string) =>
      (url.includes('searchArchive=true') ? byStore.archive : byStore.live).fetchJson(url);
    const { state } = await collect(
      scanPages(
        input({ requests: [{ startDate: '2026-11-01' }, { startDate: '2026-11-01', searchArchive: true }] }),
        fetchJson,
      ),
    );
    expect(state.scanned).toBe(170);
    expect(state.total).toBe(172);
    expect(new Set(state.matches.map((s) => s.id)).size).toBe(state.matches.length);
    expect(state.matches.at(-1)?.id).toBe('b48');
    // The parts a merge interleaves: the live matches, then the archived ones not seen live.
    const missed = (rows: typeof live) => rows.filter((s) => s.wasMissed).length;
    expect(state.partSizes).toEqual([missed(live), missed(sessions(50, 'b'))]);
  });

  it('stops at its bounds and says which', async () => {
    const scanned = await collect(
      scanPages(input({ maxScanned: 150 }), fakeServer(sessions(1000)).fetchJson),
    );
    expect(scanned.state).toMatchObject({ scanned: 150, done: true, limit: 'scanned' });
    const matched = await collect(scanPages(input({ maxMatches: 10 }), fakeServer(sessions(1000)).fetchJson));
    expect(matched.state).toMatchObject({ matched: 10, done: true, limit: 'matches' });
    expect(matched.state.matches).toHaveLength(10);
  });

  it('only counts when it keeps no matches, and ends at once on an empty result', async () => {
    const { state } = await collect(
      scanPages(input({ refinements: {}, keepMatches: false }), fakeServer(sessions(30)).fetchJson),
    );
    expect(state).toMatchObject({ matches: [], matched: 30, scanned: 30, done: true });
    const empty = await collect(scanPages(input(), fakeServer([]).fetchJson));
    expect(empty.state).toMatchObject({ scanned: 0, total: 0, done: true });
  });

  it('ends a request whose page brings nothing new, as from a server that ignores page', async () => {
    const all = sessions(50);
    const asked: string[] = [];
    const stuck = (url: string) => {
      asked.push(url);
      return Promise.resolve({ items: all.slice(0, 20), totalCount: 50, hasMorePages: true });
    };
    const { state } = await collect(scanPages(input({ pageSize: 20 }), stuck));
    expect(state).toMatchObject({ scanned: 20, done: true });
    // Page 0, then page 1 (asked while page 0 was read) brings nothing new; page 2 was already asked.
    expect(asked.length).toBeLessThanOrEqual(3);
  });

  it('reads past the sessions outside the window: neither counted nor matched', async () => {
    const all = sessions(100);
    // Rows 10..39: created in the 30 minutes before 2026-11-25T23:50Z.
    const window = {
      startMs: Date.UTC(2026, 10, 26) - 39 * 60_000,
      endMs: Date.UTC(2026, 10, 26) - 9 * 60_000,
    };
    const { state } = await collect(scanPages(input({ window }), fakeServer(all).fetchJson));
    const inside = all.slice(10, 40);
    expect(state.counts.sessions).toBe(30);
    expect(state.matches.map((s) => s.id)).toEqual(inside.filter((s) => s.wasMissed).map((s) => s.id));
    expect(state).toMatchObject({ scanned: 100, done: true });
  });

  describe('a request sorted by date, read from its slice', () => {
    // 1,000 sessions a minute apart, newest first; the window holds rows 300..549.
    const all = sessions(1000);
    const msOf = (i: number) => Date.parse(all[i]!.dateCreated);
    const window = { startMs: msOf(549), endMs: msOf(299) };

    it('asks only the pages around the window and keeps exactly its rows', async () => {
      const server = fakeServer(all);
      const { state } = await collect(
        scanPages(input({ window, slices: [{ first: 300, end: 550 }] }), server.fetchJson),
      );
      const inside = all.slice(300, 550);
      expect(state.matches.map((s) => s.id)).toEqual(inside.filter((s) => s.wasMissed).map((s) => s.id));
      expect(state).toMatchObject({ scanned: 250, total: 250, done: true });
      // Pages of 100: the one before the window (its row 299 tells where it begins) to the one past it.
      expect(server.asked.map((q) => q.get('page'))).toEqual(['2', '3', '4', '5']);
    });

    it('finds the same rows when they moved after the edges were found, and from a capped server', () => {
      fc.assert(
        fc.asyncProperty(
          fc.integer({ min: -250, max: 250 }),
          fc.constantFrom(Infinity, 30),
          fc.boolean(),
          async (moved, cap, ascending) => {
            const rows = ascending ? [...all].reverse() : all;
            const first = ascending ? 450 : 300;
            const { state } = await collect(
              scanPages(
                input({
                  window,
                  requests: [{ startDate: '2026-11-20', sortOrder: ascending ? 'Ascend' : 'Descend' }],
                  slices: [{ first: Math.max(0, first + moved), end: Math.max(0, first + moved) + 250 }],
                }),
                fakeServer(rows, cap).fetchJson,
              ),
            );
            const inside = rows.filter((s) => {
              const ms = Date.parse(s.dateCreated);
              return ms >= window.startMs && ms < window.endMs;
            });
            expect(state.matches.map((s) => s.id)).toEqual(
              inside.filter((s) => s.wasMissed).map((s) => s.id),
            );
            expect(state).toMatchObject({ scanned: 250, total: 250, done: true });
          },
        ),
        { numRuns: 60 },
      );
    });
  });
});
