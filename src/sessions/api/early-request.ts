// A request started before the app's code has run, handed to the first fetch of the same URL.
//
// Loading the first screen is a chain: HTML, then the scripts, then evaluating them, then React's
// first render, and only then would page 0 be requested. `startEarlyRequest` lets the entry start
// that request at the top of the chain (src/app/head-start.ts), so the answer travels while React
// is still being evaluated. The fetch that would have made it (fetch-sessions.ts) takes it over,
// abort and timeout included; a request nobody takes is aborted after a while. Its body is read as
// soon as it arrives, so that it is text by the time the app asks for it: the app is evaluated in
// one long task, and reading a body the browser already holds then takes a few more tasks.

export interface EarlyRequest {
  response: Promise<Response>;
  /** The response's body, read as soon as it arrived. */
  body: Promise<string>;
}

interface Pending extends EarlyRequest {
  controller: AbortController;
}

const pending = new Map<string, Pending>();

/** How long an early request waits to be taken before it is dropped. */
export const EARLY_REQUEST_TTL_MS = 15_000;

export function startEarlyRequest(url: string, init: RequestInit): EarlyRequest {
  const controller = new AbortController();
  const response = fetch(url, { ...init, signal: controller.signal });
  const body = response.then((r) => r.text());
  // Its failure belongs to whoever takes it; until then it must not surface as unhandled.
  body.catch(() => {});
  const early = { response, body, controller };
  pending.set(url, early);
  setTimeout(() => {
    if (pending.get(url) !== early) return;
    pending.delete(url);
    controller.abort();
  }, EARLY_REQUEST_TTL_MS);
  return { response, body };
}

/**
 * The early request for `url`, once: aborting `signal` aborts it. Undefined when none was started
 * (or it was taken or dropped), and the caller fetches as usual.
 */
export function takeEarlyRequest(url: string, signal: AbortSignal): EarlyRequest | undefined {
  const early = pending.get(url);
  if (!early) return undefined;
  pending.delete(url);
  if (signal.aborted) early.controller.abort(signal.reason);
  else signal.addEventListener('abort', () => early.controller.abort(signal.reason), { once: true });
  return { response: early.response, body: early.body };
}
