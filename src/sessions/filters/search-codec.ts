// The router's query-string codec: plain strings, no JSON quoting (`archive=1`, `from=%2B1503`).
// Session keys are written by the sessions schema, in its order; other keys (`redirect`) as text.
import { SEARCH_KEYS, serializeSessionSearch } from './session-search';

export function parseSearch(searchStr: string): Record<string, string> {
  const out: Record<string, string> = {};
  // URLSearchParams reads a raw `+` as a space, as the API's server does; the last of a repeated key wins.
  for (const [key, value] of new URLSearchParams(searchStr)) out[key] = value;
  return out;
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams(serializeSessionSearch(search));
  for (const [key, value] of Object.entries(search)) {
    if (
      (SEARCH_KEYS as readonly string[]).includes(key) ||
      value === undefined ||
      value === null ||
      value === ''
    )
      continue;
    params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const str = params.toString();
  return str ? `?${str}` : '';
}
