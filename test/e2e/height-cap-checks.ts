// What "every row of a result past the browsers' height cap is reachable" means, as checks on any
// browser driver: the grid is read and moved through the few operations of `GridDriver`, which a
// Playwright page (`playwrightDriver`) or another driver provides. The app runs over the stand-in API
// of test/indexed-sessions-server.ts (row i is `row-i`, "Row i").
import { expect, type Page } from '@playwright/test';

export interface GridDriver {
  goto(url: string): Promise<unknown>;
  /** Runs `fn` in the page with `arg` (JSON) and returns its JSON result. */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  press(key: string): Promise<void>;
  /** A real wheel step over the grid (the mouse is moved there first). */
  wheel(x: number, y: number, deltaY: number): Promise<void>;
  /** A real drag with the mouse, pressed at the first point and released at the second. */
  drag?(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void>;
}

export const playwrightDriver = (page: Page): GridDriver => ({
  goto: (url) => page.goto(url),
  // Playwright's own typing of page functions unwraps handles: this one only passes JSON.
  evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as () => R, arg),
  press: (key) => page.keyboard.press(key),
  wheel: async (x, y, deltaY) => {
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, deltaY);
  },
  drag: async (from, to) => {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
  },
});

/** The grid as the user sees it: its scroll state and the data rows under its viewport. */
export interface GridView {
  scrollTop: number;
  maxScrollTop: number;
  clientHeight: number;
  rowCount: number;
  header: number;
  rowHeight: number;
  /** The grid's box and the width of its vertical scrollbar (0 when the browser overlays it). */
  box: { left: number; top: number; right: number; bottom: number; scrollbar: number };
  /** Rows at least partly under the viewport, below the header, top to bottom. */
  rows: { rowIndex: number; id: string | null; name: number | null; top: number; bottom: number }[];
  /** aria-rowindex of the focused element. */
  focused: number | null;
  /** The grid says it is still loading (aria-busy): its row count may grow. */
  busy: boolean;
}

export function readGrid(driver: GridDriver): Promise<GridView> {
  return driver.evaluate(() => {
    const grid = document.querySelector<HTMLElement>('[role="grid"]');
    const headerRow = grid?.querySelector('.sessions-header');
    // The app may still be rendering the screen: no grid yet is a view without rows.
    if (!grid || !headerRow) {
      const none = { left: 0, top: 0, right: 0, bottom: 0, scrollbar: 0 };
      return {
        scrollTop: 0,
        maxScrollTop: 0,
        clientHeight: 0,
        rowCount: 0,
        header: 0,
        rowHeight: 0,
        box: none,
        rows: [],
        focused: null,
        busy: true,
      };
    }
    const box = grid.getBoundingClientRect();
    const header = headerRow.getBoundingClientRect().height;
    const bandTop = box.top + grid.clientTop + header;
    const bandBottom = box.top + grid.clientTop + grid.clientHeight;
    const rows = [...grid.querySelectorAll<HTMLElement>('.sessions-body > [role="row"]')]
      .map((el) => {
        const r = el.getBoundingClientRect();
        const name = /Row (\d+)\b/.exec(el.textContent ?? '');
        return {
          rowIndex: Number(el.getAttribute('aria-rowindex')),
          id: el.getAttribute('data-session-id'),
          name: name ? Number(name[1]) : null,
          top: r.top - bandTop,
          bottom: r.bottom - bandTop,
        };
      })
      .filter((r) => r.bottom > 0.5 && r.top < bandBottom - bandTop - 0.5)
      .sort((a, b) => a.top - b.top);
    const firstRow = grid.querySelector('.sessions-body > [role="row"]');
    return {
      scrollTop: grid.scrollTop,
      maxScrollTop: grid.scrollHeight - grid.clientHeight,
      clientHeight: grid.clientHeight,
      rowCount: Number(grid.getAttribute('aria-rowcount')) - 1,
      busy: grid.getAttribute('aria-busy') === 'true',
      header,
      rowHeight: firstRow ? firstRow.getBoundingClientRect().height : 0,
      box: {
        left: box.left,
        top: box.top,
        right: box.right,
        bottom: box.bottom,
        scrollbar: grid.offsetWidth - grid.clientWidth - 2 * grid.clientLeft,
      },
      rows,
      focused: Number(document.activeElement?.getAttribute('aria-rowindex')) || null,
    };
  }, null);
}

