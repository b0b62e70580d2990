// ServiceStack-style credentials auth: POST /auth/credentials sets the `ss-id` cookie (and `ss-pid`
// with rememberMe), GET /auth tells who is signed in, POST /auth/logout ends it. Sessions live in
// memory; restarting the sandbox signs everyone out, as a real server restart can.
import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { errorBody } from './errors';

export const DEMO_USER = {
  userId: '1001',
  userName: 'demo@evovoice.test',
  password: 'demo-password',
  displayName: 'Demo Agent',
} as const;

export interface AuthSession {
  sessionId: string;
  userId: string;
  userName: string;
  displayName: string;
}

export interface AuthStore {
  current(c: Context): AuthSession | undefined;
  expireAll(): void;
}

const COOKIE = { path: '/', httpOnly: true, sameSite: 'Lax' } as const;
// Browsers cap cookie lifetimes at 400 days (and Hono refuses more).
const PERMANENT_SECONDS = 365 * 24 * 60 * 60;

function authResponse(session: AuthSession) {
  return {
    userId: session.userId,
    sessionId: session.sessionId,
    userName: session.userName,
    displayName: session.displayName,
  };
}

async function readCredentials(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  let body: Record<string, unknown> = {};
  if (type.includes('application/json')) {
    const parsed: unknown = await c.req.json();
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>;
  } else if (type.includes('form')) {
    body = (await c.req.parseBody()) as Record<string, unknown>;
  }
  // Keys are case-insensitive, as ServiceStack binds them. Never from the query string: a password
  // there ends up in logs and browser history.
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) out[key.toLowerCase()] = value;
  return out;
}

/**
 * `required`: whether this sandbox asks for sign-in (SANDBOX_AUTH). Without it, `GET /auth` answers
 * 204 when nobody is signed in: "no sign-in here", which the app reads as nobody without an error.
 */
export function registerAuthRoutes(app: Hono, { required }: { required: boolean }): AuthStore {
  const sessions = new Map<string, AuthSession>();

  const current = (c: Context) => {
    for (const name of ['ss-id', 'ss-pid']) {
      const id = getCookie(c, name);
      const session = id ? sessions.get(id) : undefined;
      if (session) return session;
    }
    return undefined;
  };

  app.post('/auth/credentials', async (c) => {
    let input: Record<string, unknown>;
    try {
      input = await readCredentials(c);
    } catch {
      return c.json(errorBody('SerializationException', 'The request body could not be read'), 400);
    }
    if (input.username !== DEMO_USER.userName || input.password !== DEMO_USER.password) {
      return c.json(errorBody('Unauthorized', 'Invalid UserName or Password'), 401);
    }
    const rememberMe = input.rememberme === true || String(input.rememberme).toLowerCase() === 'true';
    const sessionId = randomBytes(18).toString('base64url');
    const session: AuthSession = {
      sessionId,
      userId: DEMO_USER.userId,
      userName: DEMO_USER.userName,
      displayName: DEMO_USER.displayName,
    };
    sessions.set(sessionId, session);
    setCookie(c, 'ss-id', sessionId, COOKIE);
    if (rememberMe) {
      setCookie(c, 'ss-pid', sessionId, { ...COOKIE, maxAge: PERMANENT_SECONDS });
      setCookie(c, 'ss-opt', 'perm', { ...COOKIE, maxAge: PERMANENT_SECONDS });
    }
    return c.json(authResponse(session));
  });

  app.get('/auth', (c) => {
    const session = current(c);
    if (session) return c.json(authResponse(session));
    if (!required) return c.body(null, 204);
    return c.json(errorBody('Unauthorized', 'Not Authenticated'), 401);
  });

  const logout = (c: Context) => {
    const session = current(c);
    if (session) sessions.delete(session.sessionId);
    for (const name of ['ss-id', 'ss-pid', 'ss-opt']) deleteCookie(c, name, { path: '/' });
    return c.json({});
  };
  app.post('/auth/logout', logout);
  app.get('/auth/logout', logout);

  return { current, expireAll: () => sessions.clear() };
}
