// Words and links for the bars of the volume chart, in the display zone: the accessible name of a
// bar ("Dec 5, 14:00–15:00: 212 sessions"), the axis ticks, and the `start`/`end` a bar (or a run
// of bars) narrows the view to.
import { formatCount, plural } from '../../lib/format';
import type { TimeSearch } from '../view/time-window';
import { serializeTimeSearch } from '../view/time-window';
import {
  formatOffset,
  formatWallTime,
  offsetMinutesAt,
  wallTimeAt,
  wallTimeToMs,
  type WallTime,
  type ZoneName,
} from '../view/zoned-time';
import type { BarUnit } from './volume-bars';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');
const dayText = (w: WallTime) => `${MONTHS[w.month - 1]} ${w.day}`;
const timeText = (w: WallTime) => `${pad2(w.hour)}:${pad2(w.minute)}`;
const sameDay = (a: WallTime, b: WallTime) => a.year === b.year && a.month === b.month && a.day === b.day;
const isMidnight = (w: WallTime) => w.hour === 0 && w.minute === 0 && w.second === 0;

/** "Dec 5, 14:00–15:00", "Dec 5" (a whole day), "Dec 5, 23:00–24:00", "Dec 5, 22:00–Dec 6, 01:00". */
export function barTimeText(startMs: number, endMs: number, zone: ZoneName): string {
  const a = wallTimeAt(startMs, zone);
  const b = wallTimeAt(endMs, zone);
  const nextDayOfA = wallTimeAt(
    wallTimeToMs({ ...a, day: a.day + 1, hour: 0, minute: 0, second: 0, millisecond: 0 }, zone),
    zone,
  );
  let text: string;
  if (isMidnight(a) && isMidnight(b) && sameDay(b, nextDayOfA)) text = dayText(a);
  else if (isMidnight(a) && isMidnight(b)) text = `${dayText(a)}–${dayText(wallTimeAt(endMs - 1, zone))}`;
  else if (sameDay(a, b)) text = `${dayText(a)}, ${timeText(a)}–${timeText(b)}`;
  else if (isMidnight(b) && sameDay(b, nextDayOfA)) text = `${dayText(a)}, ${timeText(a)}–24:00`;
  else text = `${dayText(a)}, ${timeText(a)}–${dayText(b)}, ${timeText(b)}`;
  // Where the clock changes inside the bar (a repeated hour reads "01:00–01:00"), say which offsets.
  const from = offsetMinutesAt(zone, startMs);
  const to = offsetMinutesAt(zone, endMs);
  if (from !== to) text += ` (${offsetText(from)} to ${offsetText(to)})`;
  return text;
}

const offsetText = (minutes: number) => `UTC${minutes === 0 ? '' : formatOffset(minutes)}`;

/** The accessible name of a bar: its time and its count. */
export function barName(
  startMs: number,
  endMs: number,
  zone: ZoneName,
  count: number,
  missed?: number,
): string {
  return `${barTimeText(startMs, endMs, zone)}: ${barCountText(count, missed)}`;
}

/** What a bar's name says after its time: "212 sessions", "1 session, 0 missed". */
export function barCountText(count: number, missed?: number): string {
  const ofThem = missed === undefined ? '' : `, ${formatCount(missed)} missed`;
  return `${plural(count, 'session')}${ofThem}`;
}

/** "per 5 minutes", "per hour", "per day"… for the chart's heading. */
export function unitText(unit: BarUnit): string {
  switch (unit.kind) {
    case 'minutes':
      return `per ${unit.step} minutes`;
    case 'hours':
      return unit.step === 1 ? 'per hour' : `per ${unit.step} hours`;
    case 'day':
      return 'per day';
    case 'week':
      return 'per week';
  }
}

/** The label under a bar that starts a tick: a time for sub-day bars (the day at midnight), else the day. */
export function tickText(ms: number, zone: ZoneName, unit: BarUnit): string {
  const w = wallTimeAt(ms, zone);
  if (unit.kind === 'day' || unit.kind === 'week' || isMidnight(w)) return dayText(w);
  return timeText(w);
}

/**
 * The axis: at most about `most` ticks, each the index of the bar it starts and its label. Bars
 * shorter than a day over several days are ticked at midnights only, labelled with their day: a
 * time alone ("06:00") would not say which day it belongs to.
 */
export function axisTicks(
  edges: readonly number[],
  zone: ZoneName,
  unit: BarUnit,
  most: number,
): { index: number; text: string }[] {
  const bars = edges.length - 1;
  const subDay = unit.kind === 'minutes' || unit.kind === 'hours';
  const midnights = subDay
    ? Array.from({ length: bars }, (_, k) => k).filter((k) => isMidnight(wallTimeAt(edges[k]!, zone)))
    : [];
  const ticks = midnights.length >= 2 ? midnights : Array.from({ length: bars }, (_, k) => k);
  const every = Math.max(1, Math.ceil(ticks.length / most));
  // A label in the last few bars would run past the chart's end.
  const room = (index: number) => index === 0 || index < bars * 0.92;
  return ticks
    .filter((index, j) => j % every === 0 && room(index))
    .map((index) => ({ index, text: tickText(edges[index]!, zone, unit) }));
}

/**
 * A value for `start` or `end`: the minute in the display zone (`2026-12-05T14:00`), with the zone's
 * offset only where the wall time alone would name another instant (the second 01:00 of a
 * fall-back night).
 */
function linkValue(ms: number, zone: ZoneName): string {
  const plain = formatWallTime(ms, zone, false);
  return wallTimeToMs(wallTimeAt(ms, zone), zone) === ms ? plain : formatWallTime(ms, zone, true);
}

/** The link values that narrow the view to `[startMs, endMs)`. */
export function barTimeSearch(startMs: number, endMs: number, zone: ZoneName): Record<string, string> {
  const time: TimeSearch = { start: linkValue(startMs, zone), end: linkValue(endMs, zone) };
  return serializeTimeSearch(time);
}
