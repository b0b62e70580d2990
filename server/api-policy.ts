// Everything under /api, one policy whichever backend answers (the sandbox or a real Evo Voice): an
// allow-list of routes and methods, a CSRF check, body limits, no credentials in query strings, the
// seed's query parameters only, JSON-only answers of bounded size, no tokens readable by scripts, and
// `Cache-Control: private, no-store` on every answer.
import { Hono, type Context } from 'hono';

/** ServiceStack's ErrorResponse, so the browser's one error parser understands our own errors too. */
export function errorResponse(errorCode: string, message: string, fieldName?: string) {
  const errors = fieldName ? [{ errorCode, fieldName, message }] : undefined;
  return { responseStatus: { errorCode, message, ...(errors && { errors }) } };
}

/**
 * A backend answers a request for an upstream path (`http://backend/sessions?...`): the sandbox's
 * Hono app, or the Evo Voice proxy. `timeoutMs` bounds the whole answer, body included.
 */
export interface ApiBackend {
  name: string;
  fetch(request: Request): Promise<Response>;
  timeoutMs?: number;
  /** Retry an idempotent GET once when the connection was reset under it (stale keep-alive sockets). */
  retryResetGet?: boolean;
}

export interface ApiPolicyOptions {
  /** Served over https (usually behind a TLS-terminating proxy): Secure cookies. */
  secure?: boolean;
  /** Largest request body accepted; default 16 KB (sign-in is the only body). */
  maxBodyBytes?: number;
  /** Largest answer body passed on, counted after decompression; default 50 MB. */
  maxAnswerBytes?: number;
}

/** The query parameters of ListSessions in the seed (ServiceStack binds them case-insensitively). */
export const SESSIONS_QUERY_KEYS: ReadonlySet<string> = new Set(
  [
    'accountIds',
    'searchArchive',
    'startDate',
    'endDate',
    'customerIds',
    'endpointIds',
    'from',
    'to',
    'log',
    'parentSessionId',
    'page',
    'all',
    'countPerPage',
    'specificIds',
    'sortField',
    'sortOrder',
    'simplifiedPaging',
  ].map((key) => key.toLowerCase()),
);

const NO_QUERY: ReadonlySet<string> = new Set();

interface Route {
  path: string;
  method: 'GET' | 'POST';
  queryKeys: ReadonlySet<string>;
  auth: boolean;
}

/** The only operations the dashboard uses; everything else under /api is 404. */
const ROUTES: readonly Route[] = [
  { path: '/sessions', method: 'GET', queryKeys: SESSIONS_QUERY_KEYS, auth: false },
  { path: '/sessions.json', method: 'GET', queryKeys: SESSIONS_QUERY_KEYS, auth: false },
  { path: '/auth', method: 'GET', queryKeys: NO_QUERY, auth: true },
  { path: '/auth/credentials', method: 'POST', queryKeys: NO_QUERY, auth: true },
  { path: '/auth/logout', method: 'POST', queryKeys: NO_QUERY, auth: true },
];

/** ServiceStack's session cookies; no other browser cookie reaches the backend, and no other comes back. */
const SESSION_COOKIES = new Set(['ss-id', 'ss-pid', 'ss-opt']);

/** Request headers worth forwarding; the rest (Host, Origin, Referer with phone numbers, ...) stay here. */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept-language', 'user-agent'];

/** Response headers passed back; e.g. WWW-Authenticate would make browsers pop up a password dialog. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-language', 'etag', 'last-modified', 'vary'];

/** The session token and its kin: they live in HttpOnly cookies, and no script may read them. */
const TOKEN_KEYS = new Set(['sessionid', 'bearertoken', 'refreshtoken']);

/** Query keys that would carry a sign-in; refused, since query strings end up in logs and history. */
const CREDENTIAL_KEYS = new Map([
  ['username', 'UserName'],
  ['password', 'Password'],
]);

