import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SessionSummary } from '../api/session';
import { emptyCounts } from '../refinements';
import { chunkPacer, mergeChunks, splitChunk } from './pace-chunks';
import { EMPTY_SCAN, reduceScan, type ScanChunk } from './scan-protocol';

/** A clock whose time moves only when told, with the timers it runs. */
function fakeClock() {
  let now = 0;
  const timers: { at: number; run: () => void; id: number }[] = [];
  let ids = 0;
  return {
    now: () => now,
    setTimeout: (run: () => void, ms: number) => {
      const id = ++ids;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (id: unknown) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > until) break;
        timers.shift();
        now = next.at;
        next.run();
      }
      now = until;
    },
  };
}

const session = (id: string) => ({ id }) as SessionSummary;

/** Page `n` of request `part`: `found` matches, the running figures after it. */
function page(
  part: number,
  n: number,
  found: number,
  scanned: number,
  matched: number,
  done = false,
): ScanChunk {
  return {
    matches: Array.from({ length: found }, (_, i) => session(`r${part}p${n}m${i}`)),
    part,
    scanned,
    total: 1000,
    matched,
    counts: emptyCounts(),
    matchCounts: emptyCounts(),
    done,
  };
}

function paced(interval = 250) {
  const clock = fakeClock();
  const out: ScanChunk[] = [];
  const pacer = chunkPacer((c) => out.push(c), interval, clock);
  return { clock, out, pacer };
}

describe('chunkPacer', () => {
  it('hands the first chunk on at once, then at most one per interval, merged', () => {
    const { clock, out, pacer } = paced();
    pacer.push(page(0, 0, 2, 100, 2));
    expect(out).toHaveLength(1);
    clock.advance(50);
    pacer.push(page(0, 1, 3, 200, 5));
    clock.advance(50);
    pacer.push(page(0, 2, 1, 300, 6));
    expect(out).toHaveLength(1);
    clock.advance(150);
    // One chunk for the two pages, with their matches in order and the later figures.
    expect(out).toHaveLength(2);
    expect(out[1]!.matches.map((s) => s.id)).toEqual(['r0p1m0', 'r0p1m1', 'r0p1m2', 'r0p2m0']);
    expect(out[1]).toMatchObject({ scanned: 300, matched: 6, part: 0, done: false });
  });

  it('hands the last chunk on at once, with what was held', () => {
    const { clock, out, pacer } = paced();
    pacer.push(page(0, 0, 1, 100, 1));
    clock.advance(10);
    pacer.push(page(0, 1, 1, 200, 2));
    clock.advance(10);
    pacer.push(page(0, 2, 0, 250, 2, true));
    expect(out.map((c) => c.done)).toEqual([false, true]);
    expect(out[1]!.matches.map((s) => s.id)).toEqual(['r0p1m0']);
    clock.advance(1000);
    expect(out).toHaveLength(2);
  });

  it('does not hold back the first matches of a scan that found none at first', () => {
    const { clock, out, pacer } = paced();
    pacer.push(page(0, 0, 0, 100, 0));
    clock.advance(20);
    pacer.push(page(0, 1, 2, 200, 2));
    expect(out).toHaveLength(2);
    expect(out[1]!.matches).toHaveLength(2);
    // Later matches are paced again.
    clock.advance(20);
    pacer.push(page(0, 2, 2, 300, 4));
    expect(out).toHaveLength(2);
  });

  it('keeps the matches of different requests apart', () => {
    const { clock, out, pacer } = paced();
    pacer.push(page(0, 0, 1, 100, 1));
    clock.advance(10);
    pacer.push(page(0, 1, 2, 200, 3));
    pacer.push(page(1, 0, 1, 300, 4));
    clock.advance(240);
    expect(out.map((c) => [c.part, c.matches.length])).toEqual([
      [0, 1],
      [0, 2],
      [1, 1],
    ]);
  });

  it('flush hands on what is held (before a failure); cancel drops it (Stop)', () => {
    const a = paced();
    a.pacer.push(page(0, 0, 1, 100, 1));
    a.pacer.push(page(0, 1, 1, 200, 2));
    a.pacer.flush();
    expect(a.out.map((c) => c.scanned)).toEqual([100, 200]);
    a.pacer.flush();
    expect(a.out).toHaveLength(2);

    const b = paced();
    b.pacer.push(page(0, 0, 1, 100, 1));
    b.pacer.push(page(0, 1, 1, 200, 2));
    b.pacer.cancel();
    b.clock.advance(1000);
    expect(b.out.map((c) => c.scanned)).toEqual([100]);
  });

  it('reduces to the same state as the chunks unpaced, whatever their timing', () => {
    // Requests of a few pages each, arriving at arbitrary gaps: every match kept, in order, with
    // the right number per request, and the last figures.
    const arb = fc.array(
      fc.array(fc.record({ found: fc.nat(4), gap: fc.nat(600) }), { minLength: 1, maxLength: 6 }),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(arb, (requests) => {
        const chunks: ScanChunk[] = [];
        const gaps: number[] = [];
        let matched = 0;
        requests.forEach((pages, part) =>
          pages.forEach(({ found, gap }, n) => {
            matched += found;
            chunks.push(page(part, n, found, chunks.length * 100 + 100, matched));
            gaps.push(gap);
          }),
        );
        chunks[chunks.length - 1]!.done = true;
        const clock = fakeClock();
        const out: ScanChunk[] = [];
        const shownAt = new Map<string, number>();
        const pacer = chunkPacer(
          (c) => {
            out.push(c);
            for (const s of c.matches) shownAt.set(s.id, clock.now());
          },
          250,
          clock,
        );
        const foundAt = new Map<string, number>();
        chunks.forEach((c, i) => {
          clock.advance(gaps[i]!);
          for (const s of c.matches) foundAt.set(s.id, clock.now());
          // As the worker posts them: a page's matches in pieces.
          for (const piece of splitChunk(c, 2)) pacer.push(piece);
        });
        // No match waits longer than the interval to be handed on.
        for (const [id, at] of foundAt) expect(shownAt.get(id)! - at).toBeLessThanOrEqual(250);
        const direct = chunks.reduce(reduceScan, EMPTY_SCAN);
        const viaPacer = out.reduce(reduceScan, EMPTY_SCAN);
        expect(viaPacer.matches.map((s) => s.id)).toEqual(direct.matches.map((s) => s.id));
        expect(viaPacer.partSizes).toEqual(direct.partSizes);
        expect(viaPacer).toMatchObject({ scanned: direct.scanned, matched: direct.matched, done: true });
        expect(out.at(-1)!.done).toBe(true);
      }),
    );
  });
});

