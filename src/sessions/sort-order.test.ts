import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSummary } from './api/decode-page';
import { sessionComparator, sortSessions } from './sort-order';

const session = (id: string, fields: Record<string, unknown>) => decodeSummary({ id, ...fields }, id);

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

  it("sorts a whole result in the comparator's order, reading each key once", () => {
    const field = fc.constantFrom('customerName' as const, 'dateCompleted' as const, 'wasMissed' as const);
    const row = fc.record({
      customerName: fc.option(fc.constantFrom('acme', 'ACME', 'Zeta', 'beta', ''), { nil: undefined }),
      dateCompleted: fc.option(fc.constantFrom('2026-12-04T10:00:00Z', '2026-12-05T10:00:00Z'), {
        nil: undefined,
      }),
      wasMissed: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), field, fc.boolean(), (rows, f, desc) => {
        const all = rows.map((fields, i) => session(`s${String(i).padStart(2, '0')}`, fields));
        const sorted = sortSessions(all, f, desc);
        expect(sorted).toEqual([...all].sort(sessionComparator(f, desc)));
        // A new array: the scan's own list is left as it came.
        expect(sorted).not.toBe(all);
      }),
    );
  });
});
