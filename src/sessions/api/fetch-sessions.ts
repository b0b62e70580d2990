// The one function that talks to `GET /sessions`. Small on purpose: URL, JSON, errors, abort.
import { ApiError, apiErrorFromResponse } from './api-error';
import { decodePage } from './decode-page';
import { takeEarlyRequest } from './early-request';
import { SESSIONS_FETCH_INIT, sessionsUrl } from './sessions-url';
import type { SessionsPage } from './session';

export { API_BASE_PATH, setApiBase } from './sessions-url';
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface FetchSessionsOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Leave out each session's log and members (empty lists): what a table page needs. */
  summary?: boolean;
}

/**
 * Fetches and decodes one page. Rejects with an `ApiError` (http, network, timeout, decode), or,
 * when `signal` aborts, with the signal's reason (an `AbortError` DOMException by default) exactly
 * as `fetch` does, so React Query sees a cancellation and not a failure.
 */
export async function fetchSessions(
  query: URLSearchParams,
  { signal, timeoutMs = DEFAULT_TIMEOUT_MS, summary }: FetchSessionsOptions = {},
): Promise<SessionsPage> {
  signal?.throwIfAborted();
  // Our own controller, so a timeout can abort the request and still be told apart from the caller's abort.
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);

  const url = sessionsUrl(query);
  try {
    const early = takeEarlyRequest(url, controller.signal);
    let response: Response;
    let body: string;
    try {
      response = await (early?.response ?? fetch(url, { ...SESSIONS_FETCH_INIT, signal: controller.signal }));
      body = await (early?.body ?? response.text());
    } catch (e) {
      if (signal?.aborted) throw signal.reason ?? e;
      if (timedOut) {
        throw new ApiError({
          kind: 'timeout',
          status: 0,
          message: `The server did not answer within ${Math.round(timeoutMs / 1000)} seconds.`,
          cause: e,
        });
      }
      throw new ApiError({
        kind: 'network',
        status: 0,
        message: 'Could not reach the server. Check the connection and try again.',
        cause: e,
      });
    }

    if (!response.ok) throw apiErrorFromResponse(response.status, body);

    let json: unknown;
    try {
      json = early ? await early.json() : JSON.parse(body);
    } catch (e) {
      // Typically an HTML page (a login portal, a misrouted SPA fallback) answered with 200.
      throw new ApiError({
        kind: 'decode',
        status: response.status,
        message: 'The server answered with something that is not JSON.',
        cause: e,
      });
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new ApiError({
        kind: 'decode',
        status: response.status,
        message: 'The server answered with JSON that is not a list of sessions.',
      });
    }
    const page = Number(query.get('page') ?? 0) || 0;
    if (summary) return decodePage(json, page);
    // Whole sessions (the drawer, the print view): their log and members are decoded by a module
    // that stays off the first screen.
    const { decodeSessionsPage } = await import('./decode-sessions');
    return decodeSessionsPage(json, page);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
