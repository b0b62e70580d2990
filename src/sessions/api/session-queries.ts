// Every sessions query the UI makes, as `queryOptions` factories: keys come only from here.
//
// Key layout: ['sessions'] > ['sessions', 'page', filter, n] | ['sessions', 'detail', id], so
// `invalidateQueries({ queryKey: sessionQueries.all() })` refreshes everything. The filter in the key
// is normalized (empty values dropped, as `buildSessionsQuery` would), so filters that send the
// same request share cache entries.
import { queryOptions } from '@tanstack/react-query';
import { shouldRetry } from './api-error';
import { buildSessionsQuery, normalizeSessionsFilter, type SessionsFilter } from './build-sessions-query';
import { fetchSessions } from './fetch-sessions';
import type { Session } from './session';

/** Rows per page of the table; one query per page. */
export const SESSIONS_PAGE_SIZE = 100;

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

export const sessionQueries = {
  all: () => ['sessions'] as const,
  pages: () => [...sessionQueries.all(), 'page'] as const,
  page: (filter: SessionsFilter, page: number) => {
    const normalized = normalizeSessionsFilter(filter);
    return queryOptions({
      queryKey: [...sessionQueries.pages(), normalized, page] as const,
      queryFn: ({ signal }) =>
        fetchSessions(buildSessionsQuery(normalized, { page, countPerPage: SESSIONS_PAGE_SIZE }), { signal }),
      // Pages scrolled far past lose their observers; dropping them soon keeps memory flat.
      gcTime: 20_000,
      staleTime: 30_000,
      retry: shouldRetry,
    });
  },
  details: () => [...sessionQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...sessionQueries.details(), id] as const,
      queryFn: ({ signal }) => fetchDetail(id, signal),
      staleTime: 30_000,
      retry: shouldRetry,
    }),
};
