// Results the table shows from its scan: a window's slice read for its refinements, and a small
// result under another sort read whole, live and archive merged.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { server } from '../../../test/msw-server';
import { renderApp } from '../../../test/render';
import { http } from 'msw';
import { createSessionsHandlers, SESSIONS_URL } from '../../../test/msw-handlers';
import { resolveView } from '../view/sessions-view';
import {
  ARCHIVE_AFTER_MS,
  FACTORY_NOW,
  makeWireSession,
  makeWireSessions,
} from '../../../test/session-factory';
import { bigPage, bigResult, dataRows, recordRequests } from '../../../test/table-helpers';

describe('a result read by a scan', () => {
  it("scans a result sorted by date from its window's slice, not its covering days", async () => {
    const all = recordRequests();
    server.use(bigResult(20_000));
    renderApp('/?range=yesterday&missed=1');
    const done = /Scanned ([\d,]+) of \1 sessions · [\d,]+ match(?! so far)/;
    await waitFor(() => expect(document.body.textContent).toMatch(done), { timeout: 10_000 });
    // bigPage spreads the rows over the days asked for, newest first: row i is created at `at(i)`.
    const from = Date.parse(`${all[0]!.get('startDate')}T00:00:00Z`);
    const at = (i: number) => FACTORY_NOW - Math.round(((i + 1) * (FACTORY_NOW - from)) / 20_000);
    const { window } = resolveView({ range: 'yesterday' }, FACTORY_NOW, 'local');
    let first = 0;
    while (at(first) >= window.endMs) first++;
    let end = first;
    while (at(end) >= window.startMs) end++;
    const inside = (end - first).toLocaleString('en-US');
    expect(document.body.textContent).toContain(`Scanned ${inside} of ${inside} sessions`);
    // Pages of 1,000 from the one holding the row before the window to the one holding the row past it.
    const scanned = all.filter((q) => q.get('countPerPage') === '1000').map((q) => Number(q.get('page')));
    const pages = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    expect(scanned).toEqual(pages(Math.floor((first - 1) / 1000), Math.floor(end / 1000)));
    expect(scanned.length).toBeLessThan(20);
  });

  it('under another sort, reads a small result whole and merges live and archive into one order', async () => {
    // Customers named in an order that alternates between the stores: live sessions are recent,
    // archived ones older than the archive's age.
    const sessions = Array.from({ length: 24 }, (_, i) =>
      makeWireSession(
        {
          id: `s${String(i).padStart(2, '0')}`,
          customerName: `Customer ${String(i).padStart(2, '0')}`,
          dateCreated: new Date(
            FACTORY_NOW - (i % 2 ? ARCHIVE_AFTER_MS + 86_400_000 : 3_600_000) - i * 60_000,
          ).toISOString(),
        },
        i,
      ),
    );
    server.use(...createSessionsHandlers(sessions));
    renderApp('/?range=30d&sort=customerName');
    await waitFor(() => expect(document.body.textContent).toMatch(/Scanned 24 of 24 sessions/));
    await waitFor(() => expect(dataRows()).toHaveLength(24));
    expect(document.querySelector('.results-count')).toHaveTextContent('24 sessions: 12 live, 12 archived');
    const customerColumn = [...document.querySelectorAll('[role="columnheader"]')].findIndex((h) =>
      h.textContent?.startsWith('Customer'),
    );
    const rows = dataRows().map((row) => ({
      customer: within(row).getAllByRole('gridcell')[customerColumn]!.textContent,
      archived: within(row).queryByText('Archived') !== null,
    }));
    // One order, not the live part and then the archived one.
    expect(rows.map((r) => r.customer)).toEqual(sessions.map((s) => s.customerName));
    expect(rows.map((r) => r.archived)).toEqual(sessions.map((_, i) => i % 2 === 1));
  });

  it('under another sort, reads a small result whole without a search by date, and draws the chart from its rows', async () => {
    const sessions = makeWireSessions(300, 3, { days: 20 });
    server.use(...createSessionsHandlers(sessions));
    const asked = recordRequests();
    renderApp('/?range=30d&sort=customerName');
    await waitFor(() => expect(document.body.textContent).toMatch(/Scanned 300 of 300 sessions/));
    // The scan counts the window: no date-sorted search (its probes) shares the server with it.
    expect(asked.filter((q) => q.get('sortField') === 'dateCreated')).toEqual([]);
    // The chart counts the rows the scan read, missed ones stacked, and asks the server nothing more.
    const bars = await screen.findAllByRole('button', { name: /sessions?, \d+ missed$/ });
    const counted = (name: string) => Number(/: ([\d,]+) sessions?/.exec(name)![1]!.replace(/,/g, ''));
    const missed = (name: string) => Number(/, (\d+) missed$/.exec(name)![1]);
    const names = bars.map((b) => b.getAttribute('aria-label')!);
    expect(names.reduce((n, name) => n + counted(name), 0)).toBe(300);
    expect(names.reduce((n, name) => n + missed(name), 0)).toBe(sessions.filter((s) => s.wasMissed).length);
    expect(asked.filter((q) => q.get('sortField') === 'dateCreated')).toEqual([]);
  });

  it('fills its progress bar as far as the scan has read, and clears it once done', async () => {
    // The scan's first page is answered; the rest wait until released.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let scanPages = 0;
    server.use(
      http.get(SESSIONS_URL, async ({ request }) => {
        if (new URL(request.url).searchParams.get('countPerPage') === '1000' && scanPages++ > 0) await held;
        return bigPage(request, 20_000);
      }),
    );
    renderApp('/?range=yesterday&missed=1');
    await waitFor(() => expect(document.body.textContent).toMatch(/match(es)? so far/));
    const [, read, of] = /Scanned ([\d,]+) of ([\d,]+) sessions/.exec(document.body.textContent ?? '')!;
    const fraction = Number(read!.replace(/,/g, '')) / Number(of!.replace(/,/g, ''));
    expect(fraction).toBeGreaterThan(0);
    expect(fraction).toBeLessThan(1);
    const bar = document.querySelector<HTMLElement>('.progress.is-determinate');
    expect(Number(bar?.style.getPropertyValue('--progress'))).toBeCloseTo(fraction, 5);
    // No bar that runs without end while the scan says how far it is.
    expect(document.querySelector('.progress.is-active')).toBeNull();

    release();
    await waitFor(
      () =>
        expect(document.body.textContent).toMatch(
          /Scanned ([\d,]+) of \1 sessions · [\d,]+ match(?! so far)/,
        ),
      { timeout: 10_000 },
    );
    expect(document.querySelector('.progress.is-determinate, .progress.is-active')).toBeNull();
  });
});