describe('splitChunk', () => {
  it('posts a page in pieces that the pacer puts together before anything is handed on', () => {
    const chunk = { ...page(0, 0, 7, 100, 7, true), order: Uint32Array.from([6, 5, 4, 3, 2, 1, 0]) };
    const pieces = splitChunk(chunk, 3);
    expect(pieces.map((p) => [p.matches.length, p.more ?? false, p.done, p.order !== undefined])).toEqual([
      [3, true, false, false],
      [3, true, false, false],
      [1, false, true, true],
    ]);
    expect(splitChunk(page(0, 0, 3, 100, 3), 3)).toHaveLength(1);

    // Even the scan's first page waits for its last piece.
    const { out, pacer } = paced();
    pacer.push(pieces[0]!);
    pacer.push(pieces[1]!);
    expect(out).toHaveLength(0);
    pacer.push(pieces[2]!);
    expect(out).toHaveLength(1);
    expect(out[0]!.matches).toEqual(chunk.matches);
    expect(out[0]).toMatchObject({ done: true, order: chunk.order });
    expect(out[0]!.more).toBeFalsy();
  });
});

describe('mergeChunks', () => {
  it('appends the matches and takes the later figures', () => {
    const merged = mergeChunks(page(1, 0, 2, 100, 2), { ...page(1, 1, 1, 200, 3), limit: 'matches' });
    expect(merged.matches.map((s) => s.id)).toEqual(['r1p0m0', 'r1p0m1', 'r1p1m0']);
    expect(merged).toMatchObject({ part: 1, scanned: 200, matched: 3, limit: 'matches' });
  });
});
