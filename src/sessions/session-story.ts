// What happened in a session, in one short paragraph, and its key figures (wait, ring, talk, hold,
// total, transfers). The drawer, the print view and the copied summary all read it, so they say the
// same thing in the same words. Plain code, no React and no DOM.
//
// Built from the structured fields first (direction, channel, names and numbers, answeredByName,
// wasMissed, outcome, times); what only the log says comes from log-facts.ts, and is left out when
// no line matches. A sentence part taken from the log keeps its lines, so the drawer can link them.
import { clockElapsedMs, formatDuration, formatFullDateTime, plural, type DisplayZone } from '../lib/format';
import type { Session } from './api/session';
import { logFacts, type LogFact, type LogFactKind } from './log-facts';
import { fromText, isLive, sessionDurationMs, toText } from './session-display';

export interface StoryPart {
  text: string;
  /** A value from the server (a name, a number): shown isolated, as text. */
  value?: boolean;
  /** Log lines (indexes) that state this part. */
  lines?: number[];
  /** A session this part names (a transfer's parent). */
  session?: string;
}

export type FigureKey = 'wait' | 'ring' | 'talk' | 'hold' | 'total' | 'transfers';

export interface KeyFigure {
  key: FigureKey;
  label: string;
  value: string;
  /** How it was worked out, for a tooltip. */
  title: string;
}

export interface SessionStory {
  /** Sentences, each a list of parts; joined with spaces they read as a paragraph. */
  sentences: StoryPart[][];
  figures: KeyFigure[];
}

export interface StoryOptions {
  zone: DisplayZone;
  /** The clock, for live sessions. */
  now: number;
  /** Number of child sessions (transfers), when known. */
  transfers?: number;
}

const CHANNEL_NOUNS: Record<string, string> = { voice: 'call', chat: 'chat', fax: 'fax' };

const text = (t: string): StoryPart => ({ text: t });
const value = (t: string): StoryPart => ({ text: t, value: true });

function capitalize(parts: StoryPart[]): StoryPart[] {
  const [first, ...rest] = parts;
  if (!first || first.value) return parts;
  return [{ ...first, text: first.text.charAt(0).toUpperCase() + first.text.slice(1) }, ...rest];
}

function opening(s: Session, zone: DisplayZone): StoryPart[] {
  const channel = s.channel?.toLowerCase();
  const noun = channel === undefined ? 'session' : (CHANNEL_NOUNS[channel] ?? undefined);
  const direction = s.direction === 'Incoming' || s.direction === 'Outgoing' ? s.direction.toLowerCase() : '';
  const parts: StoryPart[] = [];
  if (noun) parts.push(text(`${direction} ${noun}`.trim()));
  else parts.push(text(direction ? `${direction} ` : ''), value(s.channel ?? ''), text(' session'));
  const from = fromText(s);
  // Incoming: the endpoint reached (its name reads better than its number); outgoing: who was called.
  const to = s.direction === 'Incoming' ? (s.endpointName ?? toText(s)) : toText(s);
  if (from) parts.push(text(' from '), value(from));
  if (to) parts.push(text(' to '), value(to));
  if (s.dateCreated?.ms !== undefined) parts.push(text(`, ${formatFullDateTime(s.dateCreated.ms, zone)}`));
  parts.push(text('.'));
  return capitalize(parts.filter((p) => p.text !== ''));
}

const first = (facts: LogFact[], kind: LogFactKind, after = -1) =>
  facts.find((f) => f.kind === kind && f.line > after);
const all = (facts: LogFact[], kind: LogFactKind) => facts.filter((f) => f.kind === kind);
const span = (from: number | undefined, to: number | undefined) =>
  from !== undefined && to !== undefined && to >= from ? to - from : undefined;

interface Times {
  start: number | undefined;
  end: number | undefined;
}

