// A Chromium driven over its DevTools pipe with nothing but the commands a run needs, for the scan's
// timed runs. Playwright enables the Network domain on every page and worker it attaches to, and
// then the browser copies each response body for DevTools: in A/B runs of the same scan over the
// same sandbox, the worker read its pages about 30% slower that way. A user's browser has no
// DevTools open, and the Node client the scan is compared with pays no such cost.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromiumLaunchOptions } from '../test/chromium';
import { VIEWPORT } from './page-instrumentation';

type Params = Record<string, unknown>;
type Listener = (params: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One DevTools session: the browser's own, or a page's (flattened into the same pipe). */
export interface CdpSession {
  send<T = any>(method: string, params?: Params): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Listens to an event of this session; returns how to stop. */
  on(event: string, listener: Listener): () => void;
}

/** What the bench's page helpers use of a page (Playwright's Page has the same methods). */
export interface BenchPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  waitForFunction<A>(
    fn: (arg: A) => unknown,
    arg: A,
    options?: { timeout?: number; polling?: number },
  ): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
}

export class CdpBrowser {
  private nextId = 0;
  private readonly calls = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  private readonly listeners = new Map<string, Listener[]>();
  readonly browser: CdpSession;

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const [, , , toBrowser, fromBrowser] = child.stdio as [unknown, unknown, unknown, Writable, Readable];
    this.write = (message) => toBrowser.write(`${JSON.stringify(message)}\0`);
    let buffered = '';
    // Decoded as a stream: a character split between two chunks is not garbled.
    fromBrowser.setEncoding('utf8');
    fromBrowser.on('data', (chunk: string) => {
      const parts = (buffered + chunk).split('\0');
      buffered = parts.pop()!;
      for (const part of parts) this.receive(JSON.parse(part));
    });
    this.browser = this.session(undefined);
  }

  private readonly write: (message: Params) => void;

  static launch(): CdpBrowser {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cdp-'));
    const child = spawn(
      chromiumLaunchOptions.executablePath,
      [
        ...chromiumLaunchOptions.args,
        '--headless',
        '--remote-debugging-pipe',
        `--user-data-dir=${profile}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    return new CdpBrowser(child, profile);
  }

  private receive(m: {
    id?: number;
    method?: string;
    params?: Params;
    sessionId?: string;
    result?: unknown;
    error?: { message: string };
  }) {
    if (m.id !== undefined) {
      const call = this.calls.get(m.id);
      this.calls.delete(m.id);
      if (m.error) call?.reject(new Error(m.error.message));
      else call?.resolve(m.result);
      return;
    }
    for (const listener of this.listeners.get(`${m.sessionId ?? ''} ${m.method}`) ?? []) listener(m.params);
  }

  session(sessionId: string | undefined): CdpSession {
    return {
      send: (method, params = {}) =>
        new Promise((resolve, reject) => {
          const id = ++this.nextId;
          this.calls.set(id, { resolve, reject });
          this.write({ id, method, params, ...(sessionId && { sessionId }) });
        }),
      on: (event, listener) => {
        const key = `${sessionId ?? ''} ${event}`;
        this.listeners.set(key, [...(this.listeners.get(key) ?? []), listener]);
        return () =>
          this.listeners.set(
            key,
            this.listeners.get(key)!.filter((l) => l !== listener),
          );
      },
    };
  }

  /** A new page in a context of its own, at the bench's viewport, in UTC and en-US. */
  async newPage(): Promise<CdpPage> {
    const { browserContextId } = await this.browser.send<{ browserContextId: string }>(
      'Target.createBrowserContext',
    );
    const { targetId } = await this.browser.send<{ targetId: string }>('Target.createTarget', {
      url: 'about:blank',
      browserContextId,
    });
    const { sessionId } = await this.browser.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    const page = new CdpPage(
      this.session(sessionId),
      (workerSessionId) => this.session(workerSessionId),
      async () => {
        await this.browser.send('Target.disposeBrowserContext', { browserContextId });
      },
    );
    await page.init();
    return page;
  }

  async close(): Promise<void> {
    await this.browser.send('Browser.close').catch(() => undefined);
    await new Promise((resolve) =>
      this.child.exitCode !== null ? resolve(undefined) : this.child.once('exit', resolve),
    );
    fs.rmSync(this.profile, { recursive: true, force: true });
  }
}

export class CdpPage implements BenchPage {
  readonly errors: string[] = [];
  /** The page's dedicated workers alive now: their script's URL and a session attached to each. */
  readonly workers = new Map<string, { url: string; session: CdpSession }>();

  constructor(
    readonly cdp: CdpSession,
    private readonly sessionOf: (sessionId: string) => CdpSession,
    readonly close: () => Promise<void>,
  ) {}

  async init(): Promise<void> {
    // Workers are attached as they start (only attached: no domain is enabled in them).
    this.cdp.on(
      'Target.attachedToTarget',
      (e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
        if (e.targetInfo.type === 'worker')
          this.workers.set(e.sessionId, { url: e.targetInfo.url, session: this.sessionOf(e.sessionId) });
      },
    );
    this.cdp.on('Target.detachedFromTarget', (e: { sessionId: string }) => this.workers.delete(e.sessionId));
    this.cdp.on(
      'Runtime.exceptionThrown',
      (e: { exceptionDetails: { exception?: { description?: string }; text: string } }) =>
        this.errors.push(e.exceptionDetails.exception?.description ?? e.exceptionDetails.text),
    );
    await Promise.all([
      this.cdp.send('Page.enable'),
      this.cdp.send('Runtime.enable'),
      this.cdp.send('Emulation.setDeviceMetricsOverride', {
        ...VIEWPORT,
        deviceScaleFactor: 1,
        mobile: false,
      }),
      this.cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'UTC' }),
      this.cdp.send('Emulation.setLocaleOverride', { locale: 'en-US' }),
      this.cdp.send('Target.setAutoAttach', {
        autoAttach: true,
        waitForDebuggerOnStart: false,
        flatten: true,
      }),
    ]);
  }

  /** A script run in every new document before its own, as Playwright's addInitScript. */
  async addInitScript<A>(fn: string | ((arg: A) => unknown), arg?: A): Promise<void> {
    const source = typeof fn === 'string' ? fn : `(${fn.toString()})(${JSON.stringify(arg)})`;
    await this.cdp.send('Page.addScriptToEvaluateOnNewDocument', { source });
  }

  /** Navigates and waits for the load event. */
  async goto(url: string): Promise<void> {
    let off = () => {};
    const loaded = new Promise((resolve) => (off = this.cdp.on('Page.loadEventFired', resolve)));
    await this.cdp.send('Page.navigate', { url });
    await loaded;
    off();
  }

  async evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const { result, exceptionDetails } = await this.cdp.send<{
      result: { value?: R };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    }>('Runtime.evaluate', {
      expression: `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as R;
  }

  async waitForFunction<A>(
    fn: (arg: A) => unknown,
    arg: A,
    { timeout = 30_000, polling = 100 }: { timeout?: number; polling?: number } = {},
  ): Promise<unknown> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg);
      if (value) return value;
      if (Date.now() > deadline)
        throw new Error(`waitForFunction timed out after ${timeout} ms: ${fn.toString().slice(0, 120)}`);
      await this.waitForTimeout(polling);
    }
  }

  waitForTimeout(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}
