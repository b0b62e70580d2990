// `npm run bench:scan`: issue 16's speed requirements for the refinement scan, in headless Chromium
// against the production build and the sandbox (its own script: it needs a result of about 100,000
// sessions read whole, and a Node client on the same sandbox, which `npm run bench` has neither of):
//   1. scan rate: sessions per second of a `missed=1` scan over the result, at least 70% of what a
//      lone Node client gets paging the same result (the same requests, in the same order) in the
//      same run; no main-thread task over 50 ms during the scan; the partial result scrolled within
//      the usual scroll budget (p95 within two 60 Hz frames) while the scan runs;
//   2. memory: the page's JS heap plus the scan worker's grow less than 100 MB over the scan.
// Options: USAGE below (`npm run bench:scan -- --help`). What each figure means: docs/performance.md.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberFlag, readFlags, runIfMain } from './cli';
import {
  appToServe,
  fmt,
  loadText,
  machine,
  median,
  percentile,
  SCROLL_PX_PER_FRAME,
  scrollAndTimeFrames,
  startServer,
  writeResult,
  type BuildOptions,
  type Machine,
} from './harness';
import { CdpBrowser, type BenchPage, type CdpPage, type CdpSession } from './cdp-browser';
import { openCdpTarget, readLoad } from './measure-load';
import type { BenchWindow } from './page-instrumentation';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DAY = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;
/** Heaps are read this often while the scan runs. */
const SAMPLE_MS = 250;
/** A reading of the worker's heap not answered in this time is none. */
const WORKER_READ_MS = 2000;
/** How often a long scan's progress is logged. */
const PROGRESS_MS = 10_000;

export const BUDGET = {
  /** Of the lone Node client's sessions per second. */
  rateShare: 0.7,
  /** Two 60 Hz frames plus 1 ms of timer jitter, as `npm run bench` checks its scroll p95. */
  scrollP95Ms: 34.4,
  heapGrowthMb: 100,
};

export interface ScanBenchOptions extends BuildOptions {
  /** Sandbox size; the whole of it (live and archive) is the scanned result. */
  sessions: number;
  /** Scans, each followed by the Node client's pass over the same requests. */
  runs: number;
  /** How long the partial result is scrolled while the scan runs (at most: until it ends). */
  scrollSeconds: number;
  /** SANDBOX_LATENCY_MS (0): a latency makes a small scan last long enough to scroll. */
  latencyMs: number;
  port: number;
  outDir: string;
  log?: (line: string) => void;
}

export interface ScanRun {
  /** Sessions the scan read, from its line once done ("Scanned N of N sessions · K match"). */
  scanned: number;
  matched: number;
  status: string;
  /** From the scan's first request leaving to its line reading done, painted. */
  scanMs: number;
  /** From the link's change (the user's action) to done, painted: start-up included. */
  actionToDoneMs: number;
  rate: number;
  /** The Node client over the same requests: sessions received and its time. */
  nodeSessions: number;
  nodeMs: number;
  nodeRate: number;
  /** The scan's `GET /sessions` requests, as the browser made them. */
  requests: number;
  /** Long tasks of the page from the scan's first request to done, and the longest. */
  longTasks: number;
  longTaskMaxMs: number;
  /** Of those, the ones that overlap the scroll (information: scrolling draws rows too). */
  longTasksWhileScrolling: number;
  /** From the link's change instead: the screen's render for the new link included (information). */
  longTasksFromAction: number;
  /** Frame times while the partial result was scrolled, and whether the scan ran all along. */
  scrollFrames: number;
  scrollP95: number;
  scrollWhileRunning: boolean;
  /** Page heap before the scan (after two collections), and the peak of page + worker during it. */
  heapBeforeMb: number;
  pageHeapPeakMb: number;
  workerHeapPeakMb: number;
  heapPeakMb: number;
  heapGrowthMb: number;
  /** The page's heap once done, after two collections: what the result keeps. */
  heapAfterMb: number;
  heapSamples: number;
  workerSamples: number;
}

export interface ScanFigures {
  rate: number;
  nodeRate: number;
  rateShare: number;
  longTasks: number;
  longTaskMaxMs: number;
  scrollP95: number;
  heapGrowthMb: number;
  heapAfterGrowthMb: number;
}

