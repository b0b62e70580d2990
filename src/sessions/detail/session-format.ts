// Formatting for the detail views (drawer and print). Every value from the server stays text;
// these only decide which text and in which words.
import {
  formatDuration,
  formatFullDateTime,
  formatOffset,
  formatTime,
  type DisplayZone,
} from '../../lib/format';
import type { Session, WireDate } from '../api/session';

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

/** True while the server says the session is still going on. */
export function isLive(session: Session): boolean {
  return session.ended === false;
}

/**
 * Duration: completed − created, or now − created while live. Undefined when a date is missing
 * or unparseable.
 */
export function sessionDurationMs(session: Session, now: number): number | undefined {
  const start = session.dateCreated?.ms;
  if (start === undefined) return undefined;
  const end = session.dateCompleted?.ms ?? (isLive(session) ? now : undefined);
  return end === undefined ? undefined : end - start;
}

export function durationText(session: Session, now: number): string | undefined {
  const ms = sessionDurationMs(session, now);
  return ms === undefined ? undefined : formatDuration(ms);
}

/** Where log offsets count from: the session's start, else the first parseable log date. */
export function logOrigin(session: Session): number | undefined {
  return session.dateCreated?.ms ?? session.log.find((l) => l.date?.ms !== undefined)?.date?.ms;
}

export function offsetText(date: WireDate | undefined, origin: number | undefined): string | undefined {
  if (date?.ms === undefined || origin === undefined) return undefined;
  return formatOffset(date.ms - origin);
}

export function yesNo(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? 'Yes' : 'No';
}

export type Tone = 'live' | 'warn' | 'danger' | 'info' | 'neutral';

export interface StateBadge {
  label: string;
  tone: Tone;
}

const STATE_TONES: Record<string, Tone> = {
  active: 'live',
  connected: 'live',
  ringing: 'info',
  queued: 'info',
  hold: 'warn',
  passive: 'neutral',
  disconnected: 'neutral',
  none: 'neutral',
  transferring: 'warn',
};

function tone(value: string): Tone {
  return STATE_TONES[value.toLowerCase()] ?? 'neutral';
}

/**
 * The session's states as badges. Open enums: a value this client does not know is shown as it
 * came, in a neutral badge. "None" states say nothing and are left out.
 */
export function stateBadges(session: Session, archived: boolean): StateBadge[] {
  const badges: StateBadge[] = [];
  if (session.ended === false) badges.push({ label: 'Live', tone: 'live' });
  else if (session.ended === true) badges.push({ label: 'Ended', tone: 'neutral' });
  if (session.wasMissed) badges.push({ label: 'Missed', tone: 'danger' });
  const states: [string, string | undefined][] = [
    ['Dial', session.dialState],
    ['Call', session.callState],
    ['Queue', session.queueState],
    ['Hold', session.holdReason],
  ];
  for (const [name, value] of states) {
    if (value === undefined || value.toLowerCase() === 'none') continue;
    badges.push({ label: `${name}: ${value}`, tone: tone(value) });
  }
  if (archived) badges.push({ label: 'Archived', tone: 'info' });
  return badges;
}

/**
 * The table's arrows: "↘" incoming, "↗" outgoing (not → / ←, which would read as part of the
 * "from → to" title next to it). Unknown directions get no arrow, only their name.
 */
export function directionArrow(direction: string | undefined): string | undefined {
  const d = direction?.toLowerCase();
  return d === 'incoming' ? '↘' : d === 'outgoing' ? '↗' : undefined;
}

/** The caller side as one line: name and address when both are known. */
export function fromText(session: Session): string | undefined {
  const address = session.fromAddress ?? session.fromPhoneNumber;
  const name = session.fromName;
  if (name && address && name !== address) return `${name} (${address})`;
  return name ?? address;
}

export function toText(session: Session): string | undefined {
  return session.toAddress ?? session.destination;
}

/** A short title for a session: "Caller → callee", falling back to its display name or id. */
export function sessionTitle(session: Session): string {
  const from = fromText(session);
  const to = toText(session);
  if (from || to) return `${from ?? 'Unknown'} → ${to ?? 'Unknown'}`;
  return session.displayName ?? `Session ${session.id}`;
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
