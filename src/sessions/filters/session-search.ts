// The link format of the sessions view: the URL's query string <-> a typed SessionSearch.
// This is a public contract (README, "Link format"): a CRM or a ticket can link in with it.
// Parsing never throws: anything invalid is dropped or corrected and reported as a notice.
import { SORTABLE_FIELDS, type SortField } from '../api/session-types';
import { parseTimeSearch, serializeTimeSearch, type TimeSearch } from '../view/time-window';
import {
  isRefinementKey,
  parseRefinements,
  REFINEMENT_KEYS,
  serializeRefinements,
  type Refinements,
} from '../refinements';

export interface SessionSort {
  field: SortField;
  desc: boolean;
}
export const DEFAULT_SORT: SessionSort = { field: 'dateCreated', desc: true };

/**
 * The view as the URL states it. Absent keys mean the default. The time keys (range, start, end,
 * at, span): see view/time-window.ts; refinements: see refinements.ts.
 */
export interface SessionSearch extends TimeSearch, Refinements {
  from?: string;
  to?: string;
  log?: string;
  account?: string[];
  customer?: string[];
  endpoint?: string[];
  parent?: string;
  /** Absent: live and archived sessions as one result; true: archived only; false: live only. */
  archive?: boolean;
  sort?: SessionSort;
  session?: string;
  /** Mask caller details in the open session (its printout and copied summary too). */
  mask?: boolean;
}

/** Keys in the order they are written into a link. */
export const SEARCH_KEYS = [
  'range',
  'start',
  'end',
  'at',
  'span',
  'from',
  'to',
  'log',
  'account',
  'customer',
  'endpoint',
  'parent',
  'archive',
  ...REFINEMENT_KEYS,
  'sort',
  'session',
  'mask',
] as const;

export const MAX_TEXT_LENGTH = 200;
export const MAX_ID_LENGTH = 128;
export const MAX_IDS = 50;

type RawSearch = Record<string, unknown>;

/**
 * A value from the link, quoted in a sentence: shortened, and isolated (FSI … PDI) so that
 * right-to-left text or a bidi override in it cannot reorder the sentence around it.
 */
export function quoteLinkValue(value: string, max = 40): string {
  return `\u2068${value.length > max ? `${value.slice(0, max)}…` : value}\u2069`;
}

/**
 * A value as the query string would hold it. The router also validates searches the app builds
 * itself, so typed values (a sort object, id arrays, `true`) are read back to their link form.
 */
function rawString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(rawString).filter(Boolean).join(',');
  if (value && typeof value === 'object' && 'field' in value && typeof value.field === 'string') {
    return formatSort(value as SessionSort);
  }
  return undefined;
}

export function formatSort(sort: SessionSort): string {
  return `${sort.desc ? '-' : ''}${sort.field}`;
}

export function parseSort(value: string): SessionSort | undefined {
  const desc = value.startsWith('-');
  const name = (desc ? value.slice(1) : value).trim().toLowerCase();
  const field = SORTABLE_FIELDS.find((f) => f.toLowerCase() === name);
  return field ? { field, desc } : undefined;
}

export function isSameSort(a: SessionSort | undefined, b: SessionSort | undefined): boolean {
  const x = a ?? DEFAULT_SORT;
  const y = b ?? DEFAULT_SORT;
  return x.field === y.field && x.desc === y.desc;
}

/**
 * Reads a parsed query string (values as strings) into a SessionSearch, and lists what it had to
 * ignore or correct, in words a support agent understands.
 */
