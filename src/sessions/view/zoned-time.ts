// Wall-clock time in a named zone <-> instants (ms since the epoch), the only zone arithmetic the
// view needs. Every function takes the zone explicitly: nothing here reads the process's own zone,
// so a test, a server and a browser in any zone get the same answers.
//
// The one primitive is @date-fns/tz's `tzOffset` (Intl underneath). TZDate's wall-field constructor
// is not used: it passes through the host zone's offsets before correcting, which is exactly the
// dependency this module exists to avoid.
import { tzOffset } from '@date-fns/tz';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A display zone: an IANA name (`America/Los_Angeles`) or `UTC`. */
export type ZoneName = string;

/** Calendar fields as a clock on the wall shows them. `month` is 1-12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const validZones = new Map<string, boolean>();

/** True when Intl knows the zone (an IANA name or `UTC`). */
export function isValidZone(zone: string): boolean {
  let ok = validZones.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = zone.length > 0;
    } catch {
      ok = false;
    }
    validZones.set(zone, ok);
  }
  return ok;
}

/** The zone to compute in: an unknown name falls back to UTC rather than producing NaN. */
export function safeZone(zone: string): ZoneName {
  return isValidZone(zone) ? zone : 'UTC';
}

/** Minutes east of UTC in `zone` at instant `ms` (Los Angeles in winter: -480). */
export function offsetMinutesAt(zone: ZoneName, ms: number): number {
  const minutes = tzOffset(safeZone(zone), new Date(ms));
  return Number.isFinite(minutes) ? minutes : 0;
}

/** The fields as if they were UTC: the zone-free number wall arithmetic works on. */
export function wallAsUtcMs(w: WallTime): number {
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

function wallFromUtcMs(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** The wall clock in `zone` at instant `ms`. */
export function wallTimeAt(ms: number, zone: ZoneName): WallTime {
  return wallFromUtcMs(ms + offsetMinutesAt(zone, ms) * MINUTE_MS);
}

/**
 * The instant a wall time in `zone` names. A time skipped by a spring-forward change (02:30 in
 * Los Angeles on the second Sunday of March) moves forward by the gap (03:30); a time that occurs
 * twice at a fall-back change takes the earlier offset, i.e. its first occurrence. These are the
 * rules of Temporal's "compatible" disambiguation and of most calendars.
 */
export function wallTimeToMs(w: WallTime, zone: ZoneName): number {
  const local = wallAsUtcMs(w);
  // Offsets a day either side: no zone changes its offset twice within 48 hours.
  const before = offsetMinutesAt(zone, local - DAY_MS);
  const after = offsetMinutesAt(zone, local + DAY_MS);
  const candidates = [before, after]
    .map((offset) => local - offset * MINUTE_MS)
    .filter((ms) => wallAsUtcMs(wallTimeAt(ms, zone)) === local);
  if (candidates.length) return Math.min(...candidates);
  // In a gap: read the time with the offset in force before it, which lands past the gap.
  return local - before * MINUTE_MS;
}

/** `YYYY-MM-DD` of a wall time (calendar day). */
export function formatDay(w: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  const y = w.year < 0 || w.year > 9999 ? String(w.year) : String(w.year).padStart(4, '0');
  return `${y}-${pad2(w.month)}-${pad2(w.day)}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The calendar day (`YYYY-MM-DD`) in `zone` at instant `ms`. */
export function dayInZone(ms: number, zone: ZoneName): string {
  return formatDay(wallTimeAt(ms, zone));
}

/** Day fields of a `YYYY-MM-DD` string (already validated). */
export function dayFields(day: string): WallTime {
  return {
    year: Number(day.slice(0, 4)),
    month: Number(day.slice(5, 7)),
    day: Number(day.slice(8, 10)),
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
  };
}

/** The instant a calendar day begins in `zone` (later than 00:00 where midnight is skipped). */
export function startOfDayMs(day: string, zone: ZoneName): number {
  return wallTimeToMs(dayFields(day), zone);
}

/** `+05:30`, `-08:00`, `+12:45`; `Z` for UTC itself. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/**
 * `2026-12-05T14:15` (seconds and milliseconds only when not zero), the wall time in `zone`,
 * followed by its offset when `withOffset`: `2026-12-05T14:15-08:00`, an instant anyone reads alike.
 */
export function formatWallTime(ms: number, zone: ZoneName, withOffset: boolean): string {
  const w = wallTimeAt(ms, zone);
  let text = `${formatDay(w)}T${pad2(w.hour)}:${pad2(w.minute)}`;
  if (w.second || w.millisecond) text += `:${pad2(w.second)}`;
  if (w.millisecond) text += `.${String(w.millisecond).padStart(3, '0')}`;
  return withOffset ? text + formatOffset(offsetMinutesAt(zone, ms)) : text;
}
