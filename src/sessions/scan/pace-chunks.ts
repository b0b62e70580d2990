// Paces a scan's chunks on their way to the table. Each chunk handed on is one reducer step and one
// React commit of the table, its status and its counts; pages can arrive several times a second,
// and a commit per page keeps the main thread busy while the user scrolls the partial result. So
// chunks are handed on at most once per interval, those that arrive in between merged into one.
// What arrives first goes on at once (the first rows and the first matches show as soon as they
// are found), and so does the last chunk (done: the final counts and the merge order). A page's
// matches cross from the worker in pieces (splitChunk), put together again here.
import type { ScanChunk } from './scan-protocol';

/** At most one commit of the scan's progress per this many ms while it runs (a few a second). */
export const SCAN_COMMIT_MS = 250;

/**
 * `b` after `a` as one chunk of the same request: their matches in order, the running figures
 * (cumulative in every chunk) as `b` has them.
 */
export function mergeChunks(a: ScanChunk, b: ScanChunk): ScanChunk {
  return { ...b, matches: a.matches.length ? a.matches.concat(b.matches) : b.matches };
}

/**
 * Matches per message from the worker. The main thread deserializes a message in one task: a
 * page's thousand summaries at once would be a long one, a few pieces of it are short ones.
 */
export const PIECE_SIZE = 250;

/**
 * A chunk as the messages the worker posts: its matches in pieces, all but the last marked `more`
 * (and none of those done: the last piece ends the scan).
 */
export function splitChunk(chunk: ScanChunk, size = PIECE_SIZE): ScanChunk[] {
  const { matches } = chunk;
  if (matches.length <= size) return [chunk];
  const pieces: ScanChunk[] = [];
  for (let from = 0; from < matches.length; from += size) {
    const piece = matches.slice(from, from + size);
    pieces.push(
      from + size < matches.length
        ? { ...chunk, matches: piece, done: false, limit: undefined, order: undefined, more: true }
        : { ...chunk, matches: piece },
    );
  }
  return pieces;
}

export interface ChunkPacer {
  push: (chunk: ScanChunk) => void;
  /** Hands on what is held now (before a failure is told: the matches found before it stay). */
  flush: () => void;
  /** Drops what is held and its timer (the scan was stopped: what is shown is what it keeps). */
  cancel: () => void;
}

interface Clock {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/**
 * Hands chunks pushed to `emit`, paced: a chunk that finds nothing emitted in the last
 * `intervalMs` goes at once, the others wait for the interval's end, merged. Chunks of different
 * requests are not merged (a chunk's matches belong to its one `part`): at a request's end the
 * held chunks go together, one per request. Never more than `intervalMs` late, never out of order.
 */
export function chunkPacer(
  emit: (chunk: ScanChunk) => void,
  intervalMs = SCAN_COMMIT_MS,
  clock = realClock,
): ChunkPacer {
  let held: ScanChunk[] = [];
  let lastEmit = -Infinity;
  let timer: unknown;
  // No match emitted yet: the first ones go at once, whatever the interval.
  let matchesShown = false;

  const flush = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    const out = held;
    held = [];
    lastEmit = clock.now();
    for (const chunk of out) {
      if (chunk.matches.length) matchesShown = true;
      emit(chunk);
    }
  };

  return {
    push(chunk) {
      const last = held.at(-1);
      if (last && last.part === chunk.part) held[held.length - 1] = mergeChunks(last, chunk);
      else held.push(chunk);
      // A piece of a page waits for the rest, which follows at once.
      if (chunk.more) return;
      const wait = lastEmit + intervalMs - clock.now();
      if (chunk.done || wait <= 0 || (!matchesShown && chunk.matches.length > 0)) flush();
      else timer ??= clock.setTimeout(flush, wait);
    },
    flush: () => {
      if (held.length) flush();
    },
    cancel() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      held = [];
    },
  };
}
