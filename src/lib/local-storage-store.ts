import { useCallback, useMemo, useSyncExternalStore } from 'react';

// Preferences live in localStorage (never view state, never secrets). Reads tolerate anything:
// a value another version wrote, or storage that throws (private mode), falls back to the default.

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** A JSON value in localStorage, validated by `parse` (return undefined to reject). Pass a stable `fallback` and `parse`. */
export function useLocalStorageState<T>(
  key: string,
  fallback: T,
  parse: (value: unknown) => T | undefined,
): [T, (value: T) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  // Parsed once per stored string, so an object value keeps its identity across renders.
  const value = useMemo(() => {
    if (raw === null) return fallback;
    try {
      return parse(JSON.parse(raw)) ?? fallback;
    } catch {
      return fallback;
    }
  }, [raw, fallback, parse]);
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
