// The saved-views file a team shares: written by "Export views", read by "Import views…". Loaded
// when one of them is used, not with the first screen.
import { plural } from '../../lib/format';
import { downloadBlob } from '../../ui/download-blob';
import {
  cleanName,
  FILE_FORMAT,
  FILE_VERSION,
  findByName,
  MAX_LINK_LENGTH,
  MAX_SAVED_VIEWS,
  MAX_VIEW_NAME,
  readSearch,
  searchString,
  type SavedView,
} from './saved-views';

const MAX_FILE_BYTES = 1_000_000;

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

/** "Export views": the file, downloaded. */
export function downloadViews(views: readonly SavedView[]): void {
  downloadBlob(new Blob([toFile(views)], { type: 'application/json' }), 'saved-views.json');
}

/** "Import views…": the views to keep (none when nothing is imported) and what to tell. */
export async function importViews(
  saved: readonly SavedView[],
  file: File,
): Promise<{ views?: SavedView[]; text: string; error?: boolean }> {
  const parsed = parseFile(await file.text());
  if (!parsed.ok) return { text: `Nothing imported from ${file.name}: ${parsed.error}`, error: true };
  const merged = mergeViews(saved, parsed.views);
  if (merged.views.length > MAX_SAVED_VIEWS) {
    return {
      text: `Nothing imported: with these, more than ${MAX_SAVED_VIEWS} views would be saved.`,
      error: true,
    };
  }
  const notes = [
    merged.renamed > 0 ? `${plural(merged.renamed, 'renamed')} (name taken)` : '',
    merged.unchanged > 0 ? `${plural(merged.unchanged, 'already saved', 'already saved')}` : '',
  ].filter(Boolean);
  return {
    views: merged.views,
    text: `Imported ${plural(merged.added, 'view')}${notes.length ? `: ${notes.join(', ')}` : ''}.`,
  };
}
