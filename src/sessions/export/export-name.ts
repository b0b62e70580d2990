// The name of an export's file: what it holds, in words a file listing shows.
import type { SessionsView } from '../view/sessions-view';
import { dayInZone } from '../view/zoned-time';
import type { ExportFormat } from './export-rows';

const slug = (text: string, max = 24) =>
  text
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);

/**
 * A file name that says what the file holds: `sessions_2026-11-30_2026-12-06_archive_from-1503.csv`.
 * `tags` name what else narrows the result (refinements such as `missed`).
 */
export function exportFileName(
  view: SessionsView,
  format: ExportFormat,
  tags: readonly string[] = [],
): string {
  const { search, window } = view;
  const ids = (key: 'account' | 'customer' | 'endpoint') => {
    const list = search[key] ?? [];
    return list.length === 1 ? `${key}-${slug(list[0]!)}` : list.length > 1 ? `${list.length}-${key}s` : '';
  };
  const parts = [
    'sessions',
    dayInZone(window.startMs, view.zoneName),
    dayInZone(Math.max(window.startMs, window.endMs - 1), view.zoneName),
    view.stores === 'both' ? '' : view.stores,
    search.from ? `from-${slug(search.from)}` : '',
    search.to ? `to-${slug(search.to)}` : '',
    search.log ? `log-${slug(search.log)}` : '',
    ids('account'),
    ids('customer'),
    ids('endpoint'),
    search.parent ? `parent-${slug(search.parent)}` : '',
    ...tags.map((t) => slug(t)),
  ].filter((p) => p !== '' && !p.endsWith('-'));
  return `${parts.join('_')}.${format === 'csv' ? 'csv' : 'ndjson'}`;
}
