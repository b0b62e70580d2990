// `npm run bench:windows`: issue 15's speed requirements for time windows, in headless Chromium
// against the production build and the sandbox at SANDBOX_LATENCY_MS=0 and =100:
//   1. a minute window's first rows wait for at most 2 sequential round trips more than the same
//      day without trimming;
//   2. a 30-day range over live and archive shows its first rows within one round trip of a
//      live-only 30-day range;
//   3. 20,000 summaries loaded whole in another order (the scan): no task over 50 ms on the main
//      thread, the whole result in under 5 s;
// and issue 16's: 4. the volume chart of a 30-day window at 150,000 sandbox sessions is drawn
//      within 1 s of the first rows.
// Round trips are counted from the page's own resource timing of `GET /sessions`: a request
// started after another one ended is one round later (see sequentialRounds).
// Options: USAGE below (`npm run bench:windows -- --help`).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../test/chromium';
import { CdpBrowser } from './cdp-browser';
import { numberFlag, readFlags, runIfMain } from './cli';
import {
  appToServe,
  fmt,
  loadText,
  machine,
  median,
  startServer,
  stopServer,
  writeResult,
  type BuildOptions,
  type Machine,
} from './harness';
import { openCdpTarget, openTarget, readLoad, type LoadCtx } from './measure-load';
import type { BenchWindow } from './page-instrumentation';
import { LONG_TASK_MS } from './ready';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DAY = 24 * 60 * 60 * 1000;
/** A 60 Hz frame: times are read at frame boundaries. */
const FRAME_MS = 1000 / 60;

export interface WindowBenchOptions extends BuildOptions {
  /** Sandbox size; by default one where `range=30d` over both stores holds a little under 20,000. */
  sessions: number;
  /** Cold loads per link and latency for requirements 1 and 2. */
  loads: number;
  /** Cold loads of the scan (requirement 3) per latency. */
  scanLoads: number;
  /** Sandbox size for the volume chart (requirement 4), a sandbox of its own unless `sessions`. */
  chartSessions: number;
  latencies: number[];
  port: number;
  outDir: string;
  log?: (line: string) => void;
}

/** One `GET /sessions` of a page, from its resource timing (ms from navigation start). */
export interface ApiRequest {
  url: string;
  start: number;
  end: number;
}

/**
 * What a request is: the table's own path to its rows (src/sessions/api/window-edges.ts: a counted
 * page 0 of 10 rows, then rounds of 10-row probes with simplifiedPaging, then 100-row pages), or
 * something beside it (the volume chart's read of a small result, 500 rows; the new-sessions count).
 * The chart's other requests are the table's kinds (its edge searches share the table's probe
 * pages, and a day's count is a counted page 0): it asks them only once the first rows are in, so
 * none of them ends before the first rows are painted, where the chain is counted.
 */
export function requestKind(url: string): string {
  const q = new URL(url, 'http://x').searchParams;
  const per = q.get('countPerPage');
  const simplified = q.get('simplifiedPaging') === 'true';
  if (per === '10') return simplified ? 'probe' : 'count';
  if (per === '100') return 'page';
  if (per === '500') return 'chart';
  if (per === '1') return 'new-count';
  return `other(${per ?? '-'})`;
}

const TABLE_PATH = new Set(['count', 'probe', 'page']);

/**
 * The longest chain of the table's requests each started after the one before it ended, among
 * those that ended by `until`: the sequential round trips the first rows can have waited for, and
 * their kinds. Requests beside the table's path (the chart's) are left out.
 */
export function sequentialRounds(requests: readonly ApiRequest[], until: number) {
  const done = requests
    .filter((r) => r.end <= until && TABLE_PATH.has(requestKind(r.url)))
    .sort((a, b) => a.start - b.start);
  const chains: string[][] = [];
  done.forEach((r, i) => {
    let best: string[] = [];
    for (let j = 0; j < i; j++)
      if (done[j]!.end <= r.start && chains[j]!.length > best.length) best = chains[j]!;
    chains.push([...best, requestKind(r.url)]);
  });
  const longest = chains.reduce<string[]>((a, c) => (c.length > a.length ? c : a), []);
  return { rounds: longest.length, chain: longest };
}

