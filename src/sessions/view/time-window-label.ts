// Words for a time window: what the date control shows ("Today · Dec 5", "Around Dec 5, 14:15 ·
// ± 15 min") and the zone it is read in ("Los Angeles time", "UTC"), so every time on screen says
// which clock it follows. Times use the table's 24-hour clock.
import type { TimeRange, TimeWindow } from './time-window';
import { wallTimeAt, type WallTime, type ZoneName } from './zoned-time';

export const TIME_RANGE_LABELS: Record<TimeRange, string> = {
  '1h': 'Last hour',
  '4h': 'Last 4 hours',
  '24h': 'Last 24 hours',
  today: 'Today',
  yesterday: 'Yesterday',
  'this-week': 'This week',
  'last-week': 'Last week',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  'this-month': 'This month',
  'last-month': 'Last month',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Old names browsers still resolve some zones to (Chromium: `Asia/Calcutta`), and the cities' own. */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Kolkata',
  'Asia/Saigon': 'Ho Chi Minh',
  'Asia/Katmandu': 'Kathmandu',
  'Asia/Rangoon': 'Yangon',
  'Europe/Kiev': 'Kyiv',
};

/** "Los Angeles time" for `America/Los_Angeles`, "UTC" for UTC. */
export function zoneLabel(zone: ZoneName): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const city = RENAMED[zone] ?? zone.split('/').pop() ?? zone;
  return `${city.replace(/_/g, ' ')} time`;
}

function dayText(w: WallTime, withYear: boolean): string {
  return `${MONTHS[w.month - 1]} ${w.day}${withYear ? `, ${w.year}` : ''}`;
}

const timeText = (w: WallTime) => `${pad2(w.hour)}:${pad2(w.minute)}`;
const sameDay = (a: WallTime, b: WallTime) => a.year === b.year && a.month === b.month && a.day === b.day;

/** A short description of the window in its zone, for the date control's button. */
export function describeTimeWindow(window: TimeWindow): string {
  const { zone } = window;
  const now = wallTimeAt(window.nowMs, zone);
  const start = wallTimeAt(window.startMs, zone);
  const yearOf = (w: WallTime) => w.year !== now.year;

  if (window.kind === 'around' && window.atMs !== undefined) {
    const at = wallTimeAt(window.atMs, zone);
    return `Around ${dayText(at, yearOf(at))}, ${timeText(at)} · ± ${window.spanMinutes} min`;
  }
  if (window.kind === 'rolling' && window.range) {
    const since = sameDay(start, now) ? timeText(start) : `${dayText(start, false)}, ${timeText(start)}`;
    return `${TIME_RANGE_LABELS[window.range]} · since ${since}`;
  }
  if (window.kind === 'days') {
    const first = wallTimeAt(window.startMs, zone);
    const last = wallTimeAt(Math.max(window.startMs, window.periodEndMs - 1), zone);
    const withYear = yearOf(first) || yearOf(last);
    const days = sameDay(first, last)
      ? dayText(first, withYear)
      : `${dayText(first, withYear)} – ${dayText(last, withYear)}`;
    return window.range ? `${TIME_RANGE_LABELS[window.range]} · ${days}` : days;
  }
  // Times of day: the end is the anchor when the window runs up to it.
  const from = `${dayText(start, yearOf(start))}, ${timeText(start)}`;
  if (window.live) return `${from} – now`;
  const end = wallTimeAt(window.endMs, zone);
  return `${from} – ${sameDay(start, end) ? '' : `${dayText(end, yearOf(end))}, `}${timeText(end)}`;
}
