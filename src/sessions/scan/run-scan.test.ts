import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionSummary } from '../api/session';
import { emptyCounts } from '../refinements';
import { splitChunk } from './pace-chunks';
import { runScan } from './run-scan';
import type { ScanChunk, ScanInput, ScanMessage } from './scan-protocol';

/** Stands in for the scan's Web Worker: the test posts its messages. */
class FakeWorker {
  static last: FakeWorker | undefined;
  onmessage: ((event: MessageEvent<ScanMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
  /** A chunk as the real worker posts it: in pieces. */
  sendChunk(chunk: ScanChunk) {
    for (const piece of splitChunk(chunk, 2))
      this.onmessage?.({ data: { type: 'chunk', chunk: piece } } as MessageEvent<ScanMessage>);
  }
  sendError() {
    this.onmessage?.({
      data: { type: 'error', failure: { kind: 'http', status: 500, body: '' } },
    } as MessageEvent<ScanMessage>);
  }
}

let pageNo = 0;
let matched = 0;
function page(found: number, done = false): ScanChunk {
  const n = pageNo++;
  matched += found;
  return {
    matches: Array.from({ length: found }, (_, i) => ({ id: `p${n}m${i}` }) as SessionSummary),
    part: 0,
    scanned: (n + 1) * 100,
    total: 1000,
    matched,
    counts: emptyCounts(),
    matchCounts: emptyCounts(),
    done,
  };
}

const input = {} as ScanInput;
const ids = (chunks: ScanChunk[]) => chunks.flatMap((c) => c.matches.map((s) => s.id));

/** The stream's chunks as they are handed on (each one reducer step, one commit). */
function consume(stream: AsyncGenerator<ScanChunk>) {
  const got: ScanChunk[] = [];
  let ended = false;
  let error: unknown;
  void (async () => {
    try {
      for await (const c of stream) got.push(c);
    } catch (e) {
      error = e;
    }
    ended = true;
  })();
  return { got, ended: () => ended, error: () => error };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  vi.stubGlobal('Worker', FakeWorker);
  pageNo = 0;
  matched = 0;
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('runScan', () => {
  it("hands the worker's pages on paced, every match in order, and ends with the done chunk", async () => {
    const run = consume(runScan(input, new AbortController().signal));
    const worker = FakeWorker.last!;
    worker.sendChunk(page(3));
    await vi.advanceTimersByTimeAsync(0);
    expect(ids(run.got)).toEqual(['p0m0', 'p0m1', 'p0m2']);
    worker.sendChunk(page(2));
    worker.sendChunk(page(5));
    await vi.advanceTimersByTimeAsync(100);
    expect(run.got).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(150);
    // The two pages as one step, with the later figures.
    expect(run.got).toHaveLength(2);
    expect(run.got[1]).toMatchObject({ scanned: 300, matched: 10 });
    worker.sendChunk(page(1, true));
    await vi.advanceTimersByTimeAsync(0);
    expect(run.ended()).toBe(true);
    expect(ids(run.got)).toEqual([
      ...['p0m0', 'p0m1', 'p0m2'],
      ...['p1m0', 'p1m1', 'p2m0', 'p2m1', 'p2m2', 'p2m3', 'p2m4'],
      'p3m0',
    ]);
    expect(run.got.at(-1)!.done).toBe(true);
    expect(worker.terminated).toBe(true);
  });

  it('stops at once when aborted (Stop): the worker ends, and the scan keeps what it showed', async () => {
    const stop = new AbortController();
    const run = consume(runScan(input, stop.signal));
    const worker = FakeWorker.last!;
    worker.sendChunk(page(2));
    await vi.advanceTimersByTimeAsync(0);
    worker.sendChunk(page(2));
    stop.abort();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run.ended()).toBe(true);
    expect(worker.terminated).toBe(true);
    expect(ids(run.got)).toEqual(['p0m0', 'p0m1']);
    expect(run.got.at(-1)).toMatchObject({ scanned: 100, matched: 2, done: false });
  });

  it('hands on what was found before a failure, then fails', async () => {
    const run = consume(runScan(input, new AbortController().signal));
    const worker = FakeWorker.last!;
    worker.sendChunk(page(2));
    await vi.advanceTimersByTimeAsync(0);
    worker.sendChunk(page(3));
    worker.sendError();
    await vi.advanceTimersByTimeAsync(0);
    expect(run.ended()).toBe(true);
    expect(ids(run.got)).toEqual(['p0m0', 'p0m1', 'p1m0', 'p1m1', 'p1m2']);
    expect(run.error()).toMatchObject({ status: 500 });
    expect(worker.terminated).toBe(true);
  });
});
