// The export menu as a user meets it: choose a format, watch the progress, cancel, read the file.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import Papa from 'papaparse';
import { server } from '../../../test/msw-server';
import { renderApp } from '../../../test/render';
import {
  createSessionsHandlers,
  defaultSessions,
  SESSIONS_URL,
  serviceStackError,
} from '../../../test/msw-handlers';
import { ARCHIVE_AFTER_MS, FACTORY_NOW, makeWireSessions } from '../../../test/session-factory';
import { grid } from '../../../test/table-helpers';
import { decodeSummary } from '../api/decode-page';
import { sessionComparator } from '../sort-order';
import { resolveView } from '../view/sessions-view';
import { WALK_PAGE_SIZE } from './walk-result';

/** More than one export page, all inside the default range (the last 7 days) and live. */
const SESSIONS = makeWireSessions(WALK_PAGE_SIZE + 500, 17, { days: 6 });

/** Requests for a walk's large pages: the export's, and the counts' scan's when the screen opens. */
const isLargePage = (url: URL) => url.searchParams.get('countPerPage') === String(WALK_PAGE_SIZE);

/**
 * Answers from SESSIONS. Once `arm` is called (the screen has settled), records the export's
 * requests and holds page `holdPage` back until `release` is called.
 */
function serveExport({ holdPage }: { holdPage?: number } = {}) {
  const requests: URL[] = [];
  let armed = false;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http.get(SESSIONS_URL, async ({ request }) => {
      const url = new URL(request.url);
      if (!armed || !isLargePage(url)) return;
      requests.push(url);
      if (Number(url.searchParams.get('page')) === holdPage) await held;
      // Returning nothing hands the request on to the in-memory API below.
    }),
    ...createSessionsHandlers(SESSIONS),
  );
  return { requests, release, arm: () => void (armed = true) };
}

/** Where the File System Access API would write: what was written, and whether it was completed. */
function fakeSaveFilePicker() {
  const file = { name: '', chunks: [] as string[], closed: false, aborted: false };
  const picker = vi.fn(async ({ suggestedName }: { suggestedName: string }) => {
    file.name = suggestedName;
    return {
      createWritable: async () => ({
        write: async (chunk: string) => void file.chunks.push(chunk),
        close: async () => void (file.closed = true),
        abort: async () => void (file.aborted = true),
      }),
    };
  });
  Object.assign(window, { showSaveFilePicker: picker });
  return { file, picker, text: () => file.chunks.join('') };
}

afterEach(() => {
  delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
});

/** The app at `url`, once its result and counts are in and nothing else is being fetched. */
async function openApp(url: string, served: { arm: () => void }) {
  const app = renderApp(url);
  // The result is in: the status line states its total.
  const count = await screen.findByText(
    (_, el) => el?.classList.contains('results-count') === true && /^[\d,]+ sessions?$/.test(el.textContent),
  );
  await waitFor(() => expect(app.queryClient.isFetching()).toBe(0));
  served.arm();
  return { ...app, total: Number(count.textContent.replace(/\D/g, '')) };
}

async function choose(user: ReturnType<typeof renderApp>['user'], format: RegExp) {
  await user.click(screen.getByRole('button', { name: 'Export' }));
  const options = await screen.findByRole('group', { name: 'Export format' });
  await user.click(within(options).getByRole('button', { name: format }));
}

