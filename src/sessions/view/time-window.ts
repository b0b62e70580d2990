// The time part of the link format (`range`, `start`, `end`, `at`, `span`) and the one place it
// becomes a window of instants. Days and times are read in the display zone unless they carry an
// offset; relative ranges are anchored at an instant `now` that the caller fixes when the view
// loads, so the same window (and query key) holds until the caller re-anchors it.
//
// Two steps: `parseTimeSearch` checks the spelling (no zone needed: it can run in the router's
// validateSearch), `resolveTimeWindow` reads the values in a zone at an anchor and corrects what
// only then shows to be wrong (an end before its start). Both report corrections as notices.
import { addUtcDays, startOfUtcMonth, utcDayToMs } from '../../lib/utc-days';
import { formatLinkTimeValue, linkTimeEndMs, linkTimeStartMs, parseLinkTimeValue } from './link-time-value';
import { dayInZone, formatWallTime, safeZone, startOfDayMs, type ZoneName } from './zoned-time';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export const TIME_RANGES = [
  '1h',
  '4h',
  '24h',
  'today',
  'yesterday',
  'this-week',
  'last-week',
  '7d',
  '30d',
  'this-month',
  'last-month',
] as const;
export type TimeRange = (typeof TIME_RANGES)[number];
export const DEFAULT_TIME_RANGE: TimeRange = '7d';
export const DEFAULT_SPAN_MINUTES = 15;
export const MAX_SPAN_MINUTES = 720;

const ROLLING_HOURS: Partial<Record<TimeRange, number>> = { '1h': 1, '4h': 4, '24h': 24 };

/** The time part of the view as the link states it, in normal spelling. Absent = default. */
export interface TimeSearch {
  range?: TimeRange;
  start?: string;
  end?: string;
  at?: string;
  /** Minutes either side of `at`; absent = 15. */
  span?: number;
}

export interface TimeWindow {
  /** First instant inside the window (ms). */
  startMs: number;
  /** First instant past the window: `[startMs, endMs)`. Never after the anchor `nowMs`. */
  endMs: number;
  /** End of the period the link names (end of today for `today`), which may lie after `nowMs`. */
  periodEndMs: number;
  /** Sessions arriving after the anchor belong to this period: re-anchoring would grow it. */
  live: boolean;
  nowMs: number;
  /** The zone days and times without an offset were read in. */
  zone: ZoneName;
  /** rolling: 1h/4h/24h; days: whole days; times: a start or end has a time of day; around: `at`. */
  kind: 'rolling' | 'days' | 'times' | 'around';
  /** The preset in force (the default included), when the window comes from `range`. */
  range?: TimeRange;
  /** Calendar days in `zone` of the first and last instant of `[startMs, periodEndMs)`. */
  firstDay: string;
  lastDay: string;
  atMs?: number;
  spanMinutes?: number;
}

/** A value from the link, quoted in a sentence: shortened and bidi-isolated (FSI … PDI). */
function quote(value: string, max = 40): string {
  return `\u2068${value.length > max ? `${value.slice(0, max)}…` : value}\u2069`;
}

function rawText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

const TIME_HELP =
  'write a day (2026-12-05) or a minute (2026-12-05T14:15), optionally with an offset (Z, -08:00)';

