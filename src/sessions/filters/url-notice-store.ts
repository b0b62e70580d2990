// What links asked for that the view could not use, collected from every address the app is shown
// (the first one included) before the router rewrites it to the view actually shown.
import { parseSearch } from './search-codec';
import { parseSessionSearch } from './session-search';

export interface UrlNoticeStore {
  get: () => readonly string[];
  subscribe: (listener: () => void) => () => void;
  /** Reads an address of the sessions view and keeps its notices. */
  report: (location: { pathname: string; search: string }) => void;
  /** Keeps corrections found later, by the view's resolution (an end before its start). */
  add: (found: readonly string[]) => void;
  dismiss: () => void;
}

export function createUrlNoticeStore(): UrlNoticeStore {
  let notices: readonly string[] = [];
  const listeners = new Set<() => void>();
  const set = (next: readonly string[]) => {
    notices = next;
    listeners.forEach((l) => l());
  };
  const add = (found: readonly string[]) => {
    const fresh = found.filter((n) => !notices.includes(n));
    if (fresh.length) set([...notices, ...fresh]);
  };
  return {
    get: () => notices,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    report: ({ pathname, search }) => {
      if (pathname === '/') add(parseSessionSearch(parseSearch(search)).notices);
    },
    add,
    dismiss: () => set([]),
  };
}
