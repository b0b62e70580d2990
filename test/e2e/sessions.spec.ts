// The sessions screen against the real sandbox (150,000 sessions: the archived view of the whole
// range holds about 130,000 rows).
import { test, expect, type Page, type Request, type Response } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const rows = (page: Page) => page.locator('[role="grid"] [role="row"][data-session-id]');
const rowIds = (page: Page) =>
  rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-session-id')));

function sessionRequests(page: Page): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/sessions') seen.push(url.searchParams);
  });
  return seen;
}

/** The archived sessions of the sandbox's whole history (it generates 120 days). */
const ARCHIVE_ALL = '/?archive=1&start=2026-01-01';

test('a shared link opened cold shows the same rows', async ({ page, browser }) => {
  const link = '/?from=%2B1503&sort=-toAddress&archive=1&range=30d';
  await page.goto(link);
  await expect(rows(page).first()).toBeVisible();
  const ids = (await rowIds(page)).slice(0, 15);
  expect(ids.length).toBeGreaterThan(5);

  const colleague = await browser.newPage();
  await colleague.goto(link);
  await expect(rows(colleague).first()).toBeVisible();
  expect((await rowIds(colleague)).slice(0, 15)).toEqual(ids);
  await expect(colleague.getByRole('columnheader', { name: /^To/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(colleague.getByRole('searchbox', { name: 'From' })).toHaveValue('+1503');
  await colleague.close();
});

test('a link opened cold paints at once, asks for page 0 once and shows it', async ({ page }) => {
  const requests = sessionRequests(page);
  // index.html's header is painted while the app's code loads; the app renders into its place.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/index-*.js', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/?from=%2B1503&archive=1&range=30d', { waitUntil: 'commit' });
  await expect(page.locator('header .app-title')).toHaveText('Session History');
  await expect(page.getByText('Loading…')).toBeVisible();
  release();
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide filters' })).toBeVisible();
  await expect(page.getByText('Loading…')).toHaveCount(0);
  await page.waitForTimeout(500);
  // The edge search's first probe (10 rows, counted), which the head start asked for, and the
  // table's page 0 (100 rows): each asked for once. (The volume chart's counts of the days from
  // each midnight on are counted probes too, of later start days: each asked for once as well.)
  const counted = requests
    .filter((q) => q.get('page') === '0' && q.get('countPerPage') === '10' && !q.has('simplifiedPaging'))
    .map((q) => q.toString());
  expect(new Set(counted).size).toBe(counted.length);
  const pageZero = requests.filter((q) => q.get('page') === '0' && q.get('countPerPage') === '100');
  expect(pageZero).toHaveLength(1);
  expect(pageZero[0]!.get('from')).toBe('+1503');
  expect(pageZero[0]!.get('searchArchive')).toBe('true');
  // Page 0 is not counted (the probe counts the result): the same query, 10 rows and counted.
  expect(pageZero[0]!.get('simplifiedPaging')).toBe('true');
  const firstProbe = new URLSearchParams(pageZero[0]);
  firstProbe.set('countPerPage', '10');
  firstProbe.delete('simplifiedPaging');
  expect(counted).toContain(firstProbe.toString());
});

test("the first requests (the edge search's first probe, and the first rows' page when known) are asked for while the app's code is still loading", async ({
  page,
}) => {
  // The main bundle held back on a slow network: the small head-start script must not wait for it.
  let bundleSentAt = Infinity;
  await page.route('**/assets/index-*.js', async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    bundleSentAt = Date.now();
    await route.continue();
  });
  let pageZeroAt = Infinity;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (
      url.pathname === '/api/sessions' &&
      url.searchParams.get('page') === '0' &&
      url.searchParams.get('countPerPage') === '10'
    ) {
      pageZeroAt = Math.min(pageZeroAt, Date.now());
    }
  });
  // A window open at its end starts at row 0 newest first: the table's page 0 (100 rows) goes out
  // beside that probe, not a round trip after it.
  let rowsPageAt = Infinity;
  let probeAnsweredAt = Infinity;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/sessions' && url.searchParams.get('countPerPage') === '100')
      rowsPageAt = Math.min(rowsPageAt, Date.now());
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (
      url.pathname === '/api/sessions' &&
      url.searchParams.get('page') === '0' &&
      url.searchParams.get('countPerPage') === '10'
    )
      probeAnsweredAt = Math.min(probeAnsweredAt, Date.now());
  });
  await page.goto('/?from=%2B1503&archive=1&range=30d', { waitUntil: 'commit' });
  await expect(rows(page).first()).toBeVisible();
  expect(pageZeroAt).toBeLessThan(bundleSentAt);
  expect(rowsPageAt).toBeLessThan(bundleSentAt);
  expect(rowsPageAt).toBeLessThanOrEqual(probeAnsweredAt);
});

