// The sessions screen on a phone (390x844, touch) and on a tablet or small laptop (1024x768), in
// light and dark. Each test keeps screenshots under test-results/screens/ to look at.
import { test, expect, type Locator, type Page } from '@playwright/test';

const SCREENS = 'test-results/screens';
const ROW_HEIGHT = 36;
const DEFAULT_COLUMNS = [
  'Start',
  'Direction',
  'Channel',
  'From',
  'To',
  'Customer',
  'Endpoint',
  'Answered by',
  'Outcome',
  'Duration',
  'State',
];

const rows = (page: Page) => page.locator('[role="grid"] [role="row"][data-session-id]');

async function headerNames(page: Page): Promise<string[]> {
  return page
    .getByRole('columnheader')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/[▲▼]/g, '').trim()));
}

/** Fails with the element's box when any part of it lies outside the window. */
async function expectInViewport(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize()!;
  expect(box, `${what} has a box`).not.toBeNull();
  const inside =
    box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= width + 0.5 && box!.y + box!.height <= height + 0.5;
  expect(inside, `${what} at ${JSON.stringify(box)} inside ${width}x${height}`).toBe(true);
}

/** The page lays out at the window's width: nothing makes it wider, so nothing is zoomed out. */
async function expectNoSidewaysLayout(page: Page) {
  const layout = await page.evaluate(() => ({
    inner: window.innerWidth,
    scroll: document.documentElement.scrollWidth,
  }));
  expect(layout.inner).toBe(page.viewportSize()!.width);
  expect(layout.scroll).toBeLessThanOrEqual(layout.inner);
}

