// A request started before the app's code has run, handed to the first fetch of the same URL.
//
// Loading the first screen is a chain: HTML, then the scripts, then evaluating them, then React's
// first render, and only then would page 0 be requested. `startEarlyRequest` lets the entry start
// that request at the top of the chain (src/app/head-start.ts), so the answer travels while React
// is still being evaluated. The fetch that would have made it (fetch-sessions.ts) takes it over,
// abort and timeout included; a request nobody takes is aborted after a while.

interface EarlyRequest {
  response: Promise<Response>;
  controller: AbortController;
}

const pending = new Map<string, EarlyRequest>();

/** How long an early request waits to be taken before it is dropped. */
export const EARLY_REQUEST_TTL_MS = 15_000;

export function startEarlyRequest(url: string, init: RequestInit): void {
  const controller = new AbortController();
  const response = fetch(url, { ...init, signal: controller.signal });
  // Its failure belongs to whoever takes it; until then it must not surface as unhandled.
  response.catch(() => {});
  const early = { response, controller };
  pending.set(url, early);
  setTimeout(() => {
    if (pending.get(url) !== early) return;
    pending.delete(url);
    controller.abort();
  }, EARLY_REQUEST_TTL_MS);
}

/**
 * The early request for `url`, once: aborting `signal` aborts it. Undefined when none was started
 * (or it was taken or dropped), and the caller fetches as usual.
 */
export function takeEarlyRequest(url: string, signal: AbortSignal): Promise<Response> | undefined {
  const early = pending.get(url);
  if (!early) return undefined;
  pending.delete(url);
  if (signal.aborted) early.controller.abort(signal.reason);
  else signal.addEventListener('abort', () => early.controller.abort(signal.reason), { once: true });
  return early.response;
}
