// Cold loads: the first rows painted, live and ready; whether the rows painted first are the ones
// still there at ready; and a click on a row the moment it is painted.
import type { Browser } from 'playwright-core';
import type { BenchPage, CdpBrowser, CdpPage } from './cdp-browser';
import { initScript, PROBES, VIEWPORT, type BenchWindow, type Target } from './page-instrumentation';
import { QUIET_MS, readyAt, readySettled } from './ready';

export interface LoadCtx {
  browser: Browser;
  urls: Record<Target, string>;
  log: (line: string) => void;
}

/**
 * A fresh context and page for `target`, instrumented, its page errors collected. `firstRowCount`:
 * data rows in view that count as the first rows (10).
 */
export async function openTarget(
  ctx: LoadCtx,
  target: Target,
  { clickAtFirstPaint = false, firstRowCount = 10, timezoneId = 'UTC' } = {},
) {
  const context = await ctx.browser.newContext({ viewport: VIEWPORT, timezoneId, locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(instrumentation(target, { clickAtFirstPaint, firstRowCount }));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** The bench's page instrumentation, as one script run before every document a page loads. */
function instrumentation(target: Target, { clickAtFirstPaint = false, firstRowCount = 10 } = {}): string {
  const arg = { probe: PROBES[target], clickAtFirstPaint, firstRowCount };
  // tsx (esbuild keepNames) wraps named functions in __name(), which pages do not define.
  return `globalThis.__name = (f) => f;\n(${initScript.toString()})(${JSON.stringify(arg)});`;
}

/** A page of `target` in its own context of a bare browser (cdp-browser.ts), instrumented. */
export async function openCdpTarget(browser: CdpBrowser, target: Target): Promise<CdpPage> {
  const page = await browser.newPage();
  await page.addInitScript(instrumentation(target));
  return page;
}

export interface LoadFigures {
  firstRowsMs: number;
  firstLiveRowsMs: number;
  /** First rows painted and then 500 ms without a task over 50 ms (ready.ts). */
  readyMs: number;
  /** Rows in view at the first paint that are not the same elements in view at ready. */
  firstRowsReplaced: number;
  /** When the first of the first painted rows left the page (NaN if none did). */
  firstRowsRemovedMs: number;
}

/**
 * Waits, after navigation, until the first rows are painted and live and ready can no longer move,
 * then reads the load's figures (times from navigation start).
 */
export async function readLoad(page: BenchPage): Promise<LoadFigures> {
  await page.waitForFunction(
    () => (window as unknown as BenchWindow).__bench.firstLiveRowsAt !== undefined,
    null,
    { timeout: 60_000 },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    const s = await page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      b.flushLongTasks();
      return {
        now: performance.now(),
        firstRowsAt: b.firstRowsAt!,
        firstLiveRowsAt: b.firstLiveRowsAt!,
        longTasks: b.longTasks,
      };
    });
    const ready = readyAt(s.firstRowsAt, s.longTasks);
    if (readySettled(ready, s.now)) {
      const kept = await page.evaluate(() => (window as unknown as BenchWindow).__bench.firstRowsKept());
      return {
        firstRowsMs: s.firstRowsAt,
        firstLiveRowsMs: s.firstLiveRowsAt,
        readyMs: ready,
        firstRowsReplaced: kept.replaced,
        firstRowsRemovedMs: kept.removedAt,
      };
    }
    if (Date.now() > deadline) throw new Error(`never ready: still busy at ${Math.round(s.now)} ms`);
    await page.waitForTimeout(Math.max(20, ready + QUIET_MS - s.now + 20));
  }
}

/** One more cold load of `target` in a fresh context. */
export async function coldLoad(ctx: LoadCtx, target: Target): Promise<LoadFigures> {
  const { context, page, errors } = await openTarget(ctx, target);
  try {
    await page.goto(ctx.urls[target]);
    return await readLoad(page);
  } finally {
    if (errors.length) ctx.log(`  ${target}: page errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  }
}

export interface ClickFigures {
  /** From the click (sent as the first rows are painted) until the dialog is painted; NaN if never. */
  clickToDialogMs: number;
  /** The dialog opened is the clicked row's session. */
  openedClickedRow: boolean;
}

/** A cold load of Session History whose first painted row is clicked at once; waits for the drawer. */
export async function clickLoad(ctx: LoadCtx, waitMs = 5_000): Promise<ClickFigures> {
  const { context, page, errors } = await openTarget(ctx, 'app', { clickAtFirstPaint: true });
  try {
    const cdp = await context.newCDPSession(page);
    // Both halves of the click go to the browser at once: a busy page receives them together later,
    // as it would a user's.
    await page.exposeFunction('__benchClick', async (x: number, y: number) => {
      const at = { x, y, button: 'left' as const, clickCount: 1 };
      await Promise.all([
        cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at }),
        cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at }),
      ]);
    });
    await page.goto(ctx.urls.app);
    await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.click !== undefined, null, {
      timeout: 60_000,
    });
    const opened = await page
      .waitForFunction(
        () => {
          const click = (window as unknown as BenchWindow).__bench.click!;
          return Number.isFinite(click.dialogAt) && click;
        },
        null,
        { timeout: waitMs },
      )
      .then((h) => h.jsonValue())
      .catch(() => undefined);
    if (!opened) return { clickToDialogMs: NaN, openedClickedRow: false };
    return {
      clickToDialogMs: opened.dialogAt! - opened.requestedAt,
      openedClickedRow: opened.openedId === opened.id,
    };
  } finally {
    if (errors.length) ctx.log(`  app (click): page errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  }
}
