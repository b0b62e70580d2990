// The scan itself: walks the result's server requests in the view's order, page by page, keeps
// the matches of the refinements (deduped by id) and counts everything it reads. Plain code with
// the fetch injected: the Web Worker runs it over the network, tests run it over fakes.
import { buildSessionsQuery } from '../api/build-sessions-query';
import { decodeSummaryPage } from '../api/decode-page';
import type { SessionSummary } from '../api/session';
import { addToCounts, emptyCounts, refinementPredicate } from '../refinements';
import type { ScanChunk, ScanInput } from './scan-protocol';

/** One page's JSON; throws a ScanFailure (worker) or an ApiError (in-thread) when it fails. */
export type FetchPageJson = (url: string) => Promise<Record<string, unknown>>;

const count = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);

/** Whether a page is followed by another, as far as the server says. */
function morePages(json: Record<string, unknown>, page: number, size: number, length: number): boolean {
  const totalPages = count(json.totalPages);
  if (totalPages !== undefined) return page + 1 < totalPages;
  if (typeof json.hasMorePages === 'boolean') return json.hasMorePages;
  return length >= size;
}

/** One page of a request as its reader hands it over: decoded, with what its answer said. */
interface ReadPage {
  items: SessionSummary[];
  /** Items the server sent (some may not decode). */
  sent: number;
  /** Another page follows. */
  more: boolean;
}

/**
 * A request's pages in order, read ahead of the scan by up to `ahead` pages: every request of the
 * result is read from the start, so the archive's pages come while the live ones are scanned (the
 * scan itself stays in the view's order). One page is asked at a time, the next while the one
 * before is decoded. `take()` resolves to the next page (undefined past the last) and throws the
 * request's failure; `stop()` asks no more.
 */
function readAhead(
  url: (page: number, size: number) => string,
  pageSize: number,
  ahead: number,
  fetchJson: FetchPageJson,
) {
  const ready: ReadPage[] = [];
  let total: number | undefined;
  let failure: { error: unknown } | undefined;
  let finished = false;
  let stopped = false;
  let wake: (() => void) | undefined;
  let room: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  void (async () => {
    try {
      let size = pageSize;
      let page = 0;
      let pending: Promise<Record<string, unknown>> | undefined = fetchJson(url(0, size));
      while (pending && !stopped) {
        const json: Record<string, unknown> = await pending;
        const items: unknown[] = Array.isArray(json.items) ? json.items : [];
        if (page === 0) {
          total = count(json.totalCount);
          // A server that caps its pages answers fewer than asked while saying more exist: page 0
          // holds exactly its cap, so page n of that size starts where the scan goes on.
          if (items.length > 0 && items.length < size && morePages(json, 0, items.length, items.length))
            size = items.length;
        }
        const more: boolean = items.length > 0 && morePages(json, page, size, items.length);
        const next = page + 1;
        const ask = () => fetchJson(url(next, size));
        pending = more && ready.length + 1 < ahead ? ask() : undefined;
        ready.push({ items: decodeSummaryPage(json, page).items, sent: items.length, more });
        notify();
        page = next;
        if (more && !pending) {
          await new Promise<void>((resolve) => (room = resolve));
          if (!stopped) pending = ask();
        }
      }
    } catch (error) {
      failure = { error };
    }
    finished = true;
    notify();
  })();

  return {
    /** The request's total, once its first page is in. */
    total: () => total,
    async take(): Promise<ReadPage | undefined> {
      for (;;) {
        const page = ready.shift();
        if (page) {
          room?.();
          room = undefined;
          return page;
        }
        if (failure) throw failure.error;
        if (finished) return undefined;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    stop() {
      stopped = true;
      room?.();
    },
  };
}

/** Pages a request's reader may hold ahead of the scan (summaries only: about 1 MB per 1,000). */
export const READ_AHEAD = 4;

export async function* scanPages(input: ScanInput, fetchJson: FetchPageJson): AsyncGenerator<ScanChunk> {
  const matches = refinementPredicate(input.refinements, input.anchorMs);
  const seen = new Set<string>();
  const counts = emptyCounts();
  const matchCounts = emptyCounts();
  let scanned = 0;
  let matched = 0;
  const readers = input.requests.map((filter) =>
    readAhead(
      (page, size) =>
        `${input.sessionsUrl}?${buildSessionsQuery(filter, { page, countPerPage: size }).toString()}`,
      input.pageSize,
      READ_AHEAD,
      fetchJson,
    ),
  );
  // The servers' totals known so far (a lower bound while later requests are unanswered).
  const total = () => {
    const known = readers.map((r) => r.total()).filter((t) => t !== undefined);
    return known.length ? known.reduce((sum, t) => sum + t, 0) : undefined;
  };
  // Copies: a chunk is handed over (posted, or kept by React Query) while the counts go on.
  const chunk = (
    found: SessionSummary[],
    part: number,
    done: boolean,
    limit?: ScanChunk['limit'],
  ): ScanChunk => ({
    matches: found,
    part,
    scanned,
    total: total(),
    matched,
    counts: structuredClone(counts),
    matchCounts: structuredClone(matchCounts),
    done,
    limit,
  });

  try {
    for (const [r, reader] of readers.entries()) {
      for (let page = await reader.take(); page; page = page.more ? await reader.take() : undefined) {
        const found: SessionSummary[] = [];
        let limit: ScanChunk['limit'];
        let fresh = 0;
        for (const s of page.items) {
          if (seen.has(s.id)) continue;
          fresh += 1;
          if (scanned >= input.maxScanned) {
            limit = 'scanned';
            break;
          }
          seen.add(s.id);
          scanned += 1;
          const ms = s.dateCreated?.ms;
          if (ms === undefined || ms < input.window.startMs || ms >= input.window.endMs) continue;
          addToCounts(counts, s);
          if (!matches(s)) continue;
          if (matched >= input.maxMatches) {
            limit = 'matches';
            break;
          }
          matched += 1;
          addToCounts(matchCounts, s);
          if (input.keepMatches) found.push(s);
        }
        if (!limit && page.more && scanned >= input.maxScanned) limit = 'scanned';
        yield chunk(found, r, limit !== undefined, limit);
        if (limit) return;
        // A page that brings nothing new (a server that ignores `page`, or a result that shifted by
        // a whole page) would keep the walk going forever: it ends this request instead.
        if (page.sent > 0 && fresh === 0) break;
      }
      reader.stop();
    }
    yield chunk([], input.requests.length - 1, true);
  } finally {
    for (const reader of readers) reader.stop();
  }
}