const setScrollTop = (driver: GridDriver, share: number) =>
  driver.evaluate((s) => {
    const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
    grid.scrollTop = Math.round(s * (grid.scrollHeight - grid.clientHeight));
  }, share);

/**
 * Waits until the rows under the viewport are loaded and true: each row's aria-rowindex, session id
 * and text name the same row, one after another without a gap, filling the viewport; returns them.
 */
export async function settledRows(driver: GridDriver): Promise<GridView> {
  let view: GridView | undefined;
  await expect
    .poll(
      async () => {
        view = await readGrid(driver);
        const problems: string[] = [];
        const { rows, rowHeight } = view;
        if (rows.length === 0) problems.push('no rows');
        rows.forEach((r, k) => {
          const index = r.rowIndex - 2;
          if (r.id !== `row-${index}` || r.name !== index)
            problems.push(`aria-rowindex ${r.rowIndex} shows ${r.id} "Row ${r.name}"`);
          const next = rows[k + 1];
          if (next && (next.rowIndex !== r.rowIndex + 1 || Math.abs(next.top - r.bottom) > 1))
            problems.push(`gap after ${r.rowIndex}`);
        });
        const last = rows[rows.length - 1];
        const filled =
          last &&
          (last.rowIndex - 2 === view.rowCount - 1 || last.bottom >= view.clientHeight - view.header - 1);
        if (!filled || (rows[0] && rows[0].top > 0.5)) problems.push('rows do not fill the viewport');
        if (rowHeight <= 0) problems.push('no row height');
        // The first rows show before the result is counted (its last edge still searched).
        if (view.busy) problems.push('still loading');
        return problems.join('; ');
      },
      { timeout: 20_000 },
    )
    .toBe('');
  return view!;
}

/** The first row the viewport shows when the grid is scrolled to `scrollTop`: proportional past the cap. */
function rowAtScroll(view: GridView) {
  const virtualMax = view.header + view.rowCount * view.rowHeight - view.clientHeight;
  const share = view.maxScrollTop > 0 ? view.scrollTop / view.maxScrollTop : 0;
  return Math.floor((share * virtualMax) / view.rowHeight);
}

function expectRowsAtScrollPosition(view: GridView) {
  const first = view.rows[0]!.rowIndex - 2;
  expect(
    Math.abs(first - rowAtScroll(view)),
    `first row ${first} at scrollTop ${view.scrollTop}`,
  ).toBeLessThanOrEqual(1);
}

function expectLastRowShown(view: GridView) {
  const last = view.rows[view.rows.length - 1]!;
  expect(last.rowIndex - 2).toBe(view.rowCount - 1);
  // Within the viewport, give or take the rounding of two fractional boxes (the grid's height and
  // the header's, both rounded by the browser: Firefox's past the cap came out 1 px over).
  expect(last.bottom).toBeLessThanOrEqual(view.clientHeight - view.header + 2);
}

/**
 * Opens `url` (a result of `total` rows) and checks it end to end: the scroll range is under the
 * cap; scrolled to 25%, 50%, 75% and the bottom it shows the rows that belong there; the thumb,
 * dragged with the mouse where the driver can, too; the wheel and the keyboard move by rows; End
 * reaches the last row and Home the first.
 */
