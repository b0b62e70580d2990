import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../../test/msw-server';
import { renderApp } from '../../../test/render';
import { makeWireSession } from '../../../test/session-factory';
import { HOSTILE } from '../../../test/hostile-strings';
import type { WireSessionInfo } from '../api/session-types';
import { sessionQueries } from '../api/session-queries';

const SESSIONS_URL = '*/api/sessions';

/** Answers `specificIds` look-ups from these sessions: `live` for live searches, `archived` for the archive. */
function serveSessions(live: WireSessionInfo[], archived: WireSessionInfo[] = []) {
  const requests: URL[] = [];
  server.use(
    http.get(SESSIONS_URL, ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      const ids = url.searchParams.get('specificIds')?.split(',') ?? [];
      const pool = url.searchParams.get('searchArchive') === 'true' ? archived : live;
      const items = ids.length ? pool.filter((s) => ids.includes(s.id ?? '')) : pool;
      return HttpResponse.json({ items, totalCount: items.length, totalPages: 1, hasMorePages: false });
    }),
  );
  return requests;
}

const START = '2026-11-20T10:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(START) + seconds * 1000).toISOString();

function session(overrides: Partial<WireSessionInfo> = {}): WireSessionInfo {
  return makeWireSession({
    id: 'sess-1',
    dateCreated: START,
    dateCompleted: at(125),
    ended: true,
    direction: 'Incoming',
    channel: 'Voice',
    fromName: 'Robert Miller',
    fromAddress: '+15035550100',
    toAddress: '+15035551001',
    accountId: 'acc-1',
    accountName: 'Northwind Telecom',
    customerId: 'cus-3',
    customerName: 'Harbor Dental East',
    customerBreadcrumb: [
      { id: 'cus-1', name: 'Harbor Group' },
      { id: 'cus-2', name: 'Harbor Dental' },
      { id: 'cus-3', name: 'Harbor Dental East' },
    ],
    endpointName: 'Front Desk',
    answeredByName: 'Maria Gonzalez',
    outcome: 'Answered',
    wasMissed: false,
    callSid: 'CA0123456789abcdef',
    conferenceSid: 'CF0123456789abcdef',
    consoleData: 'line one\nline two',
    log: [
      { date: at(0), message: 'Incoming call received' },
      { date: at(5), message: 'Entered queue Front Desk' },
      { date: at(83), message: 'Ringing Maria Gonzalez, ringing again' },
      { date: at(90), message: 'Call answered by Maria Gonzalez' },
    ],
    members: [
      {
        identity: 'client:+15035550100',
        displayName: 'Robert Miller',
        role: 'Caller',
        callState: 'Connected',
        muted: false,
        isOriginalMember: true,
        applicationData: { source: 'pstn', region: 'us-west' },
      },
      {
        identity: 'agent:ep_agent_0',
        displayName: 'Maria Gonzalez',
        role: 'Agent',
        callState: 'Hold',
        muted: true,
        isOriginalMember: false,
        avatarUrl: 'https://avatars.example.com/maria.png',
        applicationData: { skill: 'front-desk' },
      },
    ],
    ...overrides,
  });
}

async function openDrawer(url: string) {
  const app = renderApp(url);
  const dialog = await screen.findByRole('dialog');
  return { ...app, dialog };
}

