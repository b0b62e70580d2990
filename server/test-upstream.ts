// A stub Evo Voice for the proxy and nginx tests: records what reaches it and answers like ServiceStack.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

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
      const delayMs = Number(url.searchParams.get('delayMs') ?? 0);
      setTimeout(() => {
        if (req.method === 'GET' && (url.pathname === '/sessions' || url.pathname === '/sessions.json')) {
          const status = Number(url.searchParams.get('status') ?? 200);
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
            { userId: '1', sessionId: 'good', userName: 'demo@example.com', displayName: 'Demo User' },
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
