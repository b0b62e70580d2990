// What the drawer shows of a session: summary, members, log, live duration, and its copy and print actions.
import { beforeAll, describe, expect, it } from 'vitest';
import { waitFor, within } from '@testing-library/react';
import { loadDrawerChunk, openDrawer, serveSessions, session } from './session-drawer-test-helpers';

beforeAll(loadDrawerChunk);

describe('session drawer', () => {
  it('shows the summary, members with application data, and the log with offsets', async () => {
    serveSessions([session()]);
    const { dialog } = await openDrawer('/?session=sess-1');
    await within(dialog).findByRole('heading', { name: /Robert Miller \(\+15035550100\) → \+15035551001/ });
    expect(dialog).toHaveAttribute('aria-modal', 'true');

    const who = within(dialog).getByRole('region', { name: 'Who' });
    const field = (region: HTMLElement, label: string) => within(region).getByText(label).nextElementSibling;
    expect(field(who, 'Customer')).toHaveTextContent('Harbor Group › Harbor Dental › Harbor Dental East');
    expect(field(who, 'Account')).toHaveTextContent('Northwind Telecom (acc-1)');
    const when = within(dialog).getByRole('region', { name: 'When' });
    expect(within(when).getByText('2:05')).toBeInTheDocument();
    const outcome = within(dialog).getByRole('region', { name: 'Outcome' });
    expect(within(outcome).getByText('Answered')).toBeInTheDocument();
    expect(within(outcome).getByText('Incoming')).toBeInTheDocument();
    const ids = within(dialog).getByRole('region', { name: 'Telephony ids' });
    expect(within(ids).getByText('CA0123456789abcdef')).toBeInTheDocument();
    expect(within(ids).getByRole('button', { name: 'Copy Call SID' })).toBeInTheDocument();
    expect(within(ids).getByRole('button', { name: 'Copy Conference SID' })).toBeInTheDocument();
    expect(within(ids).getByRole('button', { name: 'Copy Session id' })).toBeInTheDocument();
    expect(within(dialog).getByText(/line one\s+line two/)).toBeInTheDocument();

    const members = within(dialog).getByRole('table', { name: 'Members' });
    const caller = within(members).getByRole('row', {
      name: /Robert Miller client:\+15035550100 Caller Connected No Yes/,
    });
    expect(caller).toBeInTheDocument();
    const agentData = within(dialog).getByRole('table', { name: 'Application data of Maria Gonzalez' });
    expect(within(agentData).getByRole('row', { name: 'skill front-desk' })).toBeInTheDocument();
    expect(within(dialog).getByRole('img', { name: 'Avatar of Maria Gonzalez' })).toHaveAttribute(
      'referrerpolicy',
      'no-referrer',
    );

    const log = within(dialog).getByRole('list', { name: 'Log entries' });
    const lines = within(log).getAllByRole('listitem');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toHaveTextContent('+01:23');
    expect(lines[2]).toHaveTextContent('Ringing Maria Gonzalez, ringing again');
    expect(lines[0]).toHaveTextContent('+00:00');
  });

  it('ticks the duration of a live session', async () => {
    const started = new Date(Date.now() - 65_000).toISOString();
    serveSessions([
      session({ dateCreated: started, dateCompleted: undefined, ended: false, callState: 'Connected' }),
    ]);
    const { dialog } = await openDrawer('/?session=sess-1');
    const when = await within(dialog).findByRole('region', { name: 'When' });
    const duration = within(when).getByText('Duration').nextElementSibling as HTMLElement;
    expect(duration).toHaveTextContent(/^1:0\d so far$/);
    expect(within(when).getByText('Still going on')).toBeInTheDocument();
    expect(within(dialog).getAllByText('Live').length).toBeGreaterThan(0);
    const before = duration.textContent;
    await waitFor(() => expect(duration.textContent).not.toBe(before), { timeout: 2500 });
  });

  it('copies the session id and says so', async () => {
    serveSessions([session()]);
    const { dialog, user } = await openDrawer('/?session=sess-1');
    await user.click(await within(dialog).findByRole('button', { name: 'Copy Session id' }));
    expect(await navigator.clipboard.readText()).toBe('sess-1');
    expect(within(dialog).getByRole('button', { name: 'Copy Session id' })).toHaveTextContent('Copied');
  });

  it('links to the print view in a new tab, and copies the link to the session', async () => {
    serveSessions([session({ id: 'a/b c' })]);
    const { dialog, user } = await openDrawer('/?session=a%2Fb%20c');
    const print = await within(dialog).findByRole('link', { name: /^Print/ });
    expect(print).toHaveAttribute('href', '/sessions/a%2Fb%20c/print');
    expect(print).toHaveAttribute('target', '_blank');
    await user.click(within(dialog).getByRole('button', { name: 'Copy link to this session' }));
    expect(await navigator.clipboard.readText()).toMatch(/^http:\/\/.*\/\?session=a%2Fb(\+|%20)c$/);
    expect(within(dialog).getByText('Copied')).toBeInTheDocument();
  });
});
