// Sessions in both stores. Evo Voice moves sessions older than about 15 days from the live store to
// the archive; a session in transit can answer from both for a while. Sorted by date, a result of
// both stores is the live slice and the archived slice one after the other, so such a session would
// be shown twice: as one of the oldest live rows and as one of the newest archived ones. This finds
// which of the newest archived rows inside the window are also live (their ids among the oldest
// live rows), so the table leaves them out and shows the live copy only.
//
// It reads a page of each side of the seam (two requests, side by side), more only while every row
// read is a duplicate. Duplicates that are not among the newest archived rows (an archive that
// moved out of order) are not looked for: the scan, which reads every row, drops those too.
import {
  buildSessionsQuery,
  normalizeSessionsFilter,
  type SessionsFilter,
  type SessionsRequest,
} from './build-sessions-query';
import type { SessionsPage, SessionSummary } from './session';
import { fetchSessionSummaries } from './fetch-sessions';
import type { InstantWindow } from '../view/covering-days';

/** Rows read per side and round. */
export const SEAM_PAGE_SIZE = 100;
/** At most this many duplicates are looked for (sessions in transit are a handful at a time). */
export const MAX_SEAM_ROWS = 1_000;

export interface SeamInput {
  live: SessionsRequest;
  archive: SessionsRequest;
  /** Rows of the archive, newest first, before the newest one inside the window. */
  archiveNewestIndex: number;
  /** Archived rows inside the window. */
  archiveCount: number;
  window: InstantWindow;
}

/** One page of a side; the app's fetch by default, the export's own (with its retries) there. */
export type SeamPageFetch = (
  query: URLSearchParams,
  signal: AbortSignal | undefined,
) => Promise<SessionsPage<SessionSummary>>;

const fetchSummaries: SeamPageFetch = (query, signal) => fetchSessionSummaries(query, { signal });

/** The newest archived rows inside the window that are live too (the archived copies). */
export async function fetchSeamDuplicates(
  input: Omit<SeamInput, 'window'>,
  signal?: AbortSignal,
  fetchPage: SeamPageFetch = fetchSummaries,
): Promise<SessionSummary[]> {
  const page = (filter: SessionsFilter, n: number) =>
    fetchPage(
      buildSessionsQuery(filter, {
        page: n,
        countPerPage: SEAM_PAGE_SIZE,
        simplifiedPaging: n > 0 || undefined,
      }),
      signal,
    );
  const live = cursor((n) => page(dated(input.live, 'Ascend'), n), 0);
  const archived = cursor((n) => page(dated(input.archive, 'Descend'), n), input.archiveNewestIndex);
  const limit = Math.min(input.archiveCount, MAX_SEAM_ROWS);
  const liveIds = new Set<string>();
  let newestLiveMs = -Infinity;
  const readLive = async () => {
    const rows = await live.next();
    rows.forEach((s) => liveIds.add(s.id));
    newestLiveMs = rows.at(-1)?.dateCreated?.ms ?? newestLiveMs;
    return rows.length > 0;
  };
  // The first page of each side, side by side.
  const [, first] = await Promise.all([readLive(), archived.peek()]);
  const duplicates: SessionSummary[] = [];
  for (let row = first; row && duplicates.length < limit; row = await archived.peek()) {
    // The live copy of an archived session is among the oldest live rows: read them up to its date.
    while (!liveIds.has(row.id) && (row.dateCreated?.ms ?? -Infinity) >= newestLiveMs && (await readLive()));
    if (!liveIds.has(row.id)) break;
    duplicates.push(row);
    archived.skip();
  }
  return duplicates;
}

/**
 * The ids of the archive's newest rows that are live too, from its newest row on (inside the
 * window or not: an export drops the rows outside it anyway). A walk through the whole result (the
 * export) leaves them out of the archive's part, so that it holds the rows the table shows.
 */
export async function fetchArchivedCopyIds(
  live: SessionsRequest,
  archive: SessionsRequest,
  signal?: AbortSignal,
  fetchPage?: SeamPageFetch,
): Promise<Set<string>> {
  const copies = await fetchSeamDuplicates(
    { live, archive, archiveNewestIndex: 0, archiveCount: MAX_SEAM_ROWS },
    signal,
    fetchPage,
  );
  return new Set(copies.map((s) => s.id));
}

const dated = (request: SessionsRequest, order: 'Ascend' | 'Descend'): SessionsFilter =>
  normalizeSessionsFilter({ ...request.filter, sortField: 'dateCreated', sortOrder: order });

type Row = SessionSummary;

/** Rows of a paged result from row `from` on, a page at a time. */
function cursor(fetchPage: (n: number) => Promise<SessionsPage<Row>>, from: number) {
  let index = from;
  let rows: Row[] = [];
  let rowsFrom = from;
  let ended = false;
  let pages = 0;
  const load = async () => {
    const n = Math.floor(index / SEAM_PAGE_SIZE);
    const answer = await fetchPage(n);
    pages += 1;
    rows = answer.items;
    rowsFrom = n * SEAM_PAGE_SIZE;
    if (answer.items.length < SEAM_PAGE_SIZE) ended = true;
  };
  return {
    /** The next page's rows (for the live side, read whole). */
    async next(): Promise<Row[]> {
      if (ended || pages * SEAM_PAGE_SIZE >= MAX_SEAM_ROWS + SEAM_PAGE_SIZE) return [];
      await load();
      index = rowsFrom + SEAM_PAGE_SIZE;
      return rows;
    },
    /** The row at the cursor, without moving it. */
    async peek(): Promise<Row | undefined> {
      if (index - rowsFrom >= rows.length || index < rowsFrom) {
        if (ended && index >= rowsFrom) return undefined;
        await load();
      }
      return rows[index - rowsFrom];
    },
    skip() {
      index += 1;
    },
  };
}
