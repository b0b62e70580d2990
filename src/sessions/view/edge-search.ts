// Where a window of instants begins and ends inside a result sorted by date, found by probing a
// few rows per round instead of reading the result: a day of 10,000 sessions costs a few rounds of
// small requests. The caller owns the requests (`probe`); this module only decides which indexes
// to ask for and what the answers mean.
//
// Order. `desc` (the API's default, newest first) or `asc`. The slice `[first, end)` holds exactly
// the rows with `startMs <= ms < endMs`.
//
// Rows without a usable date (`ms` undefined or NaN) are read as older than every date: SQLite
// (the sandbox) and SQL Server sort NULL first ascending and last descending, so that is where such
// rows sit, and they are never inside a window. A requested index the probe does not answer is read as past the end of the
// result (the result shrank while it was searched).
//
// Each edge is a bracket `(f, t]`: `f` is the last index known to lie before the edge, `t` the
// first known to lie at or past it. Each round asks, for every open edge, half its probes evenly
// across the bracket (so a round always divides it) and half close to where linear interpolation
// by time puts the edge (so smooth data converge in two or three rounds). All probes of a round go
// out in one call, and every answer narrows both edges. Answers that contradict what is known
// (the result moved underneath) are ignored; the caller checks rows against the window anyway.
import type { InstantWindow } from './covering-days';

export interface Sample {
  index: number;
  /** The row's dateCreated in ms; undefined or NaN when it has none that parses. */
  ms: number | undefined;
}

export interface EdgeSearchOptions {
  /** Rows in the result. */
  total: number;
  window: InstantWindow;
  order?: 'desc' | 'asc';
  /**
   * Fetches rows at these indexes. It may answer more indexes than asked (a whole small page
   * around each): every sample is used.
   */
  probe: (indexes: number[]) => Promise<Sample[]>;
  /** Rows already at hand (row 0 from the count request, say). */
  known?: Sample[];
  /** The instants the result is believed to span (its covering days), for the first estimate. */
  timeSpan?: InstantWindow;
  /**
   * Probes per round for each edge still open. One asks only where interpolation puts the edge (the
   * middle of its bracket instead, after a round that did not halve it): fewest requests for many
   * edges searched at once, more rounds for one.
   */
  probesPerRound?: number;
  /** A bound on rounds, against a probe that misbehaves. */
  maxRounds?: number;
  signal?: AbortSignal;
  /** Called once per edge as soon as it is known: rows can show before the other edge is found. */
  onEdge?: (edge: 'first' | 'end', index: number) => void;
}

export interface EdgeSearchResult {
  /** First row inside the window. */
  first: number;
  /** First row past the window (`first` when it is empty). */
  end: number;
  rounds: number;
  /** Distinct indexes asked for. */
  probed: number;
}

interface Edge {
  name: 'first' | 'end';
  /** The threshold: rows with this value or past it in reading order lie at or past the edge. */
  x: number;
  f: number;
  t: number;
  reported: boolean;
  /** Rows still unknown when the last round asked for this edge (one probe a round). */
  unknownBefore?: number;
}

export const DEFAULT_PROBES_PER_ROUND = 8;

