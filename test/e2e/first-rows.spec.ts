// The first rows drawn from page 0 before the app's code has run (src/sessions/table/first-rows.ts),
// against the real sandbox: they must be the rows, cells and layout the app then draws, and the app
// must take them over without anything moving.
import { test, expect, type Page } from '@playwright/test';

const rows = (page: Page) => page.locator('[role="grid"] [role="row"][data-session-id]');
const appToolbar = (page: Page) => page.locator('.sessions-toolbar button');

/** Holds the app's main bundle back until `release` is called; the head start still runs. */
async function holdAppBundle(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/index-*.js', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Where every header and cell of the grid is, and what it holds (markup, attributes in order). */
const gridLayout = (page: Page) =>
  page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return [r.left, r.top, r.width, r.height].map(Math.round).join(',');
    };
    const shape = (node: Node): string =>
      node instanceof Element
        ? `<${node.localName} ${[...node.attributes]
            .map((a) => `${a.name}="${a.value}"`)
            .sort()
            .join(' ')}>${[...node.childNodes].map(shape).join('')}</>`
        : (node.textContent ?? '');
    const headers = [...document.querySelectorAll('[role="columnheader"]')].map(
      (th) => `${box(th)} ${shape(th)}`,
    );
    const cells = [...document.querySelectorAll('[role="row"][data-session-id]')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((row) => [
        `${row.getAttribute('data-session-id')} ${row.className} ${box(row)}`,
        ...[...row.children].map((cell) => `${box(cell)} ${shape(cell)}`),
      ]);
    return { headers, cells };
  });

/** Opens `link` with the app's bundle held back, once page 0 is answered; `release` lets it in. */
async function openWithAppHeld(page: Page, link: string) {
  const release = await holdAppBundle(page);
  const pageZero = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/sessions');
  await page.goto(link, { waitUntil: 'commit' });
  await pageZero;
  return release;
}

/** Page 0 is in, the app is held back, and still nothing is drawn. */
async function expectNothingDrawn(page: Page) {
  await page.waitForTimeout(300);
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText('Loading…')).toBeVisible();
}

/** The grid drawn while the app is held back, then as the app shows it once it has settled. */
async function drawnThenTaken(page: Page, link: string) {
  const release = await openWithAppHeld(page, link);
  await expect(rows(page).nth(9)).toBeVisible();
  // Painted, with their hover titles added: the head start has started the app (held back here).
  await expect(page.locator('script[src*="/assets/index-"]')).toHaveCount(1);
  await expect(appToolbar(page)).toHaveCount(0);
  const drawn = await gridLayout(page);
  release();
  await expect(appToolbar(page).first()).toBeVisible();
  await page.waitForTimeout(300); // a late second render or resize would show by now
  return { drawn, taken: await gridLayout(page) };
}

// A live session's duration ticks: the second it shows may have moved on.
const steady = (cells: string[][]) =>
  cells.map((row) => row.map((cell) => cell.replace(/(class="live-duration">)[^<]*/, '$1')));

test('page 0 is drawn before the app has arrived, and the app takes its rows over in place', async ({
  page,
}) => {
  // Preferences other than the defaults, which the first rows must follow as the app does.
  await page.addInitScript(() => {
    localStorage.setItem('sh.density', '"compact"');
    localStorage.setItem('sh.columns.visible', JSON.stringify({ channel: false, account: true }));
    localStorage.setItem('sh.columns.sizes', JSON.stringify({ from: 300 }));
    localStorage.setItem('sh.filters.open', 'false');
  });
  const { drawn, taken } = await drawnThenTaken(page, '/?archive=1&start=2026-01-01&sort=-toAddress');
  expect(drawn.headers.join()).not.toContain('>Channel<');
  expect(drawn.headers.find((h) => h.includes('>To<'))).toContain('aria-sort="descending"');
  expect(drawn.cells.length).toBeGreaterThan(20);
  for (const row of drawn.cells) expect(row[0]).toMatch(/,28$/); // compact rows, 28 px

  expect(taken.headers).toEqual(drawn.headers);
  // The app draws a few rows more below the fold; those on screen before are unchanged.
  expect(taken.cells.slice(0, drawn.cells.length)).toEqual(drawn.cells);

  // And they are live now.
  await rows(page).nth(2).click();
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('the default view (live, filter panel open) is taken over in place too', async ({ page }) => {
  const { drawn, taken } = await drawnThenTaken(page, '/');
  expect(drawn.cells.length).toBeGreaterThan(20);
  expect(taken.headers).toEqual(drawn.headers);
  expect(steady(taken.cells.slice(0, drawn.cells.length))).toEqual(steady(drawn.cells));
});

test('a link with ignored parts is left to the app, which shows the notice above the rows', async ({
  page,
}) => {
  const release = await openWithAppHeld(page, '/?archive=1&range=30d&colour=blue');
  // Nothing is drawn that the notice would push down.
  await expectNothingDrawn(page);
  release();
  await expect(page.getByText(/Ignored unknown parameter/)).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
});

test('an error from page 0 is left to the app', async ({ page }) => {
  await page.route('**/api/sessions?*', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ responseStatus: { errorCode: 'Boom', message: 'The database is down' } }),
    }),
  );
  const release = await openWithAppHeld(page, '/?archive=1&range=30d');
  await expectNothingDrawn(page);
  release();
  await expect(page.getByRole('alert')).toContainText('The database is down');
});

test('in a narrow window, where the lines above the grid may wrap, the rows are left to the app', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 700 });
  const release = await openWithAppHeld(page, '/');
  await expectNothingDrawn(page);
  release();
  await expect(rows(page).first()).toBeVisible();
});

/** Records, in order, when the first data row and the app's entry script enter the page. */
async function recordArrivals(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { arrivals: string[] };
    w.arrivals = [];
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes) {
          if (!(n instanceof Element)) continue;
          if (n.matches('script[src*="/assets/index-"]')) w.arrivals.push('app');
          if (
            !w.arrivals.includes('rows') &&
            (n.matches('[data-session-id]') || n.querySelector('[data-session-id]'))
          )
            w.arrivals.push('rows');
        }
    }).observe(document, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { arrivals: string[] }).arrivals);
}

test("the app's code is run once page 0's rows are drawn, so that it does not hold them back", async ({
  page,
}) => {
  const link = '/?archive=1&range=30d';
  // Page 0 answered at once (its body taken from a first visit), well within the app's hold (300
  // ms) however busy the machine is: the order below is then the head start's, not the server's.
  const first = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/sessions');
  await page.goto(link);
  const body = await (await first).body();
  await page.route(
    (url) => url.pathname === '/api/sessions' && url.searchParams.get('page') === '0',
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  const arrivals = await recordArrivals(page);
  await page.goto(link);
  await expect(appToolbar(page).first()).toBeVisible();
  expect(await arrivals()).toEqual(['rows', 'app']);
});

test('a slow page 0 does not hold the app back: its panels and skeleton rows come first', async ({
  page,
}) => {
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/api/sessions?*', async (route) => {
    await answered;
    await route.continue();
  });
  const arrivals = await recordArrivals(page);
  await page.goto('/?archive=1&range=30d');
  await expect(appToolbar(page).first()).toBeVisible();
  await expect(page.locator('[role="row"][aria-busy="true"]').first()).toBeVisible();
  answer();
  await expect(rows(page).first()).toBeVisible();
  expect(await arrivals()).toEqual(['app', 'rows']);
});
