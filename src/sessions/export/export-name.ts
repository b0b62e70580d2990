// The name of an export's file: what it holds, in words a file listing shows.
import { pickRefinements, serializeRefinements } from '../refinements';
import type { SessionsView } from '../view/sessions-view';
import { dayInZone } from '../view/zoned-time';
import type { ExportFormat } from './export-formats';

const slug = (text: string, max = 24) =>
  text
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);

/** The refinements in words: `missed`, `not-missed`, `outcome-Answered-Voicemail`, `min-60s`. */
function refinementTags(view: SessionsView): string[] {
  const r = pickRefinements(view.search);
  const text = serializeRefinements(r);
  return [
    r.missed === undefined ? '' : r.missed ? 'missed' : 'not-missed',
    text.outcome ? `outcome-${slug(text.outcome)}` : '',
    text.channel ? slug(text.channel) : '',
    text.direction ? slug(text.direction) : '',
    text.minDuration ? `min-${text.minDuration}s` : '',
    text.maxDuration ? `max-${text.maxDuration}s` : '',
  ];
}

/**
 * A file name that says what the file holds: `sessions_2026-11-30_2026-12-06_archive_from-1503.csv`,
 * `sessions_2026-11-30_2026-12-06_missed_Incoming.csv`.
 */
export function exportFileName(view: SessionsView, format: ExportFormat): string {
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
    ...refinementTags(view),
  ].filter((p) => p !== '' && !p.endsWith('-'));
  return `${parts.join('_')}.${format === 'csv' ? 'csv' : 'ndjson'}`;
}
