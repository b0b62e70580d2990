import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useRowWindow } from './use-row-window';

const ROW_HEIGHT = 36;

/** A grid of `rowCount` rows showing the first row under its viewport. */
function Grid({ rowCount }: { rowCount: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const { rows, space } = useRowWindow({
    scrollRef: ref,
    rowCount,
    rowHeight: ROW_HEIGHT,
    header: 0,
    overscan: 0,
    resetKey: 'result',
    onChange: () => {},
  });
  return (
    <div ref={ref} data-testid="grid" tabIndex={-1} data-scale={space.scale}>
      <span data-testid="first">{rows.first}</span>
    </div>
  );
}

describe('useRowWindow past the height cap', () => {
  it('reads a drag of the thumb that begins as the grid takes focus as a drag, not as a focus scroll', () => {
    render(<Grid rowCount={2_000_000} />);
    const grid = screen.getByTestId('grid');
    const scale = Number(grid.dataset.scale);
    expect(scale).toBeGreaterThan(1);
    // A press on the scrollbar focuses the grid, and the drag's first move lands in the same frame.
    act(() => {
      grid.focus();
      grid.scrollTop = 7_000_000;
      fireEvent.scroll(grid);
    });
    // The thumb points at its share of the rows, not 7,000,000 px into them.
    expect(Number(screen.getByTestId('first').textContent)).toBe(
      Math.floor((7_000_000 * scale) / ROW_HEIGHT),
    );
  });
});
