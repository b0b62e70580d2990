// Refinements: what a view can ask that the API cannot filter (missed, outcome, channel, direction,
// duration). The app applies them itself, by scanning the server's result (scan/). This module is
// their link form (parse with notices, serialize) and the shape of the counts the scan keeps; the
// predicate and the counting are in refinement-match.ts, which only the scan and the export run.
// Plain code, no React and no DOM: the scan's Web Worker runs it.

export interface Refinements {
  /** `wasMissed` is true (or, false: it is not true). */
  missed?: boolean;
  /** Outcome strings, compared case-insensitively; any of them matches. */
  outcome?: string[];
  channel?: string[];
  direction?: string;
  /** Whole seconds, inclusive. */
  minDuration?: number;
  maxDuration?: number;
}

export const REFINEMENT_KEYS = [
  'missed',
  'outcome',
  'channel',
  'direction',
  'minDuration',
  'maxDuration',
] as const satisfies readonly (keyof Refinements)[];
export type RefinementKey = (typeof REFINEMENT_KEYS)[number];

export const KNOWN_CHANNELS = ['Voice', 'Chat', 'Fax'] as const;
export const DIRECTIONS = ['Incoming', 'Outgoing'] as const;
const MAX_VALUES = 20;
const MAX_VALUE_LENGTH = 60;
/** A day: a longer bound is a typo, not a call. */
export const MAX_DURATION_SECONDS = 7 * 24 * 3600;

export function isRefinementKey(key: string): key is RefinementKey {
  return (REFINEMENT_KEYS as readonly string[]).includes(key);
}

export function hasRefinements(r: Refinements): boolean {
  return REFINEMENT_KEYS.some((key) => r[key] !== undefined);
}

/** The refinements of a larger object (a SessionSearch), without its other keys. */
export function pickRefinements(search: Refinements): Refinements {
  const out: Refinements = {};
  if (search.missed !== undefined) out.missed = search.missed;
  if (search.outcome?.length) out.outcome = search.outcome;
  if (search.channel?.length) out.channel = search.channel;
  if (search.direction) out.direction = search.direction;
  if (search.minDuration !== undefined) out.minDuration = search.minDuration;
  if (search.maxDuration !== undefined) out.maxDuration = search.maxDuration;
  return out;
}

/** One canonical string per meaning: part of the scan's query key. */
export function refinementsKey(r: Refinements): string {
  const parts = serializeRefinements(r);
  return REFINEMENT_KEYS.filter((k) => parts[k] !== undefined)
    .map((k) => `${k}=${(parts[k] ?? '').toLowerCase()}`)
    .join('&');
}

const quote = (value: string) => `\u2068${value.length > 40 ? `${value.slice(0, 40)}…` : value}\u2069`;

function list(value: string, canonical: readonly string[] = []): string[] {
  const seen = new Map<string, string>();
  for (const item of value.split(',')) {
    const v = item.trim().slice(0, MAX_VALUE_LENGTH);
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.set(v.toLowerCase(), canonical.find((c) => c.toLowerCase() === v.toLowerCase()) ?? v);
  }
  return [...seen.values()].slice(0, MAX_VALUES);
}

function seconds(key: string, value: string, notices: string[]): number | undefined {
  if (/^\d{1,7}$/.test(value) && Number(value) <= MAX_DURATION_SECONDS) return Number(value);
  notices.push(
    `Ignored ${key} "${quote(value)}": durations are whole seconds, at most ${MAX_DURATION_SECONDS}.`,
  );
  return undefined;
}

/**
 * Reads the refinement keys from a link. `text(key)` is the trimmed value of a key, or undefined.
 * Invalid values are dropped with a notice; never throws.
 */
export function parseRefinements(text: (key: string) => string | undefined): {
  refinements: Refinements;
  notices: string[];
} {
  const r: Refinements = {};
  const notices: string[] = [];
  const missed = text('missed');
  if (missed) {
    if (missed === '1' || missed === 'true') r.missed = true;
    else if (missed === '0' || missed === 'false') r.missed = false;
    else notices.push(`Ignored missed "${quote(missed)}": use missed=1 or missed=0.`);
  }
  const outcome = text('outcome');
  if (outcome && list(outcome).length) r.outcome = list(outcome);
  const channel = text('channel');
  if (channel && list(channel).length) r.channel = list(channel, KNOWN_CHANNELS);
  const direction = text('direction');
  if (direction) {
    const d = DIRECTIONS.find((x) => x.toLowerCase() === direction.toLowerCase());
    if (d) r.direction = d;
    else notices.push(`Ignored direction "${quote(direction)}": use Incoming or Outgoing.`);
  }
  const min = text('minDuration');
  const max = text('maxDuration');
  if (min) r.minDuration = seconds('minDuration', min, notices);
  if (max) r.maxDuration = seconds('maxDuration', max, notices);
  if (r.minDuration === undefined) delete r.minDuration;
  if (r.maxDuration === undefined) delete r.maxDuration;
  if (r.minDuration !== undefined && r.maxDuration !== undefined && r.maxDuration < r.minDuration) {
    [r.minDuration, r.maxDuration] = [r.maxDuration, r.minDuration];
    notices.push('The longest duration was below the shortest: swapped them.');
  }
  return { refinements: r, notices };
}

/** Link values of the refinements in force (missed=false is `0`, a refinement of its own). */
export function serializeRefinements(r: Refinements): Partial<Record<RefinementKey, string>> {
  const out: Partial<Record<RefinementKey, string>> = {};
  if (r.missed !== undefined) out.missed = r.missed ? '1' : '0';
  if (r.outcome?.length) out.outcome = r.outcome.join(',');
  if (r.channel?.length) out.channel = r.channel.join(',');
  if (r.direction) out.direction = r.direction;
  if (r.minDuration !== undefined) out.minDuration = String(r.minDuration);
  if (r.maxDuration !== undefined) out.maxDuration = String(r.maxDuration);
  return out;
}

/** Counts of a set of sessions, by the values the refinements choose among. */
export interface SessionCounts {
  sessions: number;
  missed: number;
  /** By value as the server wrote it; sessions without one are not counted here. */
  outcome: Record<string, number>;
  channel: Record<string, number>;
  direction: Record<string, number>;
}

export function emptyCounts(): SessionCounts {
  return { sessions: 0, missed: 0, outcome: {}, channel: {}, direction: {} };
}
