// Turns a filter + paging into `GET /sessions` query parameters in ServiceStack's form, and back.
//
// Form: camelCase keys in a fixed order (same filter, same URL), lists comma-separated, booleans
// `true` (false is the server's default for all three and is omitted), integers in decimal, empty
// strings / empty lists / undefined omitted. URLSearchParams percent-encodes, so `+1503...` travels
// as `%2B1503...` and is not read as a space by the server.
//
// Commas inside list items: ServiceStack splits list values on commas, and repeated keys do not
// help (ASP.NET joins repeated values with commas before splitting), so an item such as `a,b` can
// only ever reach the server as the two items `a` and `b`. Evo Voice ids never contain commas. We
// send what the server will understand: such an item is split here, visibly, rather than sent in
// a form that looks intact but is not. `normalizeSessionsFilter` applies the same rule.
import type { ListSessionsParams } from './session-types';
import { SORT_ORDERS } from './session-types';

/** The filter part of `ListSessionsParams`: what a search is, independent of which page. */
export type SessionsFilter = Pick<
  ListSessionsParams,
  | 'accountIds'
  | 'customerIds'
  | 'endpointIds'
  | 'searchArchive'
  | 'startDate'
  | 'endDate'
  | 'from'
  | 'to'
  | 'log'
  | 'parentSessionId'
  | 'sortField'
  | 'sortOrder'
>;

export interface SessionsPaging {
  /** 0-based page index. */
  page?: number;
  countPerPage?: number;
  all?: boolean;
  specificIds?: string[];
  simplifiedPaging?: boolean;
}

type ListKey = 'accountIds' | 'customerIds' | 'endpointIds' | 'specificIds';
type StringKey =
  'startDate' | 'endDate' | 'from' | 'to' | 'log' | 'parentSessionId' | 'sortField' | 'sortOrder';
type BoolKey = 'searchArchive' | 'all' | 'simplifiedPaging';
type IntKey = 'page' | 'countPerPage';

// The order keys appear in the URL; also the list of every key this module knows.
const KEYS: readonly (
  | { key: ListKey; type: 'list' }
  | { key: StringKey; type: 'string' }
  | { key: BoolKey; type: 'bool' }
  | { key: IntKey; type: 'int' }
)[] = [
  { key: 'accountIds', type: 'list' },
  { key: 'customerIds', type: 'list' },
  { key: 'endpointIds', type: 'list' },
  { key: 'searchArchive', type: 'bool' },
  { key: 'startDate', type: 'string' },
  { key: 'endDate', type: 'string' },
  { key: 'from', type: 'string' },
  { key: 'to', type: 'string' },
  { key: 'log', type: 'string' },
  { key: 'parentSessionId', type: 'string' },
  { key: 'sortField', type: 'string' },
  { key: 'sortOrder', type: 'string' },
  { key: 'specificIds', type: 'list' },
  { key: 'page', type: 'int' },
  { key: 'countPerPage', type: 'int' },
  { key: 'all', type: 'bool' },
  { key: 'simplifiedPaging', type: 'bool' },
];

const FILTER_KEYS = new Set<string>([
  'accountIds',
  'customerIds',
  'endpointIds',
  'searchArchive',
  'startDate',
  'endDate',
  'from',
  'to',
  'log',
  'parentSessionId',
  'sortField',
  'sortOrder',
] satisfies (keyof SessionsFilter)[]);

const listItems = (xs: readonly string[] | undefined): string[] =>
  (xs ?? []).flatMap((x) => x.split(',')).filter((x) => x !== '');

export function buildSessionsQuery(filter: SessionsFilter, paging: SessionsPaging = {}): URLSearchParams {
  const all: ListSessionsParams = { ...filter, ...paging };
  const params = new URLSearchParams();
  for (const { key, type } of KEYS) {
    if (type === 'list') {
      const items = listItems(all[key]);
      if (items.length > 0) params.set(key, items.join(','));
    } else if (type === 'string') {
      const v = all[key];
      if (typeof v === 'string' && v !== '') params.set(key, v);
    } else if (type === 'bool') {
      if (all[key] === true) params.set(key, 'true');
    } else {
      const v = all[key];
      // Not clamped or checked for sign: a bad page is the server's to reject with a 400.
      if (typeof v === 'number' && Number.isFinite(v)) params.set(key, String(Math.trunc(v)));
    }
  }
  return params;
}

