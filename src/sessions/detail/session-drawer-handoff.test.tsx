// The drawer's story, transfer tree, masking and copied summary, against MSW data.
import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../../test/msw-server';
import { renderApp } from '../../../test/render';
import { makeWireSession } from '../../../test/session-factory';
import type { WireSessionInfo } from '../api/session-types';

const START = '2026-11-20T10:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(START) + seconds * 1000).toISOString();

function session(overrides: Partial<WireSessionInfo> = {}): WireSessionInfo {
  return makeWireSession({
    id: 'sess-1',
    dateCreated: START,
    dateCompleted: at(300),
    ended: true,
    direction: 'Incoming',
    channel: 'Voice',
    fromName: 'Robert Miller',
    fromAddress: '+15035550100',
    callbackNumber: '+1 (503) 555-0100',
    displayName: 'Robert Miller',
    toAddress: '+15035551001',
    endpointName: 'Front Desk',
    answeredByName: 'Maria Gonzalez',
    outcome: 'Answered',
    wasMissed: false,
    parentSessionId: undefined,
    log: [
      { date: at(0), message: 'Incoming call from +15035550100 (Robert Miller) to Front Desk' },
      { date: at(5), message: 'Entered queue "Front Desk Queue" at position 2' },
      { date: at(10), message: 'Ringing agent Maria Gonzalez (ext 101)' },
      { date: at(30), message: 'Call answered by Maria Gonzalez' },
      { date: at(290), message: 'Robert Miller hung up' },
    ],
    members: [{ identity: '+15035550100', displayName: 'Robert Miller', role: 'Caller' }],
    ...overrides,
  });
}

/** Answers look-ups by id and by parent (`parentSessionId`), as the API does. */
function serve(sessions: WireSessionInfo[]) {
  server.use(
    http.get('*/api/sessions', ({ request }) => {
      const url = new URL(request.url);
      const ids = url.searchParams.get('specificIds')?.split(',');
      const parent = url.searchParams.get('parentSessionId');
      const all = url.searchParams.get('searchArchive') === 'true' ? [] : sessions;
      const matches = ids
        ? all.filter((s) => ids.includes(s.id ?? ''))
        : parent
          ? all.filter((s) => s.parentSessionId === parent)
          : all;
      const size = Number(url.searchParams.get('countPerPage') ?? 100);
      const items = matches.slice(0, size);
      return HttpResponse.json({ items, totalCount: matches.length, totalPages: 1, hasMorePages: false });
    }),
  );
}

async function openDrawer(url: string) {
  const app = renderApp(url);
  const dialog = await screen.findByRole('dialog');
  const story = await within(dialog).findByRole('region', { name: 'What happened' });
  return { ...app, dialog, story };
}

beforeAll(async () => {
  await import('./session-drawer');
});

describe('the story', () => {
  it('comes first, with its figures, and a fact finds its log lines', async () => {
    serve([session()]);
    const { dialog, user, story } = await openDrawer('/?session=sess-1');
    expect(story).toHaveTextContent(
      /Incoming call from Robert Miller \(\+15035550100\) to Front Desk, .*\. Waited 0:25 in Front Desk Queue while 1 agent was rung\. Answered by Maria Gonzalez after 0:30, Robert Miller hung up at \d+:\d\d, ended after 5:00\./,
    );
    const figures = within(dialog).getByRole('group', { name: 'Key figures' });
    expect(figures).toHaveTextContent(/Wait\s*0:25/);
    expect(figures).toHaveTextContent(/Total\s*5:00/);
    await user.click(within(story).getByRole('button', { name: '1 agent was rung' }));
    expect(await within(dialog).findByText(/Marked 1 line for/)).toBeInTheDocument();
    expect(dialog.querySelector('.log-line-linked')).toHaveTextContent('Ringing agent Maria Gonzalez');
  });
});

