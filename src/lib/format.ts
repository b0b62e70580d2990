// Display formatting. Intl formatters are built once per zone: constructing them is the costly part.

export type DisplayZone = 'local' | 'utc';

const fullFormats = new Map<DisplayZone, Intl.DateTimeFormat>();

function fullFormat(zone: DisplayZone): Intl.DateTimeFormat {
  let f = fullFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone === 'utc' ? 'UTC' : undefined,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    fullFormats.set(zone, f);
  }
  return f;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * "Nov 27, 14:03:09", as Intl's en-US short month, day and 2-digit 24-hour time would write it, but
 * written here: the table formats two per row, and the browser's first Intl formatter takes it 25-50
 * ms to set up on a slow machine, which the first rows drawn before the app (first-rows.ts) would
 * wait for. format.test.ts holds it to Intl's.
 */
export function formatDateTime(ms: number, zone: DisplayZone): string {
  const d = new Date(ms);
  return zone === 'utc'
    ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
    : `${MONTHS[d.getMonth()]} ${d.getDate()}, ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** "Fri, Nov 27, 2026, 14:03:09 UTC" */
export function formatFullDateTime(ms: number, zone: DisplayZone): string {
  return fullFormat(zone).format(ms);
}

/** 0:42, 12:05, 1:02:03 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A duration with its hours always written, "0:04:19", as spreadsheets read one. */
export function formatClockDuration(ms: number): string {
  const text = formatDuration(ms);
  return text.split(':').length === 2 ? `0:${text.padStart(5, '0')}` : text;
}

/**
 * How long after `originMs` the instant `ms` is, for log timelines ("+01:23", "+1:02:03"): counted
 * between their whole seconds, so it agrees with the clock times printed beside it (20:11:22.8 to
 * 20:12:45.1 is +01:23, as 20:11:22 to 20:12:45 reads, not the +01:22 of its milliseconds).
 */
export function formatOffsetFrom(ms: number, originMs: number): string {
  return formatOffset(clockElapsedMs(ms, originMs));
}

/** `ms - originMs` between their whole seconds: what two clock times shown to the second differ by. */
export function clockElapsedMs(ms: number, originMs: number): number {
  return Math.floor(ms / 1000) * 1000 - Math.floor(originMs / 1000) * 1000;
}

function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${mm}:${ss}` : `${sign}${mm}:${ss}`;
}

// Built on first use: this module is evaluated before page 0 is requested (head-start.ts), and a
// first Intl formatter costs milliseconds.
let countFormat: Intl.NumberFormat | undefined;
export function formatCount(n: number): string {
  countFormat ??= new Intl.NumberFormat('en-US');
  return countFormat.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
