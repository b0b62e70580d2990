// Saved views: named links, kept in localStorage and shared as a small JSON file. A view keeps the
// link's query string (a relative range stays relative: "Last 7 days" opened tomorrow shows
// tomorrow's seven days), never the days it resolved to. Plain code; the panel is
// saved-views-section.tsx, the shared file saved-views-file.ts.
import type { StoredValue } from '../../lib/stored-value';
import { parseSearch } from '../filters/search-codec';
import { parseSessionSearch, type SessionSearch } from '../filters/session-search';
import { viewIdentity } from '../view/view-anchor-store';

export interface SavedView {
  name: string;
  /** The view's query string, without `?` and without the open session. */
  search: string;
}

export const MAX_VIEW_NAME = 80;
export const MAX_SAVED_VIEWS = 200;
export const MAX_LINK_LENGTH = 4000;
export const FILE_FORMAT = 'session-history/saved-views';
export const FILE_VERSION = 1;

/** The query string of a view as the link writes it (canonical: one view, one string). */
export const searchString = viewIdentity;

/** The view a saved query string opens (what the link parser keeps of it) and what it dropped. */
export function readSearch(search: string): { search: SessionSearch; notices: string[] } {
  const parsed = parseSessionSearch(parseSearch(search));
  delete parsed.search.session;
  return parsed;
}

export const cleanName = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const name = v.replace(/\s+/g, ' ').trim();
  return name && name.length <= MAX_VIEW_NAME ? name : undefined;
};

export interface StoredViews {
  version: number;
  views: SavedView[];
}

export const storedViews = (views: SavedView[]): StoredViews => ({ version: FILE_VERSION, views });

/** Stored views; a bad entry (another version, a hand edit) is dropped, not the list. */
export const SAVED_VIEWS: StoredValue<StoredViews> = {
  key: 'sh.views',
  fallback: storedViews([]),
  parse: (v) => {
    const list = v && typeof v === 'object' && 'views' in v ? (v as { views: unknown }).views : undefined;
    if (!Array.isArray(list)) return undefined;
    return storedViews(
      list.flatMap((x: unknown): SavedView[] => {
        if (!x || typeof x !== 'object') return [];
        const { name, search } = x as Record<string, unknown>;
        const clean = cleanName(name);
        return clean && typeof search === 'string' && search.length <= MAX_LINK_LENGTH
          ? [{ name: clean, search: searchString(readSearch(search).search) }]
          : [];
      }),
    );
  },
};

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export function findByName(views: readonly SavedView[], name: string): SavedView | undefined {
  return views.find((v) => sameName(v.name, name));
}

/** Saves `view`, replacing a view of the same name (case aside). */
export function saveView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const i = views.findIndex((v) => sameName(v.name, view.name));
  return i < 0 ? [...views, view] : views.map((v, j) => (j === i ? view : v));
}

/** Renames the view at `index`; undefined when the name is empty, too long or taken. */
export function renameView(
  views: readonly SavedView[],
  index: number,
  name: string,
): SavedView[] | undefined {
  const clean = cleanName(name);
  if (!clean || views.some((v, j) => j !== index && sameName(v.name, clean))) return undefined;
  return views.map((v, j) => (j === index ? { ...v, name: clean } : v));
}
