// Results past the browsers' height cap in Firefox (docs/scrolling.md; Debian's firefox-esr over
// WebDriver BiDi, test/e2e/firefox.ts), whose cap is the lower one: the same checks as the Chromium
// spec, over the stand-in API that serves rows by index. The thumb is dragged in Chromium only.
import type { Page } from 'puppeteer-core';
import { startIndexedApp, type IndexedApp } from '../indexed-sessions-server';
import { test } from './firefox';
import { expectEveryRowReachable, type GridDriver } from './height-cap-checks';

const puppeteerDriver = (page: Page): GridDriver => ({
  goto: (url) => page.goto(url, { waitUntil: 'load' }),
  // Puppeteer's own typing of page functions unwraps handles: this one only passes JSON.
  evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>,
  press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
  wheel: async (x, y, deltaY) => {
    await page.mouse.move(x, y);
    await page.mouse.wheel({ deltaY });
  },
});

let app: IndexedApp;
test.beforeAll(async () => {
  app = await startIndexedApp();
});
test.afterAll(async () => {
  await app.close();
});

for (const total of [2_000_000, 10_000_000]) {
  test(`Firefox: ${total.toLocaleString('en-US')} rows, the wheel and the keyboard reach every row`, async ({
    firefox,
  }) => {
    await expectEveryRowReachable(
      puppeteerDriver(firefox.page),
      `${app.url}/?archive=1&from=${total}`,
      total,
    );
  });
}
