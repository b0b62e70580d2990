import fs from 'node:fs';
import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { makeWireSession, makeWireSessions } from '../../../test/session-factory';
import type { WireListResponse, WireSessionInfo } from '../api/session-types';
import type { EarlyRequest } from '../api/early-request';
import { HOSTILE } from '../../../test/hostile-strings';
import { cellNode } from './first-rows';
import { Cell } from './sessions-grid';
import { toRowView, type RowView } from './row-view';
import { decodePage } from '../api/decode-page';
import { COLUMN_META } from './column-defs';

// index.html's body as it is served: the shell the first rows are drawn into, with the screen's
// styles (the rows are drawn only once they apply).
const indexHtml = fs.readFileSync('index.html', 'utf8');
const shellHtml = /<body>([\s\S]*)<\/body>/.exec(indexHtml)![1]!;
const screenCss = fs.readFileSync('src/sessions/sessions-screen.css', 'utf8');

// Each test gets the module fresh: it remembers whether the app has taken over.
let firstRows: typeof import('./first-rows');
beforeEach(async () => {
  document.head.innerHTML = `<style>${screenCss}</style>`;
  document.body.innerHTML = shellHtml;
  localStorage.clear();
  vi.resetModules();
  firstRows = await import('./first-rows');
});
const drawFirstRowsOf: typeof firstRows.drawFirstRowsOf = (...args) => firstRows.drawFirstRowsOf(...args);
afterEach(() => {
  document.body.innerHTML = '';
});

function answered(body: string, status = 200): EarlyRequest {
  const response = new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
  return {
    response: Promise.resolve(response),
    body: Promise.resolve(body),
    json: () => Promise.resolve(body).then((text) => JSON.parse(text)),
  };
}
const pageOf = (items: WireSessionInfo[]): string =>
  JSON.stringify({ items, totalCount: 5000, hasMorePages: true } satisfies WireListResponse);

const drawnRows = () => [...document.querySelectorAll<HTMLElement>('[role="row"][data-session-id]')];