export function parseSessionSearch(raw: RawSearch): { search: SessionSearch; notices: string[] } {
  const search: SessionSearch = {};
  const notices: string[] = [];
  const text = (key: string) => rawString(raw[key])?.trim();

  for (const key of Object.keys(raw)) {
    if (!(SEARCH_KEYS as readonly string[]).includes(key))
      notices.push(`Ignored unknown parameter "${quoteLinkValue(key)}".`);
  }

  const time = parseTimeSearch(raw);
  Object.assign(search, time.time);
  notices.push(...time.notices);

  for (const key of ['from', 'to', 'log', 'parent', 'session'] as const) {
    const value = text(key);
    if (!value) continue;
    const max = key === 'parent' || key === 'session' ? MAX_ID_LENGTH : MAX_TEXT_LENGTH;
    if (value.length > max) notices.push(`Ignored "${key}": longer than ${max} characters.`);
    else search[key] = value;
  }

  for (const key of ['account', 'customer', 'endpoint'] as const) {
    const value = text(key);
    if (!value) continue;
    const ids = [...new Set(value.split(',').map((id) => id.trim()))].filter(Boolean);
    const kept = ids.filter((id) => id.length <= MAX_ID_LENGTH).slice(0, MAX_IDS);
    if (kept.length < ids.length)
      notices.push(`Ignored some "${key}" ids: too long or more than ${MAX_IDS}.`);
    if (kept.length) search[key] = kept;
  }

  const archive = text('archive');
  if (archive) {
    if (archive === '1' || archive === 'true') search.archive = true;
    else if (archive === '0' || archive === 'false') search.archive = false;
    else
      notices.push(
        `Ignored archive "${quoteLinkValue(archive)}": use archive=1 for archived sessions only, archive=0 for live only.`,
      );
  }

  const mask = text('mask');
  if (mask) {
    if (mask === '1' || mask === 'true') search.mask = true;
    else if (mask !== '0' && mask !== 'false')
      notices.push(`Ignored mask "${quoteLinkValue(mask)}": use mask=1 to mask caller details.`);
  }

  const sort = text('sort');
  if (sort) {
    const parsed = parseSort(sort);
    if (!parsed) notices.push(`Ignored sort "${quoteLinkValue(sort)}": that column cannot be sorted.`);
    else if (!isSameSort(parsed, DEFAULT_SORT)) search.sort = parsed;
  }

  const refined = parseRefinements(text);
  Object.assign(search, refined.refinements);
  notices.push(...refined.notices);

  return { search, notices };
}

/**
 * SessionSearch -> plain string values for the query string (defaults and empties left out).
 * Also takes values already in their string form: the router re-serializes a parsed query string.
 */
export function serializeSessionSearch(
  search: SessionSearch | Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const time = serializeTimeSearch(search as TimeSearch);
  for (const key of SEARCH_KEYS) {
    const value: unknown = (search as Record<string, unknown>)[key];
    if (key === 'range' || key === 'start' || key === 'end' || key === 'at' || key === 'span') {
      if (time[key]) out[key] = time[key];
      continue;
    }
    if (key === 'archive') {
      if (value === true || value === '1' || value === 'true') out.archive = '1';
      else if (value === false || value === '0' || value === 'false') out.archive = '0';
      continue;
    }
    if (isRefinementKey(key)) {
      const refinement = refinementText(key, value);
      if (refinement) out[key] = refinement;
      continue;
    }
    if (value === undefined || value === null || value === false) continue;
    const text = Array.isArray(value)
      ? value.join(',')
      : typeof value === 'object'
        ? formatSort(value as SessionSort)
        : value === true
          ? '1'
          : String(value);
    if (!text) continue;
    if (key === 'sort' && text === formatSort(DEFAULT_SORT)) continue;
    out[key] = text;
  }
  return out;
}

/** A refinement's link text, from its typed value or from the string the link already holds. */
function refinementText(key: (typeof REFINEMENT_KEYS)[number], value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  return serializeRefinements({ [key]: value } as Refinements)[key];
}

/** How many filters narrow the result (the range, the sort and the open session are not filters). */
export function countActiveFilters(search: SessionSearch): number {
  return (
    [search.from, search.to, search.log, search.parent].filter(Boolean).length +
    (search.archive === undefined ? 0 : 1) +
    REFINEMENT_KEYS.filter((key) => search[key] !== undefined).length +
    (search.account?.length ?? 0) +
    (search.customer?.length ?? 0) +
    (search.endpoint?.length ?? 0)
  );
}

/** What every "Clear" button leaves: the time, the sort and the open session (masked or not); no filter. */
export function clearFilters({
  range,
  start,
  end,
  at,
  span,
  sort,
  session,
  mask,
}: SessionSearch): SessionSearch {
  const kept: SessionSearch = { range, start, end, at, span, sort, session, mask };
  for (const key of Object.keys(kept) as (keyof SessionSearch)[])
    if (kept[key] === undefined) delete kept[key];
  return kept;
}
