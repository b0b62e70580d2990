// The backend that forwards /api to a real Evo Voice. The policy in front (api-policy.ts) decides
// what may pass and reads the answers; this only maps `http://backend/<path>` onto EVOVOICE_URL.
import type { ApiBackend } from './api-policy.ts';

export function evoVoiceBackend(options: { evoVoiceUrl: string; upstreamTimeoutMs?: number }): ApiBackend {
  const base = new URL(options.evoVoiceUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new Error(`EVOVOICE_URL must be an http(s) URL, got ${options.evoVoiceUrl}`);
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  return {
    name: 'Evo Voice',
    timeoutMs: options.upstreamTimeoutMs ?? 30_000,
    // A keep-alive socket the upstream closed while idle fails the next request sent on it; a GET
    // changes nothing, so sending it once more (on a fresh socket) is safe.
    retryResetGet: true,
    fetch: async (request) => {
      const url = new URL(request.url);
      // The query string as it came (already filtered): URL.search keeps its escapes as they are.
      return fetch(`${base.origin}${basePath}${url.pathname}${url.search}`, {
        method: request.method,
        headers: request.headers,
        body: request.method === 'GET' ? undefined : await request.arrayBuffer(),
        signal: request.signal,
        redirect: 'manual',
      });
    },
  };
}

/** The sandbox's Hono app as a backend: same policy, no network. */
export function sandboxBackend(sandbox: {
  app: { fetch(request: Request): Response | Promise<Response> };
}): ApiBackend {
  return { name: 'The sandbox', fetch: async (request) => sandbox.app.fetch(request) };
}
