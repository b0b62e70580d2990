// `npm run bench:export`: issue 17's speed requirement. The CSV export of a whole result (every
// session of the sandbox, live and archived as one result) through the real Export menu of the
// production build, in headless Chromium: wall time from the click on "CSV" until the downloaded
// file is complete, the rows in the file against the result's total, and the resident memory of
// the browser's whole process tree, read from /proc while the export runs (Blob parts live outside
// the JS heap, so the heap alone says little; its peak is shown beside). Options: USAGE below.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { chromiumLaunchOptions } from '../test/chromium';
import { numberFlag, readFlags, runIfMain } from './cli';
import {
  appToServe,
  loadText,
  machine,
  startServer,
  writeResult,
  type BuildOptions,
  type Machine,
} from './harness';
import { VIEWPORT } from './page-instrumentation';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DAY = 24 * 60 * 60 * 1000;
const SAMPLE_MS = 200;
export const BUDGET = { exportMs: 30_000, rssGrowthMb: 200 };

export interface ExportBenchOptions extends BuildOptions {
  sessions: number;
  port: number;
  /** Where export.md and export.json go. */
  outDir: string;
  /** How long the export may take before the run fails. */
  timeoutMs?: number;
  /** SANDBOX_IN_BOTH_STORES: sessions in transit, answered by both stores (the file must hold them once). */
  inBothStores?: number;
  /** SANDBOX_LATENCY_MS: each request answered this much later, as a distant server would. */
  latencyMs?: number;
  log?: (line: string) => void;
}

// ---------------------------------------------------------------------------------------------------
// Resident memory and CPU time of the browser (and the sandbox server), from /proc

function childPids(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return []; // Gone meanwhile.
  }
  return tasks.flatMap((tid) => {
    try {
      return fs
        .readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8')
        .split(' ')
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  });
}

const readProc = (pid: number, file: string) => {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
};

/** Every process under `root`. */
function descendants(root: number): number[] {
  if (!fs.existsSync(`/proc/${root}/task`)) throw new Error('the figures need Linux /proc');
  const out: number[] = [];
  const visit = (pid: number) => {
    out.push(pid);
    childPids(pid).forEach(visit);
  };
  childPids(root).forEach(visit);
  return out;
}

/**
 * The browsers this process launched, with every process under them (renderers, GPU, network
 * service): the benchmark's own Chromium, not another one on the machine, nor the sandbox server.
 */
export function browserTree(root = process.pid): number[] {
  return descendants(root).filter((pid) => readProc(pid, 'cmdline').includes('chromium'));
}

/** `browser` (the browser process, which holds Blob data) or Chromium's `--type` (renderer...). */
const chromiumKind = (pid: number) => /--type=([\w-]+)/.exec(readProc(pid, 'cmdline'))?.[1] ?? 'browser';

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/**
 * CPU seconds (user + system) used so far by this process (`harness`: Playwright's client, the
 * sampling) and each kind of process under it: Chromium's kinds, and `sandbox server` for the rest
 * (bench/serve.ts under tsx).
 */
export function cpuByKind(root = process.pid): Record<string, number> {
  const usage = process.cpuUsage();
  const out: Record<string, number> = { harness: (usage.user + usage.system) / 1e6 };
  for (const pid of descendants(root)) {
    const stat = readProc(pid, 'stat');
    // The command name is in parentheses and may hold spaces: fields are counted after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const kind = readProc(pid, 'cmdline').includes('chromium') ? chromiumKind(pid) : 'sandbox server';
    out[kind] = (out[kind] ?? 0) + (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  }
  return out;
}

/**
 * VmRSS (MB) of the processes by kind: `browser` (the browser process, which holds Blob data) and
 * each `--type` (renderer, gpu-process, utility...). Shared pages count once per process: compare
 * growth only.
 */
export function rssByKind(pids: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pid of pids) {
    const kind = chromiumKind(pid);
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readProc(pid, 'status'))?.[1] ?? 0);
    out[kind] = (out[kind] ?? 0) + kb / 1024;
  }
  return out;
}

