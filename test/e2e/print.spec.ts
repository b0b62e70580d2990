// The print view against the real sandbox with SANDBOX_SPECIMENS=1.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const HUGE_LOG = 'specimen-huge-log';
const HUGE_LOG_LINES = 5000;
const ARTIFACTS = 'test/artifacts';

function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** The PDF's text via poppler's pdftotext, or undefined where it is not installed. */
function pdfText(pdf: Buffer): string | undefined {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'print-'));
  const file = path.join(dir, 'session.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}

async function openPrintView(page: Page, id: string) {
  await page.goto(`/sessions/${encodeURIComponent(id)}/print`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('the print route lays out every log line, unclipped, and prints them all to PDF', async ({ page }) => {
  test.setTimeout(180_000);
  await openPrintView(page, HUGE_LOG);
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/print-view.png` });

  await page.emulateMedia({ media: 'print' });
  // No app chrome and no toolbar on paper.
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('grid')).toHaveCount(0);

  const layout = await page.evaluate(() => {
    const lines = [...document.querySelectorAll<HTMLElement>('.printable-session .log-line')];
    // Nothing between a line and the document may clip or scroll it.
    const clipping: string[] = [];
    for (let el = lines[0]?.parentElement; el; el = el.parentElement) {
      const s = getComputedStyle(el);
      if (s.overflowY !== 'visible' || s.maxHeight !== 'none')
        clipping.push(`${el.tagName}.${el.className}: ${s.overflowY} ${s.maxHeight}`);
    }
    const texts = lines.map((l) => l.textContent ?? '');
    return {
      count: lines.length,
      empty: lines.filter((l) => l.getBoundingClientRect().height < 10).length,
      clipping,
      numbered: texts.every((t, i) => t.includes(`Log line ${i + 1} of 5000`)),
      first: texts[0],
      last: texts.at(-1),
      origin: document.querySelector('.printable-origin')?.textContent ?? '',
    };
  });
  expect(layout.count).toBe(HUGE_LOG_LINES);
  expect(layout.empty).toBe(0);
  expect(layout.clipping).toEqual([]);
  expect(layout.numbered).toBe(true);
  expect(layout.first).toContain('+00:00');
  expect(layout.last).toContain('+1:23:19');
  expect(layout.origin).toMatch(new RegExp(`^Printed .* · http://.*/\\?session=${HUGE_LOG}$`));

  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, path: `${ARTIFACTS}/print-${format}.pdf` });
    const pages = pdfPageCount(pdf);
    // About 40–45 lines a page: every line is printed, none is dropped, and none is a page of its own.
    expect(pages).toBeGreaterThan(HUGE_LOG_LINES / 80);
    expect(pages).toBeLessThan(HUGE_LOG_LINES / 20);
    const text = pdfText(pdf);
    if (text === undefined) {
      test.info().annotations.push({
        type: 'note',
        description: 'pdftotext missing: PDF text not checked, DOM layout was',
      });
    } else {
      for (let i = 1; i <= HUGE_LOG_LINES; i++) expect(text).toContain(`Log line ${i} of ${HUGE_LOG_LINES}`);
    }
  }
});

test("the drawer's Print opens the print view in a new tab", async ({ page }) => {
  await page.goto('/?session=specimen-odd-enums');
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page
      .getByRole('dialog')
      .getByRole('link', { name: /^Print/ })
      .click(),
  ]);
  await expect(popup).toHaveURL(/\/sessions\/specimen-odd-enums\/print$/);
  await expect(popup.getByRole('heading', { level: 1 })).toContainText('+15035550101');
  await expect(popup.locator('.printable-session .log-line')).toHaveCount(3);
  // The dashboard stays as it was.
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('an archived session prints when opened cold', async ({ page, request }) => {
  const res = await request.get('/api/sessions?searchArchive=true&countPerPage=1&startDate=2026-01-01');
  const item = ((await res.json()) as { items: { id: string; log?: unknown[] }[] }).items[0];
  expect(item).toBeTruthy();
  await openPrintView(page, item!.id);
  await expect(page.locator('.printable-header').getByText('Archived')).toBeVisible();
  await expect(page.locator('.printable-session .log-line')).toHaveCount(item!.log?.length ?? 0);
});

test('printing the dashboard with the drawer open prints the session, not the table', async ({ page }) => {
  await page.goto('/?session=specimen-odd-dates');
  await expect(page.getByRole('dialog').getByRole('region', { name: 'Who' })).toBeVisible();
  // page.pdf() fires beforeprint/afterprint like the print dialog does.
  const pdf = await page.pdf({ format: 'A4', path: `${ARTIFACTS}/print-from-drawer.pdf` });
  expect(pdfPageCount(pdf)).toBeLessThanOrEqual(3);
  const text = pdfText(pdf);
  if (text !== undefined) {
    expect(text).toContain('Date as WCF');
    expect(text).not.toContain('Refreshes every');
  }

  // What the printout holds: the session document, with the app hidden.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.session-print-only .log-line')).toHaveCount(5);
  await expect(page.locator('.app-shell')).toBeHidden();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.session-print-only')).toHaveCount(0);
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('axe finds no serious or critical violations on the print view', async ({ page }) => {
  await openPrintView(page, 'specimen-hostile');
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
