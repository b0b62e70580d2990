import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { renderApp } from '../../../test/render';
import { server } from '../../../test/msw-server';
import { createSessionsHandlers, SESSIONS_URL } from '../../../test/msw-handlers';
import { makeWireSessions } from '../../../test/session-factory';
import { dataRows, grid } from '../../../test/table-helpers';

// The chart over the app's test data (test/msw-handlers.ts), in the test machine's zone.

async function chartOf(url: string) {
  const app = renderApp(url);
  const bars = await screen.findByRole('group', { name: /^Sessions per / }, { timeout: 15_000 });
  // Counted: every bar names its count (bars come in as their edges are found).
  await waitFor(() =>
    within(bars)
      .getAllByRole('button')
      .forEach((bar) => expect(bar).toHaveAccessibleName(/: [\d,]+ sessions?/)),
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
    // A bar chosen narrows the window: the new bars' tab stop is their first, not the old index.
    await user.keyboard('{ArrowRight}{ArrowRight}{Enter}');
    const narrowed = await screen.findByRole('group', { name: /^Sessions per 5 minutes/ });
    const stops = within(narrowed)
      .getAllByRole('button')
      .filter((b) => b.tabIndex === 0);
    expect(stops).toEqual([within(narrowed).getAllByRole('button')[0]]);
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

describe('the volume chart while it counts', () => {
  it('draws the bars counted so far, and says how many are still counted', async () => {
    // 3,000 sessions over 30 days: too many to read whole, so each bar edge is searched. Probes of
    // the rows from about three to five days back never answer: the table's search of the 7-day
    // window needs none of them (it probes around its edges, now and 7 days back, and at fifths of
    // the result: pages 17, 34, 51 and 68 of 85), and the bars between are left uncounted.
    server.use(
      http.get(SESSIONS_URL, ({ request }) => {
        const url = new URL(request.url);
        const page = Number(url.searchParams.get('page'));
        if (url.searchParams.get('simplifiedPaging') === 'true' && page > 35 && page < 50)
          return new Promise<Response>(() => {});
      }),
      ...createSessionsHandlers(makeWireSessions(3_000, 7)),
    );
    renderApp('/?range=7d');
    const bars = await screen.findByRole('group', { name: /^Sessions per / }, { timeout: 15_000 });
    const status = await screen.findByText(/^Counting… \d+ of \d+ bars$/, {}, { timeout: 15_000 });
    const buttons = within(bars).getAllByRole('button');
    const counted = buttons.filter((b) => /: [\d,]+ sessions?$/.test(b.getAttribute('aria-label')!));
    const counting = buttons.filter((b) => /: counting$/.test(b.getAttribute('aria-label')!));
    expect(counted.length).toBeGreaterThan(0);
    expect(counting.length).toBeGreaterThan(0);
    expect(counted.length + counting.length).toBe(buttons.length);
    expect(status).toHaveTextContent(`Counting… ${counted.length} of ${buttons.length} bars`);
    expect(bars).toHaveAttribute('aria-busy', 'true');
  });
});
