// The one place a view (what the link states, the instant it is anchored at, the display zone)
// becomes what is asked of the API. Everything that shows or fetches a result reads the resolved
// view: its days, its request and that request's key. Plain code: the head start resolves the
// view in the address bar with it before the app has loaded (src/app/head-start.ts).
import { toSessionsRequest, type SessionsRequest } from '../api/build-sessions-query';
import type { DisplayZone } from '../../lib/format';
import {
  addUtcDays,
  endOfPreviousUtcMonth,
  startOfUtcMonth,
  toUtcDay,
  utcDaysBetween,
} from '../../lib/utc-days';
import { ARCHIVE_AFTER_DAYS } from '../session-display';
import { normalizePhoneFilter } from '../phone-search';
import { DEFAULT_RANGE, DEFAULT_SORT, type RangePreset, type SessionSearch } from '../filters/session-search';

export interface ResolvedRange {
  startDate: string;
  endDate: string;
  /** The preset in force, or undefined for absolute days. */
  preset: RangePreset | undefined;
}

export interface SessionsView {
  /** The link's view, without the open session: opening one never changes the result. */
  search: Omit<SessionSearch, 'session' | 'mask'>;
  /** The instant relative ranges are resolved at ("now", held while the view is shown). */
  anchorMs: number;
  /** The UTC day of the anchor. */
  today: string;
  zone: DisplayZone;
  range: ResolvedRange;
  /** What is asked of the API, and the key of every query of this result. */
  request: SessionsRequest;
  archived: boolean;
  /** The range includes today in the live store: new sessions can still arrive. */
  live: boolean;
  /** The range reaches back past the live store's days. */
  reachesArchive: boolean;
}

/** Relative ranges as UTC days, `today` being the current UTC day. */
export function resolveRange(search: SessionSearch, today: string): ResolvedRange {
  if (search.start) return { startDate: search.start, endDate: search.end ?? today, preset: undefined };
  const preset = search.range ?? DEFAULT_RANGE;
  switch (preset) {
    case 'today':
      return { startDate: today, endDate: today, preset };
    case 'yesterday': {
      const day = addUtcDays(today, -1);
      return { startDate: day, endDate: day, preset };
    }
    case '7d':
    default:
      return { startDate: addUtcDays(today, -6), endDate: today, preset: '7d' };
    case '30d':
      return { startDate: addUtcDays(today, -29), endDate: today, preset };
    case 'this-month':
      return { startDate: startOfUtcMonth(today), endDate: today, preset };
    case 'last-month':
      return {
        startDate: startOfUtcMonth(endOfPreviousUtcMonth(today)),
        endDate: endOfPreviousUtcMonth(today),
        preset,
      };
  }
}

export function resolveView(search: SessionSearch, anchorMs: number, zone: DisplayZone): SessionsView {
  const { session: _open, mask: _mask, ...view } = search;
  const today = toUtcDay(anchorMs);
  const range = resolveRange(view, today);
  const sort = view.sort ?? DEFAULT_SORT;
  const archived = view.archive === true;
  return {
    search: view,
    anchorMs,
    today,
    zone,
    range,
    request: toSessionsRequest({
      startDate: range.startDate,
      endDate: range.endDate,
      // Numbers as people type them search for their digits (phone-search.ts).
      from: normalizePhoneFilter(view.from),
      to: normalizePhoneFilter(view.to),
      log: view.log,
      accountIds: view.account,
      customerIds: view.customer,
      endpointIds: view.endpoint,
      parentSessionId: view.parent,
      searchArchive: archived || undefined,
      sortField: sort.field,
      sortOrder: sort.desc ? 'Descend' : 'Ascend',
    }),
    archived,
    live: !archived && range.startDate <= today && range.endDate >= today,
    reachesArchive: utcDaysBetween(range.startDate, today) >= ARCHIVE_AFTER_DAYS,
  };
}

/** The same view with its relative range frozen to the days it shows now. */
export function freezeRange(view: SessionsView): SessionSearch {
  const frozen: SessionSearch = { ...view.search, start: view.range.startDate, end: view.range.endDate };
  delete frozen.range;
  return frozen;
}