/** Wait: from entering the queue (else the start) to the answer, or to leaving the queue unanswered. */
function waitMs(facts: LogFact[], t: Times, live: boolean) {
  const queued = first(facts, 'queue-entered');
  const from = queued?.at ?? t.start;
  const until =
    facts.find(
      (f) =>
        f.line > (queued?.line ?? -1) &&
        (f.kind === 'answered' ||
          f.kind === 'abandoned-in-queue' ||
          f.kind === 'voicemail' ||
          f.kind === 'queue-timeout'),
    )?.at ?? (live && queued ? t.end : undefined);
  return queued || first(facts, 'answered') ? span(from, until) : undefined;
}

/** Ring: each "Ringing agent" line until the line after it (no answer, or the answer). */
function ringMs(facts: LogFact[], log: Session['log']) {
  const rung = all(facts, 'agent-rung');
  let total = 0;
  let known = false;
  for (const f of rung) {
    const d = span(f.at, log[f.line + 1]?.date?.ms);
    if (d !== undefined) {
      total += d;
      known = true;
    }
  }
  return known ? total : undefined;
}

/** Hold: each "placed … on hold" until the next "resumed the call"; an unmatched hold counts nothing. */
function holdMs(facts: LogFact[]) {
  let total = 0;
  let known = false;
  for (const hold of all(facts, 'hold')) {
    const d = span(hold.at, first(facts, 'resumed', hold.line)?.at);
    if (d !== undefined) {
      total += d;
      known = true;
    }
  }
  return known ? total : undefined;
}

function figures(s: Session, facts: LogFact[], t: Times, live: boolean, transfers?: number): KeyFigure[] {
  const out: KeyFigure[] = [];
  const add = (key: FigureKey, label: string, ms: number | undefined, title: string) => {
    if (ms !== undefined) out.push({ key, label, value: formatDuration(ms), title });
  };
  const hold = holdMs(facts);
  const answered = first(facts, 'answered');
  const talk = span(answered?.at, t.end);
  add('wait', 'Wait', waitMs(facts, t, live), 'From entering the queue (or the start) to the answer');
  add('ring', 'Ring', ringMs(facts, s.log), 'Time agents were rung, from the log');
  add(
    'talk',
    'Talk',
    talk === undefined ? undefined : talk - Math.min(talk, hold ?? 0),
    'Answer to end, less hold',
  );
  add('hold', 'Hold', hold, 'From "on hold" to "resumed" in the log');
  add('total', live ? 'So far' : 'Total', span(t.start, t.end), 'Start to end');
  if (transfers !== undefined)
    out.push({ key: 'transfers', label: 'Transfers', value: String(transfers), title: 'Child sessions' });
  return out;
}

/** When something happened, from the start: between whole seconds, as the log's offsets count. */
function offset(at: number | undefined, start: number | undefined): string | undefined {
  if (span(start, at) === undefined) return undefined;
  return formatDuration(clockElapsedMs(at!, start!));
}

function queueSentence(s: Session, facts: LogFact[], t: Times, live: boolean): StoryPart[] | undefined {
  const queued = first(facts, 'queue-entered');
  if (!queued) return undefined;
  const wait = waitMs(facts, t, live);
  const parts: StoryPart[] = [
    text(wait === undefined ? 'Waited in ' : `Waited ${formatDuration(wait)} in `),
    { text: queued.values[0] ?? '', value: true, lines: [queued.line] },
  ];
  const rung = all(facts, 'agent-rung').filter((f) => f.line > queued.line);
  const agents = new Set(rung.map((f) => f.values[0]));
  if (agents.size > 0) {
    parts.push(text(' while '), {
      text: `${plural(agents.size, 'agent')} ${agents.size === 1 ? 'was' : 'were'} rung`,
      lines: rung.map((f) => f.line),
    });
  }
  const unanswered = !s.answeredByName && !first(facts, 'answered');
  const nobody = unanswered ? 'nobody answered and ' : '';
  const abandoned = first(facts, 'abandoned-in-queue', queued.line);
  const voicemail = first(facts, 'voicemail', queued.line);
  const timeout = first(facts, 'queue-timeout', queued.line);
  if (abandoned)
    parts.push(text('; '), { text: `${nobody}the caller hung up while waiting`, lines: [abandoned.line] });
  else if (voicemail)
    parts.push(text('; '), { text: `${nobody}the caller was sent to voicemail`, lines: [voicemail.line] });
  else if (timeout)
    parts.push(text('; '), { text: 'the queue timed out with no agents available', lines: [timeout.line] });
  parts.push(text('.'));
  return parts;
}