interface LinkLoad {
  firstRowsMs: number;
  readyMs: number;
  rounds: number;
  chain: string[];
  requests: number;
  /** Median duration of the load's `GET /sessions` requests: one round trip here. */
  roundTripMs: number;
}

interface ScanLoad {
  firstRowsMs: number;
  doneMs: number;
  /** Longest main-thread task from the scan's line first showing until it reads done. */
  longestTaskMs: number;
  /** Longest over the whole load, page start-up included (information only). */
  longestTaskLoadMs: number;
  status: string;
}

async function apiRequests(page: Page): Promise<ApiRequest[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/sessions'))
      .map((e) => ({ url: e.name, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
  );
}

async function loadLink(ctx: LoadCtx, url: string, firstRowCount: number): Promise<LinkLoad> {
  const { context, page, errors } = await openTarget(ctx, 'app', { firstRowCount });
  try {
    await page.addInitScript(() => performance.setResourceTimingBufferSize(10_000));
    await page.goto(url);
    const load = await readLoad(page);
    const requests = await apiRequests(page);
    const { rounds, chain } = sequentialRounds(requests, load.firstRowsMs);
    return {
      firstRowsMs: load.firstRowsMs,
      readyMs: load.readyMs,
      rounds,
      chain,
      requests: requests.length,
      roundTripMs: median(requests.map((r) => r.end - r.start)),
    };
  } finally {
    if (errors.length) ctx.log(`  page errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  }
}

/** The scan's line once done: "Scanned N of N sessions · K in your window" (scan-status.tsx). */
const SCAN_DONE = /^Scanned [\d,]+ of [\d,]+ sessions · [\d,]+ in your window$/;

/**
 * A cold load of a result read whole, in a browser with no DevTools network instrumentation (the
 * read's worker fetches 1,000-session pages, which Playwright's Network domain slows: cdp-browser.ts).
 */
async function loadScan(browser: CdpBrowser, url: string, log: (line: string) => void): Promise<ScanLoad> {
  const page = await openCdpTarget(browser, 'app');
  try {
    // Runs in the page: when the scan's line first shows, and when it first reads done (painted).
    await page.addInitScript((doneSource: string) => {
      const done = new RegExp(doneSource);
      const w = window as unknown as { __scan: { startAt?: number; doneAt?: number; text?: string } };
      w.__scan = {};
      const tick = () => {
        const line = document.querySelector('.scan-progress')?.textContent?.trim();
        if (line !== undefined && w.__scan.startAt === undefined) w.__scan.startAt = performance.now();
        if (line && done.test(line)) {
          w.__scan.text = line;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (w.__scan.doneAt = performance.now());
          channel.port2.postMessage(null);
          return;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, SCAN_DONE.source);
    await page.goto(url);
    const s = (await page.waitForFunction(
      () => {
        const w = window as unknown as {
          __scan: { startAt?: number; doneAt?: number; text?: string };
        } & BenchWindow;
        if (w.__scan.doneAt === undefined) return false;
        w.__bench.flushLongTasks();
        return { ...w.__scan, firstRowsAt: w.__bench.firstRowsAt, longTasks: w.__bench.longTasks };
      },
      null,
      { timeout: 120_000, polling: 100 },
    )) as {
      startAt: number;
      doneAt: number;
      text: string;
      firstRowsAt?: number;
      longTasks: { start: number; duration: number }[];
    };
    const longest = (from: number) =>
      Math.max(0, ...s.longTasks.filter((t) => t.start + t.duration > from).map((t) => t.duration));
    return {
      firstRowsMs: s.firstRowsAt ?? NaN,
      doneMs: s.doneAt,
      longestTaskMs: longest(s.startAt),
      longestTaskLoadMs: longest(0),
      status: s.text,
    };
  } finally {
    if (page.errors.length) log(`  page errors: ${page.errors.slice(0, 3).join(' | ')}`);
    await page.close();
  }
}

/** The volume chart's bars once all are counted and painted (volume-chart.tsx: aria-busy false). */
interface ChartLoad {
  firstRowsMs: number;
  drawnMs: number;
  /** The figure: the chart drawn, ms after the first rows. */
  afterFirstRowsMs: number;
  /** `GET /sessions` started from the first rows until the chart was drawn (the chart's, mostly). */
  requestsAfterFirstRows: number;
}

/** The zone of the chart's second figure: most users are not in UTC, where day bars cost most. */
export const CHART_ZONE = 'America/Los_Angeles';

async function loadChart(ctx: LoadCtx, url: string, timezoneId = 'UTC'): Promise<ChartLoad> {
  const { context, page, errors } = await openTarget(ctx, 'app', { timezoneId });
  try {
    await page.addInitScript(() => performance.setResourceTimingBufferSize(10_000));
    // Runs in the page: the first frame where every bar is counted, and the task after its paint.
    await page.addInitScript(() => {
      const w = window as unknown as { __chart: { drawnAt?: number } };
      w.__chart = {};
      const tick = () => {
        const bars = document.querySelector('.volume-bars');
        if (bars?.getAttribute('aria-busy') === 'false' && bars.querySelector('.volume-bar')) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (w.__chart.drawnAt = performance.now());
          channel.port2.postMessage(null);
          return;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(url);
    const handle = await page.waitForFunction(
      () => {
        const w = window as unknown as { __chart: { drawnAt?: number } } & BenchWindow;
        const { drawnAt } = w.__chart;
        const { firstRowsAt } = w.__bench;
        return drawnAt !== undefined && firstRowsAt !== undefined && { drawnAt, firstRowsAt };
      },
      null,
      { timeout: 120_000, polling: 100 },
    );
    const { drawnAt, firstRowsAt } = (await handle.jsonValue()) as { drawnAt: number; firstRowsAt: number };
    const requests = await apiRequests(page);
    return {
      firstRowsMs: firstRowsAt,
      drawnMs: drawnAt,
      afterFirstRowsMs: drawnAt - firstRowsAt,
      requestsAfterFirstRows: requests.filter((r) => r.start >= firstRowsAt && r.start <= drawnAt).length,
    };
  } finally {
    if (errors.length) ctx.log(`  page errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  }
}

/**
 * A jump to the middle of the result while the chart counts, and another once it is drawn: from
 * setting scrollTop until the rows in view are painted with their data (ms).
 */
interface JumpLoad {
  whileCountingMs: number;
  /** The chart was still counting when the jump began. */
  counting: boolean;
  afterChartMs: number;
}

async function jumpTo(page: Page, fraction: number): Promise<number> {
  return page.evaluate(async (f) => {
    const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
    // aria-rowindex counts the header row as 1: data row i is i + 2.
    const target = Math.round((Number(grid.getAttribute('aria-rowcount')) - 1) * f) + 2;
    const start = performance.now();
    grid.scrollTop = (grid.scrollHeight - grid.clientHeight) * f;
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      // The rows drawn near the target, none of them waiting for its page.
      const near = [...grid.querySelectorAll('[role="row"][aria-rowindex]')].filter(
        (r) => Math.abs(Number(r.getAttribute('aria-rowindex')) - target) < 200,
      );
      if (near.length > 5 && near.every((r) => !r.classList.contains('is-placeholder'))) {
        // Painted: the task after this frame's paint.
        return new Promise<number>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - start);
          channel.port2.postMessage(null);
        });
      }
      if (performance.now() - start > 60_000) return NaN;
    }
  }, fraction);
}

