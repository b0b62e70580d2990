// An export: the walk through a result (walk-result.ts), each page written as rows (export-rows.ts)
// to a sink (export-sink.ts). Plain code: the export menu runs it and shows its progress.
import type { SessionsRequest } from '../api/build-sessions-query';
import { fetchSessionsWithWire, fetchSessionSummaries, type SessionWithWire } from '../api/fetch-sessions';
import type { SessionSummary } from '../api/session';
import type { SortField } from '../api/session-types';
import { fetchArchivedCopyIds } from '../api/store-seam';
import { pickRefinements } from '../refinements';
import { refinementPredicate } from '../refinement-match';
import { sessionComparator } from '../sort-order';
import { inWindow, type SessionsView } from '../view/sessions-view';
import { csvHead, csvRow, ndjsonLine, type CsvLayout } from './export-rows';
import type { ExportSink } from './export-sink';
import { mergeWalks } from './merge-walks';
import { walkResult, withRetries, type WalkFetch, type WalkProgress } from './walk-result';

interface CommonOptions {
  /** The result's server requests, in its order: today the view's own. */
  requests: readonly SessionsRequest[];
  /** The requests are parts to merge by this sort, not to write one after the other (`SessionsView.merge`). */
  merge?: { field: SortField; desc: boolean };
  /** CSV only: which columns, in which zone. */
  layout: CsvLayout;
  sink: ExportSink;
  accept?: (session: SessionSummary) => boolean;
  signal?: AbortSignal;
  onProgress?: (progress: WalkProgress) => void;
  pageSize?: number;
  /** Waits before a retry (tests skip the wait). */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/**
 * Each format reads what it writes: a CSV the sessions' summaries, so that a page's whole items
 * (their logs and members, most of a page) are garbage once decoded rather than held with the pages
 * read ahead; NDJSON the items as the API sent them.
 */
export type ExportOptions = CommonOptions &
  (
    | { format: 'csv'; fetchPage?: WalkFetch<SessionSummary> }
    | { format: 'ndjson'; fetchPage?: WalkFetch<SessionWithWire> }
  );

/**
 * Per request, the sessions it leaves out: in a result of both stores, the archived copies of
 * sessions still live (in transit), which the table shows once, as live (api/store-seam.ts).
 */
function archivedCopies(
  requests: readonly SessionsRequest[],
  fetchPage: WalkFetch<SessionSummary>,
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
export function runExport(options: ExportOptions): Promise<WalkProgress> {
  const { layout } = options;
  return options.format === 'csv'
    ? writeResult(
        options,
        options.fetchPage ?? ((query, signal) => fetchSessionSummaries(query, { signal })),
        (s) => csvRow(s, layout),
        () => csvHead(layout),
      )
    : writeResult(
        options,
        options.fetchPage ?? ((query, signal) => fetchSessionsWithWire(query, { signal })),
        ndjsonLine,
      );
}

async function writeResult<T extends SessionSummary>(
  { requests, merge, sink, accept, signal, onProgress, pageSize, sleep }: CommonOptions,
  fetchPage: WalkFetch<T>,
  line: (session: T) => string,
  head?: () => string,
): Promise<WalkProgress> {
  let last: WalkProgress = { read: 0, kept: 0, total: undefined };
  // Looked for while the first pages are read.
  const leaveOut = archivedCopies(requests, withRetries(fetchPage, sleep), signal);
  const walk = (part: readonly SessionsRequest[], skip: typeof leaveOut) =>
    walkResult({ requests: part, fetchPage, accept, leaveOut: skip, signal, pageSize, sleep });
  const pages =
    merge && requests.length > 1
      ? mergeWalks(
          requests.map((r, i) => walk([r], [leaveOut[i]])),
          sessionComparator(merge.field, merge.desc),
        )
      : walk(requests, leaveOut);
  try {
    if (head) await sink.write(head());
    for await (const { sessions, progress } of pages) {
      // A fetch that ignores the signal (or answered just before it) must not write after a cancel.
      signal?.throwIfAborted();
      let text = '';
      for (const s of sessions) text += line(s);
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

/**
 * What an export of the view writes of the sessions its requests answer: those created inside its
 * window (the API answers whole days) that its refinements keep (the API cannot apply them).
 */
export function viewAccept(view: SessionsView): (session: SessionSummary) => boolean {
  const refined = refinementPredicate(pickRefinements(view.search), view.anchorMs);
  return (s) => inWindow(view, s) && refined(s);
}
