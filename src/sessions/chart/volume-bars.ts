// The bars of the volume chart: a window of instants cut at wall-clock boundaries of the display
// zone (every 5 minutes, hour, midnight…), so a bar reads "14:00–15:00" wherever the viewer is and
// whatever the zone's offset (Kolkata +05:30, Kathmandu +05:45, Chatham +12:45).
//
// Units. The issue names 5 minutes, hours and days; with only those, a window just past a unit's
// threshold gets 2-5 bars (ratios of 12 and 24 between them). Steps of 15 minutes and of 3 and 6
// hours fill those gaps, and weeks keep a long custom window readable: the unit is the smallest
// whose nominal bar count is at most MAX_BARS, so a count stays between about 12 and 60.
//
// Daylight saving. Sub-day boundaries are every instant whose wall time is on the step: a repeated
// hour (fall back) is two bars, a skipped one (spring forward) none, so a bar is never longer than
// its step. Day and week bars begin at the first instant of their day (23 or 25 hours across a
// change; later than 00:00 where midnight itself is skipped).
import { addUtcDays } from '../../lib/utc-days';
import type { TimeWindow } from '../view/time-window';
import {
  dayInZone,
  offsetMinutesAt,
  startOfDayMs,
  wallAsUtcMs,
  wallTimeAt,
  type WallTime,
  type ZoneName,
} from '../view/zoned-time';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export const MAX_BARS = 60;

export type BarUnit =
  { kind: 'minutes'; step: 5 | 15 } | { kind: 'hours'; step: 1 | 3 | 6 } | { kind: 'day' } | { kind: 'week' };

const UNITS: readonly { unit: BarUnit; nominalMs: number }[] = [
  { unit: { kind: 'minutes', step: 5 }, nominalMs: 5 * MINUTE_MS },
  { unit: { kind: 'minutes', step: 15 }, nominalMs: 15 * MINUTE_MS },
  { unit: { kind: 'hours', step: 1 }, nominalMs: 60 * MINUTE_MS },
  { unit: { kind: 'hours', step: 3 }, nominalMs: 180 * MINUTE_MS },
  { unit: { kind: 'hours', step: 6 }, nominalMs: 360 * MINUTE_MS },
  { unit: { kind: 'day' }, nominalMs: DAY_MS },
  { unit: { kind: 'week' }, nominalMs: 7 * DAY_MS },
];

export interface VolumeBars {
  unit: BarUnit;
  /** Bar k is `[edges[k], edges[k + 1])`; the first is the window's start, the last its end. */
  edges: number[];
  zone: ZoneName;
}

/** The unit for a window of this length: the smallest with at most MAX_BARS bars. */
export function barUnitFor(lengthMs: number): BarUnit {
  const fit = UNITS.find((u) => lengthMs <= u.nominalMs * MAX_BARS) ?? UNITS[UNITS.length - 1]!;
  return fit.unit;
}

/** The bars of `[startMs, endMs)` in `zone`. An empty window has no bars (edges `[start]`). */
export function volumeBars(window: Pick<TimeWindow, 'startMs' | 'endMs' | 'zone'>): VolumeBars {
  const { startMs, endMs, zone } = window;
  const unit = barUnitFor(endMs - startMs);
  const edges = [startMs];
  if (endMs > startMs) {
    for (const ms of boundariesBetween(unit, startMs, endMs, zone)) edges.push(ms);
    edges.push(endMs);
  }
  return { unit, edges, zone };
}

/** Boundaries of `unit` strictly inside `(startMs, endMs)`, increasing. */
function boundariesBetween(unit: BarUnit, startMs: number, endMs: number, zone: ZoneName): number[] {
  const out: number[] = [];
  const push = (ms: number) => {
    if (ms > startMs && ms < endMs && ms > (out[out.length - 1] ?? -Infinity)) out.push(ms);
  };
  if (unit.kind === 'day' || unit.kind === 'week') {
    let day = dayInZone(startMs, zone);
    if (unit.kind === 'week') day = addUtcDays(day, -((new Date(`${day}T00:00Z`).getUTCDay() + 6) % 7));
    const step = unit.kind === 'week' ? 7 : 1;
    for (let ms = startOfDayMs(day, zone); ms < endMs;) {
      push(ms);
      day = addUtcDays(day, step);
      ms = startOfDayMs(day, zone);
    }
    return out;
  }
  const stepMinutes = unit.kind === 'minutes' ? unit.step : unit.step * 60;
  // Walk wall times from the boundary at or before the start; each may name 0, 1 or 2 instants.
  let wall = wallAsUtcMs(floorWall(wallTimeAt(startMs, zone), unit));
  for (;;) {
    const instants = instantsOfWall(wall, zone);
    // A boundary a spring-forward change skips moves forward by the gap, as a typed time does
    // (zoned-time.ts): without it the bar across the change would be two bars long.
    for (const ms of instants.length ? instants : [wall - offsetMinutesAt(zone, wall - DAY_MS) * MINUTE_MS])
      push(ms);
    // Wall time runs at most a day off the instants (offsets lie within ±14 hours).
    if ((instants[0] ?? wall - 14 * 60 * MINUTE_MS) >= endMs || wall > endMs + DAY_MS) break;
    wall += stepMinutes * MINUTE_MS;
  }
  return out;
}

function floorWall(w: WallTime, unit: Exclude<BarUnit, { kind: 'day' | 'week' }>): WallTime {
  const floored = { ...w, second: 0, millisecond: 0 };
  if (unit.kind === 'minutes') floored.minute -= w.minute % unit.step;
  else {
    floored.minute = 0;
    floored.hour -= w.hour % unit.step;
  }
  return floored;
}

/**
 * Every instant at which the wall clock in `zone` reads `wallMs` (a wall time as if UTC): none in a
 * spring-forward gap, two in a fall-back overlap.
 */
export function instantsOfWall(wallMs: number, zone: ZoneName): number[] {
  const offsets = new Set([offsetMinutesAt(zone, wallMs - DAY_MS), offsetMinutesAt(zone, wallMs + DAY_MS)]);
  return [...offsets]
    .map((offset) => wallMs - offset * MINUTE_MS)
    .filter((ms) => wallAsUtcMs(wallTimeAt(ms, zone)) === wallMs)
    .sort((a, b) => a - b);
}

/** The bar holding instant `ms` (binary search over the edges), or -1 outside the window. */
export function barIndexOf(edges: readonly number[], ms: number): number {
  if (edges.length < 2 || !(ms >= edges[0]!) || ms >= edges[edges.length - 1]!) return -1;
  let lo = 0;
  let hi = edges.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! <= ms) lo = mid;
    else hi = mid;
  }
  return lo;
}
