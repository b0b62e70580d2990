// How a session is shown, decided once: the table, the drawer and the print view all read these
// rules (and exports and summaries will). Plain code, no React and no DOM, so a Web Worker can use
// it too. Every value from the server stays text; these only decide which text, in which words.
import { formatDuration } from '../lib/format';
import type { SessionSummary } from './api/session';

/** Evo Voice moves sessions older than this many days from the live store to the archive. */
export const ARCHIVE_AFTER_DAYS = 15;
/**
 * A window reaching further back than this many days asks both stores: two days short of the
 * archive age, so sessions the archiving job moves a little early, or while the view is open,
 * are not missed.
 */
export const BOTH_STORES_AFTER_DAYS = 13;

/** How often live views (a range including today, a live session's drawer) refresh. */
export const LIVE_REFRESH_MS = 10_000;

/** True while the server says the session is still going on. */
export function isLive(session: SessionSummary): boolean {
  return session.ended === false;
}

/** Missed, as the API states it (`wasMissed`); unknown counts as not missed. */
export function isMissed(session: SessionSummary): boolean {
  return session.wasMissed === true;
}

/** The outcome in words, missed first (the table's outcome cell: the Missed badge, then the outcome). */
export function outcomeText(session: SessionSummary): string | undefined {
  if (!isMissed(session)) return session.outcome;
  return session.outcome && session.outcome !== 'Missed' ? `Missed, ${session.outcome}` : 'Missed';
}

/**
 * The arrows: "↘" incoming, "↗" outgoing (not → / ←, which would read as part of the
 * "from → to" title next to it). Unknown directions get no arrow, only their name.
 */
export function directionArrow(direction: string | undefined): string | undefined {
  const d = direction?.toLowerCase();
  return d === 'incoming' ? '↘' : d === 'outgoing' ? '↗' : undefined;
}

/** The caller's name: the from name, else the session's display name. */
export function callerName(session: SessionSummary): string | undefined {
  return session.fromName ?? session.displayName;
}

/** The caller's address (a number, `sip:…`, `client:…`). */
export function callerAddress(session: SessionSummary): string | undefined {
  return session.fromAddress ?? session.fromPhoneNumber;
}

/** The caller side as one line: name and address when both are known and differ. */
export function fromText(session: SessionSummary): string | undefined {
  const address = callerAddress(session);
  const name = callerName(session);
  if (name && address && name !== address) return `${name} (${address})`;
  return name ?? address;
}

export function toText(session: SessionSummary): string | undefined {
  return session.toAddress ?? session.destination;
}

/** A short title for a session: "Caller → callee", falling back to its display name or id. */
export function sessionTitle(session: SessionSummary): string {
  const from = fromText(session);
  const to = toText(session);
  if (from || to) return `${from ?? 'Unknown'} → ${to ?? 'Unknown'}`;
  return session.displayName ?? `Session ${session.id}`;
}

/**
 * Duration: completed − created, or `now` − created while live. Undefined when a date is missing
 * or unparseable, or when the session would end before it started (a server's clock skew).
 */
export function sessionDurationMs(session: SessionSummary, now: number): number | undefined {
  const start = session.dateCreated?.ms;
  if (start === undefined) return undefined;
  const end = isLive(session) ? now : session.dateCompleted?.ms;
  return end === undefined || end < start ? undefined : end - start;
}

export function durationText(session: SessionSummary, now: number): string | undefined {
  const ms = sessionDurationMs(session, now);
  return ms === undefined ? undefined : formatDuration(ms);
}

/**
 * A live session's states, most telling first: queued or ringing in a queue says more than the call
 * state, and "Active" dialing says least. Ended sessions have none; "None" and "Disconnected" say
 * nothing and are left out.
 */
export function liveStates(session: SessionSummary): string[] {
  if (!isLive(session)) return [];
  const { queueState, callState, dialState } = session;
  const states = [
    queueState === 'Queued' || queueState === 'Ringing' ? queueState : undefined,
    callState,
    queueState,
    dialState,
  ].filter((v): v is string => !!v && v !== 'None' && v !== 'Disconnected');
  return [...new Set(states)];
}

export type Tone = 'live' | 'warn' | 'danger' | 'info' | 'neutral';

export interface StateBadge {
  label: string;
  tone: Tone;
  /** The API's own words ("Call state: Hold"), for a tooltip. */
  title?: string;
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

type StateField = 'Dial' | 'Call' | 'Queue' | 'Hold';

/** Plain words for the states the API documents; a state not listed here is shown as "Field: Value". */
const PLAIN_STATES: Record<StateField, Record<string, string>> = {
  Dial: { active: 'Active' },
  Call: {
    ringing: 'Ringing',
    connected: 'Connected',
    hold: 'On hold',
    passive: 'Not connected yet',
    disconnected: 'Disconnected',
  },
  Queue: {
    queued: 'Waiting in queue',
    ringing: 'Ringing',
    connected: 'Connected',
    hold: 'On hold',
    disconnected: 'Left the queue',
  },
  Hold: { transferring: 'Being transferred' },
};

const FIELD_NAMES: Record<StateField, string> = {
  Dial: 'Dial state',
  Call: 'Call state',
  Queue: 'Queue state',
  Hold: 'Hold reason',
};

/**
 * The session's states as badges, in plain words ("On hold", "Waiting in queue"), the API's value
 * in the tooltip. Open enums: a value this client does not know is shown as it came ("Call:
 * Transcribing"), in a neutral badge. "None" states say nothing and are left out; two states that
 * read the same ("On hold" for the call and the queue) are one badge.
 */
export function stateBadges(session: SessionSummary, archived: boolean): StateBadge[] {
  const badges: StateBadge[] = [];
  if (session.ended === false) badges.push({ label: 'Live', tone: 'live' });
  else if (session.ended === true) badges.push({ label: 'Ended', tone: 'neutral' });
  if (isMissed(session)) badges.push({ label: 'Missed', tone: 'danger', title: 'wasMissed: true' });
  const states: [StateField, string | undefined][] = [
    ['Dial', session.dialState],
    ['Call', session.callState],
    ['Queue', session.queueState],
    ['Hold', session.holdReason],
  ];
  for (const [name, value] of states) {
    if (value === undefined || value.toLowerCase() === 'none') continue;
    const label = PLAIN_STATES[name][value.toLowerCase()] ?? `${name}: ${value}`;
    const title = `${FIELD_NAMES[name]}: ${value}`;
    const same = badges.find((b) => b.label === label);
    if (same) same.title = `${same.title}; ${title}`;
    else badges.push({ label, tone: tone(value), title });
  }
  if (archived) badges.push({ label: 'Archived', tone: 'info' });
  return badges;
}
