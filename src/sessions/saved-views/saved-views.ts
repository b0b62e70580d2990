// Saved views: named links, kept in localStorage and shared as a small JSON file. A view keeps the
// link's query string (a relative range stays relative: "Last 7 days" opened tomorrow shows
// tomorrow's seven days), never the days it resolved to. Plain code; the panel is saved-views.tsx.
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
const MAX_LINK_LENGTH = 4000;
const MAX_FILE_BYTES = 1_000_000;
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

const cleanName = (v: unknown): string | undefined => {
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

/** The file a team shares: a relative link per view, so it works on any host of the app. */
export function toFile(views: readonly SavedView[]): string {
  return `${JSON.stringify(
    {
      format: FILE_FORMAT,
      version: FILE_VERSION,
      views: views.map((v) => ({ name: v.name, link: `/?${v.search}` })),
    },
    null,
    2,
  )}\n`;
}

export type FileResult = { ok: true; views: SavedView[] } | { ok: false; error: string };

/**
 * Reads a saved-views file. All or nothing: a file with any bad view is refused with a message
 * naming it, so an import never half-happens.
 */
export function parseFile(text: string): FileResult {
  const fail = (error: string): FileResult => ({ ok: false, error });
  if (text.length > MAX_FILE_BYTES) return fail('This file is too large to be a saved-views file.');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('This file is not JSON: choose a file exported with "Export views".');
  }
  if (!json || typeof json !== 'object' || (json as { format?: unknown }).format !== FILE_FORMAT)
    return fail('This is not a saved-views file of Session History.');
  const { version, views } = json as { version?: unknown; views?: unknown };
  if (version !== FILE_VERSION)
    return fail(
      typeof version === 'number' && version > FILE_VERSION
        ? `This file was made by a newer version of Session History (version ${version}).`
        : 'This saved-views file has no version this app can read.',
    );
  if (!Array.isArray(views) || views.length === 0) return fail('This file holds no views.');
  if (views.length > MAX_SAVED_VIEWS) return fail(`This file holds more than ${MAX_SAVED_VIEWS} views.`);
  const out: SavedView[] = [];
  for (const [i, raw] of views.entries()) {
    const entry = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const which = `View ${i + 1}`;
    const name = cleanName(entry.name);
    if (!name) return fail(`${which} has no name, or one longer than ${MAX_VIEW_NAME} characters.`);
    const { link } = entry;
    if (typeof link !== 'string' || link.length > MAX_LINK_LENGTH)
      return fail(`${which} ("${name}") has no link.`);
    let url: URL;
    try {
      url = new URL(link, 'http://app.invalid/');
    } catch {
      return fail(`${which} ("${name}") has a link that is not a link.`);
    }
    if (url.pathname !== '/')
      return fail(`${which} ("${name}") links to ${url.pathname}, not to the sessions view.`);
    const { search, notices } = readSearch(url.search);
    if (notices.length > 0) return fail(`${which} ("${name}"): ${notices[0]}`);
    out.push({ name, search: searchString(search) });
  }
  return { ok: true, views: out };
}

export interface MergeResult {
  views: SavedView[];
  added: number;
  /** Imported under another name: the name was taken by a different view. */
  renamed: number;
  /** Already saved, same name and same view. */
  unchanged: number;
}

/** Adds imported views to the saved ones; nothing saved is replaced or lost. */
export function mergeViews(saved: readonly SavedView[], imported: readonly SavedView[]): MergeResult {
  const views = [...saved];
  let added = 0;
  let renamed = 0;
  let unchanged = 0;
  for (const view of imported) {
    const clash = findByName(views, view.name);
    if (clash?.search === view.search) {
      unchanged++;
      continue;
    }
    let name = view.name;
    for (let n = 2; findByName(views, name); n++) {
      const suffix = ` (${n})`;
      name = `${view.name.slice(0, MAX_VIEW_NAME - suffix.length)}${suffix}`;
    }
    if (clash) renamed++;
    views.push({ name, search: view.search });
    added++;
  }
  return { views, added, renamed, unchanged };
}
