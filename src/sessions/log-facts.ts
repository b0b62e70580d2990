// Facts read from a session's flow log. The log is Evo Voice's flow output, free text: a fact is
// taken from it only when a line matches one of the patterns below, whole, and is left out
// otherwise (never guessed). Each fact keeps the index of its line, so the story can link to it.
//
// To teach the story a new wording, add a row: its kind, a pattern over the whole message, and an
// example line (log-facts.test.ts checks that every example matches its own row and no earlier one).
// The first row that matches a line wins, so the more specific rows come first.
import type { SessionLogEntry } from './api/session';

export type LogFactKind =
  | 'transferred-from'
  | 'queue-entered'
  | 'agent-rung'
  | 'answered'
  | 'hold'
  | 'resumed'
  | 'transfer'
  | 'abandoned-in-queue'
  | 'hung-up'
  | 'voicemail'
  | 'queue-timeout';

export interface LogPattern {
  kind: LogFactKind;
  /** Text every matching line contains: a cheap test first, as most lines of a long log match nothing. */
  needle: string;
  /** Matched against the whole message; its groups are the fact's values. */
  pattern: RegExp;
  example: string;
}

export const LOG_PATTERNS: readonly LogPattern[] = [
  // Values: the parent session's id.
  {
    kind: 'transferred-from',
    needle: 'Transferred from session ',
    pattern: /^Transferred from session ([\w-]{1,128})(?:[:.,](?: .*)?)?$/,
    example: 'Transferred from session 3f9a0c1b2d4e5f60000001a2: call from +15035550100 arrived',
  },
  // Values: the queue's name.
  {
    kind: 'queue-entered',
    needle: 'Entered queue "',
    pattern: /^Entered queue "(.+)" at position \d+$/,
    example: 'Entered queue "Support Queue" at position 3',
  },
  // Values: the agent's name (without the extension).
  {
    kind: 'agent-rung',
    needle: 'Ringing agent ',
    pattern: /^Ringing agent (.+?)(?: \(ext [^)]*\))?$/,
    example: 'Ringing agent Olivia Cohen (ext 104)',
  },
  // Values: who answered.
  {
    kind: 'answered',
    needle: 'Call answered by ',
    pattern: /^Call answered by (.+)$/,
    example: 'Call answered by Olivia Cohen',
  },
  // Values: who put the call on hold / took it back.
  {
    kind: 'hold',
    needle: ' on hold',
    pattern: /^(.+) placed the (?:caller|call) on hold$/,
    example: 'Olivia Cohen placed the caller on hold',
  },
  {
    kind: 'resumed',
    needle: ' resumed the call',
    pattern: /^(.+) resumed the call$/,
    example: 'Olivia Cohen resumed the call',
  },
  // Values: who transferred, and to whom.
  {
    kind: 'transfer',
    needle: 'transfer to ',
    pattern: /^(.+) started a (?:warm |cold |blind )?transfer to (.+)$/,
    example: 'Olivia Cohen started a warm transfer to Billing',
  },
  {
    kind: 'abandoned-in-queue',
    needle: 'while waiting in queue',
    pattern: /^Caller hung up while waiting in queue$/,
    example: 'Caller hung up while waiting in queue',
  },
  // Values: who hung up ("Caller", "Remote party", an agent's name).
  { kind: 'hung-up', needle: ' hung up', pattern: /^(.+) hung up$/, example: 'Caller hung up' },
  {
    kind: 'voicemail',
    needle: 'Sent caller to voicemail',
    pattern: /^Sent caller to voicemail$/,
    example: 'Sent caller to voicemail',
  },
  {
    kind: 'queue-timeout',
    needle: 'Queue timed out',
    pattern: /^Queue timed out: no agents available$/,
    example: 'Queue timed out: no agents available',
  },
];

export interface LogFact {
  kind: LogFactKind;
  /** Index of the line in the session's log. */
  line: number;
  /** Epoch ms of the line, when its date could be read. */
  at: number | undefined;
  values: string[];
}

/** The first pattern matching a message, or undefined. */
export function matchLogLine(message: string): { kind: LogFactKind; values: string[] } | undefined {
  for (const { kind, pattern, needle } of LOG_PATTERNS) {
    if (!message.includes(needle)) continue;
    const m = pattern.exec(message);
    if (m) return { kind, values: m.slice(1).map((v) => v ?? '') };
  }
  return undefined;
}

// A log is read once: the drawer, its copied summary and a live session's ticking figures all ask
// again for the same (immutable) log array; a 5,000-line log costs tens of milliseconds to match.
const cache = new WeakMap<readonly SessionLogEntry[], LogFact[]>();

/** Every fact the log states, in log order. */
export function logFacts(log: readonly SessionLogEntry[]): LogFact[] {
  const cached = cache.get(log);
  if (cached) return cached;
  const facts: LogFact[] = [];
  log.forEach((entry, line) => {
    // Flow lines are short; a very long message is not one of them and costs the regexes time.
    if (entry.message.length > 500) return;
    const match = matchLogLine(entry.message);
    if (match) facts.push({ ...match, line, at: entry.date?.ms });
  });
  cache.set(log, facts);
  return facts;
}
