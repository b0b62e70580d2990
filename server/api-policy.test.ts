// One policy whichever backend answers /api: the same tests run against the sandbox (with sign-in on)
// and against the Evo Voice proxy (a stub upstream).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createAppServer } from './app-server';
import { makeTestDist } from './test-dist';
import { startStubUpstream, type StubUpstream } from './test-upstream';
import { DEMO_USER } from './sandbox/auth';
import { openSandbox, type Sandbox } from './sandbox/sandbox';
import { testSandboxConfig } from './sandbox/test-sandbox';

const ORIGIN = 'http://localhost';
const sameOrigin = { origin: ORIGIN, 'sec-fetch-site': 'same-origin' };
let dist: ReturnType<typeof makeTestDist>;
let upstream: StubUpstream;
let sandbox: Sandbox;

beforeAll(async () => {
  dist = makeTestDist();
  upstream = await startStubUpstream();
  sandbox = openSandbox(testSandboxConfig({ sessions: 100, auth: true }));
});
afterAll(async () => {
  dist.remove();
  await upstream.close();
  sandbox.close();
});

interface Mode {
  name: string;
  app(): Hono;
  credentials: { userName: string; password: string };
  /** Backend requests so far (the stub counts them; the sandbox has no network). */
  reached(): number;
}

const modes: Mode[] = [
  {
    name: 'sandbox',
    app: () => createAppServer({ distDir: dist.dir, sandbox }),
    credentials: { userName: DEMO_USER.userName, password: DEMO_USER.password },
    reached: () => 0,
  },
  {
    name: 'Evo Voice proxy',
    app: () => createAppServer({ distDir: dist.dir, evoVoiceUrl: upstream.url, upstreamTimeoutMs: 2000 }),
    credentials: { userName: 'demo@example.com', password: 'pw' },
    reached: () => upstream.seen.length,
  },
];

function expectPolicyHeaders(res: Response) {
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
}

async function expectError(res: Response, status: number, errorCode: string) {
  expect(res.status).toBe(status);
  expectPolicyHeaders(res);
  const body = (await res.json()) as { responseStatus: { errorCode: string; message: string } };
  expect(body.responseStatus.errorCode).toBe(errorCode);
  expect(body.responseStatus.message).not.toBe('');
  return body.responseStatus;
}

describe.each(modes)('the /api policy in front of the $name', (mode) => {
  const signIn = (headers: Record<string, string> = sameOrigin, query = '') =>
    mode.app().request(`${ORIGIN}/api/auth/credentials${query}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(mode.credentials),
    });

  it('answers GET /api/sessions with JSON, not to be stored', async () => {
    const res = await mode.app().request(`${ORIGIN}/api/sessions?countPerPage=1`, {
      headers: { cookie: 'ss-id=good' },
    });
    // The sandbox asks for sign-in here; the stub lets anyone in. Either way: JSON, no-store.
    expect([200, 401]).toContain(res.status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expectPolicyHeaders(res);
  });

  it('answers a 401 on GET /api/auth without a cookie, not to be stored', async () => {
    await expectError(await mode.app().request(`${ORIGIN}/api/auth`), 401, 'Unauthorized');
  });

  it.each(['/api/accounts', '/api/sessions/1', '/api/auth/register', '/api/metadata'])(
    'refuses %s with a JSON 404 without reaching the backend',
    async (path) => {
      const before = mode.reached();
      await expectError(await mode.app().request(`${ORIGIN}${path}`), 404, 'NotFound');
      expect(mode.reached()).toBe(before);
    },
  );

  it.each([
    ['OPTIONS', '/api/sessions', 'GET, HEAD'],
    ['PUT', '/api/sessions', 'GET, HEAD'],
    ['DELETE', '/api/auth', 'GET, HEAD'],
    ['GET', '/api/auth/logout', 'POST'],
    ['GET', '/api/auth/credentials', 'POST'],
  ])('answers %s %s with 405 and Allow, even without an Origin', async (method, path, allow) => {
    const before = mode.reached();
    const res = await mode.app().request(`${ORIGIN}${path}`, { method });
    await expectError(res, 405, 'MethodNotAllowed');
    expect(res.headers.get('allow')).toBe(allow);
    expect(mode.reached()).toBe(before);
  });

  it.each([
    [{ origin: 'https://evil.example' }, /evil\.example/],
    [{ origin: 'null' }, /null/],
    [{ 'sec-fetch-site': 'cross-site', origin: ORIGIN }, /cross-site/],
  ])('refuses a cross-site sign-in (%j) with a 403 that says why', async (headers, why) => {
    const before = mode.reached();
    const status = await expectError(await signIn(headers), 403, 'Forbidden');
    expect(status.message).toMatch(/cross-site/i);
    expect(status.message).toMatch(why);
    expect(mode.reached()).toBe(before);
  });

  it('refuses credentials in the query string with a 400 naming the field', async () => {
    const query = `?UserName=${encodeURIComponent(mode.credentials.userName)}&password=x`;
    const res = await signIn(sameOrigin, query);
    const status = await expectError(res, 400, 'CredentialsInQueryString');
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(status).toMatchObject({ errors: [{ fieldName: 'UserName' }] });
  });

  it('refuses a body over 16 KB with a 413 before reaching the backend', async () => {
    const before = mode.reached();
    const res = await mode.app().request(`${ORIGIN}/api/auth/credentials`, {
      method: 'POST',
      headers: { ...sameOrigin, 'content-type': 'application/json' },
      body: JSON.stringify({ ...mode.credentials, padding: 'x'.repeat(20_000) }),
    });
    await expectError(res, 413, 'RequestEntityTooLarge');
    expect(mode.reached()).toBe(before);
  });

  it('signs in with the session token only in an HttpOnly cookie, never in the JSON', async () => {
    const res = await signIn();
    expect(res.status).toBe(200);
    expectPolicyHeaders(res);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.userName).toBe(mode.credentials.userName);
    expect(Object.keys(body).filter((key) => /sessionid|token/i.test(key))).toEqual([]);
    const cookies = res.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^ss-id=[^;]+; Path=\/api; HttpOnly; SameSite=Lax$/);
    const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    const token = cookie.slice('ss-id='.length);

    const me = await mode.app().request(`${ORIGIN}/api/auth`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expectPolicyHeaders(me);
    const meText = await me.text();
    expect(JSON.parse(meText)).toMatchObject({ userName: mode.credentials.userName });
    expect(meText).not.toContain(token);

    const out = await mode.app().request(`${ORIGIN}/api/auth/logout`, {
      method: 'POST',
      headers: { ...sameOrigin, cookie },
    });
    expect(out.status).toBe(200);
    expectPolicyHeaders(out);
  });
});