async function loadJump(ctx: LoadCtx, url: string, timezoneId: string): Promise<JumpLoad> {
  const { context, page, errors } = await openTarget(ctx, 'app', { timezoneId });
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => document.querySelector('[role="grid"]')?.getAttribute('aria-busy') === 'false',
      null,
      { timeout: 120_000, polling: 50 },
    );
    const counting = await page.evaluate(
      () => document.querySelector('.volume-bars')?.getAttribute('aria-busy') !== 'false',
    );
    const whileCountingMs = await jumpTo(page, 0.6);
    await page.waitForFunction(
      () => document.querySelector('.volume-bars')?.getAttribute('aria-busy') === 'false',
      null,
      { timeout: 120_000, polling: 100 },
    );
    const afterChartMs = await jumpTo(page, 0.3);
    return { whileCountingMs, counting, afterChartMs };
  } finally {
    if (errors.length) ctx.log(`  page errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  }
}

type LinkCase = 'window' | 'day' | 'range30' | 'range30Live';

export interface LatencyFigures {
  latencyMs: number;
  /** The minute window measured and how many sessions it holds. */
  windowLink: string;
  windowRows: number;
  links: Record<LinkCase, { url: string; loads: LinkLoad[]; firstRowsMs: number; rounds: number }>;
  scan: { url: string; loads: ScanLoad[]; doneMs: number; longestTaskMs: number };
  /** The 30-day chart at `sessions` sandbox sessions: drawn, ms after the first rows (median). */
  chart: { url: string; sessions: number; loads: ChartLoad[]; afterFirstRowsMs: number };
  /** The same chart in CHART_ZONE, and jumps in the table while it counts there. */
  zoneChart: { zone: string; loads: ChartLoad[]; afterFirstRowsMs: number; jumps: JumpLoad[] };
  roundTripMs: number;
}

export interface Verdict {
  requirement: string;
  latencyMs: number;
  pass: boolean;
  detail: string;
}

export interface WindowBenchResult {
  machine: Machine;
  options: Omit<WindowBenchOptions, 'log'>;
  latencies: LatencyFigures[];
  verdicts: Verdict[];
  markdown: string;
}

/** Sessions of the live day `day` (YYYY-MM-DD) created in `[startMs, endMs)`, asked of the API. */
async function sessionsIn(base: string, day: string, startMs: number, endMs: number): Promise<number> {
  const res = await fetch(
    `${base}/api/sessions?startDate=${day}&endDate=${day}&sortField=dateCreated&sortOrder=Descend&page=0&countPerPage=1000`,
  );
  const body = (await res.json()) as { items?: { dateCreated?: string }[] };
  return (body.items ?? []).filter((s) => {
    const ms = Date.parse(s.dateCreated ?? '');
    return ms >= startMs && ms < endMs;
  }).length;
}

/**
 * The minute link: `day`T14:15 to 14:16 (UTC, the browser's zone here), or the next minute of that
 * afternoon that holds a session, so the window has rows to show.
 */
async function minuteWindow(base: string, day: string) {
  for (let minute = 14 * 60 + 15; minute < 24 * 60; minute++) {
    const startMs = Date.parse(`${day}T00:00Z`) + minute * 60_000;
    const rows = await sessionsIn(base, day, startMs, startMs + 60_000);
    if (rows > 0) {
      const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
      return { start: `${day}T${hhmm(startMs)}`, end: `${day}T${hhmm(startMs + 60_000)}`, rows };
    }
  }
  throw new Error(`no session on ${day} after 14:15`);
}

async function measureLatency(
  browser: Browser,
  cdpBrowser: CdpBrowser,
  opts: WindowBenchOptions,
  appDist: string,
  latencyMs: number,
  log: (line: string) => void,
): Promise<LatencyFigures> {
  const env = { SANDBOX_LATENCY_MS: String(latencyMs) };
  let server = await startServer(opts, appDist, undefined, env);
  try {
    const base = `http://127.0.0.1:${opts.port}`;
    // Three days back: a whole UTC day in the live store, away from today's edge.
    const day = new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10);
    const minute = await minuteWindow(base, day);
    const urls: Record<LinkCase, string> = {
      window: `${base}/?start=${minute.start}&end=${minute.end}`,
      day: `${base}/?start=${day}&end=${day}`,
      range30: `${base}/?range=30d`,
      range30Live: `${base}/?range=30d&archive=0`,
    };
    // A small sandbox can hold fewer than 10 sessions on that day (1,100 sessions: about 9 a day).
    const dayStartMs = Date.parse(`${day}T00:00Z`);
    const dayRows = await sessionsIn(base, day, dayStartMs, dayStartMs + DAY);
    const firstRows: Record<LinkCase, number> = {
      window: Math.min(10, minute.rows),
      day: Math.min(10, dayRows),
      range30: 10,
      range30Live: 10,
    };
    const scanUrl = `${base}/?range=30d&sort=customerName`;
    const ctx: LoadCtx = { browser, urls: { app: base, agGrid: '', static: '' }, log };
    // The sandbox's database cache starts cold: one untimed load of each link first.
    for (const c of Object.keys(urls) as LinkCase[]) await loadLink(ctx, urls[c], firstRows[c]);
    const loads: Record<LinkCase, LinkLoad[]> = { window: [], day: [], range30: [], range30Live: [] };
    for (let i = 0; i < opts.loads; i++) {
      // Each pair alternates which goes first.
      const order: LinkCase[] =
        i % 2 === 0
          ? ['window', 'day', 'range30', 'range30Live']
          : ['day', 'window', 'range30Live', 'range30'];
      for (const c of order) loads[c].push(await loadLink(ctx, urls[c], firstRows[c]));
      log(
        `latency ${latencyMs} ms, load ${i + 1}/${opts.loads}: ` +
          order
            .map((c) => {
              const l = loads[c][loads[c].length - 1]!;
              return `${c} ${fmt(l.firstRowsMs)} ms ${l.rounds} rounds`;
            })
            .join(', '),
      );
    }
    const scans: ScanLoad[] = [];
    for (let i = 0; i < opts.scanLoads; i++) {
      const s = await loadScan(cdpBrowser, scanUrl, log);
      scans.push(s);
      log(
        `latency ${latencyMs} ms, scan ${i + 1}/${opts.scanLoads}: done ${fmt(s.doneMs)} ms, longest task ` +
          `${fmt(s.longestTaskMs)} ms (whole load ${fmt(s.longestTaskLoadMs)}), "${s.status}"`,
      );
    }
    // The chart at its own sandbox size (the same sandbox when the sizes agree).
    if (opts.chartSessions !== opts.sessions) {
      await stopServer(server);
      log(`Sandbox of ${opts.chartSessions} sessions for the chart at SANDBOX_LATENCY_MS=${latencyMs}...`);
      server = await startServer({ ...opts, sessions: opts.chartSessions }, appDist, undefined, env);
    }
    const chartUrl = `${base}/?range=30d`;
    await loadChart(ctx, chartUrl);
    const charts: ChartLoad[] = [];
    for (let i = 0; i < opts.loads; i++) {
      const c = await loadChart(ctx, chartUrl);
      charts.push(c);
      log(
        `latency ${latencyMs} ms, chart ${i + 1}/${opts.loads}: first rows ${fmt(c.firstRowsMs)} ms, chart ` +
          `drawn ${fmt(c.afterFirstRowsMs)} ms after them, ${c.requestsAfterFirstRows} requests meanwhile`,
      );
    }
    const zoneCharts: ChartLoad[] = [];
    const jumps: JumpLoad[] = [];
    for (let i = 0; i < opts.loads; i++) {
      const c = await loadChart(ctx, chartUrl, CHART_ZONE);
      zoneCharts.push(c);
      const j = await loadJump(ctx, chartUrl, CHART_ZONE);
      jumps.push(j);
      log(
        `latency ${latencyMs} ms, chart in ${CHART_ZONE} ${i + 1}/${opts.loads}: drawn ${fmt(c.afterFirstRowsMs)} ms ` +
          `after the first rows, ${c.requestsAfterFirstRows} requests; a jump ${fmt(j.whileCountingMs)} ms while ` +
          `it counts${j.counting ? '' : ' (it had finished)'}, ${fmt(j.afterChartMs)} ms once drawn`,
      );
    }
    const links = {} as LatencyFigures['links'];
    for (const c of Object.keys(urls) as LinkCase[]) {
      links[c] = {
        url: urls[c].slice(base.length),
        loads: loads[c],
        firstRowsMs: median(loads[c].map((l) => l.firstRowsMs)),
        rounds: median(loads[c].map((l) => l.rounds)),
      };
    }
    return {
      latencyMs,
      windowLink: urls.window.slice(base.length),
      windowRows: minute.rows,
      links,
      scan: {
        url: scanUrl.slice(base.length),
        loads: scans,
        doneMs: median(scans.map((s) => s.doneMs)),
        longestTaskMs: Math.max(...scans.map((s) => s.longestTaskMs)),
      },
      chart: {
        url: chartUrl.slice(base.length),
        sessions: opts.chartSessions,
        loads: charts,
        afterFirstRowsMs: median(charts.map((c) => c.afterFirstRowsMs)),
      },
      zoneChart: {
        zone: CHART_ZONE,
        loads: zoneCharts,
        afterFirstRowsMs: median(zoneCharts.map((c) => c.afterFirstRowsMs)),
        jumps,
      },
      roundTripMs: median(Object.values(loads).flatMap((ls) => ls.map((l) => l.roundTripMs))),
    };
  } finally {
    await stopServer(server);
  }
}

