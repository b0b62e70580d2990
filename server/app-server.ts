import path from 'node:path';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { csrf } from 'hono/csrf';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { proxy } from 'hono/proxy';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';

export interface ApiOptions {
  /** Base URL of a real Evo Voice (e.g. https://team.evovoice.io); when set, /api is proxied there. */
  evoVoiceUrl?: string;
  /** The sandbox (server/sandbox/sandbox.ts), mounted under /api when there is no evoVoiceUrl. */
  sandbox?: { app: Hono };
  /** Served over https (usually behind a TLS-terminating proxy): Secure cookies and HSTS. */
  secure?: boolean;
  /** How long the upstream may take to answer completely; default 30 s. */
  upstreamTimeoutMs?: number;
  /** Largest request body accepted under /api; default 16 KB (sign-in is the only body). */
  maxBodyBytes?: number;
}

export interface AppServerOptions extends ApiOptions {
  /** The Vite build output (dist/). */
  distDir: string;
}

/** ServiceStack's ErrorResponse, so the browser's one error parser understands our own errors too. */
export function errorResponse(errorCode: string, message: string) {
  return { responseStatus: { errorCode, message } };
}

/** The only upstream operations the dashboard uses; everything else under /api is 404. */
const ALLOWED_ROUTES: ReadonlyArray<{ path: string; upstreamPath: string; method: 'GET' | 'POST' }> = [
  { path: '/sessions', upstreamPath: '/sessions', method: 'GET' },
  { path: '/sessions.json', upstreamPath: '/sessions.json', method: 'GET' },
  { path: '/auth', upstreamPath: '/auth', method: 'GET' },
  { path: '/auth/credentials', upstreamPath: '/auth/credentials', method: 'POST' },
  { path: '/auth/logout', upstreamPath: '/auth/logout', method: 'POST' },
];

/** ServiceStack's session cookies; no other browser cookie reaches the upstream, and no other comes back. */
const SESSION_COOKIES = new Set(['ss-id', 'ss-pid', 'ss-opt']);

/** Request headers worth forwarding; the rest (Host, Origin, Referer with phone numbers, ...) stay here. */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept-language', 'user-agent'];

/** Response headers passed back; e.g. WWW-Authenticate would make browsers pop up a password dialog. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-language', 'etag', 'last-modified', 'vary'];

/** Keeps only ServiceStack's session cookies of a browser Cookie header, values untouched. */
export function filterSessionCookies(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const kept = cookieHeader
    .split(';')
    .map((part) => part.trim())
    .filter((part) => SESSION_COOKIES.has(part.slice(0, part.indexOf('=')).trim()));
  return kept.length > 0 ? kept.join('; ') : undefined;
}

/**
 * Rewrites an upstream Set-Cookie to this origin: no Domain, Path=/api, HttpOnly, SameSite=Lax,
 * Secure over https; keeps only Expires/Max-Age. Returns undefined for cookies we do not carry.
 */
