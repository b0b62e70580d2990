// The scan itself: walks the result's server requests in the view's order, page by page, keeps
// the matches of the refinements (deduped by id) and counts everything it reads. Plain code with
// the fetch injected: the Web Worker runs it over the network, tests run it over fakes.
import { buildSessionsQuery } from '../api/build-sessions-query';
import { decodeSummaryPage } from '../api/decode-page';
import type { SessionSummary } from '../api/session';
import { emptyCounts } from '../refinements';
import { addToCounts, refinementPredicate } from '../refinement-match';
import type { ScanChunk, ScanInput } from './scan-protocol';
import { mergeKey, mergeOrder, type MergeKey } from '../sort-order';

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
  const { window } = input;
  const seen = new Set<string>();
  const counts = emptyCounts();
  const matchCounts = emptyCounts();
  // A sliced request's total is its slice until it is read, then the window's rows it held.
  const totals: (number | undefined)[] = input.requests.map((_, r) => sliceSize(input.slices?.[r]));
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
  // The merge's keys of the matches kept, per request (not the sessions: those are posted).
  const { merge } = input;
  const keys: MergeKey[][] | undefined =
    merge && input.keepMatches ? input.requests.map(() => []) : undefined;
  const done = (part: number, found: SessionSummary[], limit?: ScanChunk['limit']): ScanChunk => ({
    ...chunk(found, part, true, limit),
    order: keys && mergeOrder(keys, merge!.desc),
  });
  // Only an unsliced read's page 0 is counted (its total); the server skips counting the others.
  const url = (filter: ScanInput['requests'][number], page: number, size: number, counted: boolean) =>
    `${input.sessionsUrl}?${buildSessionsQuery(filter, { page, countPerPage: size, simplifiedPaging: !counted || undefined }).toString()}`;

  for (const [r, filter] of input.requests.entries()) {
    const slice = input.slices?.[r];
    // A request sorted by date is read from where the window begins to where it ends (the table's
    // edges), not whole. Rows may have moved since its edges were found (sessions arrive, others
    // leave for the archive): the read begins on a page that shows a row before the window and ends
    // on one that shows a row past it, whatever the indexes say.
    const desc = filter.sortOrder !== 'Ascend';
    const side = (ms: number | undefined): 'before' | 'inside' | 'past' =>
      ms === undefined || !Number.isFinite(ms)
        ? desc
          ? 'past'
          : 'before'
        : ms >= window.startMs && ms < window.endMs
          ? 'inside'
          : ms >= window.endMs === desc
            ? 'before'
            : 'past';
    let size = input.pageSize;
    let page = slice ? Math.floor(Math.max(0, slice.first - 1) / size) : 0;
    // Pages are asked in order, the next while one is decoded; a sliced read may first step back.
    // With `pagesAhead`, once the page size is settled and the read's last page is known (the
    // slice's end, or the first page's count), one more is in flight.
    const asked = new Map<number, Promise<Record<string, unknown>>>();
    const ask = (n: number) => {
      let answer = asked.get(n);
      if (!answer) {
        answer = fetchJson(url(filter, n, size, !slice && n === 0));
        // A page asked ahead and then not needed (the read ended first) fails unheard.
        answer.catch(() => undefined);
        asked.set(n, answer);
      }
      return answer;
    };
    let lastPage = slice ? Math.ceil(slice.end / size) - 1 : undefined;
    let begun = !slice;
    let sawCap = false;
    let insideRows = 0;
    let pending: Promise<Record<string, unknown>> | undefined = ask(page);
    while (pending) {
      const json: Record<string, unknown> = await pending;
      asked.delete(page);
      const items: unknown[] = Array.isArray(json.items) ? json.items : [];
      if (!slice && page === 0) {
        totals[r] = count(json.totalCount);
        const pages = count(json.totalPages);
        if (pages !== undefined) lastPage = pages - 1;
      }
      // A server that caps its pages answers fewer than asked while saying more exist: that page
      // holds exactly its cap, so the read goes on (or starts again) in pages of that size.
      if (
        !sawCap &&
        items.length > 0 &&
        items.length < size &&
        morePages(json, page, items.length, items.length)
      ) {
        sawCap = true;
        size = items.length;
        asked.clear();
        if (slice) lastPage = Math.ceil(slice.end / size) - 1;
        else if (lastPage !== undefined) lastPage = Math.ceil((totals[r] ?? 0) / size) - 1;
        if (page > 0) {
          page = Math.floor(Math.max(0, slice!.first - 1) / size);
          pending = ask(page);
          continue;
        }
      }
      sawCap = true;
      const rows = decodeSummaryPage(json, page).items;
      if (!begun && page > 0 && rows.length > 0 && rows.every((s) => side(s.dateCreated?.ms) !== 'before')) {
        // The window may begin on an earlier page: the rows moved up.
        page -= 1;
        pending = ask(page);
        continue;
      }
      begun = true;
      const ends = slice !== undefined && rows.some((s) => side(s.dateCreated?.ms) === 'past');
      const more: boolean = !ends && items.length > 0 && morePages(json, page, size, items.length);
      const room = input.maxScanned - scanned - items.length;
      pending = more && room > 0 ? ask(page + 1) : undefined;
      if (input.pagesAhead && pending && lastPage !== undefined && page + 2 <= lastPage && room > size)
        void ask(page + 2);
      page += 1;

      const found: SessionSummary[] = [];
      let limit: ScanChunk['limit'];
      let fresh = 0;
      for (const s of rows) {
        if (seen.has(s.id)) continue;
        fresh += 1;
        const where = side(s.dateCreated?.ms);
        // Rows outside the window are read past; a sliced read does not count them as scanned.
        if (slice && where !== 'inside') continue;
        if (scanned >= input.maxScanned) {
          limit = 'scanned';
          break;
        }
        seen.add(s.id);
        scanned += 1;
        if (where !== 'inside') continue;
        insideRows += 1;
        addToCounts(counts, s);
        if (!matches(s)) continue;
        if (matched >= input.maxMatches) {
          limit = 'matches';
          break;
        }
        matched += 1;
        addToCounts(matchCounts, s);
        if (input.keepMatches) found.push(s);
        keys?.[r]!.push(mergeKey(s, merge!.field));
      }
      if (!limit && more && room <= 0) limit = 'scanned';
      // A page that brings nothing new (a server that ignores `page`, or a result that shifted by
      // a whole page) would keep the walk going forever: it ends this request instead.
      if (items.length > 0 && fresh === 0) pending = undefined;
      if (slice && !pending) totals[r] = insideRows;
      if (limit) {
        yield done(r, found, limit);
        return;
      }
      yield chunk(found, r, false);
    }
  }
  yield done(input.requests.length - 1, []);
}

const sliceSize = (slice: { first: number; end: number } | undefined) =>
  slice && Math.max(0, slice.end - slice.first);
