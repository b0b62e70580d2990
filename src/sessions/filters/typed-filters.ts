// Text typed in a filter reaches the URL 300 ms after the last keystroke (filter-panel.tsx). Whoever
// is about to take the URL away (the sign-in redirect after a 401) writes what is typed first, so the
// view to come back to has it.
const pending = new Set<() => void>();

/** Registers a field's "write what is typed now"; returns its unregistration. */
export function registerTypedFilter(write: () => void): () => void {
  pending.add(write);
  return () => pending.delete(write);
}

/** Writes every filter typed but not yet in the URL, as if its field had lost focus. */
export function writeTypedFilters(): void {
  for (const write of [...pending]) write();
}
