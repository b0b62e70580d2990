// `npm run bench`: Session History's production build against AG Grid Community (Infinite Row Model)
// and a plain 3,000-row static table, in headless Chromium on the same sandbox data. See issue 6.
// Options: USAGE below (`npm run bench -- --help`). What each figure means: docs/performance.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Request } from 'playwright-core';
import { SPECIMEN_IDS } from '../server/sandbox/specimens';
import { chromiumLaunchOptions } from '../test/chromium';
import { numberFlag, readFlags, runIfMain } from './cli';
import {
  appToServe,
  buildDirOf,
  fmt,
  loadText,
  machine,
  median,
  percentile,
  round,
  SCROLL_PX_PER_FRAME,
  scrollAndTimeFrames,
  startServer,
  viteBuild,
  writeResult,
  type BuildOptions,
  type Machine,
} from './harness';
import {
  clickLoad,
  coldLoad,
  openTarget,
  readLoad,
  type ClickFigures,
  type LoadCtx,
  type LoadFigures,
} from './measure-load';
import { VIEWPORT, type BenchWindow, type Target } from './page-instrumentation';
import { PAST_CAP_ROWS, scrollPastCapFrames } from './scroll-past-cap.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, 'bench');
const DAY = 24 * 60 * 60 * 1000;
const HUGE_LOG_ID = SPECIMEN_IDS.hugeLog;
const ROW_HEIGHT = 36;

export interface BenchOptions extends BuildOptions {
  sessions: number;
  runs: number;
  scrollSeconds: number;
  filterChanges: number;
  /**
   * Cold loads per target and run that time the first rows and ready (the run's own included): the
   * figures are the median over all of them, the noisiest on a shared machine. Default 3.
   */
  firstRowsLoads?: number;
  outDir: string;
  port: number;
  /** Where the peer pages (and the private app build) are built; default bench/results/tmp. */
  buildDir?: string;
  log?: (line: string) => void;
}

/** One run of one target; every figure is a number (NaN when the target has no such figure). */
export type RunFigures = Record<string, number>;

export interface FigureSpec {
  key: string;
  label: string;
  unit: string;
  /** Scroll figures are also compared with the static table. */
  scroll?: boolean;
  appOnly?: boolean;
  /** Shown, but not a lower-is-better comparison with AG Grid. */
  info?: boolean;
}

export const FIGURES: FigureSpec[] = [
  { key: 'firstScreenJsKb', label: 'First-screen JS (gzip)', unit: 'KB' },
  { key: 'firstScreenJsWireKb', label: 'JS transferred before the first rows (wire)', unit: 'KB' },
  { key: 'readyMs', label: 'Navigation to ready (first rows painted, main thread free)', unit: 'ms' },
  { key: 'firstRowsMs', label: 'Navigation to first 10 data rows painted', unit: 'ms', info: true },
  { key: 'firstLiveRowsMs', label: 'Navigation to first rows live (grid code running)', unit: 'ms' },
  // Its own budget: none, in every load.
  {
    key: 'firstRowsReplaced',
    label: 'First painted rows replaced by ready (worst load)',
    unit: 'rows',
    info: true,
  },
  { key: 'firstRequestMs', label: 'Navigation to the first page request', unit: 'ms', info: true },
  { key: 'firstResponseMs', label: 'Navigation to the first page answered', unit: 'ms', info: true },
  { key: 'scrollP50', label: 'Scroll frame time p50', unit: 'ms', scroll: true },
  { key: 'scrollP95', label: 'Scroll frame time p95', unit: 'ms', scroll: true },
  { key: 'scrollP99', label: 'Scroll frame time p99', unit: 'ms', scroll: true },
  // A count over a fixed time favours a page that draws fewer frames: compared by share instead.
  { key: 'framesOver16', label: 'Scroll frames over 16.7 ms', unit: 'frames', scroll: true, info: true },
  { key: 'framesOver16Pct', label: 'Scroll frames over 16.7 ms, share', unit: '%', scroll: true },
  { key: 'frames', label: 'Scroll frames drawn', unit: 'frames', scroll: true, info: true },
  { key: 'longTasks', label: 'Long tasks while scrolling', unit: 'count', scroll: true },
  { key: 'longTaskMs', label: 'Long tasks while scrolling, total', unit: 'ms', scroll: true },
  { key: 'longTaskMaxMs', label: 'Longest task while scrolling', unit: 'ms', scroll: true },
  { key: 'domRowsMax', label: 'Rows in the DOM (max)', unit: 'rows', scroll: true },
  { key: 'placeholderShare', label: 'Time with placeholder rows in view', unit: '%', scroll: true },
  { key: 'jumpMs', label: 'Jump to the middle: ms to data', unit: 'ms' },
  { key: 'jumpRequests', label: 'Jump: page requests', unit: 'requests' },
  { key: 'jumpRoundTripMs', label: 'Jump: slowest page round-trip', unit: 'ms', info: true },
  { key: 'filterMs', label: 'Filter: last keystroke to new rows', unit: 'ms' },
  {
    key: 'filterStaleRequests',
    label: 'Filter: stale requests pending at the change',
    unit: 'requests',
    info: true,
  },
  { key: 'filterStaleNotAborted', label: 'Filter: stale requests not aborted', unit: 'requests' },
  {
    key: 'clickToDialogMs',
    label: 'Click on a row at its first paint: ms to the drawer painted',
    unit: 'ms',
    appOnly: true,
  },
  {
    key: 'scrollPastCapP95',
    label: 'Scroll frame time p95 past the height cap (10,000,000 rows, wheel)',
    unit: 'ms',
    appOnly: true,
  },
  { key: 'drawerMs', label: 'Drawer on the 5,000-line log: ms to interactive', unit: 'ms', appOnly: true },
  { key: 'drawerLongTaskMaxMs', label: 'Drawer: longest task while opening', unit: 'ms', appOnly: true },
  { key: 'heapBaseMb', label: 'JS heap after first rows', unit: 'MB' },
  { key: 'heapAfterScrollMb', label: 'JS heap after scroll + jump', unit: 'MB' },
  { key: 'heapAfterFiltersMb', label: 'JS heap after filter changes', unit: 'MB' },
  { key: 'heapGrowthMb', label: 'JS heap growth (max - after first rows)', unit: 'MB' },
];

