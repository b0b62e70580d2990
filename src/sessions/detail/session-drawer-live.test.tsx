// The drawer of a live session whose log grows while it is read ("N new lines"), and "Filter by
// this", which narrows the table to a value of the session.
import { beforeAll, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../../test/msw-server';
import { renderApp } from '../../../test/render';
import { makeWireSession } from '../../../test/session-factory';
import type { WireSessionInfo } from '../api/session-types';
import { sessionQueries } from '../api/session-queries';

/** The height jsdom's setup gives every element, and the log's estimated line height. */
const VIEW_HEIGHT = 800;
const LINE_HEIGHT = 24;
/** The drawer's other content (jsdom lays nothing out, so the log starts at the top). */
const OTHER_CONTENT = 1000;

const logOf = (lines: number, startMs: number) =>
  Array.from({ length: lines }, (_, i) => ({
    date: new Date(startMs + i * 1000).toISOString(),
    message: `Flow step ${i + 1}`,
  }));

/** Answers look-ups by id from `current()`, and every other request (the table's) with it too. */
function serve(current: () => WireSessionInfo) {
  const requests: URL[] = [];
  server.use(
    http.get('*/api/sessions', ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      const items = url.searchParams.get('searchArchive') === 'true' ? [] : [current()];
      return HttpResponse.json({ items, totalCount: items.length, totalPages: 1, hasMorePages: false });
    }),
  );
  return requests;
}

/**
 * The drawer's scrolling body, laid out as a browser would: `height()` tall, scrolled where the test
 * says, and recording where the app scrolls it.
 */
function layOut(body: HTMLElement, height: () => number) {
  let top = 0;
  const scrolledTo: number[] = [];
  Object.defineProperties(body, {
    scrollHeight: { configurable: true, get: height },
    scrollTop: {
      configurable: true,
      get: () => top,
      set: (v: number) => void (top = Math.max(0, Math.min(v, height() - VIEW_HEIGHT))),
    },
  });
  body.scrollTo = ((options: ScrollToOptions) => {
    if (options.top === undefined) return;
    scrolledTo.push(options.top);
    body.scrollTop = options.top;
    fireEvent.scroll(body);
  }) as typeof body.scrollTo;
  return {
    scrolledTo,
    /** The reader scrolls to `y`. */
    scrollTo: (y: number) => {
      body.scrollTop = y;
      fireEvent.scroll(body);
    },
  };
}

beforeAll(async () => {
  await import('./session-drawer');
});

describe('a live session whose log grows', () => {
  const started = () => Date.now() - 10 * 60_000;
  const live = (lines: number, start: number) =>
    makeWireSession({
      id: 'live-1',
      dateCreated: new Date(start).toISOString(),
      dateCompleted: undefined,
      ended: false,
      callState: 'Connected',
      fromAddress: '+15035550100',
      log: logOf(lines, start),
    });

  async function openLive() {
    const start = started();
    let lines = 100;
    serve(() => live(lines, start));
    const app = renderApp('/?session=live-1');
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('Flow step 1');
    const body = within(dialog).getByRole('region', { name: 'Session details' });
    const height = () => lines * LINE_HEIGHT + OTHER_CONTENT;
    const view = layOut(body, height);
    /** The next refresh brings `more` lines. */
    const grow = async (more: number) => {
      lines += more;
      await act(() => app.queryClient.refetchQueries({ queryKey: sessionQueries.detail('live-1').queryKey }));
      await within(dialog).findByText(`${lines} entries`, { exact: false });
    };
    return { ...app, dialog, body, view, grow, bottom: () => height() - VIEW_HEIGHT };
  }

  it('stays where the reader is and counts the lines that arrived, across refreshes', async () => {
    const { dialog, body, view, grow } = await openLive();
    view.scrollTo(1000);
    expect(within(dialog).queryByRole('button', { name: /new line/ })).not.toBeInTheDocument();

    await grow(3);
    expect(await within(dialog).findByRole('button', { name: '3 new lines ↓' })).toBeInTheDocument();
    expect(body.scrollTop).toBe(1000);

    await grow(1);
    expect(await within(dialog).findByRole('button', { name: '4 new lines ↓' })).toBeInTheDocument();
    expect(body.scrollTop).toBe(1000);
  });

  it('"N new lines" brings the first new line into view, and goes away', async () => {
    const { dialog, view, grow } = await openLive();
    view.scrollTo(1000);
    await grow(5);
    const button = await within(dialog).findByRole('button', { name: '5 new lines ↓' });

    const before = view.scrolledTo.length;
    fireEvent.click(button);
    // Line 101, the first new one, at the top of the view (under the find bar's padding).
    await waitFor(() => expect(view.scrolledTo.length).toBeGreaterThan(before));
    expect(view.scrolledTo.at(-1)).toBeGreaterThan(100 * LINE_HEIGHT - 60);
    expect(view.scrolledTo.at(-1)).toBeLessThanOrEqual(100 * LINE_HEIGHT);
    expect(within(dialog).queryByRole('button', { name: /new line/ })).not.toBeInTheDocument();
  });

  it('follows new lines when scrolled to the end, and says nothing', async () => {
    const { dialog, body, view, grow, bottom } = await openLive();
    view.scrollTo(bottom());
    const before = body.scrollTop;
    await grow(3);
    // Still at the end: the view moved down to the new bottom.
    expect(body.scrollTop).toBe(bottom());
    expect(body.scrollTop).toBe(before + 3 * LINE_HEIGHT);
    expect(within(dialog).queryByRole('button', { name: /new line/ })).not.toBeInTheDocument();
  });

  it('forgets the count once the reader scrolls back to the end', async () => {
    const { dialog, view, grow, bottom } = await openLive();
    view.scrollTo(1000);
    await grow(2);
    await within(dialog).findByRole('button', { name: '2 new lines ↓' });
    view.scrollTo(bottom());
    await waitFor(() =>
      expect(within(dialog).queryByRole('button', { name: /new line/ })).not.toBeInTheDocument(),
    );
  });
});

