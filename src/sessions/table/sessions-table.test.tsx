import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { server } from '../../../test/msw-server';
import { renderApp } from '../../../test/render';
import { SESSIONS_URL, serviceStackError } from '../../../test/msw-handlers';
import { makeWireSession } from '../../../test/session-factory';
import type { WireListResponse, WireSessionInfo } from '../api/session-types';

/** Records every /api/sessions request the app makes (the default handler still answers). */
function recordRequests() {
  const seen: URLSearchParams[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/sessions') seen.push(url.searchParams);
  });
  return seen;
}
afterEach(() => server.events.removeAllListeners());

const grid = () => screen.getByRole('grid');
const dataRows = () =>
  within(grid())
    .queryAllByRole('row')
    .filter((r) => r.hasAttribute('data-session-id'));

/** A page of a result of `total` sessions, made up on request, like a server over a big table. */
function bigPage(request: Request, total: number) {
  const q = new URL(request.url).searchParams;
  const page = Number(q.get('page'));
  const size = Number(q.get('countPerPage'));
  const items: WireSessionInfo[] = [];
  for (let i = page * size; i < Math.min(total, (page + 1) * size); i++) {
    items.push(
      makeWireSession(
        { id: `row-${i}`, fromAddress: `+1503555${String(i).padStart(4, '0')}`, fromName: `Caller ${i}` },
        i,
      ),
    );
  }
  return HttpResponse.json<WireListResponse>({
    items,
    totalCount: total,
    totalPages: Math.ceil(total / size),
    hasMorePages: (page + 1) * size < total,
  });
}

const bigResult = (total: number) => http.get(SESSIONS_URL, ({ request }) => bigPage(request, total));