export async function searchWindowEdges(options: EdgeSearchOptions): Promise<EdgeSearchResult> {
  const { total, window, probe, signal, onEdge } = options;
  const desc = (options.order ?? 'desc') === 'desc';
  const k = Math.max(1, Math.floor(options.probesPerRound ?? DEFAULT_PROBES_PER_ROUND));
  const maxRounds = options.maxRounds ?? 64;
  const values = new Map<number, number>();

  // Is a row of value v at or past threshold x in reading order?
  const past = (v: number, x: number) => (desc ? v < x : v >= x);
  const edges: Edge[] = [
    { name: 'first', x: desc ? window.endMs : window.startMs, f: -1, t: total, reported: false },
    { name: 'end', x: desc ? window.startMs : window.endMs, f: -1, t: total, reported: false },
  ];
  for (const edge of edges) {
    // An infinite threshold puts every row on one side of it: no probe needed.
    if (edge.x === -Infinity || edge.x === Infinity) {
      const allPast = desc ? edge.x === Infinity : edge.x === -Infinity;
      if (allPast) edge.t = 0;
      else edge.f = total - 1;
    }
  }

  const learn = (index: number, v: number) => {
    values.set(index, v);
    for (const edge of edges) {
      const p = past(v, edge.x);
      if (p && index < edge.t && index > edge.f) edge.t = index;
      if (!p && index > edge.f && index < edge.t) edge.f = index;
    }
  };
  const noDate = -Infinity;
  const noRow = desc ? -Infinity : Infinity;
  for (const s of options.known ?? []) {
    if (Number.isInteger(s.index) && s.index >= 0 && s.index < total)
      learn(s.index, Number.isFinite(s.ms) ? (s.ms as number) : noDate);
  }

  const report = () => {
    for (const edge of edges) {
      if (!edge.reported && edge.t === edge.f + 1) {
        edge.reported = true;
        onEdge?.(edge.name, edge.t);
      }
    }
  };
  report();

  // The value at index i for interpolation: a known row, else the span's bound past either end.
  const span = options.timeSpan;
  const valueAt = (i: number): number | undefined => {
    if (i < 0) return span && (desc ? span.endMs : span.startMs);
    if (i >= total) return span && (desc ? span.startMs : span.endMs);
    return values.get(i);
  };

  let rounds = 0;
  const asked = new Set<number>();
  while (edges.some((e) => e.t > e.f + 1) && rounds < maxRounds) {
    signal?.throwIfAborted();
    const wanted = new Set<number>();
    for (const edge of edges) {
      for (const i of probesFor(edge, k, total, valueAt)) if (!values.has(i)) wanted.add(i);
    }
    if (!wanted.size) break;
    const indexes = [...wanted].sort((a, b) => a - b);
    for (const i of indexes) asked.add(i);
    const answers = await probe(indexes);
    signal?.throwIfAborted();
    rounds++;
    const answered = new Set<number>();
    for (const s of answers) {
      if (!Number.isInteger(s.index) || s.index < 0 || s.index >= total) continue;
      answered.add(s.index);
      learn(s.index, Number.isFinite(s.ms) ? (s.ms as number) : noDate);
    }
    for (const i of indexes) if (!answered.has(i)) learn(i, noRow);
    report();
  }

  const first = edges[0]!.t;
  const end = Math.max(first, edges[1]!.t);
  return { first, end, rounds, probed: asked.size };
}

/** The indexes to ask for one edge in one round. */
function probesFor(
  edge: Edge,
  k: number,
  total: number,
  valueAt: (i: number) => number | undefined,
): number[] {
  const { f, t, x } = edge;
  const unknown = t - f - 1;
  if (unknown <= 0) return [];
  if (unknown <= k) return Array.from({ length: unknown }, (_, j) => f + 1 + j);

  // The result's own first and last rows, while unseen: they replace the guessed span in the
  // interpolation, and settle at once an edge that lies at either end (a window holding the whole
  // result, or one it does not reach).
  const out: number[] = [];
  if (f < 0) out.push(0);
  if (t >= total) out.push(total - 1);
  const even = Math.floor(k / 2);
  for (let j = 1; j <= even; j++) out.push(f + Math.round((j * (t - f)) / (even + 1)));

  // Where the edge would be if time ran linearly across the bracket.
  const vf = valueAt(f);
  const vt = valueAt(t);
  // With one probe a round there is no even probe to bound the rounds: a round whose interpolated
  // probe left more than half the bracket is followed by one at its middle.
  const stalled = k === 1 && edge.unknownBefore !== undefined && unknown > edge.unknownBefore / 2;
  edge.unknownBefore = unknown;
  let fraction = 0.5;
  if (
    !stalled &&
    vf !== undefined &&
    vt !== undefined &&
    Number.isFinite(vf) &&
    Number.isFinite(vt) &&
    vf !== vt
  )
    fraction = Math.min(1, Math.max(0, (x - vf) / (vt - vf)));
  const estimate = f + fraction * (t - f);
  const near = k - even;
  // A narrow band around the estimate: a hit leaves a bracket of width/near rows.
  const width = Math.max(near, unknown / (4 * (even + 1)));
  for (let j = 0; j < near; j++) {
    const offset = near === 1 ? 0 : (j / (near - 1) - 0.5) * width;
    out.push(Math.round(estimate + offset));
  }
  return out.map((i) => Math.min(t - 1, Math.max(f + 1, i)));
}
