// "Around a time…": a timestamp pasted from anywhere (a ticket, a log line, the table itself,
// the API's JSON) read as an instant. Times without a zone are read in the display zone.
//
// Accepted: ISO 8601 with or without a zone (`2026-12-05T14:15:00Z`, `2026-12-05 14:15:00`),
// month names (`Dec 5, 2:15 PM`, `Fri, Dec 5, 2026, 14:15:09 PST`, `5 December 2026 14:15`),
// epoch seconds or milliseconds, and WCF dates (`/Date(1764944100000-0000)/`). A date without a
// year is the latest such date not after tomorrow (support staff look back, not ahead); a date
// without a time is its midnight.
import {
  offsetMinutesAt,
  safeZone,
  wallAsUtcMs,
  wallTimeAt,
  wallTimeToMs,
  type WallTime,
  type ZoneName,
} from './zoned-time';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type PastedTime = { ok: true; ms: number; hadZone: boolean } | { ok: false; reason: string };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i;
const WCF = /^\\?\/?Date\((-?\d+)(?:[+-]\d{4})?\)\\?\/?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})/;
const MONTH_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?/i;
const DAY_MONTH = /^(\d{1,2})\s+([a-z]{3,9})\.?(?:,?\s+(\d{4})\b)?/i;
const SEPARATOR = /^(?:[Tt]|\s*,\s*|\s+at\s+|\s+)/;
const TIME = /^(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:\s*([ap])\.?m\.?)?(?![\d:])/i;
const OFFSET = /^(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

const fail = (reason: string): PastedTime => ({ ok: false, reason });

function monthNumber(name: string): number | undefined {
  const i = MONTHS.findIndex((m) => m.toLowerCase() === name.slice(0, 3).toLowerCase());
  if (i < 0) return undefined;
  // "Decem" is not a month; a full name or its first three letters (and "Sept") are.
  const full = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' })
    .format(Date.UTC(2000, i, 1))
    .toLowerCase();
  const n = name.toLowerCase();
  return n.length === 3 || n === full || n === 'sept' ? i + 1 : undefined;
}

/** Short zone names in en-US (`PST`, `GMT+5:30`), the ones the app itself writes. */
function zoneAbbreviation(zone: ZoneName, ms: number): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(ms);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** Reads a pasted timestamp; `nowMs` decides the year of a date written without one. */
export function parsePastedTime(input: string, zoneName: ZoneName, nowMs: number): PastedTime {
  const zone = safeZone(zoneName);
  const text = input
    .trim()
    .replace(/^["'`]+|["'`]+$/g, '')
    .trim();
  if (!text) return fail('Paste or type a date and time.');
  if (text.length > 100) return fail('That is too long to be a date and time.');

  const wcf = WCF.exec(text);
  if (wcf) return { ok: true, ms: Number(wcf[1]), hadZone: true };

  if (/^\d+(?:\.\d+)?$/.test(text)) {
    const whole = text.split('.')[0]!;
    if (whole.length >= 9 && whole.length <= 11)
      return { ok: true, ms: Math.round(Number(text) * 1000), hadZone: true };
    if (whole.length >= 12 && whole.length <= 14 && !text.includes('.'))
      return { ok: true, ms: Number(text), hadZone: true };
    return fail(`"${text}" is not a date: epoch times have 10 digits (seconds) or 13 (milliseconds).`);
  }

  let rest = text.replace(WEEKDAY, '');
  let year: number | undefined;
  let month: number | undefined;
  let day: number;
  let m: RegExpExecArray | null;
  if ((m = ISO_DATE.exec(rest))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = MONTH_DAY.exec(rest))) {
    month = monthNumber(m[1]!);
    day = Number(m[2]);
    year = m[3] ? Number(m[3]) : undefined;
  } else if ((m = DAY_MONTH.exec(rest))) {
    day = Number(m[1]);
    month = monthNumber(m[2]!);
    year = m[3] ? Number(m[3]) : undefined;
  } else return fail(`Could not read "${text}" as a date: try 2026-12-05 14:15, or Dec 5, 2:15 PM.`);
  if (!month) return fail(`"${m[0]}" has no month that I know.`);
  rest = rest.slice(m[0].length);

  const wall: WallTime = { year: 0, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 };
  const sep = SEPARATOR.exec(rest);
  const time = sep && TIME.exec(rest.slice(sep[0].length));
  if (sep && time) {
    rest = rest.slice(sep[0].length + time[0].length);
    const [, h, mi, s, frac, ampm] = time;
    if (mi === undefined && !ampm) return fail(`Could not read the time in "${text}".`);
    wall.hour = Number(h);
    wall.minute = Number(mi ?? 0);
    wall.second = Number(s ?? 0);
    wall.millisecond = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
    if (ampm) {
      if (wall.hour < 1 || wall.hour > 12) return fail(`"${time[0]}" is not a time on a 12-hour clock.`);
      wall.hour = (wall.hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
    }
    if (wall.hour > 23 || wall.minute > 59 || wall.second > 59)
      return fail(`"${time[0].trim()}" is not a time of day.`);
  }

  const zoneText = rest.replace(/^[\s,]+/, '').trim();
  let offsetMinutes: number | undefined;
  if (/^(?:z|utc|gmt)$/i.test(zoneText)) offsetMinutes = 0;
  else if ((m = OFFSET.exec(zoneText))) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    if (Number(m[3] ?? 0) > 59 || minutes > 14 * 60) return fail(`"${zoneText}" is not a UTC offset.`);
    offsetMinutes = m[1] === '-' ? -minutes : minutes;
  } else if (zoneText && !/^[a-z]{2,5}$/i.test(zoneText))
    return fail(`Could not read "${zoneText}" at the end of "${text}".`);

  const instant = (y: number): number => {
    const w = { ...wall, year: y };
    return offsetMinutes === undefined ? wallTimeToMs(w, zone) : wallAsUtcMs(w) - offsetMinutes * MINUTE_MS;
  };
  if (year === undefined) {
    year = wallTimeAt(nowMs, zone).year;
    if (instant(year) > nowMs + DAY_MS) year -= 1;
  }
  wall.year = year;
  const check = new Date(wallAsUtcMs(wall));
  if (check.getUTCMonth() + 1 !== month || check.getUTCDate() !== day)
    return fail(`There is no day ${day} in ${MONTHS[month - 1]} ${year}.`);
  const ms = instant(year);

  if (zoneText && offsetMinutes === undefined) {
    // A zone name: accepted when it is the display zone's own name at that moment.
    if (zoneAbbreviation(zone, ms).toLowerCase() !== zoneText.toLowerCase())
      return fail(
        `Cannot tell which zone "${zoneText}" is: write the offset instead (for example ${formatExample(zone, ms)}).`,
      );
    return { ok: true, ms, hadZone: true };
  }
  return { ok: true, ms, hadZone: offsetMinutes !== undefined };
}

function formatExample(zone: ZoneName, ms: number): string {
  const o = offsetMinutesAt(zone, ms);
  const abs = Math.abs(o);
  return `${o < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
