// The first screen, as a user meets it: the rows come, and they work at once. One renderer draws
// them (React's), so the rows first painted are the rows one clicks.
import { test, expect, type Page } from '@playwright/test';

const rows = (page: Page) => page.locator('[role="grid"] [role="row"][data-session-id]');

test('the first rows painted are live: a click on one at once opens its session', async ({ page }) => {
  // Tags the first data rows the moment they enter the page, to check that they are never replaced.
  await page.addInitScript(() => {
    const row = '[data-session-id]';
    new MutationObserver((records, observer) => {
      const added = records
        .flatMap((r) => [...r.addedNodes])
        .filter((n): n is Element => n instanceof Element)
        .flatMap((n) => [...(n.matches(row) ? [n] : []), ...n.querySelectorAll(row)]);
      if (added.length === 0) return;
      added.forEach((el) => el.setAttribute('data-first', ''));
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/?archive=1&range=30d');
  const first = rows(page).nth(2);
  await first.waitFor();
  const id = await first.getAttribute('data-session-id');
  await first.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('session')).toBe(id);
  // Nothing was drawn twice: the row clicked is one of those first added.
  await expect(page.locator(`[data-session-id="${id}"][data-first]`)).toHaveCount(1);
});

test('the keyboard works as soon as the rows are there', async ({ page }) => {
  await page.goto('/?archive=1&range=30d');
  await rows(page).first().waitFor();
  await rows(page).first().focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(rows(page).nth(2)).toBeFocused();
  await expect(rows(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('a slow first page shows the panels and skeleton rows until it comes', async ({ page }) => {
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/api/sessions?*', async (route) => {
    await answered;
    await route.continue();
  });
  await page.goto('/?archive=1&range=30d');
  await expect(page.getByRole('button', { name: /filters/i })).toBeVisible();
  await expect(page.locator('[role="row"][aria-busy="true"]').first()).toBeVisible();
  await expect(page.getByText('Loading sessions…')).toBeVisible();
  answer();
  await expect(rows(page).first()).toBeVisible();
  await expect(page.locator('[role="row"][aria-busy="true"]')).toHaveCount(0);
});

test('an error from the first page is shown where the rows would be, with a retry', async ({ page }) => {
  await page.route('**/api/sessions?*', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ responseStatus: { errorCode: 'Boom', message: 'The database is down' } }),
    }),
  );
  await page.goto('/?archive=1&range=30d');
  await expect(page.getByRole('alert')).toContainText('The database is down');
  await expect(page.getByRole('alert').getByRole('button', { name: 'Retry' })).toBeVisible();
});

// A small result is counted once it is shown: the scan's line and the counts' row come after the
// first rows. They hold their places from the first render, so a click aimed at a row lands on it.
for (const [width, height] of [
  [1440, 900],
  [1024, 768],
  [390, 844],
] as const) {
  test(`the rows do not move while a small result is counted (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    // Every distinct top of the first data row, from the frame it is first drawn in.
    await page.addInitScript(() => {
      const tops: number[] = [];
      (window as unknown as { rowTops: number[] }).rowTops = tops;
      const frame = () => {
        const row = document.querySelector('[role="grid"] [data-session-id]');
        const top = row && Math.round(row.getBoundingClientRect().top);
        if (top !== null && top !== tops.at(-1)) tops.push(top);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    // The day before yesterday (UTC): one day of sessions, counted at once.
    const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/?start=${day}&end=${day}`);
    const counts = page.getByRole('group', { name: 'Counts' });
    await expect(counts.getByRole('button', { name: /^Outcome / }).first()).toBeAttached({ timeout: 30_000 });
    await expect(page.getByRole('status').filter({ hasText: /^Scanned / })).toHaveText(
      /^Scanned ([\d,]+) of \1 sessions/,
    );
    // Two more frames, for anything the counts' render would still move.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const tops = await page.evaluate(() => (window as unknown as { rowTops: number[] }).rowTops);
    expect(tops.length).toBeGreaterThan(0);
    expect(tops).toEqual([tops[0]]);
  });
}
