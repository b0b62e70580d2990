// The drawer against hostile strings and values outside the documented ones.
import { beforeAll, describe, expect, it } from 'vitest';
import { waitFor, within } from '@testing-library/react';
import { HOSTILE } from '../../../test/hostile-strings';
import type { WireSessionInfo } from '../api/session-types';
import { START, at, loadDrawerChunk, openDrawer, serveSessions } from './session-drawer-test-helpers';

beforeAll(loadDrawerChunk);

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
