// One time value of the link format (`start`, `end`, `at`): its grammar, its normal spelling, and
// the instants it names in a display zone.
//
//   2026-12-05                      a whole day, in the display zone
//   2026-12-05T14:15                a minute (seconds `:30` and milliseconds `.250` also read)
//   ...Z | ...-08:00 | ...+05:30    either of the above at a fixed offset: the same everywhere
//
// A raw `+` in a query string arrives as a space, so ` 05:30` reads as `+05:30`.
import { formatDay, wallAsUtcMs, wallTimeToMs, type WallTime, type ZoneName } from './zoned-time';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MAX_OFFSET_MINUTES = 14 * 60;

const GRAMMAR =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(?:([Zz])|([+\- ])(\d{2}):?(\d{2}))?$/;

export interface LinkTimeValue {
  wall: WallTime;
  /** `day` for `YYYY-MM-DD`, `time` when a time of day is given. */
  precision: 'day' | 'time';
  /** Minutes east of UTC when the value carries an offset; otherwise the display zone applies. */
  offsetMinutes: number | undefined;
}

/** Reads a value; undefined when it is not in the grammar or names no real day or time. */
export function parseLinkTimeValue(text: string): LinkTimeValue | undefined {
  const m = GRAMMAR.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = m;
  const wall: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    millisecond: frac ? Number(frac.padEnd(3, '0')) : 0,
  };
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return undefined;
  // A day that does not exist (2026-02-30) would roll over into March: refuse it instead.
  const check = new Date(wallAsUtcMs(wall));
  if (check.getUTCMonth() + 1 !== wall.month || check.getUTCDate() !== wall.day) return undefined;
  let offsetMinutes: number | undefined;
  if (z) offsetMinutes = 0;
  else if (sign) {
    const hours = Number(oh);
    const minutes = Number(om);
    if (minutes > 59 || hours * 60 + minutes > MAX_OFFSET_MINUTES) return undefined;
    offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return { wall, precision: h === undefined ? 'day' : 'time', offsetMinutes };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The normal spelling of a value: `T`, `Z` and `+` restored, `-0800` written `-08:00`. */
export function formatLinkTimeValue(value: LinkTimeValue): string {
  const w = value.wall;
  let text = formatDay(w);
  if (value.precision === 'time') {
    text += `T${pad2(w.hour)}:${pad2(w.minute)}`;
    if (w.second || w.millisecond) text += `:${pad2(w.second)}`;
    if (w.millisecond) text += `.${String(w.millisecond).padStart(3, '0')}`;
  }
  if (value.offsetMinutes !== undefined) {
    const o = value.offsetMinutes;
    text +=
      o === 0 ? 'Z' : `${o < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(o) / 60))}:${pad2(Math.abs(o) % 60)}`;
  }
  return text;
}

/** The instant the value begins: its minute, or the first instant of its day. */
export function linkTimeStartMs(value: LinkTimeValue, zone: ZoneName): number {
  if (value.offsetMinutes !== undefined) return wallAsUtcMs(value.wall) - value.offsetMinutes * MINUTE_MS;
  return wallTimeToMs(value.wall, zone);
}

/**
 * The exclusive end a value gives as `end`: a day includes itself (ends where the next day
 * begins); a time is the end itself (`[start, end)`).
 */
export function linkTimeEndMs(value: LinkTimeValue, zone: ZoneName): number {
  if (value.precision === 'time') return linkTimeStartMs(value, zone);
  const next = new Date(wallAsUtcMs(value.wall) + DAY_MS);
  const nextDay: LinkTimeValue = {
    ...value,
    wall: {
      ...value.wall,
      year: next.getUTCFullYear(),
      month: next.getUTCMonth() + 1,
      day: next.getUTCDate(),
    },
  };
  return linkTimeStartMs(nextDay, zone);
}