/** Statuses whose answers have no body (a Response built with one throws). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

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
 * Rewrites a backend Set-Cookie to this origin: no Domain, Path=/api, HttpOnly, SameSite=Lax,
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

/** The `key=value` parts of a raw query string whose decoded key is allowed, byte for byte (`%2B` stays). */
export function filterQueryString(search: string, allowed: ReadonlySet<string>): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => {
      const rawKey = part.split('=', 1)[0] ?? '';
      try {
        return allowed.has(decodeURIComponent(rawKey.replace(/\+/g, ' ')).toLowerCase());
      } catch {
        return false; // A malformed escape in a key names nothing we know.
      }
    });
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/** Why a POST is refused as cross-site, or undefined when it comes from this site's pages (or no browser). */
function crossSiteReason(c: Context): string | undefined {
  const site = c.req.header('sec-fetch-site');
  if (site === 'same-origin') return undefined;
  if (site && site !== 'none') return `the browser marked it ${site}`;
  const origin = c.req.header('origin');
  if (origin === undefined) return undefined; // Not a browser: nothing to forge.
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    // `Origin: null` (sandboxed frames, file:) and garbage alike.
  }
  return host === new URL(c.req.url).host ? undefined : `it comes from ${origin}, not from this site`;
}

/** Reads a body up to `max` bytes; `undefined` when it is larger (the rest is never read). */
async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function isResetSocket(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(String(cause?.code));
}

function failureReason(error: unknown): string {
  if (error instanceof Error && error.cause instanceof Error) return error.cause.message;
  return error instanceof Error ? error.message : String(error);
}

interface Answer {
  status: number;
  headers: Headers;
  body: Uint8Array<ArrayBuffer> | null;
}

/**
 * The backend's answer, read whole under its deadline and size cap, or a ServiceStack-shaped 502/504:
 * only JSON (or no body at all) reaches the browser.
 */
async function fetchAnswer(
  backend: ApiBackend,
  makeRequest: (signal: AbortSignal) => Request,
  clientSignal: AbortSignal,
  maxBytes: number,
): Promise<Answer | Response> {
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    backend.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, backend.timeoutMs);
  const signal = AbortSignal.any([controller.signal, clientSignal]);
  const gateway = (status: 502 | 504, errorCode: string, message: string) =>
    Response.json(errorResponse(errorCode, message), { status });
  try {
    for (let attempt = 0; ; attempt++) {
      const request = makeRequest(signal);
      let response: Response;
      try {
        response = await backend.fetch(request);
      } catch (error) {
        if (attempt === 0 && backend.retryResetGet && request.method === 'GET' && isResetSocket(error)) {
          continue;
        }
        throw error;
      }
      if (NULL_BODY_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => {});
        return { status: response.status, headers: response.headers, body: null };
      }
      const type = response.headers.get('content-type') ?? '';
      if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
        await response.body?.cancel().catch(() => {});
        console.warn(`[api] ${backend.name} answered ${response.status} as "${type}", not JSON`);
        return gateway(502, 'BadGateway', `${backend.name} answered something other than JSON.`);
      }
      const body = await readCapped(response.body, maxBytes);
      if (!body) {
        console.warn(`[api] ${backend.name} answered more than ${maxBytes} bytes`);
        return gateway(502, 'BadGateway', `${backend.name} answered more than ${maxBytes} bytes.`);
      }
      return { status: response.status, headers: response.headers, body };
    }
  } catch (error) {
    if (timedOut) {
      return gateway(504, 'GatewayTimeout', `${backend.name} did not answer within ${backend.timeoutMs} ms.`);
    }
    console.warn(`[api] ${backend.name} failed: ${failureReason(error)}`);
    return gateway(502, 'BadGateway', `${backend.name} could not be reached.`);
  } finally {
    clearTimeout(timer);
  }
}

/** An auth answer without the tokens: they are in HttpOnly cookies, where scripts cannot read them. */
function withoutTokens(body: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return body;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return body;
  const kept = Object.entries(parsed).filter(([key]) => !TOKEN_KEYS.has(key.toLowerCase()));
  return new TextEncoder().encode(JSON.stringify(Object.fromEntries(kept)));
}

