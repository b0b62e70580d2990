// The proxy against a misbehaving Evo Voice: huge bodies, gzip bombs, HTML, JSONP, bodiless statuses,
// reset sockets and a stalled body. Each answer is bounded, ServiceStack-shaped and JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer } from './app-server';
import { makeTestDist } from './test-dist';
import { startStubUpstream, type Misbehaviour, type StubUpstream } from './test-upstream';

const ORIGIN = 'http://localhost';
const MB = 1024 * 1024;
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

function proxyApp() {
  return createAppServer({
    distDir: dist.dir,
    evoVoiceUrl: upstream.url,
    upstreamTimeoutMs: 1000,
    maxAnswerBytes: 2 * MB,
  });
}

async function sessionsAfter(...misbehaviours: Misbehaviour[]): Promise<Response> {
  upstream.misbehave(...misbehaviours);
  return proxyApp().request(`${ORIGIN}/api/sessions`);
}

async function expectGatewayError(res: Response, status: number, errorCode: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  expect(await res.json()).toMatchObject({ responseStatus: { errorCode, message: expect.any(String) } });
}

describe('answers the proxy refuses to pass on', () => {
  it('a body over the cap is a 502, and memory stays bounded while it streams', async () => {
    const before = process.memoryUsage().rss;
    const res = await sessionsAfter({ huge: 300 * MB });
    await expectGatewayError(res, 502, 'BadGateway');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it('a gzip bomb is counted after decompression: a 502, not 300 MB in memory', async () => {
    const before = process.memoryUsage().rss;
    const res = await sessionsAfter({ gzipBomb: 300 * MB });
    await expectGatewayError(res, 502, 'BadGateway');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it('an answer under the cap passes whole', async () => {
    const res = await sessionsAfter({ huge: MB });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(MB);
  });

  it.each([[{ html: true as const }], [{ jsonp: true as const }]])(
    'anything but JSON (%j) becomes a 502 with a ServiceStack error',
    async (misbehaviour) => {
      const res = await sessionsAfter(misbehaviour);
      await expectGatewayError(res, 502, 'BadGateway');
    },
  );

  it('a body that stops coming is a 504 within the upstream timeout', async () => {
    const started = Date.now();
    const res = await sessionsAfter({ hang: true });
    await expectGatewayError(res, 504, 'GatewayTimeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('answers passed on', () => {
  it.each([204, 304])('upstream %i passes as itself, without a body', async (status) => {
    const res = await sessionsAfter({ status });
    expect(res.status).toBe(status);
    expect(await res.text()).toBe('');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('a GET that meets a reset connection is sent once more', async () => {
    const before = upstream.seen.length;
    const res = await sessionsAfter({ reset: true });
    expect(res.status).toBe(200);
    expect(upstream.seen.length - before).toBe(2);
  });

  it('only once: a second reset is a 502', async () => {
    const res = await sessionsAfter({ reset: true }, { reset: true });
    await expectGatewayError(res, 502, 'BadGateway');
  });
});

describe('the query string', () => {
  it("keeps the seed's parameters in any case, byte for byte, and drops callback, format and unknown keys", async () => {
    const query =
      '?PAGE=1&callback=steal&SortField=fromAddress&format=html&from=%2B1503&jsonp=x&Log=a+b&countperpage=5&x=1&%zz=2&accountIds=a,b';
    const res = await proxyApp().request(`${ORIGIN}/api/sessions${query}`);
    expect(res.status).toBe(200);
    expect(upstream.seen.at(-1)?.url).toBe(
      '/sessions?PAGE=1&SortField=fromAddress&from=%2B1503&Log=a+b&countperpage=5&accountIds=a,b',
    );
  });

  it('sends nothing of the query string with the auth routes', async () => {
    await proxyApp().request(`${ORIGIN}/api/auth?format=jsonp&callback=x`, {
      headers: { cookie: 'ss-id=good' },
    });
    expect(upstream.seen.at(-1)?.url).toBe('/auth');
  });
});

describe('tokens', () => {
  it('never reach the browser: sign-in and GET /auth answer without sessionId, bearerToken, refreshToken', async () => {
    const app = proxyApp();
    const signIn = await app.request(`${ORIGIN}/api/auth/credentials`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ userName: 'demo@example.com', password: 'pw' }),
    });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toEqual({
      userId: '1',
      userName: 'demo@example.com',
      displayName: 'Demo User',
    });
    const me = await app.request(`${ORIGIN}/api/auth`, { headers: { cookie: 'ss-id=good' } });
    const text = await me.text();
    expect(JSON.parse(text)).toEqual({ userId: '1', userName: 'demo@example.com', displayName: 'Demo User' });
    expect(text).not.toMatch(/good|secret/);
  });
});
