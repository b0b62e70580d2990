import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSummary } from './api/decode-page';
import { mergeKey, mergeOrder, sessionComparator } from './sort-order';
import type { SessionSummary } from './api/session';
import type { SortField } from './api/session-types';

const session = (id: string, fields: Record<string, unknown>) => decodeSummary({ id, ...fields }, id);

/** The parts merged, as sessions: what the scan's order reads as. */
function mergeParts(parts: SessionSummary[][], field: SortField, desc: boolean) {
  const all = parts.flat();
  const order = mergeOrder(
    parts.map((part) => part.map((s) => mergeKey(s, field))),
    desc,
  );
  return {
    sessions: Array.from(order, (i) => all[i]!),
    partOf: Array.from(order, (i) => (i < parts[0]!.length ? 0 : 1)),
  };
}

describe('the merge order of live and archived parts', () => {
  it('compares text case-insensitively, missing values first when ascending, ties by id', () => {
    const rows = [
      session('b', { customerName: 'acme' }),
      session('c', {}),
      session('a', { customerName: 'ACME' }),
      session('d', { customerName: 'Zeta' }),
      session('e', { customerName: 'beta' }),
    ];
    const asc = [...rows].sort(sessionComparator('customerName', false)).map((s) => s.id);
    expect(asc).toEqual(['c', 'a', 'b', 'e', 'd']);
    const desc = [...rows].sort(sessionComparator('customerName', true)).map((s) => s.id);
    expect(desc).toEqual([...asc].reverse());
  });

  it('folds ASCII letters only, whatever else a name holds', () => {
    const fold = (t: string) => [...t].map((c) => (c >= 'A' && c <= 'Z' ? c.toLowerCase() : c)).join('');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const [x, y] = [session('x', { customerName: a }), session('y', { customerName: b })];
        const expected = fold(a) === fold(b) ? -1 : fold(a) < fold(b) ? -1 : 1;
        expect(Math.sign(sessionComparator('customerName', false)(x, y))).toBe(expected);
      }),
      {
        examples: [
          ['École', 'école'],
          ['ÉCOLE', 'Ecole'],
          ['ABC', 'abd'],
        ],
      },
    );
  });

  it('orders dates and missed flags by value', () => {
    const rows = [
      session('x', { dateCompleted: '2026-12-05T10:00:00Z', wasMissed: true }),
      session('y', { dateCompleted: '2026-12-04T10:00:00Z', wasMissed: false }),
    ];
    expect([...rows].sort(sessionComparator('dateCompleted', false)).map((s) => s.id)).toEqual(['y', 'x']);
    expect([...rows].sort(sessionComparator('wasMissed', true)).map((s) => s.id)).toEqual(['x', 'y']);
  });

  it('is a total order: two sorted parts merge into the order of the whole, whatever the split', () => {
    const name = fc.option(fc.constantFrom('a', 'A', 'b', 'B', 'c', ''), { nil: undefined });
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.boolean()), { maxLength: 40 }), fc.boolean(), (rows, desc) => {
        const all = rows.map(([endpointName], i) =>
          session(`s${String(i).padStart(2, '0')}`, { endpointName }),
        );
        const compare = sessionComparator('endpointName', desc);
        const live = all.filter((_, i) => rows[i]![1]).sort(compare);
        const archived = all.filter((_, i) => !rows[i]![1]).sort(compare);
        expect([...live, ...archived].sort(compare)).toEqual([...all].sort(compare));
      }),
    );
  });

  const field = fc.constantFrom('customerName' as const, 'dateCompleted' as const, 'wasMissed' as const);
  const row = fc.record({
    customerName: fc.option(fc.constantFrom('acme', 'ACME', 'Zeta', 'beta', ''), { nil: undefined }),
    dateCompleted: fc.option(fc.constantFrom('2026-12-04T10:00:00Z', '2026-12-05T10:00:00Z'), {
      nil: undefined,
    }),
    wasMissed: fc.option(fc.boolean(), { nil: undefined }),
  });
  const parts = fc.array(fc.tuple(row, fc.boolean()), { maxLength: 40 }).map((rows) => {
    const all = rows.map(([fields], i) => session(`s${String(i).padStart(2, '0')}`, fields));
    return { all, inFirst: rows.map(([, first]) => first) };
  });

  it("merges parts sorted by the server into the comparator's order of the whole", () => {
    fc.assert(
      fc.property(parts, field, fc.boolean(), ({ all, inFirst }, f, desc) => {
        const compare = sessionComparator(f, desc);
        const live = all.filter((_, i) => inFirst[i]).sort(compare);
        const archived = all.filter((_, i) => !inFirst[i]).sort(compare);
        expect(mergeParts([live, archived], f, desc).sessions).toEqual([...all].sort(compare));
      }),
    );
  });

  it("keeps each part in its server's order, even where the server collates otherwise", () => {
    fc.assert(
      fc.property(parts, field, fc.boolean(), ({ all, inFirst }, f, desc) => {
        // Parts in an order of their own (as a server with another collation may give them).
        const live = all.filter((_, i) => inFirst[i]);
        const archived = all.filter((_, i) => !inFirst[i]).reverse();
        const { sessions: merged, partOf } = mergeParts([live, archived], f, desc);
        expect(merged).toHaveLength(all.length);
        expect(merged.filter((s) => live.includes(s))).toEqual(live);
        expect(merged.filter((s) => archived.includes(s))).toEqual(archived);
        expect(merged.map((s) => (live.includes(s) ? 0 : 1))).toEqual(partOf);
      }),
    );
  });
});
