import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSessionsHandlers, SESSIONS_URL } from '../../../test/msw-handlers';
import { makeWireSessions } from '../../../test/session-factory';
import { buildSessionsQuery } from './build-sessions-query';
import { EARLY_REQUEST_TTL_MS, startEarlyRequest, takeEarlyRequest } from './early-request';
import { fetchSessions, setApiBase } from './fetch-sessions';
import { SESSIONS_FETCH_INIT, sessionsUrl } from './sessions-url';

const server = setupServer(...createSessionsHandlers(makeWireSessions(30, 3)));
const requests: string[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    requests.push(request.url);
  });
  setApiBase('http://localhost/api');
});
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
  vi.useRealTimers();
});
afterAll(() => {
  server.close();
  setApiBase();
});

const query = buildSessionsQuery({ from: '+1' }, { page: 0, countPerPage: 10 });

describe('early requests', () => {
  it('are taken over by the first fetch of the same URL: one request, the same page', async () => {
    startEarlyRequest(sessionsUrl(query), SESSIONS_FETCH_INIT);
    const early = await fetchSessions(query);
    const again = await fetchSessions(query);
    expect(requests).toHaveLength(2); // the early one, then the second fetch's own
    expect(early).toEqual(again);
    expect(early.items.length).toBeGreaterThan(0);
  });

  it('are used once, and only for their URL', async () => {
    startEarlyRequest(sessionsUrl(query), SESSIONS_FETCH_INIT);
    await fetchSessions(buildSessionsQuery({ from: '+2' }, { page: 0, countPerPage: 10 }));
    expect(requests.map((u) => new URL(u).searchParams.get('from'))).toEqual(['+1', '+2']);
    expect(takeEarlyRequest(sessionsUrl(query), new AbortController().signal)).toBeDefined();
    expect(takeEarlyRequest(sessionsUrl(query), new AbortController().signal)).toBeUndefined();
  });

  it('are aborted with the fetch that took them, which rejects as an abort', async () => {
    server.use(http.get(SESSIONS_URL, () => new Promise<Response>(() => {})));
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    startEarlyRequest(sessionsUrl(query), SESSIONS_FETCH_INIT);
    const controller = new AbortController();
    const result = fetchSessions(query, { signal: controller.signal });
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
    fetchSpy.mockRestore();
  });

  describe('while the body is still arriving', () => {
    // A real server that sends the headers and the start of a body, then nothing more (MSW's mocked
    // bodies do not notice an abort, so the request passes through to it).
    let stalled: Server;
    let base = '';
    beforeAll(async () => {
      stalled = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"items":[');
      });
      await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(stalled.address() as AddressInfo).port}`;
    });
    afterAll(() => {
      stalled.closeAllConnections();
      stalled.close();
    });
    const passThrough = () => {
      server.use(http.get(`${base}/sessions`, () => passthrough()));
      setApiBase(base);
    };
    afterEach(() => setApiBase('http://localhost/api'));

    it('are aborted with the fetch that took them, which rejects as an abort', async () => {
      passThrough();
      startEarlyRequest(sessionsUrl(query), SESSIONS_FETCH_INIT);
      const controller = new AbortController();
      const result = fetchSessions(query, { signal: controller.signal });
      await new Promise((r) => setTimeout(r, 100));
      controller.abort();
      await expect(result).rejects.toMatchObject({ name: 'AbortError' });
      expect(requests).toHaveLength(1);
    });

    it('time out as the fetch would', async () => {
      passThrough();
      startEarlyRequest(sessionsUrl(query), SESSIONS_FETCH_INIT);
      await expect(fetchSessions(query, { timeoutMs: 200 })).rejects.toMatchObject({ kind: 'timeout' });
      expect(requests).toHaveLength(1);
    });
  });

  it('fail as the fetch would: an HTTP error reaches the caller as an ApiError', async () => {
    server.use(http.get(SESSIONS_URL, () => HttpResponse.json({}, { status: 503 })));
    startEarlyRequest(sessionsUrl(query), SESSIONS_FETCH_INIT);
    await expect(fetchSessions(query)).rejects.toMatchObject({ kind: 'http', status: 503 });
    expect(requests).toHaveLength(1);
  });

  it('are dropped and aborted when nobody takes them in time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    startEarlyRequest(sessionsUrl(query), SESSIONS_FETCH_INIT);
    const signal = fetchSpy.mock.calls[0]?.[1]?.signal;
    vi.advanceTimersByTime(EARLY_REQUEST_TTL_MS);
    expect(signal?.aborted).toBe(true);
    expect(takeEarlyRequest(sessionsUrl(query), new AbortController().signal)).toBeUndefined();
    fetchSpy.mockRestore();
  });
});