/** The chart's budget: drawn within 1 s of the first rows (issue 16). */
export const CHART_BUDGET_MS = 1000;

/**
 * Round trips more than the baseline, counted (`rounds`) and in time: at a latency of its own, the
 * extra time must also fit in that many round trips (plus a frame, as times are read at frames).
 */
function roundTripVerdict(
  requirement: string,
  f: LatencyFigures,
  subject: LinkCase,
  baseline: LinkCase,
  allowed: number,
): Verdict {
  const s = f.links[subject];
  const b = f.links[baseline];
  const extraRounds = s.rounds - b.rounds;
  const extraMs = s.firstRowsMs - b.firstRowsMs;
  const allowedMs = allowed * f.roundTripMs + FRAME_MS;
  const timeChecked = f.latencyMs > 0;
  const pass = extraRounds <= allowed && (!timeChecked || extraMs <= allowedMs);
  return {
    requirement,
    latencyMs: f.latencyMs,
    pass,
    detail:
      `${s.rounds} vs ${b.rounds} sequential rounds (+${extraRounds}, allowed +${allowed}); first rows ` +
      `${fmt(s.firstRowsMs)} vs ${fmt(b.firstRowsMs)} ms (${extraMs >= 0 ? '+' : ''}${fmt(extraMs)} ms` +
      (timeChecked
        ? `, allowed ${fmt(allowedMs)} ms at a ${fmt(f.roundTripMs)} ms round trip)`
        : '; at 0 ms latency only the rounds are checked)'),
  };
}