describe('the sessions table', () => {
  it('shows the total, live or archived, and the rows of page 0', async () => {
    renderApp('/');
    expect(await screen.findByText(/sessions$/)).toBeInTheDocument();
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(5));
    const total = Number(
      screen.getByText(/^\d[\d,]*$/, { selector: 'strong' }).textContent!.replace(/,/g, ''),
    );
    expect(grid()).toHaveAttribute('aria-rowcount', String(total + 1));
    expect(screen.getByText('Live', { selector: '.badge' })).toBeInTheDocument();
    // aria-rowindex counts the header as row 1.
    expect(dataRows()[0]).toHaveAttribute('aria-rowindex', '2');
  });

  it('sorts by clicking a header: the URL and the request change, and duration cannot be sorted', async () => {
    const requests = recordRequests();
    const { user, currentSearch } = renderApp('/');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));

    await user.click(screen.getByRole('button', { name: /^From/ }));
    await waitFor(() => expect(currentSearch().get('sort')).toBe('fromAddress'));
    await waitFor(() =>
      expect(
        requests.some((q) => q.get('sortField') === 'fromAddress' && q.get('sortOrder') === 'Ascend'),
      ).toBe(true),
    );
    expect(screen.getByRole('columnheader', { name: /^From/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(screen.getByRole('button', { name: /^From/ }));
    await waitFor(() => expect(currentSearch().get('sort')).toBe('-fromAddress'));
    await waitFor(() =>
      expect(
        requests.some((q) => q.get('sortOrder') === 'Descend' && q.get('sortField') === 'fromAddress'),
      ).toBe(true),
    );

    const duration = screen.getByRole('columnheader', { name: 'Duration' });
    expect(within(duration).queryByRole('button')).toBeNull();
    expect(duration).not.toHaveAttribute('aria-sort');
  });

  it('shows the server message and retries on demand', async () => {
    let fail = true;
    server.use(
      http.get(SESSIONS_URL, () => (fail ? serviceStackError(500, 'Database is resting') : undefined)),
    );
    const { user } = renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Database is resting');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the fields a 400 complains about', async () => {
    server.use(
      http.get(SESSIONS_URL, () =>
        serviceStackError(400, 'Invalid request', 'ArgumentException', [
          { fieldName: 'From', errorCode: 'TooLong', message: 'From is too long' },
        ]),
      ),
    );
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Invalid request');
    expect(alert).toHaveTextContent('From: From is too long');
  });

  it('says the sign-in expired on a 401', async () => {
    server.use(http.get(SESSIONS_URL, () => serviceStackError(401, 'Not Authenticated', 'Unauthorized')));
    renderApp('/');
    expect(await screen.findByRole('alert')).toHaveTextContent(/sign-in has expired/i);
  });

  it('names at most three ids of a list when nothing matches, each shortened and isolated', async () => {
    const long = `\u202Eevil${'x'.repeat(120)}`;
    const ids = [long, 'b2', 'c3', 'd4', 'e5'].map(encodeURIComponent).join(',');
    renderApp(`/?account=${ids}&customer=only1`);
    expect(await screen.findByText('No live sessions found')).toBeInTheDocument();
    const text = screen.getByText(/^Searched/).textContent!;
    expect(text).toContain(
      `accounts \u2068\u202Eevil${'x'.repeat(35)}…\u2069, \u2068b2\u2069, \u2068c3\u2069 and 2 more`,
    );
    expect(text).toContain('customer \u2068only1\u2069');
    expect(text).not.toContain('d4');
  });

  it('says what was searched when nothing matches, and offers the likely fixes', async () => {
    const { user, currentSearch } = renderApp('/?from=999999999');
    expect(await screen.findByText('No live sessions found')).toBeInTheDocument();
    expect(
      screen.getByText(/2026-11-21 to 2026-11-27 \(UTC days\) for From contains “\u2068999999999\u2069”/),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Widen to the last 30 days' }));
    await waitFor(() => expect(currentSearch().get('range')).toBe('30d'));
    await user.click(
      within(screen.getByText('No live sessions found').parentElement!).getByRole('button', {
        name: 'Search the archive',
      }),
    );
    await waitFor(() => expect(currentSearch().get('archive')).toBe('1'));
    // The store counts as a filter, and Clear drops it with the rest, as the panel's Clear all does.
    await user.click(await screen.findByRole('button', { name: 'Clear 2 filters' }));
    await waitFor(() => expect(currentSearch().get('from')).toBeNull());
    expect(currentSearch().get('archive')).toBeNull();
    expect(currentSearch().get('range')).toBe('30d');
  });

  it('renders hostile strings in every field as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const session = makeWireSession({ id: 'hostile', ended: true }, 7);
    for (const key of Object.keys(session) as (keyof WireSessionInfo)[]) {
      if (typeof session[key] === 'string' && key !== 'id' && !key.startsWith('date')) {
        (session as Record<string, unknown>)[key] = hostile;
      }
    }
    server.use(
      http.get(SESSIONS_URL, () =>
        HttpResponse.json<WireListResponse>({
          items: [session],
          totalCount: 1,
          totalPages: 1,
          hasMorePages: false,
        }),
      ),
    );
    renderApp('/');
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    const row = dataRows()[0]!;
    expect(row.querySelector('img, script')).toBeNull();
    expect(within(row).getAllByText(hostile, { exact: false }).length).toBeGreaterThan(3);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('survives unknown enum values and missing fields', async () => {
    server.use(
      http.get(SESSIONS_URL, () =>
        HttpResponse.json({
          items: [
            {
              id: 'odd',
              channel: 'Video',
              direction: 'Sideways',
              ended: false,
              callState: 'Transcribing',
              dateCreated: '/Date(1764255600000-0000)/',
            },
            { id: 'bare' },
            42,
            null,
          ],
          totalCount: 2,
        }),
      ),
    );
    renderApp('/');
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    expect(screen.getByText('Video')).toBeInTheDocument();
    expect(screen.getByText('Transcribing')).toBeInTheDocument();
  });

  it('moves the selection with arrows and j/k, and Enter opens the session in the URL', async () => {
    const { user, currentSearch } = renderApp('/');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
    const rows = dataRows();
    rows[0]!.focus();
    await user.keyboard('j');
    await waitFor(() => expect(document.activeElement).toBe(dataRows()[1]));
    await user.keyboard('{ArrowDown}{ArrowDown}k');
    await waitFor(() => expect(document.activeElement).toBe(dataRows()[2]));
    expect(dataRows()[2]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(currentSearch().get('session')).toBe(dataRows()[2]!.dataset.sessionId));
  });
});

describe('display preferences', () => {
  it('hides and shows columns from the Display menu, and remembers it', async () => {
    const first = renderApp('/');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    expect(screen.getByRole('columnheader', { name: /^Endpoint/ })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: /^Account/ })).toBeNull();
    await first.user.click(screen.getByRole('button', { name: 'Display' }));
    const panel = screen.getByRole('dialog', { name: 'Display settings' });
    await first.user.click(within(panel).getByRole('checkbox', { name: 'Endpoint' }));
    await first.user.click(within(panel).getByRole('checkbox', { name: 'Account' }));
    expect(screen.queryByRole('columnheader', { name: /^Endpoint/ })).toBeNull();
    expect(screen.getByRole('columnheader', { name: /^Account/ })).toBeInTheDocument();
    await first.user.click(within(panel).getByRole('radio', { name: 'Compact' }));
    expect(grid()).toHaveClass('density-compact');
    first.unmount();

    // A new visit keeps the choices (localStorage), not the URL.
    renderApp('/');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    expect(screen.queryByRole('columnheader', { name: /^Endpoint/ })).toBeNull();
    expect(screen.getByRole('columnheader', { name: /^Account/ })).toBeInTheDocument();
    expect(grid()).toHaveClass('density-compact');
  });

  it('ignores preferences it cannot read', async () => {
    localStorage.setItem('sh.columns.sizes', '{"from": "wide", "to": -5');
    localStorage.setItem('sh.density', '"enormous"');
    renderApp('/');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    expect(grid()).toHaveClass('density-comfortable');
  });
});

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

describe('keyboard shortcuts', () => {
  it('focuses the search with /, but not while typing in a field', async () => {
    const { user } = renderApp('/');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    dataRows()[0]!.focus();
    await user.keyboard('/');
    const from = screen.getByRole('searchbox', { name: 'From' });
    await waitFor(() => expect(from).toHaveFocus());
    await user.keyboard('/');
    expect(from).toHaveValue('/');
  });

  it('folds the filter panel away and brings it back with /', async () => {
    const { user } = renderApp('/?from=555');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    await user.click(screen.getByRole('button', { name: 'Hide filters' }));
    expect(screen.queryByRole('complementary', { name: 'Filters' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Filters (1)' })).toHaveAttribute('aria-expanded', 'false');
    dataRows()[0]!.focus();
    await user.keyboard('/');
    await waitFor(() => expect(screen.getByRole('searchbox', { name: 'From' })).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Hide filters' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('returns focus to the row when the drawer closes', async () => {
    const { user, currentSearch } = renderApp('/');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
    const row = dataRows()[2]!;
    row.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    expect(currentSearch().get('session')).toBe(row.dataset.sessionId);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(currentSearch().get('session')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(dataRows()[2]));
  });
});

describe('random access over a large result', () => {
  it('sizes the scrollbar from totalCount and fetches only the pages in view after a jump', async () => {
    const requests = recordRequests();
    server.use(bigResult(130_000));
    renderApp('/?archive=1&range=30d');
    await waitFor(() => expect(grid()).toHaveAttribute('aria-rowcount', '130001'));
    expect(await screen.findByText('130,000')).toBeInTheDocument();
    // Page 0, and one page ahead.
    await waitFor(() => expect(requests.map((q) => q.get('page')).sort()).toEqual(['0', '1']));

    // Jump to the middle (a scrollbar drag): row 65,000 is at 65,000 x 36 px.
    const before = requests.length;
    act(() => {
      grid().scrollTop = 65_000 * 36;
      fireEvent.scroll(grid());
    });
    await waitFor(() => expect(dataRows().some((r) => r.dataset.sessionId === 'row-65000')).toBe(true));
    // The page under the viewport (row 65,000 on, not the overscan rows drawn above it) and one ahead.
    const pages = (from: number) =>
      [...new Set(requests.slice(from).map((q) => Number(q.get('page'))))].sort();
    await waitFor(() => expect(pages(before)).toEqual([650, 651]));
    // Nothing in between was asked for.
    expect(requests.every((q) => Number(q.get('page')) <= 1 || Number(q.get('page')) >= 650)).toBe(true);

    // A view ending a few rows short of page 653 (its overscan rows reach into it): page 652 and the
    // one ahead, not 653 as under the view and 654 ahead of it.
    const again = requests.length;
    act(() => {
      grid().scrollTop = 65_275 * 36;
      fireEvent.scroll(grid());
    });
    await waitFor(() => expect(dataRows().some((r) => r.dataset.sessionId === 'row-65275')).toBe(true));
    const lastShown = Math.max(...dataRows().map((r) => Number(r.dataset.sessionId!.slice(4))));
    expect(lastShown).toBeGreaterThanOrEqual(65_300); // overscan rows drawn from page 653
    await waitFor(() => expect(pages(again)).toEqual([652, 653]));
    // The rows drawn below the view from page 653 (the page ahead) show their sessions once it is in.
    await waitFor(() => expect(dataRows().some((r) => r.dataset.sessionId === 'row-65302')).toBe(true));
  });

  it('asks for no page ahead of a filter left at once, and for the next page of one that stays', async () => {
    const requests = recordRequests();
    server.use(bigResult(130_000));
    const { router } = renderApp('/?archive=1&range=30d&from=1');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
    // Typed on: this filter's first rows were on screen for less than a moment.
    await act(() => router.navigate({ to: '/', search: { archive: true, range: '30d', from: '15' } }));
    await waitFor(() =>
      expect(requests.some((q) => q.get('from') === '15' && q.get('page') === '1')).toBe(true),
    );
    expect(requests.filter((q) => q.get('from') === '1').map((q) => q.get('page'))).toEqual(['0']);
  });

  it('shows placeholders for rows whose page is still loading', async () => {
    server.use(
      http.get(SESSIONS_URL, async ({ request }) => {
        if (new URL(request.url).searchParams.get('page') !== '0') await delay('infinite');
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
