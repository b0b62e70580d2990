import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSummary } from './api/decode-page';
import { sessionComparator } from './sort-order';

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
});
