// Runs in a worker thread: opens the database and answers the queries the host posts, one at a time.
// Protocol (with off-thread.ts): workerData is the SandboxConfig; the worker posts `ready` (or
// `failed`) once the database is open, then answers each `{ id, request, now }` with
// `{ id, json }` (bytes, transferred) or `{ id, fieldError }` or `{ id, error }`.
import { parentPort, workerData } from 'node:worker_threads';
import type { SandboxConfig } from './config';
import { FieldError } from './errors';
import type { ListRequest } from './parse-list-request';
import { openSessionQueries } from './sandbox';

const port = parentPort;
if (!port) throw new Error('query-worker.ts runs only as a worker thread');

const encoder = new TextEncoder();
try {
  const queries = openSessionQueries(workerData as SandboxConfig);
  port.on('message', (message: { id: number; request: ListRequest; now: number } | 'close') => {
    if (message === 'close') {
      queries.close();
      port.close();
      return;
    }
    const { id, request, now } = message;
    try {
      // Encoded here, into a buffer of its own that moves (not copies) to the host.
      const bytes = encoder.encode(queries.list(request, now)).buffer;
      port.postMessage({ id, json: bytes }, [bytes]);
    } catch (error) {
      if (error instanceof FieldError) {
        const { fieldName, errorCode, message: text } = error;
        port.postMessage({ id, fieldError: { fieldName, errorCode, message: text } });
      } else {
        port.postMessage({
          id,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      }
    }
  });
  port.postMessage({ ready: { meta: queries.meta, rebuilt: queries.rebuilt } });
} catch (error) {
  port.postMessage({ failed: error instanceof Error ? error.message : String(error) });
}
