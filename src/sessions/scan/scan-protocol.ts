// What a scan is asked and what it tells, shared by the main thread (run-scan.ts), the Web Worker
// (scan-worker.ts) and the loop they run (scan-loop.ts). Plain data: it crosses postMessage.
import type { SessionsFilter } from '../api/build-sessions-query';
import type { SessionSummary } from '../api/session';
import type { SortField } from '../api/session-types';
import { emptyCounts, type Refinements, type SessionCounts } from '../refinements';

/** At most this many sessions are scanned: past it the scan stops and says so. */
export const MAX_SCANNED = 200_000;
/** At most this many matches are kept (summaries only: no logs, no members). */
export const MAX_MATCHES = 20_000;
/**
 * Under another sort than the date, a result of at most MAX_MATCHES server rows is read whole by the
 * scan (use-view-result.ts): its window's rows and total, exactly. Larger ones are shown as server
 * pages, with the window counted by a search sorted by date.
 */
export const readsWhole = (serverRows: number) => serverRows <= MAX_MATCHES;
/**
 * Sessions asked per page. Large pages make the server count and sort the result fewer times; a
 * server that answers fewer (its own cap) is detected from its first page, and the rest is asked in
 * pages of that size. Deployments can set it at build time (VITE_SCAN_PAGE_SIZE).
 */
export const SCAN_PAGE_SIZE = readPageSize(import.meta.env.VITE_SCAN_PAGE_SIZE);

function readPageSize(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 10 && n <= 10_000 ? n : 1000;
}

export interface ScanInput {
  /** The server requests of the result, in the view's order; one per segment of it. */
  requests: SessionsFilter[];
  refinements: Refinements;
  /**
   * For each request sorted by date, the server rows `[first, end)` inside the window (the table's
   * edges): the scan reads that slice, not the whole request (its covering days hold more).
   */
  slices?: ({ first: number; end: number } | undefined)[];
  /** The view's window: sessions created outside `[startMs, endMs)` are read past, not counted. */
  window: { startMs: number; endMs: number };
  /**
   * Under another sort than the date, a result of several requests: their matches are merged into
   * one order when the scan ends (sort-order.ts), here, off the main thread.
   */
  merge?: { field: SortField; desc: boolean };
  /** The view's anchor: live sessions' durations run to it. */
  anchorMs: number;
  /** Keep the matching sessions (a refined result), or only count (counts of an unrefined one). */
  keepMatches: boolean;
  pageSize: number;
  /**
   * Pages asked beyond the one being read, once the read's last page is known (0 or 1). One keeps
   * the server preparing a page while the worker parses the other: a whole read (of at most
   * MAX_MATCHES rows, waited for) finishes sooner. A refinement scan or a count runs while the
   * table is read and scrolled, and there a worker parsing without pause takes the CPU the page's
   * frames need on a machine with two cores (bench:scan, docs/performance.md).
   */
  pagesAhead: 0 | 1;
  maxScanned: number;
  maxMatches: number;
  /** Absolute URL of `GET /sessions` (a worker has no document to resolve `/api` against). */
  sessionsUrl: string;
}

/** What one page of the scan adds; chunks are reduced into a ScanState. */
export interface ScanChunk {
  /** Matches found in this page, in the view's order. */
  matches: SessionSummary[];
  /** The request (`ScanInput.requests`) the page belongs to. */
  part: number;
  scanned: number;
  /** The servers' totals known so far (a lower bound while later requests are unasked). */
  total: number | undefined;
  matched: number;
  /** Of every session scanned, and of the matches. */
  counts: SessionCounts;
  matchCounts: SessionCounts;
  done: boolean;
  /** Why the scan ended before the result did. */
  limit?: 'scanned' | 'matches';
  /** When done and asked to `merge`: the indexes of every match (in the order found) in merged order. */
  order?: Uint32Array;
  /**
   * The page's matches go on in the next message: the worker posts a page's matches in pieces
   * (scan-worker.ts), and a piece is merged with the rest before it is reduced (pace-chunks.ts).
   */
  more?: boolean;
}

export interface ScanState extends ScanChunk {
  /** Every match so far (the chunk's `matches` are appended). */
  matches: SessionSummary[];
  /** How many of `matches` each request gave, in order: the parts a merge interleaves. */
  partSizes: number[];
}

export const EMPTY_SCAN: ScanState = {
  matches: [],
  part: 0,
  partSizes: [],
  scanned: 0,
  total: undefined,
  matched: 0,
  counts: emptyCounts(),
  matchCounts: emptyCounts(),
  done: false,
};

export function reduceScan(state: ScanState, chunk: ScanChunk): ScanState {
  if (!chunk.matches.length) return { ...chunk, matches: state.matches, partSizes: state.partSizes };
  const partSizes = [...state.partSizes];
  partSizes[chunk.part] = (partSizes[chunk.part] ?? 0) + chunk.matches.length;
  return { ...chunk, matches: state.matches.concat(chunk.matches), partSizes };
}

/** A failed request, in a form that crosses postMessage (an ApiError does not keep its class). */
export type ScanFailure =
  { kind: 'http'; status: number; body: string } | { kind: 'network' | 'decode'; message: string };

export type ScanMessage = { type: 'chunk'; chunk: ScanChunk } | { type: 'error'; failure: ScanFailure };
