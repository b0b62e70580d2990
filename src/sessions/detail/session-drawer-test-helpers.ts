// Shared by the session-drawer*.test.tsx files: one MSW answer for look-ups by id, one rich
// session, and opening the app with the drawer showing.
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../../test/msw-server';
import { renderApp } from '../../../test/render';
import { makeWireSession } from '../../../test/session-factory';
import type { WireSessionInfo } from '../api/session-types';

export const SESSIONS_URL = '*/api/sessions';

/** Answers `specificIds` look-ups from these sessions: `live` for live searches, `archived` for the archive. */
export function serveSessions(live: WireSessionInfo[], archived: WireSessionInfo[] = []) {
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

export const START = '2026-11-20T10:00:00.000Z';
export const at = (seconds: number) => new Date(Date.parse(START) + seconds * 1000).toISOString();

/** An answered call with a customer tree, telephony ids, two members and a four-line log. */
export function session(overrides: Partial<WireSessionInfo> = {}): WireSessionInfo {
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

export async function openDrawer(url: string) {
  const app = renderApp(url);
  const dialog = await screen.findByRole('dialog');
  return { ...app, dialog };
}

/**
 * The drawer is a lazy chunk; each test file loads it once up front (`beforeAll`) so its first
 * test does not time out on the transform.
 */
export async function loadDrawerChunk() {
  await import('./session-drawer');
}