const sum = (byKind: Record<string, number>) => Object.values(byKind).reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------------
// One export

export interface ExportFigures {
  /** The result's total, as the page shows it before the export. */
  resultTotal: number;
  /** Data rows in the downloaded CSV (parsed: cells may hold line breaks). */
  fileRows: number;
  /** Distinct session ids among them. */
  fileIds: number;
  /** "Exported N sessions to ..." */
  exportedShown: number;
  fileName: string;
  fileMb: number;
  /** From the count shown until the network is idle: the first screen's own requests. */
  settleMs: number;
  /** API requests the page made before the export (the table, the chart, the counts). */
  requestsBefore: number;
  /** Click on "CSV" until the download begins (the walk through the result is done). */
  toDownloadMs: number;
  /** Click on "CSV" until the downloaded file is complete: the headline time. */
  exportMs: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  rssGrowthMb: number;
  /** Each kind's own peak minus its reading before (peaks of different moments: they overlap). */
  rssGrowthByKindMb: Record<string, number>;
  rssSamples: number;
  /**
   * The page's JS heap (CDP JSHeapUsedSize, JSHeapTotalSize) before the click and its peak until the
   * file is complete: how much of the renderer's growth is the JS heap (garbage included).
   */
  jsHeapBeforeMb: number;
  jsHeapPeakMb: number;
  jsHeapTotalPeakMb: number;
  /** CPU seconds each kind of process used from the click until the file was complete. */
  cpuSecondsByKind: Record<string, number>;
  /** The walk's page requests (1,000 sessions each) and their times, request to last byte. */
  pageRequests: number;
  pageMsMedian: number;
  pageMsSum: number;
}

