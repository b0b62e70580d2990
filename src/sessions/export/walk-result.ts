// A whole result, read page after page: an ordered list of server requests (today one, the view's;
// a result made of several segments or stores is several), each paged through with large pages,
// keeping what `accept` says belongs to the result (refinements the server cannot apply). Used by
// the export. Memory stays bounded however large the result: a few pages in flight, and the ids of
// the last page read (to drop a session read twice).
import { buildSessionsQuery, type SessionsRequest } from '../api/build-sessions-query';
import { ApiError } from '../api/api-error';
import type { SessionsPage, SessionSummary } from '../api/session';

/**
 * Sessions per request: large pages make a 100,000-session export 100 requests, not 1,000 (the
 * sandbox's limit, and well inside what Evo Voice answers at once). A server that answers fewer (its
 * own cap) is detected from its first page, and the rest is asked in pages of that size.
 */
export const WALK_PAGE_SIZE = 1000;
/**
 * Page requests in flight at once: while one page is written, the next ones are being answered, so
 * the server never waits for the browser (nor the browser for the server) between two pages.
 */
export const WALK_AHEAD = 2;

export interface WalkProgress {
  /** Sessions read from the server so far. */
  read: number;
  /** Of those, the ones `accept` kept. */
  kept: number;
  /** Sessions the requests hold, once every request has been counted. */
  total: number | undefined;
}

export type WalkFetch<T extends SessionSummary> = (
  query: URLSearchParams,
  signal: AbortSignal | undefined,
) => Promise<SessionsPage<T>>;

export interface WalkOptions<T extends SessionSummary> {
  /** In the result's order. */
  requests: readonly SessionsRequest[];
  fetchPage: WalkFetch<T>;
  /** Whether a session belongs to the result; every session by default. */
  accept?: (session: T) => boolean;
  /**
   * Per request, sessions that are not part of it although the server answers them (the archived
   * copies of live sessions): awaited before that request's first rows are yielded.
   */
  leaveOut?: readonly (Promise<ReadonlySet<string>> | undefined)[];
  pageSize?: number;
  /** Page requests in flight at most. */
  ahead?: number;
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

/** `fetchPage` that retries a page failing on the network, a timeout or a 5xx, twice, waiting between. */
export function withRetries<T extends SessionSummary>(
  fetchPage: WalkFetch<T>,
  sleep: WalkOptions<T>['sleep'] = defaultSleep,
): WalkFetch<T> {
  return async (query, signal) => {
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
}

/** What the walk knows of one request once its first page answered. */
interface Paging {
  size: number;
  /** Its last page, as far as known: from its count, or one past the last page that said more. */
  lastPage: number | undefined;
}

/**
 * Yields the kept sessions of each page, in order, with the progress so far. A session seen twice
 * (a live result shifts while it is paged: new sessions push older ones onto the next page; a
 * session moves from the live store to the archive while the walk goes from one to the other) is
 * yielded once. Up to `ahead` pages are asked for while the caller writes the current one.
 */
export async function* walkResult<T extends SessionSummary>({
  requests,
  fetchPage,
  accept = () => true,
  leaveOut = [],
  pageSize = WALK_PAGE_SIZE,
  ahead = WALK_AHEAD,
  signal,
  sleep = defaultSleep,
}: WalkOptions<T>): AsyncGenerator<{ sessions: T[]; progress: WalkProgress }> {
  // Requests still in flight when the walk ends (a failure, the caller stopping) are dropped.
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const fetchRetrying = withRetries(fetchPage, sleep);

  const paging: (Paging | undefined)[] = requests.map(() => undefined);
  const totals: (number | undefined)[] = requests.map(() => undefined);
  const progress: WalkProgress = { read: 0, kept: 0, total: undefined };
  const inFlight = new Map<string, Promise<SessionsPage<T>>>();
  const key = (r: number, page: number) => `${r}:${page}`;

  const ask = (r: number, page: number) => {
    // Only page 0 is counted (for the progress and the pages ahead); later pages skip the count.
    const query = buildSessionsQuery(requests[r]!.filter, {
      page,
      countPerPage: paging[r]?.size ?? pageSize,
      simplifiedPaging: page > 0 || undefined,
    });
    const answer = fetchRetrying(query, stop.signal);
    // A rejected page ahead must not count as unhandled while an earlier one is being written.
    answer.catch(() => {});
    inFlight.set(key(r, page), answer);
  };

  // The next page to ask ahead of need: pages of a request once its first answered and told its
  // size and count, then the next request's first page.
  let aheadR = 0;
  let aheadPage = 0;
  const askAhead = () => {
    while (inFlight.size < ahead && aheadR < requests.length) {
      const known = paging[aheadR];
      if (aheadPage > 0 && known?.lastPage === undefined) return;
      if (known?.lastPage !== undefined && aheadPage > known.lastPage) {
        aheadR += 1;
        aheadPage = 0;
        continue;
      }
      if (!inFlight.has(key(aheadR, aheadPage))) ask(aheadR, aheadPage);
      aheadPage += 1;
    }
  };

  /** Ids of the page before and of this one: a session read again is read near where it was first. */
  let previousIds = new Set<string>();
  let pageIds = new Set<string>();

  try {
    for (let r = 0; r < requests.length; r++) {
      for (let page = 0; ; page++) {
        if (aheadR < r || (aheadR === r && aheadPage < page)) [aheadR, aheadPage] = [r, page];
        // This page (unless a live result grew past its count: then it is asked now), and those ahead.
        if (!inFlight.has(key(r, page))) ask(r, page);
        askAhead();
        const current = await inFlight.get(key(r, page))!;
        inFlight.delete(key(r, page));
        const skip = await leaveOut[r];

        let size = paging[r]?.size ?? pageSize;
        if (page === 0) {
          // A server that caps its pages answers fewer than asked while saying more exist: page 0
          // holds exactly its cap, so page n of that size starts where the walk goes on.
          const more = current.hasMorePages ?? (current.totalCount ?? 0) > current.items.length;
          if (current.items.length > 0 && current.items.length < size && more) size = current.items.length;
          const count = current.totalCount;
          paging[r] = {
            size,
            lastPage: count === undefined ? undefined : Math.max(0, Math.ceil(count / size) - 1),
          };
          totals[r] = count;
          progress.total = totals.every((t) => t !== undefined)
            ? totals.reduce<number>((sum, t) => sum + (t ?? 0), 0)
            : undefined;
        }
        const more: boolean =
          current.items.length > 0 &&
          (current.hasMorePages ??
            (current.totalCount !== undefined
              ? (page + 1) * size < current.totalCount
              : current.items.length >= size));
        // A live result that grew since it was counted: its pages go on past the count.
        const known = paging[r]!;
        if (more && (known.lastPage === undefined || known.lastPage <= page)) known.lastPage = page + 1;
        // The next pages are asked before this one is written.
        askAhead();

        const sessions: T[] = [];
        let fresh = 0;
        for (const session of current.items) {
          if (previousIds.has(session.id) || pageIds.has(session.id)) continue;
          fresh += 1;
          progress.read++;
          if (skip?.has(session.id)) continue;
          pageIds.add(session.id);
          if (accept(session)) sessions.push(session);
        }
        [previousIds, pageIds] = [pageIds, new Set()];
        progress.kept += sessions.length;
        yield { sessions, progress: { ...progress } };
        // A page that brings nothing new (a server that ignores `page`, or a result that shifted by
        // a whole page) would keep the walk going forever: it ends this request instead.
        if (!more || (current.items.length > 0 && fresh === 0)) break;
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stop.abort();
  }
}