test('a slow first page shows skeleton rows until it comes', async ({ page }) => {
  // Archived days that are over: the window, and so the probes that find its edges, are the same
  // on every visit.
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const link = `/?archive=1&start=${day(29)}&end=${day(17)}`;
  // The table's first page: the window's first rows, wherever they lie in the server's result.
  const isPage0 = (url: URL) =>
    url.pathname === '/api/sessions' && url.searchParams.get('countPerPage') === '100';
  // Sorted by date, page 0 comes after the small probes that find the window's edges
  // (countPerPage=10). Every answer of a first visit is kept, and on the next ones handed back at
  // once (the probes) or after `delayMs` (page 0); anything else still goes to the sandbox.
  const answers = new Map<string, Buffer>();
  const recorded = (r: Response) => {
    const url = new URL(r.url());
    return url.pathname === '/api/sessions' && r.ok()
      ? r.body().then((body) => void answers.set(url.search, body))
      : undefined;
  };
  const pending: Promise<void>[] = [];
  const onResponse = (r: Response) => {
    const p = recorded(r);
    if (p) pending.push(p);
  };
  page.on('response', onResponse);
  const first = page.waitForResponse((r) => isPage0(new URL(r.url())));
  await page.goto(link);
  await first;
  await expect(rows(page).first()).toBeVisible();
  page.off('response', onResponse);
  await Promise.all(pending);
  let delayMs = 0;
  await page.route(
    (url) => url.pathname === '/api/sessions',
    async (route) => {
      const url = new URL(route.request().url());
      const body = answers.get(url.search);
      if (!body) return route.continue();
      if (isPage0(url)) await new Promise((r) => setTimeout(r, delayMs));
      await route.fulfill({ status: 200, contentType: 'application/json', body });
    },
  );
  // Every skeleton row that was ever in the page, however briefly: added alone, or within a subtree
  // (the first render inserts the whole screen at once).
  await page.addInitScript(() => {
    const w = window as unknown as { skeletons: number };
    w.skeletons = 0;
    const skeleton = '[role="row"][aria-busy="true"]';
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof HTMLElement)
            w.skeletons += (n.matches(skeleton) ? 1 : 0) + n.querySelectorAll(skeleton).length;
    }).observe(document, { childList: true, subtree: true });
  });
  const skeletons = () => page.evaluate(() => (window as unknown as { skeletons: number }).skeletons);

  // With every answer at hand the rows come at once. (Before the window's edge search, no skeleton row
  // was drawn at all here; now the search's few rounds can outlast the first render's 150 ms wait,
  // and placeholder rows may show for a moment: a known regression, see the issue notes.)
  await page.reload();
  await expect(rows(page).first()).toBeVisible();

  delayMs = 1500;
  await page.reload();
  await expect(page.locator('[role="row"][aria-busy="true"]').first()).toBeVisible();
  await expect(rows(page).first()).toBeVisible({ timeout: 10_000 });
  expect(await skeletons()).toBeGreaterThan(0);
});