/** The data rows of a CSV file and their distinct values in the column `idHeader`. */
function countCsv(file: string, idHeader: string): { rows: number; ids: number } {
  const text = fs.readFileSync(file, 'utf8');
  if (!text.startsWith('\uFEFF')) throw new Error(`${file} does not start with a BOM`);
  let header: string[] | undefined;
  let idColumn = -1;
  let rows = 0;
  const ids = new Set<string>();
  const errors: string[] = [];
  Papa.parse<string[]>(text.slice(1).replace(/\r\n$/, ''), {
    delimiter: ',',
    newline: '\r\n',
    step: (row) => {
      if (row.errors.length) errors.push(...row.errors.map((e) => e.message));
      if (!header) {
        header = row.data;
        idColumn = header.indexOf(idHeader);
        return;
      }
      rows++;
      ids.add(row.data[idColumn] ?? '');
    },
  });
  if (errors.length) throw new Error(`${file}: ${errors.slice(0, 3).join('; ')}`);
  if (idColumn < 0) throw new Error(`${file}: no "${idHeader}" column in ${header?.join(',') ?? ''}`);
  return { rows, ids: ids.size };
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length === 0 ? NaN : v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

const countIn = (text: string | null) => Number((text ?? '').replace(/,/g, '').match(/\d+/)?.[0] ?? NaN);

// ---------------------------------------------------------------------------------------------------
// A Chromium of the run's own, driven through its DevTools pipe

/**
 * Playwright enables the DevTools Network domain in every page it drives, and with it the renderer
 * keeps the bodies of the page's responses for DevTools to show (Chromium keeps up to 200 MB of
 * them): the export's own pages, about 3 MB of JSON each, would fill that store, memory that no
 * user's browser holds. So the export runs in a Chromium driven with the Page, Runtime, Emulation
 * and Performance domains only, launched with the switches of the other benchmarks' browsers.
 */
export interface DevTools {
  send(method: string, params?: object, sessionId?: string): Promise<Record<string, unknown>>;
  /** Calls `listener` with the params of each event `method`; returns its removal. */
  on(method: string, listener: (params: Record<string, unknown>) => void): () => void;
  /** "150.0.7871.100", as Playwright's `Browser.version()` */
  version(): string;
  close(): Promise<void>;
}

/** Switches Playwright launches Chromium with that bear on a page's work and memory. */
const PLAYWRIGHT_SWITCHES = [
  '--headless',
  '--no-startup-window',
  '--disable-field-trial-config',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-back-forward-cache',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-breakpad',
  '--no-default-browser-check',
  '--password-store=basic',
  '--use-mock-keychain',
];

export async function launchChromium(): Promise<DevTools> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'export-bench-profile-'));
  const child = spawn(
    chromiumLaunchOptions.executablePath,
    [
      ...chromiumLaunchOptions.args,
      ...PLAYWRIGHT_SWITCHES,
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
    ],
    // fd 3: the browser reads commands; fd 4: it writes answers and events, each ended by a NUL.
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
  const toBrowser = child.stdio[3] as NodeJS.WritableStream;
  const fromBrowser = child.stdio[4] as NodeJS.ReadableStream;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void; method: string }
  >();
  const listeners = new Map<string, Set<(params: Record<string, unknown>) => void>>();
  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    const messages = (buffered + chunk.toString()).split('\0');
    buffered = messages.pop() ?? '';
    for (const text of messages) {
      const m = JSON.parse(text) as {
        id?: number;
        method?: string;
        params?: Record<string, unknown>;
        result?: Record<string, unknown>;
        error?: { message: string };
      };
      const call = m.id === undefined ? undefined : pending.get(m.id);
      if (call) {
        pending.delete(m.id!);
        if (m.error) call.reject(new Error(`${call.method}: ${m.error.message}`));
        else call.resolve(m.result ?? {});
      } else if (m.method) listeners.get(m.method)?.forEach((l) => l(m.params ?? {}));
    }
  });
  child.once('exit', () => {
    for (const call of pending.values())
      call.reject(new Error(`Chromium exited during ${call.method}: ${stderr}`));
    pending.clear();
  });
  const send: DevTools['send'] = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      if (child.exitCode !== null) return reject(new Error(`Chromium has exited: ${stderr}`));
      const id = nextId++;
      pending.set(id, { resolve, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  const close = async () => {
    await Promise.race([send('Browser.close').catch(() => {}), exited]);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    fs.rmSync(profile, { recursive: true, force: true });
  };
  try {
    const { product } = (await send('Browser.getVersion')) as { product: string };
    return {
      send,
      on: (method, listener) => {
        const set = listeners.get(method) ?? new Set();
        listeners.set(method, set.add(listener));
        return () => set.delete(listener);
      },
      version: () => product.split('/')[1] ?? product,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens `url`, exports its result as CSV through the Export menu and reads the file. The download
 * path (a Blob of one part per page) is taken, as in every browser without the File System Access
 * picker: headless Chromium has the picker but no one to answer it, so the page is kept from it.
 */
export async function measureExport(
  devtools: DevTools,
  url: string,
  timeoutMs: number,
): Promise<ExportFigures> {
  const { browserContextId } = (await devtools.send('Target.createBrowserContext', {
    disposeOnDetach: true,
  })) as { browserContextId: string };
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'export-bench-download-'));
  const stops: (() => void)[] = [];
  let sampler: ReturnType<typeof setInterval> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let exporting = false;
  try {
    await devtools.send('Browser.setDownloadBehavior', {
      behavior: 'allowAndName',
      browserContextId,
      downloadPath: downloads,
      eventsEnabled: true,
    });
    const { targetId } = (await devtools.send('Target.createTarget', {
      url: 'about:blank',
      browserContextId,
    })) as {
      targetId: string;
    };
    const { sessionId } = (await devtools.send('Target.attachToTarget', { targetId, flatten: true })) as {
      sessionId: string;
    };
    const send = (method: string, params?: object) => devtools.send(method, params, sessionId);
    const pageErrors: string[] = [];
    stops.push(
      devtools.on('Runtime.exceptionThrown', (p) => {
        const details = p.exceptionDetails as { text: string; exception?: { description?: string } };
        pageErrors.push(details.exception?.description ?? details.text);
      }),
    );
    await Promise.all([
      send('Page.enable'),
      send('Runtime.enable'),
      send('Performance.enable'),
      send('Emulation.setDeviceMetricsOverride', { ...VIEWPORT, deviceScaleFactor: 1, mobile: false }),
      send('Emulation.setTimezoneOverride', { timezoneId: 'UTC' }),
      send('Emulation.setLocaleOverride', { locale: 'en-US' }),
      send('Page.addScriptToEvaluateOnNewDocument', {
        source:
          "Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });" +
          // Every request's timing is kept: the first screen's and the export's are counted from them.
          'performance.setResourceTimingBufferSize(100000);',
      }),
    ]);
    const evaluate = async <T>(expression: string): Promise<T> => {
      const answer = (await send('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
        userGesture: true,
      })) as { result: { value: T }; exceptionDetails?: { text: string } };
      if (answer.exceptionDetails) throw new Error(`${expression}: ${answer.exceptionDetails.text}`);
      return answer.result.value;
    };
    /** Polls `expression` until it is truthy (errors meanwhile, as a navigation's, count as not yet). */
    const waitFor = async <T>(expression: string, what: string, timeout = timeoutMs): Promise<T> => {
      const until = performance.now() + timeout;
      for (;;) {
        const value = await evaluate<T>(expression).catch(() => undefined);
        if (value) return value;
        if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
        await sleep(100);
      }
    };

    await send('Page.navigate', { url });
    // Otherwise the export would wait for an answer to a save dialog forever.
    await waitFor("document.readyState !== 'loading'", 'the page', 60_000);
    if ((await evaluate<string>('typeof window.showSaveFilePicker')) !== 'undefined')
      throw new Error('the page still has showSaveFilePicker');
    // While the archive's part is still being found the line reads "N+ sessions": wait for the whole.
    await waitFor(
      "/^[\\d,]+ sessions?(: [\\d,]+ live, [\\d,]+ archived)?$/.test(document.querySelector('.results-count')?.textContent ?? '') && document.querySelector('.results-count strong') !== null",
      'the result count',
      120_000,
    );
    // Let the first screen settle before the baseline: its requests (the volume chart's edge search
    // asks hundreds of small pages over a long window), fonts, a live view's first count. Settled:
    // no request has finished for 500 ms.
    const opened = performance.now();
    const resources = "performance.getEntriesByType('resource').length";
    for (let seen = -1, quietSince = 0; ; await sleep(100)) {
      const n = await evaluate<number>(resources);
      if (n !== seen) [seen, quietSince] = [n, performance.now()];
      else if (performance.now() - quietSince >= 500) break;
      if (performance.now() - opened > 180_000) throw new Error('the first screen did not settle in 180 s');
    }
    const settleMs = performance.now() - opened;
    const requestsBefore = await evaluate<number>(
      "performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/')).length",
    );
    await sleep(1000);
    // Read once settled: sessions in transit count twice for a moment, until the seam between the
    // stores is found.
    const resultTotal = countIn(
      await evaluate<string>("document.querySelector('.results-count strong').textContent"),
    );

    const jsHeap = async () => {
      const { metrics } = (await send('Performance.getMetrics')) as {
        metrics: { name: string; value: number }[];
      };
      const mb = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) / 1024 / 1024;
      return { used: mb('JSHeapUsedSize'), total: mb('JSHeapTotalSize') };
    };
    const heapBefore = await jsHeap();
    let jsHeapPeakMb = heapBefore.used;
    let jsHeapTotalPeakMb = heapBefore.total;
    const before = rssByKind(browserTree());
    const peakByKind = { ...before };
    let rssPeakMb = sum(before);
    let rssSamples = 0;
    const sample = () => {
      const now = rssByKind(browserTree());
      for (const [kind, mb] of Object.entries(now)) peakByKind[kind] = Math.max(peakByKind[kind] ?? 0, mb);
      rssPeakMb = Math.max(rssPeakMb, sum(now));
      rssSamples++;
      // Read from the page meanwhile (a sample the page is too busy to answer at once comes late).
      void jsHeap().then(
        (heap) => {
          jsHeapPeakMb = Math.max(jsHeapPeakMb, heap.used);
          jsHeapTotalPeakMb = Math.max(jsHeapTotalPeakMb, heap.total);
        },
        () => {},
      );
      return sum(now);
    };
    sampler = setInterval(sample, SAMPLE_MS);

    const button = (scope: string, test: string) =>
      `[...document.querySelectorAll(${JSON.stringify(`${scope} button`)})].find((b) => ${test})`;
    const exportButton = button('', "b.textContent.trim() === 'Export'");
    await waitFor(`${exportButton} !== undefined`, 'the Export button');
    await evaluate(`${exportButton}.click()`);
    const csv = button(
      '[role="group"][aria-label="Export format"]',
      "b.textContent.trim().startsWith('CSV')",
    );
    await waitFor(`${csv} !== undefined`, 'the CSV button');
    // An export that fails shows an alert and never downloads: fail the run at once rather than wait.
    exporting = true;
    const failed = (async () => {
      while (exporting) {
        const alert = await evaluate<string>(
          "[...document.querySelectorAll('[role=\"alert\"]')].map((e) => e.textContent).find((t) => t.startsWith('Export failed')) ?? ''",
        ).catch(() => '');
        if (alert) throw new Error(`${alert} ${pageErrors.join(' | ')}`);
        await sleep(200);
      }
    })();
    let begun: (guid: string) => void = () => {};
    const download = new Promise<string>((resolve) => (begun = resolve));
    let fileName = '';
    stops.push(
      devtools.on('Browser.downloadWillBegin', (p) => {
        fileName = String(p.suggestedFilename);
        begun(String(p.guid));
      }),
    );
    const complete = new Promise<void>((resolve, reject) =>
      stops.push(
        devtools.on('Browser.downloadProgress', (p) => {
          if (p.state === 'completed') resolve();
          if (p.state === 'canceled') reject(new Error('the download was cancelled'));
        }),
      ),
    );
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no file after ${timeoutMs} ms`)), timeoutMs);
    });
    const clickedAt = await evaluate<number>('performance.now()');
    const cpuBefore = cpuByKind();
    const started = performance.now();
    await evaluate(`${csv}.click()`);
    const guid = await Promise.race([download, failed, timeout]);
    const toDownloadMs = performance.now() - started;
    await Promise.race([complete, failed, timeout]);
    const exportMs = performance.now() - started;
    exporting = false;
    const cpuAfter = cpuByKind();
    clearInterval(sampler);
    const rssAfterMb = sample();
    const filePath = path.join(downloads, guid as string);

    const exportedShown = countIn(
      await waitFor<string>(
        '[...document.querySelectorAll(\'[role="status"]\')].map((e) => e.textContent).find((t) => /^Exported [\\d,]+ sessions? to /.test(t))',
        'the "Exported" message',
        10_000,
      ),
    );
    // The walk's page requests (1,000 sessions each), request to last byte.
    const pageMs = await evaluate<number[]>(
      `performance.getEntriesByType('resource').filter((e) => e.startTime >= ${clickedAt} && /\\/api\\/sessions\\?.*countPerPage=1000/.test(e.name)).map((e) => e.responseEnd - e.startTime)`,
    );
    const csvCount = countCsv(filePath, 'Session id');
    return {
      resultTotal,
      fileRows: csvCount.rows,
      fileIds: csvCount.ids,
      exportedShown,
      fileName,
      fileMb: fs.statSync(filePath).size / 1024 / 1024,
      settleMs,
      requestsBefore,
      toDownloadMs,
      exportMs,
      rssBeforeMb: sum(before),
      rssPeakMb,
      rssAfterMb,
      rssGrowthMb: rssPeakMb - sum(before),
      rssGrowthByKindMb: Object.fromEntries(
        Object.entries(peakByKind).map(([kind, mb]) => [kind, mb - (before[kind] ?? 0)]),
      ),
      rssSamples,
      jsHeapBeforeMb: heapBefore.used,
      jsHeapPeakMb,
      jsHeapTotalPeakMb,
      cpuSecondsByKind: Object.fromEntries(
        Object.entries(cpuAfter).map(([kind, sec]) => [kind, sec - (cpuBefore[kind] ?? 0)]),
      ),
      pageRequests: pageMs.length,
      pageMsMedian: median(pageMs),
      pageMsSum: pageMs.reduce((a, b) => a + b, 0),
    };
  } finally {
    clearInterval(sampler);
    clearTimeout(timer);
    exporting = false;
    stops.forEach((stop) => stop());
    await devtools.send('Target.disposeBrowserContext', { browserContextId }).catch(() => {});
    fs.rmSync(downloads, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// The run, its result files and its verdict

export interface ExportBenchResult {
  machine: Machine & { node: string };
  options: Omit<ExportBenchOptions, 'log'>;
  url: string;
  figures: ExportFigures;
  budgets: { name: string; pass: boolean; detail: string }[];
  verdict: string;
  markdown: string;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const count = (n: number) => n.toLocaleString('en-US');

function budgets(f: ExportFigures): ExportBenchResult['budgets'] {
  return [
    {
      name: 'Export under 30 s',
      pass: f.exportMs < BUDGET.exportMs,
      detail: `${fmt(f.exportMs / 1000)} s (walk ${fmt(f.toDownloadMs / 1000)} s, then the download)`,
    },
    {
      name: 'Browser resident memory grows less than 200 MB',
      pass: f.rssGrowthMb < BUDGET.rssGrowthMb,
      detail: `+${fmt(f.rssGrowthMb)} MB (${fmt(f.rssBeforeMb, 0)} -> peak ${fmt(f.rssPeakMb, 0)} MB)`,
    },
    {
      name: 'Every session of the result in the file, once',
      pass: f.fileRows === f.resultTotal && f.fileIds === f.resultTotal && f.exportedShown === f.resultTotal,
      detail: `${count(f.fileRows)} rows, ${count(f.fileIds)} distinct ids; result ${count(f.resultTotal)}, "Exported ${count(f.exportedShown)}"`,
    },
  ];
}

function markdown(r: Omit<ExportBenchResult, 'markdown'>): string {
  const m = r.machine;
  const f = r.figures;
  return [
    '# Export benchmark: a whole result to CSV in the browser',
    '',
    `Run ${m.date} on ${m.cpu}, ${m.cores} cores, ${m.chromium} (headless), Node ${m.node}; load ` +
      `average (1/5/15 min) at start ${loadText(m.loadAverage)}, at the end ` +
      `${loadText(m.loadAverageEnd)} (the benchmark itself adds about 2).`,
    `Sandbox: ${count(r.options.sessions)} sessions with the specimens, ` +
      (r.options.latencyMs ? `${count(r.options.latencyMs)} ms latency a request` : 'no latency') +
      (r.options.inBothStores
        ? `, ${count(r.options.inBothStores)} of them in transit (answered by both stores)`
        : '') +
      '; the view ' +
      `\`${new URL(r.url).search}\` (live and archived as one result), exported as CSV from the Export ` +
      'menu (download path, a Blob of one part per 1,000-session page).',
    '',
    `**${r.verdict}**`,
    '',
    '| figure | value |',
    '| --- | ---: |',
    `| Sessions in the result (shown) | ${count(f.resultTotal)} |`,
    `| Rows in the file | ${count(f.fileRows)} |`,
    `| Distinct session ids in the file | ${count(f.fileIds)} |`,
    `| "Exported N sessions" | ${count(f.exportedShown)} |`,
    `| File | ${f.fileName}, ${fmt(f.fileMb)} MB |`,
    `| Before the export: the first screen settling after its count (s), its API requests | ` +
      `${fmt(f.settleMs / 1000)}, ${count(f.requestsBefore)} |`,
    `| Click on CSV to the download starting (s) | ${fmt(f.toDownloadMs / 1000)} |`,
    `| Click on CSV to the file complete (s) | ${fmt(f.exportMs / 1000)} |`,
    `| Browser RSS before (MB) | ${fmt(f.rssBeforeMb)} |`,
    `| Browser RSS peak during the export (MB) | ${fmt(f.rssPeakMb)} |`,
    `| Browser RSS once the file is complete (MB) | ${fmt(f.rssAfterMb)} |`,
    `| Browser RSS growth, peak - before (MB) | ${fmt(f.rssGrowthMb)} |`,
    ...Object.entries(f.rssGrowthByKindMb).map(
      ([kind, mb]) => `| RSS growth of the ${kind} process(es), their own peak (MB) | ${fmt(mb)} |`,
    ),
    `| RSS samples (every ${SAMPLE_MS} ms) | ${f.rssSamples} |`,
    `| Page JS heap used before, peak (MB) | ${fmt(f.jsHeapBeforeMb)}, ${fmt(f.jsHeapPeakMb)} |`,
    `| Page JS heap allocated (used and free), peak (MB) | ${fmt(f.jsHeapTotalPeakMb)} |`,
    ...Object.entries(f.cpuSecondsByKind).map(
      ([kind, sec]) => `| CPU time of the ${kind} process(es) during the export (s) | ${fmt(sec)} |`,
    ),
    `| Page requests of the walk (1,000 sessions each) | ${f.pageRequests} |`,
    `| Page request, request to last byte, median (ms) | ${fmt(f.pageMsMedian, 0)} |`,
    `| Page requests, sum (s; two pages are asked ahead while one is written) | ${fmt(f.pageMsSum / 1000)} |`,
    '',
    '## Budgets',
    '',
    ...r.budgets.map((b) => `- ${b.pass ? 'PASS' : 'MISS'} ${b.name}: ${b.detail}`),
    '',
    '## How it is measured',
    '',
    '- The view is opened, its count read, and the page left to settle (network idle, then 1 s): the ' +
      "export does not compete with the first screen's requests.",
    '- Time: from the click on "CSV" in the Export menu until the browser reports the downloaded file complete.',
    "- The browser: Debian's Chromium with the switches Playwright launches it with, driven through its " +
      'DevTools pipe without the Network domain: with it (Playwright enables it in every page) the ' +
      "renderer keeps the page's response bodies for DevTools, up to 200 MB, which the export's pages " +
      "would fill and no user's browser holds.",
    "- Memory: the sum of VmRSS of Chromium's process tree (the browser the run launched and every " +
      `process under it, from /proc/PID/task/*/children), read before the click and every ${SAMPLE_MS} ms ` +
      'until the file is complete; growth is the peak minus the reading before. RSS counts shared pages ' +
      'once per process, so the absolute sums overstate; the growth is the figure.',
    "- JS heap: the page's JSHeapUsedSize and JSHeapTotalSize (CDP Performance.getMetrics), read at the " +
      "same times: the part of the renderer's growth that is the JS heap (garbage not yet collected " +
      'included); the rest is memory outside it.',
    '- CPU time: user + system time from /proc/PID/stat of every process under the benchmark (the ' +
      'sandbox server included) and of the benchmark itself, at the click and when the file is complete. ' +
      'On a busy machine the wall time waits for other work; the CPU time says what the export costs.',
    '- Rows: the file is parsed as CSV (cells may hold line breaks) and its rows and distinct ids ' +
      'compared with the total the page showed and with its "Exported N sessions" message.',
    '',
  ].join('\n');
}

