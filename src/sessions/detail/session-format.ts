// Formatting for the detail views (drawer and print). Every value from the server stays text;
// these only decide which text and in which words.
import { formatFullDateTime, formatOffsetFrom, type DisplayZone } from '../../lib/format';
import type { Session, WireDate } from '../api/session';

// Built once per zone: constructing an Intl formatter is the costly part.
const timeFormats = new Map<DisplayZone, Intl.DateTimeFormat>();

/** "14:03:09" */
function formatTime(ms: number, zone: DisplayZone): string {
  let f = timeFormats.get(zone);
  if (!f) {
    const timeZone = zone === 'utc' ? 'UTC' : undefined;
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(zone, f);
  }
  return f.format(ms);
}

/** A server date as a person reads it: formatted in the zone, or the raw string when unparseable. */
export function wireDateText(
  date: WireDate | undefined,
  zone: DisplayZone,
  kind: 'full' | 'time' = 'full',
): string | undefined {
  if (!date) return undefined;
  if (date.ms === undefined) return date.raw;
  return kind === 'time' ? formatTime(date.ms, zone) : formatFullDateTime(date.ms, zone);
}

/** Where log offsets count from: the session's start, else the first parseable log date. */
export function logOrigin(session: Session): number | undefined {
  return session.dateCreated?.ms ?? session.log.find((l) => l.date?.ms !== undefined)?.date?.ms;
}

export function offsetText(date: WireDate | undefined, origin: number | undefined): string | undefined {
  if (date?.ms === undefined || origin === undefined) return undefined;
  return formatOffsetFrom(date.ms, origin);
}

export function yesNo(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? 'Yes' : 'No';
}

/** Initials for an avatar placeholder: up to two letters or digits from the name. */
export function initials(name: string | undefined): string {
  const words = (name ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
  const letters = words.slice(0, 2).map((w) => [...w][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/** Only absolute http(s) URLs may become an image source (decoding filters already; this re-checks). */
export function safeImageUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