function isHttps(c: Context, secure: boolean | undefined): boolean {
  return secure ?? new URL(c.req.url).protocol === 'https:';
}

/** The /api app (routes relative to /api) in front of `backend`. */
export function createApiPolicy(backend: ApiBackend, options: ApiPolicyOptions = {}): Hono {
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const maxAnswerBytes = options.maxAnswerBytes ?? 50 * 1024 * 1024;
  const api = new Hono();

  // Personal data and sign-in state: never stored by the browser or any cache on the way.
  api.use(async (c, next) => {
    await next();
    c.res.headers.set('cache-control', 'private, no-store');
  });

  for (const path of new Set(ROUTES.map((r) => r.path))) {
    const routes = ROUTES.filter((r) => r.path === path);
    const allow = routes.map((r) => (r.method === 'GET' ? 'GET, HEAD' : r.method)).join(', ');
    api.all(path, async (c) => {
      const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
      const route = routes.find((r) => r.method === method);
      if (!route) {
        c.header('Allow', allow);
        return c.json(
          errorResponse('MethodNotAllowed', `${c.req.method} is not allowed on ${c.req.path}; use ${allow}.`),
          405,
        );
      }
      if (route.method === 'POST') {
        const reason = crossSiteReason(c);
        if (reason) {
          return c.json(
            errorResponse(
              'Forbidden',
              `Cross-site request refused: ${reason}. Sign in and out from this site's own pages.`,
            ),
            403,
          );
        }
      }
      const url = new URL(c.req.url);
      for (const key of url.searchParams.keys()) {
        const field = CREDENTIAL_KEYS.get(key.toLowerCase());
        if (field) {
          return c.json(
            errorResponse(
              'CredentialsInQueryString',
              `${field} goes in the request body, never in the address.`,
              field,
            ),
            400,
          );
        }
      }
      let body: Uint8Array<ArrayBuffer> | undefined;
      if (route.method === 'POST') {
        const declared = Number(c.req.header('content-length') ?? 0);
        body = declared > maxBodyBytes ? undefined : await readCapped(c.req.raw.body, maxBodyBytes);
        if (!body) {
          return c.json(
            errorResponse('RequestEntityTooLarge', `Request body is larger than ${maxBodyBytes} bytes.`),
            413,
          );
        }
      }

      // The raw query string, filtered but not re-serialised: that would turn %2B into + (a space upstream).
      const target = `http://backend${path}${filterQueryString(url.search, route.queryKeys)}`;
      const headers = new Headers({ accept: 'application/json' });
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = c.req.header(name);
        if (value) headers.set(name, value);
      }
      const cookie = filterSessionCookies(c.req.header('cookie'));
      if (cookie) headers.set('cookie', cookie);
      const answer = await fetchAnswer(
        backend,
        (signal) => new Request(target, { method: route.method, headers, body, signal, redirect: 'manual' }),
        c.req.raw.signal,
        maxAnswerBytes,
      );
      if (answer instanceof Response) return answer;

      const out = new Headers();
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = answer.headers.get(name);
        if (value) out.set(name, value);
      }
      const https = isHttps(c, options.secure);
      for (const setCookie of answer.headers.getSetCookie()) {
        const rewritten = rewriteSetCookie(setCookie, https);
        if (rewritten) out.append('set-cookie', rewritten);
      }
      const payload = answer.body && route.auth ? withoutTokens(answer.body) : answer.body;
      return new Response(payload, { status: answer.status, headers: out });
    });
  }

  api.all('*', (c) => c.json(errorResponse('NotFound', `No API route ${c.req.path}.`), 404));
  api.onError((error, c) => {
    // The client went away (or was cut off) mid-request: nobody is left to read an answer or a log line.
    if (c.req.raw.signal.aborted) {
      return c.json(errorResponse('RequestAborted', 'The request was not received whole.'), 400);
    }
    console.error('[api]', error);
    return c.json(errorResponse('InternalServerError', 'Internal server error.'), 500);
  });
  return api;
}
