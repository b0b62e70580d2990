// The filters against the real sandbox: typing in From narrows the rows, a preset changes the range.
import { test, expect, type Page } from '@playwright/test';

const rows = (page: Page) => page.locator('[role="grid"] [role="row"][data-session-id]');

/** The text of every rendered row's cell in the named column. */
async function columnTexts(page: Page, column: string): Promise<string[]> {
  const headers = await page
    .getByRole('columnheader')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/[▲▼]/g, '').trim()));
  const index = headers.indexOf(column);
  expect(index, `a "${column}" column among ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return rows(page).evaluateAll(
    (els, i) => els.map((row) => row.querySelectorAll('[role="gridcell"]')[i]?.textContent ?? ''),
    index,
  );
}

test('typing in From changes the rows', async ({ page }) => {
  await page.goto('/');
  await expect(rows(page).first()).toBeVisible();

  // A fragment that exists: four digits from the middle of a number on screen, specific enough
  // that the unfiltered rows do not all contain it.
  const before = await columnTexts(page, 'From');
  const fragment = before
    .map((text) => /\d{8,}/.exec(text)?.[0].slice(4, 8))
    .find((f): f is string => !!f && !before.every((t) => t.includes(f)));
  expect(fragment, `a number fragment among the From cells: ${before.slice(0, 5).join(' | ')}`).toBeTruthy();

  const from = page.getByRole('complementary', { name: 'Filters' }).getByRole('searchbox', { name: 'From' });
  await from.pressSequentially(fragment!, { delay: 40 });

  // Debounced: the URL follows without Enter.
  await expect(page).toHaveURL(new RegExp(`[?&]from=${fragment}(&|$)`));
  await expect
    .poll(async () => {
      const texts = await columnTexts(page, 'From');
      return texts.length > 0 && texts.every((t) => t.includes(fragment!));
    })
    .toBe(true);
});

test('a preset changes the range', async ({ page }) => {
  await page.goto('/');
  const button = page.getByRole('button', { name: /^Time window:/ });
  await expect(button).toContainText('Last 7 days');
  await expect(button).toContainText(/ · UTC$/);

  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Time window' });
  await dialog.getByRole('button', { name: 'Yesterday' }).click();

  await expect(page).toHaveURL(/[?&]range=yesterday(&|$)/);
  await expect(dialog).toBeHidden();
  await expect(button).toContainText('Yesterday');
  await expect(button).toBeFocused();
});
