// The app (dist/) over a stand-in API that serves results of any size by index, for the browser
// tests and the benchmark past the browsers' height cap (the sandbox cannot build millions of
// sessions quickly). `GET /api/sessions` answers a result of N rows, N being the digits of the
// `from` filter (2,000,000 without them): row i has id `row-i` and the caller name `Row i`, and its
// other fields are the test factory's, the same for the same i.
//
// Row i is dated so that the whole result lies inside the view that asked for it: rows are spread
// evenly, newest first (reversed for `sortOrder=Ascend`), from the day after `startDate` (the app
// asks for one day more on each side of its window) up to the instant the stand-in started. That
// is exactly the window of a day-range view read in UTC, which is how the tests and the benchmark
// run, so row i stays at result row i.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createAppServer } from '../server/app-server.ts';
import type { WireListResponse } from '../src/sessions/api/session-types';
import { makeWireSession } from './session-factory.ts';

const DEFAULT_ROWS = 2_000_000;
const MAX_ROWS = 1_000_000_000;
const DAY_MS = 86_400_000;

export const indexedRowId = (index: number) => `row-${index}`;
export const indexedRowName = (index: number) => `Row ${index}`;

/** The sessions route of the stand-in: rows by index, as many as the `from` filter's digits say. */
export function indexedSessionsApi(): Hono {
  const api = new Hono();
  const startedMs = Date.now() - 60_000;
  api.get('/sessions', (c) => {
    const digits = (c.req.query('from') ?? '').replace(/\D/g, '');
    const total = Math.min(MAX_ROWS, digits ? Number(digits) : DEFAULT_ROWS);
    const page = Math.max(0, Math.floor(Number(c.req.query('page') ?? 0)) || 0);
    const size = Math.min(1000, Math.max(1, Math.floor(Number(c.req.query('countPerPage') ?? 25)) || 25));
    const startDate = Date.parse(`${c.req.query('startDate') ?? ''}T00:00:00Z`);
    const from = Number.isFinite(startDate) ? startDate + DAY_MS : startedMs - 7 * DAY_MS;
    const step = Math.max(0, startedMs - from) / total;
    const ascending = c.req.query('sortOrder') === 'Ascend';
    const items = [];
    for (let i = page * size; i < Math.min(total, (page + 1) * size); i++) {
      const created = startedMs - Math.floor((ascending ? total - 1 - i : i) * step);
      items.push(
        makeWireSession(
          {
            id: indexedRowId(i),
            fromName: indexedRowName(i),
            dateCreated: new Date(created).toISOString(),
            dateCompleted: new Date(created + 60_000).toISOString(),
            ended: true,
            log: [],
            members: [],
          },
          i,
        ),
      );
    }
    const body: WireListResponse = {
      items,
      totalCount: total,
      totalPages: Math.ceil(total / size),
      hasMorePages: (page + 1) * size < total,
    };
    return c.json(body);
  });
  return api;
}

export interface IndexedApp {
  url: string;
  close(): Promise<void>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Serves a build (dist/ unless told; build it first) with the stand-in API on `port` (0: any free one). */
export async function startIndexedApp(port = 0, distDir = path.join(ROOT, 'dist')): Promise<IndexedApp> {
  const app = createAppServer({ distDir, sandbox: { app: indexedSessionsApi() } });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
  });
}
