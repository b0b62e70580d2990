// Scrolling past the browsers' height cap (docs/scrolling.md): 10,000,000 rows over the stand-in API
// that serves rows by index (the sandbox cannot build that many). Past the cap the wheel moves the
// rows, so a rAF loop sends one wheel event a frame, as far as the main scroll moves; frame time =
// rAF interval, as in the main scroll figure.
import type { Browser } from 'playwright-core';
import { VIEWPORT } from './page-instrumentation';
import { startIndexedApp } from '../test/indexed-sessions-server.ts';

export const PAST_CAP_ROWS = 10_000_000;

export async function scrollPastCapFrames(
  browser: Browser,
  appDist: string,
  seconds: number,
  pxPerFrame: number,
): Promise<number[]> {
  const app = await startIndexedApp(0, appDist);
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    // tsx (esbuild keepNames) wraps named functions in __name(), which pages do not define.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(`${app.url}/?archive=1&from=${PAST_CAP_ROWS}`);
    await page.waitForSelector('[role="grid"] [data-session-id="row-0"]');
    // From the middle, once its rows are in.
    await page.evaluate(() => {
      const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
      grid.scrollTop = (grid.scrollHeight - grid.clientHeight) / 2;
    });
    await page.waitForSelector(`[role="grid"] [data-session-id="row-${PAST_CAP_ROWS / 2}"]`);
    await page.waitForTimeout(500);
    return await page.evaluate(
      ([seconds, px]) =>
        new Promise<number[]>((resolve) => {
          const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
          const frames: number[] = [];
          let prev = -1;
          let start = -1;
          const step = (t: number) => {
            if (prev >= 0) frames.push(t - prev);
            else start = t;
            prev = t;
            if (t - start >= seconds * 1000) return resolve(frames);
            grid.dispatchEvent(new WheelEvent('wheel', { deltaY: px, bubbles: true, cancelable: true }));
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
      [seconds, pxPerFrame] as const,
    );
  } finally {
    await context.close();
    await app.close();
  }
}