describe('the first rows drawn before the app', () => {
  it('are page 0, in the grid the app draws, below the header', async () => {
    const items = makeWireSessions(40, 7);
    await drawFirstRowsOf(answered(pageOf(items)), { archive: true });
    const rows = drawnRows();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.map((r) => r.dataset.sessionId)).toEqual(items.slice(0, rows.length).map((s) => s.id));
    expect(document.querySelector('[role="grid"]')).toHaveAttribute('aria-label', 'Archived sessions');
    expect(document.querySelector('[role="grid"]')).toHaveAttribute('aria-rowcount', '5001');
    expect(document.querySelector('.app-loading')).toBeNull();
    // The default sort, newest first, is marked on Start.
    const start = [...document.querySelectorAll('[role="columnheader"]')].find((th) =>
      th.textContent?.startsWith('Start'),
    );
    expect(start).toHaveAttribute('aria-sort', 'descending');
    // They take no input the app's render would lose.
    expect(document.querySelector('.sessions-layout')).toHaveAttribute('inert');
    // The app, about to render, waits for them to be painted, never long.
    await firstRows.handOverFirstRows();
    // Once painted, the start cells have their hover title, the full date, as the app's have.
    const titles = rows.map((r) => r.querySelector('[role="gridcell"] span')?.getAttribute('title'));
    expect(titles).toEqual(
      items
        .slice(0, rows.length)
        .map((s) => toRowView(decodePage({ items: [s] }, 0).items[0]!, 'local').startTitle),
    );
    expect(titles[0]).toMatch(/^\w{3}, \w{3} \d+, \d{4}, \d\d:\d\d:\d\d /);
  });

  it('follow the stored density, columns and filter panel', async () => {
    localStorage.setItem('sh.density', '"compact"');
    localStorage.setItem('sh.columns.visible', JSON.stringify({ channel: false, missed: true }));
    localStorage.setItem('sh.filters.open', 'false');
    await drawFirstRowsOf(answered(pageOf(makeWireSessions(5, 3))), {});
    expect(document.querySelector('.sessions-grid')).toHaveClass('density-compact');
    const labels = [...document.querySelectorAll('[role="columnheader"]')].map((th) => th.textContent);
    expect(labels).toContain('Missed');
    expect(labels).not.toContain('Channel');
    expect(drawnRows()[1]!.style.transform).toBe('translateY(28px)');
    expect(document.querySelector<HTMLElement>('.filter-panel-slot')!.hidden).toBe(true);
  });

  it('show hostile text as text', async () => {
    const hostile = makeWireSession({
      id: HOSTILE.script,
      fromName: HOSTILE.img,
      toAddress: HOSTILE.jsUrl,
      customerName: HOSTILE.rtl,
      outcome: HOSTILE.long,
    });
    await drawFirstRowsOf(answered(pageOf([hostile])), { session: HOSTILE.script });
    const [row] = drawnRows();
    expect(row!.dataset.sessionId).toBe(HOSTILE.script);
    expect(row).toHaveClass('is-open');
    expect(document.querySelector('.sessions-layout')!.querySelector('img, script')).toBeNull();
    expect(row!.textContent).toContain(HOSTILE.img);
    expect(row!.textContent).toContain(HOSTILE.rtl);
  });

  it('are left to the app when it has rendered, or page 0 failed, is empty or unreadable', async () => {
    // One failure for the whole request, handled here: the draw reads only some of its parts.
    const offline = Promise.reject(new TypeError('offline'));
    offline.catch(() => {});
    const cases: [string, EarlyRequest][] = [
      ['an error', answered(JSON.stringify({ responseStatus: { message: 'Boom' } }), 500)],
      ['an empty page', answered(pageOf([]))],
      ['not JSON', answered('<html>proxy error</html>')],
      [
        'a network error',
        {
          response: offline,
          body: offline,
          json: () => offline,
        },
      ],
    ];
    for (const [, early] of cases) {
      await drawFirstRowsOf(early, {});
      expect(drawnRows()).toHaveLength(0);
      expect(document.querySelector('.app-loading')).not.toBeNull();
    }
  });

  it('are left to the app once it starts rendering, and in a hidden tab, too narrow a window or without styles', async () => {
    const page = () => answered(pageOf(makeWireSessions(5, 1)));
    const nothingDrawn = () => {
      expect(drawnRows()).toHaveLength(0);
      expect(document.querySelector('.app-loading')).not.toBeNull();
    };

    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await drawFirstRowsOf(page(), {});
    nothingDrawn();
    hidden.mockRestore();

    const narrow = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
    await drawFirstRowsOf(page(), {});
    nothingDrawn();
    narrow.mockRestore();

    document.head.innerHTML = '';
    await drawFirstRowsOf(page(), {});
    nothingDrawn();
    document.head.innerHTML = `<style>${screenCss}</style>`;

    // The app starts rendering before page 0 is in.
    await firstRows.handOverFirstRows();
    await drawFirstRowsOf(page(), {});
    nothingDrawn();
    // It has rendered (replacing the shell): nothing is drawn into it either.
    document.getElementById('root')!.innerHTML = '<div class="app-shell"><main>app</main></div>';
    await drawFirstRowsOf(page(), {});
    expect(drawnRows()).toHaveLength(0);
  });

  it('let the app start at once where none can be drawn, a hidden tab or a narrow window', async () => {
    const unanswered: EarlyRequest = {
      response: new Promise(() => {}),
      body: new Promise(() => {}),
      json: () => new Promise(() => {}),
    };
    const settled = (p: Promise<void>) =>
      Promise.race([p.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, 0, false))]);
    // The app waits for page 0 where rows can be drawn...
    expect(await settled(drawFirstRowsOf(unanswered, {}))).toBe(false);
    // ...and not in a hidden tab or a window narrower than the grid needs.
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    expect(await settled(drawFirstRowsOf(unanswered, {}))).toBe(true);
    hidden.mockRestore();
    const narrow = vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(600);
    expect(await settled(drawFirstRowsOf(unanswered, {}))).toBe(true);
    narrow.mockRestore();
  });

  it('have the cells the React grid draws, for any text', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom(...Object.values(HOSTILE)), fc.constant(''));
    const row = fc.record<RowView>({
      id: fc.string({ minLength: 1 }),
      start: text,
      startTitle: text,
      completed: text,
      direction: fc.option(fc.constantFrom('Incoming', 'Outgoing', 'Sideways'), { nil: undefined }),
      channel: text,
      fromName: text,
      fromNumber: text,
      to: text,
      account: text,
      customer: text,
      endpoint: text,
      answeredBy: text,
      outcome: fc.oneof(text, fc.constant('Missed')),
      missed: fc.option(fc.boolean(), { nil: undefined }),
      liveSince: fc.option(fc.integer({ min: 0, max: Date.now() }), { nil: undefined }),
      duration: text,
      states: fc.array(text, { maxLength: 3 }),
    });
    // The clock stands still, so that a live duration reads the same in both.
    vi.useFakeTimers({ toFake: ['Date'] });
    const { container, rerender, unmount } = render(<></>);
    fc.assert(
      fc.property(row, (r) => {
        for (const id of Object.keys(COLUMN_META)) {
          rerender(<Cell id={id} row={r} />);
          expect(cellNode(id, r, Date.now()).innerHTML).toBe(container.innerHTML);
        }
      }),
      { numRuns: 60 },
    );
    unmount();
  });
});
