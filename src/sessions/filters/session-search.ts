// The link format of the sessions view: the URL's query string <-> a typed SessionSearch.
// This is a public contract (README, "Link format"): a CRM or a ticket can link in with it.
// Parsing never throws: anything invalid is dropped or corrected and reported as a notice.
import { SORTABLE_FIELDS, type SortField } from '../api/session-types';
import { isUtcDay } from '../../lib/utc-days';
import {
  isRefinementKey,
  parseRefinements,
  REFINEMENT_KEYS,
  serializeRefinements,
  type Refinements,
} from '../refinements';

export const RANGE_PRESETS = ['today', 'yesterday', '7d', '30d', 'this-month', 'last-month'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_RANGE: RangePreset = '7d';

export const RANGE_LABELS: Record<RangePreset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  'this-month': 'This month',
  'last-month': 'Last month',
};

export interface SessionSort {
  field: SortField;
  desc: boolean;
}
export const DEFAULT_SORT: SessionSort = { field: 'dateCreated', desc: true };

/** The view as the URL states it. Absent keys mean the default. Refinements: see refinements.ts. */
export interface SessionSearch extends Refinements {
  range?: RangePreset;
  start?: string;
  end?: string;
  from?: string;
  to?: string;
  log?: string;
  account?: string[];
  customer?: string[];
  endpoint?: string[];
  parent?: string;
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

  const range = text('range');
  if (range) {
    if ((RANGE_PRESETS as readonly string[]).includes(range)) {
      if (range !== DEFAULT_RANGE) search.range = range as RangePreset;
    } else
      notices.push(
        `Ignored range "${quoteLinkValue(range)}": use today, yesterday, 7d, 30d, this-month or last-month.`,
      );
  }

  const start = text('start');
  const end = text('end');
  const validStart = start && isUtcDay(start) ? start : undefined;
  const validEnd = end && isUtcDay(end) ? end : undefined;
  if (start && !validStart)
    notices.push(`Ignored start date "${quoteLinkValue(start)}": dates are written YYYY-MM-DD.`);
  if (end && !validEnd)
    notices.push(`Ignored end date "${quoteLinkValue(end)}": dates are written YYYY-MM-DD.`);
  if (validStart) {
    search.start = validStart;
    if (validEnd) {
      if (validEnd < validStart) {
        search.start = validEnd;
        search.end = validStart;
        notices.push(`The end date was before the start date: showed ${validEnd} to ${validStart} instead.`);
      } else search.end = validEnd;
    }
    if (search.range) {
      notices.push(`Ignored range "${search.range}": the start date wins.`);
      delete search.range;
    }
  } else if (validEnd) {
    notices.push(`Ignored end date ${validEnd}: an end date needs a start date.`);
  }

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
    else if (archive !== '0' && archive !== 'false')
      notices.push(`Ignored archive "${quoteLinkValue(archive)}": use archive=1 for archived sessions.`);
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
  for (const key of SEARCH_KEYS) {
    const value: unknown = (search as Record<string, unknown>)[key];
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
    if (key === 'range' && text === DEFAULT_RANGE) continue;
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
    [search.from, search.to, search.log, search.parent, search.archive].filter(Boolean).length +
    REFINEMENT_KEYS.filter((key) => search[key] !== undefined).length +
    (search.account?.length ?? 0) +
    (search.customer?.length ?? 0) +
    (search.endpoint?.length ?? 0)
  );
}

/** What every "Clear" button leaves: the range, the sort and the open session (masked or not); no filter. */
export function clearFilters({ range, start, end, sort, session, mask }: SessionSearch): SessionSearch {
  const kept: SessionSearch = { range, start, end, sort, session, mask };
  for (const key of Object.keys(kept) as (keyof SessionSearch)[])
    if (kept[key] === undefined) delete kept[key];
  return kept;
}
