import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { act, fireEvent } from '@testing-library/react';
import { http } from 'msw';
import { renderApp } from '../../../test/render';
import { server } from '../../../test/msw-server';
import { SESSIONS_URL, serviceStackError } from '../../../test/msw-handlers';
import { sessionQueries } from '../api/session-queries';

/** Records every GET /api/sessions and lets the default handler answer it. */
function captureRequests(): string[] {
  const urls: string[] = [];
  server.use(
    http.get(SESSIONS_URL, ({ request }) => {
      urls.push(request.url);
      // Returning nothing hands the request on to the next (default) handler.
    }),
  );
  return urls;
}
const params = (url: string) => new URL(url).searchParams;

/** The app at `url`, once the sessions screen (and so the panel) is on screen. */
async function open(url: string) {
  const app = renderApp(url);
  await screen.findByRole('complementary', { name: 'Filters' });
  return app;
}

function panel() {
  return within(screen.getByRole('complementary', { name: 'Filters' }));
}

describe('text filters', () => {
  it('writes From to the URL after a pause in typing, and the request carries it', async () => {
    const requests = captureRequests();
    const { user, currentSearch } = await open('/');
    const from = panel().getByRole('searchbox', { name: 'From' });

    await user.type(from, '503');
    expect(currentSearch().get('from')).toBeNull(); // debounced: not yet

    await waitFor(() => expect(currentSearch().get('from')).toBe('503'));
    await waitFor(() => expect(requests.some((u) => params(u).get('from') === '503')).toBe(true));
    // Keystrokes are not searched one by one.
    expect(requests.some((u) => params(u).get('from') === '5')).toBe(false);
  });

  it('keeps text typed but not yet in the URL when a 401 sends the user to sign in', async () => {
    const app = renderApp('/?archive=1', { signInOn401: true });
    await screen.findByRole('complementary', { name: 'Filters' });
    await waitFor(() => expect(app.queryClient.isFetching()).toBe(0)); // page 0 is in
    // Typed; the URL would have it 300 ms after the last keystroke...
    fireEvent.change(panel().getByRole('searchbox', { name: 'From' }), { target: { value: '+1503' } });
    expect(app.currentSearch().get('from')).toBeNull();
    // ...but the sign-in cookie has expired, and a request in the background answers 401 first.
    server.use(http.get(SESSIONS_URL, () => serviceStackError(401, 'Not Authenticated', 'Unauthorized')));
    await act(() => app.queryClient.refetchQueries({ queryKey: sessionQueries.all() }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/sign-in'));
    const back = new URL(app.router.state.location.search.redirect as string, 'http://x');
    expect(back.searchParams.get('from')).toBe('+1503');
    expect(back.searchParams.get('archive')).toBe('1');
    // The view as typed is the entry before sign-in.
    act(() => app.router.history.back());
    await waitFor(() => expect(app.currentSearch().get('from')).toBe('+1503'));
  });

  it('applies at once on Enter', async () => {
    const { user, currentSearch } = await open('/');
    await user.type(panel().getByRole('searchbox', { name: 'Log' }), 'voicemail{Enter}');
    // Well inside the 300 ms debounce.
    await waitFor(() => expect(currentSearch().get('log')).toBe('voicemail'), { timeout: 150 });
  });

  it('writes a + as %2B in the URL and in the request', async () => {
    const requests = captureRequests();
    const { user, currentUrl } = await open('/');
    await user.type(panel().getByRole('searchbox', { name: 'From' }), '+1503{Enter}');

    await waitFor(() => expect(currentUrl()).toContain('from=%2B1503'));
    await waitFor(() => expect(requests.some((u) => u.includes('from=%2B1503'))).toBe(true));
    expect(requests.some((u) => /from=\+1503|from=%201503/.test(u))).toBe(false);
  });

  it('leaves one history entry per search, so Back undoes the whole search', async () => {
    const { user, router, currentSearch } = await open('/?to=971');
    const from = panel().getByRole('searchbox', { name: 'From' });
    await user.type(from, '50');
    await waitFor(() => expect(currentSearch().get('from')).toBe('50'));
    await user.type(from, '3{Enter}');
    await waitFor(() => expect(currentSearch().get('from')).toBe('503'));

    router.history.back();
    await waitFor(() => expect(currentSearch().get('from')).toBeNull());
    expect(currentSearch().get('to')).toBe('971');
    // The input follows the URL.
    expect(from).toHaveValue('');
  });

  it('follows the URL when it changes from outside', async () => {
    const { router } = await open('/?from=503');
    const from = panel().getByRole('searchbox', { name: 'From' });
    expect(from).toHaveValue('503');
    await router.navigate({ to: '/', search: { from: '971' } });
    await waitFor(() => expect(from).toHaveValue('971'));
  });
});

describe('Clear all', () => {
  it('removes every filter and keeps the range', async () => {
    const { user, currentSearch } = await open(
      '/?range=30d&from=503&to=971&log=queue&account=a1,a2&customer=c1&endpoint=e1&parent=p1&archive=1',
    );
    expect(panel().getByText('9 active')).toBeInTheDocument();

    await user.click(panel().getByRole('button', { name: 'Clear all' }));

    await waitFor(() => expect([...currentSearch().keys()]).toEqual(['range']));
    expect(panel().getByRole('searchbox', { name: 'From' })).toHaveValue('');
    expect(panel().getByRole('searchbox', { name: 'To' })).toHaveValue('');
    expect(panel().getByRole('searchbox', { name: 'Log' })).toHaveValue('');
    expect(panel().queryByText(/Child sessions of/)).not.toBeInTheDocument();
    expect(panel().queryByText(/active/)).not.toBeInTheDocument();
    expect(panel().getByRole('radio', { name: 'All' })).toBeChecked();
    expect(panel().getByRole('button', { name: 'Clear all' })).toBeDisabled();
  });
});

describe('id chips', () => {
  it('adds a raw id on Enter and removes it by its button and by Backspace', async () => {
    const requests = captureRequests();
    const { user, currentSearch } = await open('/');
    const accounts = panel().getByRole('combobox', { name: 'Accounts' });

    await user.type(accounts, 'acc_raw_1{Enter}');
    await waitFor(() => expect(currentSearch().get('account')).toBe('acc_raw_1'));
    await user.type(accounts, 'acc_raw_2{Enter}');
    await waitFor(() => expect(currentSearch().get('account')).toBe('acc_raw_1,acc_raw_2'));
    await waitFor(() =>
      expect(requests.some((u) => params(u).get('accountIds') === 'acc_raw_1,acc_raw_2')).toBe(true),
    );

    await user.click(panel().getByRole('button', { name: 'Remove acc_raw_1' }));
    await waitFor(() => expect(currentSearch().get('account')).toBe('acc_raw_2'));

    // Backspace in the empty input removes the last chip.
    await user.click(accounts);
    await user.keyboard('{Backspace}');
    await waitFor(() => expect(currentSearch().get('account')).toBeNull());
    expect(panel().queryByRole('button', { name: /^Remove acc_raw/ })).not.toBeInTheDocument();
  });

  it('suggests names the results have shown and adds the picked id, shown by name', async () => {
    const { user, currentSearch } = await open('/');
    const accounts = panel().getByRole('combobox', { name: 'Accounts' });

    await user.type(accounts, 'north');
    const option = await screen.findByRole('option', { name: /Northwind Telecom/ }, { timeout: 3000 });
    expect(option).toHaveTextContent('acc_6a1f0c2e9b7d4e11');

    await user.keyboard('{ArrowDown}');
    expect(accounts).toHaveAttribute('aria-activedescendant', option.id);
    await user.keyboard('{Enter}');

    await waitFor(() => expect(currentSearch().get('account')).toBe('acc_6a1f0c2e9b7d4e11'));
    expect(accounts).toHaveValue('');
    expect(panel().getByRole('button', { name: 'Remove Northwind Telecom' })).toBeInTheDocument();
  });
});

describe('id chips from a link', () => {
  it('show the id, then the name once the results have shown it', async () => {
    await open('/?account=acc_6a1f0c2e9b7d4e11,acc_nobody');
    expect(
      await panel().findByRole('button', { name: 'Remove Northwind Telecom' }, { timeout: 3000 }),
    ).toBeInTheDocument();
    // An id no result has named stays an id.
    expect(panel().getByRole('button', { name: 'Remove acc_nobody' })).toBeInTheDocument();
  });
});

describe('All / Live / Archived', () => {
  it('shows both stores as one result by default, and asks the archive only when the window reaches it', async () => {
    const requests = captureRequests();
    const { currentSearch } = await open('/?range=30d');
    expect(panel().getByRole('radio', { name: 'All' })).toBeChecked();
    expect(panel().getByText(/archived\. All shows both as one list\./)).toBeInTheDocument();
    expect(currentSearch().get('archive')).toBeNull();
    // 30 days reach past the archive's 15: both stores are asked, live and archive.
    await waitFor(() => expect(requests.some((u) => params(u).get('searchArchive') === 'true')).toBe(true));
    expect(requests.some((u) => params(u).get('searchArchive') !== 'true')).toBe(true);
  });

  it('asks only the live store for a recent window', async () => {
    const requests = captureRequests();
    await open('/?range=today');
    await waitFor(() => expect(requests.length).toBeGreaterThan(0));
    expect(requests.every((u) => params(u).get('searchArchive') !== 'true')).toBe(true);
  });

  it('writes archive=1 for Archived only and archive=0 for Live only, and All removes it', async () => {
    const requests = captureRequests();
    const { user, currentSearch } = await open('/');

    await user.click(panel().getByRole('radio', { name: 'Archived' }));
    await waitFor(() => expect(currentSearch().get('archive')).toBe('1'));
    await waitFor(() => expect(requests.some((u) => params(u).get('searchArchive') === 'true')).toBe(true));

    await user.click(panel().getByRole('radio', { name: 'Live' }));
    await waitFor(() => expect(currentSearch().get('archive')).toBe('0'));

    await user.click(panel().getByRole('radio', { name: 'All' }));
    await waitFor(() => expect(currentSearch().get('archive')).toBeNull());
  });
});

describe('parent filter', () => {
  it('shows as a removable chip', async () => {
    const { user, currentSearch } = await open('/?parent=ses_parent_1');
    expect(panel().getByText(/Child sessions of/)).toHaveTextContent('Child sessions of ses_parent_1');

    await user.click(panel().getByRole('button', { name: 'Remove parent filter ses_parent_1' }));

    await waitFor(() => expect(currentSearch().get('parent')).toBeNull());
  });
});

describe('refinements', () => {
  it('lists the outcomes the result was counted with, and a checked one filters the table', async () => {
    const { user, currentSearch } = renderApp('/?range=30d');
    // A small result is counted as soon as it shows: its outcomes become the panel's choices.
    const counts = await screen.findByRole('group', { name: 'Counts' }, { timeout: 10_000 });
    const seen = within(counts)
      .getAllByRole('button', { name: /^Outcome / })
      .map((b) => /^Outcome (.+): /.exec(b.getAttribute('aria-label')!)![1]!);
    expect(seen.length).toBeGreaterThan(1);
    // The panel's refinements load after the first screen.
    const group = await screen.findByRole('group', { name: 'Outcome' });
    await waitFor(() =>
      expect(
        within(group)
          .getAllByRole('checkbox')
          .map((c) => c.closest('label')!.textContent),
      ).toEqual([...seen].sort()),
    );
    await user.click(within(group).getByRole('checkbox', { name: seen[0]! }));
    await waitFor(() => expect(currentSearch().get('outcome')).toBe(seen[0]));
  });
});
