// Finding the session to show: live or archive, not found, an error and its retry, a failed refresh.
import { beforeAll, describe, expect, it } from 'vitest';
import { within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../../test/msw-server';
import { sessionQueries } from '../api/session-queries';
import {
  SESSIONS_URL,
  loadDrawerChunk,
  openDrawer,
  serveSessions,
  session,
} from './session-drawer-test-helpers';

beforeAll(loadDrawerChunk);

describe('session drawer look-up', () => {
  it('opens a session only the archive has, and marks it archived', async () => {
    const requests = serveSessions([], [session({ id: 'old-1', fromName: 'Archived Caller' })]);
    const { dialog } = await openDrawer('/?session=old-1');
    await within(dialog).findByRole('heading', { name: /Archived Caller/ });
    expect(within(dialog).getAllByText('Archived').length).toBeGreaterThan(0);
    const lookups = requests.filter((u) => u.searchParams.get('specificIds') === 'old-1');
    expect(lookups.map((u) => u.searchParams.get('searchArchive') === 'true')).toEqual([false, true]);
  });

  it('says when neither live sessions nor the archive have the id', async () => {
    serveSessions([], []);
    const { dialog } = await openDrawer('/?session=nope-404');
    expect(await within(dialog).findByRole('heading', { name: 'Session not found' })).toBeInTheDocument();
    expect(within(dialog).getByText(/Searched live sessions and the archive/)).toHaveTextContent('nope-404');
  });

  it("shows the server's message on error, and Retry loads it", async () => {
    let fail = true;
    server.use(
      http.get(SESSIONS_URL, ({ request }) => {
        const url = new URL(request.url);
        if (fail && url.searchParams.has('specificIds')) {
          // A 4xx: the client does not retry those, so the banner shows at once.
          return HttpResponse.json(
            { responseStatus: { errorCode: 'Forbidden', message: 'You may not see account acc-1' } },
            { status: 403 },
          );
        }
        const items = url.searchParams.has('specificIds') ? [session()] : [];
        return HttpResponse.json({ items, totalCount: items.length, totalPages: 1, hasMorePages: false });
      }),
    );
    const { dialog, user } = await openDrawer('/?session=sess-1');
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('You may not see account acc-1');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(dialog).findByRole('heading', { name: /Robert Miller/ })).toBeInTheDocument();
  });

  it('keeps the session on screen when a refresh fails, and says so', async () => {
    serveSessions([session()]);
    const { dialog, queryClient } = await openDrawer('/?session=sess-1');
    await within(dialog).findByRole('heading', { name: /Robert Miller/ });
    server.use(
      http.get(SESSIONS_URL, () =>
        HttpResponse.json(
          { responseStatus: { errorCode: 'Forbidden', message: 'Access revoked' } },
          { status: 403 },
        ),
      ),
    );
    await queryClient.refetchQueries({ queryKey: sessionQueries.all() });
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not refresh this session; showing the last answer. Access revoked',
    );
    expect(within(dialog).getByRole('heading', { name: /Robert Miller/ })).toBeInTheDocument();
    expect(within(dialog).getByRole('list', { name: 'Log entries' })).toBeInTheDocument();
  });
});
