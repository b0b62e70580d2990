// The sandbox as a Hono app with relative routes, so it can be served at the root (npm run sandbox)
// or mounted under /api by the app server and Vite.
import { Hono, type Context } from 'hono';
import { registerAuthRoutes } from './auth';
import type { SandboxConfig } from './config';
import { openDatabase } from './database';
import { errorBody, FieldError, fieldErrorBody } from './errors';
import { createSessionLister } from './list-sessions';
import { parseListRequest } from './parse-list-request';
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

export function openSandbox(config: SandboxConfig): Sandbox {
  const clock = () => config.now ?? Date.now();
  const builtFor = clock();
  const world = buildWorld(config.seed);
  const { db, meta, rebuilt } = openDatabase(
    config.dbPath,
    { sessions: config.sessions, seed: config.seed, specimens: config.specimens },
    builtFor,
    world,
  );
  const listSessions = createSessionLister(db);
  const app = new Hono();
  const auth = registerAuthRoutes(app);

  const handleList = async (c: Context) => {
    if (config.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, config.latencyMs));
    if (config.auth && !auth.current(c)) return c.json(errorBody('Unauthorized', 'Not Authenticated'), 401);
    if (config.failRate > 0 && Math.random() < config.failRate) {
      return c.json(errorBody('SandboxFailure', 'Simulated failure (SANDBOX_FAIL_RATE)'), 500);
    }
    try {
      const request = parseListRequest(new URL(c.req.url).searchParams);
      // Data is generated for the clock it was built for (meta.builtFor); live states follow the clock now.
      return c.json(listSessions(request, { world, seed: meta.seed, now: clock() }));
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

  const specimens = config.specimens ? ` + ${Object.keys(SPECIMEN_IDS).length} specimens` : '';
  const how = rebuilt
    ? `built in ${meta.buildSeconds.toFixed(1)} s (${rebuilt})`
    : `reused (built in ${meta.buildSeconds.toFixed(1)} s)`;
  return {
    app,
    summary: `${meta.sessions} sessions${specimens}, database ${config.dbPath}, ${how}`,
    close: () => db.close(),
    expireAllSessions: () => auth.expireAll(),
  };
}
