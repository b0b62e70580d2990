// The volume chart's query: its counts go through the table's own edge search and probe cache.
import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { createSessionsHandlers } from '../../../test/msw-handlers';
import { FACTORY_NOW, makeWireSession } from '../../../test/session-factory';
import { sessionQueries } from './session-queries';
import { toSessionsRequest as req } from './build-sessions-query';
import { hangingProbes, newClient, serveApi } from './session-queries-test-helpers';

const { server, requests } = serveApi();

describe('sessionQueries.volume', () => {
  it('gives up the probes it asked for when the chart is given up (the view changed)', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    server.use(hangingProbes());
    const client = newClient();
    const request = req({ sortField: 'dateCreated' });
    const window = { startMs: FACTORY_NOW - 86_400_000, endMs: FACTORY_NOW - 3_600_000 };
    // The table has found its window; the chart searches one more edge, between its ends.
    client.setQueryData(sessionQueries.edges(request, window, FACTORY_NOW).queryKey, {
      total: 5_000,
      first: 100,
      end: 4_000,
    });
    const edges = [window.startMs, window.startMs + 5 * 3_600_000 + 60_000, window.endMs];
    const options = sessionQueries.volume([request], window, edges, FACTORY_NOW);
    void client.fetchQuery(options).catch(() => {});
    const hanging = () => fetchSpy.mock.calls.filter((call) => String(call[0]).includes('simplifiedPaging'));
    await vi.waitFor(() => expect(hanging().length).toBeGreaterThan(0));
    // Its searches' probes, asked in the background.
    expect(hanging().every((call) => call[1]?.priority === 'low')).toBe(true);
    await client.cancelQueries({ queryKey: options.queryKey });
    const probes = hanging().map((call) => call[1]?.signal);
    await vi.waitFor(() => expect(probes.every((signal) => signal?.aborted === true)).toBe(true));
  });

  it('holds the bars counted so far while the others are searched, and counts again once given up', async () => {
    server.use(hangingProbes());
    const client = newClient();
    const request = req({ startDate: '2026-11-20', endDate: '2026-11-27', sortField: 'dateCreated' });
    const window = { startMs: Date.parse('2026-11-22T00:00:00Z'), endMs: Date.parse('2026-11-25T00:00:00Z') };
    client.setQueryData(sessionQueries.edges(request, window, FACTORY_NOW).queryKey, {
      total: 5_000,
      first: 100,
      end: 4_000,
    });
    // A midnight's edge is one counted request (answered); an hour's is searched (its probes hang).
    const edges = [
      window.startMs,
      Date.parse('2026-11-23T00:00:00Z'),
      Date.parse('2026-11-24T05:00:00Z'),
      window.endMs,
    ];
    const options = sessionQueries.volume([request], window, edges, FACTORY_NOW);
    void client.fetchQuery(options).catch(() => {});
    // Newest first: 4,000 rows from the window's start on, 5,000 from the midnight on.
    await vi.waitFor(() =>
      expect(client.getQueryData(options.queryKey)).toEqual({
        total: [1_000, undefined, undefined],
        partial: true,
        sum: 3_900,
      }),
    );
    expect(client.getQueryState(options.queryKey)?.fetchStatus).toBe('fetching');

    await client.cancelQueries({ queryKey: options.queryKey });
    // Shown again later, the chart is counted again rather than left half drawn.
    const observer = new QueryObserver(client, options);
    const unsubscribe = observer.subscribe(() => {});
    expect(observer.getCurrentResult().fetchStatus).toBe('fetching');
    unsubscribe();
  });

  it("asks at low priority, so the table's pages go first (the table's own probes do not)", async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const client = newClient();
    const request = req({ sortField: 'dateCreated' });
    const window = { startMs: FACTORY_NOW - 86_400_000, endMs: FACTORY_NOW - 3_600_000 };
    await client.fetchQuery(sessionQueries.edges(request, window, FACTORY_NOW));
    const table = fetchSpy.mock.calls.length;
    expect(table).toBeGreaterThan(0);
    await client.fetchQuery(sessionQueries.page(request, 0));
    const edges = [window.startMs, window.startMs + 5 * 3_600_000 + 60_000, window.endMs];
    await client.fetchQuery(sessionQueries.volume([request], window, edges, FACTORY_NOW));
    const priorities = fetchSpy.mock.calls.map((call) => call[1]?.priority);
    expect(priorities.slice(0, table + 1).every((p) => p === undefined)).toBe(true);
    expect(priorities.slice(table + 1).length).toBeGreaterThan(0);
    expect(priorities.slice(table + 1).every((p) => p === 'low')).toBe(true);
  });
});

describe('sessionQueries.volume over a result', () => {
  it("counts a window's bars through the table's edge search, asking no probe page twice", async () => {
    // 2,000 live sessions, one every 3 minutes up to an hour ago: past the size read whole.
    const many = Array.from({ length: 2000 }, (_, i) =>
      makeWireSession(
        { id: `v-${i}`, dateCreated: new Date(FACTORY_NOW - 3_600_000 - i * 180_000).toISOString() },
        i,
      ),
    );
    server.use(...createSessionsHandlers(many));
    const client = newClient();
    const request = req({
      startDate: '2026-11-22',
      endDate: '2026-11-28',
      sortField: 'dateCreated',
      sortOrder: 'Descend',
    });
    // Four days in UTC, from a moment that is not a midnight: day bars, three edges at midnights.
    const window = { startMs: Date.parse('2026-11-23T09:30:00Z'), endMs: Date.parse('2026-11-27T00:00:00Z') };
    const edges = [
      window.startMs,
      ...[24, 25, 26].map((d) => Date.parse(`2026-11-${d}T00:00:00Z`)),
      window.endMs,
    ];
    const anchorMs = FACTORY_NOW;

    // The table's search first, as the chart waits for its first rows.
    const found = await client.fetchQuery(sessionQueries.edges(request, window, anchorMs));
    const tableAsked = requests.length;
    const counts = await client.fetchQuery(sessionQueries.volume([request], window, edges, anchorMs));

    const inBar = (k: number) =>
      many.filter((s) => {
        const ms = Date.parse(s.dateCreated!);
        return ms >= edges[k]! && ms < edges[k + 1]!;
      }).length;
    expect(counts.total).toEqual([0, 1, 2, 3].map(inBar));
    expect(counts.total.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(found.end! - found.first);
    const asked = requests.map((u) => u.search);
    expect(new Set(asked).size).toBe(asked.length);
    // The chart's own requests: one counted probe for each midnight, nothing read whole.
    const chart = requests.slice(tableAsked);
    expect(chart.map((u) => u.searchParams.get('startDate')).sort()).toEqual([
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ]);
    expect(
      chart.every((u) => u.searchParams.get('countPerPage') === '10' && u.searchParams.get('page') === '0'),
    ).toBe(true);
  });
});
