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

export async function* scanPages(input: ScanInput, fetchJson: FetchPageJson): AsyncGenerator<ScanChunk> {
  const matches = refinementPredicate(input.refinements, input.anchorMs);
  const seen = new Set<string>();
  const counts = emptyCounts();
  const matchCounts = emptyCounts();
  const totals: (number | undefined)[] = input.requests.map(() => undefined);
  let scanned = 0;
  let matched = 0;
  const total = () =>
    totals.some((t) => t !== undefined) ? totals.reduce<number>((sum, t) => sum + (t ?? 0), 0) : undefined;
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
  const url = (filter: ScanInput['requests'][number], page: number, size: number) =>
    `${input.sessionsUrl}?${buildSessionsQuery(filter, { page, countPerPage: size }).toString()}`;

  for (const [r, filter] of input.requests.entries()) {
    let size = input.pageSize;
    let page = 0;
    let pending: Promise<Record<string, unknown>> | undefined = fetchJson(url(filter, 0, size));
    while (pending) {
      const json: Record<string, unknown> = await pending;
      const items: unknown[] = Array.isArray(json.items) ? json.items : [];
      if (page === 0) {
        totals[r] = count(json.totalCount);
        // A server that caps its pages answers fewer than asked while saying more exist: page 0
        // holds exactly its cap, so page n of that size starts where the scan goes on.
        if (items.length > 0 && items.length < size && morePages(json, 0, items.length, items.length))
          size = items.length;
      }
      const more: boolean = items.length > 0 && morePages(json, page, size, items.length);
      const room = input.maxScanned - scanned - items.length;
      // The next page is asked while this one is decoded.
      pending = more && room > 0 ? fetchJson(url(filter, page + 1, size)) : undefined;
      page += 1;

      const found: SessionSummary[] = [];
      let limit: ScanChunk['limit'];
      let fresh = 0;
      for (const s of decodeSummaryPage(json, page - 1).items) {
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
      if (!limit && more && room <= 0) limit = 'scanned';
      // A page that brings nothing new (a server that ignores `page`, or a result that shifted by
      // a whole page) would keep the walk going forever: it ends this request instead.
      if (items.length > 0 && fresh === 0) pending = undefined;
      yield chunk(found, r, limit !== undefined, limit);
      if (limit) return;
    }
  }
  yield chunk([], input.requests.length - 1, true);
}
