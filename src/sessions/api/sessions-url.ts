// Where `GET /sessions` is and how it is asked: shared by fetch-sessions.ts and the entry's head
// start (src/app/head-start.ts), which must build the very same request before the rest loads.
import {
  buildSessionsQuery,
  isSortedByDate,
  normalizeSessionsFilter,
  type SessionsFilter,
} from './build-sessions-query';

/** The app reaches Evo Voice (or the sandbox) through a same-origin proxy under this path. */
export const API_BASE_PATH = '/api';

/** Rows per page of the table; one query per page. */
export const SESSIONS_PAGE_SIZE = 100;

export const SESSIONS_FETCH_INIT: RequestInit = {
  headers: { Accept: 'application/json' },
  credentials: 'same-origin',
};

let apiBase = API_BASE_PATH;

/**
 * For tests in node, where `fetch` needs an absolute URL: `setApiBase('http://127.0.0.1:4010')`
 * (the sandbox itself, no `/api`) or `setApiBase('http://localhost/api')` (MSW). No argument resets.
 */
export function setApiBase(base: string = API_BASE_PATH): void {
  apiBase = base.replace(/\/+$/, '');
}

export function sessionsUrl(query: URLSearchParams): string {
  const qs = query.toString();
  return `${apiBase}/sessions${qs ? `?${qs}` : ''}`;
}

/**
 * The query of one page of the table: `n` is 0-based. Only page 0 of a result sorted by another
 * field than the date is counted (its total is the table's row count); sorted by date the edge
 * search counts the result, and no later page's total is read. A count makes the server read the
 * whole result: a filtered search's page took it two to five times longer on the sandbox.
 */
export function pageQuery(filter: SessionsFilter, n: number): URLSearchParams {
  const counted = n === 0 && !isSortedByDate(filter);
  return buildSessionsQuery(normalizeSessionsFilter(filter), {
    page: n,
    countPerPage: SESSIONS_PAGE_SIZE,
    simplifiedPaging: !counted || undefined,
  });
}

/** Rows per probe page of a window's edge search: small, yet each answers ten rows around it. */
export const PROBE_PAGE_SIZE = 10;

/** A probe page of the edge search (window-edges.ts); page 0 is counted and its total read. */
export function probeQuery(filter: SessionsFilter, n: number): URLSearchParams {
  return buildSessionsQuery(normalizeSessionsFilter(filter), {
    page: n,
    countPerPage: PROBE_PAGE_SIZE,
    simplifiedPaging: n > 0 || undefined,
  });
}