function hungUpBy(who: string): StoryPart {
  const w = who.toLowerCase();
  return w === 'caller' || w === 'remote party' ? text(`the ${w}`) : value(who);
}

function answerSentence(s: Session, facts: LogFact[], t: Times, live: boolean): StoryPart[] | undefined {
  const answered = first(facts, 'answered');
  const name = s.answeredByName ?? answered?.values[0];
  if (!name) return undefined;
  const parts: StoryPart[] = [text('Answered by '), value(name)];
  const after = offset(answered?.at, t.start);
  if (answered && after !== undefined) parts.push({ text: ` after ${after}`, lines: [answered.line] });
  const from = answered?.line ?? -1;
  for (const transfer of all(facts, 'transfer').filter((f) => f.line > from)) {
    const at = offset(transfer.at, t.start);
    parts.push(text(', '), {
      text: `transferred to ${transfer.values[1] ?? ''}${at === undefined ? '' : ` at ${at}`}`,
      lines: [transfer.line],
    });
  }
  const hung = all(facts, 'hung-up').filter((f) => f.line > from);
  const last = hung[hung.length - 1];
  if (last) {
    // With its time: "…after 14:07, the caller hung up at 15:52, ended after 15:58" is a timeline.
    const at = offset(last.at, t.start);
    const hungUp = ` hung up${at === undefined ? '' : ` at ${at}`}`;
    parts.push(text(', '), { ...hungUpBy(last.values[0] ?? ''), lines: [last.line] }, text(hungUp));
  }
  const total = span(t.start, t.end);
  if (live) parts.push(text(', still going on'));
  else if (total !== undefined) parts.push(text(`, ended after ${formatDuration(total)}`));
  parts.push(text('.'));
  return parts;
}

/** The story of a session. Never throws; states only what the fields or a matching log line say. */
export function sessionStory(s: Session, { zone, now, transfers }: StoryOptions): SessionStory {
  const facts = logFacts(s.log);
  const live = isLive(s);
  const total = sessionDurationMs(s, now);
  const start = s.dateCreated?.ms;
  const t: Times = { start, end: start !== undefined && total !== undefined ? start + total : undefined };
  const sentences: StoryPart[][] = [opening(s, zone)];

  const parent = first(facts, 'transferred-from');
  if (parent?.values[0])
    sentences.push([
      text('Transferred from session '),
      { text: parent.values[0], session: parent.values[0], lines: [parent.line] },
      text('.'),
    ]);
  const queue = queueSentence(s, facts, t, live);
  if (queue) sentences.push(queue);
  const answer = answerSentence(s, facts, t, live);
  if (answer) sentences.push(answer);
  else if (live) sentences.push([text('Still going on.')]);
  else if (total !== undefined) sentences.push([text(`Ended after ${formatDuration(total)}.`)]);

  if (s.wasMissed === true) sentences.push([text('Missed.')]);
  const outcome = s.outcome;
  const said = (outcome === 'Answered' && answer) || (outcome === 'Missed' && s.wasMissed === true);
  if (outcome && !said) sentences.push([text('Outcome: '), value(outcome), text('.')]);

  return { sentences, figures: figures(s, facts, t, live, transfers) };
}

/** The story as plain text: one paragraph. */
export function storyText(story: SessionStory): string {
  return story.sentences.map((parts) => parts.map((p) => p.text).join('')).join(' ');
}

/** The key figures as one line: "Wait 1:46 · Talk 10:01 · Total 12:31". */
export function figuresText(story: SessionStory): string {
  return story.figures.map((f) => `${f.label} ${f.value}`).join(' · ');
}