// The drawer is a lazy chunk; load it once up front so the first test does not time out on the transform.
beforeAll(async () => {
  await import('./session-drawer');
});

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

  it('moves focus in, and Escape closes it, removes session= from the URL and returns focus to the row', async () => {
    const { user, currentSearch } = renderApp('/');
    const grid = await screen.findByRole('grid');
    const row = await waitFor(() => {
      const el = grid.querySelector<HTMLElement>('[role="row"][data-session-id]');
      expect(el).not.toBeNull();
      return el!;
    });
    const id = row.dataset.sessionId!;
    row.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    expect(currentSearch().get('session')).toBe(id);
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));

    // Tab stays inside.
    for (let i = 0; i < 12; i++) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(currentSearch().has('session')).toBe(false);
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-session-id', id));
  });

  it('closes from the Close button', async () => {
    serveSessions([session()]);
    const { dialog, user, currentSearch } = await openDrawer('/?session=sess-1&from=555');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(currentSearch().has('session')).toBe(false);
    expect(currentSearch().get('from')).toBe('555');
  });

  it('closes on a click outside it, and keeps the page behind it inert while open', async () => {
    serveSessions([session()]);
    const { dialog, user, currentSearch } = await openDrawer('/?session=sess-1');
    await within(dialog).findByRole('heading', { name: /Robert Miller/ });
    expect(document.getElementById('root') ?? document.body.firstElementChild).toHaveAttribute('inert');
    await user.click(document.querySelector<HTMLElement>('.drawer-backdrop')!);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(currentSearch().has('session')).toBe(false);
    expect(document.querySelector('[inert]')).toBeNull();
  });

  it('finds in the log: counts hits, Enter and Shift+Enter move, hits are marked', async () => {
    serveSessions([session()]);
    const { dialog, user } = await openDrawer('/?session=sess-1');
    const find = await within(dialog).findByRole('textbox', { name: 'Find in log' });
    await user.type(find, 'ringing');
    await waitFor(() => expect(find).toHaveAccessibleDescription('1 of 2'));
    const log = within(dialog).getByRole('list', { name: 'Log entries' });
    const marks = () => [...log.querySelectorAll('mark')];
    expect(marks().map((m) => m.textContent)).toEqual(['Ringing', 'ringing']);
    expect(marks()[0]).toHaveAttribute('aria-current', 'true');

    await user.keyboard('{Enter}');
    expect(find).toHaveAccessibleDescription('2 of 2');
    expect(marks()[1]).toHaveAttribute('aria-current', 'true');
    expect(marks()[0]).not.toHaveAttribute('aria-current');

    await user.keyboard('{Enter}');
    expect(find).toHaveAccessibleDescription('1 of 2');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(find).toHaveAccessibleDescription('2 of 2');
    await user.click(within(dialog).getByRole('button', { name: 'Previous match' }));
    expect(find).toHaveAccessibleDescription('1 of 2');

    await user.clear(find);
    await user.type(find, 'no such text');
    await waitFor(() => expect(find).toHaveAccessibleDescription('No matches'));
    expect(marks()).toHaveLength(0);
    expect(within(dialog).getByRole('button', { name: 'Next match' })).toBeDisabled();
  });

  it('prefills find-in-log with the log filter from the URL', async () => {
    serveSessions([session()]);
    const { dialog } = await openDrawer('/?log=queue&session=sess-1');
    const find = await within(dialog).findByRole('textbox', { name: 'Find in log' });
    expect(find).toHaveValue('queue');
    await waitFor(() => expect(find).toHaveAccessibleDescription('1 of 1'));
    expect(within(dialog).getByText('From the Log filter')).toBeInTheDocument();
    const mark = within(dialog).getByRole('list', { name: 'Log entries' }).querySelector('mark');
    expect(mark).toHaveTextContent('queue');
  });

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

  it('virtualizes a long log on screen, and renders every line for printing', async () => {
    const log = Array.from({ length: 300 }, (_, i) => ({ date: at(i), message: `Step ${i + 1} of 300` }));
    serveSessions([session({ log })]);
    const { dialog } = await openDrawer('/?session=sess-1');
    const list = await within(dialog).findByRole('list', { name: 'Log entries' });
    const onScreen = within(list).getAllByRole('listitem').length;
    expect(onScreen).toBeGreaterThan(0);
    expect(onScreen).toBeLessThan(300);
    expect(document.querySelector('.session-print-only')).toBeNull();

    window.dispatchEvent(new Event('beforeprint'));
    const printed = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.session-print-only');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(dialog).not.toContainElement(printed);
    expect(document.body).toHaveClass('session-drawer-open');
    const lines = printed.querySelectorAll('.log-line');
    expect(lines).toHaveLength(300);
    expect(lines[299]).toHaveTextContent('Step 300 of 300');
    expect(lines[299]).toHaveTextContent('+04:59');
    expect(printed).toHaveTextContent(/Printed .* · http:\/\/.*\/\?session=sess-1/);

    window.dispatchEvent(new Event('afterprint'));
    await waitFor(() => expect(document.querySelector('.session-print-only')).toBeNull());
  });
});

