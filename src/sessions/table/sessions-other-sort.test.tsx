// Large results under another sort than the date, too large to read whole: the server's order with
// random access, the rows the window does not count (outside it, or archived copies of live
// sessions) marked, and each store's part after the other.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, waitFor, within } from '@testing-library/react';
import { server } from '../../../test/msw-server';
import { renderApp } from '../../../test/render';
import { createSessionsHandlers } from '../../../test/msw-handlers';
import { resolveView } from '../view/sessions-view';
import { ARCHIVE_AFTER_MS, FACTORY_NOW, makeWireSessions } from '../../../test/session-factory';
import { bigResult, dataRows, grid, recordRequests } from '../../../test/table-helpers';

describe('a large result under another sort', () => {
  it('under another sort, shows a large result in the server order with the rows outside the window marked', async () => {
    const all = recordRequests();
    server.use(bigResult(30_000));
    renderApp('/?range=7d&sort=-customerName');
    await waitFor(() => expect(all.length).toBeGreaterThan(0));
    // bigPage spreads the rows over the days asked for; the window starts a day after the first.
    const from = Date.parse(`${all[0]!.get('startDate')}T00:00:00Z`);
    const step = (FACTORY_NOW - from) / 30_000;
    const { window } = resolveView({ range: '7d' }, FACTORY_NOW, 'local');
    let inside = 0;
    while (FACTORY_NOW - Math.round((inside + 1) * step) >= window.startMs) inside++;
    await waitFor(() =>
      expect(document.querySelector('.results-count')?.textContent).toBe(
        `${inside.toLocaleString('en-US')} in your window · 30,000 shown, the dimmed ones not counted`,
      ),
    );
    expect(grid()).toHaveAttribute('aria-rowcount', '30001');
    // The last rows are the oldest here: before the window, dimmed and tagged.
    act(() => {
      grid().scrollTop = 30_000 * 36;
      fireEvent.scroll(grid());
    });
    await waitFor(() => expect(dataRows().some((r) => r.dataset.sessionId === 'row-29999')).toBe(true));
    const last = dataRows().find((r) => r.dataset.sessionId === 'row-29999')!;
    expect(last).toHaveClass('is-outside');
    expect(within(last).getByText('Outside')).toBeInTheDocument();
    const firstRow = dataRows().find((r) => Number(r.dataset.sessionId!.slice(4)) < inside);
    if (firstRow) expect(firstRow).not.toHaveClass('is-outside');
  });

  it('under another sort, shows the archived part after the live one, with a divider where it begins', async () => {
    server.use(bigResult(25_000));
    renderApp('/?range=30d&sort=-customerName');
    // Too many to merge: each store's part in the server's order, live first.
    await waitFor(() => expect(grid()).toHaveAttribute('aria-rowcount', '50001'), { timeout: 10_000 });
    act(() => {
      grid().scrollTop = 24_998 * 36;
      fireEvent.scroll(grid());
    });
    const rowAt = (index: number) =>
      dataRows().find((r) => r.getAttribute('aria-rowindex') === String(index + 2));
    await waitFor(() => expect([rowAt(24_999), rowAt(25_000)]).not.toContain(undefined));
    expect(rowAt(25_000)).toHaveClass('is-part-start');
    expect(within(rowAt(25_000)!).getByText('Archived')).toBeInTheDocument();
    expect(rowAt(24_999)).not.toHaveClass('is-part-start');
    expect(within(rowAt(24_999)!).queryByText('Archived')).toBeNull();
    expect(dataRows().filter((r) => r.classList.contains('is-part-start'))).toHaveLength(1);
  });

  it('under another sort, too large to merge, counts a session in transit once and marks its archived copy', async () => {
    // Sessions in their last two hours before 15 days old answer from both stores, as sessions being
    // archived do. Their customer names sort first, so each store's part begins with them.
    const IN_TRANSIT_MS = 2 * 3_600_000;
    const inTransit = (s: { dateCreated?: string }) => {
      const age = FACTORY_NOW - Date.parse(s.dateCreated ?? '');
      return age > ARCHIVE_AFTER_MS - IN_TRANSIT_MS && age <= ARCHIVE_AFTER_MS;
    };
    const sessions = makeWireSessions(21_000, 5, { days: 29 }).map((s) =>
      inTransit(s) ? { ...s, customerName: `!${s.customerName ?? ''}` } : s,
    );
    server.use(...createSessionsHandlers(sessions, FACTORY_NOW, { inTransitMs: IN_TRANSIT_MS }));
    const { window } = resolveView({ range: '30d' }, FACTORY_NOW, 'local');
    const inside = sessions.filter((s) => {
      const ms = Date.parse(s.dateCreated ?? '');
      return ms >= window.startMs && ms < window.endMs;
    });
    const copies = inside.filter(inTransit);
    expect(copies.length).toBeGreaterThan(10);
    renderApp('/?range=30d&sort=customerName');
    // Too many to merge: each store's part in the server's order; the window's count holds each once.
    await waitFor(
      () =>
        expect(document.querySelector('.results-count')?.textContent).toMatch(
          new RegExp(`^${inside.length.toLocaleString('en-US')} in your window`),
        ),
      { timeout: 15_000 },
    );
    const shown = Number(grid().getAttribute('aria-rowcount')) - 1;
    const archiveStart =
      shown -
      sessions.filter((s) => FACTORY_NOW - Date.parse(s.dateCreated ?? '') > ARCHIVE_AFTER_MS - IN_TRANSIT_MS)
        .length;
    const rowAt = (index: number) =>
      dataRows().find((r) => r.getAttribute('aria-rowindex') === String(index + 2));
    // The live copies, at the top, are plain rows.
    await waitFor(() => expect(rowAt(0)).toBeDefined());
    expect(within(rowAt(0)!).queryByText('Also live')).toBeNull();
    // The archived part begins with the copies: marked, dimmed.
    act(() => {
      grid().scrollTop = archiveStart * 36;
      fireEvent.scroll(grid());
    });
    await waitFor(() => expect(rowAt(archiveStart + 1)).toBeDefined());
    await waitFor(() => expect(within(rowAt(archiveStart)!).getByText('Also live')).toBeInTheDocument());
    expect(rowAt(archiveStart)).toHaveClass('is-part-start');
    expect(rowAt(archiveStart + 1)).toHaveClass('is-outside');
    expect(within(rowAt(archiveStart + 1)!).getByText('Also live')).toBeInTheDocument();
  });
});
