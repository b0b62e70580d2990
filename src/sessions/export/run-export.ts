// An export: the walk through a result (walk-result.ts), each page written as rows (export-rows.ts)
// to a sink (export-sink.ts). Plain code: the export menu runs it and shows its progress.
import type { SessionsRequest } from '../api/build-sessions-query';
import { fetchSessionsWithWire, type SessionWithWire } from '../api/fetch-sessions';
import type { SessionsPage } from '../api/session';
import { fetchArchivedCopyIds } from '../api/store-seam';
import { csvHead, csvRow, ndjsonLine, type CsvLayout, type ExportFormat } from './export-rows';
import type { ExportSink } from './export-sink';
import { walkResult, withRetries, type WalkProgress } from './walk-result';

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
  /** Waits before a retry (tests skip the wait). */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/**
 * Per request, the sessions it leaves out: in a result of both stores, the archived copies of
 * sessions still live (in transit), which the table shows once, as live (api/store-seam.ts).
 */
function archivedCopies(
  requests: readonly SessionsRequest[],
  fetchPage: NonNullable<ExportOptions['fetchPage']>,
  signal: AbortSignal | undefined,
): (Promise<ReadonlySet<string>> | undefined)[] {
  const live = requests.find((r) => !r.filter.searchArchive);
  const archive = requests.findIndex((r) => r.filter.searchArchive === true);
  if (!live || archive < 0) return [];
  const copies = fetchArchivedCopyIds(live, requests[archive]!, signal, fetchPage);
  // Awaited when the walk reaches the archive; a cancel before then must not leave it unhandled.
  copies.catch(() => {});
  return requests.map((_, i) => (i === archive ? copies : undefined));
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
  sleep,
}: ExportOptions): Promise<WalkProgress> {
  let last: WalkProgress = { read: 0, kept: 0, total: undefined };
  try {
    if (format === 'csv') await sink.write(csvHead(layout));
    for await (const { sessions, progress } of walkResult({
      requests,
      fetchPage,
      accept,
      // Looked for while the first pages are read.
      leaveOut: archivedCopies(requests, withRetries(fetchPage, sleep), signal),
      signal,
      pageSize,
      sleep,
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
