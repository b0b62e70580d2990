// The instant each view is anchored at: when its address is first shown (a link opened, a filter
// changed, Back), not when it renders. A view keeps its anchor while it is read, so its rows and
// counts belong to one window; `reanchor` moves it to the current time (showing new sessions, a new
// day for a relative range). Opening a session is the same view: it keeps the anchor.
import { parseSearch } from '../filters/search-codec';
import { parseSessionSearch, serializeSessionSearch, type SessionSearch } from '../filters/session-search';

export interface ViewAnchorStore {
  /** The anchor of the view shown (epoch ms). */
  get: () => number;
  /**
   * The anchor of the view with this identity: the view shown's, or the one shown before it. An
   * address is reported before the router renders it, so the screen may draw the previous view once
   * more meanwhile: with its own anchor, not the new view's (which would search it anew).
   */
  anchorOf: (identity: string) => number;
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
  let previous: { identity: string; anchor: number } | undefined;
  const listeners = new Set<() => void>();
  const set = (ms: number) => {
    anchor = ms;
    listeners.forEach((l) => l());
  };
  return {
    get: () => anchor,
    anchorOf: (id) => (id !== identity && id === previous?.identity ? previous.anchor : anchor),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    report: ({ pathname, search }) => {
      if (pathname !== '/') return;
      const next = viewIdentity(parseSessionSearch(parseSearch(search)).search);
      if (next === identity) return;
      const first = identity === undefined;
      previous = identity === undefined ? undefined : { identity, anchor };
      identity = next;
      if (!first) set(now());
    },
    reanchor: () => set(now()),
  };
}