test('dragging a column edge widens that column in the header and in every row', async ({ page }) => {
  await page.goto('/?archive=1&range=30d');
  await expect(rows(page).first()).toBeVisible();
  const header = page.getByRole('columnheader', { name: /^From/ });
  const widths = () =>
    page.evaluate(() => {
      const th = [...document.querySelectorAll('[role="columnheader"]')];
      const i = th.findIndex((el) => el.textContent?.startsWith('From'));
      const cells = [...document.querySelectorAll('[role="row"][data-session-id]')].map((row) =>
        row.children[i]!.getBoundingClientRect(),
      );
      const h = th[i]!.getBoundingClientRect();
      return { header: [h.left, h.width], cells: cells.map((c) => [c.left, c.width]) };
    });
  const before = await widths();
  const box = (await header.boundingBox())!;
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 120, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const after = await widths();
  // The text columns share the grid's width in proportion to their sizes: From gets its share of
  // the 120 px dragged.
  expect(after.header[1]!).toBeGreaterThan(before.header[1]! + 40);
  expect(after.cells.length).toBeGreaterThan(10);
  for (const cell of after.cells) expect(cell).toEqual(after.header);
});

test('switching density lays the rows out edge to edge at the new height, also after a reload', async ({
  page,
}) => {
  await page.goto('/?archive=1&range=30d');
  await expect(rows(page).first()).toBeVisible();
  // Each row's top and height, in order: contiguous rows of `height` px, as many as fill the grid.
  const layout = () =>
    rows(page).evaluateAll((els) =>
      els
        .map((el) => el.getBoundingClientRect())
        .sort((a, b) => a.top - b.top)
        .map((r) => [Math.round(r.top), Math.round(r.height)]),
    );
  const expectRows = async (height: number) => {
    await expect.poll(async () => (await layout())[0]?.[1]).toBe(height);
    const boxes = await layout();
    expect(boxes.length).toBeGreaterThan(15);
    boxes.forEach(([top, h], i) => {
      expect(h).toBe(height);
      if (i > 0) expect(top).toBe(boxes[i - 1]![0]! + height);
    });
  };
  const setDensity = async (name: 'Compact' | 'Comfortable') => {
    await page.getByRole('button', { name: 'Display' }).click();
    await page.getByRole('dialog', { name: 'Display settings' }).getByLabel(name).check();
    await page.keyboard.press('Escape');
  };
  await expectRows(36);
  await setDensity('Compact');
  await expectRows(28);
  await page.reload();
  await expectRows(28);
  await setDensity('Comfortable');
  await expectRows(36);
});

test('changing the filters in the URL changes the requests and the rows', async ({ page }) => {
  const requests = sessionRequests(page);
  await page.goto('/');
  await expect(rows(page).first()).toBeVisible();
  const before = await rowIds(page);

  await page.goto('/?range=30d&to=%2B1206');
  await expect(page.getByRole('searchbox', { name: 'To' })).toHaveValue('+1206');
  await expect.poll(() => requests.some((q) => q.get('to') === '+1206')).toBe(true);
  const request = requests.find((q) => q.get('to') === '+1206')!;
  expect(request.get('startDate')! < request.get('endDate')!).toBe(true);
  await expect.poll(async () => (await rowIds(page))[0]).not.toBe(before[0]);
  await expect(page.locator('.sessions-grid')).not.toHaveClass(/is-stale/);
  await expect(rows(page).first()).toBeVisible();
  const toCells = await rows(page).evaluateAll((els) =>
    els.map((el) => el.querySelectorAll('[role="gridcell"]')[4]?.textContent ?? ''),
  );
  expect(toCells.length).toBeGreaterThan(0);
  for (const cell of toCells) expect(cell).toContain('+1206');
});

