import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeWalks } from './merge-walks';
import type { WalkProgress } from './walk-result';

interface Row {
  key: number;
  id: string;
}

const compare = (desc: boolean) => (a: Row, b: Row) =>
  (desc ? -1 : 1) * (a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * A part's walk as the export reads it: its rows in pages of `size`, keeping what `keep` says, with
 * the progress so far (its total known from the first page). `pulled` counts the pages read.
 */
async function* walkOf(rows: Row[], size: number, keep: (r: Row) => boolean, pulled: { pages: number }) {
  const progress: WalkProgress = { read: 0, kept: 0, total: rows.length };
  for (let at = 0; at < rows.length || at === 0; at += size) {
    pulled.pages += 1;
    const page = rows.slice(at, at + size);
    const sessions = page.filter(keep);
    progress.read += page.length;
    progress.kept += sessions.length;
    yield { sessions, progress: { ...progress } };
    if (page.length === 0) return;
  }
}

const rowsArb = (prefix: string) =>
  fc
    .array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 })
    .map((keys) => keys.map((key, i) => ({ key, id: `${prefix}${String(i).padStart(3, '0')}` })));

describe('mergeWalks', () => {
  it('writes the parts in one order, each page read only when needed, with their progress summed', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArb('a'),
        rowsArb('b'),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        async (a, b, sizeA, sizeB, desc, every) => {
          const order = compare(desc);
          const parts = [[...a].sort(order), [...b].sort(order)];
          // Refinements keep some rows: pages can hold none.
          const keep = (r: Row) => r.key % every === 0;
          const pulled = [{ pages: 0 }, { pages: 0 }];
          const sizes = [sizeA, sizeB];
          const written: Row[] = [];
          let last: WalkProgress | undefined;
          for await (const { sessions, progress } of mergeWalks(
            parts.map((rows, i) => walkOf(rows, sizes[i]!, keep, pulled[i]!)),
            order,
          )) {
            written.push(...sessions);
            last = progress;
            // Memory stays a page per part: what was read and kept, less what was written.
            expect(progress.kept - written.length).toBeLessThanOrEqual(sizeA + sizeB);
          }
          expect(written).toEqual([...a, ...b].filter(keep).sort(order));
          expect(last).toEqual({
            read: a.length + b.length,
            kept: written.length,
            total: a.length + b.length,
          });
        },
      ),
    );
  });

  it('fails when a part fails, and ends the other walk', async () => {
    const pulled = { pages: 0 };
    let ended = false;
    async function* healthy() {
      try {
        yield* walkOf(
          Array.from({ length: 50 }, (_, i) => ({ key: i, id: `a${i}` })),
          5,
          () => true,
          pulled,
        );
      } finally {
        ended = true;
      }
    }
    async function* failing() {
      yield { sessions: [{ key: 3, id: 'b0' }], progress: { read: 1, kept: 1, total: 9 } };
      throw new Error('the archive is down');
    }
    const written: Row[] = [];
    await expect(async () => {
      for await (const { sessions } of mergeWalks([healthy(), failing()], compare(false)))
        written.push(...sessions);
    }).rejects.toThrow('the archive is down');
    expect(written.map((r) => r.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'b0']);
    expect(ended).toBe(true);
    expect(pulled.pages).toBeLessThan(10);
  });
});
