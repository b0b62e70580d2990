// The scan's Web Worker: fetching, JSON parsing, decoding and matching a few hundred thousand
// sessions happen here, so the main thread only receives each page's matches and counts. One
// worker per scan: the main thread terminates it to stop (run-scan.ts).
import { scanPages } from './scan-loop';
import { splitChunk } from './pace-chunks';
import type { ScanFailure, ScanInput, ScanMessage } from './scan-protocol';

/** As long as the app's own requests get (fetch-sessions.ts) before they count as failed. */
const TIMEOUT_MS = 30_000;

const post = (message: ScanMessage) => self.postMessage(message);

async function fetchJson(url: string): Promise<Record<string, unknown>> {
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    body = await response.text();
  } catch {
    throw { kind: 'network', message: 'Could not reach the server. Check the connection and try again.' };
  }
  if (!response.ok) throw { kind: 'http', status: response.status, body } satisfies ScanFailure;
  try {
    const json: unknown = JSON.parse(body);
    if (json && typeof json === 'object' && !Array.isArray(json)) return json as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw { kind: 'decode', message: 'The server answered with something that is not a list of sessions.' };
}

self.onmessage = async (event: MessageEvent<ScanInput>) => {
  try {
    for await (const chunk of scanPages(event.data, fetchJson))
      for (const piece of splitChunk(chunk)) post({ type: 'chunk', chunk: piece });
  } catch (e) {
    const failure: ScanFailure =
      e && typeof e === 'object' && 'kind' in e
        ? (e as ScanFailure)
        : { kind: 'decode', message: e instanceof Error ? e.message : 'The scan failed.' };
    post({ type: 'error', failure });
  }
};
