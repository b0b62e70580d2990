import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseStored, readStoredRaw, type StoredValue } from './stored-value';

// A StoredValue as React state: every component reading it re-renders when it is written, here or
// in another tab.

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** Pass a StoredValue defined once, at module level: its `fallback` and `parse` must be stable. */
export function useLocalStorageState<T>(stored: StoredValue<T>): [T, (value: T) => void] {
  const { key } = stored;
  const raw = useSyncExternalStore(
    subscribe,
    () => readStoredRaw(key),
    () => null,
  );
  // Parsed once per stored string, so an object value keeps its identity across renders.
  const value = useMemo(() => parseStored(raw, stored), [raw, stored]);
  const set = useCallback(
    (next: T) => {
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or blocked: the preference lasts for this page only.
      }
      listeners.forEach((l) => l());
    },
    [key],
  );
  return [value, set];
}
