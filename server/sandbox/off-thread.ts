// The sandbox with its queries in worker threads, so a heavy search never holds the event loop that
// serves the app's files and everyone else's pages. One worker per spare core (one on two cores);
// an in-memory database cannot be shared, so it gets exactly one.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SandboxConfig } from './config';
import type { BuildMeta } from './database';
import { FieldError } from './errors';
import type { ListRequest } from './parse-list-request';
import { createSandboxApp, sandboxSummary, type Sandbox, type SandboxOptions } from './sandbox';

type Reply =
  | { id: number; json: ArrayBuffer }
  | { id: number; fieldError: { fieldName: string; errorCode: string; message: string } }
  | { id: number; error: string };

interface Pending {
  resolve(json: Uint8Array<ArrayBuffer>): void;
  reject(error: Error): void;
}

interface QueryWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

const WORKER_ENTRY = new URL('./query-worker.mjs', import.meta.url);

export function defaultWorkerCount(config: SandboxConfig): number {
  if (config.dbPath === ':memory:') return 1;
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

function startWorker(config: SandboxConfig): Promise<{ worker: Worker; meta: BuildMeta; rebuilt?: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY, { workerData: config });
    const onMessage = (message: { ready?: { meta: BuildMeta; rebuilt?: string }; failed?: string }) => {
      worker.off('error', onError);
      worker.off('message', onMessage);
      if (message.ready) resolve({ worker, ...message.ready });
      else {
        void worker.terminate();
        reject(new Error(`The sandbox could not open its database: ${message.failed}`));
      }
    };
    const onError = (error: Error) => reject(error);
    worker.on('message', onMessage);
    worker.once('error', onError);
  });
}

/** Opens the sandbox with `workers` query threads (default: defaultWorkerCount). */
export async function openSandboxOffThread(
  config: SandboxConfig,
  { workers = defaultWorkerCount(config), ...options }: { workers?: number } & SandboxOptions = {},
): Promise<Sandbox> {
  // The first worker builds the database when it is missing or stale; the others then open it as is.
  const first = await startWorker(config);
  const rest = await Promise.all(Array.from({ length: workers - 1 }, () => startWorker(config)));
  const pool: QueryWorker[] = [first, ...rest].map(({ worker }) => ({ worker, pending: new Map() }));
  let nextId = 0;
  let closed = false;

  for (const entry of pool) {
    entry.worker.on('message', (reply: Reply) => {
      const waiting = entry.pending.get(reply.id);
      if (!waiting) return;
      entry.pending.delete(reply.id);
      if ('json' in reply) waiting.resolve(new Uint8Array(reply.json));
      else if ('fieldError' in reply) {
        const { fieldName, errorCode, message } = reply.fieldError;
        waiting.reject(new FieldError(fieldName, errorCode, message));
      } else waiting.reject(new Error(`sandbox query failed: ${reply.error}`));
    });
    // A worker that dies fails what it had (a 500 each), never hangs them.
    const failAll = (why: string) => {
      for (const waiting of entry.pending.values()) waiting.reject(new Error(why));
      entry.pending.clear();
    };
    entry.worker.on('error', (error) => failAll(`sandbox worker failed: ${error.message}`));
    entry.worker.on('exit', (code) => failAll(`sandbox worker exited (${code})`));
  }

  const list = (request: ListRequest, now: number) =>
    new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
      if (closed) {
        reject(new Error('the sandbox is closed'));
        return;
      }
      // The least busy worker: queries are synchronous inside it, so its queue is its wait.
      const entry = pool.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      entry.pending.set(id, { resolve, reject });
      entry.worker.postMessage({ id, request, now });
    });

  const { app, expireAll } = createSandboxApp(config, list, options);
  return {
    app,
    summary: `${sandboxSummary(config, first.meta, first.rebuilt)}, ${workers} query worker${workers === 1 ? '' : 's'}`,
    close: () => {
      closed = true;
      for (const { worker } of pool) worker.postMessage('close');
    },
    expireAllSessions: expireAll,
  };
}
