// Every sessions query the UI makes, as `queryOptions` factories: keys come only from here.
//
// Key layout:
//   ['sessions']
//   ['sessions', 'page', filterId, filter, n]     one page of a search
//   ['sessions', 'count', filterId, filter]       the total of a search
//   ['sessions', 'detail', id]                    one session, live or archived
// `filter` is normalized (empty values dropped, list items split, as `buildSessionsQuery` sends it),
// so filters that send the same request share cache entries. `filterId` is that request's query
// string: React Query matches key prefixes partially inside objects (a `{}` filter would match
// every filter, `accountIds: ['a']` would match `['a', 'b']`), a string only exactly, so
// `filterKey(filter)` selects the pages of that one filter and no other.
//
// Retries are not set here: the app's QueryClient defaults to `shouldRetry` (api-error.ts), so a
// test client with `retry: false` still turns them off (a per-query option would override it).
import { queryOptions } from '@tanstack/react-query';
import { buildSessionsQuery, normalizeSessionsFilter, type SessionsFilter } from './build-sessions-query';
import { fetchSessions } from './fetch-sessions';
import { pageQuery } from './sessions-url';
import type { Session } from './session';

export { SESSIONS_PAGE_SIZE } from './sessions-url';

export interface SessionDetail {
  session: Session;
  /** True when the session was found only by searching the archive. */
  archived: boolean;
}

async function fetchDetail(id: string, signal: AbortSignal): Promise<SessionDetail | null> {
  for (const archived of [false, true]) {
    const query = buildSessionsQuery({ searchArchive: archived }, { specificIds: [id] });
    const page = await fetchSessions(query, { signal });
    // Exact match only: specificIds is a comma list, so the server may return other ids too.
    const session = page.items.find((s) => s.id === id);
    if (session) return { session, archived };
  }
  return null;
}

// The grid asks for its pages' options on every scroll frame with the same filter object.
const canonicalCache = new WeakMap<SessionsFilter, { normalized: SessionsFilter; filterId: string }>();

function canonical(filter: SessionsFilter) {
  let c = canonicalCache.get(filter);
  if (!c) {
    const normalized = normalizeSessionsFilter(filter);
    c = { normalized, filterId: buildSessionsQuery(normalized).toString() };
    canonicalCache.set(filter, c);
  }
  return c;
}

export const sessionQueries = {
  all: () => ['sessions'] as const,
  pages: () => [...sessionQueries.all(), 'page'] as const,
  /** Prefix of every page of one filter: reset it to reload the result from the top. */
  filterKey: (filter: SessionsFilter) => [...sessionQueries.pages(), canonical(filter).filterId] as const,
  page: (filter: SessionsFilter, page: number) => {
    const { normalized, filterId } = canonical(filter);
    return queryOptions({
      queryKey: [...sessionQueries.pages(), filterId, normalized, page] as const,
      // The API sends every session whole, flow log and members included (up to 60 log lines
      // each). The table shows neither and the drawer fetches its session on its own, so pages are
      // decoded without them: a tenth of the decoding, and of the memory a cached page takes.
      queryFn: ({ signal }) => fetchSessions(pageQuery(normalized, page), { signal, summary: true }),
      // Pages scrolled far past lose their observers; dropping them soon keeps memory flat.
      gcTime: 10_000,
      staleTime: 30_000,
      // A page is replaced whole, never edited. Structural sharing would deep-compare each arriving
      // page with the last (a millisecond of main thread per page, mid-scroll) to spare a refetched
      // page's rows one re-render.
      structuralSharing: false,
    });
  },
  /** Only the total of a filter (one row fetched): the live view's cheap probe for new sessions. */
  count: (filter: SessionsFilter) => {
    const { normalized, filterId } = canonical(filter);
    return queryOptions({
      queryKey: [...sessionQueries.all(), 'count', filterId, normalized] as const,
      queryFn: async ({ signal }) =>
        (
          await fetchSessions(buildSessionsQuery(normalized, { page: 0, countPerPage: 1 }), {
            signal,
            summary: true,
          })
        ).totalCount ?? 0,
      gcTime: 20_000,
    });
  },
  details: () => [...sessionQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...sessionQueries.details(), id] as const,
      queryFn: ({ signal }) => fetchDetail(id, signal),
      staleTime: 30_000,
    }),
};
