import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { serviceStackError, SESSIONS_URL } from '../../../test/msw-handlers';
import { FACTORY_NOW } from '../../../test/session-factory';
import { SESSIONS_PAGE_SIZE, sessionQueries } from './session-queries';
import { toSessionsRequest as req } from './build-sessions-query';
import { hangingProbes, live, newClient, serveApi } from './session-queries-test-helpers';

const { server, requests } = serveApi();

const EMPTY_PAGE = { items: [], totalCount: 0, totalPages: 0, hasMorePages: false };

describe('sessionQueries keys', () => {
  it("nest under one root, with the request's key and the page in a page key", () => {
    expect(sessionQueries.all()).toEqual(['sessions']);
    const page = sessionQueries.page(req({ from: '503', searchArchive: true }), 3);
    expect(page.queryKey).toEqual(['sessions', 'page', 'searchArchive=true&from=503', 3]);
    expect(sessionQueries.isPage(page)).toBe(true);
    expect(sessionQueries.isSessions(page)).toBe(true);
    const detail = sessionQueries.detail('abc');
    expect(detail.queryKey).toEqual(['sessions', 'detail', 'abc']);
    expect(sessionQueries.isPage(detail)).toBe(false);
    expect(sessionQueries.isSessions({ queryKey: ['auth'] })).toBe(false);
  });

  it('mark every sessions query as one whose 401 means the sign-in expired', () => {
    for (const o of [
      sessionQueries.page(req({}), 0),
      sessionQueries.count(req({})),
      sessionQueries.detail('x'),
    ]) {
      expect(o.meta?.signInOnUnauthorized).toBe(true);
    }
  });

  it('give filters that send the same request the same key, and different ones different keys', () => {
    const a = sessionQueries.page(req({ from: '', to: '1', accountIds: [] }), 0).queryKey;
    const b = sessionQueries.page(req({ to: '1' }), 0).queryKey;
    expect(a).toEqual(b);
    expect(sessionQueries.page(req({ to: '1' }), 1).queryKey).not.toEqual(b);
    expect(sessionQueries.page(req({ to: '1', sortOrder: 'Ascend' }), 0).queryKey).not.toEqual(b);
  });

  it('result selects the pages of exactly one filter', async () => {
    const client = newClient();
    const filters = [
      {},
      { to: '1' },
      { to: '1', from: '2' },
      { accountIds: ['a'] },
      { accountIds: ['a', 'b'] },
    ];
    for (const f of filters)
      for (const n of [0, 1]) client.setQueryData(sessionQueries.page(req(f), n).queryKey, EMPTY_PAGE);
    for (const f of filters) {
      const hits = client.getQueryCache().findAll({ queryKey: sessionQueries.result(req(f)) });
      expect(hits.map((q) => q.queryKey)).toEqual([0, 1].map((n) => sessionQueries.page(req(f), n).queryKey));
    }
  });

  it('drop unobserved pages soon and keep fresh ones for a while', () => {
    const o = sessionQueries.page(req({}), 0);
    expect(o.gcTime).toBeLessThanOrEqual(30_000);
    expect(o.staleTime).toBeGreaterThan(0);
  });

  it("leave retries to the client's defaults, so a test client can turn them off", () => {
    for (const o of [
      sessionQueries.page(req({}), 0),
      sessionQueries.count(req({})),
      sessionQueries.detail('x'),
    ]) {
      expect(o).not.toHaveProperty('retry');
    }
  });
});

