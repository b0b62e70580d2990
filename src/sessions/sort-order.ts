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

// ASCII letters only, as SQLite's NOCASE (É stays É). Most names are plain ASCII, where the native
// toLowerCase is the same fold and many times faster than a replace: a merge reads 20,000 of them.
const foldAscii = (text: string) =>
  // eslint-disable-next-line no-control-regex -- the ASCII range itself
  /[^\x00-\x7f]/.test(text) ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : text.toLowerCase();

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

/** What the merge compares a session by: its key under the sort field, then its id. */
export interface MergeKey {
  key: Key;
  id: string;
}

export const mergeKey = (s: SessionSummary, field: SortField): MergeKey => ({
  key: keyOf(s, field),
  id: s.id,
});

/**
 * The parts of a result, each in its server's order, merged into one: the indexes of their rows
 * (counted through the parts one after the other) in merged order. At each step the first remaining
 * row of the parts that comes first, as `sessionComparator(field, desc)` compares them. A part's
 * own order is kept as the server gave it (where Evo Voice collates otherwise than the comparator,
 * its parts still read in its order), and the merge is linear.
 */
export function mergeOrder(parts: readonly (readonly MergeKey[])[], desc: boolean): Uint32Array {
  const sign = desc ? -1 : 1;
  const starts: number[] = [];
  let total = 0;
  for (const part of parts) {
    starts.push(total);
    total += part.length;
  }
  const next = parts.map(() => 0);
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i++) {
    let best = -1;
    for (let p = 0; p < parts.length; p++) {
      const a = parts[p]![next[p]!];
      if (!a) continue;
      const b = best < 0 ? undefined : parts[best]![next[best]!]!;
      if (!b || sign * (compareKeys(a.key, b.key) || compareKeys(a.id, b.id)) < 0) best = p;
    }
    order[i] = starts[best]! + next[best]!++;
  }
  return order;
}
