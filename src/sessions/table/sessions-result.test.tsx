import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { server } from '../../../test/msw-server';
import { renderApp } from '../../../test/render';
import { createSessionsHandlers, defaultSessions, SESSIONS_URL } from '../../../test/msw-handlers';
import { resolveView } from '../view/sessions-view';
import { FACTORY_NOW } from '../../../test/session-factory';

import { bigPage, bigResult, dataRows, grid, recordRequests } from '../../../test/table-helpers';

/**
 * The table's page requests (100 rows): not the small probes that find where the window begins and
 * ends, nor the volume chart's.
 */
const tablePages = (requests: URLSearchParams[]) => requests.filter((q) => q.get('countPerPage') === '100');

describe('the live view', () => {
  it('holds new sessions behind a button, and shows them on click', async () => {
    const requests = recordRequests();
    let extra = 0;
    server.use(
      http.get(SESSIONS_URL, async ({ request }) => {
        // The count probe (one row) sees three sessions more than the pages did.
        if (new URL(request.url).searchParams.get('countPerPage') !== '1') return undefined;
        const real = await fetch(request.url.replace('countPerPage=1', 'countPerPage=100')).then((r) =>
          r.json(),
        );
        return HttpResponse.json({
          ...real,
          totalCount: real.totalCount + extra,
          items: real.items.slice(0, 1),
        });
      }),
    );
    extra = 3;
    const { user } = renderApp('/');
    const button = await screen.findByRole('button', { name: /3 new sessions/ });
    const pageRequests = () =>
      requests.filter((q) => q.get('countPerPage') === '100' && q.get('page') === '0').length;
    const before = pageRequests();
    extra = 0;
    await user.click(button);
    await waitFor(() => expect(pageRequests()).toBeGreaterThan(before));
    await waitFor(() => expect(screen.queryByRole('button', { name: /new session/ })).toBeNull());
  });

  it('does not poll an archived or past view', async () => {
    const requests = recordRequests();
    renderApp('/?range=yesterday');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 300));
    expect(requests.some((q) => q.get('countPerPage') === '1')).toBe(false);
    expect(screen.queryByText(/Refreshes every/)).toBeNull();
  });
});

describe('one result across live and archive', () => {
  it('shows the live rows while the archive is still being searched', async () => {
    server.use(
      http.get(SESSIONS_URL, async ({ request }) => {
        if (new URL(request.url).searchParams.get('searchArchive') === 'true') await delay('infinite');
        return undefined;
      }),
    );
    renderApp('/?range=30d');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
    // The count is not known yet: the live part, and more to come.
    expect(document.querySelector('.results-count')?.textContent).toMatch(/^[\d,]+\+ sessions, counting…$/);
  });

  it('shows the first rows once the first edge of the window is known, before its last one is found', async () => {
    // Every probe after the first (counted) one hangs: only page 0 of the probes ever answers.
    server.use(
      http.get(SESSIONS_URL, async ({ request }) => {
        const q = new URL(request.url).searchParams;
        if (q.get('countPerPage') === '10' && q.get('simplifiedPaging') === 'true') await delay('infinite');
        return undefined;
      }),
    );
    renderApp('/?range=30d&archive=0');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(10));
    expect(document.querySelector('.results-count')?.textContent).toMatch(/^[\d,]+\+ sessions, counting…$/);
    // Every row shown is inside the window, newest first.
    const { window } = resolveView({ range: '30d', archive: false }, FACTORY_NOW, 'local');
    const created = new Map(defaultSessions.map((x) => [x.id, Date.parse(x.dateCreated ?? '')]));
    const times = dataRows().map((r) => created.get(r.dataset.sessionId!)!);
    expect(times.every((t) => t >= window.startMs && t < window.endMs)).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(screen.queryByText(/No sessions/)).toBeNull();
  });

  it('shows a session found in both stores once, and counts it once', async () => {
    // Sessions 12 to 15 days old answer from both stores, as sessions being archived do.
    server.use(...createSessionsHandlers(defaultSessions, FACTORY_NOW, { inTransitMs: 3 * 86_400_000 }));
    renderApp('/?range=30d');
    const { window } = resolveView({ range: '30d' }, FACTORY_NOW, 'local');
    const inWindow = defaultSessions.filter((s) => {
      const ms = Date.parse(s.dateCreated ?? '');
      return ms >= window.startMs && ms < window.endMs;
    });
    await waitFor(() => expect(grid()).toHaveAttribute('aria-rowcount', String(inWindow.length + 1)));
    await waitFor(() =>
      expect(document.querySelector('.results-count')?.textContent).toMatch(
        / sessions: \d+ live, \d+ archived$/,
      ),
    );
    const [, live, archived] = document
      .querySelector('.results-count')!
      .textContent!.match(/(\d+) live, (\d+) archived/)!;
    expect(Number(live) + Number(archived)).toBe(inWindow.length);
    // The volume chart's bars add up to the same total: the archived copies are not counted twice.
    const chart = await screen.findByRole('group', { name: /^Sessions per day/ }, { timeout: 10_000 });
    await waitFor(() => {
      const counts = within(chart)
        .getAllByRole('button')
        .map((b) =>
          Number(/: ([\d,]+) sessions?/.exec(b.getAttribute('aria-label') ?? '')?.[1]?.replace(/,/g, '')),
        );
      expect(counts.reduce((a, b) => a + b, 0)).toBe(inWindow.length);
    });
  });
});

