import { afterEach, describe, expect, it } from 'vitest';
import type { WireErrorResponse } from '../../src/sessions/api/session-types';
import { DEMO_USER } from './auth';
import { openSandbox, type Sandbox } from './sandbox';
import { testSandboxConfig } from './test-sandbox';

let sandbox: Sandbox | undefined;
afterEach(() => sandbox?.close());

function open(auth: boolean): Sandbox {
  sandbox = openSandbox(testSandboxConfig({ sessions: 200, seed: 3, auth }));
  return sandbox;
}

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** The `name=value` pairs of every Set-Cookie header. */
function cookies(response: Response): Map<string, string> {
  return new Map(
    response.headers.getSetCookie().map((line) => {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), pair.slice(eq + 1)];
    }),
  );
}

async function signIn(app: Sandbox['app'], rememberMe = false): Promise<string> {
  const response = await app.request(
    '/auth/credentials',
    json({ userName: DEMO_USER.userName, password: DEMO_USER.password, rememberMe }),
  );
  expect(response.status).toBe(200);
  return `ss-id=${cookies(response).get('ss-id')}`;
}

describe('auth', () => {
  it('leaves /sessions open when auth is off, and says "no sign-in here" on /auth without an error status', async () => {
    const { app } = open(false);
    expect((await app.request('/sessions')).status).toBe(200);
    const me = await app.request('/auth');
    expect(me.status).toBe(204);
    expect(await me.text()).toBe('');
  });

  it('answers 401 on /auth when auth is on and nobody is signed in', async () => {
    const { app } = open(true);
    expect((await app.request('/auth')).status).toBe(401);
  });

  it('never reads credentials from the query string', async () => {
    const { app } = open(true);
    const query = new URLSearchParams({ userName: DEMO_USER.userName, password: DEMO_USER.password });
    const response = await app.request(`/auth/credentials?${query}`, json({}));
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('answers 401 ErrorResponse on /sessions without a cookie when auth is on', async () => {
    const { app } = open(true);
    const response = await app.request('/sessions');
    expect(response.status).toBe(401);
    expect(((await response.json()) as WireErrorResponse).responseStatus?.errorCode).toBe('Unauthorized');
  });

  it('signs in with JSON credentials, sets an HttpOnly ss-id cookie at path /, and lets /sessions through', async () => {
    const { app } = open(true);
    const response = await app.request(
      '/auth/credentials',
      json({ UserName: DEMO_USER.userName, Password: DEMO_USER.password }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      userName: DEMO_USER.userName,
      displayName: DEMO_USER.displayName,
      userId: DEMO_USER.userId,
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('ss-id='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(cookies(response).has('ss-pid')).toBe(false);
    expect(body.sessionId).toBe(cookies(response).get('ss-id'));
    const cookie = `ss-id=${cookies(response).get('ss-id')}`;
    expect((await app.request('/sessions', { headers: { cookie } })).status).toBe(200);
    const me = await app.request('/auth', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ userName: DEMO_USER.userName, sessionId: body.sessionId });
  });

  it('accepts a form body and sets ss-pid with rememberMe', async () => {
    const { app } = open(true);
    const form = new URLSearchParams({
      userName: DEMO_USER.userName,
      password: DEMO_USER.password,
      rememberMe: 'true',
    });
    const response = await app.request('/auth/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(response.status).toBe(200);
    const pid = cookies(response).get('ss-pid');
    expect(pid).toBeTruthy();
    expect((await app.request('/sessions', { headers: { cookie: `ss-pid=${pid}` } })).status).toBe(200);
  });

  it.each([
    [{ userName: DEMO_USER.userName, password: 'wrong' }],
    [{ userName: 'someone@else.test', password: DEMO_USER.password }],
    [{}],
  ])('rejects bad credentials %j with 401', async (body) => {
    const { app } = open(true);
    const response = await app.request('/auth/credentials', json(body));
    expect(response.status).toBe(401);
    expect(((await response.json()) as WireErrorResponse).responseStatus?.message).toMatch(/invalid/i);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const { app } = open(true);
    const response = await app.request('/auth/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
  });

  it('logs out: the cookie stops working and is cleared', async () => {
    const { app } = open(true);
    const cookie = await signIn(app);
    const response = await app.request('/auth/logout', { method: 'POST', headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().some((c) => c.startsWith('ss-id=;') && /Max-Age=0/i.test(c))).toBe(
      true,
    );
    expect((await app.request('/sessions', { headers: { cookie } })).status).toBe(401);
    expect((await app.request('/auth', { headers: { cookie } })).status).toBe(401);
  });

  it('expireAllSessions signs everyone out, as an expired cookie would', async () => {
    const opened = open(true);
    const cookie = await signIn(opened.app, true);
    expect((await opened.app.request('/sessions', { headers: { cookie } })).status).toBe(200);
    opened.expireAllSessions();
    expect((await opened.app.request('/sessions', { headers: { cookie } })).status).toBe(401);
  });
});
