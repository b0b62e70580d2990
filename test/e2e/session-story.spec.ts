// Investigating one session against the real sandbox (SANDBOX_SPECIMENS=1): the story, the whole
// conversation, moving between sessions, the live log, and the masked, two-page printout.
import { test, expect, type Page } from '@playwright/test';

const CALL = 'specimen-transfer';
const ARTIFACTS = 'test/artifacts';
const rows = (page: Page) => page.locator('[role="grid"] [role="row"][data-session-id]');
const drawer = (page: Page) => page.getByRole('dialog').first();
const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('a transferred call tells its story and shows its legs, down to the transfer of the transfer', async ({
  page,
}) => {
  await page.goto(`/?session=${CALL}`);
  const story = drawer(page).getByRole('region', { name: 'What happened' });
  await expect(story).toContainText('Incoming call from Jane Doe (+15035550100)');
  await expect(story).toContainText('while 7 agents were rung');
  await expect(story).toContainText(/transferred to Billing at \d+:\d\d, ended after 10:00\./);
  const tree = drawer(page).getByRole('region', { name: 'Transfers' });
  await expect(tree.getByRole('heading')).toHaveText('1 transfer');
  await expect(tree.getByRole('link', { name: 'To Billing' })).toBeVisible();
  await expect(tree.getByRole('link', { name: 'To Escalations' })).toBeVisible();
  // A leg opens in the drawer; its story links back to the session it came from.
  await tree.getByRole('link', { name: 'To Billing' }).click();
  await expect(page).toHaveURL(/session=specimen-transfer-leg(&|$)/);
  await expect(story).toContainText('Transferred from session specimen-transfer.');
  await story.getByRole('link', { name: CALL }).click();
  await expect(page).toHaveURL(new RegExp(`session=${CALL}(&|$)`));
});

test('j and k move through the table with the drawer open, and the row follows', async ({ page }) => {
  await page.goto('/');
  await expect(rows(page).nth(3)).toBeVisible();
  const ids = await rows(page).evaluateAll((els) =>
    els.slice(0, 4).map((e) => e.getAttribute('data-session-id')),
  );
  await rows(page).first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`session=${ids[0]}`));
  await expect(drawer(page).getByRole('region', { name: 'What happened' })).toBeVisible();
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`session=${ids[1]}`));
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`session=${ids[2]}`));
  await expect(page.locator(`[data-session-id="${ids[2]}"]`)).toHaveClass(/is-open/);
  await page.keyboard.press('k');
  await expect(page).toHaveURL(new RegExp(`session=${ids[1]}`));
  await drawer(page).getByRole('button', { name: 'Next session' }).click();
  await expect(page).toHaveURL(new RegExp(`session=${ids[2]}`));
  await expect(drawer(page)).toBeVisible();
});

test('? shows every keyboard shortcut, over the table and over the drawer', async ({ page }) => {
  await page.goto('/');
  await expect(rows(page).first()).toBeVisible();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Next session, drawer kept open');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await page.goto(`/?session=${CALL}`);
  await expect(drawer(page).getByRole('region', { name: 'What happened' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  // Escape closes the sheet only; the session stays open.
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('dialog', { name: /Jane Doe/ })).toBeVisible();
});

test("a live session's log keeps its place across a refresh", async ({ page, request }) => {
  test.setTimeout(60_000);
  const res = await request.get('/api/sessions?countPerPage=50');
  const live = ((await res.json()) as { items: { id: string; ended?: boolean; log?: unknown[] }[] }).items
    .filter((s) => s.ended === false && (s.log?.length ?? 0) >= 20)
    .sort((a, b) => b.log!.length - a.log!.length)[0];
  expect(live, 'a live session with a log of 20 lines or more').toBeTruthy();
  await page.setViewportSize({ width: 1280, height: 560 });
  await page.goto(`/?session=${live!.id}`);
  const body = drawer(page).getByRole('region', { name: 'Session details' });
  await expect(drawer(page).locator('.log-line').first()).toBeVisible();
  // A reader inside the log, away from its end: the list starts above the view.
  const view = await body.evaluate((el) => {
    const list = el.querySelector('.log-line')!.parentElement!;
    el.scrollTop += list.getBoundingClientRect().top - el.getBoundingClientRect().top + 60;
    return { top: el.scrollTop, max: el.scrollHeight - el.clientHeight };
  });
  expect(view.top).toBeLessThan(view.max - 30);
  // What the reader sees: the first whole line in view, and where it is on screen.
  const firstLineInView = () =>
    body.evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      const line = [...el.querySelectorAll('.log-line')].find((l) => l.getBoundingClientRect().top >= top)!;
      return { text: line.textContent, at: Math.round(line.getBoundingClientRect().top - top) };
    });
  const before = await firstLineInView();
  // The refresh may change more than the log: a session that ends gains members above it.
  await page.waitForResponse((r) => r.url().includes(`specificIds=${live!.id}`), { timeout: 20_000 });
  await page.waitForTimeout(500);
  const after = await firstLineInView();
  expect(after.text).toBe(before.text);
  expect(Math.abs(after.at - before.at)).toBeLessThanOrEqual(2);
});

test('the masked print view holds no full phone number, and a 40-line call prints on two pages', async ({
  page,
}) => {
  await page.goto(`/sessions/${CALL}/print?mask=1`);
  const printout = page.locator('.printable-session');
  await expect(printout.locator('.log-line')).toHaveCount(40);
  await expect(printout.locator('.transfer-tree')).toContainText('Escalations');
  const text = (await printout.textContent()) ?? '';
  expect(text).toContain('•••• 0100');
  expect(text).toContain('J. D.');
  for (const full of ['5035550100', '503 555 0100', '5035550199', 'Jane', 'Doe'])
    expect(text).not.toContain(full);
  // No run of 7 digits (with + - . ( ) or spaces between them) outside the ids.
  const readable = await printout.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.mono, time, .log-time, .log-offset').forEach((n) => n.remove());
    return copy.textContent ?? '';
  });
  expect(readable.match(/\+?\d(?:[ ().+-]*\d){6,}/g) ?? []).toEqual([]);
  await expect(printout.locator('.printable-origin')).toContainText(`?session=${CALL}&mask=1`);

  await page.emulateMedia({ media: 'print' });
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, path: `${ARTIFACTS}/print-40-lines-${format}.pdf` });
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(2);
  }
});