describe('session drawer with hostile and odd data', () => {
  it('renders hostile strings in every field as text and runs nothing', async () => {
    const hostile: WireSessionInfo = {
      id: 'specimen-hostile',
      dateCreated: START,
      dateCompleted: at(60),
      createdBy: HOSTILE.script,
      lastModifiedBy: HOSTILE.img,
      accountId: HOSTILE.jsUrl,
      accountName: HOSTILE.img,
      customerName: HOSTILE.script,
      customerBreadcrumb: [
        { id: 'c1', name: HOSTILE.formula },
        { id: HOSTILE.jsUrl, name: HOSTILE.rtl },
      ],
      endpointName: HOSTILE.formula,
      direction: 'Incoming',
      channel: 'Voice',
      destination: HOSTILE.long,
      fromAddress: `+1503${HOSTILE.img}`,
      fromName: HOSTILE.rtl,
      toAddress: HOSTILE.formula,
      answeredByName: HOSTILE.emoji,
      answeredById: HOSTILE.script,
      outcome: `<b>Answered</b>${HOSTILE.script}`,
      ended: true,
      callSid: HOSTILE.script,
      conferenceSid: HOSTILE.img,
      consoleData: HOSTILE.long,
      holdQueueName: HOSTILE.rtl,
      displayName: HOSTILE.emoji,
      callbackNumber: HOSTILE.jsUrl,
      log: [
        { date: START, message: HOSTILE.script },
        { date: at(1), message: HOSTILE.img },
        { date: at(2), message: HOSTILE.rtl },
        { date: at(3), message: HOSTILE.long },
      ],
      members: [
        {
          identity: HOSTILE.script,
          displayName: HOSTILE.img,
          avatarUrl: HOSTILE.jsUrl,
          applicationData: { [HOSTILE.script]: HOSTILE.img, rtl: HOSTILE.rtl },
          role: 'Caller',
        },
        {
          identity: HOSTILE.emoji,
          displayName: 'Data URL',
          avatarUrl: `data:image/svg+xml,${encodeURIComponent('<svg onload="alert(1)"/>')}`,
        },
      ],
    };
    serveSessions([hostile]);
    const { dialog, user } = await openDrawer('/?session=specimen-hostile');
    await within(dialog).findByRole('region', { name: 'Who' });

    // Shown as the text it is…
    expect(within(dialog).getAllByText(HOSTILE.script).length).toBeGreaterThan(3);
    expect(within(dialog).getAllByText(HOSTILE.img).length).toBeGreaterThan(2);
    // In the story and in the Outcome field.
    expect(within(dialog).getAllByText(`<b>Answered</b>${HOSTILE.script}`)).toHaveLength(2);
    expect(within(dialog).getAllByText(HOSTILE.jsUrl).length).toBeGreaterThan(1);
    // …never as markup: no element was made from the strings.
    expect(document.querySelector('script, b, [onerror], [onload]')).toBeNull();
    expect(dialog.querySelector('svg')).toBeNull();
    expect(dialog.querySelectorAll('img')).toHaveLength(0); // javascript: and data: avatars are not rendered
    expect(within(dialog).getByText('DU')).toBeInTheDocument(); // initials instead
    // No link carries data from the server.
    for (const a of dialog.querySelectorAll('a')) expect(a.getAttribute('href')).not.toMatch(/javascript:/i);
    // Long strings arrive whole; right-to-left text keeps its direction.
    expect(dialog).toHaveTextContent(HOSTILE.long);
    // Right-to-left text is isolated (dir="auto" or <bdi>), so it cannot reorder what is around it.
    for (const el of within(dialog).getAllByText(HOSTILE.rtl))
      expect(el.closest('[dir="auto"], bdi')).not.toBeNull();
    // The 10,000-character destination folds on screen, and shows whole on request.
    const who = within(dialog).getByRole('region', { name: 'Who' });
    const destination = within(who).getByText('Destination').nextElementSibling as HTMLElement;
    expect(destination.textContent!.length).toBeLessThan(1000);
    await user.click(within(destination).getByRole('button', { name: 'Show all 9,999 characters' }));
    expect(destination).toHaveTextContent(HOSTILE.long);

    await user.type(within(dialog).getByRole('textbox', { name: 'Find in log' }), '<script>');
    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: 'Find in log' })).toHaveAccessibleDescription(
        '1 of 1',
      ),
    );
    expect(document.querySelector('script')).toBeNull();
  });

  it('shows unknown enum values as they come and odd dates sanely', async () => {
    const odd: WireSessionInfo = {
      id: 'specimen-odd',
      dateCreated: '/Date(1795600800000-0000)/',
      dateLastModified: '2026-11-25T10:01:30',
      dateCompleted: 'yesterday-ish',
      dialState: 'Dialing',
      callState: 'Transcribing',
      queueState: 'Overflow',
      holdReason: 'Parked',
      channel: 'Video',
      direction: 'Sideways',
      fromAddress: '+15035550101',
      toAddress: '+15035550199',
      ended: true,
      log: [
        { date: '/Date(1795600800000-0000)/', message: 'Date as WCF' },
        { date: '2026-11-25T12:00:30.000+02:00', message: 'Date with an offset' },
        { date: 'yesterday-ish', message: 'Unparseable date' },
        { date: '', message: 'Empty date' },
      ],
      members: [
        {
          identity: 'sip:sup@example.com',
          displayName: 'Sam Supervisor',
          role: 'Supervisor',
          callState: 'Barging',
        },
      ],
    };
    serveSessions([odd]);
    const { dialog } = await openDrawer('/?session=specimen-odd');
    const outcome = await within(dialog).findByRole('region', { name: 'Outcome' });
    for (const text of ['Dial: Dialing', 'Call: Transcribing', 'Queue: Overflow', 'Hold: Parked']) {
      expect(within(dialog).getAllByText(text).length).toBeGreaterThan(0);
    }
    expect(within(outcome).getByText('Sideways')).toBeInTheDocument();
    expect(within(outcome).getByText('Video')).toBeInTheDocument();
    expect(
      within(dialog).getByRole('row', { name: /Sam Supervisor .* Supervisor Barging/ }),
    ).toBeInTheDocument();

    const when = within(dialog).getByRole('region', { name: 'When' });
    expect(within(when).getByText('Started').nextElementSibling).toHaveTextContent(/Nov 25, 2026/); // WCF parsed
    expect(within(when).getByText('yesterday-ish')).toBeInTheDocument(); // raw, as it came
    expect(when).not.toHaveTextContent(/NaN|Invalid/);

    const lines = within(within(dialog).getByRole('list', { name: 'Log entries' })).getAllByRole('listitem');
    expect(lines[0]).toHaveTextContent('+00:00');
    expect(lines[1]).toHaveTextContent('+00:30'); // 12:00:30+02:00 is 10:00:30 UTC
    expect(lines[2]).toHaveTextContent('yesterday-ish');
    expect(lines[3]).toHaveTextContent('—');
    expect(dialog).not.toHaveTextContent(/NaN|Invalid Date|undefined/);
  });
});
