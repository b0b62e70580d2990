// The volume chart against the real sandbox (150,000 sessions, live and archive): its bars add up to
// the table's total, and a bar clicked narrows the window to itself, where the table counts exactly
// the bar's sessions, as many as the sandbox holds in that day. In UTC, so a day bar is a day the
// API knows and the sandbox can be asked about directly.
import { test, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

test.use({ timezoneId: 'UTC' });

const DAY_MS = 86_400_000;
const rows = (page: Page) => page.locator('[role="grid"] [role="row"][data-session-id]');
const countLine = (page: Page) => page.locator('.results-count');
const chart = (page: Page) => page.getByRole('group', { name: /^Sessions per / });
const number = (text: string) => Number(text.replace(/,/g, ''));

/** The count a bar's accessible name states ("Nov 20: 1,234 sessions"). */
async function barCount(bar: Locator): Promise<number> {
  const name = (await bar.getAttribute('aria-label')) ?? '';
  const count = /: ([\d,]+) sessions?/.exec(name);
  expect(count, name).not.toBeNull();
  return number(count![1]!);
}

/** The table's total, once counted: "12,345 sessions: …". */
async function tableTotal(page: Page): Promise<number> {
  await expect(countLine(page)).toHaveText(/^[\d,]+ sessions?\b/, { timeout: 30_000 });
  return number(/^([\d,]+)/.exec((await countLine(page).textContent()) ?? '')![1]!);
}

/** Sessions the sandbox holds on a UTC day, live and archived (each store's total). */
async function sandboxDay(request: APIRequestContext, day: string): Promise<number> {
  let n = 0;
  for (const archive of [false, true]) {
    const query = new URLSearchParams({ startDate: day, endDate: day, countPerPage: '1' });
    if (archive) query.set('searchArchive', 'true');
    const body = (await (await request.get(`/api/sessions?${query}`)).json()) as { totalCount: number };
    n += body.totalCount;
  }
  return n;
}

async function openCounted(page: Page, path: string) {
  await page.goto(path);
  await expect(rows(page).first()).toBeVisible({ timeout: 30_000 });
  await expect(chart(page)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  return chart(page).getByRole('button');
}

test('the bars of 30 days add up to the total', async ({ page }) => {
  const bars = await openCounted(page, '/?range=30d');
  await expect(bars).toHaveCount(30);
  const counts = await Promise.all((await bars.all()).map(barCount));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(await tableTotal(page));
});

// Days that are over, away from today and from the store seam (15 days back): one archived, one live.
for (const daysAgo of [22, 8]) {
  test(`a chart bar narrows the window to itself and the total equals the bar's count (${daysAgo} days ago)`, async ({
    page,
    request,
  }) => {
    await openCounted(page, '/?range=30d');
    const day = new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);
    const label = new Intl.DateTimeFormat('en-US', {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(Date.parse(`${day}T12:00:00Z`));
    const bar = chart(page).getByRole('button', { name: new RegExp(`^${label}: `) });
    await expect(bar).toHaveCount(1);
    const expected = await barCount(bar);
    expect(expected).toBeGreaterThan(0);

    await bar.click();
    await expect(page).toHaveURL(/[?&]start=/);
    const url = new URL(page.url());
    expect(url.searchParams.get('range')).toBeNull();
    expect(url.searchParams.get('start')).toContain(day);
    await expect(countLine(page)).toHaveText(
      new RegExp(`^${expected.toLocaleString('en-US')} sessions?\\b`),
      {
        timeout: 30_000,
      },
    );
    expect(await sandboxDay(request, day)).toBe(expected);
    // The narrowed view's own chart (hours) counts the same sessions.
    await expect(chart(page)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    const hours = await Promise.all((await chart(page).getByRole('button').all()).map(barCount));
    expect(hours.reduce((a, b) => a + b, 0)).toBe(expected);
  });
}