/**
 * The inverse of `buildSessionsQuery` (for tests and debugging): keys matched case-insensitively as
 * the server does, repeated keys and commas both make lists, unknown keys and unparseable values
 * dropped.
 */
export function parseSessionsQuery(params: URLSearchParams): {
  filter: SessionsFilter;
  paging: SessionsPaging;
} {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of params) {
    const known = KEYS.find((d) => d.key.toLowerCase() === k.toLowerCase());
    if (known) byKey.set(known.key, [...(byKey.get(known.key) ?? []), v]);
  }
  const filter: Record<string, unknown> = {};
  const paging: Record<string, unknown> = {};
  for (const { key, type } of KEYS) {
    const values = byKey.get(key);
    if (!values) continue;
    const last = values[values.length - 1] ?? '';
    let value: unknown;
    if (type === 'list') {
      const items = listItems(values);
      value = items.length > 0 ? items : undefined;
    } else if (type === 'bool') {
      value = last.toLowerCase() === 'true' ? true : last.toLowerCase() === 'false' ? false : undefined;
    } else if (type === 'int') {
      value = /^-?\d+$/.test(last) ? Number(last) : undefined;
    } else if (key === 'sortOrder') {
      value = SORT_ORDERS.find((o) => o.toLowerCase() === last.toLowerCase());
    } else {
      value = last !== '' ? last : undefined;
    }
    if (value !== undefined) (FILTER_KEYS.has(key) ? filter : paging)[key] = value;
  }
  return { filter: filter as SessionsFilter, paging: paging as SessionsPaging };
}

/**
 * The filter as the server will see it: empty values and `false` dropped, list items split on commas.
 * Two filters that send the same request normalize to equal objects, so they share a query key.
 */
export function normalizeSessionsFilter(filter: SessionsFilter): SessionsFilter {
  return parseSessionsQuery(buildSessionsQuery(pickFilter(filter))).filter;
}

/** Only the filter keys of an object that may carry more (e.g. a whole `ListSessionsParams`). */
function pickFilter(x: SessionsFilter): SessionsFilter {
  const out: Record<string, unknown> = {};
  for (const k of FILTER_KEYS) out[k] = (x as Record<string, unknown>)[k];
  return out as SessionsFilter;
}

/**
 * A search as the server will see it, with its identity: `key` is its query string, so two filters
 * that send the same request are one result (one cache entry), and a key matches no other filter.
 */
export interface SessionsRequest {
  filter: SessionsFilter;
  key: string;
}

export function toSessionsRequest(filter: SessionsFilter): SessionsRequest {
  const normalized = normalizeSessionsFilter(filter);
  return { filter: normalized, key: buildSessionsQuery(normalized).toString() };
}

/** The server sorts this search by date (its default order when no field is named). */
export const isSortedByDate = (filter: SessionsFilter): boolean =>
  filter.sortField === 'dateCreated' || filter.sortField === undefined;

/** The same search sorted by date (newest first): the order in which a window is one slice. */
export function byDateRequest(request: SessionsRequest): SessionsRequest {
  const { filter } = request;
  if (isSortedByDate(filter)) return request;
  return toSessionsRequest({ ...filter, sortField: 'dateCreated', sortOrder: 'Descend' });
}

/** A session's child sessions (its transfers' legs), oldest first. */
export function childrenQuery(parentId: string, archived: boolean, countPerPage: number): URLSearchParams {
  return buildSessionsQuery(
    { parentSessionId: parentId, searchArchive: archived, sortField: 'dateCreated', sortOrder: 'Ascend' },
    { page: 0, countPerPage },
  );
}
