import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../test/render';
import { dataRows, grid } from '../../../test/table-helpers';

// The chart over the app's test data (test/msw-handlers.ts), in the test machine's zone.

async function chartOf(url: string) {
  const app = renderApp(url);
  const bars = await screen.findByRole('group', { name: /^Sessions per / }, { timeout: 15_000 });
  // Counted: every bar names its count.
  await waitFor(() =>
    expect(within(bars).getAllByRole('button')[0]).toHaveAccessibleName(/: [\d,]+ sessions?/),
  );
  return { ...app, bars, buttons: within(bars).getAllByRole('button') };
}
// jsdom lays nothing out and has no elementFromPoint; the drag test says where the pointer is.
beforeEach(() => {
  document.elementFromPoint = () => null;
});

const countOf = (bar: HTMLElement) =>
  Number(/: ([\d,]+) sessions?/.exec(bar.getAttribute('aria-label')!)![1]!.replace(/,/g, ''));

describe('the volume chart', () => {
  it('draws a bar per day of a 30-day window, adding up to the total', async () => {
    const { buttons } = await chartOf('/?range=30d');
    expect(buttons).toHaveLength(30);
    const total = Number(grid().getAttribute('aria-rowcount')) - 1;
    expect(buttons.map(countOf).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('names the busiest bar by its count, and 0 when a refined scan matched nothing', async () => {
    const { buttons, ...app } = await chartOf('/?range=7d');
    const most = Math.max(...buttons.map(countOf));
    expect(screen.getByText(`Most in one bar: ${most.toLocaleString('en-US')}`)).toBeInTheDocument();
    app.unmount();
    await chartOf('/?range=7d&from=999999999&missed=1');
    await waitFor(() => expect(screen.getByText('Most in one bar: 0')).toBeInTheDocument());
  });

  it('narrows the window to a bar on click, and the table shows exactly its sessions', async () => {
    const { user, buttons, currentSearch } = await chartOf('/?range=7d');
    const busiest = buttons.reduce((a, b) => (countOf(b) > countOf(a) ? b : a));
    const expected = countOf(busiest);
    await user.click(busiest);
    await waitFor(() => expect(currentSearch().get('start')).not.toBeNull());
    expect(currentSearch().get('range')).toBeNull();
    expect(currentSearch().get('end')).not.toBeNull();
    await waitFor(() => expect(grid()).toHaveAttribute('aria-rowcount', String(expected + 1)));
    expect(dataRows().length).toBeGreaterThan(0);
  });

  it('moves between bars with the arrow keys, one tab stop for the chart', async () => {
    const { user, buttons } = await chartOf('/?range=7d');
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    buttons[0]!.focus();
    await user.keyboard('{ArrowRight}');
    expect(buttons[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(buttons.at(-1)).toHaveFocus();
    await user.keyboard('{Home}');
    expect(buttons[0]).toHaveFocus();
  });

  it('narrows to a run of bars dragged across', async () => {
    const { buttons, currentSearch } = await chartOf('/?range=7d');
    const expected = countOf(buttons[1]!) + countOf(buttons[2]!) + countOf(buttons[3]!);
    // jsdom has no layout: elementFromPoint is asked where the pointer is, so answer with the bar.
    const at = (bar: HTMLElement) => {
      document.elementFromPoint = () => bar;
      return { clientX: 1, clientY: 1, button: 0 };
    };
    fireEvent.pointerDown(buttons[1]!, at(buttons[1]!));
    fireEvent.pointerMove(buttons[3]!, at(buttons[3]!));
    fireEvent.pointerUp(buttons[3]!, at(buttons[3]!));
    await waitFor(() => expect(currentSearch().get('start')).not.toBeNull());
    expect(currentSearch().get('end')).not.toBe(currentSearch().get('start'));
    expect(currentSearch().get('range')).toBeNull();
    await waitFor(() => expect(grid()).toHaveAttribute('aria-rowcount', String(expected + 1)));
  });
});
