// What the browser benchmarks share: the app build they serve and the server that serves it, the
// machine a run had, the result files, the scroll whose frames they time, and the small statistics
// their figures are made of. Each benchmark keeps its own measures, budgets and report wording.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { BenchPage } from './cdp-browser';
import type { BenchWindow } from './page-instrumentation';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Builds go under bench/results/tmp by default, which git and ESLint both ignore.
const DEFAULT_BUILD_DIR = path.join(ROOT, 'bench', 'results', 'tmp');

// ---------------------------------------------------------------------------------------------------
// Builds and the server

/** `vite build` of this repository with `args`; a failed build throws with its output. */
export function viteBuild(args: string[]) {
  const vite = path.join(ROOT, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', ...args], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`vite build ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export function buildApp(outDir: string) {
  viteBuild(['--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']);
}

export interface BuildOptions {
  /** A ready build to serve (e.g. dist/); default: src/ built privately (appToServe). */
  appDist?: string;
  /** Where private builds go; default bench/results/tmp. */
  buildDir?: string;
}

export const buildDirOf = (opts: BuildOptions) => path.resolve(opts.buildDir ?? DEFAULT_BUILD_DIR);

/**
 * The app build a benchmark serves: `appDist` when given, else src/ built into `name` under the
 * build directory, a private copy so that edits to src/ during a long run do not change what it
 * measures.
 */
export function appToServe(opts: BuildOptions, name: string, log: (line: string) => void): string {
  if (opts.appDist) return path.resolve(ROOT, opts.appDist);
  const appDist = path.join(buildDirOf(opts), name);
  log('Building Session History (private copy of src/)...');
  buildApp(appDist);
  return appDist;
}

/**
 * bench/serve.ts as a child process on `opts.port` (the peer pages, if given, on the next port);
 * `env` overrides the sandbox settings (SANDBOX_LATENCY_MS, say). Resolves once it listens.
 */
export async function startServer(
  opts: { sessions: number; port: number },
  appDist: string,
  peerDist?: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildProcess> {
  const dbPath = path.join(ROOT, '.sandbox', `bench-${opts.sessions}.db`);
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['bench/serve.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(opts.port),
      APP_DIST: appDist,
      PEER_DIST: peerDist ?? '',
      SANDBOX_SESSIONS: String(opts.sessions),
      SANDBOX_DB: dbPath,
      SANDBOX_SPECIMENS: '1',
      SANDBOX_LATENCY_MS: '0',
      SANDBOX_FAIL_RATE: '0',
      SANDBOX_AUTH: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 10 min:\n${output}`)), 600_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('bench-serve ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return child;
}

/** Stops a server and waits for it to go, so the next can take its port. */
export async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

// ---------------------------------------------------------------------------------------------------
// The machine and the result files

export interface Machine {
  cpu: string;
  cores: number;
  chromium: string;
  date: string;
  /** Load average (1/5/15 min) when the run started and when it ended. */
  loadAverage: number[];
  loadAverageEnd: number[];
}

/**
 * The machine a run had, read at its end; `loadAtStart` is `os.loadavg()` at its start. Other work
 * on a shared machine moves every figure: the reports print the load next to them.
 */
export function machine(browser: Pick<Browser, 'version'>, loadAtStart: number[]): Machine {
  const cpu =
    /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  return {
    cpu: cpu ?? 'unknown',
    cores: os.cpus().length,
    chromium: `Chromium ${browser.version()}`,
    date: new Date().toISOString(),
    loadAverage: loadAtStart,
    loadAverageEnd: os.loadavg(),
  };
}

/** A load average as the reports print it: "1.2 / 0.9 / 0.7". */
export const loadText = (load: number[]) => load.map((l) => l.toFixed(1)).join(' / ');

/**
 * Writes `name`.md (the result's markdown) and `name`.json (the rest) into `outDir`; in the JSON,
 * numbers keep two decimals and NaN or Infinity (a figure a run did not have) is null.
 */
export function writeResult(outDir: string, name: string, result: { markdown: string }) {
  fs.mkdirSync(outDir, { recursive: true });
  const json = JSON.stringify(
    { ...result, markdown: undefined },
    (_k, v: unknown) => (typeof v === 'number' ? (Number.isFinite(v) ? round(v, 2) : null) : v),
    2,
  );
  fs.writeFileSync(path.join(outDir, `${name}.json`), json + '\n');
  fs.writeFileSync(path.join(outDir, `${name}.md`), result.markdown);
}

// ---------------------------------------------------------------------------------------------------
// Scroll and time frames, in an instrumented page (measure-load.ts openTarget)

/** How far the grid is scrolled every frame: two thirds of a screen, so most rows of a frame are new. */
export const SCROLL_PX_PER_FRAME = 600;

export interface ScrollSpec {
  seconds: number;
  /** Starts once the grid holds this many screens of rows (a result still arriving); default at once. */
  fromScreens?: number;
  /** Also reads, each frame, the rows in the DOM and whether a placeholder row is in view. */
  readRows?: boolean;
}

export interface ScrollFrames {
  /** rAF intervals while scrolling: a frame's time. */
  frameTimes: number[];
  /** The scroll's first and last frame (page clock; NaN when it never started). */
  start: number;
  end: number;
  /** Ended by the page (`__bench.stopScroll`) rather than by its time. */
  stopped: boolean;
  /** With `readRows`: the most rows in the DOM, and how long a placeholder row was in view (ms). */
  domRowsMax: number;
  placeholderMs: number;
}

/**
 * Runs in the page (it closes over nothing): scrollTop += px every frame, back to the top at the
 * end so that every frame scrolls, for `seconds` or until the page sets `__bench.stopScroll`.
 */
function scrollInPage({ seconds, px, fromScreens, readRows }: ScrollSpec & { px: number }) {
  return new Promise<ScrollFrames>((resolve) => {
    const { probe } = (window as unknown as BenchWindow).__bench;
    const stopped = () => (window as unknown as BenchWindow).__bench.stopScroll === true;
    // Looked up every frame: the grid can be drawn anew as the result changes.
    const scroller = () => document.querySelector(probe.scroller) as HTMLElement | null;
    const frameTimes: number[] = [];
    let domRowsMax = 0;
    let placeholderMs = 0;
    let showedPlaceholder = false;
    let prev = -1;
    let start = -1;
    const step = (t: number) => {
      const stop = stopped();
      if (prev >= 0) {
        frameTimes.push(t - prev);
        if (showedPlaceholder) placeholderMs += t - prev;
      } else start = t;
      prev = t;
      const sc = scroller();
      if (readRows && sc) {
        // What the previous frame painted: rows in the DOM and placeholders in view.
        domRowsMax = Math.max(domRowsMax, sc.querySelectorAll(probe.row).length);
        const box = sc.getBoundingClientRect();
        showedPlaceholder = [...sc.querySelectorAll(probe.placeholder)].some((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > box.top + 40 && r.top < box.bottom;
        });
      }
      if (stop || t - start >= seconds * 1000) {
        resolve({ frameTimes, start, end: t, stopped: stop, domRowsMax, placeholderMs });
        return;
      }
      if (sc && sc.scrollTop + sc.clientHeight + px >= sc.scrollHeight) sc.scrollTop = 0;
      else if (sc) sc.scrollTop += px;
      requestAnimationFrame(step);
    };
    const wait = () => {
      const sc = scroller();
      if (stopped()) resolve({ frameTimes, start: NaN, end: NaN, stopped: true, domRowsMax, placeholderMs });
      else if (sc && sc.scrollHeight >= (fromScreens ?? 0) * sc.clientHeight) requestAnimationFrame(step);
      else requestAnimationFrame(wait);
    };
    requestAnimationFrame(fromScreens ? wait : step);
  });
}

/** Scrolls the page's grid `SCROLL_PX_PER_FRAME` a frame and times its frames (scrollInPage). */
export function scrollAndTimeFrames(page: BenchPage, spec: ScrollSpec): Promise<ScrollFrames> {
  return page.evaluate(scrollInPage, { ...spec, px: SCROLL_PX_PER_FRAME });
}

// ---------------------------------------------------------------------------------------------------
// Statistics and formatting of figures

export const round = (n: number, digits = 0) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);

/** The median of the finite values (NaN when there are none). */
export function median(values: number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** The nearest-rank percentile `p` (0 to 100); NaN of no values. */
export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

/** A figure in a report: whole above 100, one decimal below, "-" when there is none. */
export const fmt = (n: number | undefined) =>
  n === undefined || !Number.isFinite(n) ? '-' : Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1);
