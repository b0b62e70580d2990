import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net, { type AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { createAppServer, listen, LISTENER_OPTIONS } from './app-server';
import { filterSessionCookies, rewriteSetCookie } from './api-policy';
import { INDEX_HTML, longestAcceptedLink, makeTestDist } from './test-dist';
import { startStubUpstream, type StubUpstream } from './test-upstream';
import { openSandbox } from './sandbox/sandbox';
import { DEMO_USER } from './sandbox/auth';
import { testSandboxConfig } from './sandbox/test-sandbox';

const ORIGIN = 'http://localhost';
let dist: ReturnType<typeof makeTestDist>;
let upstream: StubUpstream;

beforeAll(async () => {
  dist = makeTestDist();
  upstream = await startStubUpstream();
});
afterAll(async () => {
  dist.remove();
  await upstream.close();
});

function proxyApp(extra: { secure?: boolean; upstreamTimeoutMs?: number } = {}) {
  return createAppServer({ distDir: dist.dir, evoVoiceUrl: upstream.url, upstreamTimeoutMs: 500, ...extra });
}

/** What a browser sends on a same-origin fetch POST. */
const sameOrigin = { origin: ORIGIN, 'sec-fetch-site': 'same-origin' };

describe('static files', () => {
  it('serves index.html with no-cache', async () => {
    const res = await proxyApp().request(`${ORIGIN}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it('serves hashed assets as immutable for a year, compressed', async () => {
    const res = await proxyApp().request(`${ORIGIN}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers a missing asset with 404, not index.html', async () => {
    const res = await proxyApp().request(`${ORIGIN}/assets/gone-123.js`);
    expect(res.status).toBe(404);
  });

  it('revalidates index.html with an ETag', async () => {
    const app = proxyApp();
    const first = await app.request(`${ORIGIN}/`);
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    const second = await app.request(`${ORIGIN}/`, { headers: { 'if-none-match': tag ?? '' } });
    expect(second.status).toBe(304);
  });

  it.each(['/sessions/abc/print?x=1', '/sign-in?redirect=%2F%3Ffrom%3D%252B1503', '/some/deep/link', '/a.b'])(
    'falls back to index.html for the client route %s',
    async (path) => {
      const res = await proxyApp().request(`${ORIGIN}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX_HTML);
    },
  );

  it('opens the longest link the app accepts over a real listener (Node alone refuses 16 KB)', async () => {
    const link = longestAcceptedLink();
    expect(link.length).toBeGreaterThan(16 * 1024);
    const server = serve({
      fetch: proxyApp().fetch,
      hostname: '127.0.0.1',
      port: 0,
      serverOptions: LISTENER_OPTIONS,
    });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}${link}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(INDEX_HTML);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses other methods outside /api', async () => {
    const res = await proxyApp().request(`${ORIGIN}/`, { method: 'POST', headers: sameOrigin });
    expect(res.status).toBe(405);
  });
});

describe('security headers', () => {
  it.each(['/', '/assets/index-abc123.js', '/api/sessions', '/api/nope'])('are on %s', async (path) => {
    const res = await proxyApp().request(`${ORIGIN}${path}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("img-src 'self' https: data:");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('adds HSTS when served over https', async () => {
    const res = await proxyApp({ secure: true }).request(`${ORIGIN}/`);
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
  });
});

describe('the Evo Voice proxy', () => {
  it('forwards GET /sessions with the query string byte for byte and only the session cookies', async () => {
    const query = '?from=%2B1503&accountIds=a,b&log=a+b&page=0';
    const res = await proxyApp().request(`${ORIGIN}/api/sessions${query}`, {
      headers: {
        cookie: 'ss-id=abc; other=secret; ss-pid=def; ss-opt=perm',
        authorization: 'Bearer leak',
        referer: `${ORIGIN}/?from=%2B1503`,
        connection: 'keep-alive, x-hop',
        'x-hop': '1',
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { echo: { url: string; cookie: string } };
    expect(body.echo.url).toBe(`/sessions${query}`);
    expect(body.echo.cookie).toBe('ss-id=abc; ss-pid=def; ss-opt=perm');
    const seen = upstream.seen.at(-1);
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.headers.referer).toBeUndefined();
    expect(seen?.headers['x-hop']).toBeUndefined();
    expect(seen?.headers.accept).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('forwards /sessions.json and GET /auth', async () => {
    const app = proxyApp();
    expect((await app.request(`${ORIGIN}/api/sessions.json`)).status).toBe(200);
    const ok = await app.request(`${ORIGIN}/api/auth`, { headers: { cookie: 'ss-id=good' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ displayName: 'Demo User' });
  });

  it('passes a 401 through with its body but without WWW-Authenticate', async () => {
    const res = await proxyApp().request(`${ORIGIN}/api/auth`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBeNull();
    expect(await res.json()).toEqual({
      responseStatus: { errorCode: 'Unauthorized', message: 'Not Authenticated' },
    });
  });

  it.each([400, 403, 500, 503])('passes upstream status %i through with its body', async (status) => {
    upstream.misbehave({ status });
    const res = await proxyApp().request(`${ORIGIN}/api/sessions`);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({
      responseStatus: { errorCode: `Upstream${status}`, message: 'upstream says no' },
    });
  });

  it('posts credentials and rewrites the session cookies to this origin', async () => {
    const credentials = JSON.stringify({ userName: 'demo@example.com', password: 'pw', rememberMe: true });
    const res = await proxyApp().request(`${ORIGIN}/api/auth/credentials`, {
      method: 'POST',
      headers: { ...sameOrigin, 'content-type': 'application/json' },
      body: credentials,
    });
    expect(res.status).toBe(200);
    expect(upstream.seen.at(-1)?.body).toBe(credentials);
    expect(upstream.seen.at(-1)?.headers['content-type']).toBe('application/json');
    expect(res.headers.getSetCookie()).toEqual([
      'ss-id=good; Path=/api; HttpOnly; SameSite=Lax',
      'ss-pid=perm123; expires=Fri, 01 Jan 2100 00:00:00 GMT; Path=/api; HttpOnly; SameSite=Lax',
    ]);
  });

  it('marks cookies Secure over https', async () => {
    const res = await proxyApp().request('https://sessions.example.com/api/auth/logout', {
      method: 'POST',
      headers: { origin: 'https://sessions.example.com' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([
      'ss-id=; expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/api; HttpOnly; SameSite=Lax; Secure',
    ]);
  });

  it.each([
    ['GET', '/api/sessions/123'],
    ['GET', '/api/sessions/'],
    ['GET', '/api/accounts'],
    ['GET', '/api'],
    ['GET', '/api/'],
    ['DELETE', '/api/users/1'],
    ['GET', '/api/metadata'],
  ])('refuses %s %s with a JSON 404 and never reaches upstream', async (method, path) => {
    const before = upstream.seen.length;
    const res = await proxyApp().request(`${ORIGIN}${path}`, { method, headers: sameOrigin });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ responseStatus: { errorCode: 'NotFound' } });
    expect(upstream.seen.length).toBe(before);
  });

  it.each(['/api/auth/credentials/../../accounts', '/api/%2e%2e/admin', '/api/sessions/..%2faccounts'])(
    'never sends the dot-segment path %s upstream',
    async (path) => {
      const before = upstream.seen.length;
      const res = await proxyApp().request(`${ORIGIN}${path}`);
      expect(res.status === 404 || (await res.text()) === INDEX_HTML).toBe(true);
      expect(upstream.seen.length).toBe(before);
    },
  );

  it.each([
    ['POST', '/api/sessions', 'GET, HEAD'],
    ['DELETE', '/api/sessions', 'GET, HEAD'],
    ['PUT', '/api/auth', 'GET, HEAD'],
    ['GET', '/api/auth/credentials', 'POST'],
    ['GET', '/api/auth/logout', 'POST'],
  ])('refuses %s %s with a JSON 405', async (method, path, allow) => {
    const before = upstream.seen.length;
    const res = await proxyApp().request(`${ORIGIN}${path}`, {
      method,
      headers: { ...sameOrigin, 'content-type': 'application/json' },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(await res.json()).toMatchObject({ responseStatus: { errorCode: 'MethodNotAllowed' } });
    expect(upstream.seen.length).toBe(before);
  });

  it('refuses a cross-site form post (login CSRF)', async () => {
    const res = await proxyApp().request(`${ORIGIN}/api/auth/credentials`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'userName=attacker&password=x',
    });
    expect(res.status).toBe(403);
  });

  it('refuses an oversized body with 413 before reaching upstream', async () => {
    const before = upstream.seen.length;
    const res = await proxyApp().request(`${ORIGIN}/api/auth/credentials`, {
      method: 'POST',
      headers: { ...sameOrigin, 'content-type': 'application/json' },
      body: JSON.stringify({ userName: 'x', password: 'y'.repeat(20_000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ responseStatus: { errorCode: 'RequestEntityTooLarge' } });
    expect(upstream.seen.length).toBe(before);
  });

  it('answers 504 with a ServiceStack error when upstream is too slow', async () => {
    upstream.misbehave({ delayMs: 2000 });
    const res = await proxyApp({ upstreamTimeoutMs: 200 }).request(`${ORIGIN}/api/sessions`);
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ responseStatus: { errorCode: 'GatewayTimeout' } });
  });

  it('answers 502 with a ServiceStack error when upstream is down', async () => {
    const down = await startStubUpstream();
    await down.close();
    const app = createAppServer({ distDir: dist.dir, evoVoiceUrl: down.url });
    const res = await app.request(`${ORIGIN}/api/sessions`);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ responseStatus: { errorCode: 'BadGateway' } });
  });

  it('keeps the raw query string over a real listener too', async () => {
    const app = proxyApp();
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const query = "?from=%2B1503&to=a+b&log=it's%20here&accountIds=x,y";
      const res = await fetch(`http://127.0.0.1:${port}/api/sessions${query}`);
      expect(res.status).toBe(200);
      expect(upstream.seen.at(-1)?.url).toBe(`/sessions${query.replace("'", '%27')}`);
      expect(upstream.seen.at(-1)?.url).toContain('from=%2B1503');
      expect(upstream.seen.at(-1)?.url).toContain('to=a+b');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('keeps a path prefix of EVOVOICE_URL', async () => {
    const app = createAppServer({ distDir: dist.dir, evoVoiceUrl: `${upstream.url}/prefix/` });
    await app.request(`${ORIGIN}/api/sessions?page=1`);
    expect(upstream.seen.at(-1)?.url).toBe('/prefix/sessions?page=1');
  });
});

describe('the sandbox mount', () => {
  it('routes /api/* to the sandbox app with the /api prefix removed', async () => {
    const sandbox = { app: new Hono().get('/sessions', (c) => c.json({ items: [] })) };
    const app = createAppServer({ distDir: dist.dir, sandbox });
    const res = await app.request(`${ORIGIN}/api/sessions`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [] });
    expect((await app.request(`${ORIGIN}/api/unknown`)).status).toBe(404);
  });
});

describe('the real sandbox mounted under /api', () => {
  it('answers /api/sessions, and with SANDBOX_AUTH only after signing in', async () => {
    const sandbox = openSandbox(testSandboxConfig({ sessions: 200, seed: 1, auth: true }));
    try {
      const app = createAppServer({ distDir: dist.dir, sandbox });
      expect((await app.request(`${ORIGIN}/api/sessions?countPerPage=5`)).status).toBe(401);
      expect((await app.request(`${ORIGIN}/api/auth`)).status).toBe(401);
      const signIn = await app.request(`${ORIGIN}/api/auth/credentials`, {
        method: 'POST',
        headers: { ...sameOrigin, 'content-type': 'application/json' },
        body: JSON.stringify({ userName: DEMO_USER.userName, password: DEMO_USER.password }),
      });
      expect(signIn.status).toBe(200);
      expect(signIn.headers.getSetCookie()).toEqual([
        expect.stringMatching(/^ss-id=[^;]+; Path=\/api; HttpOnly; SameSite=Lax$/),
      ]);
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const page = await app.request(`${ORIGIN}/api/sessions?countPerPage=5`, { headers: { cookie } });
      expect(page.status).toBe(200);
      const body = (await page.json()) as { items: unknown[]; totalCount: number };
      expect(body.items).toHaveLength(5);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    } finally {
      sandbox.close();
    }
  });
});

describe('cookie helpers', () => {
  it('keep only ServiceStack session cookies', () => {
    expect(filterSessionCookies(undefined)).toBeUndefined();
    expect(filterSessionCookies('a=1; b=2')).toBeUndefined();
    expect(filterSessionCookies('ss-id=1;ss-pid=2; x-ss-id=3')).toBe('ss-id=1; ss-pid=2');
    expect(rewriteSetCookie('tracker=1; Path=/', false)).toBeUndefined();
    expect(rewriteSetCookie('ss-opt=perm; Max-Age=60; Domain=x; Path=/; SameSite=None', true)).toBe(
      'ss-opt=perm; Max-Age=60; Path=/api; HttpOnly; SameSite=Lax; Secure',
    );
  });
});

describe('the listener', () => {
  /** Writes `raw` to a fresh connection and returns everything the server answers before closing. */
  async function rawExchange(port: number, raw: string, { endAfterMs }: { endAfterMs?: number } = {}) {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.write(raw);
    if (endAfterMs !== undefined) setTimeout(() => socket.destroy(), endAfterMs);
    await new Promise((resolve) => socket.on('close', resolve));
    return Buffer.concat(chunks).toString('latin1');
  }

  async function withListener(
    run: (port: number) => Promise<void>,
    serverOptions?: Parameters<typeof listen>[1]['serverOptions'],
  ) {
    const server = await listen(proxyApp(), { hostname: '127.0.0.1', port: 0, serverOptions });
    try {
      await run((server.address() as AddressInfo).port);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  const expectSecurityHeaders = (answer: string) => {
    expect(answer).toMatch(/^content-security-policy: default-src 'self'/im);
    expect(answer).toMatch(/^x-content-type-options: nosniff/im);
    expect(answer).toMatch(/^x-frame-options: DENY/im);
  };

  it("answers a malformed request with Node's 400, carrying the security headers", async () => {
    await withListener(async (port) => {
      const answer = await rawExchange(port, 'GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expectSecurityHeaders(answer);
    });
  });

  it('answers headers over 64 KB with 431, carrying the security headers', async () => {
    await withListener(async (port) => {
      const answer = await rawExchange(port, `GET /?q=${'a'.repeat(70 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expectSecurityHeaders(answer);
    });
  });

  it('closes a request whose body trickles in past the request timeout with 408', async () => {
    expect(LISTENER_OPTIONS.requestTimeout).toBe(30_000);
    await withListener(
      async (port) => {
        const started = Date.now();
        const answer = await rawExchange(
          port,
          'POST /api/auth/credentials HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
          { endAfterMs: 10_000 },
        );
        expect(answer).toMatch(/^HTTP\/1\.1 408 /);
        expectSecurityHeaders(answer);
        expect(Date.now() - started).toBeLessThan(5000);
      },
      { requestTimeout: 500, headersTimeout: 500, connectionsCheckingInterval: 100 },
    );
  });
});