/** Every drawn row has the grid's fixed height (the virtualizer places rows by it). */
async function expectFixedRowHeights(page: Page) {
  const heights = await rows(page).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(5);
  expect(new Set(heights)).toEqual(new Set([ROW_HEIGHT]));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`phone, ${colorScheme}`, () => {
    test.use({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      colorScheme,
    });

    test('the rows fit the screen; a tap opens the session full-screen', async ({ page }) => {
      await page.goto('/');
      await expect(rows(page).first()).toBeVisible();
      await expectNoSidewaysLayout(page);
      // The filters are folded away; the columns that matter most are shown, and that choice for
      // the width is not stored as the user's column preference.
      await expect(page.getByRole('complementary', { name: 'Filters' })).toBeHidden();
      expect(await headerNames(page)).toEqual(['Start', 'From', 'Outcome']);
      expect(await page.evaluate(() => localStorage.getItem('sh.columns.visible'))).toBeNull();
      const grid = page.getByRole('grid');
      expect(await grid.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      for (const header of await page.getByRole('columnheader').all())
        await expectInViewport(page, header, 'a column header');
      await expectFixedRowHeights(page);
      await page.screenshot({ path: `${SCREENS}/phone-${colorScheme}.png` });

      const row = rows(page).nth(2);
      const id = await row.getAttribute('data-session-id');
      await row.tap();
      const drawer = page.getByRole('dialog');
      await expect(drawer.getByRole('region', { name: 'Who' })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`[?&]session=${id}(&|$)`));
      expect(await drawer.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
      await expectNoSidewaysLayout(page);
      await page.screenshot({ path: `${SCREENS}/phone-drawer-${colorScheme}.png` });
      await drawer.getByRole('button', { name: 'Close' }).tap();
      await expect(drawer).toBeHidden();
    });

    test.describe('in Los Angeles', () => {
      test.use({ timezoneId: 'America/Los_Angeles' });
      test("the chart's heading names the zone its bars are cut in", async ({ page }) => {
        await page.goto('/?range=7d');
        await expect(rows(page).first()).toBeVisible();
        const zone = page.getByRole('heading', { name: /^Sessions per/ }).getByText('Los Angeles time');
        await expect(zone).toBeVisible();
        await expectInViewport(page, zone, "the chart's zone");
      });
    });

    test('the filter sheet opens over the page and applies a filter', async ({ page }) => {
      await page.goto('/');
      await expect(rows(page).first()).toBeVisible();
      const toggle = page.getByRole('button', { name: 'Filters', exact: true });
      await toggle.tap();
      const sheet = page.getByRole('dialog', { name: 'Filters' });
      await expect(sheet).toBeVisible();
      await expectInViewport(page, sheet, 'the filter sheet');
      await expectNoSidewaysLayout(page);

      // A fragment of a number on screen that not every row has.
      const fromTexts = await rows(page).evaluateAll((els) =>
        els.map((row) => row.querySelectorAll('[role="gridcell"]')[1]?.textContent ?? ''),
      );
      const fragment = fromTexts
        .map((text) => /\d{8,}/.exec(text)?.[0].slice(4, 8))
        .find((f): f is string => !!f && !fromTexts.every((t) => t.includes(f)));
      expect(fragment, `a number fragment among ${fromTexts.slice(0, 5).join(' | ')}`).toBeTruthy();
      const from = sheet.getByRole('searchbox', { name: 'From' });
      await from.tap();
      await from.fill(fragment!);
      await page.screenshot({ path: `${SCREENS}/phone-filters-${colorScheme}.png` });
      await sheet.getByRole('button', { name: 'Show sessions' }).tap();

      await expect(sheet).toBeHidden();
      await expect(page).toHaveURL(new RegExp(`[?&]from=${fragment}(&|$)`));
      await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeFocused();
      await expect
        .poll(async () => {
          const texts = await rows(page).evaluateAll((els) =>
            els.map((row) => row.querySelectorAll('[role="gridcell"]')[1]?.textContent ?? ''),
          );
          return texts.length > 0 && texts.every((t) => t.includes(fragment!));
        })
        .toBe(true);
    });

    test('the date picker fits the screen', async ({ page }) => {
      await page.goto('/');
      const button = page.getByRole('button', { name: /^Time window:/ });
      await expectInViewport(page, button, 'the time window button');
      await button.tap();
      const picker = page.getByRole('dialog', { name: 'Time window' });
      await expect(picker.getByRole('grid').first()).toBeVisible();
      await expectInViewport(page, picker, 'the date picker');
      await expectNoSidewaysLayout(page);
      await page.screenshot({ path: `${SCREENS}/phone-dates-${colorScheme}.png` });
      await picker.getByRole('button', { name: 'Yesterday' }).tap();
      await expect(page).toHaveURL(/[?&]range=yesterday(&|$)/);
      await expect(picker).toBeHidden();
    });

    test("a link's notice wraps as text", async ({ page }) => {
      await page.goto(`/?sort=nonsense&end=2026-01-01&${'x'.repeat(60)}=1`);
      const notice = page.getByRole('status').filter({ hasText: 'Parts of this link were ignored' });
      await expect(notice).toBeVisible();
      await expectInViewport(page, notice, 'the notice');
      // Lines of words, not a column of letters.
      const text = notice.locator('.banner-body');
      expect((await text.boundingBox())!.width).toBeGreaterThan(250);
      await expectNoSidewaysLayout(page);
      await page.screenshot({ path: `${SCREENS}/phone-notice-${colorScheme}.png` });
    });
  });

  test.describe(`1024x768, ${colorScheme}`, () => {
    test.use({ viewport: { width: 1024, height: 768 }, colorScheme });

    test('every default column is on screen without scrolling sideways', async ({ page }) => {
      await page.goto('/');
      await expect(rows(page).first()).toBeVisible();
      expect(await headerNames(page)).toEqual(DEFAULT_COLUMNS);
      for (const header of await page.getByRole('columnheader').all())
        await expectInViewport(page, header, `column ${await header.textContent()}`);
      const grid = page.getByRole('grid');
      expect(await grid.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      await expectNoSidewaysLayout(page);
      await expectFixedRowHeights(page);
      await page.screenshot({ path: `${SCREENS}/1024-${colorScheme}.png` });

      // The calendar opens inside the window too.
      await page.getByRole('button', { name: /^Time window:/ }).click();
      const picker = page.getByRole('dialog', { name: 'Time window' });
      await expect(picker.getByRole('grid').first()).toBeVisible();
      await expectInViewport(page, picker, 'the date picker');
      await page.screenshot({ path: `${SCREENS}/1024-dates-${colorScheme}.png` });
      await page.keyboard.press('Escape');

      // The filters open as a sheet over the table, which keeps its columns.
      await page.getByRole('button', { name: 'Filters', exact: true }).click();
      const sheet = page.getByRole('dialog', { name: 'Filters' });
      await expect(sheet).toBeVisible();
      await expectInViewport(page, sheet, 'the filter sheet');
      await page.screenshot({ path: `${SCREENS}/1024-filters-${colorScheme}.png` });
      await page.keyboard.press('Escape');
      await expect(sheet).toBeHidden();
      await expect(page.getByRole('button', { name: 'Filters', exact: true })).toBeFocused();
    });
  });
}
