import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSessionsHandlers, serviceStackError, SESSIONS_URL } from '../../../test/msw-handlers';
import { makeWireSessions } from '../../../test/session-factory';
import { ApiError } from './api-error';
import { buildSessionsQuery } from './build-sessions-query';
import { fetchSessions, setApiBase } from './fetch-sessions';

const sessions = makeWireSessions(120, 5);
const server = setupServer(...createSessionsHandlers(sessions));

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  setApiBase('http://localhost/api/');
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  setApiBase();
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('fetchSessions', () => {
  it('GETs /sessions under the base with the query, JSON accept header and same-origin credentials', async () => {
    let seen: Request | undefined;
    server.use(
      http.get(SESSIONS_URL, ({ request }) => {
        seen = request;
        return HttpResponse.json({ items: [{ id: 'a' }], totalCount: 1, totalPages: 1, hasMorePages: false });
      }),
    );
    const page = await fetchSessions(buildSessionsQuery({ from: '+1503' }, { page: 2, countPerPage: 100 }));
    expect(seen?.method).toBe('GET');
    expect(seen?.url).toBe('http://localhost/api/sessions?from=%2B1503&page=2&countPerPage=100');
    expect(seen?.headers.get('accept')).toBe('application/json');
    expect(seen?.credentials).toBe('same-origin');
    expect(page).toMatchObject({ totalCount: 1, items: [{ id: 'a' }] });
  });

  it('names id-less items by the page it asked for', async () => {
    server.use(http.get(SESSIONS_URL, () => HttpResponse.json({ items: [{}] })));
    const page = await fetchSessions(buildSessionsQuery({}, { page: 4 }));
    expect(page.items[0]?.id).toBe('unknown-4-0');
  });

  it('pages the default handlers consistently: no repeats, totals agree', async () => {
    const seen = new Set<string>();
    const first = await fetchSessions(buildSessionsQuery({}, { page: 0, countPerPage: 10 }));
    const total = first.totalCount ?? 0;
    expect(total).toBeGreaterThan(20);
    for (let page = 0; page < (first.totalPages ?? 0); page++) {
      const p = await fetchSessions(buildSessionsQuery({}, { page, countPerPage: 10 }));
      expect(p.totalCount).toBe(total);
      for (const s of p.items) {
        expect(seen.has(s.id)).toBe(false);
        seen.add(s.id);
      }
    }
    expect(seen.size).toBe(total);
  });

  it('400: an ApiError naming the field', async () => {
    const e = await rejection(fetchSessions(buildSessionsQuery({ sortField: 'bogus' })));
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ kind: 'http', status: 400, fieldErrors: [{ fieldName: 'SortField' }] });
  });

  it.each([401, 403, 404, 500, 503])('%i: an ApiError with the server message', async (status) => {
    server.use(http.get(SESSIONS_URL, () => serviceStackError(status, `message ${status}`, 'Code')));
    const e = await rejection(fetchSessions(new URLSearchParams()));
    expect(e).toMatchObject({
      name: 'ApiError',
      kind: 'http',
      status,
      errorCode: 'Code',
      message: `message ${status}`,
    });
  });

  it('502 with an HTML page: an ApiError with a generic message', async () => {
    server.use(
      http.get(SESSIONS_URL, () => HttpResponse.html('<html><h1>Bad Gateway</h1></html>', { status: 502 })),
    );
    const e = await rejection(fetchSessions(new URLSearchParams()));
    expect(e).toMatchObject({ kind: 'http', status: 502 });
    expect((e as ApiError).message).toMatch(/502/);
  });

  it('200 with HTML or non-object JSON: a decode ApiError', async () => {
    server.use(http.get(SESSIONS_URL, () => HttpResponse.html('<!doctype html><div id="root"></div>')));
    expect(await rejection(fetchSessions(new URLSearchParams()))).toMatchObject({
      kind: 'decode',
      status: 200,
    });
    server.use(http.get(SESSIONS_URL, () => HttpResponse.json([{ id: 'a' }])));
    expect(await rejection(fetchSessions(new URLSearchParams()))).toMatchObject({
      kind: 'decode',
      status: 200,
    });
  });

  it('network failure: kind network, status 0', async () => {
    server.use(http.get(SESSIONS_URL, () => HttpResponse.error()));
    const e = await rejection(fetchSessions(new URLSearchParams()));
    expect(e).toMatchObject({ name: 'ApiError', kind: 'network', status: 0 });
  });

  it('no answer in time: kind timeout, status 0', async () => {
    server.use(
      http.get(SESSIONS_URL, async () => {
        await delay(2_000);
        return HttpResponse.json({ items: [] });
      }),
    );
    const e = await rejection(fetchSessions(new URLSearchParams(), { timeoutMs: 50 }));
    expect(e).toMatchObject({ name: 'ApiError', kind: 'timeout', status: 0 });
  });

  it('abort rejects with an AbortError, not an ApiError', async () => {
    server.use(
      http.get(SESSIONS_URL, async () => {
        await delay(2_000);
        return HttpResponse.json({ items: [] });
      }),
    );
    const controller = new AbortController();
    const p = fetchSessions(new URLSearchParams(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const e = await rejection(p);
    expect(e).not.toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ name: 'AbortError' });
  });

  it('an already aborted signal rejects at once with its reason', async () => {
    let requests = 0;
    server.use(
      http.get(SESSIONS_URL, () => {
        requests++;
        return HttpResponse.json({ items: [] });
      }),
    );
    const reason = new DOMException('left the view', 'AbortError');
    const e = await rejection(fetchSessions(new URLSearchParams(), { signal: AbortSignal.abort(reason) }));
    expect(e).toBe(reason);
    expect(requests).toBe(0);
  });
});