describe('random access over a large result', () => {
  it('sizes the scrollbar from the rows inside the window and fetches only the pages in view after a jump', async () => {
    const all = recordRequests();
    server.use(bigResult(130_000));
    renderApp('/?archive=1&range=30d');
    // bigPage spreads the rows over the days asked for (Oct 28 on); the window starts on Oct 29.
    await waitFor(() => expect(all.length).toBeGreaterThan(0));
    const from = Date.parse(`${all[0]!.get('startDate')}T00:00:00Z`);
    const step = (FACTORY_NOW - from) / 130_000;
    const windowStart = Date.parse('2026-10-29T00:00:00Z');
    let inside = 0;
    while (FACTORY_NOW - Math.round((inside + 1) * step) >= windowStart) inside++;
    expect(inside).toBeLessThan(130_000);
    await waitFor(() => expect(grid()).toHaveAttribute('aria-rowcount', String(inside + 1)));
    expect(await screen.findByText(inside.toLocaleString('en-US'))).toBeInTheDocument();
    // Page 0, and one page ahead.
    await waitFor(() =>
      expect(
        tablePages(all)
          .map((q) => q.get('page'))
          .sort(),
      ).toEqual(['0', '1']),
    );

    // Jump to the middle (a scrollbar drag): row 65,000 is at 65,000 x 36 px.
    const before = all.length;
    act(() => {
      grid().scrollTop = 65_000 * 36;
      fireEvent.scroll(grid());
    });
    await waitFor(() => expect(dataRows().some((r) => r.dataset.sessionId === 'arc-65000')).toBe(true));
    // The page under the viewport (row 65,000 on, not the overscan rows drawn above it) and one ahead.
    const pages = (from: number) =>
      [...new Set(tablePages(all.slice(from)).map((q) => Number(q.get('page'))))].sort();
    await waitFor(() => expect(pages(before)).toEqual([650, 651]));
    // Nothing in between was asked for.
    expect(tablePages(all).every((q) => Number(q.get('page')) <= 1 || Number(q.get('page')) >= 650)).toBe(
      true,
    );

    // A view ending a few rows short of page 653 (its overscan rows reach into it): page 652 and the
    // one ahead, not 653 as under the view and 654 ahead of it.
    const again = all.length;
    act(() => {
      grid().scrollTop = 65_275 * 36;
      fireEvent.scroll(grid());
    });
    await waitFor(() => expect(dataRows().some((r) => r.dataset.sessionId === 'arc-65275')).toBe(true));
    const lastShown = Math.max(...dataRows().map((r) => Number(r.dataset.sessionId!.slice(4))));
    expect(lastShown).toBeGreaterThanOrEqual(65_300); // overscan rows drawn from page 653
    await waitFor(() => expect(pages(again)).toEqual([652, 653]));
    // The rows drawn below the view from page 653 (the page ahead) show their sessions once it is in.
    await waitFor(() => expect(dataRows().some((r) => r.dataset.sessionId === 'arc-65302')).toBe(true));
  });

  it('opens a view around a moment at the row nearest it, selected and in view', async () => {
    const all = recordRequests();
    server.use(bigResult(130_000));
    const atMs = FACTORY_NOW - 2 * 86_400_000;
    const at = new Date(atMs).toISOString().slice(0, 16) + 'Z';
    renderApp(`/?at=${encodeURIComponent(at)}&span=720`);
    // bigPage's row k was created at FACTORY_NOW - (k + 1) * step: the selected one is the nearest
    // (the first row is selected until the nearest is known).
    const from = () => Date.parse(`${all[0]!.get('startDate')}T00:00:00Z`);
    const selected = await waitFor(
      () => {
        const row = dataRows().find((r) => r.getAttribute('aria-selected') === 'true');
        expect(row).toHaveClass('is-nearest');
        const step = (FACTORY_NOW - from()) / 130_000;
        const k = Number(row!.dataset.sessionId!.slice(4));
        expect(Math.abs(FACTORY_NOW - Math.round((k + 1) * step) - atMs)).toBeLessThanOrEqual(step);
        return row!;
      },
      { timeout: 10_000 },
    );
    // Far down the result: it was scrolled to, not found at the top.
    expect(Number(selected.getAttribute('aria-rowindex'))).toBeGreaterThan(1000);
  });

  it("asks for a new filter's first page with the search for its window, not after it", async () => {
    // A window open at its end begins at row 0, newest first: its page 0 need not wait for the
    // edge search's first (counted) probe, which is held here until that page has been asked for.
    const all = recordRequests();
    let pageAsked!: () => void;
    const asked = new Promise<void>((resolve) => (pageAsked = resolve));
    server.use(
      http.get(SESSIONS_URL, async ({ request }) => {
        const q = new URL(request.url).searchParams;
        if (q.get('from') !== '15') return undefined;
        if (q.get('countPerPage') === '100') pageAsked();
        else if (q.get('page') === '0' && q.get('countPerPage') === '10') await asked;
        return undefined;
      }),
      bigResult(130_000),
    );
    const { router } = renderApp('/?archive=1&range=30d&from=1');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
    await act(() => router.navigate({ to: '/', search: { archive: true, range: '30d', from: '15' } }));
    // The new filter's rows replace the old ones: its probe was answered, so its page was asked first.
    await waitFor(() => expect(grid()).not.toHaveClass('is-stale'));
    expect(dataRows().length).toBeGreaterThan(3);
    expect(tablePages(all).filter((q) => q.get('from') === '15' && q.get('page') === '0')).toHaveLength(1);
  });

  it("gives up the previous filter's searches and counts still running, and asks nothing more for it", async () => {
    // The old filter's probes after its first (counted) one never answer: its last edge is still
    // searched, and the chart waits for it, when the filter changes. The new filter's requests wait
    // until released: meanwhile the old rows are shown.
    const held: Request[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get(SESSIONS_URL, async ({ request }) => {
        const q = new URL(request.url).searchParams;
        if (q.get('from') === '15') await released;
        if (q.get('from') === '1' && q.get('countPerPage') === '10' && q.get('simplifiedPaging') === 'true') {
          held.push(request);
          await delay('infinite');
        }
        return bigPage(request, 130_000);
      }),
    );
    const { router } = renderApp('/?archive=1&range=30d&from=1');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
    await waitFor(() => expect(held.length).toBeGreaterThan(0));
    const later = recordRequests();
    await act(() => router.navigate({ to: '/', search: { archive: true, range: '30d', from: '15' } }));
    // Its requests in flight are aborted at once, not when the new filter's rows arrive: they would
    // share the server with the new filter's. Its rows stay, dimmed.
    await waitFor(() => expect(held.filter((r) => !r.signal.aborted)).toEqual([]));
    expect(grid()).toHaveClass('is-stale');
    expect(dataRows().length).toBeGreaterThan(3);
    release();
    await waitFor(() => expect(grid()).not.toHaveClass('is-stale'));
    expect(dataRows().length).toBeGreaterThan(3);
    expect(later.filter((q) => q.get('from') === '1').map((q) => q.toString())).toEqual([]);
  });

  it('asks for no page ahead of a filter left at once, and for the next page of one that stays', async () => {
    const all = recordRequests();
    server.use(bigResult(130_000));
    const { router } = renderApp('/?archive=1&range=30d&from=1');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
    // Typed on: this filter's first rows were on screen for less than a moment.
    await act(() => router.navigate({ to: '/', search: { archive: true, range: '30d', from: '15' } }));
    await waitFor(() =>
      expect(tablePages(all).some((q) => q.get('from') === '15' && q.get('page') === '1')).toBe(true),
    );
    expect(
      tablePages(all)
        .filter((q) => q.get('from') === '1')
        .map((q) => q.get('page')),
    ).toEqual(['0']);
  });

  it('shows placeholders for rows whose page is still loading', async () => {
    server.use(
      http.get(SESSIONS_URL, async ({ request }) => {
        const q = new URL(request.url).searchParams;
        if (q.get('countPerPage') === '100' && q.get('page') !== '0') await delay('infinite');
        return bigPage(request, 5000);
      }),
    );
    renderApp('/');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    act(() => {
      grid().scrollTop = 2000 * 36;
      fireEvent.scroll(grid());
    });
    await waitFor(() => expect(within(grid()).getAllByText('Loading').length).toBeGreaterThan(5));
  });

  it('keeps the old rows, dimmed, until page 0 of a new filter arrives', async () => {
    let slow = false;
    server.use(
      http.get(SESSIONS_URL, async () => {
        if (slow) await delay(400);
        return undefined;
      }),
    );
    const { router } = renderApp('/');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
    const oldFirst = dataRows()[0]!.dataset.sessionId;
    slow = true;
    await act(() => router.navigate({ to: '/', search: { from: '1' } }));
    expect(grid()).toHaveClass('is-stale');
    expect(dataRows()[0]!.dataset.sessionId).toBe(oldFirst);
    await waitFor(() => expect(grid()).not.toHaveClass('is-stale'));
  });
});
