// Default MSW handlers: a small in-memory Evo Voice answering `GET /api/sessions` the way the sandbox
// does (0-based pages, filters, sorting, live/archive split, simplifiedPaging, 400s that name the
// field), and `GET /api/auth` answering 401 (nobody signed in). A test that needs another answer
// overrides one handler: `server.use(http.get(SESSIONS_URL, () => serviceStackError(500, 'Boom')))`.
import { http, HttpResponse } from 'msw';
import type { WireListResponse, WireSessionInfo } from '../src/sessions/api/session-types';
import { SORTABLE_FIELDS } from '../src/sessions/api/session-types';
import { ARCHIVE_AFTER_MS, FACTORY_NOW, makeWireSessions } from './session-factory';

/** Matches `/api/sessions` on any origin (jsdom's localhost, or an absolute URL in node tests). */
export const SESSIONS_URL = '*/api/sessions';
export const AUTH_URL = '*/api/auth';

/** 300 sessions over the last 30 days before FACTORY_NOW: about half live, half archived. */
export const defaultSessions: readonly WireSessionInfo[] = makeWireSessions(300, 42);

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 1000;
const ALL_CAP = 10_000;

/** A ServiceStack `ErrorResponse` with the given status. */
export function serviceStackError(
  status: number,
  message: string,
  errorCode = status === 400 ? 'ArgumentException' : 'Error',
  errors: { fieldName: string; errorCode: string; message: string }[] = [],
): HttpResponse<{ responseStatus: { errorCode: string; message: string; errors: typeof errors } }> {
  return HttpResponse.json({ responseStatus: { errorCode, message, errors } }, { status });
}

function badField(fieldName: string, message: string) {
  return serviceStackError(400, message, 'ArgumentException', [
    { fieldName, errorCode: 'ArgumentException', message },
  ]);
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const dayStart = (s: string) => (DAY_RE.test(s) ? Date.parse(`${s}T00:00:00Z`) : NaN);

function sortValue(s: WireSessionInfo, field: string): string | number {
  const v = (s as Record<string, unknown>)[field];
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return field.startsWith('date') ? Date.parse(v) || 0 : v.toLowerCase();
  return '';
}

/**
 * Handlers answering from `sessions`, with `now` deciding which are live and which archived.
 * `inTransitMs`: sessions younger than the archive age by less than this answer from both stores,
 * as sessions being moved to the archive do.
 */
export function createSessionsHandlers(
  sessions: readonly WireSessionInfo[] = defaultSessions,
  now = FACTORY_NOW,
  { inTransitMs = 0 } = {},
) {
  return [
    http.get(SESSIONS_URL, ({ request }) => {
      const url = new URL(request.url);
      // ServiceStack matches keys case-insensitively; repeated keys and commas both make lists.
      const q = new Map<string, string[]>();
      for (const [k, v] of url.searchParams) q.set(k.toLowerCase(), [...(q.get(k.toLowerCase()) ?? []), v]);
      const one = (k: string) => q.get(k.toLowerCase())?.at(-1);
      const list = (k: string) =>
        q
          .get(k.toLowerCase())
          ?.flatMap((v) => v.split(','))
          .filter(Boolean);
      const bool = (k: string) => one(k)?.toLowerCase() === 'true';

      const page = Number(one('page') ?? 0);
      if (!Number.isInteger(page) || page < 0) return badField('Page', 'Page must be 0 or more');
      const size = Number(one('countPerPage') ?? DEFAULT_PAGE_SIZE);
      if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
        return badField('CountPerPage', `CountPerPage must be between 1 and ${MAX_PAGE_SIZE}`);
      const sortFieldRaw = one('sortField') ?? 'dateCreated';
      const sortField = SORTABLE_FIELDS.find((f) => f.toLowerCase() === sortFieldRaw.toLowerCase());
      if (!sortField) return badField('SortField', `Unknown sort field '${sortFieldRaw}'`);
      const sortOrder = one('sortOrder') ?? 'Descend';
      if (!/^(ascend|descend)$/i.test(sortOrder))
        return badField('SortOrder', 'SortOrder must be Ascend or Descend');
      const start = one('startDate');
      const end = one('endDate');
      const startMs = start === undefined ? -Infinity : dayStart(start);
      const endMs = end === undefined ? Infinity : dayStart(end) + 24 * 60 * 60 * 1000;
      if (Number.isNaN(startMs)) return badField('StartDate', 'StartDate must be a date (YYYY-MM-DD)');
      if (Number.isNaN(endMs)) return badField('EndDate', 'EndDate must be a date (YYYY-MM-DD)');
      if (startMs >= endMs) return badField('StartDate', 'StartDate must not be after EndDate');

      const archive = bool('searchArchive');
      const ids = list('specificIds');
      const accounts = list('accountIds');
      const customers = list('customerIds');
      const endpoints = list('endpointIds');
      const from = one('from')?.toLowerCase();
      const to = one('to')?.toLowerCase();
      const log = one('log')?.toLowerCase();
      const parent = one('parentSessionId');

      const matches = sessions.filter((s) => {
        const created = Date.parse(s.dateCreated ?? '');
        const age = now - created;
        if (archive ? age <= ARCHIVE_AFTER_MS - inTransitMs : age > ARCHIVE_AFTER_MS) return false;
        if (created < startMs || created >= endMs) return false;
        if (ids?.length && !ids.includes(s.id ?? '')) return false;
        if (accounts?.length && !accounts.includes(s.accountId ?? '')) return false;
        if (customers?.length && !customers.includes(s.customerId ?? '')) return false;
        if (endpoints?.length && !endpoints.includes(s.endpointId ?? '')) return false;
        if (from && !(s.fromAddress ?? '').toLowerCase().includes(from)) return false;
        if (to && !(s.toAddress ?? '').toLowerCase().includes(to)) return false;
        if (log && !s.log?.some((l) => (l.message ?? '').toLowerCase().includes(log))) return false;
        if (parent && s.parentSessionId !== parent) return false;
        return true;
      });
      const dir = sortOrder.toLowerCase() === 'ascend' ? 1 : -1;
      matches.sort((a, b) => {
        const x = sortValue(a, sortField);
        const y = sortValue(b, sortField);
        if (x !== y) return (x < y ? -1 : 1) * dir;
        // Ties by id in the same direction, as the sandbox does: stable pages, Descend = reversed Ascend.
        return ((a.id ?? '') < (b.id ?? '') ? -1 : 1) * dir;
      });

      if (bool('all')) {
        if (matches.length > ALL_CAP)
          return badField('All', `More than ${ALL_CAP} sessions match: page instead`);
        return HttpResponse.json<WireListResponse>({
          items: matches,
          totalCount: matches.length,
          totalPages: 1,
          hasMorePages: false,
        });
      }
      const items = matches.slice(page * size, (page + 1) * size);
      const hasMorePages = (page + 1) * size < matches.length;
      const body: WireListResponse = bool('simplifiedPaging')
        ? { items, hasMorePages }
        : { items, totalCount: matches.length, totalPages: Math.ceil(matches.length / size), hasMorePages };
      return HttpResponse.json(body);
    }),
  ];
}

export const authHandlers = [
  http.get(AUTH_URL, () => serviceStackError(401, 'Not Authenticated', 'Unauthorized')),
];

export const handlers = [...createSessionsHandlers(), ...authHandlers];
