import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  offsetToShow,
  rowsInView,
  rowTop,
  scrollSpace,
  spacerCap,
  toReal,
  toVirtual,
  type ScrollSpace,
} from './scroll-space';

// Results up to 20 million rows, caps from tiny (to scale small results too) to the real ones.
const spaceArb = fc
  .record({
    rowCount: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 20_000_000 })),
    rowHeight: fc.integer({ min: 16, max: 80 }),
    header: fc.integer({ min: 0, max: 60 }),
    viewport: fc.integer({ min: 100, max: 3000 }),
    cap: fc.oneof(fc.integer({ min: 2000, max: 100_000 }), fc.constantFrom(spacerCap(1), spacerCap(3))),
  })
  .map(scrollSpace);
const scaledArb = spaceArb.filter((s) => s.scale > 1);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const EPS = 1e-6;

/** The rows' band of the viewport, below the header. */
const rowsHeight = (s: ScrollSpace) => s.viewport - s.header;

describe('scrollSpace', () => {
  it('changes nothing below the cap: the spacer is the true height, offsets are scrollTop', () => {
    fc.assert(
      fc.property(
        spaceArb.filter((s) => s.rowCount * s.rowHeight <= s.spacer),
        fraction,
        (s, f) => {
          const real = f * s.realMax;
          expect(s.scale).toBe(1);
          expect(s.spacer).toBe(s.rowCount * s.rowHeight);
          expect(toVirtual(s, real)).toBe(real);
          expect(toReal(s, real)).toBe(Math.round(real));
        },
      ),
    );
  });

  it('never makes a spacer taller than the cap, and spans the rows from the first to the last', () => {
    fc.assert(
      fc.property(spaceArb, (s) => {
        expect(s.spacer).toBeLessThanOrEqual(Math.max(1, s.rowCount * s.rowHeight));
        expect(toVirtual(s, 0)).toBe(0);
        expect(toVirtual(s, s.realMax)).toBe(s.virtualMax);
        expect(s.virtualMax).toBe(Math.max(0, s.header + s.rowCount * s.rowHeight - s.viewport));
      }),
    );
  });

  it('lands the thumb where it points: a share of the page scroll is that share of the rows', () => {
    fc.assert(
      fc.property(scaledArb, fraction, (s, f) => {
        expect(toVirtual(s, f * s.realMax) / s.virtualMax).toBeCloseTo(f, 9);
      }),
    );
  });

  it('keeps the order of positions, and comes back within one page pixel from a whole scrollTop', () => {
    fc.assert(
      fc.property(spaceArb, fraction, fraction, (s, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(toVirtual(s, lo * s.realMax)).toBeLessThanOrEqual(toVirtual(s, hi * s.realMax));
        const virtual = a * s.virtualMax;
        const real = toReal(s, virtual);
        expect(Number.isInteger(real)).toBe(true);
        expect(real).toBeGreaterThanOrEqual(0);
        expect(real).toBeLessThanOrEqual(s.realMax);
        expect(Math.abs(toVirtual(s, real) - virtual)).toBeLessThanOrEqual(s.scale / 2 + EPS);
      }),
    );
  });

  it('survives nonsense input', () => {
    const s = scrollSpace({ rowCount: NaN, rowHeight: -3, header: Infinity, viewport: -1, cap: 0 });
    expect(s).toMatchObject({ rowCount: 0, scale: 1, virtualMax: 0, realMax: 0 });
    expect(toVirtual(s, NaN)).toBe(0);
    expect(rowsInView(s, NaN, 6).last).toBe(-1);
    expect(offsetToShow(s, NaN, NaN)).toBe(0);
    expect(spacerCap(NaN)).toBe(15_000_000);
    expect(spacerCap(0)).toBe(15_000_000);
  });
});

