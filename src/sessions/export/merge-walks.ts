// The parts of a result read side by side and written as one order: under another sort than the
// date, a result of both stores is two walks (walk-result.ts), each in its server's order, merged
// as they go. A part is read a page at a time, only once its rows are written, so memory stays a
// page per part (and the pages each walk asks ahead) however large the result.
import type { WalkProgress } from './walk-result';

type Walk<T> = AsyncGenerator<{ sessions: T[]; progress: WalkProgress }>;

interface Part<T> {
  walk: Walk<T>;
  rows: T[];
  at: number;
  done: boolean;
  progress: WalkProgress;
}

/** The parts' progress as one: their sums, the total once every part has counted its own. */
function sumProgress(parts: readonly Part<unknown>[]): WalkProgress {
  let read = 0;
  let kept = 0;
  let total: number | undefined = 0;
  for (const { progress } of parts) {
    read += progress.read;
    kept += progress.kept;
    total = total === undefined || progress.total === undefined ? undefined : total + progress.total;
  }
  return { read, kept, total };
}

/**
 * Yields the sessions of every walk in one order: at each step the first remaining session of the
 * parts, as `compare` orders them (a part's own order is kept as its server gave it). Each yield
 * holds what can be written before a part needs its next page, possibly nothing while a part's
 * pages keep none (refinements), so the progress still moves.
 */
export async function* mergeWalks<T>(
  walks: readonly Walk<T>[],
  compare: (a: T, b: T) => number,
): AsyncGenerator<{ sessions: T[]; progress: WalkProgress }> {
  const parts: Part<T>[] = walks.map((walk) => ({
    walk,
    rows: [],
    at: 0,
    done: false,
    progress: { read: 0, kept: 0, total: undefined },
  }));
  const empty = (p: Part<T>) => p.at >= p.rows.length;
  try {
    for (;;) {
      // Every part whose rows are written reads its next page, side by side.
      const reads = await Promise.allSettled(
        parts
          .filter((p) => !p.done && empty(p))
          .map(async (p) => {
            const next = await p.walk.next();
            if (next.done) p.done = true;
            else [p.rows, p.at, p.progress] = [next.value.sessions, 0, next.value.progress];
          }),
      );
      const failed = reads.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      if (parts.every((p) => p.done && empty(p))) return;

      // Rows go out while every part still reading has one to compare.
      const sessions: T[] = [];
      while (parts.every((p) => p.done || !empty(p))) {
        let best: Part<T> | undefined;
        for (const p of parts)
          if (!empty(p) && (!best || compare(p.rows[p.at]!, best.rows[best.at]!) < 0)) best = p;
        if (!best) break;
        sessions.push(best.rows[best.at++]!);
      }
      yield { sessions, progress: sumProgress(parts) };
    }
  } finally {
    // A failure or a cancel ends every walk: their requests in flight are dropped.
    await Promise.all(walks.map((w) => w.return(undefined)));
  }
}
