// Refinements the API lacks, against the real sandbox: the scan's matches are exactly what the
// sandbox holds, a count applies its refinement, and numbers are found however they are written.
import { test, expect, type Page, type APIRequestContext } from '@playwright/test';

const rows = (page: Page) => page.locator('[role="grid"] [role="row"][data-session-id]');
const countLine = (page: Page) => page.locator('.results-count');

/** The days (and every other API parameter) of the view's page 0, as the app asked for them. */
async function openView(page: Page, path: string): Promise<URLSearchParams> {
  const first = page.waitForRequest((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/sessions' && url.searchParams.get('countPerPage') === '100';
  });
  await page.goto(path);
  return new URL((await first).url()).searchParams;
}

/** Every session of a search, read straight from the sandbox in large pages. */
async function everySession(request: APIRequestContext, params: URLSearchParams) {
  const all: { id: string; wasMissed?: boolean; outcome?: string }[] = [];
  for (let page = 0; ; page++) {
    const query = new URLSearchParams(params);
    query.set('page', String(page));
    query.set('countPerPage', '1000');
    const body = (await (await request.get(`/api/sessions?${query}`)).json()) as {
      items: { id: string; wasMissed?: boolean }[];
      hasMorePages: boolean;
    };
    all.push(...body.items);
    if (!body.hasMorePages) return all;
  }
}

test('missed=1 over a week shows exactly the missed sessions, in order, with their total', async ({
  page,
  request,
}) => {
  // The scan reads the week in pages of 1,000, and the test reads it again to check it.
  test.setTimeout(180_000);
  const asked = await openView(page, '/?missed=1');
  expect(asked.get('startDate')).toBeTruthy();
  const expected = (await everySession(request, asked)).filter((s) => s.wasMissed === true);
  expect(expected.length).toBeGreaterThan(0);

  await expect(countLine(page)).toHaveText(
    `${expected.length.toLocaleString('en-US')} ${expected.length === 1 ? 'session matches' : 'sessions match'}`,
    { timeout: 60_000 },
  );
  await expect(page.getByRole('status').filter({ hasText: /^Scanned / })).toContainText(
    `${expected.length.toLocaleString('en-US')} match`,
  );
  const shown = await rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-session-id')));
  expect(shown.length).toBeGreaterThan(5);
  expect(shown).toEqual(expected.slice(0, shown.length).map((s) => s.id));
  // Every row drawn says Missed.
  await expect(rows(page).filter({ hasNotText: 'Missed' })).toHaveCount(0);
});

test('a count above the table applies its refinement', async ({ page, request }) => {
  const asked = await openView(page, '/?range=today');
  // Today is small enough to be counted at once.
  const counts = page.getByRole('group', { name: 'Counts' });
  const first = counts.getByRole('button', { name: /^Outcome / }).first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  const [, outcome, n] =
    /^Outcome (.+): ([\d,]+)$/.exec((await first.getAttribute('aria-label')) ?? '') ?? [];
  expect(outcome).toBeTruthy();
  const expected = (await everySession(request, asked)).filter((s) => s.outcome === outcome).length;
  expect(n).toBe(expected.toLocaleString('en-US'));

  await first.click();
  await expect(page).toHaveURL(new RegExp(`[?&]outcome=${outcome}(&|$)`));
  await expect(countLine(page)).toHaveText(`${n} ${n === '1' ? 'session matches' : 'sessions match'}`, {
    timeout: 30_000,
  });
  await expect(
    page.getByRole('group', { name: 'Counts' }).getByRole('button', { name: `Outcome ${outcome}: ${n}` }),
  ).toHaveAttribute('aria-pressed', 'true');
});

test('a number written with separators finds what its digits find', async ({ page }) => {
  await page.goto('/');
  await expect(rows(page).first()).toBeVisible();
  // A caller's number from the first rows: +1 and ten digits.
  const number = await rows(page).evaluateAll((els) =>
    els.map((el) => /\+1(\d{10})/.exec(el.textContent ?? '')?.[1]).find(Boolean),
  );
  expect(number).toBeTruthy();
  const [area, exchange, line] = [number!.slice(0, 3), number!.slice(3, 6), number!.slice(6)];

  await page.goto(`/?from=${area}${exchange}`);
  await expect(rows(page).first()).toBeVisible();
  const byDigits = await countLine(page).textContent();
  const digitIds = await rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-session-id')));

  await page.goto('/');
  const from = page.getByRole('complementary', { name: 'Filters' }).getByRole('searchbox', { name: 'From' });
  await expect(from).toHaveAccessibleDescription(/searched by their digits/);
  await from.fill(`(${area}) ${exchange}`);
  await from.press('Enter');
  await expect(page).toHaveURL(new RegExp(`from=%28${area}%29(\\+|%20)${exchange}`));
  await expect(countLine(page)).toHaveText(byDigits!);
  await expect
    .poll(() => rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-session-id'))))
    .toEqual(digitIds);

  // The full number with country code finds the session it came from.
  await page.goto(`/?from=${encodeURIComponent(`+1 ${area}.${exchange}.${line}`)}`);
  await expect(rows(page).first()).toContainText(`+1${number}`);
});
