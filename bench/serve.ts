// The benchmark's server, a child process of the harness so the sandbox's SQLite work never runs on
// the harness's event loop: Session History's build on PORT and the peer pages (AG Grid, static
// table) on PORT+1, both through createAppServer with the same in-process sandbox behind /api.
// Env: PORT, APP_DIST, PEER_DIST (optional: without it, the app alone), BENCH_REQUEST_LOG and the
// sandbox's own SANDBOX_* variables.
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createAppServer, securityHeaders } from '../server/app-server.ts';
import { readSandboxConfig } from '../server/sandbox/config.ts';
import { openSandbox } from '../server/sandbox/sandbox.ts';

const port = Number(process.env.PORT);
const appDist = process.env.APP_DIST;
const peerDist = process.env.PEER_DIST;
if (!Number.isInteger(port) || !appDist) throw new Error('PORT and APP_DIST are required');

const sandbox = openSandbox(readSandboxConfig());
const app = createAppServer({ distDir: appDist, sandbox });
// The peer's /api is the app server's own (same middleware, same sandbox). Its pages get the app's
// security headers but no CSP, because AG Grid's themes inject <style> elements that it would block.
// (The headers cost time: Cross-Origin-Opener-Policy makes a cold navigation start a new renderer
// process, about 40 ms here; served without them, the peer's figures left that out.)
function peerPages(root: string) {
  const peer = new Hono();
  peer.use('*', securityHeaders({ csp: false }));
  peer.all('/api/*', (c) => app.fetch(c.req.raw));
  // Precompressed at build like the app's assets (server/precompress-plugin.ts), so both pay the same
  // server time for their JS; compress() covers what is not.
  peer.use('*', compress());
  peer.use('*', serveStatic({ root, precompressed: true }));
  return peer;
}
// BENCH_REQUEST_LOG=1: the app's `GET /sessions` requests are kept (path, query and arrival time);
// `GET /__bench/requests` hands them over and forgets them. A run whose browser reports no requests
// (bench:scan's: no DevTools network events) learns them here.
const requestLog: { url: string; at: number }[] = [];
const appFetch: typeof app.fetch =
  process.env.BENCH_REQUEST_LOG === '1'
    ? (request, ...rest) => {
        const url = new URL(request.url);
        if (url.pathname === '/__bench/requests') return Response.json(requestLog.splice(0));
        if (url.pathname.endsWith('/sessions'))
          requestLog.push({ url: url.pathname + url.search, at: Date.now() });
        return app.fetch(request, ...rest);
      }
    : app.fetch;
const servers = [serve({ fetch: appFetch, hostname: '127.0.0.1', port })];
if (peerDist)
  servers.push(serve({ fetch: peerPages(peerDist).fetch, hostname: '127.0.0.1', port: port + 1 }));
let listening = 0;
for (const s of servers) {
  s.on('listening', () => {
    if (++listening === servers.length) console.log(`bench-serve ready: ${sandbox.summary}`);
  });
  s.on('error', (error) => {
    console.error(`bench-serve: ${error.message}`);
    process.exit(1);
  });
}
const stop = () => {
  sandbox.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
