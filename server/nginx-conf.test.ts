// docs/nginx.conf, tested: a real nginx (Debian's /usr/sbin/nginx, a non-daemon child with a temp
// prefix on 127.0.0.1) in front of a stub Evo Voice and a tiny dist/.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_HTML, longestAcceptedLink, makeTestDist } from './test-dist';
import { startStubUpstream, type StubUpstream } from './test-upstream';

const NGINX = '/usr/sbin/nginx';
const DOC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'nginx.conf');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port}:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** docs/nginx.conf with the test's port, root and upstream instead of the production values. */
export function adaptConfig(doc: string, opts: { port: number; root: string; upstream: string }): string {
  const replacements: Array<[string | RegExp, string]> = [
    ['listen 443 ssl http2;', `listen 127.0.0.1:${opts.port};`],
    [/^\s*listen \[::\]:443 ssl http2;\n/m, ''],
    [/^\s*ssl_certificate(_key)? .*\n/gm, ''],
    ['root /srv/session-history/dist;', `root ${opts.root};`],
    [/https:\/\/team\.evovoice\.io/g, opts.upstream],
    ['proxy_read_timeout 30s;', 'proxy_read_timeout 1s;'],
  ];
  let conf = doc;
  for (const [from, to] of replacements) {
    const next = conf.replace(from, to);
    if (next === conf)
      throw new Error(`docs/nginx.conf no longer contains ${String(from)}; update this test`);
    conf = next;
  }
  return conf;
}

describe('docs/nginx.conf in a real nginx', () => {
  let prefix: string;
  let dist: ReturnType<typeof makeTestDist>;
  let upstream: StubUpstream;
  let nginx: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    // Every test below fails with this message when nginx is missing: none is skipped.
    if (!fs.existsSync(NGINX)) {
      throw new Error(
        `${NGINX} not found: install nginx to run these tests (Debian/Ubuntu, as root: apt-get install -y nginx; ` +
          '`npm test` does it). They start their own nginx on 127.0.0.1; the system service need not run.',
      );
    }
    upstream = await startStubUpstream();
    dist = makeTestDist();
    prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'session-history-nginx-'));
    // nginx workers may run as another user (nobody when started as root): they must read these.
    for (const dir of [prefix, dist.dir, path.join(dist.dir, 'assets')]) fs.chmodSync(dir, 0o755);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    fs.writeFileSync(
      path.join(prefix, 'session-history.conf'),
      adaptConfig(fs.readFileSync(DOC, 'utf8'), { port, root: dist.dir, upstream: upstream.url }),
    );
    fs.writeFileSync(
      path.join(prefix, 'nginx.conf'),
      `daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include ${prefix}/session-history.conf;
}
`,
    );
    nginx = spawn(
      NGINX,
      ['-p', prefix, '-e', path.join(prefix, 'error.log'), '-c', path.join(prefix, 'nginx.conf')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    nginx.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    nginx.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const log = () => {
      const errorLog = path.join(prefix, 'error.log');
      return output + (fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : '');
    };
    await waitForPort(port, nginx, log);
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    await upstream?.close();
    dist?.remove();
    if (prefix) fs.rmSync(prefix, { recursive: true, force: true });
  });

  function expectSecurityHeaders(res: Response) {
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
  }

  it('serves index.html with no-cache and the security headers', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(res);
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it.each(['/sessions/abc/print?x=1', '/sign-in?redirect=%2F%3Ffrom%3D%252B1503'])(
    'falls back to index.html for %s',
    async (p) => {
      const res = await fetch(`${base}${p}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX_HTML);
    },
  );

  it('serves the longest link the app accepts (nginx alone refuses 8 KB)', async () => {
    const res = await fetch(`${base}${longestAcceptedLink()}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it('caches hashed assets for a year, gzipped, with the security headers', async () => {
    const res = await fetch(`${base}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expectSecurityHeaders(res);
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it('proxies GET /api/sessions with the query string intact and only the session cookies', async () => {
    const query = '?from=%2B1503&accountIds=a,b&log=a+b';
    const res = await fetch(`${base}/api/sessions${query}`, {
      headers: {
        cookie: 'ss-id=abc; other=secret; ss-pid=def',
        referer: `${base}/?from=%2B1503`,
        authorization: 'x',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expectSecurityHeaders(res);
    const body = (await res.json()) as { echo: { url: string; cookie: string } };
    expect(body.echo.url).toBe(`/sessions${query}`);
    expect(body.echo.cookie.replace(/;\s*$/, '')).toBe('ss-id=abc; ss-pid=def');
    const seen = upstream.seen.at(-1);
    expect(seen?.headers.referer).toBeUndefined();
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.headers.accept).toBe('application/json');
  });

  it('passes upstream errors through with status and body, without WWW-Authenticate', async () => {
    // 502/503/504 from upstream too: nginx's error_page only replaces its own failures.
    for (const status of [400, 403, 500, 502, 503, 504]) {
      const res = await fetch(`${base}/api/sessions?status=${status}`);
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual({
        responseStatus: { errorCode: `Upstream${status}`, message: 'upstream says no' },
      });
    }
    const auth = await fetch(`${base}/api/auth`);
    expect(auth.status).toBe(401);
    expect(auth.headers.get('www-authenticate')).toBeNull();
  });

  it('rewrites the cookies of a sign-in to this origin', async () => {
    const res = await fetch(`${base}/api/auth/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ userName: 'demo', password: 'pw' }),
    });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(3);
    for (const cookie of cookies.slice(0, 2)) {
      // nginx can only empty the Domain; browsers ignore an empty Domain (RFC 6265 5.2.3): host-only.
      expect(cookie).not.toMatch(/domain=[^;]/i);
      expect(cookie).toMatch(/; Path=\/api(;|$)/);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(cookie).not.toMatch(/SameSite=None/i);
    }
    expect(cookies[1]).toContain('expires=Fri, 01 Jan 2100 00:00:00 GMT');
  });

  it('refuses a cross-site POST', async () => {
    const res = await fetch(`${base}/api/auth/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      body: 'userName=attacker',
    });
    expect(res.status).toBe(403);
  });

  it.each([
    ['GET', '/api/accounts', 404],
    ['GET', '/api/sessions/123', 404],
    ['GET', '/api/', 404],
    ['GET', '/api', 404],
    ['GET', '/api/metadata.js', 404],
    ['POST', '/api/users', 404],
    ['POST', '/api/sessions', 405],
    ['DELETE', '/api/auth', 405],
    ['GET', '/api/auth/credentials', 405],
    ['GET', '/api/auth/logout', 405],
  ])('refuses %s %s with %i JSON and never reaches upstream', async (method, p, status) => {
    const before = upstream.seen.length;
    const res = await fetch(`${base}${p}`, { method, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toHaveProperty('responseStatus.errorCode');
    expect(upstream.seen.length).toBe(before);
  });

  it('refuses an oversized body with 413 JSON', async () => {
    const res = await fetch(`${base}/api/auth/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'x'.repeat(20_000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ responseStatus: { errorCode: 'RequestEntityTooLarge' } });
  });

  it('answers 504 JSON when upstream is too slow', async () => {
    const res = await fetch(`${base}/api/sessions?delayMs=3000`);
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ responseStatus: { errorCode: 'GatewayTimeout' } });
  });

  // Last: stops the stub upstream.
  it('answers 502 JSON when upstream is down', async () => {
    await upstream.close();
    const res = await fetch(`${base}/api/sessions`);
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ responseStatus: { errorCode: 'BadGateway' } });
  });
});