export async function expectEveryRowReachable(driver: GridDriver, url: string, total: number) {
  await driver.goto(url);
  let view = await settledRows(driver);
  expect(view.rowCount).toBe(total);
  expect(view.rows[0]!.rowIndex).toBe(2);
  // Under Firefox's cap (17.9 million px), which is the lower one.
  expect(view.maxScrollTop + view.clientHeight).toBeLessThan(17_000_000);

  for (const share of [0.25, 0.5, 0.75, 1]) {
    await setScrollTop(driver, share);
    view = await settledRows(driver);
    expectRowsAtScrollPosition(view);
    const expected = Math.floor(
      (share * (view.rowCount * view.rowHeight + view.header - view.clientHeight)) / view.rowHeight,
    );
    expect(Math.abs(view.rows[0]!.rowIndex - 2 - expected)).toBeLessThanOrEqual(1);
  }
  expectLastRowShown(view);

  // The wheel moves by its own distance, not by a share of the result.
  await setScrollTop(driver, 0.5);
  const before = (await settledRows(driver)).rows[0]!.rowIndex;
  const { box } = view;
  await driver.wheel((box.left + box.right) / 2, (box.top + box.bottom) / 2, 5 * view.rowHeight);
  await expect.poll(async () => (await settledRows(driver)).rows[0]!.rowIndex - before).toBe(5);

  // Focus moves by rows too: the first row drawn, above the viewport, is scrolled into view (the
  // browser may centre it), not by a share of the result.
  const shown = (await settledRows(driver)).rows[0]!.rowIndex;
  await driver.evaluate(
    () => document.querySelector<HTMLElement>('.sessions-body [role="row"][data-session-id]')?.focus(),
    null,
  );
  await expect.poll(async () => (await readGrid(driver)).focused).toBeLessThan(shown);
  view = await settledRows(driver);
  expect(shown - view.rows[0]!.rowIndex).toBeLessThanOrEqual(view.clientHeight / view.rowHeight);
  expect(view.rows.some((r) => r.rowIndex === view.focused)).toBe(true);

  // Keyboard: End reaches the last row, focused; Page Up moves a screen; Home returns to the first.
  await driver.press('End');
  await expect.poll(async () => (await readGrid(driver)).focused).toBe(total + 1);
  view = await settledRows(driver);
  expectLastRowShown(view);
  await driver.press('ArrowUp');
  await expect.poll(async () => (await readGrid(driver)).focused).toBe(total);
  await driver.press('PageUp');
  const perScreen = Math.floor(view.clientHeight / view.rowHeight) - 1;
  await expect.poll(async () => (await readGrid(driver)).focused).toBe(total - perScreen);
  view = await settledRows(driver);
  expect(view.rows.some((r) => r.rowIndex === total - perScreen)).toBe(true);
  await driver.press('Home');
  await expect.poll(async () => (await readGrid(driver)).focused).toBe(2);
  view = await settledRows(driver);
  expect(view.rows[0]!.rowIndex).toBe(2);
  expect(view.scrollTop).toBe(0);

  if (driver.drag) {
    // A driver that can drag must show a scrollbar to drag (headless browsers may hide them).
    expect(view.box.scrollbar).toBeGreaterThan(0);
    await expectThumbLandsWhereItPoints(driver, view);
  }
}

/**
 * Drags the scrollbar's thumb with the mouse from the top to 25%, 50%, 75% and the bottom of its
 * track. Each drag after the first presses the thumb's middle, found from where the grid is scrolled
 * and the thumb's length measured by the first drag: a press a few pixels beside a short thumb pages
 * along the track instead of dragging it.
 */
async function expectThumbLandsWhereItPoints(driver: GridDriver, start: GridView) {
  const { box } = start;
  const x = box.right - 1 - box.scrollbar / 2;
  const button = box.scrollbar;
  const trackTop = box.top + 1 + button;
  const track = box.bottom - 1 - button - trackTop;
  // The thumb of a scrollbar this long is at its shortest: it starts at the top of the track.
  let from = trackTop + 4;
  let thumb: number | undefined;
  let previous = 0;
  for (const share of [0.25, 0.5, 0.75, 1.2]) {
    // The thumb moves as far as the mouse: along the track less its own length, once that is known.
    const to = from + (share - previous) * (track - (thumb ?? 0));
    await driver.drag!({ x, y: from }, { x, y: to });
    const view = await settledRows(driver);
    const landed = view.scrollTop / view.maxScrollTop;
    // The thumb followed the mouse (its length takes a little of the track), ...
    expect(landed).toBeGreaterThan(previous);
    expect(Math.abs(landed - Math.min(1, share))).toBeLessThan(0.05);
    // ... and the rows shown are the ones at its place in the result.
    expectRowsAtScrollPosition(view);
    if (share > 1) expectLastRowShown(view);
    thumb ??= track - (to - from) / landed;
    from = trackTop + landed * (track - thumb) + thumb / 2;
    previous = landed;
  }
}
