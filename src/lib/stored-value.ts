// Preferences live in localStorage (never view state, never secrets). Reads tolerate anything:
// a value another version wrote, or storage that throws (private mode), falls back to the default.
// Plain code, without React: the head start reads the display zone before the app is there.

/** A value kept in localStorage as JSON: `parse` validates what is read (undefined rejects it). */
export interface StoredValue<T> {
  key: string;
  fallback: T;
  parse: (value: unknown) => T | undefined;
}

export function readStoredRaw(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function parseStored<T>(raw: string | null, { fallback, parse }: StoredValue<T>): T {
  if (raw === null) return fallback;
  try {
    return parse(JSON.parse(raw)) ?? fallback;
  } catch {
    return fallback;
  }
}

export function readStored<T>(stored: StoredValue<T>): T {
  return parseStored(readStoredRaw(stored.key), stored);
}