describe('"Filter by this"', () => {
  const session = makeWireSession({
    id: 'sess-1',
    fromAddress: '+15035550100',
    customerId: 'cus-3',
    customerName: 'Harbor Dental East',
    endpointId: 'ep-7',
    endpointName: 'Front Desk',
  });

  async function openDrawer() {
    const requests = serve(() => session);
    const app = renderApp('/?session=sess-1');
    const dialog = await screen.findByRole('dialog');
    const who = await within(dialog).findByRole('region', { name: 'Who' });
    return { ...app, requests, dialog, who: within(who) };
  }

  /** The table's page requests made after `from` (the drawer's look-ups carry specificIds). */
  const tableRequests = (requests: URL[], from: number) =>
    requests.slice(from).filter((u) => !u.searchParams.has('specificIds'));

  it('narrows the table to the caller, keeping the drawer open', async () => {
    const { who, requests, currentSearch, user } = await openDrawer();
    const seen = requests.length;
    await user.click(who.getByRole('button', { name: 'Filter by this from address' }));
    await waitFor(() => expect(currentSearch().get('from')).toBe('+15035550100'));
    expect(currentSearch().get('session')).toBe('sess-1');
    await waitFor(() =>
      expect(tableRequests(requests, seen).some((u) => u.searchParams.get('from') === '+15035550100')).toBe(
        true,
      ),
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('narrows the table to the customer and to the endpoint, by id', async () => {
    const { who, requests, currentSearch, user } = await openDrawer();
    const seen = requests.length;
    await user.click(who.getByRole('button', { name: 'Filter by this customer' }));
    await waitFor(() => expect(currentSearch().getAll('customer')).toEqual(['cus-3']));
    await user.click(who.getByRole('button', { name: 'Filter by this endpoint' }));
    await waitFor(() => expect(currentSearch().getAll('endpoint')).toEqual(['ep-7']));
    // Both apply together.
    expect(currentSearch().getAll('customer')).toEqual(['cus-3']);
    await waitFor(() =>
      expect(
        tableRequests(requests, seen).some(
          (u) =>
            u.searchParams.get('customerIds') === 'cus-3' && u.searchParams.get('endpointIds') === 'ep-7',
        ),
      ).toBe(true),
    );
  });

  it('is offered only for values the session has', async () => {
    serve(() => makeWireSession({ id: 'sess-2', fromAddress: '+15035550100', customerId: undefined }));
    renderApp('/?session=sess-2');
    const dialog = await screen.findByRole('dialog');
    const who = within(await within(dialog).findByRole('region', { name: 'Who' }));
    expect(who.getByRole('button', { name: 'Filter by this from address' })).toBeInTheDocument();
    expect(who.queryByRole('button', { name: 'Filter by this customer' })).not.toBeInTheDocument();
  });
});
