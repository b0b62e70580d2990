// One order for sessions under a sort field, for merging the live and archived parts of a result
// read whole under another sort than the date: each part arrives in the server's order, and the
// merged list must read as one. The comparator is the sandbox's (server/sandbox/list-sessions.ts):
// text compared case-insensitively (ASCII letters folded, as SQLite's NOCASE), missing values first
// when ascending, ties broken by id in the same direction. Evo Voice's database may collate text
// differently (accents, a culture's rules) or break ties otherwise; where it does, the merged list
// can differ from what one server-side sort of both stores would give, never in which rows it holds.
import type { SessionSummary } from './api/session';
import type { SortField } from './api/session-types';

type Key = string | number | undefined;

const foldAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

function keyOf(s: SessionSummary, field: SortField): Key {
  switch (field) {
    case 'dateCreated':
    case 'dateCompleted':
      return s[field]?.ms;
    case 'wasMissed':
      return s.wasMissed === undefined ? undefined : s.wasMissed ? 1 : 0;
    default: {
      const value = s[field];
      return typeof value === 'string' ? foldAscii(value) : undefined;
    }
  }
}

function compareKeys(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** Compares two sessions in the order a sort by `field` lists them. */
export function sessionComparator(field: SortField, desc: boolean) {
  const sign = desc ? -1 : 1;
  return (a: SessionSummary, b: SessionSummary): number =>
    sign * (compareKeys(keyOf(a, field), keyOf(b, field)) || compareKeys(a.id, b.id));
}

/**
 * The parts of a result, each in its server's order, merged into one list: at each step the first
 * remaining row of the parts that comes first under `sessionComparator(field, desc)`. A part's own
 * order is kept as the server gave it (where Evo Voice collates otherwise than the comparator, its
 * parts still read in its order), and the merge is linear: each key is read once. `partOf[i]` is
 * the part the merged row `i` came from.
 */
export function mergeParts(
  parts: readonly (readonly SessionSummary[])[],
  field: SortField,
  desc: boolean,
): { sessions: SessionSummary[]; partOf: number[] } {
  const sign = desc ? -1 : 1;
  const keyed = parts.map((part) => part.map((s) => ({ s, key: keyOf(s, field) })));
  const next = parts.map(() => 0);
  const sessions: SessionSummary[] = [];
  const partOf: number[] = [];
  for (;;) {
    let best = -1;
    for (let p = 0; p < keyed.length; p++) {
      const a = keyed[p]![next[p]!];
      if (!a) continue;
      const b = best < 0 ? undefined : keyed[best]![next[best]!]!;
      if (!b || sign * (compareKeys(a.key, b.key) || compareKeys(a.s.id, b.s.id)) < 0) best = p;
    }
    if (best < 0) return { sessions, partOf };
    sessions.push(keyed[best]![next[best]!]!.s);
    partOf.push(best);
    next[best]!++;
  }
}