describe('the transfer tree', () => {
  it('shows nothing for a session without transfers', async () => {
    serve([session()]);
    const { dialog } = await openDrawer('/?session=sess-1');
    await waitFor(() =>
      expect(within(dialog).getByRole('group', { name: 'Key figures' })).toHaveTextContent(/Transfers\s*0/),
    );
    expect(within(dialog).queryByRole('region', { name: 'Transfers' })).not.toBeInTheDocument();
  });

  it('shows one leg, with its time, answerer and outcome, as a link to it', async () => {
    serve([
      session(),
      session({
        id: 'leg-1',
        parentSessionId: 'sess-1',
        endpointName: 'Billing',
        answeredByName: 'Ann Lee',
        log: [],
      }),
    ]);
    const { dialog } = await openDrawer('/?session=sess-1');
    const tree = await within(dialog).findByRole('region', { name: 'Transfers' });
    expect(within(tree).getByRole('heading')).toHaveTextContent('1 transfer');
    const leg = await within(tree).findByRole('link', { name: 'To Billing' });
    expect(leg).toHaveAttribute('href', expect.stringContaining('session=leg-1'));
    expect(leg.closest('li')).toHaveTextContent(/answered by Ann Lee · Answered · 5:00/);
  });

  it('walks down nested legs (a transfer of a transfer)', async () => {
    serve([
      session(),
      session({ id: 'leg-1', parentSessionId: 'sess-1', endpointName: 'Billing', log: [] }),
      session({ id: 'leg-2', parentSessionId: 'sess-1', endpointName: 'Sales', log: [] }),
      session({ id: 'leg-1-1', parentSessionId: 'leg-1', endpointName: 'Escalations', log: [] }),
    ]);
    const { dialog } = await openDrawer('/?session=sess-1');
    const tree = await within(dialog).findByRole('region', { name: 'Transfers' });
    expect(within(tree).getByRole('heading')).toHaveTextContent('2 transfers');
    const nested = await within(tree).findByRole('link', { name: 'To Escalations' });
    expect(within(tree).getByRole('link', { name: 'To Billing' }).closest('li')).toContainElement(nested);
    expect(within(tree).getByRole('link', { name: 'To Sales' }).closest('li')).not.toContainElement(nested);
  });
});

describe('handing a session on', () => {
  it('copies a plain-text summary: story, figures, times, id and link, the log on request', async () => {
    serve([session()]);
    const { dialog, user } = await openDrawer('/?session=sess-1');
    await user.click(within(dialog).getByRole('button', { name: 'Copy summary' }));
    const text = await navigator.clipboard.readText();
    expect(text).toMatch(/^Incoming call from Robert Miller \(\+15035550100\) to Front Desk, /);
    expect(text).toMatch(/\n\nWait 0:25 · Ring 0:20 · Talk 4:30 · Total 5:00 · Transfers 0\n/);
    expect(text).toMatch(/\nStarted: .*2026.*\nEnded: .*2026/);
    expect(text).toContain('\nSession: sess-1\nLink: http');
    expect(text).not.toContain('Log (');
    await user.click(within(dialog).getByRole('checkbox', { name: 'with log' }));
    await user.click(within(dialog).getByRole('button', { name: 'Copy summary' }));
    expect(await navigator.clipboard.readText()).toContain('Log (5):\n+00:00\tIncoming call from');
  });

  it('masks caller details everywhere: no full number or name, last four digits kept', async () => {
    serve([session()]);
    const { dialog, user } = await openDrawer('/?session=sess-1');
    await user.click(within(dialog).getByRole('switch', { name: 'Mask caller details' }));
    await waitFor(() => expect(dialog).not.toHaveTextContent('Robert Miller'));
    const text = dialog.textContent ?? '';
    expect(text).not.toMatch(/\d[\d ()+.-]{5,}\d{2}/);
    expect(text).not.toContain('Miller');
    expect(text).toContain('•••• 0100');
    expect(text).toContain('R. M.');
    // Agents are not the caller.
    expect(text).toContain('Maria Gonzalez');

    await user.click(within(dialog).getByRole('button', { name: 'Copy summary' }));
    const summary = await navigator.clipboard.readText();
    expect(summary).toContain('Incoming call from R. M. (•••• 0100)');
    expect(summary).not.toMatch(/5035550100|Robert|Miller/);
    expect(summary).toMatch(/Link: .*[?&]mask=1/);
    await user.click(within(dialog).getByRole('button', { name: 'Copy link to this session' }));
    expect(await navigator.clipboard.readText()).toMatch(/[?&]mask=1/);
    expect(within(dialog).getByRole('link', { name: /^Print/ })).toHaveAttribute(
      'href',
      expect.stringContaining('mask=1'),
    );
  });

  it('opens masked from a mask=1 link', async () => {
    serve([session()]);
    const { dialog } = await openDrawer('/?session=sess-1&mask=1');
    expect(within(dialog).getByRole('switch', { name: 'Mask caller details' })).toBeChecked();
    expect(dialog).not.toHaveTextContent('Robert Miller');
  });
});
