// Runs a scan from the main thread: starts its Web Worker and turns the worker's messages into an
// async stream of chunks, which React Query's streamedQuery reduces into the scan's data: paced
// (pace-chunks.ts), a few commits a second however fast pages arrive. Aborting the signal (Stop,
// or the view changing) terminates the worker, so its requests stop with it.
import { ApiError, apiErrorFromResponse } from '../api/api-error';
import { sessionsUrl } from '../api/sessions-url';
import { chunkPacer } from './pace-chunks';
import { scanPages } from './scan-loop';
import type { ScanChunk, ScanFailure, ScanInput, ScanMessage } from './scan-protocol';

export function toApiError(failure: ScanFailure): ApiError {
  return failure.kind === 'http'
    ? apiErrorFromResponse(failure.status, failure.body)
    : new ApiError({ kind: failure.kind, status: 0, message: failure.message });
}

/** The absolute URL of `GET /sessions` as this page reaches it. */
export function absoluteSessionsUrl(): string {
  return new URL(sessionsUrl(new URLSearchParams()), globalThis.location?.href ?? 'http://localhost/').href;
}

export async function* runScan(input: ScanInput, signal: AbortSignal): AsyncGenerator<ScanChunk> {
  if (typeof Worker === 'undefined') {
    // No workers (unit tests in jsdom): the same loop on this thread.
    yield* scanPages(input, inThreadFetch(signal));
    return;
  }
  const worker = new Worker(new URL('./scan-worker.ts', import.meta.url), { type: 'module' });
  const queue: ScanMessage[] = [];
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const pacer = chunkPacer((chunk) => {
    queue.push({ type: 'chunk', chunk });
    notify();
  });
  const fail = (failure: ScanFailure) => {
    // What was found before the failure is shown with it.
    pacer.flush();
    queue.push({ type: 'error', failure });
    notify();
  };
  worker.onmessage = (event: MessageEvent<ScanMessage>) => {
    const message = event.data;
    if (message.type === 'chunk') pacer.push(message.chunk);
    else fail(message.failure);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail({ kind: 'decode', message: 'The scan stopped unexpectedly.' });
  };
  signal.addEventListener('abort', notify);
  worker.postMessage(input);
  try {
    for (;;) {
      signal.throwIfAborted();
      const message = queue.shift();
      if (!message) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.type === 'error') throw toApiError(message.failure);
      yield message.chunk;
      if (message.chunk.done) return;
    }
  } finally {
    signal.removeEventListener('abort', notify);
    pacer.cancel();
    worker.terminate();
  }
}

function inThreadFetch(signal: AbortSignal) {
  return async (url: string): Promise<Record<string, unknown>> => {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
    const body = await response.text();
    if (!response.ok) throw apiErrorFromResponse(response.status, body);
    const json: unknown = JSON.parse(body);
    if (json && typeof json === 'object' && !Array.isArray(json)) return json as Record<string, unknown>;
    throw new ApiError({ kind: 'decode', status: response.status, message: 'Not a list of sessions.' });
  };
}
