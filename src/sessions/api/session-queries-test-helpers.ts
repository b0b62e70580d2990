// Shared by the session-queries*.test.ts files: the API served by MSW over a live and an archived
// session, every request recorded; the app's retry policy without its delay; a result whose probes
// never answer.
import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { createSessionsHandlers, SESSIONS_URL } from '../../../test/msw-handlers';
import { ARCHIVE_AFTER_MS, FACTORY_NOW, makeWireSession } from '../../../test/session-factory';
import { shouldRetry } from './api-error';
import { setApiBase } from './fetch-sessions';

export const live = makeWireSession(
  { id: 'live-1', dateCreated: new Date(FACTORY_NOW - 3_600_000).toISOString() },
  1,
);
export const old = makeWireSession(
  { id: 'old-1', dateCreated: new Date(FACTORY_NOW - ARCHIVE_AFTER_MS - 1).toISOString() },
  2,
);

/** Serves `live` and `old` for the calling test file; `requests` holds each request's URL. */
export function serveApi() {
  const server = setupServer(...createSessionsHandlers([live, old]));
  const requests: URL[] = [];
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.events.on('request:start', ({ request }) => {
      requests.push(new URL(request.url));
    });
    setApiBase('http://localhost/api');
  });
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
    vi.restoreAllMocks();
  });
  afterAll(() => {
    server.close();
    setApiBase();
  });
  return { server, requests };
}

/**
 * A result too large to settle at once: counted pages answer (ten rows a minute apart, 5,000 in all),
 * every later probe (simplifiedPaging) hangs.
 */
export const hangingProbes = () =>
  http.get(SESSIONS_URL, ({ request }) => {
    if (new URL(request.url).searchParams.get('simplifiedPaging') === 'true')
      return new Promise<Response>(() => {});
    const items = Array.from({ length: 10 }, (_, i) =>
      makeWireSession({ id: `s${i}`, dateCreated: new Date(FACTORY_NOW - i * 60_000).toISOString() }, i),
    );
    return HttpResponse.json({ items, totalCount: 5_000, totalPages: 500, hasMorePages: true });
  });

// The app's retry policy (its QueryClient default, as in src/app/query-client.ts), without the delay.
export const newClient = () =>
  new QueryClient({ defaultOptions: { queries: { retry: shouldRetry, retryDelay: 0 } } });