export async function runExportBench(opts: ExportBenchOptions): Promise<ExportBenchResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const loadAtStart = os.loadavg();
  const appDist = appToServe(opts, 'export-app-dist', log);
  log(`Starting the sandbox with ${count(opts.sessions)} sessions on port ${opts.port}...`);
  const server = await startServer(opts, appDist, undefined, {
    ...(opts.inBothStores ? { SANDBOX_IN_BOTH_STORES: String(opts.inBothStores) } : {}),
    ...(opts.latencyMs ? { SANDBOX_LATENCY_MS: String(opts.latencyMs) } : {}),
  });
  const devtools = await launchChromium();
  try {
    // Every day the sandbox has (it spreads its sessions over the 120 days before the clock).
    const today = new Date();
    const start = new Date(today.getTime() - 125 * DAY).toISOString().slice(0, 10);
    const url = `http://127.0.0.1:${opts.port}/?start=${start}&end=${today.toISOString().slice(0, 10)}`;
    log(`Exporting ${url} as CSV...`);
    const figures = await measureExport(devtools, url, opts.timeoutMs ?? 600_000);
    const checks = budgets(figures);
    const verdict =
      `${checks.every((b) => b.pass) ? 'PASS' : 'MISS'}: ${count(figures.fileRows)} of ` +
      `${count(figures.resultTotal)} sessions exported to CSV in ${fmt(figures.exportMs / 1000)} s ` +
      `(budget < 30 s), browser RSS +${fmt(figures.rssGrowthMb, 0)} MB (budget < 200 MB)`;
    const partial: Omit<ExportBenchResult, 'markdown'> = {
      machine: { ...machine(devtools, loadAtStart), node: process.version },
      options: { ...opts, log: undefined } as Omit<ExportBenchOptions, 'log'>,
      url,
      figures,
      budgets: checks,
      verdict,
    };
    const result = { ...partial, markdown: markdown(partial) };
    writeResult(opts.outDir, 'export', result);
    log(verdict);
    return result;
  } finally {
    await devtools.close();
    server.kill('SIGTERM');
  }
}

