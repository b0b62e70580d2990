// Results past the browsers' height cap (docs/scrolling.md), in Chromium, over the stand-in API that
// serves rows by index: 2,000,000 and 10,000,000 rows, top to bottom.
import { test, expect } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium';
import { startIndexedApp, type IndexedApp } from '../indexed-sessions-server';
import { expectEveryRowReachable, playwrightDriver, readGrid, settledRows } from './height-cap-checks';

let app: IndexedApp;
test.beforeAll(async () => {
  app = await startIndexedApp();
});
test.afterAll(async () => {
  await app.close();
});

// Chromium's scrollbars are drawn (Playwright hides them in headless mode), so the thumb can be dragged.
test.use({ launchOptions: { ...chromiumLaunchOptions, ignoreDefaultArgs: ['--hide-scrollbars'] } });

for (const total of [2_000_000, 10_000_000]) {
  test(`${total.toLocaleString('en-US')} rows: the thumb, the wheel and the keyboard reach every row`, async ({
    page,
  }) => {
    await expectEveryRowReachable(playwrightDriver(page), `${app.url}/?archive=1&from=${total}`, total);
  });
}

test('below the cap the rows scroll natively: the spacer is their true height', async ({ page }) => {
  const driver = playwrightDriver(page);
  await driver.goto(`${app.url}/?archive=1&from=200000`);
  const view = await settledRows(driver);
  expect(view.maxScrollTop + view.clientHeight).toBe(view.header + 200_000 * view.rowHeight);
  await page.evaluate(() => {
    document.querySelector('[role="grid"]')!.scrollTop = 150_000 * 36;
  });
  await expect.poll(async () => (await settledRows(driver)).rows[0]!.rowIndex - 2).toBe(150_000);
  expect((await readGrid(driver)).rows[0]!.top).toBe(0);
});
