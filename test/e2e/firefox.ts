// Firefox pages under the same Playwright runner. Playwright's Firefox is its own patched build,
// which cannot be downloaded here; puppeteer-core drives Debian's firefox-esr over WebDriver BiDi
// instead. A spec imports `test` from here and gets a `firefox` page next to Playwright's own
// fixtures: same servers, same baseURL, same reporter. A missing Firefox fails the test (never a
// skip): `node test/ensure-test-deps.mjs` installs it.
import { test as base, expect } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BROWSER_ANNOTATION } from '../browsers-reporter';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxPage {
  /** The puppeteer page (BiDi). */
  page: Page;
  /** Navigates to a path of the app under test and waits for the load event. */
  goto: (path: string) => Promise<void>;
  /** The page's own JavaScript errors, collected from the start. */
  errors: string[];
}

export const test = base.extend<{ firefox: FirefoxPage }, { firefoxBrowser: Browser }>({
  // One Firefox per worker: it takes a few seconds to start.
  firefoxBrowser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, provide) => {
      const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        // As the Chromium runs: the same window size as playwright.config.ts's viewport.
        defaultViewport: { width: 1440, height: 900 },
      });
      await provide(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  firefox: async ({ firefoxBrowser, baseURL }, provide, testInfo) => {
    testInfo.annotations.push({
      type: BROWSER_ANNOTATION,
      description: `Firefox ${(await firefoxBrowser.version()).replace(/^firefox\//, '')}`,
    });
    // A fresh context per test, as Playwright gives each test: no storage or cache carried over.
    const context = await firefoxBrowser.createBrowserContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const goto = async (path: string) => {
      const response = await page.goto(new URL(path, baseURL).href, { waitUntil: 'load' });
      expect(response?.ok(), `GET ${path}`).toBe(true);
    };
    await provide({ page, goto, errors });
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('firefox-screenshot', {
        body: Buffer.from(await page.screenshot({ encoding: 'base64' }), 'base64'),
        contentType: 'image/png',
      });
    }
    await context.close();
  },
});

export { expect };
