// A whole result, read page after page: an ordered list of server requests (today one, the view's;
// a result made of several segments or stores is several), each paged through with large pages,
// keeping what `accept` says belongs to the result (refinements the server cannot apply). Used by
// the export; nothing is kept between pages but the ids already seen.
import { buildSessionsQuery, type SessionsRequest } from '../api/build-sessions-query';
import { ApiError } from '../api/api-error';
import type { SessionsPage, SessionSummary } from '../api/session';

/**
 * Sessions per request: large pages make a 100,000-session export 100 requests, not 1,000 (the
 * sandbox's limit, and well inside what Evo Voice answers at once).
 */
export const WALK_PAGE_SIZE = 1000;

export interface WalkProgress {
  /** Sessions read from the server so far. */
  read: number;
  /** Of those, the ones `accept` kept. */
  kept: number;
  /** Sessions the requests hold, once every request has been counted. */
  total: number | undefined;
}

export interface WalkOptions<T extends SessionSummary> {
  /** In the result's order. */
  requests: readonly SessionsRequest[];
  fetchPage: (query: URLSearchParams, signal: AbortSignal | undefined) => Promise<SessionsPage<T>>;
  /** Whether a session belongs to the result; every session by default. */
  accept?: (session: T) => boolean;
  pageSize?: number;
  signal?: AbortSignal;
  /** Waits before a retry (tests skip the wait). */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

const RETRY_DELAYS_MS = [1000, 3000];

function retryable(e: unknown): boolean {
  return (
    e instanceof ApiError &&
    (e.kind === 'network' || e.kind === 'timeout' || (e.kind === 'http' && e.status >= 500))
  );
}

function defaultSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Yields the kept sessions of each page, in order, with the progress so far. A session seen twice
 * (a live result shifts while it is paged: new sessions push older ones onto the next page) is
 * yielded once. The next page is asked for while the caller writes this one.
 */
export async function* walkResult<T extends SessionSummary>({
  requests,
  fetchPage,
  accept = () => true,
  pageSize = WALK_PAGE_SIZE,
  signal,
  sleep = defaultSleep,
}: WalkOptions<T>): AsyncGenerator<{ sessions: T[]; progress: WalkProgress }> {
  const seen = new Set<string>();
  const totals: (number | undefined)[] = requests.map(() => undefined);
  const progress: WalkProgress = { read: 0, kept: 0, total: undefined };

  const fetchWithRetry = async (request: SessionsRequest, page: number): Promise<SessionsPage<T>> => {
    // Only page 0 is counted (for the progress); later pages skip the server's count.
    const query = buildSessionsQuery(request.filter, {
      page,
      countPerPage: pageSize,
      simplifiedPaging: page > 0 || undefined,
    });
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetchPage(query, signal);
      } catch (e) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (signal?.aborted || delay === undefined || !retryable(e)) throw e;
        await sleep(delay, signal);
      }
    }
  };

  for (const [r, request] of requests.entries()) {
    let page = 0;
    let next: Promise<SessionsPage<T>> | undefined = fetchWithRetry(request, 0);
    while (next) {
      const current: SessionsPage<T> = await next;
      if (page === 0) {
        totals[r] = current.totalCount;
        progress.total = totals.every((t) => t !== undefined)
          ? totals.reduce<number>((sum, t) => sum + (t ?? 0), 0)
          : undefined;
      }
      const more: boolean =
        current.items.length > 0 &&
        (current.hasMorePages ??
          (current.totalCount !== undefined
            ? (page + 1) * pageSize < current.totalCount
            : current.items.length >= pageSize));
      page++;
      next = more ? fetchWithRetry(request, page) : undefined;
      // A rejected prefetch must not count as unhandled while this page is being written.
      next?.catch(() => {});

      const sessions: T[] = [];
      for (const session of current.items) {
        if (seen.has(session.id)) continue;
        seen.add(session.id);
        progress.read++;
        if (accept(session)) sessions.push(session);
      }
      progress.kept += sessions.length;
      yield { sessions, progress: { ...progress } };
    }
  }
}
