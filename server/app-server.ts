import path from 'node:path';
import { Hono, type MiddlewareHandler } from 'hono';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApiPolicy, type ApiPolicyOptions } from './api-policy.ts';
import { evoVoiceBackend, sandboxBackend } from './evo-voice-proxy.ts';

export interface ApiOptions extends ApiPolicyOptions {
  /** Base URL of a real Evo Voice (e.g. https://team.evovoice.io); when set, /api is proxied there. */
  evoVoiceUrl?: string;
  /** The sandbox (server/sandbox/), mounted under /api when there is no evoVoiceUrl. */
  sandbox?: { app: { fetch(request: Request): Response | Promise<Response> } };
  /** How long the upstream may take to answer completely; default 30 s. */
  upstreamTimeoutMs?: number;
}

export interface AppServerOptions extends ApiOptions {
  /** The Vite build output (dist/). */
  distDir: string;
}

/** Everything under /api (routes relative to /api): one policy in front of the proxy or the sandbox. */
export function createApiApp(options: ApiOptions): Hono {
  if (options.evoVoiceUrl) {
    return createApiPolicy(evoVoiceBackend({ ...options, evoVoiceUrl: options.evoVoiceUrl }), options);
  }
  if (options.sandbox) return createApiPolicy(sandboxBackend(options.sandbox), options);
  throw new Error('createApiApp needs evoVoiceUrl or a sandbox');
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Sets Cache-Control on successful responses (serveStatic's onFound runs too late to change headers). */
function cacheControl(value: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status === 200 || c.res.status === 304) c.header('Cache-Control', value);
  };
}

/**
 * Options for the Node listener in front of `createAppServer`. Node refuses request headers over
 * 16 KB with a bare 431, and a link the app accepts can be longer than that: three id lists of up to
 * 50 ids of up to 128 characters plus the text filters, about 21 KB in ASCII. Up to 64 KB the app
 * opens such a link and says what it ignored; ids of non-Latin text can percent-encode past that.
 * (docs/nginx.conf allows the same.)
 */
export const LISTENER_OPTIONS = {
  maxHeaderSize: 64 * 1024,
  // A request, body included, arrives within 30 s or the connection closes (408): a client trickling
  // bytes cannot hold a connection for Node's default 5 minutes.
  requestTimeout: 30_000,
  headersTimeout: 20_000,
  // How often Node looks for requests past those limits (its default, 30 s, would double them).
  connectionsCheckingInterval: 2_000,
};

/**
 * The headers every response carries (docs/deploy.md lists them, docs/nginx.conf sets them).
 * `csp: false` leaves out the Content-Security-Policy and nothing else: the benchmark's AG Grid page
 * needs it, because AG Grid's themes inject <style> elements, and is otherwise served alike.
 */
export function securityHeaders({ secure = false, csp = true }: { secure?: boolean; csp?: boolean } = {}) {
  return secureHeaders({
    contentSecurityPolicy: csp
      ? {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // React's style props go through CSSOM, which CSP allows; no 'unsafe-inline' needed.
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'https:', 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
        }
      : undefined,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: secure ? 'max-age=31536000; includeSubDomains' : false,
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      fullscreen: ['self'],
    },
  });
}

/** The security headers as a plain list, for answers Node writes itself (before any app runs). */
export async function securityHeaderList(options: { secure?: boolean } = {}): Promise<[string, string][]> {
  const probe = new Hono().use(securityHeaders(options)).get('*', (c) => c.body(null, 204));
  const res = await probe.request('http://probe/');
  return [...res.headers.entries()];
}

const CLIENT_ERROR_STATUS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/**
 * Serves `app` like @hono/node-server's `serve`, with LISTENER_OPTIONS, and answers malformed,
 * oversized and too slow requests (which Node refuses before any app runs) with the same security
 * headers as everything else.
 */
export async function listen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: {
    hostname: string;
    port: number;
    secure?: boolean;
    /** Overrides LISTENER_OPTIONS (tests shorten the timeouts). */
    serverOptions?: Partial<typeof LISTENER_OPTIONS>;
  },
): Promise<Server> {
  const headers = await securityHeaderList({ secure: options.secure });
  const server = serve({
    fetch: app.fetch,
    hostname: options.hostname,
    port: options.port,
    serverOptions: { ...LISTENER_OPTIONS, ...options.serverOptions },
  }) as Server<typeof IncomingMessage, typeof ServerResponse>;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const inFlight = (socket as { _httpMessage?: ServerResponse })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, reason] = CLIENT_ERROR_STATUS[error.code ?? ''] ?? [400, 'Bad Request'];
    const body = `${reason}\n`;
    const lines = [
      `HTTP/1.1 ${status} ${reason}`,
      ...headers.map(([name, value]) => `${name}: ${value}`),
      'Content-Type: text/plain; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ];
    socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  return server;
}

/** The production app: security headers, compression, dist/ with history fallback, and /api. */
export function createAppServer(options: AppServerOptions): Hono {
  const distDir = path.resolve(options.distDir);
  const app = new Hono();

  app.use(securityHeaders({ secure: options.secure }));
  app.use(compress());

  app.route('/api', createApiApp(options));

  // Hashed build output never changes under its name: cache it for a year; a missing one is a real 404.
  // The build writes .br/.gz beside each file (vite.config.ts): sent as they are, never compressed per request.
  app.use('/assets/*', cacheControl(IMMUTABLE), serveStatic({ root: distDir, precompressed: true }));
  app.get('/assets/*', (c) => c.text('Not found', 404));

  // Everything else revalidates (ETag -> 304), so a new deploy is picked up on the next load.
  app.use('*', cacheControl('no-cache'), etag());
  app.use('*', serveStatic({ root: distDir, precompressed: true }));
  // History fallback: client-side routes (/sessions/abc/print?x=1, /sign-in?redirect=...) load cold.
  app.get('*', serveStatic({ root: distDir, path: 'index.html', precompressed: true }));
  app.get('*', (c) => c.text('dist/index.html is missing: run `npm run build`.', 500));
  app.all('*', (c) => {
    c.header('Allow', 'GET, HEAD');
    return c.text('Method not allowed', 405);
  });
  return app;
}