describe('rowsInView', () => {
  it('covers the band below the header with the rows of the result, and the last at the end', () => {
    fc.assert(
      fc.property(
        spaceArb.filter((s) => s.rowCount > 0),
        fraction,
        (s, f) => {
          const virtual = f * s.virtualMax;
          const rows = rowsInView(s, virtual, 6);
          expect(rows.first * s.rowHeight).toBeLessThanOrEqual(virtual);
          expect((rows.first + 1) * s.rowHeight).toBeGreaterThan(virtual - EPS);
          const bottom = Math.min(virtual + rowsHeight(s), s.rowCount * s.rowHeight);
          expect((rows.last + 1) * s.rowHeight).toBeGreaterThanOrEqual(bottom - EPS);
          expect(rows.last * s.rowHeight).toBeLessThan(Math.max(bottom, (rows.first + 1) * s.rowHeight));
          expect(rows.drawnFirst).toBe(Math.max(0, rows.first - 6));
          expect(rows.drawnLast).toBe(Math.min(s.rowCount - 1, rows.last + 6));
          expect(rowsInView(s, s.virtualMax, 6).last).toBe(s.rowCount - 1);
        },
      ),
    );
  });

  it('places the rows in view inside the spacer, where the page can scroll to them', () => {
    fc.assert(
      fc.property(
        spaceArb.filter((s) => s.virtualMax > 0),
        fraction,
        (s, f) => {
          const virtual = f * s.virtualMax;
          const real = toReal(s, virtual);
          // The band of the viewport below the header, in the spacer's coordinates.
          expect(real).toBeGreaterThanOrEqual(0);
          expect(real + rowsHeight(s)).toBeLessThanOrEqual(s.spacer + EPS);
          // A row shows where it is in the rows' true height, relative to the viewport.
          const rows = rowsInView(s, virtual, 0);
          const top = rowTop(s, rows.first, virtual, real) - real;
          expect(top).toBeCloseTo(rows.first * s.rowHeight - virtual, 6);
          expect(top).toBeLessThanOrEqual(EPS);
        },
      ),
    );
  });
});

describe('offsetToShow', () => {
  it('shows the row whole below the header, moving only when it is not', () => {
    fc.assert(
      fc.property(
        spaceArb.filter((s) => s.rowCount > 0 && rowsHeight(s) >= s.rowHeight),
        fraction,
        fraction,
        fc.constantFrom('auto' as const, 'start' as const),
        (s, f, g, align) => {
          const from = f * s.virtualMax;
          const index = Math.floor(g * (s.rowCount - 1));
          const to = offsetToShow(s, from, index, align);
          expect(index * s.rowHeight).toBeGreaterThanOrEqual(to - EPS);
          expect((index + 1) * s.rowHeight).toBeLessThanOrEqual(to + rowsHeight(s) + EPS);
          const rows = rowsInView(s, to, 0);
          expect(index).toBeGreaterThanOrEqual(rows.first);
          expect(index).toBeLessThanOrEqual(rows.last);
          if (align === 'auto') expect(offsetToShow(s, to, index)).toBe(to);
        },
      ),
    );
  });
});

describe('ten million rows', () => {
  // Comfortable density in a grid 800 px high, on a screen of ratio 1 and 2.
  for (const ratio of [1, 2]) {
    const s = scrollSpace({
      rowCount: 10_000_000,
      rowHeight: 36,
      header: 36,
      viewport: 800,
      cap: spacerCap(ratio),
    });
    it(`fits under both browsers' caps at device pixel ratio ${ratio} and reaches every quarter`, () => {
      // Firefox caps CSS px at about 17.9 million, Chromium device px at about 33.5 million.
      expect(s.spacer + 36).toBeLessThan(17_895_697);
      expect((s.spacer + 36) * ratio).toBeLessThan(33_554_431);
      for (const share of [0.25, 0.5, 0.75]) {
        const first = rowsInView(s, toVirtual(s, Math.round(share * s.realMax)), 0).first;
        expect(Math.abs(first - share * (10_000_000 - 21))).toBeLessThan(s.scale / 36 + 1);
      }
      expect(rowsInView(s, toVirtual(s, s.realMax), 0).last).toBe(9_999_999);
      expect(rowsInView(s, offsetToShow(s, 0, 9_999_999), 0).last).toBe(9_999_999);
    });
  }
});
