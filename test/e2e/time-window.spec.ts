// Time as the user means it (issue 15), against the sandbox, in two browser zones: a day is the
// day on the user's clock, and an at= link lands on the row nearest its moment. The sandbox's data
// moves with the real clock, so what is expected is worked out from the clock when the test runs.
import { test, expect, type Page } from '@playwright/test';

const rows = (page: Page) => page.locator('[role="grid"] [role="row"][data-session-id]');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The wall clock of `ms` in `timeZone`. */
function wallTime(ms: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The Start cell of each row drawn ("Dec 6, 14:03:09"), by the column's header. */
async function startCells(page: Page): Promise<string[]> {
  const headers = await page
    .getByRole('columnheader')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/[▲▼]/g, '').trim()));
  const index = headers.indexOf('Start');
  expect(index).toBeGreaterThanOrEqual(0);
  return rows(page).evaluateAll(
    (els, i) => els.map((row) => row.querySelectorAll('[role="gridcell"]')[i]?.textContent ?? ''),
    index,
  );
}

for (const [timezoneId, zoneName] of [
  ['America/Los_Angeles', 'Los Angeles time'],
  ['Asia/Kolkata', 'Kolkata time'],
] as const) {
  test.describe(timezoneId, () => {
    test.use({ timezoneId });

    test('range=today shows only the sessions that started today on this clock, top to bottom', async ({
      page,
    }) => {
      const now = wallTime(Date.now(), timezoneId);
      const today = `${MONTHS[now.month - 1]} ${now.day}, `;
      await page.goto('/?range=today');
      const button = page.getByRole('button', { name: /^Time window:/ });
      await expect(button).toContainText(`Today · ${MONTHS[now.month - 1]} ${now.day}`);
      await expect(button).toContainText(zoneName);
      await expect(rows(page).first()).toBeVisible();
      const top = await startCells(page);
      expect(top.length).toBeGreaterThan(5);
      expect(top.filter((cell) => !cell.startsWith(today))).toEqual([]);

      // The oldest rows, at the bottom, are where the API's UTC days hold other days' sessions.
      const grid = page.getByRole('grid');
      // Counted: the first rows show before the last edge of the window is found.
      await expect(grid).toHaveAttribute('aria-busy', 'false');
      await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
      const total = Number(await grid.getAttribute('aria-rowcount')) - 1;
      await expect(page.locator(`[role="row"][aria-rowindex="${total + 1}"][data-session-id]`)).toBeVisible();
      const bottom = await startCells(page);
      expect(bottom.length).toBeGreaterThan(5);
      expect(bottom.filter((cell) => !cell.startsWith(today))).toEqual([]);
      // The day began before the last row shown: the earliest session is after midnight.
      expect(bottom[bottom.length - 1]! >= `${today}00:00:00`).toBe(true);
    });

    test('an at= link selects the row nearest its moment, within the span either side', async ({ page }) => {
      // Three hours ago, on this zone's clock, to the minute: the link's wall time, read in the zone.
      const at = wallTime(Date.now() - 3 * 3_600_000, timezoneId);
      const atText = `${at.year}-${pad2(at.month)}-${pad2(at.day)}T${pad2(at.hour)}:${pad2(at.minute)}`;
      await page.goto(`/?at=${atText}&span=15`);
      await expect(page.getByRole('button', { name: /^Time window:/ })).toContainText(zoneName);

      const selected = page.locator('[role="grid"] [role="row"][data-session-id][aria-selected="true"]');
      await expect(selected).toHaveCount(1);
      await expect(selected).toHaveClass(/\bis-nearest\b/);
      await expect(selected).toBeInViewport();

      // Its start, on the same clock: within 15 minutes of the moment.
      const headers = await page
        .getByRole('columnheader')
        .evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/[▲▼]/g, '').trim()));
      const cell = (await selected.locator('[role="gridcell"]').nth(headers.indexOf('Start')).textContent())!;
      const m = /^(\w{3}) (\d{1,2}), (\d{2}):(\d{2}):(\d{2})$/.exec(cell);
      expect(m, `a start time in "${cell}"`).toBeTruthy();
      const [, mon, day, h, min, s] = m!;
      const startWall = Date.UTC(
        at.year,
        MONTHS.indexOf(mon!),
        Number(day),
        Number(h),
        Number(min),
        Number(s),
      );
      const atWall = Date.UTC(at.year, at.month - 1, at.day, at.hour, at.minute);
      expect(Math.abs(startWall - atWall)).toBeLessThanOrEqual(15 * 60_000);
    });
  });
}