export function verdicts(figures: LatencyFigures[]): Verdict[] {
  const out: Verdict[] = [];
  for (const f of figures) {
    out.push(
      roundTripVerdict(
        '1. Minute window: first rows within 2 round trips of the same day',
        f,
        'window',
        'day',
        2,
      ),
    );
    out.push(
      roundTripVerdict(
        '2. 30 days, live and archive: within 1 round trip of live only',
        f,
        'range30',
        'range30Live',
        1,
      ),
    );
    const scan = f.scan;
    out.push({
      requirement: '3. Whole result in another order: under 5 s, no task over 50 ms',
      latencyMs: f.latencyMs,
      pass: scan.doneMs < 5000 && scan.longestTaskMs <= LONG_TASK_MS,
      detail:
        `done at ${fmt(scan.doneMs)} ms (median; limit 5000), longest task ${fmt(scan.longestTaskMs)} ms ` +
        `(worst load; limit ${LONG_TASK_MS}); ${scan.loads[0]?.status ?? '-'}`,
    });
    const chart = f.chart;
    out.push({
      requirement: `4. 30-day volume chart at ${chart.sessions.toLocaleString('en-US')} sessions: drawn within 1 s of the first rows`,
      latencyMs: f.latencyMs,
      pass: chart.afterFirstRowsMs <= CHART_BUDGET_MS,
      detail:
        `30-day chart drawn ${fmt(chart.afterFirstRowsMs)} ms after first rows (median; limit ${CHART_BUDGET_MS}), ` +
        `${fmt(median(chart.loads.map((l) => l.requestsAfterFirstRows)))} requests meanwhile`,
    });
    const zone = f.zoneChart;
    out.push({
      requirement: `4. The same chart in ${zone.zone}: drawn within 1 s of the first rows`,
      latencyMs: f.latencyMs,
      pass: zone.afterFirstRowsMs <= CHART_BUDGET_MS,
      detail:
        `drawn ${fmt(zone.afterFirstRowsMs)} ms after first rows (median; limit ${CHART_BUDGET_MS}), ` +
        `${fmt(median(zone.loads.map((l) => l.requestsAfterFirstRows)))} requests meanwhile`,
    });
  }
  return out;
}