/** Reads the time keys of a parsed query string; anything invalid is dropped with a notice. */
export function parseTimeSearch(raw: Record<string, unknown>): { time: TimeSearch; notices: string[] } {
  const time: TimeSearch = {};
  const notices: string[] = [];

  const range = rawText(raw.range);
  if (range) {
    const preset = TIME_RANGES.find((r) => r === range.toLowerCase());
    if (preset) {
      if (preset !== DEFAULT_TIME_RANGE) time.range = preset;
    } else notices.push(`Ignored range "${quote(range)}": use ${TIME_RANGES.join(', ')}.`);
  }

  const value = (key: 'start' | 'end' | 'at', name: string) => {
    const text = rawText(raw[key]);
    if (!text) return undefined;
    const parsed = parseLinkTimeValue(text);
    if (!parsed) notices.push(`Ignored ${name} "${quote(text)}": ${TIME_HELP}.`);
    else if (key === 'at' && parsed.precision === 'day') {
      // Around midnight is rarely what a day means: ask for the time.
      notices.push(`Ignored time "${quote(text)}": write a minute, for example 2026-12-05T14:15.`);
      return undefined;
    }
    return parsed && formatLinkTimeValue(parsed);
  };
  const start = value('start', 'start');
  const end = value('end', 'end');
  const at = value('at', 'time');

  const spanText = rawText(raw.span);
  let span: number | undefined;
  if (spanText) {
    const n = /^\d+$/.test(spanText) ? Number(spanText) : NaN;
    if (!(n >= 1)) notices.push(`Ignored span "${quote(spanText)}": minutes, from 1 to ${MAX_SPAN_MINUTES}.`);
    else if (n > MAX_SPAN_MINUTES) {
      span = MAX_SPAN_MINUTES;
      notices.push(`The span was over ${MAX_SPAN_MINUTES} minutes: showed ${MAX_SPAN_MINUTES} instead.`);
    } else span = n;
  }

  if (at) {
    time.at = at;
    if (span !== undefined && span !== DEFAULT_SPAN_MINUTES) time.span = span;
    const lost = [time.range && 'range', start && 'start', end && 'end'].filter(Boolean);
    if (lost.length) notices.push(`Ignored ${lost.join(' and ')}: a time to look around wins.`);
    delete time.range;
    return { time, notices };
  }
  if (span !== undefined) notices.push('Ignored span: it needs a time to look around (at).');
  if (start) {
    time.start = start;
    if (end) time.end = end;
    if (time.range) notices.push(`Ignored range "${time.range}": the start wins.`);
    delete time.range;
  } else if (end) notices.push(`Ignored end ${end}: an end needs a start.`);
  return { time, notices };
}

/** TimeSearch -> query-string values; defaults are left out. */
export function serializeTimeSearch(time: TimeSearch): Record<string, string> {
  const out: Record<string, string> = {};
  if (time.range && time.range !== DEFAULT_TIME_RANGE) out.range = time.range;
  if (time.start) out.start = time.start;
  if (time.end) out.end = time.end;
  if (time.at) out.at = time.at;
  if (time.span !== undefined && time.span !== DEFAULT_SPAN_MINUTES) out.span = String(time.span);
  return out;
}

function mondayOf(day: string): string {
  const weekday = new Date(utcDayToMs(day)).getUTCDay(); // 0 = Sunday
  return addUtcDays(day, -((weekday + 6) % 7));
}

function nextMonth(firstOfMonth: string): string {
  return startOfUtcMonth(addUtcDays(firstOfMonth, 31));
}

/** [first day, day after the last) of a preset of whole days in the zone's calendar. */
function presetDays(range: TimeRange, today: string): [string, string] {
  const tomorrow = addUtcDays(today, 1);
  switch (range) {
    case 'today':
      return [today, tomorrow];
    case 'yesterday':
      return [addUtcDays(today, -1), today];
    case 'this-week':
      return [mondayOf(today), addUtcDays(mondayOf(today), 7)];
    case 'last-week':
      return [addUtcDays(mondayOf(today), -7), mondayOf(today)];
    case '30d':
      return [addUtcDays(today, -29), tomorrow];
    case 'this-month':
      return [startOfUtcMonth(today), nextMonth(startOfUtcMonth(today))];
    case 'last-month': {
      const first = startOfUtcMonth(today);
      return [startOfUtcMonth(addUtcDays(first, -1)), first];
    }
    default:
      return [addUtcDays(today, -6), tomorrow];
  }
}

function makeWindow(
  base: Pick<TimeWindow, 'kind' | 'range' | 'atMs' | 'spanMinutes'>,
  startMs: number,
  periodEnd: number,
  zone: ZoneName,
  nowMs: number,
): TimeWindow {
  // A start after today's end (start alone, in the future) names an empty period, not a negative one.
  const periodEndMs = Math.max(startMs, periodEnd);
  const endMs = Math.max(startMs, Math.min(periodEndMs, nowMs));
  return {
    ...base,
    startMs,
    endMs,
    periodEndMs,
    live: base.kind === 'rolling' || periodEndMs > nowMs,
    nowMs,
    zone,
    firstDay: dayInZone(startMs, zone),
    lastDay: dayInZone(Math.max(startMs, periodEndMs - 1), zone),
  };
}

