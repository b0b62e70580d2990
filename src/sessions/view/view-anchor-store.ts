// The instant each view is anchored at: when its address is first shown (a link opened, a filter
// changed, Back), not when it renders. A view keeps its anchor while it is read, so its rows and
// counts belong to one window; `reanchor` moves it to the current time (showing new sessions, a new
// day for a relative range). Opening a session is the same view: it keeps the anchor.
import { parseSearch } from '../filters/search-codec';
import { parseSessionSearch, serializeSessionSearch, type SessionSearch } from '../filters/session-search';

export interface ViewAnchorStore {
  /** The anchor of the view shown (epoch ms). */
  get: () => number;
  subscribe: (listener: () => void) => () => void;
  /** Reads each address as it is shown: a different view is anchored anew. */
  report: (location: { pathname: string; search: string }) => void;
  reanchor: () => void;
}

/** What identifies a view: its canonical link, without the open session. */
export function viewIdentity(search: SessionSearch): string {
  const { session: _open, ...view } = search;
  return new URLSearchParams(serializeSessionSearch(view)).toString();
}

export function createViewAnchorStore(now: () => number = Date.now): ViewAnchorStore {
  let identity: string | undefined;
  let anchor = now();
  const listeners = new Set<() => void>();
  const set = (ms: number) => {
    anchor = ms;
    listeners.forEach((l) => l());
  };
  return {
    get: () => anchor,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    report: ({ pathname, search }) => {
      if (pathname !== '/') return;
      const next = viewIdentity(parseSessionSearch(parseSearch(search)).search);
      if (next === identity) return;
      const first = identity === undefined;
      identity = next;
      if (!first) set(now());
    },
    reanchor: () => set(now()),
  };
}