function markdown(r: Omit<WindowBenchResult, 'markdown'>): string {
  const m = r.machine;
  const lines = [
    '# Time-window benchmark (issue 15, Speed; the volume chart of issue 16)',
    '',
    `Run ${m.date} on ${m.cpu}, ${m.cores} cores, ${m.chromium} (headless), load average (1/5/15 min) ` +
      `${loadText(m.loadAverage)} at start, ${loadText(m.loadAverageEnd)} at the end.`,
    `Sandbox: ${r.options.sessions.toLocaleString('en-US')} sessions; ${r.options.loads} cold loads per link ` +
      `and latency (medians), ${r.options.scanLoads} of the scan; browser zone UTC.`,
    '',
    '## Verdicts',
    '',
  ];
  for (const v of r.verdicts)
    lines.push(`- ${v.pass ? 'PASS' : 'MISS'} ${v.requirement}, latency ${v.latencyMs} ms: ${v.detail}`);
  for (const f of r.latencies) {
    lines.push(
      '',
      `## SANDBOX_LATENCY_MS=${f.latencyMs} (median round trip ${fmt(f.roundTripMs)} ms)`,
      '',
      '| link | first rows (ms) | ready (ms) | sequential rounds | longest chain (one load) | requests |',
      '| --- | ---: | ---: | ---: | --- | ---: |',
    );
    for (const l of Object.values(f.links)) {
      const first = l.loads[0];
      lines.push(
        `| \`${l.url}\` | ${fmt(l.firstRowsMs)} | ${fmt(median(l.loads.map((x) => x.readyMs)))} | ${fmt(l.rounds)} | ` +
          `${first?.chain.join(' → ') ?? '-'} | ${fmt(median(l.loads.map((x) => x.requests)))} |`,
      );
    }
    lines.push(
      '',
      `The minute window holds ${f.windowRows} session(s): its first rows are those (up to 10).`,
      '',
      `Scan \`${f.scan.url}\`: ` +
        f.scan.loads
          .map(
            (s) =>
              `done ${fmt(s.doneMs)} ms, first rows ${fmt(s.firstRowsMs)} ms, longest task ${fmt(s.longestTaskMs)} ms ` +
              `(whole load ${fmt(s.longestTaskLoadMs)} ms)`,
          )
          .join('; ') +
        '.',
      '',
      `30-day chart drawn, ms after first rows (\`${f.chart.url}\`, ${f.chart.sessions.toLocaleString('en-US')} ` +
        `sessions): ${fmt(f.chart.afterFirstRowsMs)} (median); ` +
        f.chart.loads
          .map(
            (c) =>
              `first rows ${fmt(c.firstRowsMs)} ms, chart +${fmt(c.afterFirstRowsMs)} ms, ` +
              `${c.requestsAfterFirstRows} requests`,
          )
          .join('; ') +
        '.',
      '',
      `The same chart in ${f.zoneChart.zone}: ${fmt(f.zoneChart.afterFirstRowsMs)} ms after first rows (median); ` +
        f.zoneChart.loads
          .map((c) => `chart +${fmt(c.afterFirstRowsMs)} ms, ${c.requestsAfterFirstRows} requests`)
          .join('; ') +
        '. A jump to 60% of the table while it counts, then to 30% once it is drawn (ms to the rows painted): ' +
        f.zoneChart.jumps
          .map(
            (j) =>
              `${fmt(j.whileCountingMs)}${j.counting ? '' : ' (had finished)'} then ${fmt(j.afterChartMs)}`,
          )
          .join('; ') +
        '.',
    );
  }
  lines.push(
    '',
    '## How it is measured',
    '',
    '- First rows: navigation start until the first 10 data rows (or all of a smaller window) are painted ' +
      '(page-instrumentation.ts); ready as in the main benchmark (ready.ts).',
    "- The day link is trimmed too: the app asks every window's covering UTC days plus one on each side and " +
      'searches both edges, so the minute window is compared with a day that already pays for an edge search.',
    "- Sequential rounds: from the page's resource timing of `GET /sessions`, the longest chain of requests " +
      'each started after the previous one ended, among those ended before the first rows were painted. ' +
      'Kinds: count (page 0, 10 rows, counted), probe (10 rows, simplifiedPaging), page (100 rows). The ' +
      "volume chart's probes and counts are the same kinds (it shares the table's probe pages) and start only " +
      'once the first rows are in, so they never end before them; its read of a small result (500 rows) is ' +
      'left out of the chain. All are counted in requests.',
    '- A round trip: the median duration of the `GET /sessions` requests at that latency. At 100 ms the ' +
      'extra time must fit in the allowed round trips plus one frame; at 0 ms only the rounds are checked.',
    '- Scan: until the scan line reads "Scanned N of N sessions · K in your window" (painted); the longest ' +
      'main-thread task (PerformanceObserver "longtask") from the scan line first showing until then. ' +
      "Its loads run in a Chromium driven over its DevTools pipe with no Network domain (bench/cdp-browser.ts), as a user's browser runs.",
    `- Chart: \`/?range=30d\` on a sandbox of its own size (${r.options.chartSessions.toLocaleString('en-US')} ` +
      'sessions), one untimed load first; from the first rows painted until the first frame where every bar ' +
      "is counted (the bars' aria-busy false), read after that frame's paint. Requests: those started between.",
    `- The chart in ${CHART_ZONE} (the browser's zone): the same, where its day edges fall inside UTC days and ` +
      'are searched. Jumps: after the grid has laid the result out (aria-busy false), scrollTop to 60% while ' +
      'the chart counts, then to 30% once it is drawn; until a frame where every row in view has its data, ' +
      "read after that frame's paint. The chart asks at low fetch priority, so the table's pages go first.",
  );
  return lines.join('\n') + '\n';
}