/**
 * The window a (parsed) time search names in `zone` at the anchor `nowMs`, with the search as
 * shown (an end before its start is swapped, an end equal to its start dropped) and notices.
 * An unknown zone reads as UTC.
 */
export function resolveTimeWindow(
  input: TimeSearch,
  zoneName: ZoneName,
  nowMs: number,
): { window: TimeWindow; time: TimeSearch; notices: string[] } {
  const zone = safeZone(zoneName);
  const time = { ...input };
  const notices: string[] = [];
  const at = time.at ? parseLinkTimeValue(time.at) : undefined;
  if (at) {
    const atMs = linkTimeStartMs(at, zone);
    const span = time.span ?? DEFAULT_SPAN_MINUTES;
    const base = { kind: 'around' as const, atMs, spanMinutes: span };
    return {
      window: makeWindow(base, atMs - span * MINUTE_MS, atMs + span * MINUTE_MS, zone, nowMs),
      time,
      notices,
    };
  }
  const today = dayInZone(nowMs, zone);
  const start = time.start ? parseLinkTimeValue(time.start) : undefined;
  if (start) {
    let end = time.end ? parseLinkTimeValue(time.end) : undefined;
    let startMs = linkTimeStartMs(start, zone);
    let endMs = end ? linkTimeEndMs(end, zone) : startOfDayMs(addUtcDays(today, 1), zone);
    if (end && endMs < startMs) {
      [time.start, time.end] = [time.end, time.start];
      notices.push(`The end was before the start: showed ${time.start} to ${time.end} instead.`);
      startMs = linkTimeStartMs(end, zone);
      endMs = linkTimeEndMs(start, zone);
      end = start;
    } else if (end && endMs === startMs) {
      notices.push(`Ignored end ${time.end}: it is the same moment as the start.`);
      delete time.end;
      end = undefined;
      endMs = startOfDayMs(addUtcDays(today, 1), zone);
    }
    const kind = start.precision === 'day' && (!end || end.precision === 'day') ? 'days' : 'times';
    return { window: makeWindow({ kind }, startMs, endMs, zone, nowMs), time, notices };
  }
  const range = time.range ?? DEFAULT_TIME_RANGE;
  const hours = ROLLING_HOURS[range];
  if (hours) {
    return {
      window: makeWindow({ kind: 'rolling', range }, nowMs - hours * HOUR_MS, nowMs, zone, nowMs),
      time,
      notices,
    };
  }
  const [first, after] = presetDays(range, today);
  const window = makeWindow(
    { kind: 'days', range },
    startOfDayMs(first, zone),
    startOfDayMs(after, zone),
    zone,
    nowMs,
  );
  return { window, time, notices };
}

/**
 * "Copy link with fixed dates": the same rows for anyone, anywhere, later. Instants are written
 * with the offset they had in the window's zone (`2026-12-05T00:00-08:00`); a window cut at the
 * anchor ends at the anchor. An empty window (wholly after the anchor) is written as its period.
 */
export function toFixedTimeSearch(window: TimeWindow): TimeSearch {
  const { zone } = window;
  if (window.kind === 'around' && window.atMs !== undefined) {
    const fixed: TimeSearch = { at: formatWallTime(window.atMs, zone, true) };
    if (window.spanMinutes !== undefined && window.spanMinutes !== DEFAULT_SPAN_MINUTES)
      fixed.span = window.spanMinutes;
    return fixed;
  }
  // A window cut at the anchor (now) ends, or for a rolling range starts, at any millisecond: the
  // link holds whole seconds, widened outward (under a second more of rows, none of them lost).
  const startMs = Math.floor(window.startMs / 1000) * 1000;
  const end = Math.ceil((window.endMs > window.startMs ? window.endMs : window.periodEndMs) / 1000) * 1000;
  const fixed: TimeSearch = { start: formatWallTime(startMs, zone, true) };
  if (end > startMs) fixed.end = formatWallTime(end, zone, true);
  return fixed;
}