export interface ScanBudget {
  name: string;
  pass: boolean;
  detail: string;
}

export interface ScanBenchResult {
  machine: Machine;
  options: Omit<ScanBenchOptions, 'log'>;
  link: string;
  /** The result's size as the API counts it (both stores). */
  resultTotal: number;
  runs: ScanRun[];
  figures: ScanFigures;
  budgets: ScanBudget[];
  markdown: string;
}

// ---------------------------------------------------------------------------------------------------
// Heaps: the page's from its own DevTools session, the worker's from the session attached to it

async function pageHeapMb(cdp: CdpSession, collect: boolean): Promise<number> {
  if (collect) {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
  }
  const { metrics } = await cdp.send<{ metrics: { name: string; value: number }[] }>(
    'Performance.getMetrics',
  );
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / MB;
}

/**
 * The JS heap of the page's scan worker (its script's URL holds `scan-worker`) in MB, or NaN when
 * there is none (yet, or any more) or it does not answer in time.
 */
async function workerHeapMb(page: CdpPage): Promise<number> {
  const worker = [...page.workers.values()].find((w) => w.url.includes('scan-worker'));
  if (!worker) return NaN;
  const reading = worker.session
    .send<{ usedSize: number }>('Runtime.getHeapUsage')
    .then((r) => r.usedSize / MB)
    .catch(() => NaN);
  return Promise.race([reading, new Promise<number>((r) => setTimeout(() => r(NaN), WORKER_READ_MS))]);
}

// ---------------------------------------------------------------------------------------------------
// In the page: the scan's line (no closures over Node values)

/**
 * The scan's line once it has ended with refinements: "Scanned N of M sessions · K match(es)"
 * (scan-status.tsx), neither "so far" nor "stopped". N and M can differ: sessions arriving in the
 * live store during the scan move its pages after the total was read.
 */
const SCAN_DONE = /^Scanned ([\d,]+) of ([\d,]+) sessions? · ([\d,]+) match(?:es)?$/;

interface ScanWatch {
  actionAt: number;
  doneAt?: number;
  text?: string;
  /** The scan line's error, when the scan failed instead. */
  error?: string;
}

/**
 * Changes the link as Back/Forward would, then watches the scan's line until it reads done, which
 * also ends the scroll of the partial result.
 */
