// first-rows.ts lays out the first rows from column-defs.ts alone; the app, through its TanStack
// table. They must agree on which columns show, in what order and how wide, whatever is stored.
import { renderHook } from '@testing-library/react';
import { useTable } from '@tanstack/react-table';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columns, tableFeatureSet } from './columns';
import { COLUMN_META, DEFAULT_VISIBILITY, shownColumns } from './column-defs';
import { COLUMN_SIZES, COLUMN_VISIBILITY } from '../preference-values';

const ids = Object.keys(COLUMN_META);

describe('the columns shown', () => {
  it('are those of the TanStack table, for any stored visibility and widths', () => {
    // What was stored, by this version or another: flags and widths in and out of range, and junk.
    const value = fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 2500 }), fc.double(), fc.anything());
    const stored = fc.dictionary(fc.constantFrom(...ids, 'gone', '__proto__'), value);
    fc.assert(
      fc.property(stored, stored, (rawVisibility, rawSizes) => {
        // Stored values pass through the same validation as in the app.
        const visibility = COLUMN_VISIBILITY.parse(rawVisibility) ?? {};
        const sizes = COLUMN_SIZES.parse(rawSizes) ?? {};
        const { result } = renderHook(() =>
          useTable({
            features: tableFeatureSet,
            columns,
            data: [],
            state: { columnVisibility: { ...DEFAULT_VISIBILITY, ...visibility }, columnSizing: sizes },
          }),
        );
        const table = result.current.getVisibleLeafColumns().map((c) => [c.id, c.getSize()]);
        expect(shownColumns(visibility, sizes).map((c) => [c.id, c.size])).toEqual(table);
      }),
      { numRuns: 100 },
    );
  });

  it('include sizes the user dragged, never below the minimum', () => {
    const shown = shownColumns({ account: true }, { from: 300, to: 40 });
    expect(shown.find((c) => c.id === 'from')?.size).toBe(300);
    expect(shown.find((c) => c.id === 'to')?.size).toBe(48);
    expect(shown.map((c) => c.id)).toContain('account');
  });
});