describe('sessionQueries.page', () => {
  it('fetches one page of SESSIONS_PAGE_SIZE with the filter', async () => {
    const page = await newClient().fetchQuery(sessionQueries.page(req({ to: '+1' }), 2));
    expect(page.items).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.search).toBe(
      `?to=%2B1&page=2&countPerPage=${SESSIONS_PAGE_SIZE}&simplifiedPaging=true`,
    );
  });

  it('keeps pages without logs and members: the drawer fetches its session whole', async () => {
    expect(live.log?.length).toBeGreaterThan(0);
    expect(live.members?.length).toBeGreaterThan(0);
    const page = await newClient().fetchQuery(sessionQueries.page(req({}), 0));
    expect(page.items.map((s) => [s.id, 'log' in s, 'members' in s])).toEqual([['live-1', false, false]]);
    const detail = await newClient().fetchQuery(sessionQueries.detail('live-1'));
    expect(detail?.session.log).toHaveLength(live.log!.length);
    expect(detail?.session.members).toHaveLength(live.members!.length);
  });

  it('does not retry a 400', async () => {
    server.use(http.get(SESSIONS_URL, () => serviceStackError(400, 'bad')));
    await expect(newClient().fetchQuery(sessionQueries.page(req({}), 0))).rejects.toMatchObject({
      status: 400,
    });
    expect(requests).toHaveLength(1);
  });

  it('retries a 503 twice', async () => {
    server.use(http.get(SESSIONS_URL, () => serviceStackError(503, 'busy')));
    await expect(newClient().fetchQuery(sessionQueries.page(req({}), 0))).rejects.toMatchObject({
      status: 503,
    });
    expect(requests).toHaveLength(3);
  });

  it("passes React Query's signal to fetch, so cancelling aborts the request", async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    server.use(http.get(SESSIONS_URL, () => new Promise<Response>(() => {})));
    const client = newClient();
    const options = sessionQueries.page(req({}), 5);
    void client.fetchQuery(options).catch(() => {});
    await vi.waitFor(() => expect(fetchSpy).toHaveBeenCalled());
    await client.cancelQueries({ queryKey: options.queryKey });
    const init = fetchSpy.mock.calls[0]?.[1];
    expect(init?.signal?.aborted).toBe(true);
  });
});

describe('sessionQueries.edges', () => {
  it('gives up its probes in flight when the search is given up (the view changed)', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    server.use(hangingProbes());
    const client = newClient();
    const window = { startMs: FACTORY_NOW - 86_400_000, endMs: FACTORY_NOW - 3_600_000 };
    const options = sessionQueries.edges(req({ sortField: 'dateCreated' }), window, FACTORY_NOW);
    void client.fetchQuery(options).catch(() => {});
    await vi.waitFor(() => expect(fetchSpy.mock.calls.length).toBeGreaterThan(1));
    await client.cancelQueries({ queryKey: options.queryKey });
    const probes = fetchSpy.mock.calls.slice(1).map((call) => call[1]?.signal);
    expect(probes.length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(probes.every((signal) => signal?.aborted === true)).toBe(true));
  });
});

describe('sessionQueries.count', () => {
  it('asks for one row and resolves to the total', async () => {
    expect(await newClient().fetchQuery(sessionQueries.count(req({})))).toBe(1);
    expect(await newClient().fetchQuery(sessionQueries.count(req({ searchArchive: true, to: 'zzz' })))).toBe(
      0,
    );
    expect(requests.map((u) => u.search)).toEqual([
      '?page=0&countPerPage=1',
      '?searchArchive=true&to=zzz&page=0&countPerPage=1',
    ]);
  });
});

describe('sessionQueries.detail', () => {
  it('finds a live session with one request', async () => {
    const d = await newClient().fetchQuery(sessionQueries.detail('live-1'));
    expect(d).toMatchObject({ archived: false, session: { id: 'live-1' } });
    expect(requests.map((u) => u.search)).toEqual(['?specificIds=live-1']);
  });

  it('looks in the archive when the live search lacks it', async () => {
    const d = await newClient().fetchQuery(sessionQueries.detail('old-1'));
    expect(d).toMatchObject({ archived: true, session: { id: 'old-1' } });
    expect(requests.map((u) => u.search)).toEqual([
      '?specificIds=old-1',
      '?searchArchive=true&specificIds=old-1',
    ]);
  });

  it('resolves to null when neither has it', async () => {
    expect(await newClient().fetchQuery(sessionQueries.detail('nope'))).toBeNull();
    expect(requests).toHaveLength(2);
  });

  it('only accepts the exact id, whatever else the server returns', async () => {
    server.use(http.get(SESSIONS_URL, () => HttpResponse.json({ items: [{ id: 'other' }] })));
    expect(await newClient().fetchQuery(sessionQueries.detail('wanted'))).toBeNull();
  });

  it('fails with the ApiError when a search fails, without trying the archive', async () => {
    server.use(http.get(SESSIONS_URL, () => serviceStackError(401, 'Not Authenticated')));
    await expect(newClient().fetchQuery(sessionQueries.detail('live-1'))).rejects.toMatchObject({
      name: 'ApiError',
      status: 401,
    });
    expect(requests).toHaveLength(1);
  });
});
