import type { SessionSearch } from './session-search';

/** `search` with `key` set to `value`, or without `key` when the value is empty. */
export function withValue<K extends keyof SessionSearch>(
  search: SessionSearch,
  key: K,
  value: SessionSearch[K],
): SessionSearch {
  const next = { ...search };
  if (value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0))
    delete next[key];
  else next[key] = value;
  return next;
}