test('clicking a header sorts through the server', async ({ page }) => {
  const requests = sessionRequests(page);
  await page.goto('/');
  await expect(rows(page).first()).toBeVisible();
  await page.getByRole('button', { name: /^Customer/ }).click();
  await expect(page).toHaveURL(/[?&]sort=customerName(&|$)/);
  await expect
    .poll(() =>
      requests.some((q) => q.get('sortField') === 'customerName' && q.get('sortOrder') === 'Ascend'),
    )
    .toBe(true);
  await expect(page.getByRole('columnheader', { name: /^Customer/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(page.locator('.sessions-grid')).not.toHaveClass(/is-stale/);
  const customers = await rows(page).evaluateAll((els) =>
    els.slice(0, 20).map((el) => el.querySelectorAll('[role="gridcell"]')[5]?.textContent ?? ''),
  );
  const sorted = [...customers].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  expect(customers.map((c) => c.toLowerCase())).toEqual(sorted.map((c) => c.toLowerCase()));
});

test('dragging to the middle of the archive shows rows there, fetching only those pages', async ({
  page,
}) => {
  const requests = sessionRequests(page);
  await page.goto(ARCHIVE_ALL);
  const grid = page.getByRole('grid');
  await expect(rows(page).first()).toBeVisible();
  // The first rows show before the result is counted: the grid is busy until it is.
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  const total = Number(await grid.getAttribute('aria-rowcount')) - 1;
  expect(total).toBeGreaterThan(100_000);
  // The page ahead of the first rows is asked for a moment after them; the jump's requests come later.
  // Table pages are 100 rows; the probes that found the window's edges (10 rows) came before.
  const tablePages = () => requests.filter((q) => q.get('countPerPage') === '100');
  await expect.poll(() => tablePages().some((q) => q.get('page') === '1')).toBe(true);
  // The volume chart has counted its bars (its probes are the table's kind, 10 rows).
  await expect(page.getByRole('group', { name: /^Sessions per / })).toHaveAttribute('aria-busy', 'false');

  const before = requests.length;
  // Drag the scrollbar thumb to the middle. Headless Chromium hides scrollbars, so do what a drag
  // does to the grid: a quick run of large scroll jumps ending at the middle, one per pointer move
  // (a mouse reports moves every 8 ms or so, whatever the frame rate: on a busy machine several
  // moves fall into one frame, as they do for a user).
  await grid.evaluate(async (el) => {
    const target = el.scrollHeight / 2;
    for (let i = 1; i <= 10; i++) {
      el.scrollTop = (target * i) / 10;
      await new Promise((resolve) => setTimeout(resolve, 8));
    }
  });

  await expect
    .poll(async () => Number(await rows(page).first().getAttribute('aria-rowindex')))
    .toBeGreaterThan(total * 0.3);
  const firstIndex = Number(await rows(page).first().getAttribute('aria-rowindex')) - 2;
  await expect(rows(page).first()).not.toHaveText('');
  // No new probe: the window's edges are known, and the chart's bars counted.
  const table = (q: URLSearchParams) => q.get('countPerPage') === '100';
  expect(requests.slice(before).filter((q) => q.get('countPerPage') === '10')).toEqual([]);
  const pages = requests
    .slice(before)
    .filter(table)
    .map((q) => Number(q.get('page')));
  const middlePage = Math.floor(firstIndex / 100);
  // Only the pages in view and one around them: none of the hundreds in between.
  expect(pages.length).toBeLessThanOrEqual(4);
  for (const p of pages) expect(Math.abs(p - middlePage)).toBeLessThanOrEqual(2);
});

test('a bad link shows a notice and still shows sessions', async ({ page }) => {
  await page.goto('/?start=2026-13-45&sort=-duration&archive=maybe&utm_source=mail&from=' + 'x'.repeat(500));
  const notice = page.getByRole('status').filter({ hasText: 'Parts of this link were ignored' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('2026-13-45');
  await expect(notice).toContainText('utm_source');
  await expect(rows(page).first()).toBeVisible();
  // The address now states the view actually shown.
  await expect(page).toHaveURL(/\/$/);
  await notice.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notice).toBeHidden();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations (${scheme}), screenshot kept`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(rows(page).first()).toBeVisible();
    await page.screenshot({ path: `test/artifacts/sessions-${scheme}.png` });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.html}`)).toEqual([]);
  });
}