async function startScan(page: BenchPage, url: string): Promise<void> {
  await page.evaluate(
    ([url, doneSource]) => {
      const done = new RegExp(doneSource);
      const w = window as unknown as { __scanWatch: ScanWatch } & BenchWindow;
      w.__scanWatch = { actionAt: performance.now() };
      history.pushState(history.state, '', url);
      dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
      const tick = () => {
        const line = document.querySelector('.scan-progress')?.textContent?.trim();
        const error = document.querySelector('.scan-status .scan-error')?.textContent;
        if (error) {
          w.__scanWatch.error = error;
          return;
        }
        if (line && done.test(line)) {
          w.__scanWatch.text = line;
          w.__bench.stopScroll = true;
          w.__bench.afterFrame((at) => (w.__scanWatch.doneAt = at));
          return;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    [url, SCAN_DONE.source] as const,
  );
}

// ---------------------------------------------------------------------------------------------------
// The lone Node client: the scan's own requests, in its order, each page's JSON read whole, the
// next page asked as soon as a page's body is in (as the scan asks its next page while decoding)

export async function nodeClient(urls: readonly string[]): Promise<{ sessions: number; ms: number }> {
  const t0 = performance.now();
  const get = async (url: string) => {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return res.text();
  };
  let sessions = 0;
  let pending = urls.length ? get(urls[0]!) : undefined;
  for (let i = 0; pending; i++) {
    const body = await pending;
    pending = i + 1 < urls.length ? get(urls[i + 1]!) : undefined;
    const json = JSON.parse(body) as { items?: unknown[] };
    sessions += json.items?.length ?? 0;
  }
  return { sessions, ms: performance.now() - t0 };
}

// ---------------------------------------------------------------------------------------------------

const count = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));

/** The scan's `GET /sessions` requests (its large pages) that reached the server since last asked. */
async function scanRequests(base: string): Promise<{ url: string; at: number }[]> {
  const log = (await (await fetch(`${base}/__bench/requests`)).json()) as { url: string; at: number }[];
  return log
    .filter((r) => new URL(r.url, base).searchParams.get('countPerPage') === '1000')
    .map((r) => ({ url: new URL(r.url, base).href, at: r.at }));
}

async function scanRun(
  browser: CdpBrowser,
  base: string,
  baseUrl: string,
  link: string,
  opts: ScanBenchOptions,
  log: (line: string) => void,
): Promise<ScanRun> {
  const page = await openCdpTarget(browser, 'app');
  const cdp = page.cdp;
  try {
    await page.goto(baseUrl);
    await readLoad(page);
    // A small result is counted by a scan of its own at once (the same requests): it ends first.
    await page.waitForFunction(
      () => !/so far$|^Starting/.test(document.querySelector('.scan-progress')?.textContent?.trim() ?? ''),
      null,
      { timeout: 120_000, polling: 100 },
    );
    await cdp.send('HeapProfiler.enable');
    await cdp.send('Performance.enable');
    const heapBeforeMb = await pageHeapMb(cdp, true);
    await scanRequests(base);

    await startScan(page, link);
    // Once the partial result holds three screens of rows, until the scan is done at the latest.
    const scrolling = scrollAndTimeFrames(page, { seconds: opts.scrollSeconds, fromScreens: 3 });
    // Heaps sampled together until the line reads done.
    let pagePeak = heapBeforeMb;
    let workerPeak = 0;
    let peak = heapBeforeMb;
    let heapSamples = 0;
    let workerSamples = 0;
    const deadline = Date.now() + 10 * 60_000;
    let watch: ScanWatch;
    let progressAt = Date.now();
    for (;;) {
      const [pageMb, workerMb] = await Promise.all([pageHeapMb(cdp, false), workerHeapMb(page)]);
      heapSamples += 1;
      pagePeak = Math.max(pagePeak, pageMb);
      if (Number.isFinite(workerMb)) {
        workerSamples += 1;
        workerPeak = Math.max(workerPeak, workerMb);
      }
      peak = Math.max(peak, pageMb + (Number.isFinite(workerMb) ? workerMb : 0));
      watch = await page.evaluate(() => ({
        ...(window as unknown as { __scanWatch: ScanWatch }).__scanWatch,
      }));
      if (watch.doneAt !== undefined) break;
      if (watch.error) throw new Error(watch.error);
      if (Date.now() - progressAt >= PROGRESS_MS) {
        progressAt = Date.now();
        const line = await page.evaluate(() => document.querySelector('.scan-progress')?.textContent);
        log(`  ${line ?? 'no scan line yet'}; heap ${fmt(pageMb)} MB page + ${fmt(workerMb)} worker`);
      }
      if (Date.now() > deadline) throw new Error('the scan did not end in 10 minutes');
      await page.waitForTimeout(SAMPLE_MS);
    }
    // It ends at the next frame once the scan is done; a page that draws no more frames fails here.
    const scroll = await Promise.race([
      scrolling,
      page.waitForTimeout(30_000).then(() => {
        throw new Error('the scroll did not end with the scan');
      }),
    ]);
    const { timeOrigin, longTasks } = await page.evaluate(() => {
      const b = (window as unknown as BenchWindow).__bench;
      b.flushLongTasks();
      return { timeOrigin: performance.timeOrigin, longTasks: b.longTasks };
    });
    // The first request's arrival at the server (same machine, same wall clock), in the page's clock.
    const requests = await scanRequests(base);
    const firstRequestAt = (requests[0]?.at ?? NaN) - timeOrigin;
    const overlapping = (from: number, to: number) =>
      longTasks.filter((t) => t.start + t.duration > from && t.start < to);
    const during = overlapping(firstRequestAt, watch.doneAt!);
    const heapAfterMb = await pageHeapMb(cdp, true);
    const [, scannedText, , matchedText] = SCAN_DONE.exec(watch.text ?? '') ?? [];
    const scanned = count(scannedText);
    const scanMs = watch.doneAt! - firstRequestAt;

    const node = await nodeClient(requests.map((r) => r.url));
    return {
      scanned,
      matched: count(matchedText),
      status: watch.text ?? '',
      scanMs,
      actionToDoneMs: watch.doneAt! - watch.actionAt,
      rate: (scanned / scanMs) * 1000,
      nodeSessions: node.sessions,
      nodeMs: node.ms,
      nodeRate: (node.sessions / node.ms) * 1000,
      requests: requests.length,
      longTasks: during.length,
      longTaskMaxMs: Math.max(0, ...during.map((t) => t.duration)),
      longTasksWhileScrolling: overlapping(scroll.start, scroll.end).length,
      longTasksFromAction: overlapping(watch.actionAt, watch.doneAt!).length,
      scrollFrames: scroll.frameTimes.length,
      scrollP95: percentile(scroll.frameTimes, 95),
      scrollWhileRunning: !scroll.stopped,
      heapBeforeMb,
      pageHeapPeakMb: pagePeak,
      workerHeapPeakMb: workerPeak,
      heapPeakMb: peak,
      heapGrowthMb: peak - heapBeforeMb,
      heapAfterMb,
      heapSamples,
      workerSamples,
    };
  } finally {
    if (page.errors.length) log(`  page errors: ${page.errors.slice(0, 3).join(' | ')}`);
    await page.close();
  }
}

export function scanFigures(runs: readonly ScanRun[]): ScanFigures {
  const rate = median(runs.map((r) => r.rate));
  const nodeRate = median(runs.map((r) => r.nodeRate));
  return {
    rate,
    nodeRate,
    rateShare: rate / nodeRate,
    // The worst run: a budget of none, and of the most memory.
    longTasks: Math.max(...runs.map((r) => r.longTasks)),
    longTaskMaxMs: Math.max(...runs.map((r) => r.longTaskMaxMs)),
    scrollP95: median(runs.map((r) => r.scrollP95)),
    heapGrowthMb: Math.max(...runs.map((r) => r.heapGrowthMb)),
    heapAfterGrowthMb: Math.max(...runs.map((r) => r.heapAfterMb - r.heapBeforeMb)),
  };
}

export function scanBudgets(f: ScanFigures, runs: readonly ScanRun[]): ScanBudget[] {
  const scrolled = runs.every((r) => r.scrollFrames > 0);
  return [
    {
      name: `Scan rate >= ${BUDGET.rateShare * 100}% of a lone Node client's`,
      pass: f.rateShare >= BUDGET.rateShare,
      detail:
        `${fmt(f.rate)} vs ${fmt(f.nodeRate)} sessions/s ` +
        `(${Number.isFinite(f.rateShare) ? (f.rateShare * 100).toFixed(0) : '-'}%)`,
    },
    {
      name: 'No main-thread task over 50 ms during the scan',
      pass: f.longTasks === 0,
      detail: `worst run ${fmt(f.longTasks)} long task(s), longest ${fmt(f.longTaskMaxMs)} ms`,
    },
    {
      name: 'Scrolling the partial result: p95 <= 33 ms (two frames)',
      // Frames there must be: a scan that ended before its result filled three screens proves nothing.
      pass: scrolled && f.scrollP95 <= BUDGET.scrollP95Ms,
      detail:
        `${fmt(f.scrollP95)} ms over ${runs.map((r) => r.scrollFrames).join(', ')} frames` +
        (runs.every((r) => r.scrollWhileRunning)
          ? ''
          : ' (the scan ended before the scroll did in some run)'),
    },
    {
      name: `Page + worker JS heap grows < ${BUDGET.heapGrowthMb} MB over the scan`,
      pass: f.heapGrowthMb < BUDGET.heapGrowthMb,
      detail: `peak growth ${fmt(f.heapGrowthMb)} MB (worst run); the page keeps ${fmt(f.heapAfterGrowthMb)} MB once done`,
    },
  ];
}

function markdown(r: Omit<ScanBenchResult, 'markdown'>): string {
  const m = r.machine;
  const lines = [
    '# Scan benchmark: a refinement scan against a lone Node client',
    '',
    `Run ${m.date} on ${m.cpu}, ${m.cores} cores, ${m.chromium} (headless), load average at start ` +
      `${loadText(m.loadAverage)}, at the end ${loadText(m.loadAverageEnd)}.`,
    `Sandbox: ${r.options.sessions.toLocaleString('en-US')} sessions at SANDBOX_LATENCY_MS=${r.options.latencyMs}; ` +
      `link \`${r.link}\` over ${r.resultTotal.toLocaleString('en-US')} sessions (live and archive); ` +
      `${r.options.runs} run(s), each a scan then the Node client over the same requests.`,
    '',
    '## Budgets',
    '',
    ...r.budgets.map((b) => `- ${b.pass ? 'PASS' : 'MISS'} ${b.name}: ${b.detail}`),
    '',
    '## Runs',
    '',
    '| run | scanned | matched | requests | scan s | sessions/s | Node sessions/s | share | long tasks (while scrolling; from the link change) | longest ms | scroll frames | scroll p95 ms | heap before MB | page peak MB | worker peak MB | growth MB | page after MB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.runs.map(
      (x, i) =>
        `| ${i + 1} | ${x.scanned.toLocaleString('en-US')} | ${x.matched.toLocaleString('en-US')} | ${x.requests} | ` +
        `${(x.scanMs / 1000).toFixed(2)} | ${fmt(x.rate)} | ${fmt(x.nodeRate)} | ${((x.rate / x.nodeRate) * 100).toFixed(0)}% | ` +
        `${x.longTasks} (${x.longTasksWhileScrolling}; ${x.longTasksFromAction}) | ${fmt(x.longTaskMaxMs)} | ${x.scrollFrames} | ${fmt(x.scrollP95)} | ${fmt(x.heapBeforeMb)} | ` +
        `${fmt(x.pageHeapPeakMb)} | ${fmt(x.workerHeapPeakMb)} | ${fmt(x.heapGrowthMb)} | ${fmt(x.heapAfterMb)} |`,
    ),
    '',
    '## How it is measured',
    '',
    '- The browser is driven over its DevTools pipe with no Network domain enabled (bench/cdp-browser.ts), ' +
      "as a user's browser runs: with it, as Playwright enables it on every page and worker, the scan read " +
      'its pages about 30% slower in A/B runs.',
    '- The page loads the unrefined link and waits until ready; then the link gets `missed=1` ' +
      '(pushState + popstate, as Back/Forward), which starts the scan.',
    "- Scan time: from the scan's first `GET /sessions` reaching the server (its request log, same " +
      'machine and clock) until its line reads done, painted. Rate: the sessions it says it scanned over that time.',
    "- Node client: after each scan, the scan's own requests in the same order, fetched by Node " +
      "(the next one asked as soon as a page's body is in) and parsed with JSON.parse; sessions are " +
      'the items received.',
    '- Long tasks: PerformanceObserver "longtask" entries of the page overlapping the scan, from its ' +
      'first request to done; by definition each is over 50 ms, so the budget is none, in every run. ' +
      "Also counted: those overlapping the scroll, and those from the link change on (the new screen's render).",
    `- Scroll: once the partial result holds three screens of rows, scrollTop += ${SCROLL_PX_PER_FRAME} ` +
      `every frame for up to ${r.options.scrollSeconds} s or until the scan ends; p95 of the rAF intervals, median over runs.`,
    "- Heap: the page's JSHeapUsedSize (CDP Performance.getMetrics) after two collections before the " +
      `scan; then every ${SAMPLE_MS} ms during it, the page's JSHeapUsedSize plus the scan worker's used ` +
      'heap (CDP Runtime.getHeapUsage in the worker, auto-attached as it starts); ' +
      'growth = the largest sum - the page before. Worst run. "Page after": after two collections once done.',
  ];
  return lines.join('\n') + '\n';
}