const csvRecords = (text: string) =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('export menu', () => {
  it('offers CSV and JSON lines, and closes on Escape', async () => {
    const served = serveExport();
    const { user } = await openApp('/', served);
    const button = screen.getByRole('button', { name: 'Export' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    // The menu's code loads with this first click.
    const options = await screen.findByRole('group', { name: 'Export format' });
    expect(within(options).getByRole('button', { name: /CSV/ })).toBeInTheDocument();
    expect(within(options).getByRole('button', { name: /JSON lines/ })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Export format' })).not.toBeInTheDocument();
  });

  it('writes the current view to a CSV file: one row per session, with its id and link', async () => {
    const served = serveExport();
    const { requests } = served;
    const saved = fakeSaveFilePicker();
    const { user, total } = await openApp('/?from=503', served);
    expect(total).toBeGreaterThan(0);

    await choose(user, /CSV/);
    await screen.findByText(`Exported ${total.toLocaleString('en-US')} sessions to ${saved.file.name}`);
    expect(saved.file.name).toMatch(/^sessions_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}_from-503\.csv$/);
    expect(saved.file.closed).toBe(true);
    // The view's filter went to the server with every page.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((u) => u.searchParams.get('from') === '503')).toBe(true);

    expect(saved.text().startsWith('\uFEFF')).toBe(true);
    const [head, ...rows] = csvRecords(saved.text());
    expect(head).toEqual(expect.arrayContaining(['Start', 'From', 'Session id', 'Link']));
    expect(rows).toHaveLength(total);
    const idColumn = head!.indexOf('Session id');
    const ids = rows.map((r) => r[idColumn]!);
    expect(new Set(ids).size).toBe(total);
    const expected = SESSIONS.filter((s) => s.fromAddress?.includes('503')).map((s) => s.id);
    expect(ids.every((id) => expected.includes(id))).toBe(true);
    const link = new URL(rows[0]![head!.indexOf('Link')]!);
    expect(link.searchParams.get('session')).toBe(ids[0]);
  });

  it('writes only what the refinements keep, and names them in the file', async () => {
    server.use(...createSessionsHandlers(SESSIONS));
    const saved = fakeSaveFilePicker();
    const { user, queryClient } = renderApp('/?missed=1&direction=Incoming');
    const expected = SESSIONS.filter((s) => s.wasMissed === true && s.direction === 'Incoming');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(SESSIONS.length / 2);
    // The scan has read the result: the count is exact.
    await screen.findByText(
      (_, el) =>
        el?.classList.contains('results-count') === true &&
        el.textContent.startsWith(`${expected.length} sessions match`),
    );
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));

    await choose(user, /CSV/);
    await screen.findByText(`Exported ${expected.length} sessions to ${saved.file.name}`);
    expect(saved.file.name).toMatch(/^sessions_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}_missed_Incoming\.csv$/);
    const [head, ...rows] = csvRecords(saved.text());
    const ids = rows.map((r) => r[head!.indexOf('Session id')]!);
    expect([...ids].sort()).toEqual(expected.map((s) => s.id).sort());
  });

  it('writes JSON lines: one whole session per line, as the API gave it', async () => {
    const served = serveExport();
    const saved = fakeSaveFilePicker();
    const { user, total } = await openApp('/', served);

    await choose(user, /JSON lines/);
    await screen.findByText(`Exported ${total.toLocaleString('en-US')} sessions to ${saved.file.name}`);
    expect(saved.file.name).toMatch(/\.ndjson$/);
    const lines = saved.text().trimEnd().split('\n');
    expect(lines).toHaveLength(total);
    const first = JSON.parse(lines[0]!) as { id: string; log: unknown[] };
    const original = SESSIONS.find((s) => s.id === first.id);
    expect(first).toEqual(JSON.parse(JSON.stringify(original)));
  });

  it('shows progress while it runs, and Cancel stops it and leaves no file', async () => {
    const served = serveExport({ holdPage: 1 });
    const saved = fakeSaveFilePicker();
    const { user, total } = await openApp('/', served);
    expect(total).toBeGreaterThan(WALK_PAGE_SIZE);

    await choose(user, /CSV/);
    const running = await screen.findByRole('group', { name: 'Export in progress' });
    // The first page is in; the second is held back by the server.
    await within(running).findByText(
      `Exporting CSV: ${WALK_PAGE_SIZE.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} sessions read`,
    );
    const progress = within(running).getByRole('progressbar', { name: `Exporting ${saved.file.name}` });
    expect(progress).toHaveAttribute('value', String(WALK_PAGE_SIZE));
    expect(progress).toHaveAttribute('max', String(total));
    expect(screen.queryByRole('button', { name: 'Export' })).not.toBeInTheDocument();

    await user.click(within(running).getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Export cancelled');
    expect(saved.file.aborted).toBe(true);
    expect(saved.file.closed).toBe(false);
    served.release();
    // The menu is back, ready for another export.
    expect(screen.getByRole('button', { name: 'Export' })).toBeEnabled();
  });

  it("says why an export failed, in the server's words", async () => {
    const served = serveExport();
    const saved = fakeSaveFilePicker();
    const { user } = await openApp('/', served);
    server.use(
      http.get(SESSIONS_URL, ({ request }) =>
        isLargePage(new URL(request.url)) ? serviceStackError(400, 'Export refused here') : undefined,
      ),
    );
    await choose(user, /CSV/);
    expect(await screen.findByRole('alert')).toHaveTextContent('Export failed: Export refused here');
    expect(saved.file.aborted).toBe(true);
    expect(saved.file.closed).toBe(false);
  });

  it('does nothing when the save dialog is closed', async () => {
    const served = serveExport();
    const { requests } = served;
    const picker = vi.fn(async () => {
      throw new DOMException('The user aborted a request.', 'AbortError');
    });
    Object.assign(window, { showSaveFilePicker: picker });
    const { user } = await openApp('/', served);
    await choose(user, /CSV/);
    await waitFor(() => expect(picker).toHaveBeenCalled());
    expect(screen.getByRole('button', { name: 'Export' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Export in progress' })).not.toBeInTheDocument();
    expect(requests.map(String)).toEqual([]);
  });

  it('downloads the file where the browser cannot write one as it goes', async () => {
    const served = serveExport();
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:export';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: () => {} });
    const downloads: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
    try {
      const { user, total } = await openApp('/', served);
      await choose(user, /CSV/);
      await screen.findByText(/^Exported [\d,]+ sessions to sessions_.*\.csv$/);
      expect(downloads).toHaveLength(1);
      expect(downloads[0]).toMatch(/^sessions_.*\.csv$/);
      expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
      expect(csvRecords(await blobs[0]!.text())).toHaveLength(total + 1);
    } finally {
      click.mockRestore();
    }
  });
});

describe('export of a result of both stores, with sessions in transit', () => {
  // Sessions 12 to 15 days old answer from both stores, as sessions being archived do.
  const IN_TRANSIT_MS = 3 * 86_400_000;
  const transit = defaultSessions.filter((s) => {
    const age = FACTORY_NOW - Date.parse(s.dateCreated ?? '');
    return age > ARCHIVE_AFTER_MS - IN_TRANSIT_MS && age <= ARCHIVE_AFTER_MS;
  });

  it.each([
    ['newest first', '/?range=30d'],
    ['oldest first', '/?range=30d&sort=dateCreated'],
    ['by customer', '/?range=30d&sort=customerName'],
  ])('%s: the file holds the sessions the table shows, each once', async (_, url) => {
    expect(transit.length).toBeGreaterThan(5);
    server.use(...createSessionsHandlers(defaultSessions, FACTORY_NOW, { inTransitMs: IN_TRANSIT_MS }));
    const { window } = resolveView({ range: '30d' }, FACTORY_NOW, 'local');
    const inWindow = defaultSessions.filter((s) => {
      const ms = Date.parse(s.dateCreated ?? '');
      return ms >= window.startMs && ms < window.endMs;
    });
    const saved = fakeSaveFilePicker();
    const { user, queryClient } = renderApp(url);
    // The whole result is shown (both stores' parts), each session once: the archived copies left out.
    await waitFor(() =>
      expect(document.querySelector('.results-count')?.textContent).toMatch(
        new RegExp(`^${inWindow.length} sessions`),
      ),
    );
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const shown = Number(grid().getAttribute('aria-rowcount')) - 1;
    expect(shown).toBe(inWindow.length);

    await choose(user, /CSV/);
    await screen.findByText(`Exported ${shown.toLocaleString('en-US')} sessions to ${saved.file.name}`);
    const [head, ...rows] = csvRecords(saved.text());
    const ids = rows.map((r) => r[head!.indexOf('Session id')]!);
    expect(ids).toHaveLength(shown);
    expect(new Set(ids).size).toBe(shown);
    expect([...ids].sort()).toEqual(inWindow.map((s) => s.id).sort());
    // In the table's order, live and archived sessions as one list: by date (ties by id), or by
    // customer name (the two stores' rows interleaved, as one server-side sort would list them).
    const field = url.includes('customerName') ? 'customerName' : 'dateCreated';
    const ordered = inWindow
      .map((s) => decodeSummary(s as Record<string, unknown>, String(s.id)))
      .sort(sessionComparator(field, !url.includes('sort=')));
    expect(ids).toEqual(ordered.map((s) => s.id));
  });
});