export interface BenchResult {
  machine: Machine & { node: string };
  options: Omit<BenchOptions, 'log'>;
  rowCount: number;
  lazyChunksKb: Record<string, number>;
  /** Median over runs, per figure and target. */
  figures: Record<string, Record<Target, number>>;
  runs: Record<Target, RunFigures[]>;
  budgets: { name: string; pass: boolean; detail: string }[];
  markdown: string;
}

// ---------------------------------------------------------------------------------------------------
// Builds

function buildPeer(outDir: string) {
  viteBuild(['--config', 'bench/ag-grid/vite.config.ts', '--outDir', outDir, '--emptyOutDir']);
}

const gzKb = (file: string) => gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}

/** First-screen JS of an entry (it and its static imports, gzip -9) and every other JS chunk. */
export function bundleSizes(distDir: string, entrySrc?: string) {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([key, c]) => c.isEntry && (!entrySrc || key === entrySrc));
  if (!entry) throw new Error(`no entry ${entrySrc ?? ''} in ${distDir}/.vite/manifest.json`);
  const first = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || first.has(chunk.file)) return;
    first.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit(entry[0]);
  const firstScreenKb = [...first].reduce((sum, f) => sum + gzKb(path.join(distDir, f)), 0);
  const lazy: Record<string, number> = {};
  for (const c of Object.values(manifest)) {
    if (c.file.endsWith('.js') && !first.has(c.file))
      lazy[c.file] = round(gzKb(path.join(distDir, c.file)), 1);
  }
  return { firstScreenKb, lazy };
}

// ---------------------------------------------------------------------------------------------------
// Jump and drawer, run inside the page (no closures over Node values)

interface JumpOut {
  ms: number;
  start: number;
  firstIndex: number;
  lastIndex: number;
}

/** A scrollbar drag as the grid sees it: a few large jumps on consecutive frames to the middle. */
async function jumpInPage(page: Page): Promise<JumpOut> {
  return page.evaluate(
    () =>
      new Promise<JumpOut>((resolve, reject) => {
        const probe = (window as unknown as BenchWindow).__bench.probe;
        const sc = document.querySelector(probe.scroller) as HTMLElement;
        const max = sc.scrollHeight - sc.clientHeight;
        const stops = [0.2, 0.35, 0.45, 0.5].map((f) => Math.round(max * f));
        let start = 0;
        let lastJump = 0;
        const deadline = performance.now() + 15_000;
        const check = (t: number) => {
          const box = sc.getBoundingClientRect();
          const inView = [...sc.querySelectorAll(probe.row)].filter((el) => {
            const r = el.getBoundingClientRect();
            return r.bottom > box.top + 40 && r.top < box.bottom - 1;
          });
          const indices = inView.map((el) => Number(el.getAttribute(probe.indexAttr)) - probe.indexOffset);
          const expected = Math.floor(stops[stops.length - 1]! / 36);
          const ready =
            inView.length >= Math.floor((sc.clientHeight - 40) / 36) - 1 &&
            inView.every((el) => el.matches(probe.dataRow) && (el.textContent ?? '').trim()) &&
            indices.some((i) => Math.abs(i - expected) < 60);
          if (ready) {
            (window as unknown as BenchWindow).__bench.afterFrame((at) =>
              resolve({
                ms: at - lastJump,
                start,
                firstIndex: Math.min(...indices),
                lastIndex: Math.max(...indices),
              }),
            );
          } else if (t > deadline) reject(new Error('jump: rows in view never showed data'));
          else requestAnimationFrame(check);
        };
        const jump = (i: number) => (t: number) => {
          if (i === 0) start = t;
          sc.scrollTop = stops[i]!;
          lastJump = t;
          requestAnimationFrame(i + 1 < stops.length ? jump(i + 1) : check);
        };
        requestAnimationFrame(jump(0));
      }),
  );
}