export function rewriteSetCookie(setCookie: string, secure: boolean): string | undefined {
  const [pair = '', ...attributes] = setCookie.split(';');
  const name = pair.slice(0, pair.indexOf('=')).trim();
  if (!SESSION_COOKIES.has(name)) return undefined;
  const lifetime = attributes.map((a) => a.trim()).filter((a) => /^(expires|max-age)=/i.test(a));
  return [
    pair.trim(),
    ...lifetime,
    'Path=/api',
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

function isHttps(c: Context, secure: boolean | undefined): boolean {
  return secure ?? new URL(c.req.url).protocol === 'https:';
}

/** The allow-listed, cookie-rewriting proxy to a real Evo Voice; routes are relative to /api. */
export function createEvoVoiceProxy(options: {
  evoVoiceUrl: string;
  secure?: boolean;
  upstreamTimeoutMs?: number;
}): Hono {
  const base = new URL(options.evoVoiceUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new Error(`EVOVOICE_URL must be an http(s) URL, got ${options.evoVoiceUrl}`);
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  const timeoutMs = options.upstreamTimeoutMs ?? 30_000;
  const api = new Hono();

  for (const route of ALLOWED_ROUTES) {
    api.on(route.method, route.path, async (c) => {
      // The raw query string, byte for byte: re-serialising would turn %2B into + (a space upstream).
      const queryStart = c.req.url.indexOf('?');
      const search = queryStart === -1 ? '' : c.req.url.slice(queryStart);
      const target = `${base.origin}${basePath}${route.upstreamPath}${search}`;

      const headers: Record<string, string> = { accept: 'application/json' };
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = c.req.header(name);
        if (value) headers[name] = value;
      }
      const cookie = filterSessionCookies(c.req.header('cookie'));
      if (cookie) headers.cookie = cookie;
      const body = c.req.method === 'POST' ? await c.req.arrayBuffer() : undefined;

      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      try {
        const upstream = await proxy(target, {
          method: c.req.method,
          headers,
          body,
          redirect: 'manual',
          signal: AbortSignal.any([controller.signal, c.req.raw.signal]),
        });
        // Read the whole body under the same deadline, so a stalled upstream becomes a clean 504.
        const payload = await upstream.arrayBuffer();
        const out = new Headers({ 'cache-control': 'private, no-store' });
        for (const name of FORWARDED_RESPONSE_HEADERS) {
          const value = upstream.headers.get(name);
          if (value) out.set(name, value);
        }
        const https = isHttps(c, options.secure);
        for (const setCookie of upstream.headers.getSetCookie()) {
          const rewritten = rewriteSetCookie(setCookie, https);
          if (rewritten) out.append('set-cookie', rewritten);
        }
        return new Response(payload, { status: upstream.status, headers: out });
      } catch (error) {
        if (timedOut) {
          return c.json(
            errorResponse('GatewayTimeout', `Evo Voice did not answer within ${timeoutMs} ms.`),
            504,
          );
        }
        const reason =
          error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
        console.warn(`[proxy] ${c.req.method} ${route.upstreamPath} failed: ${reason}`);
        return c.json(errorResponse('BadGateway', 'Evo Voice could not be reached.'), 502);
      } finally {
        clearTimeout(timer);
      }
    });
  }
  // Known paths with the wrong method: 405 with Allow, like ServiceStack.
  for (const path of new Set(ALLOWED_ROUTES.map((r) => r.path))) {
    const allow = ALLOWED_ROUTES.filter((r) => r.path === path)
      .map((r) => (r.method === 'GET' ? 'GET, HEAD' : r.method))
      .join(', ');
    api.all(path, (c) => {
      c.header('Allow', allow);
      return c.json(
        errorResponse('MethodNotAllowed', `${c.req.method} is not allowed on ${c.req.path}.`),
        405,
      );
    });
  }
  return api;
}

/**
 * Everything under /api (routes relative to /api): the proxy when evoVoiceUrl is set, else the sandbox;
 * body limit and CSRF guard in front; a JSON 404/405 for anything not allowed.
 */
export function createApiApp(options: ApiOptions): Hono {
  const api = new Hono();
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  api.use(
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        c.json(
          errorResponse('RequestEntityTooLarge', `Request body is larger than ${maxBodyBytes} bytes.`),
          413,
        ),
    }),
  );
  // Cookies are SameSite=Lax already; this also stops cross-site form posts (login CSRF) to /auth/credentials.
  api.use(csrf());

  if (options.evoVoiceUrl) {
    api.route('/', createEvoVoiceProxy({ ...options, evoVoiceUrl: options.evoVoiceUrl }));
  } else if (options.sandbox) {
    // The sandbox's cookies get the same rewriting as Evo Voice's, so both paths behave alike in the browser.
    api.use(async (c, next) => {
      await next();
      const cookies = c.res.headers.getSetCookie();
      if (cookies.length === 0) return;
      const https = isHttps(c, options.secure);
      c.res.headers.delete('set-cookie');
      for (const cookie of cookies) {
        const rewritten = rewriteSetCookie(cookie, https);
        if (rewritten) c.res.headers.append('set-cookie', rewritten);
      }
    });
    api.route('/', options.sandbox.app);
  }

  api.all('*', (c) => c.json(errorResponse('NotFound', `No API route ${c.req.path}.`), 404));
  api.onError((error, c) => {
    if (error instanceof HTTPException) {
      return c.json(errorResponse(error.status === 403 ? 'Forbidden' : 'Error', error.message), error.status);
    }
    console.error('[api]', error);
    return c.json(errorResponse('InternalServerError', 'Internal server error.'), 500);
  });
  return api;
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
export const LISTENER_OPTIONS = { maxHeaderSize: 64 * 1024 };

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
