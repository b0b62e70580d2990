// The one place a view (what the link states, the instant it is anchored at, the display zone)
// becomes what is asked of the API. Everything that shows or fetches a result reads the resolved
// view: its window of instants, its segments (one request per store asked) and their keys.
// Plain code: the head start resolves the view in the address bar with it before the app has
// loaded (src/app/head-start.ts).
//
// The API filters by whole days and keeps old sessions in a separate archive. A view asks each
// store it needs for the UTC days covering its window (covering-days.ts) and shows only the
// sessions inside the window: the table trims each segment to it (table/use-window-edges.ts).
import { toSessionsRequest, type SessionsRequest } from '../api/build-sessions-query';
import type { DisplayZone } from '../../lib/format';
import { normalizePhoneFilter } from '../phone-search';
import { DEFAULT_SORT, type SessionSearch } from '../filters/session-search';
import type { SortField } from '../api/session-types';
import { planStores, type StoreChoice } from './covering-days';
import { resolveTimeWindow, toFixedTimeSearch, type TimeWindow } from './time-window';
import type { ZoneName } from './zoned-time';

export type Store = 'live' | 'archive';

/** One store's part of the result: its request over the covering days, in the view's order. */
export interface ViewSegment {
  store: Store;
  request: SessionsRequest;
}

export interface SessionsView {
  /** The link's view, without the open session: opening one never changes the result. */
  search: Omit<SessionSearch, 'session' | 'mask'>;
  /** The instant relative ranges are resolved at ("now", held while the view is shown). */
  anchorMs: number;
  zone: DisplayZone;
  /** The IANA zone days and times without an offset are read in. */
  zoneName: ZoneName;
  /** The sessions shown: those created in `[window.startMs, window.endMs)`. */
  window: TimeWindow;
  /** Which stores the link asks for (`archive` absent: both, as one result). */
  stores: StoreChoice;
  /**
   * The requests of the result, in the order shown: live first, except sorted by date ascending
   * (oldest first), where the archive's older sessions come first. Never empty.
   */
  segments: ViewSegment[];
  /** Identifies the result: its segments' requests and its window. */
  key: string;
  /** Sorted by date: each segment's window is a slice found by edge search. */
  byDate: boolean;
  /**
   * Under another sort than the date, a result of both stores: read whole (the table's scan, the
   * export), its parts are merged by this sort (sort-order.ts). Sorted by date they follow each other.
   */
  merge: { field: SortField; desc: boolean } | undefined;
  /** The window is still open at its end: new sessions can arrive in it. */
  live: boolean;
  /** Corrections made while resolving (an end before its start). */
  notices: string[];
}

/** The IANA zone a display zone setting stands for in this browser. */
export function zoneNameOf(zone: DisplayZone): ZoneName {
  return zone === 'utc' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const storeChoice = (archive: boolean | undefined): StoreChoice =>
  archive === true ? 'archive' : archive === false ? 'live' : 'both';

export function resolveView(search: SessionSearch, anchorMs: number, zone: DisplayZone): SessionsView {
  const { session: _open, mask: _mask, ...view } = search;
  const zoneName = zoneNameOf(zone);
  const { window, time, notices } = resolveTimeWindow(view, zoneName, anchorMs);
  const stores = storeChoice(view.archive);
  const plan = planStores(window, anchorMs, stores);
  const sort = view.sort ?? DEFAULT_SORT;
  const segments: ViewSegment[] = [];
  const oldestFirst = sort.field === 'dateCreated' && !sort.desc;
  for (const store of oldestFirst ? (['archive', 'live'] as const) : (['live', 'archive'] as const)) {
    const days = plan[store];
    if (!days) continue;
    segments.push({
      store,
      request: toSessionsRequest({
        startDate: days.startDate,
        endDate: days.endDate,
        // Numbers as people type them search for their digits (phone-search.ts).
        from: normalizePhoneFilter(view.from),
        to: normalizePhoneFilter(view.to),
        log: view.log,
        accountIds: view.account,
        customerIds: view.customer,
        endpointIds: view.endpoint,
        parentSessionId: view.parent,
        searchArchive: store === 'archive' || undefined,
        sortField: sort.field,
        sortOrder: sort.desc ? 'Descend' : 'Ascend',
      }),
    });
  }
  return {
    // The times as shown: an end before its start swapped, one equal to it dropped (`notices`).
    search: notices.length ? { ...view, start: time.start, end: time.end } : view,
    anchorMs,
    zone,
    zoneName,
    window,
    stores,
    segments,
    key: `${segments.map((s) => s.request.key).join(' | ')} @ ${window.startMs}-${window.endMs}`,
    byDate: sort.field === 'dateCreated',
    merge:
      sort.field !== 'dateCreated' && segments.length > 1
        ? { field: sort.field, desc: sort.desc }
        : undefined,
    live: window.live && segments.some((s) => s.store === 'live'),
    notices,
  };
}

/** The same view with its window written as instants: the same rows for anyone, anywhere, later. */
export function freezeRange(view: SessionsView): SessionSearch {
  const { range: _r, start: _s, end: _e, at: _a, span: _p, ...rest } = view.search;
  return { ...rest, ...toFixedTimeSearch(view.window) };
}

/** Whether rows of this store carry the archived tag: only in a result of both stores. */
export const tagsArchived = (stores: SessionsView['stores'], store: Store | undefined) =>
  stores === 'both' && store === 'archive';

/** Whether a session was created inside the view's window (one without a date never is). */
export function inWindow(
  view: Pick<SessionsView, 'window'>,
  session: { dateCreated?: { ms?: number } },
): boolean {
  const ms = session.dateCreated?.ms;
  return ms !== undefined && ms >= view.window.startMs && ms < view.window.endMs;
}