export async function runScanBench(opts: ScanBenchOptions): Promise<ScanBenchResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const loadAtStart = os.loadavg();
  const appDist = appToServe(opts, 'scan-app-dist', log);
  log(`Starting the sandbox with ${opts.sessions} sessions on port ${opts.port}...`);
  const server = await startServer(opts, appDist, undefined, {
    SANDBOX_LATENCY_MS: String(opts.latencyMs),
    BENCH_REQUEST_LOG: '1',
  });
  const browser = CdpBrowser.launch();
  const { product } = await browser.browser.send<{ product: string }>('Browser.getVersion');
  const version = product.replace(/^[^/]*\//, '');
  try {
    const base = `http://127.0.0.1:${opts.port}`;
    const start = new Date(Date.now() - 125 * DAY).toISOString().slice(0, 10);
    const baseUrl = `${base}/?archive=1&start=${start}`;
    const link = `/?archive=1&start=${start}&missed=1`;
    // The sandbox's database cache starts cold: one untimed run first.
    log('Untimed run (the database cache starts cold)...');
    const warm = await scanRun(browser, base, baseUrl, link, opts, log);
    const runs: ScanRun[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const r = await scanRun(browser, base, baseUrl, link, opts, log);
      runs.push(r);
      log(
        `run ${i + 1}/${opts.runs}: "${r.status}" in ${fmt(r.scanMs)} ms, ${fmt(r.rate)} sessions/s vs Node ` +
          `${fmt(r.nodeRate)}; long tasks ${r.longTasks} (longest ${fmt(r.longTaskMaxMs)} ms); scroll p95 ` +
          `${fmt(r.scrollP95)} ms over ${r.scrollFrames} frames; heap ${fmt(r.heapBeforeMb)} MB -> peak ` +
          `${fmt(r.pageHeapPeakMb)} page + ${fmt(r.workerHeapPeakMb)} worker`,
      );
    }
    const figures = scanFigures(runs);
    const partial: Omit<ScanBenchResult, 'markdown'> = {
      machine: machine({ version: () => version }, loadAtStart),
      options: { ...opts, log: undefined } as Omit<ScanBenchOptions, 'log'>,
      link,
      resultTotal: warm.nodeSessions,
      runs,
      figures,
      budgets: scanBudgets(figures, runs),
    };
    const result: ScanBenchResult = { ...partial, markdown: markdown(partial) };
    writeResult(opts.outDir, 'scan', result);
    return result;
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

const USAGE = `npm run bench:scan -- [options]
  --sessions N        sandbox size, all of it the scanned result (env BENCH_SESSIONS; default 100000)
  --runs N            scans, each followed by the Node client (2; one untimed scan comes first)
  --scroll-seconds N  scroll of the partial result while the scan runs, at most (4)
  --latency N         SANDBOX_LATENCY_MS (0)
  --port N            the server's port (4350)
  --out DIR           where scan.md and scan.json go (bench/results)
  --app-dist DIR      serve this build instead of building a private copy of src/
  --build-dir DIR     where the private build goes (bench/results/tmp)
A check that it works (its figures mean nothing):
  npm run bench:scan -- --sessions 3000 --runs 1 --scroll-seconds 1 --latency 300`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): ScanBenchOptions {
  const flags = readFlags(argv, [
    'sessions',
    'runs',
    'scroll-seconds',
    'latency',
    'port',
    'out',
    'app-dist',
    'build-dir',
  ]);
  const int = (name: string, fallback: number) => numberFlag(flags, name, fallback, { integer: true });
  const latency = Number(flags.latency ?? 0);
  if (!Number.isInteger(latency) || latency < 0) throw new Error('--latency: an integer >= 0');
  return {
    sessions: int('sessions', Number(env.BENCH_SESSIONS ?? 100_000)),
    runs: int('runs', 2),
    scrollSeconds: numberFlag(flags, 'scroll-seconds', 4),
    latencyMs: latency,
    port: int('port', 4350),
    outDir: path.resolve(flags.out ?? path.join(ROOT, 'bench', 'results')),
    appDist: flags['app-dist'],
    buildDir: flags['build-dir'],
  };
}

runIfMain(import.meta.url, USAGE, async (argv) => {
  const r = await runScanBench(parseOptions(argv));
  console.log('\n' + r.markdown);
});