const USAGE = `npm run bench:export -- [options]
  --sessions N   sandbox size, all of it one result (env BENCH_SESSIONS; default 100000)
  --port N       the app's port (4330)
  --out DIR      where export.md and export.json go (bench/results)
  --app-dist DIR serve this build instead of building a private copy of src/
  --build-dir DIR where the private app build goes (bench/results/tmp)
  --in-both-stores N  sessions in transit, answered by both stores (SANDBOX_IN_BOTH_STORES; 0)
  --latency-ms N  each request answered N ms later, as a distant server would (SANDBOX_LATENCY_MS; 0)
A check that it works (its figures mean nothing): npm run bench:export -- --sessions 2000`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): ExportBenchOptions {
  const flags = readFlags(argv, [
    'sessions',
    'port',
    'out',
    'app-dist',
    'build-dir',
    'in-both-stores',
    'latency-ms',
  ]);
  const num = (name: string, fallback: number) => numberFlag(flags, name, fallback, { integer: true });
  return {
    sessions: num('sessions', Number(env.BENCH_SESSIONS ?? 100_000)),
    port: num('port', 4330),
    outDir: path.resolve(flags.out ?? path.join(ROOT, 'bench', 'results')),
    appDist: flags['app-dist'],
    buildDir: flags['build-dir'],
    inBothStores: flags['in-both-stores'] === undefined ? undefined : num('in-both-stores', 0),
    latencyMs: flags['latency-ms'] === undefined ? undefined : num('latency-ms', 0),
  };
}

runIfMain(import.meta.url, USAGE, (argv) => runExportBench(parseOptions(argv)));
