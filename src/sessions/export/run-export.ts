// An export: the walk through a result (walk-result.ts), each page written as rows (export-rows.ts)
// to a sink (export-sink.ts). Plain code: the export menu runs it and shows its progress.
import type { SessionsRequest } from '../api/build-sessions-query';
import { fetchSessionsWithWire, type SessionWithWire } from '../api/fetch-sessions';
import type { SessionsPage } from '../api/session';
import type { SessionsView } from '../view/sessions-view';
import { dayInZone } from '../view/zoned-time';
import { csvHead, csvRow, ndjsonLine, type CsvLayout, type ExportFormat } from './export-rows';
import type { ExportSink } from './export-sink';
import { walkResult, type WalkProgress } from './walk-result';

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

export interface ExportOptions {
  format: ExportFormat;
  /** The result's server requests, in its order: today the view's own. */
  requests: readonly SessionsRequest[];
  /** CSV only: which columns, in which zone. */
  layout: CsvLayout;
  sink: ExportSink;
  accept?: (session: SessionWithWire) => boolean;
  signal?: AbortSignal;
  onProgress?: (progress: WalkProgress) => void;
  fetchPage?: (
    query: URLSearchParams,
    signal: AbortSignal | undefined,
  ) => Promise<SessionsPage<SessionWithWire>>;
  pageSize?: number;
}

/**
 * Writes the whole result to the sink and closes it; on failure or cancel, aborts the sink (nothing
 * half-written is left to look complete) and rethrows. Resolves to the last progress.
 */
export async function runExport({
  format,
  requests,
  layout,
  sink,
  accept,
  signal,
  onProgress,
  fetchPage = (query, s) => fetchSessionsWithWire(query, { signal: s }),
  pageSize,
}: ExportOptions): Promise<WalkProgress> {
  let last: WalkProgress = { read: 0, kept: 0, total: undefined };
  try {
    if (format === 'csv') await sink.write(csvHead(layout));
    for await (const { sessions, progress } of walkResult({
      requests,
      fetchPage,
      accept,
      signal,
      pageSize,
    })) {
      // A fetch that ignores the signal (or answered just before it) must not write after a cancel.
      signal?.throwIfAborted();
      let text = '';
      for (const s of sessions) text += format === 'csv' ? csvRow(s, layout) : ndjsonLine(s);
      if (text) await sink.write(text);
      last = progress;
      onProgress?.(progress);
    }
    await sink.close();
    return last;
  } catch (e) {
    await sink.abort();
    throw e;
  }
}
