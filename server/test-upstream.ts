// A stub Evo Voice for the proxy and nginx tests: records what reaches it and answers like ServiceStack.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

/**
 * How the next GET /sessions misbehaves (queued with `misbehave`, for tests where the query string
 * cannot carry it because the proxy filters it): `status` answers that status with an ErrorResponse
 * (204/304 with no body), `delayMs` answers late, `huge` streams that many bytes of JSON, `gzipBomb`
 * sends that many spaces (rounded up to whole MB) gzip-compressed (a few KB on the wire), `html` and `jsonp` answer as
 * ServiceStack does when asked for them, `reset` closes the connection without answering, `hang` sends
 * the headers and then nothing.
 */
export type Misbehaviour =
  | { status: number }
  | { delayMs: number }
  | { huge: number }
  | { gzipBomb: number }
  | { html: true }
  | { jsonp: true }
  | { reset: true }
  | { hang: true };

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface StubUpstream {
  url: string;
  port: number;
  seen: SeenRequest[];
  /** Queues misbehaviours for the next GET /sessions requests, one each, in order. */
  misbehave(...next: Misbehaviour[]): void;
  close(): Promise<void>;
}

/**
 * Routes: GET /sessions (echoes what it got; `?status=500` answers that status with an ErrorResponse,
 * `?delayMs=` answers late), GET /auth (401 unless the ss-id cookie is "good"), POST /auth/credentials
 * (sets ss-id/ss-pid with upstream Domain/Path plus a foreign cookie), POST /auth/logout; anything else
 * answers 200 "open proxy!" so a leak is visible.
 */
export async function startStubUpstream(): Promise<StubUpstream> {
  const seen: SeenRequest[] = [];
  const queue: Misbehaviour[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const url = new URL(req.url ?? '/', 'http://stub');
      const json = (status: number, value: unknown, headers: http.OutgoingHttpHeaders = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(value));
      };
      const isSessions =
        req.method === 'GET' && (url.pathname === '/sessions' || url.pathname === '/sessions.json');
      const misbehaviour = isSessions ? queue.shift() : undefined;
      if (misbehaviour && misbehave(misbehaviour, req, res)) return;
      const delayMs =
        misbehaviour && 'delayMs' in misbehaviour
          ? misbehaviour.delayMs
          : Number(url.searchParams.get('delayMs') ?? 0);
      setTimeout(() => {
        if (isSessions) {
          const status =
            misbehaviour && 'status' in misbehaviour
              ? misbehaviour.status
              : Number(url.searchParams.get('status') ?? 200);
          if (status === 204 || status === 304) {
            res.writeHead(status);
            res.end();
            return;
          }
          if (status !== 200) {
            json(status, { responseStatus: { errorCode: 'Upstream' + status, message: 'upstream says no' } });
            return;
          }
          json(200, {
            items: [],
            totalCount: 0,
            totalPages: 0,
            hasMorePages: false,
            echo: { url: req.url, cookie: req.headers.cookie ?? null },
          });
        } else if (req.method === 'GET' && url.pathname === '/auth') {
          if (/(?:^|; )ss-id=good(?:;|$)/.test(req.headers.cookie ?? '')) {
            json(200, {
              userId: '1',
              sessionId: 'good',
              userName: 'demo@example.com',
              displayName: 'Demo User',
              bearerToken: 'jwt-secret',
              refreshToken: 'refresh-secret',
            });
          } else {
            json(
              401,
              { responseStatus: { errorCode: 'Unauthorized', message: 'Not Authenticated' } },
              { 'www-authenticate': 'credentials realm="/auth/credentials"' },
            );
          }
        } else if (req.method === 'POST' && url.pathname === '/auth/credentials') {
          json(
            200,
            {
              userId: '1',
              SessionId: 'good',
              userName: 'demo@example.com',
              displayName: 'Demo User',
              BearerToken: 'jwt-secret',
              refreshToken: 'refresh-secret',
            },
            {
              'set-cookie': [
                'ss-id=good; Domain=.evovoice.io; Path=/; Secure; HttpOnly; SameSite=None',
                'ss-pid=perm123; Domain=.evovoice.io; expires=Fri, 01 Jan 2100 00:00:00 GMT; Path=/; Secure; HttpOnly',
                'tracker=abc; Path=/',
              ],
            },
          );
        } else if (req.method === 'POST' && url.pathname === '/auth/logout') {
          json(200, {}, { 'set-cookie': ['ss-id=; expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/'] });
        } else {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('open proxy!');
        }
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    misbehave: (...next) => queue.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Acts out the misbehaviours that are not a plain status or delay; false when there is nothing to act. */
function misbehave(how: Misbehaviour, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if ('huge' in how) {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let left = how.huge;
    res.write('{"items":[');
    const pump = () => {
      while (left > 0) {
        left -= chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end(']}');
    };
    res.on('close', () => (left = 0));
    pump();
  } else if ('gzipBomb' in how) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    // Concatenated gzip members are one valid gzip stream: the bomb never exists uncompressed here.
    const megabyte = zlib.gzipSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9 });
    res.end(Buffer.concat(Array.from({ length: Math.ceil(how.gzipBomb / (1024 * 1024)) }, () => megabyte)));
  } else if ('html' in how) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><body><script>alert(1)</script></body></html>');
  } else if ('jsonp' in how) {
    res.writeHead(200, { 'content-type': 'application/javascript' });
    res.end('callback({"items":[]})');
  } else if ('reset' in how) {
    req.socket.destroy();
  } else if ('hang' in how) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"items":[');
  } else {
    return false;
  }
  return true;
}
