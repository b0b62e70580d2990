import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../../test/msw-server';
import { renderApp } from '../../../test/render';
import { SESSIONS_URL, serviceStackError } from '../../../test/msw-handlers';
import { makeWireSession } from '../../../test/session-factory';
import type { WireListResponse, WireSessionInfo } from '../api/session-types';

import { dataRows, grid, recordRequests } from '../../../test/table-helpers';

describe('the sessions table', () => {
  it('shows the total and the rows of page 0, and names the store only when the link picks one', async () => {
    renderApp('/');
    expect(await screen.findByText(/sessions$/)).toBeInTheDocument();
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(5));
    const total = Number(
      screen.getByText(/^\d[\d,]*$/, { selector: 'strong' }).textContent!.replace(/,/g, ''),
    );
    expect(grid()).toHaveAttribute('aria-rowcount', String(total + 1));
    // aria-rowindex counts the header as row 1.
    expect(dataRows()[0]).toHaveAttribute('aria-rowindex', '2');
    // Live and archived sessions are one result: no store to name.
    expect(screen.queryByText(/ only$/, { selector: '.badge' })).toBeNull();
  });

  it('names the store when the link asks for one', async () => {
    renderApp('/?archive=0');
    expect(await screen.findByText('Live only', { selector: '.badge' })).toBeInTheDocument();
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
    expect(await screen.findByText('No sessions found')).toBeInTheDocument();
    const text = screen.getByText(/^Searched/).textContent!;
    expect(text).toContain(
      `accounts \u2068\u202Eevil${'x'.repeat(35)}…\u2069, \u2068b2\u2069, \u2068c3\u2069 and 2 more`,
    );
    expect(text).toContain('customer \u2068only1\u2069');
    expect(text).not.toContain('d4');
  });

  it('says what was searched when nothing matches, and offers the likely fixes', async () => {
    const { user, currentSearch } = renderApp('/?from=999999999&archive=0');
    expect(await screen.findByText('No live sessions found')).toBeInTheDocument();
    expect(
      screen.getByText(
        /^Searched Last 7 days · Nov 2\d – Nov 2\d \(.+\) for From contains “\u2068999999999\u2069”/,
      ),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Widen to the last 30 days' }));
    await waitFor(() => expect(currentSearch().get('range')).toBe('30d'));
    await user.click(await screen.findByRole('button', { name: 'Search the archive too' }));
    await waitFor(() => expect(currentSearch().get('archive')).toBeNull());
    expect(await screen.findByText('No sessions found')).toBeInTheDocument();
    // Clear drops the filters and keeps the window, as the panel's Clear all does.
    await user.click(await screen.findByRole('button', { name: 'Clear 1 filter' }));
    await waitFor(() => expect(currentSearch().get('from')).toBeNull());
    expect(currentSearch().get('range')).toBe('30d');
  });

  it('shows an empty result as its empty state alone, with no scan line, counts or chart of nothing', async () => {
    renderApp('/?from=999999999&archive=0');
    expect(await screen.findByText('No live sessions found')).toBeInTheDocument();
    await waitFor(() => expect(grid()).toHaveAttribute('aria-busy', 'false'));
    // The counts of a small result are read at once: give them the time they take to show.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByText(/^Scanned/)).toBeNull();
    expect(screen.queryByRole('button', { name: /^Missed/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: /^Sessions per/ })).toBeNull();
  });

  it('says what a refined scan read when it finds no match', async () => {
    renderApp('/?from=999999999&archive=0&missed=1');
    expect(await screen.findByText(/^Scanned 0 of 0 sessions/)).toBeInTheDocument();
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
              dateCreated: `/Date(${Date.now() - 3_600_000}-0000)/`,
            },
            // Nothing but an id and the date that places it in the window.
            { id: 'bare', dateCreated: `/Date(${Date.now() - 7_200_000}-0000)/` },
            42,
            null,
          ],
          totalCount: 2,
        }),
      ),
    );
    renderApp('/');
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    expect(within(grid()).getByText('Video')).toBeInTheDocument();
    expect(within(grid()).getByText('Transcribing')).toBeInTheDocument();
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
    // The panel's code loads with the first click.
    const panel = await screen.findByRole('dialog', { name: 'Display settings' });
    await first.user.click(within(panel).getByRole('checkbox', { name: 'Endpoint' }));
    await first.user.click(within(panel).getByRole('checkbox', { name: 'Account' }));
    expect(screen.queryByRole('columnheader', { name: /^Endpoint/ })).toBeNull();
    expect(screen.getByRole('columnheader', { name: /^Account/ })).toBeInTheDocument();
    await first.user.click(within(panel).getByRole('radio', { name: 'Compact' }));
    expect(grid()).toHaveClass('density-compact');
    // Escape closes it, from inside the panel or from its button, and focus returns to the button.
    await first.user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Display settings' })).toBeNull();
    const button = screen.getByRole('button', { name: 'Display' });
    expect(button).toHaveFocus();
    await first.user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Display settings' })).toBeInTheDocument();
    await first.user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Display settings' })).toBeNull();
    expect(button).toHaveAttribute('aria-expanded', 'false');
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
