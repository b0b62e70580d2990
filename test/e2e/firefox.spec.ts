// The app in Firefox (Debian's firefox-esr over WebDriver BiDi, test/e2e/firefox.ts): loading the
// sessions view, filtering, the drawer and the print view's page count, against the same sandbox
// as the Chromium specs. Zone and touch emulation stay in the Chromium specs.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { test, expect } from './firefox';
import { pdfPageCount, pdfText } from './pdf';

const ROWS = '[role="grid"] [role="row"][data-session-id]';
const HUGE_LOG = 'specimen-huge-log';
const HUGE_LOG_LINES = 5000;
const ARTIFACTS = 'test/artifacts';

const rowIds = (page: Page) =>
  page.$$eval(ROWS, (els) => els.map((el) => el.getAttribute('data-session-id') ?? ''));

/** The text of every rendered row's cell in the named column. */
function columnTexts(page: Page, column: string): Promise<string[]> {
  return page.evaluate(
    (rowSelector, name) => {
      const headers = [...document.querySelectorAll('[role="columnheader"]')].map((el) =>
        (el.textContent ?? '').replace(/[▲▼]/g, '').trim(),
      );
      const index = headers.indexOf(name);
      if (index < 0) throw new Error(`no "${name}" column among ${headers.join(', ')}`);
      return [...document.querySelectorAll(rowSelector)].map(
        (row) => row.querySelectorAll('[role="gridcell"]')[index]?.textContent ?? '',
      );
    },
    ROWS,
    column,
  );
}

const dialogHeading = (page: Page) =>
  page.evaluate(() => document.querySelector('[role="dialog"] h2')?.textContent ?? null);

test('Firefox: the sessions view loads, live, with a row for every row of page 0 in view', async ({
  firefox,
}) => {
  const { page, goto } = firefox;
  await goto('/?archive=1&range=30d');
  await page.waitForSelector(ROWS);
  // The app is running (its toolbar is there), not only the rows drawn before it.
  await page.waitForSelector('::-p-aria(Hide filters)');
  await expect.poll(() => page.$eval('.results-count', (el) => el.textContent)).toMatch(/^[\d,]+ sessions$/);
  const ids = await rowIds(page);
  expect(ids.length).toBeGreaterThan(10);
  expect(new Set(ids).size).toBe(ids.length);
  // Every row has the grid's fixed height, as in Chromium.
  const heights = await page.$$eval(ROWS, (els) => els.map((el) => el.getBoundingClientRect().height));
  expect(new Set(heights)).toEqual(new Set([36]));
  // The grid fills the window's width without scrolling sideways.
  const overflow = await page.$eval('[role="grid"]', (el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(firefox.errors).toEqual([]);
});

test('Firefox: typing in From narrows the rows', async ({ firefox }) => {
  const { page, goto } = firefox;
  await goto('/');
  await page.waitForSelector(ROWS);
  const before = await columnTexts(page, 'From');
  const fragment = before
    .map((text) => /\d{8,}/.exec(text)?.[0].slice(4, 8))
    .find((f): f is string => !!f && !before.every((t) => t.includes(f)));
  expect(fragment, `a number fragment among the From cells: ${before.slice(0, 5).join(' | ')}`).toBeTruthy();

  await page.type('aside[aria-label="Filters"] ::-p-aria(From)', fragment!, { delay: 40 });
  await expect.poll(() => page.url()).toMatch(new RegExp(`[?&]from=${fragment}(&|$)`));
  await expect
    .poll(async () => {
      const texts = await columnTexts(page, 'From');
      return texts.length > 0 && texts.every((t) => t.includes(fragment!));
    })
    .toBe(true);
  expect(firefox.errors).toEqual([]);
});

test('Firefox: a click opens the drawer, Escape closes it and focus returns to the row', async ({
  firefox,
}) => {
  const { page, goto } = firefox;
  await goto('/');
  const row = await page.waitForSelector(ROWS);
  const id = await row!.evaluate((el) => el.getAttribute('data-session-id'));
  await row!.click();

  await page.waitForSelector('[role="dialog"][aria-modal="true"]');
  await expect.poll(() => new URL(page.url()).searchParams.get('session')).toBe(id);
  await expect.poll(() => dialogHeading(page)).toMatch(/^(?!Loading)./);
  await page.waitForSelector('[role="dialog"] ::-p-aria([name="Who"][role="region"])');
  expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);

  await page.keyboard.press('Escape');
  await expect.poll(() => page.$('[role="dialog"]')).toBeNull();
  await expect.poll(() => new URL(page.url()).searchParams.get('session')).toBeNull();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-session-id')))
    .toBe(id);
  expect(firefox.errors).toEqual([]);
});

test('Firefox: the print view prints the 5,000-line log on a sensible number of pages', async ({
  firefox,
}) => {
  test.setTimeout(180_000);
  const { page, goto } = firefox;
  await goto(`/sessions/${HUGE_LOG}/print`);
  await page.waitForSelector('h1');
  await expect
    // Counted in the page: $$eval would first send a handle of each of the 5,000 lines over BiDi.
    .poll(() => page.evaluate(() => document.querySelectorAll('.printable-session .log-line').length))
    .toBe(HUGE_LOG_LINES);

  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}/firefox-print-${format}.pdf`, pdf);
    const pages = pdfPageCount(pdf);
    // About 40–45 lines a page, as in Chromium: every line is printed, none is a page of its own.
    expect(pages, `${format} pages`).toBeGreaterThan(HUGE_LOG_LINES / 80);
    expect(pages, `${format} pages`).toBeLessThan(HUGE_LOG_LINES / 20);
    const text = pdfText(pdf);
    const missing = [];
    for (let i = 1; i <= HUGE_LOG_LINES; i++)
      if (!text.includes(`Log line ${i} of ${HUGE_LOG_LINES}`)) missing.push(i);
    expect(missing, `${format}: log lines missing from the PDF`).toEqual([]);
  }
  expect(firefox.errors).toEqual([]);
});
