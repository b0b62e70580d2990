// The grid's scroll space (docs/scrolling.md). Browsers cap an element's height (Chromium about
// 33.5 million layout px, which are device px; Firefox about 17.9 million CSS px), so a result of
// millions of rows cannot be one tall element. The rows' spacer is the result's true height up to
// `spacerCap`; past it the spacer stays at the cap and a scroll position of the page ("real", the
// element's scrollTop) maps proportionally to one of the rows' true height ("virtual"), so the thumb
// points where it lands. Rows are placed relative to the viewport. Below the cap both are the same.
// All offsets are the scroll element's: they count the sticky header above the rows.

export interface ScrollSpace {
  rowCount: number;
  rowHeight: number;
  /** The sticky header's height, above the rows in the scroll element. */
  header: number;
  /** The scroll element's inner height. */
  viewport: number;
  /** Height of the rows' spacer in the page: the rows' true height, at most the cap. */
  spacer: number;
  /** Largest scroll offset of the rows' true height, and of the page. */
  virtualMax: number;
  realMax: number;
  /** Virtual px per real px: 1 below the cap. */
  scale: number;
}

/** Under both browsers' caps with room to spare; Chromium's counts device pixels. */
export function spacerCap(devicePixelRatio: number): number {
  const ratio = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  return Math.floor(Math.min(15_000_000, 30_000_000 / Math.max(1, ratio)));
}

export function scrollSpace(options: {
  rowCount: number;
  rowHeight: number;
  header: number;
  viewport: number;
  cap: number;
}): ScrollSpace {
  const rowCount = Math.max(0, Math.floor(finite(options.rowCount)));
  const rowHeight = Math.max(1, finite(options.rowHeight));
  const header = Math.max(0, finite(options.header));
  const viewport = Math.max(0, finite(options.viewport));
  const height = rowCount * rowHeight;
  // However small a cap, a scaled spacer leaves the page some scroll range.
  const spacer = Math.min(height, Math.max(2 * viewport, Math.floor(finite(options.cap))));
  const virtualMax = Math.max(0, header + height - viewport);
  const realMax = Math.max(0, header + spacer - viewport);
  const scale = height > spacer && realMax > 0 ? virtualMax / realMax : 1;
  return { rowCount, rowHeight, header, viewport, spacer, virtualMax, realMax, scale };
}

/** The virtual offset a page scroll position points at. */
export function toVirtual(space: ScrollSpace, real: number): number {
  // The end exactly: the last row is reachable whatever the rounding of the scale.
  if (real >= space.realMax) return space.virtualMax;
  return clamp(finite(real) * space.scale, 0, space.virtualMax);
}

/** The page scroll position (whole px, as browsers keep it) nearest to a virtual offset. */
export function toReal(space: ScrollSpace, virtual: number): number {
  return clamp(Math.round(finite(virtual) / space.scale), 0, space.realMax);
}

export interface RowWindow {
  /** Rows under the viewport (below the header). */
  first: number;
  last: number;
  /** Rows drawn: those plus `overscan` either side. */
  drawnFirst: number;
  drawnLast: number;
}

/** The rows under the viewport at a virtual offset; empty (last < first) when there are none. */
export function rowsInView(space: ScrollSpace, virtual: number, overscan: number): RowWindow {
  const { rowCount, rowHeight } = space;
  if (rowCount === 0) return { first: 0, last: -1, drawnFirst: 0, drawnLast: -1 };
  const top = clamp(finite(virtual), 0, space.virtualMax);
  const first = Math.min(rowCount - 1, Math.floor(top / rowHeight));
  const bottom = top + Math.max(0, space.viewport - space.header);
  const last = clamp(Math.ceil(bottom / rowHeight) - 1, first, rowCount - 1);
  return {
    first,
    last,
    drawnFirst: Math.max(0, first - overscan),
    drawnLast: Math.min(rowCount - 1, last + overscan),
  };
}

/**
 * Where row `index` goes inside the spacer when the page is scrolled to `real` and shows `virtual`:
 * its place in the rows' true height, moved by the difference, so it lands in the viewport.
 */
export function rowTop(space: ScrollSpace, index: number, virtual: number, real: number): number {
  return index * space.rowHeight - (virtual - real);
}

/**
 * The virtual offset that shows row `index` whole: unchanged if it already is, else the nearest one
 * that puts it just below the header ('auto' of scrollIntoView), or at the top with 'start'.
 */
export function offsetToShow(
  space: ScrollSpace,
  virtual: number,
  index: number,
  align: 'auto' | 'start' = 'auto',
): number {
  if (space.rowCount === 0) return 0;
  const row = clamp(Math.floor(finite(index)), 0, space.rowCount - 1);
  const top = row * space.rowHeight;
  const rowsHeight = Math.max(0, space.viewport - space.header);
  const current = clamp(finite(virtual), 0, space.virtualMax);
  let next = current;
  if (align === 'start' || top < current) next = top;
  else if (top + space.rowHeight > current + rowsHeight) next = top + space.rowHeight - rowsHeight;
  return clamp(next, 0, space.virtualMax);
}

function clamp(value: number, min: number, max: number) {
  return Math.min(max, Math.max(min, value));
}

function finite(value: number) {
  return Number.isFinite(value) ? value : 0;
}
