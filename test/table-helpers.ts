// Helpers for tests of the sessions table: requests seen, the grid's rows, a made-up large result.
import { afterEach } from 'vitest';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from './msw-server';
import { SESSIONS_URL } from './msw-handlers';
import { FACTORY_NOW, makeWireSession } from './session-factory';
import type { WireListResponse, WireSessionInfo } from '../src/sessions/api/session-types';

/** Records every /api/sessions request the app makes (the default handler still answers). */
export function recordRequests() {
  const seen: URLSearchParams[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/sessions') seen.push(url.searchParams);
  });
  return seen;
}
afterEach(() => server.events.removeAllListeners());

export const grid = () => screen.getByRole('grid');
export const dataRows = () =>
  within(grid())
    .queryAllByRole('row')
    .filter((r) => r.hasAttribute('data-session-id'));

/**
 * A page of a result of `total` sessions, made up on request, like a server over a big table. The
 * sessions are spread evenly over the days asked for (from `startDate` to FACTORY_NOW), newest
 * first unless `sortOrder=Ascend`, so a window inside those days holds a known share of them. Each
 * store has sessions of its own (`row-N` live, `arc-N` archived), as a real one does.
 */
export function bigPage(request: Request, total: number) {
  const q = new URL(request.url).searchParams;
  const page = Number(q.get('page'));
  const size = Number(q.get('countPerPage'));
  const from = Date.parse(`${q.get('startDate') ?? '2026-10-27'}T00:00:00Z`);
  const step = (FACTORY_NOW - from) / total;
  const ascending = q.get('sortOrder') === 'Ascend';
  const items: WireSessionInfo[] = [];
  for (let i = page * size; i < Math.min(total, (page + 1) * size); i++) {
    const created = FACTORY_NOW - Math.round(((ascending ? total - 1 - i : i) + 1) * step);
    items.push(
      makeWireSession(
        {
          id: `${q.get('searchArchive') === 'true' ? 'arc' : 'row'}-${i}`,
          fromAddress: `+1503555${String(i).padStart(4, '0')}`,
          fromName: `Caller ${i}`,
          dateCreated: new Date(created).toISOString(),
          dateCompleted: new Date(created + 60_000).toISOString(),
          ended: true,
        },
        i,
      ),
    );
  }
  return HttpResponse.json<WireListResponse>({
    items,
    totalCount: total,
    totalPages: Math.ceil(total / size),
    hasMorePages: (page + 1) * size < total,
  });
}

export const bigResult = (total: number) => http.get(SESSIONS_URL, ({ request }) => bigPage(request, total));