export async function runWindowBench(opts: WindowBenchOptions): Promise<WindowBenchResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const loadAtStart = os.loadavg();
  const appDist = appToServe(opts, 'window-app-dist', log);
  const browser = await chromium.launch(chromiumLaunchOptions);
  const cdpBrowser = CdpBrowser.launch();
  try {
    const latencies: LatencyFigures[] = [];
    for (const latencyMs of opts.latencies) {
      log(`Sandbox of ${opts.sessions} sessions at SANDBOX_LATENCY_MS=${latencyMs} on port ${opts.port}...`);
      latencies.push(await measureLatency(browser, cdpBrowser, opts, appDist, latencyMs, log));
    }
    const partial: Omit<WindowBenchResult, 'markdown'> = {
      machine: machine(browser, loadAtStart),
      options: { ...opts, log: undefined } as Omit<WindowBenchOptions, 'log'>,
      latencies,
      verdicts: verdicts(latencies),
    };
    const result: WindowBenchResult = { ...partial, markdown: markdown(partial) };
    writeResult(opts.outDir, 'time-windows', result);
    return result;
  } finally {
    await Promise.all([browser.close(), cdpBrowser.close()]);
  }
}

const USAGE = `npm run bench:windows -- [options]
  --sessions N     sandbox size (72000: range=30d over both stores holds a little under 20,000)
  --loads N        cold loads per link and latency (3)
  --scan-loads N   cold loads of the scan per latency (2)
  --chart-sessions N  sandbox size for the volume chart (150000)
  --latencies A,B  SANDBOX_LATENCY_MS values (0,100)
  --out DIR        where time-windows.md and .json go (bench/results)
  --port N         the server's port (4330)
  --app-dist DIR   serve this build instead of building a private copy of src/
  --build-dir DIR  where the private build goes (bench/results/tmp)`;

export function parseOptions(argv: string[]): WindowBenchOptions {
  const flags = readFlags(argv, [
    'sessions',
    'loads',
    'scan-loads',
    'chart-sessions',
    'latencies',
    'out',
    'port',
    'app-dist',
    'build-dir',
  ]);
  const num = (name: string, fallback: number) => numberFlag(flags, name, fallback, { integer: true });
  const latencies = (flags.latencies ?? '0,100').split(',').map(Number);
  if (latencies.some((l) => !Number.isInteger(l) || l < 0)) throw new Error('--latencies: integers >= 0');
  return {
    sessions: num('sessions', 72_000),
    loads: num('loads', 3),
    scanLoads: num('scan-loads', 2),
    chartSessions: num('chart-sessions', 150_000),
    latencies,
    port: num('port', 4330),
    outDir: path.resolve(flags.out ?? path.join(ROOT, 'bench', 'results')),
    appDist: flags['app-dist'],
    buildDir: flags['build-dir'],
  };
}

runIfMain(import.meta.url, USAGE, async (argv) => {
  const r = await runWindowBench(parseOptions(argv));
  console.log('\n' + r.markdown);
});
