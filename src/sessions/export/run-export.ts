// An export: the walk through a result (walk-result.ts), each page written as rows (export-rows.ts)
// to a sink (export-sink.ts). Plain code: the export menu runs it and shows its progress.
import type { SessionsRequest } from '../api/build-sessions-query';
import { fetchSessionsWithWire, type SessionWithWire } from '../api/fetch-sessions';
import type { SessionsPage } from '../api/session';
import { csvHead, csvRow, ndjsonLine, type CsvLayout, type ExportFormat } from './export-rows';
import type { ExportSink } from './export-sink';
import { walkResult, type WalkProgress } from './walk-result';

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
