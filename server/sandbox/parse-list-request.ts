// Parses `GET /sessions` query parameters as ServiceStack does: keys case-insensitive, lists
// comma-separated or repeated, booleans true/false. Anything invalid throws a FieldError naming the
// (PascalCase) field, which the handler answers with 400.
import { SORTABLE_FIELDS, type SortField, type SortOrder } from '../../src/sessions/api/session-types';
import { FieldError } from './errors';

export const MAX_COUNT_PER_PAGE = 1000;
export const DEFAULT_COUNT_PER_PAGE = 25;
export const MAX_ALL = 10_000;
/** `all` also stops at this much JSON: a few sessions with long logs weigh as much as thousands of others. */
export const MAX_ALL_BYTES = 20 * 1024 * 1024;
/**
 * Longest from/to/log text. The app's links allow 200 characters; far past that a search is an attack on
 * the database (SQLite refuses LIKE patterns over 50,000 bytes, and a long one is slow over the archive).
 */
export const MAX_TEXT_LENGTH = 1000;

export interface ListRequest {
  accountIds: string[];
  customerIds: string[];
  endpointIds: string[];
  specificIds: string[];
  searchArchive: boolean;
  /** Inclusive UTC day range on dateCreated, as epoch ms [start, end). */
  startMs: number | undefined;
  endMs: number | undefined;
  from: string | undefined;
  to: string | undefined;
  log: string | undefined;
  parentSessionId: string | undefined;
  page: number;
  countPerPage: number;
  all: boolean;
  sortField: SortField;
  sortOrder: SortOrder;
  simplifiedPaging: boolean;
}

const SORT_FIELDS = new Map<string, SortField>(SORTABLE_FIELDS.map((f) => [f.toLowerCase(), f]));

export function parseListRequest(params: URLSearchParams): ListRequest {
  const values = new Map<string, string[]>();
  for (const [key, value] of params) {
    const k = key.toLowerCase();
    values.set(k, [...(values.get(k) ?? []), value]);
  }
  const last = (key: string): string | undefined => {
    const v = values.get(key.toLowerCase());
    const value = v?.[v.length - 1]?.trim();
    return value === '' ? undefined : value;
  };
  const list = (key: string): string[] =>
    (values.get(key.toLowerCase()) ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');

  const startDay = parseDay(last('startDate'), 'StartDate');
  const endDay = parseDay(last('endDate'), 'EndDate');
  if (startDay !== undefined && endDay !== undefined && startDay > endDay) {
    throw new FieldError('StartDate', 'InvalidDateRange', 'StartDate must not be after EndDate');
  }

  const sortRaw = last('sortField');
  let sortField: SortField = 'dateCreated';
  if (sortRaw !== undefined) {
    const found = SORT_FIELDS.get(sortRaw.toLowerCase());
    if (!found) {
      throw new FieldError(
        'SortField',
        'InvalidSortField',
        `SortField must be one of: ${SORTABLE_FIELDS.join(', ')}`,
      );
    }
    sortField = found;
  }
  const orderRaw = last('sortOrder');
  let sortOrder: SortOrder = 'Descend';
  if (orderRaw !== undefined) {
    const lower = orderRaw.toLowerCase();
    if (lower === 'ascend') sortOrder = 'Ascend';
    else if (lower === 'descend') sortOrder = 'Descend';
    else throw new FieldError('SortOrder', 'InvalidSortOrder', 'SortOrder must be Ascend or Descend');
  }

  const page = parseInteger(last('page'), 'Page', 0);
  if (page < 0)
    throw new FieldError('Page', 'GreaterThanOrEqual', 'Page must be 0 or greater (pages are 0-based)');
  const countPerPage = parseInteger(last('countPerPage'), 'CountPerPage', DEFAULT_COUNT_PER_PAGE);
  if (countPerPage < 1 || countPerPage > MAX_COUNT_PER_PAGE) {
    throw new FieldError(
      'CountPerPage',
      'InclusiveBetween',
      `CountPerPage must be between 1 and ${MAX_COUNT_PER_PAGE}`,
    );
  }

  return {
    accountIds: list('accountIds'),
    customerIds: list('customerIds'),
    endpointIds: list('endpointIds'),
    specificIds: list('specificIds'),
    searchArchive: parseBool(last('searchArchive'), 'SearchArchive'),
    startMs: startDay,
    endMs: endDay === undefined ? undefined : endDay + 24 * 60 * 60 * 1000,
    // Not trimmed beyond emptiness: a contains-search for " 555" is the user's choice.
    from: text(values.get('from'), 'From'),
    to: text(values.get('to'), 'To'),
    log: text(values.get('log'), 'Log'),
    parentSessionId: last('parentSessionId'),
    page,
    countPerPage,
    all: parseBool(last('all'), 'All'),
    sortField,
    sortOrder,
    simplifiedPaging: parseBool(last('simplifiedPaging'), 'SimplifiedPaging'),
  };
}

function text(values: string[] | undefined, field: string): string | undefined {
  const value = values?.[values.length - 1];
  if (value === undefined || value.trim() === '') return undefined;
  if (value.length > MAX_TEXT_LENGTH) {
    throw new FieldError(field, 'MaximumLength', `${field} must be ${MAX_TEXT_LENGTH} characters or fewer`);
  }
  return value;
}

function parseDay(raw: string | undefined, field: string): number | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(y, m - 1, d);
    const date = new Date(ms);
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return ms;
  }
  throw new FieldError(field, 'InvalidDate', `${field} must be a date in the form YYYY-MM-DD, got "${raw}"`);
}

function parseInteger(raw: string | undefined, field: string, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^[+-]?\d{1,9}$/.test(raw))
    throw new FieldError(field, 'InvalidNumber', `${field} must be a whole number`);
  return Number(raw);
}

function parseBool(raw: string | undefined, field: string): boolean {
  if (raw === undefined) return false;
  const lower = raw.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  throw new FieldError(field, 'InvalidBoolean', `${field} must be true or false`);
}