/** Waits until the drawer shows the log, then until the main thread runs a task and a frame. */
async function drawerInPage(page: Page, url: string): Promise<{ ms: number; start: number; end: number }> {
  return page.evaluate(
    (url) =>
      new Promise<{ ms: number; start: number; end: number }>((resolve, reject) => {
        const start = performance.now();
        // The router follows history: push the URL and tell it, as Back/Forward would.
        history.pushState(history.state, '', url);
        dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
        const deadline = start + 20_000;
        const check = () => {
          if (document.querySelector('[role="dialog"] .log-line, [role="dialog"] .session-log-view li')) {
            setTimeout(() => requestAnimationFrame((t) => resolve({ ms: t - start, start, end: t })));
          } else if (performance.now() > deadline) reject(new Error('drawer: the log never showed'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    url,
  );
}

// ---------------------------------------------------------------------------------------------------
// One run of one target

interface Ctx extends LoadCtx {
  opts: BenchOptions;
}

const pageParam = (url: string) => {
  const u = new URL(url);
  return u.pathname.endsWith('/api/sessions') ? u.searchParams : undefined;
};

/**
 * "+1503", unless page 0 of it starts with the same session as page 0 of `typed` ("+1"; the
 * sandbox's data moves with the date, and the view would then not change): else the first number
 * prefix of `typed`'s page 0 (its area codes) that starts with another session. Asked of the API as
 * the grid asked for `typed` (its last page-0 request among `requests` from `since` on).
 */
async function changingFilter(
  page: Page,
  requests: { req: Request }[],
  since: number,
  typed: string,
): Promise<string> {
  // The first request of a filter may wait for the debounce and, sorted by date, for the search
  // of where the window begins: give it a few seconds.
  const lastAsked = () =>
    requests
      .slice(since)
      .map((r) => r.req.url())
      .findLast((u) => pageParam(u)?.get('from') === typed && pageParam(u)?.get('page') === '0');
  for (let waited = 0; !lastAsked() && waited < 10_000; waited += 50) await page.waitForTimeout(50);
  const asked = lastAsked();
  if (!asked) throw new Error(`no page 0 was asked for with from=${typed}`);
  type Item = { id?: string; fromAddress?: string; fromPhoneNumber?: string };
  const pageZero = async (from: string) => {
    const url = new URL(asked);
    url.searchParams.set('from', from);
    return ((await (await page.request.get(url.href)).json()) as { items?: Item[] }).items ?? [];
  };
  const typedItems = await pageZero(typed);
  const prefixes = typedItems
    .flatMap((item) => [item.fromAddress, item.fromPhoneNumber])
    .filter((n): n is string => typeof n === 'string' && n.startsWith(typed) && n.length >= typed.length + 3)
    .map((n) => n.slice(0, typed.length + 3));
  for (const candidate of new Set([`${typed}503`, ...prefixes])) {
    const first = (await pageZero(candidate))[0]?.id;
    if (first !== undefined && first !== typedItems[0]?.id) return candidate;
  }
  throw new Error(`no filter longer than ${typed} starts with another session`);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024;
}

/** One run of `target` from a cold load: its figures, and the load's own (also among them). */
async function measureTarget(ctx: Ctx, target: Target): Promise<{ f: RunFigures; load: LoadFigures }> {
  const { opts } = ctx;
  const { context, page, errors } = await openTarget(ctx, target);
  const requests: { req: Request; at: number; failed?: string; end?: number }[] = [];
  page.on('request', (req) => {
    if (pageParam(req.url())) requests.push({ req, at: Date.now() });
  });
  page.on('requestfailed', (req) => {
    const r = requests.find((x) => x.req === req);
    if (r) r.failed = req.failure()?.errorText ?? 'failed';
  });
  page.on('requestfinished', (req) => {
    const r = requests.find((x) => x.req === req);
    if (r) r.end = Date.now();
  });
  const f: RunFigures = {};
  try {
    await page.goto(ctx.urls[target]);
    // Ready also leaves the page 500 ms without a long task before the heap and the scroll.
    const load = await readLoad(page);
    Object.assign(f, load);
    Object.assign(
      f,
      await page.evaluate((at) => {
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        // Every script the first screen fetched, lazy chunks included, as the network saw it.
        const js = resources.filter((r) => /\.m?js(\?|$)/.test(r.name) && r.startTime < at);
        const api = resources.find((r) => r.name.includes('/api/sessions'));
        return {
          firstScreenJsWireKb: js.reduce((sum, r) => sum + r.encodedBodySize, 0) / 1024,
          firstRequestMs: api?.startTime ?? NaN,
          firstResponseMs: api?.responseEnd ?? NaN,
        };
      }, load.firstRowsMs),
    );
    f.heapBaseMb = await heapMb(page);

    // Continuous scroll.
    const s = await scrollAndTimeFrames(page, { seconds: opts.scrollSeconds, readRows: true });
    const longTasks = (
      await page.evaluate(() => (window as unknown as BenchWindow).__bench.longTasks)
    ).filter((lt) => lt.start + lt.duration > s.start && lt.start < s.end);
    f.scrollP50 = percentile(s.frameTimes, 50);
    f.scrollP95 = percentile(s.frameTimes, 95);
    f.scrollP99 = percentile(s.frameTimes, 99);
    // 1 ms of slack: rAF timestamps of on-time 60 Hz frames jitter around 16.7 ms.
    f.framesOver16 = s.frameTimes.filter((ft) => ft > 17.7).length;
    f.frames = s.frameTimes.length;
    f.framesOver16Pct = (100 * f.framesOver16) / Math.max(1, f.frames);
    f.longTasks = longTasks.length;
    f.longTaskMs = longTasks.reduce((sum, lt) => sum + lt.duration, 0);
    f.longTaskMaxMs = longTasks.reduce((m, lt) => Math.max(m, lt.duration), 0);
    f.domRowsMax = s.domRowsMax;
    f.placeholderShare = (100 * s.placeholderMs) / Math.max(1, s.end - s.start);
    if (target === 'static') return { f, load };

    // Jump to the middle, counting the page requests it starts.
    await page.waitForTimeout(500);
    const before = requests.length;
    const j = await jumpInPage(page);
    await page.waitForTimeout(400); // a late request still counts
    const jumpReqs = requests.slice(before);
    f.jumpMs = j.ms;
    f.jumpRequests = jumpReqs.length;
    const viewFirst = Math.floor(j.firstIndex / 100);
    const viewLast = Math.floor(j.lastIndex / 100);
    f.jumpPagesInView = viewLast - viewFirst + 1;
    f.jumpOutsideView = jumpReqs.filter((r) => {
      const p = Number(pageParam(r.req.url())?.get('page'));
      return p < viewFirst - 1 || p > viewLast + 1;
    }).length;
    f.jumpRoundTripMs = Math.max(0, ...jumpReqs.filter((r) => !r.failed).map((r) => (r.end ?? r.at) - r.at));
    f.heapAfterScrollMb = await heapMb(page);

    // Filter change: "+1", a pause past the debounce (a request starts), then "503" typed quickly.
    const from = page.getByRole('searchbox', { name: 'From' }).first();
    await from.click();
    await page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      b.rowLog = [];
      b.logging = true;
    });
    const firstKey = requests.length;
    await page.keyboard.type('+1', { delay: 60 });
    await page.waitForTimeout(450);
    const finalValue = await changingFilter(page, requests, firstKey, '+1');
    if (finalValue !== '+1503') ctx.log(`${target}: filter "+1" then ${finalValue} ("+1503" begins alike)`);
    const finalResponse = page.waitForResponse(
      (r) => pageParam(r.url())?.get('from') === finalValue && pageParam(r.url())?.get('page') === '0',
      { timeout: 60_000 },
    );
    await page.keyboard.type(finalValue.slice(2), { delay: 60 });
    const response = await finalResponse;
    const expected = ((await response.json()) as { items?: { id?: string }[] }).items?.[0]?.id;
    // The first frame after the last keystroke with that row on top.
    const shownAt = await page
      .waitForFunction(
        (id) => {
          const b = (window as unknown as BenchWindow).__bench;
          return b.rowLog.find((e) => e.t >= b.lastInputAt && e.ids[0] === id)?.t;
        },
        expected,
        { timeout: 30_000, polling: 50 },
      )
      .then((h) => h.jsonValue());
    const lastInput = await page.evaluate(() => (window as unknown as BenchWindow).__bench.lastInputAt);
    f.filterMs = (shownAt as number) - lastInput;
    await page.waitForTimeout(300);
    // Stale: requests of any earlier filter still pending when the final filter's first request went out.
    const finalReq = requests.findIndex(
      (r, i) => i >= firstKey && pageParam(r.req.url())?.get('from') === finalValue,
    );
    const finalAt = requests[finalReq]?.at ?? Date.now();
    const stale = requests
      .slice(0, Math.max(0, finalReq))
      .filter(
        (r) => pageParam(r.req.url())?.get('from') !== finalValue && (r.end === undefined || r.end > finalAt),
      );
    f.filterStaleRequests = stale.length;
    f.filterStaleNotAborted = stale.filter((r) => r.failed === undefined).length;

    // Heap across further filter changes, each waiting for its page 0.
    for (let i = 0; i < opts.filterChanges; i++) {
      const value = `+1${5030 + i}`;
      const answered = page.waitForResponse(
        (r) => pageParam(r.url())?.get('from') === value && pageParam(r.url())?.get('page') === '0',
        { timeout: 60_000 },
      );
      await from.fill(value);
      await answered;
      await page.waitForTimeout(150);
    }
    await page.evaluate(() => ((window as unknown as BenchWindow).__bench.logging = false));
    f.heapAfterFiltersMb = await heapMb(page);
    f.heapGrowthMb = Math.max(f.heapAfterScrollMb, f.heapAfterFiltersMb) - f.heapBaseMb;

    if (target === 'app') {
      const url = new URL(page.url());
      url.searchParams.set('session', HUGE_LOG_ID);
      const d = await drawerInPage(page, url.pathname + url.search);
      f.drawerMs = d.ms;
      const lts = (await page.evaluate(() => (window as unknown as BenchWindow).__bench.longTasks)).filter(
        (lt) => lt.start + lt.duration > d.start && lt.start < d.end,
      );
      f.drawerLongTaskMaxMs = lts.reduce((m, lt) => Math.max(m, lt.duration), 0);
    }
    if (errors.length) ctx.log(`  ${target}: page errors: ${errors.slice(0, 3).join(' | ')}`);
    return { f, load };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Summary: medians, ratios, budgets, markdown

const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)
    ? '-'
    : b === 0
      ? a === 0
        ? '1.00'
        : 'inf'
      : (a / b).toFixed(2);

function budgets(fig: BenchResult['figures']): BenchResult['budgets'] {
  const app = (k: string) => fig[k]?.app ?? NaN;
  const ag = (k: string) => fig[k]?.agGrid ?? NaN;
  const out: BenchResult['budgets'] = [];
  const add = (name: string, pass: boolean, detail: string) => out.push({ name, pass, detail });
  add('First-screen JS <= 150 KB gzip', app('firstScreenJsKb') <= 150, `${fmt(app('firstScreenJsKb'))} KB`);
  // Frame times come in whole 60 Hz intervals: 33 ms means two of them (33.3 ms) plus the same 1 ms
  // of timer jitter allowed in "frames over 16.7 ms".
  add('Scroll p95 <= 33 ms (two frames)', app('scrollP95') <= 34.4, `${fmt(app('scrollP95'))} ms`);
  add(
    'Scroll p95 past the height cap <= 33 ms (two frames)',
    app('scrollPastCapP95') <= 34.4,
    `${fmt(app('scrollPastCapP95'))} ms`,
  );
  // Compared in whole frames, for the same reason: 16.8 ms against 50.0 ms is one frame against three.
  const frames = (ms: number) => Math.round(ms / (1000 / 60));
  add(
    'Scroll p95 at least 3x better than AG Grid',
    frames(app('scrollP95')) * 3 <= frames(ag('scrollP95')),
    `${fmt(app('scrollP95'))} vs ${fmt(ag('scrollP95'))} ms, ${frames(app('scrollP95'))} vs ` +
      `${frames(ag('scrollP95'))} frames (x${ratio(ag('scrollP95'), app('scrollP95'))})`,
  );
  // A long task is by definition over 50 ms: the budget is none at all, in every run.
  add(
    'No long task over 50 ms while scrolling',
    app('longTasksMaxRun') === 0,
    `median ${fmt(app('longTasks'))}, worst run ${fmt(app('longTasksMaxRun'))}, longest ${fmt(app('longTaskMaxMs'))} ms`,
  );
  add(
    'DOM rows bounded by the viewport (<= 2 screens + overscan)',
    app('domRowsMax') <= 2 * Math.ceil(VIEWPORT.height / ROW_HEIGHT) + 20,
    `${fmt(app('domRowsMax'))} rows (a screen is ${Math.ceil(VIEWPORT.height / ROW_HEIGHT)})`,
  );
  // One round-trip: the 120 ms thumb-settle delay, the slowest request and two frames of rendering.
  add(
    'Jump: data within one page round-trip',
    app('jumpMs') <= 120 + app('jumpRoundTripMs') + 34,
    `${fmt(app('jumpMs'))} ms, slowest request ${fmt(app('jumpRoundTripMs'))} ms (+ up to 120 ms thumb settle + 2 frames allowed)`,
  );
  add(
    'Jump: only the pages in view (+1)',
    app('jumpRequests') <= app('jumpPagesInView') + 1 && app('jumpOutsideView') === 0,
    `${fmt(app('jumpRequests'))} requests for ${fmt(app('jumpPagesInView'))} page(s) in view, ${fmt(app('jumpOutsideView'))} outside`,
  );
  add(
    'Filter: stale requests cancelled',
    app('filterStaleNotAborted') === 0,
    `${fmt(app('filterStaleRequests'))} pending, ${fmt(app('filterStaleNotAborted'))} not aborted`,
  );
  add('Heap growth <= 20 MB', app('heapGrowthMb') <= 20, `${fmt(app('heapGrowthMb'))} MB`);
  add(
    'Ready <= 0.75 of AG Grid (aim 0.6)',
    app('readyMs') <= 0.75 * ag('readyMs'),
    `${fmt(app('readyMs'))} vs ${fmt(ag('readyMs'))} ms (x${ratio(app('readyMs'), ag('readyMs'))})`,
  );
  add(
    'The rows painted first are the rows in view at ready',
    app('firstRowsReplaced') === 0,
    `worst load: ${fmt(app('firstRowsReplaced'))} of the first painted rows replaced`,
  );
  add(
    'A click on a row at the first paint opens its drawer',
    app('clicksLost') === 0 && Number.isFinite(app('clickToDialogMs')),
    `${fmt(app('clickToDialogMs'))} ms from the click to the drawer painted (median), ` +
      `${fmt(app('clicksLost'))} click(s) lost`,
  );
  const shared = FIGURES.filter((s) => !s.appOnly && !s.info && !s.key.startsWith('heap'));
  // Times are read at frame boundaries (rAF), so within one 60 Hz frame counts as equal.
  const slack = (s: FigureSpec) => (s.unit === 'ms' ? 16.7 : 1e-9);
  const worse = shared.filter((s) => app(s.key) > ag(s.key) + slack(s));
  const heapWorse = app('heapGrowthMb') > Math.max(ag('heapGrowthMb'), 0) + 1;
  add(
    'At least as good as AG Grid on every shared figure',
    worse.length === 0 && !heapWorse,
    worse.length || heapWorse
      ? `worse on: ${[...worse.map((s) => s.label), ...(heapWorse ? ['heap growth'] : [])].join('; ')}`
      : 'all shared figures equal or better',
  );
  return out;
}

function markdown(r: Omit<BenchResult, 'markdown'>): string {
  const m = r.machine;
  const lines = [
    '# Browser benchmark: Session History vs AG Grid Community vs a static table',
    '',
    `Run ${m.date} on ${m.cpu}, ${m.cores} cores, ${m.chromium} (headless, software rendering), Node ${m.node};`,
    `load average (1/5/15 min) at start ${loadText(m.loadAverage)}, ` +
      `at the end ${loadText(m.loadAverageEnd)} (the benchmark itself adds about 2).`,
    `Sandbox: ${r.options.sessions.toLocaleString('en-US')} sessions, archived sessions of the whole range ` +
      `(${r.rowCount.toLocaleString('en-US')} rows), ${VIEWPORT.width}x${VIEWPORT.height}, page size 100. ` +
      `Median of ${r.options.runs} run(s), app and AG Grid alternating; scroll ${r.options.scrollSeconds} s at ` +
      `${SCROLL_PX_PER_FRAME} px per frame; ${r.options.filterChanges} filter changes for the heap.`,
    '',
    '| figure | Session History | AG Grid | SH / AG | static table | SH / static |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of FIGURES) {
    const v = r.figures[s.key];
    const stat = s.scroll ? v?.static : undefined;
    lines.push(
      `| ${s.label} (${s.unit}) | ${fmt(v?.app)} | ${fmt(v?.agGrid)} | ${ratio(v?.app, v?.agGrid)} | ` +
        `${fmt(stat)} | ${s.scroll ? ratio(v?.app, stat) : '-'} |`,
    );
  }
  lines.push('', '## Budgets', '');
  for (const b of r.budgets) lines.push(`- ${b.pass ? 'PASS' : 'MISS'} ${b.name}: ${b.detail}`);
  lines.push('', '## Lazy chunks of Session History (gzip KB)', '');
  for (const [file, kb] of Object.entries(r.lazyChunksKb)) lines.push(`- ${file}: ${kb}`);
  lines.push(
    '',
    '## How it is measured',
    '',
    '- Painted: a rAF sees the rows in the DOM and posts a task, which runs once that frame is painted; ' +
      'its time is the figure (a rAF timestamp alone is when the frame began, which can be before the ' +
      'task that drew them).',
    `- First rows: navigation start until 10 data rows with text in view are painted; median of ` +
      `${r.options.firstRowsLoads ?? 3} cold loads per target and run (the run's own, then more alternating).`,
    "- First rows live: the same loads, until those rows are painted and the grid's own code runs " +
      '(Session History: its toolbar is there; AG Grid draws its rows itself).',
    '- Ready: the same loads; from the first rows painted, the end of the last task over 50 ms ' +
      '(PerformanceObserver "longtask", observed from before the page\'s scripts) that starts within ' +
      '500 ms of the time reached so far, repeated until 500 ms pass without one.',
    '- First rows replaced: the row elements in view at the first paint, compared (same element, same ' +
      'place) with those in view once ready has settled; the worst load.',
    `- Click at first paint: ${r.options.firstRowsLoads ?? 3} more cold loads of Session History per ` +
      "run; as the first rows are painted, the first one is clicked through the browser's input (mouse " +
      'pressed and released, sent together); ms from then until the drawer (dialog) of that row is ' +
      'painted. A click that opens nothing in 5 s is lost.',
    '- Scroll: a rAF loop sets scrollTop += 600 each frame; frame time = rAF interval; "over 16.7 ms" ' +
      'counts intervals over 17.7 ms (timer jitter). Placeholders: time a placeholder row was in view.',
    '- Long tasks: PerformanceObserver "longtask" entries overlapping the scroll.',
    '- Budgets: scroll p95 "<= 33 ms" is checked as two 60 Hz frames plus 1 ms of jitter (<= 34.4 ms), ' +
      '"3x better than AG Grid" in whole 60 Hz frames; ' +
      '"as good as AG Grid" allows one frame (16.7 ms) on times, which are read at frame boundaries.',
    '- Jump: scrollTop set to 20%, 35%, 45%, 50% of the range on consecutive frames, then ms from the ' +
      'last jump until every row in view shows data, painted; requests counted from the first jump to 400 ms after.',
    '- Filter: "+1" typed, a 450 ms pause (a request starts), then "503" (or another area code of ' +
      '"+1"\'s first page, if "+1503" begins with "+1"\'s first row: the rows must change): ms from ' +
      'the last input event until the new first row is painted first in view. Stale = requests of earlier filters still ' +
      'pending when the final one started.',
    '- Drawer: the URL gets session=specimen-huge-log (pushState + popstate, as Back/Forward); ms until ' +
      'log lines are in the dialog and the main thread then runs a task and a frame.',
    '- Heap: JSHeapUsedSize after two HeapProfiler.collectGarbage.',
  );
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------

export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  // Other work on this shared machine moves every figure: the load is printed next to them.
  const loadAtStart = os.loadavg();
  const peerDist = path.join(buildDirOf(opts), 'peer-dist');
  log('Building the peer pages (AG Grid, static table)...');
  buildPeer(peerDist);
  const appDist = appToServe(opts, 'app-dist', log);
  const appSizes = bundleSizes(appDist, 'index.html');
  const peerSizes = bundleSizes(peerDist, 'ag-grid/index.html');

  log(`Starting the sandbox with ${opts.sessions} sessions on ports ${opts.port}, ${opts.port + 1}...`);
  const server = await startServer(opts, appDist, peerDist);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const today = new Date();
    const start = new Date(today.getTime() - 125 * DAY).toISOString().slice(0, 10);
    const end = today.toISOString().slice(0, 10);
    const urls: Record<Target, string> = {
      app: `http://127.0.0.1:${opts.port}/?archive=1&start=${start}`,
      agGrid: `http://127.0.0.1:${opts.port + 1}/ag-grid/?start=${start}&end=${end}`,
      static: `http://127.0.0.1:${opts.port + 1}/static-table/`,
    };
    const api = (query: string) =>
      fetch(
        `http://127.0.0.1:${opts.port}/api/sessions?searchArchive=true&startDate=${start}&endDate=${end}` +
          `&sortField=dateCreated&sortOrder=Descend&${query}`,
      );
    const count = (await (await api('page=0&countPerPage=1')).json()) as { totalCount?: number };
    // The sandbox's database cache starts cold: whichever grid asked first would pay for it (at a
    // million sessions, seconds for the first search). Ask what the runs ask once, beforehand.
    for (const query of ['page=0', 'page=1', 'from=%2B1&page=0', 'from=%2B1&page=1', 'from=%2B1503&page=0'])
      await (await api(`${query}&countPerPage=100`)).arrayBuffer();
    const ctx: Ctx = { browser, opts, urls, log };
    const runs: Record<Target, RunFigures[]> = { app: [], agGrid: [], static: [] };
    // Every cold load's first rows and ready, the runs' own and the extra ones; clicks at first paint.
    const loads: Record<Target, LoadFigures[]> = { app: [], agGrid: [], static: [] };
    const clicks: ClickFigures[] = [];
    const loadText = (l: LoadFigures) =>
      `${fmt(l.firstRowsMs)}/${fmt(l.firstLiveRowsMs)}/${fmt(l.readyMs)}` +
      (l.firstRowsReplaced
        ? ` (${l.firstRowsReplaced} first rows replaced at ${fmt(l.firstRowsRemovedMs)})`
        : '');
    for (let i = 0; i < opts.runs; i++) {
      const order: Target[] = i % 2 === 0 ? ['app', 'agGrid', 'static'] : ['agGrid', 'app', 'static'];
      for (const target of order) {
        const t0 = Date.now();
        const { f, load } = await measureTarget(ctx, target);
        runs[target].push(f);
        loads[target].push(load);
        log(
          `run ${i + 1}/${opts.runs} ${target}: first rows/live/ready ${loadText(load)} ms, ` +
            `p95 ${fmt(f.scrollP95)} ms, long tasks ${fmt(f.longTasks)}, jump ${fmt(f.jumpMs)} ms, ` +
            `filter ${fmt(f.filterMs)} ms (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
        );
      }
      // More cold loads for the first rows and ready, the two grids alternating.
      const extra: string[] = [];
      for (let k = 1; k < (opts.firstRowsLoads ?? 3); k++) {
        for (const target of order.filter((t) => t !== 'static')) {
          const l = await coldLoad(ctx, target);
          loads[target].push(l);
          extra.push(`${target} ${loadText(l)}`);
        }
      }
      if (extra.length)
        log(`run ${i + 1}/${opts.runs} more cold loads, first rows/live/ready (ms): ${extra.join(', ')}`);
      // As many cold loads of Session History clicked at first paint: whether the click lands depends
      // on what the page is doing at that moment.
      const clicked: string[] = [];
      for (let k = 0; k < (opts.firstRowsLoads ?? 3); k++) {
        const click = await clickLoad(ctx);
        clicks.push(click);
        clicked.push(click.openedClickedRow ? fmt(click.clickToDialogMs) : 'lost');
      }
      log(`run ${i + 1}/${opts.runs} click on a row at first paint, ms to its drawer: ${clicked.join(', ')}`);
    }
    const pastCap = await scrollPastCapFrames(browser, appDist, opts.scrollSeconds, SCROLL_PX_PER_FRAME);
    log(`past the height cap (${PAST_CAP_ROWS} rows): scroll p95 ${fmt(percentile(pastCap, 95))} ms`);
    runs.app.forEach((f) => (f.firstScreenJsKb = appSizes.firstScreenKb));
    runs.agGrid.forEach((f) => (f.firstScreenJsKb = peerSizes.firstScreenKb));
    const figures: BenchResult['figures'] = {};
    const keys = new Set([...FIGURES.map((s) => s.key), 'jumpPagesInView', 'jumpOutsideView']);
    for (const key of keys) {
      figures[key] = {
        app: median(runs.app.map((f) => f[key] ?? NaN)),
        agGrid: median(runs.agGrid.map((f) => f[key] ?? NaN)),
        static: median(runs.static.map((f) => f[key] ?? NaN)),
      };
    }
    const overLoads = (key: keyof LoadFigures, of: (v: number[]) => number) => ({
      app: of(loads.app.map((l) => l[key])),
      agGrid: of(loads.agGrid.map((l) => l[key])),
      static: of(loads.static.map((l) => l[key])),
    });
    figures.firstRowsMs = overLoads('firstRowsMs', median);
    figures.firstLiveRowsMs = overLoads('firstLiveRowsMs', median);
    figures.readyMs = overLoads('readyMs', median);
    figures.firstRowsReplaced = overLoads('firstRowsReplaced', (v) => Math.max(...v));
    const clickMs = clicks.map((c) => (c.openedClickedRow ? c.clickToDialogMs : NaN));
    figures.clickToDialogMs = { app: median(clickMs), agGrid: NaN, static: NaN };
    figures.scrollPastCapP95 = { app: percentile(pastCap, 95), agGrid: NaN, static: NaN };
    figures.clicksLost = {
      app: clickMs.filter((ms) => !Number.isFinite(ms)).length,
      agGrid: NaN,
      static: NaN,
    };
    figures.longTasksMaxRun = {
      app: Math.max(...runs.app.map((f) => f.longTasks ?? NaN)),
      agGrid: Math.max(...runs.agGrid.map((f) => f.longTasks ?? NaN)),
      static: Math.max(...runs.static.map((f) => f.longTasks ?? NaN)),
    };
    const partial: Omit<BenchResult, 'markdown'> = {
      machine: { ...machine(browser, loadAtStart), node: process.version },
      options: { ...opts, log: undefined } as Omit<BenchOptions, 'log'>,
      rowCount: count.totalCount ?? NaN,
      lazyChunksKb: appSizes.lazy,
      figures,
      runs,
      budgets: budgets(figures),
    };
    const result: BenchResult = { ...partial, markdown: markdown(partial) };
    writeResult(opts.outDir, 'latest', result);
    log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    return result;
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

const USAGE = `npm run bench -- [options]
  --sessions N          sandbox size (env BENCH_SESSIONS; default 150000)
  --runs N              runs per target (3)
  --scroll-seconds N    continuous scroll per run (8)
  --filter-changes N    filter changes for the heap figure (20)
  --first-rows-loads N  cold loads per grid and run for first rows and ready, the run's own
                        included, and as many loads of Session History clicked at first paint (3)
  --out DIR             where latest.md and latest.json go (bench/results)
  --port N              Session History's port; the peer pages use N+1 (4310)
  --app-dist DIR        serve this build instead of building a private copy of src/
  --build-dir DIR       where the peer pages and the private app build go (bench/results/tmp)
A check that it works (its times mean nothing):
  npm run bench -- --sessions 1000 --runs 1 --scroll-seconds 1 --filter-changes 2 --first-rows-loads 1`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const flags = readFlags(argv, [
    'sessions',
    'runs',
    'scroll-seconds',
    'filter-changes',
    'first-rows-loads',
    'out',
    'port',
    'app-dist',
    'build-dir',
  ]);
  const num = (name: string, fallback: number) => numberFlag(flags, name, fallback);
  return {
    sessions: num('sessions', Number(env.BENCH_SESSIONS ?? 150_000)),
    runs: num('runs', 3),
    scrollSeconds: num('scroll-seconds', 8),
    filterChanges: num('filter-changes', 20),
    firstRowsLoads: num('first-rows-loads', 3),
    outDir: path.resolve(flags.out ?? path.join(BENCH, 'results')),
    port: num('port', 4310),
    appDist: flags['app-dist'],
    buildDir: flags['build-dir'],
  };
}

runIfMain(import.meta.url, USAGE, async (argv) => {
  const r = await runBench(parseOptions(argv));
  console.log('\n' + r.markdown);
});
