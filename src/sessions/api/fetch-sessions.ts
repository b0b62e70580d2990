// The one function that talks to `GET /sessions`. Small on purpose: URL, JSON, errors, abort.
import { ApiError, apiErrorFromResponse } from './api-error';
import { decodeListResponse, decodeSummary, decodeSummaryPage } from './decode-page';
import { decodeSessionsPage } from './decode-sessions';
import { takeEarlyRequest } from './early-request';
import { SESSIONS_FETCH_INIT, sessionsUrl } from './sessions-url';
import type { SessionsPage, SessionSummary } from './session';

export { API_BASE_PATH, setApiBase } from './sessions-url';
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface FetchSessionsOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /**
   * `low` for work in the background (the volume chart's counting): over HTTP/1.1 a browser opens
   * six connections to a server, and a queued request of higher priority gets the next free one,
   * so the table's pages do not wait behind the chart's probes.
   */
  priority?: RequestPriority;
}

/** Fetches one page of whole sessions, flow logs and members included (the drawer, the print view). */
export async function fetchSessions(
  query: URLSearchParams,
  options?: FetchSessionsOptions,
): Promise<SessionsPage> {
  return decodeSessionsPage(await fetchListJson(query, options), Number(query.get('page') ?? 0) || 0);
}

/**
 * Fetches one page of sessions without their logs and members: what a table page needs (the API
 * sends them whole; a tenth of the decoding, and of the memory a cached page takes).
 */
export async function fetchSessionSummaries(
  query: URLSearchParams,
  options?: FetchSessionsOptions,
): Promise<SessionsPage<SessionSummary>> {
  return decodeSummaryPage(await fetchListJson(query, options), Number(query.get('page') ?? 0) || 0);
}

/** A session decoded for reading, with the item exactly as the API sent it (for exports). */
export interface SessionWithWire extends SessionSummary {
  wire: Record<string, unknown>;
}

/**
 * Fetches one page of sessions, each decoded (without log and members) and with its wire JSON:
 * an export writes the API's own item, every field and nested list included, and reads the rest.
 */
export async function fetchSessionsWithWire(
  query: URLSearchParams,
  options?: FetchSessionsOptions,
): Promise<SessionsPage<SessionWithWire>> {
  return decodeListResponse(
    await fetchListJson(query, options),
    Number(query.get('page') ?? 0) || 0,
    // Added to the decoded literal rather than spread into a copy: half the decoding time.
    (raw, fallbackId) => Object.assign(decodeSummary(raw, fallbackId), { wire: raw }),
  );
}

/**
 * Fetches one page's JSON. Rejects with an `ApiError` (http, network, timeout, decode), or,
 * when `signal` aborts, with the signal's reason (an `AbortError` DOMException by default) exactly
 * as `fetch` does, so React Query sees a cancellation and not a failure.
 */
async function fetchListJson(
  query: URLSearchParams,
  { signal, timeoutMs = DEFAULT_TIMEOUT_MS, priority }: FetchSessionsOptions = {},
): Promise<Record<string, unknown>> {
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
      response = await (early?.response ??
        fetch(url, { ...SESSIONS_FETCH_INIT, signal: controller.signal, priority }));
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
      json = JSON.parse(body);
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
    return json as Record<string, unknown>;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
