import { beforeAll, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../../test/msw-server';
import { renderApp } from '../../../test/render';
import { makeWireSession } from '../../../test/session-factory';
import type { WireSessionInfo } from '../api/session-types';

function serveSessions(live: WireSessionInfo[], archived: WireSessionInfo[] = []) {
  server.use(
    http.get('*/api/sessions', ({ request }) => {
      const url = new URL(request.url);
      const ids = url.searchParams.get('specificIds')?.split(',') ?? [];
      const pool = url.searchParams.get('searchArchive') === 'true' ? archived : live;
      const items = pool.filter((s) => ids.includes(s.id ?? ''));
      return HttpResponse.json({ items, totalCount: items.length, totalPages: 1, hasMorePages: false });
    }),
  );
}

const START = Date.parse('2026-11-20T10:00:00.000Z');
const longSession = (id: string) =>
  makeWireSession({
    id,
    dateCreated: new Date(START).toISOString(),
    dateCompleted: new Date(START + 300_000).toISOString(),
    ended: true,
    fromName: 'Jennifer Lee',
    fromAddress: '+15035550123',
    toAddress: '+15035551001',
    log: Array.from({ length: 300 }, (_, i) => ({
      date: new Date(START + i * 1000).toISOString(),
      message: `Line ${i + 1}: ${i % 50 === 0 ? 'x'.repeat(2000) : 'prompt played'}`,
    })),
  });

beforeAll(async () => {
  await import('./print-page');
});

describe('print page', () => {
  it('renders title, summary, members and every log line of a 300-line session', async () => {
    serveSessions([longSession('long-300')]);
    renderApp('/sessions/long-300/print');
    const title = await screen.findByRole('heading', { level: 1 }, { timeout: 5000 });
    expect(title).toHaveTextContent('Jennifer Lee (+15035550123) → +15035551001');
    expect(screen.getByRole('region', { name: 'Who' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Members' })).toBeInTheDocument();

    const lines = document.querySelectorAll('.log-line');
    expect(lines).toHaveLength(300);
    expect(lines[0]).toHaveTextContent('+00:00');
    expect(lines[299]).toHaveTextContent('Line 300: prompt played');
    expect(lines[299]).toHaveTextContent('+04:59');
    // Long lines are there in full, not cut.
    expect(lines[50]).toHaveTextContent(`Line 51: ${'x'.repeat(2000)}`);
    // Nothing virtualized, no find box, no scroll box.
    expect(screen.queryByRole('textbox', { name: 'Find in log' })).not.toBeInTheDocument();

    expect(screen.getByText(/^Printed /)).toHaveTextContent(/Printed .* · http:\/\/.*\/\?session=long-300$/);
    expect(screen.getByRole('button', { name: 'Print' })).toBeEnabled();
    expect(screen.getByRole('link', { name: /Back to sessions/ })).toHaveAttribute(
      'href',
      '/?session=long-300',
    );
    // No app chrome.
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('prints an archived session opened cold', async () => {
    serveSessions([], [longSession('old-300')]);
    renderApp('/sessions/old-300/print');
    const header = (await screen.findByRole('heading', { level: 1 }, { timeout: 5000 })).closest('header')!;
    expect(within(header).getByText('Archived')).toBeInTheDocument();
  });

  it('says when the session does not exist', async () => {
    serveSessions([], []);
    renderApp('/sessions/missing-1/print');
    expect(
      await screen.findByText(/Searched live sessions and the archive/, {}, { timeout: 5000 }),
    ).toHaveTextContent('missing-1');
    expect(screen.getByRole('button', { name: 'Print' })).toBeDisabled();
  });

  it("shows the server's message when loading fails", async () => {
    server.use(
      http.get('*/api/sessions', () =>
        HttpResponse.json(
          { responseStatus: { errorCode: 'Forbidden', message: 'Not your account' } },
          { status: 403 },
        ),
      ),
    );
    renderApp('/sessions/secret-1/print');
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('The session could not be loaded. Not your account');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
  });
});
