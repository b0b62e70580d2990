// Which `startDate`/`endDate` (inclusive `YYYY-MM-DD` days, the only time filter the API has) and
// which stores (live, archive) a window of instants needs.
//
// The API documents no zone for its days. We assume UTC and add one day on each side: whatever zone
// Evo Voice reads them in (UTC-12 to UTC+14), a window's sessions then fall inside the days asked
// for, and the exact edges are found afterwards by searching the result (edge-search.ts).
import { addUtcDays, toUtcDay } from '../../lib/utc-days';
import { ARCHIVE_AFTER_DAYS, BOTH_STORES_AFTER_DAYS } from '../session-display';

const DAY_MS = 86_400_000;

/** Days added on each side of the window's UTC days. */
export const COVER_MARGIN_DAYS = 1;

export interface InstantWindow {
  startMs: number;
  /** Exclusive. */
  endMs: number;
}

/** Inclusive UTC days, as the API's `startDate` and `endDate`. */
export interface DayRange {
  startDate: string;
  endDate: string;
}

/**
 * The UTC days covering `[startMs, endMs)`, widened by `margin` days each side. An empty window
 * still gets the days around its one instant.
 */
export function coveringUtcDays(window: InstantWindow, margin = COVER_MARGIN_DAYS): DayRange {
  const last = Math.max(window.startMs, window.endMs - 1);
  return {
    startDate: addUtcDays(toUtcDay(window.startMs), -margin),
    endDate: addUtcDays(toUtcDay(last), margin),
  };
}

/** The link's `archive` key: absent = both stores as one result, `1` archived only, `0` live only. */
export type StoreChoice = 'both' | 'live' | 'archive';

export interface StoreConstants {
  archiveAfterDays: number;
  bothStoresAfterDays: number;
}

export const STORE_CONSTANTS: StoreConstants = {
  archiveAfterDays: ARCHIVE_AFTER_DAYS,
  bothStoresAfterDays: BOTH_STORES_AFTER_DAYS,
};

/** True when the window begins further back than `bothStoresAfterDays` before `nowMs`. */
export function reachesIntoArchive(
  window: InstantWindow,
  nowMs: number,
  constants: StoreConstants = STORE_CONSTANTS,
): boolean {
  return window.startMs < nowMs - constants.bothStoresAfterDays * DAY_MS;
}

export interface StorePlan {
  /** Days to ask the live store for; absent: no live request. */
  live?: DayRange;
  /** Days to ask the archive for (`searchArchive=true`); absent: no archive request. */
  archive?: DayRange;
  /**
   * Where sessions are expected to change store: those created before this instant are probably
   * archived. Informational (a boundary for labels and for ordering the two parts); it does not
   * narrow the requests.
   */
  expectedSeamMs: number;
}

/**
 * The requests a window needs. Both stores are asked for the same covering days rather than
 * splitting them at the archive age: the age is approximate ("about 15 days", and the job runs
 * when it runs), so a split could lose sessions that were archived early or late, while days a
 * store holds nothing for cost it only an empty range. Under the assumption that a session is in
 * exactly one store, the union of the two answers is the result.
 */
export function planStores(
  window: InstantWindow,
  nowMs: number,
  choice: StoreChoice,
  constants: StoreConstants = STORE_CONSTANTS,
): StorePlan {
  const days = coveringUtcDays(window);
  const expectedSeamMs = nowMs - constants.archiveAfterDays * DAY_MS;
  if (choice === 'live') return { live: days, expectedSeamMs };
  if (choice === 'archive') return { archive: days, expectedSeamMs };
  return reachesIntoArchive(window, nowMs, constants)
    ? { live: days, archive: days, expectedSeamMs }
    : { live: days, expectedSeamMs };
}

/** The instants the days of a DayRange span, `[first midnight, midnight after the last)` in UTC. */
export function dayRangeSpan(days: DayRange): InstantWindow {
  return {
    startMs: Date.parse(`${days.startDate}T00:00:00Z`),
    endMs: Date.parse(`${addUtcDays(days.endDate, 1)}T00:00:00Z`),
  };
}
