// The sandbox as a Hono app with relative routes, so it can be served at the root (npm run sandbox)
// or mounted under /api by the app server and Vite. The app (auth, latency, failures, parsing) is
// cheap; the queries are not, so they go through `SessionQueries`: in this thread (openSandbox) or
// in worker threads that keep the app server's event loop free (openSandboxOffThread).
import { Hono, type Context } from 'hono';
import { createArrivals } from './arrivals';
import { registerAuthRoutes } from './auth';
import type { SandboxConfig } from './config';
import { openDatabase, type BuildMeta } from './database';
import { errorBody, FieldError, fieldErrorBody } from './errors';
import { createSessionLister } from './list-sessions';
import { parseListRequest, type ListRequest } from './parse-list-request';
import { SPECIMEN_IDS } from './specimens';
import { buildWorld } from './world';

export interface Sandbox {
  app: Hono;
  /** One line: sessions, database path, seconds to build. */
  summary: string;
  close(): void;
  /** Signs every user out, as an expired cookie would (for tests of the 401 path). */
  expireAllSessions(): void;
}

/** Answers a parsed ListSessions request as JSON (text or UTF-8), or throws (rejects with) a FieldError. */
export type SessionQueries = (
  request: ListRequest,
  now: number,
) => string | Uint8Array<ArrayBuffer> | Promise<string | Uint8Array<ArrayBuffer>>;

/** Opens (building when needed) the database and returns its query function; runs in any thread. */
export function openSessionQueries(config: SandboxConfig): {
  list: (request: ListRequest, now: number) => string;
  meta: BuildMeta;
  rebuilt: string | undefined;
  close(): void;
} {
  const world = buildWorld(config.seed);
  const { db, meta, rebuilt } = openDatabase(
    config.dbPath,
    {
      sessions: config.sessions,
      seed: config.seed,
      specimens: config.specimens,
      arrivalsPerMin: config.arrivalsPerMin,
    },
    config.now ?? Date.now(),
    world,
  );
  const listSessions = createSessionLister(db);
  const catchUp = createArrivals(
    db,
    { perMin: meta.arrivalsPerMin, seed: meta.seed, builtFor: meta.builtFor },
    world,
  );
  // Data is generated for the clock it was built for (meta.builtFor); live states, arrivals and the
  // archive age follow the clock of each request.
  const list = (request: ListRequest, now: number) => {
    catchUp(now);
    return listSessions(request, { world, seed: meta.seed, now, inBothStores: config.inBothStores });
  };
  return { list, meta, rebuilt, close: () => db.close() };
}

export function sandboxSummary(config: SandboxConfig, meta: BuildMeta, rebuilt: string | undefined): string {
  const specimens = config.specimens ? ` + ${Object.keys(SPECIMEN_IDS).length} specimens` : '';
  const how = rebuilt
    ? `built in ${meta.buildSeconds.toFixed(1)} s (${rebuilt})`
    : `reused (built in ${meta.buildSeconds.toFixed(1)} s)`;
  return `${meta.sessions} sessions${specimens}, database ${config.dbPath}, ${how}`;
}

export interface SandboxOptions {
  /**
   * The clock requests are answered at (epoch ms), for tests that move time; default SANDBOX_NOW or
   * the real clock. It should not run before the clock the data is built for (SANDBOX_NOW).
   */
  clock?: () => number;
}

/** The sandbox's routes over a query function; `expireAll` signs everyone out. */
export function createSandboxApp(
  config: SandboxConfig,
  list: SessionQueries,
  { clock = () => config.now ?? Date.now() }: SandboxOptions = {},
): { app: Hono; expireAll(): void } {
  const app = new Hono();
  const auth = registerAuthRoutes(app, { required: config.auth });

  const handleList = async (c: Context) => {
    if (config.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, config.latencyMs));
    if (config.auth && !auth.current(c)) return c.json(errorBody('Unauthorized', 'Not Authenticated'), 401);
    if (config.failRate > 0 && Math.random() < config.failRate) {
      return c.json(errorBody('SandboxFailure', 'Simulated failure (SANDBOX_FAIL_RATE)'), 500);
    }
    try {
      const json = await list(parseListRequest(new URL(c.req.url).searchParams), clock());
      return c.body(json, 200, { 'content-type': 'application/json; charset=UTF-8' });
    } catch (error) {
      if (error instanceof FieldError) return c.json(fieldErrorBody(error), 400);
      throw error;
    }
  };
  app.get('/sessions', handleList);
  app.get('/sessions.json', handleList);
  app.all('/sessions', (c) =>
    c.json(errorBody('MethodNotAllowed', `${c.req.method} /sessions is not supported`), 405),
  );

  app.all('*', (c) =>
    c.json(errorBody('NotFound', `Handler for Request not found: ${c.req.method} ${c.req.path}`), 404),
  );
  app.notFound((c) =>
    c.json(errorBody('NotFound', `Handler for Request not found: ${c.req.method} ${c.req.path}`), 404),
  );
  app.onError((error, c) => {
    console.error('[sandbox]', error);
    return c.json(errorBody('InternalServerError', 'The sandbox failed to answer this request'), 500);
  });
  return { app, expireAll: auth.expireAll };
}

/** The sandbox with its queries in this thread: `npm run sandbox` and tests. */
export function openSandbox(config: SandboxConfig, options: SandboxOptions = {}): Sandbox {
  const queries = openSessionQueries(config);
  const { app, expireAll } = createSandboxApp(config, queries.list, options);
  return {
    app,
    summary: sandboxSummary(config, queries.meta, queries.rebuilt),
    close: queries.close,
    expireAllSessions: expireAll,
  };
}
