// How an export pages through a result: both stores with sessions in transit (each written once,
// as live), pages asked ahead and answered in any order, a server that caps its pages.
import { describe, expect, it } from 'vitest';
import { makeWireSessions } from '../../../test/session-factory';
import { memorySink } from '../../../test/memory-sink';
import { toSessionsRequest } from '../api/build-sessions-query';
import { decodeListResponse, decodeSummary } from '../api/decode-page';
import type { SessionWithWire } from '../api/fetch-sessions';
import type { SessionsPage } from '../api/session';
import type { CsvLayout } from './export-rows';
import { runExport } from './run-export';
import { WALK_AHEAD } from './walk-result';

const layout: CsvLayout = { columns: ['start'], zone: 'utc', origin: 'https://sh.example', now: 0 };
type Wire = Record<string, unknown>;

/**
 * Two stores over `wire`: the archive holds the sessions before `liveFrom` (by date), the live store
 * those from it on, and the first `inBoth` live ones answer from the archive too (in transit), their
 * archived copies marked `archivedCopy`. Sorted by `sortField` (ties by id), 0-based pages,
 * counted unless `simplifiedPaging`; at most `cap` rows a page; `inFlight` tells the most
 * requests it was answering at once.
 */
function twoStores(
  wire: Wire[],
  { liveFrom, inBoth, cap = Infinity }: { liveFrom: number; inBoth: number; cap?: number },
) {
  const byDate = [...wire].sort((a, b) => (String(a.dateCreated) < String(b.dateCreated) ? -1 : 1));
  const live = byDate.slice(liveFrom);
  const archive = [
    ...byDate.slice(0, liveFrom),
    ...live.slice(0, inBoth).map((w): Wire => ({ ...w, archivedCopy: true })),
  ];
  const stats = { inFlight: 0, maxInFlight: 0, requests: [] as URLSearchParams[] };
  const fetchPage = async (query: URLSearchParams): Promise<SessionsPage<SessionWithWire>> => {
    stats.requests.push(query);
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    // Answers arrive in any order.
    await new Promise((r) => setTimeout(r, Math.random() * 5));
    stats.inFlight -= 1;
    const field = query.get('sortField') ?? 'dateCreated';
    const dir = query.get('sortOrder') === 'Ascend' ? 1 : -1;
    const rows = [...(query.get('searchArchive') === 'true' ? archive : live)].sort((a, b) => {
      const [x, y] = [String(a[field] ?? ''), String(b[field] ?? '')];
      return (x !== y ? (x < y ? -1 : 1) : String(a.id) < String(b.id) ? -1 : 1) * dir;
    });
    const size = Math.min(Number(query.get('countPerPage')), cap);
    const page = Number(query.get('page'));
    return decodeListResponse(
      {
        items: rows.slice(page * size, (page + 1) * size),
        totalCount: query.get('simplifiedPaging') === 'true' ? undefined : rows.length,
        hasMorePages: (page + 1) * size < rows.length,
      },
      page,
      (raw, id) => ({ ...decodeSummary(raw, id), wire: raw }),
    );
  };
  return { fetchPage, stats, live, archive };
}

const exportedIds = (sink: { text: () => string }) =>
  sink
    .text()
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; archivedCopy?: boolean });

describe('runExport over both stores', () => {
  const bothStores = (sortField: string, sortOrder: 'Ascend' | 'Descend') =>
    (['live', 'archive'] as const).map((store) =>
      toSessionsRequest({
        startDate: '2026-11-01',
        endDate: '2026-11-30',
        searchArchive: store === 'archive' || undefined,
        sortField: sortField as 'dateCreated',
        sortOrder,
      }),
    );

  it.each([
    ['newest first', 'dateCreated', 'Descend'],
    ['oldest first', 'dateCreated', 'Ascend'],
    ['by customer', 'customerName', 'Ascend'],
  ] as const)(
    '%s: a session in transit is written once, as live, across pages and page boundaries',
    async (_, sortField, sortOrder) => {
      const wire = makeWireSessions(230, 11) as unknown as Wire[];
      const stores = twoStores(wire, { liveFrom: 100, inBoth: 25 });
      const requests = bothStores(sortField, sortOrder);
      const sink = memorySink();
      const progress = await runExport({
        format: 'ndjson',
        // The view's order: oldest first, the archive comes first.
        requests: sortField === 'dateCreated' && sortOrder === 'Ascend' ? requests.reverse() : requests,
        layout,
        sink,
        fetchPage: stores.fetchPage,
        pageSize: 10,
      });
      const written = exportedIds(sink);
      expect(written.map((s) => s.id).sort()).toEqual(wire.map((w) => String(w.id)).sort());
      expect(written.filter((s) => s.archivedCopy)).toEqual([]);
      expect(progress.kept).toBe(230);
    },
  );

  it('keeps a few pages in flight, whatever order they answer in, and writes them in order', async () => {
    const wire = makeWireSessions(200, 4) as unknown as Wire[];
    const stores = twoStores(wire, { liveFrom: 0, inBoth: 0 });
    const sink = memorySink();
    await runExport({
      format: 'ndjson',
      requests: [bothStores('dateCreated', 'Descend')[0]!],
      layout,
      sink,
      fetchPage: stores.fetchPage,
      pageSize: 10,
    });
    const newestFirst = [...wire].sort((a, b) => (String(a.dateCreated) > String(b.dateCreated) ? -1 : 1));
    expect(exportedIds(sink).map((s) => s.id)).toEqual(newestFirst.map((w) => w.id));
    expect(stores.stats.maxInFlight).toBeGreaterThan(1);
    expect(stores.stats.maxInFlight).toBeLessThanOrEqual(WALK_AHEAD);
    // Each page once.
    expect(stores.stats.requests.map((q) => q.get('page'))).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i)),
    );
  });

  it('reads a server that answers fewer sessions a page than asked in pages of its size', async () => {
    const wire = makeWireSessions(95, 8) as unknown as Wire[];
    const stores = twoStores(wire, { liveFrom: 40, inBoth: 3, cap: 7 });
    const sink = memorySink();
    const progress = await runExport({
      format: 'ndjson',
      requests: bothStores('dateCreated', 'Descend'),
      layout,
      sink,
      fetchPage: stores.fetchPage,
      pageSize: 50,
    });
    expect(
      exportedIds(sink)
        .map((s) => s.id)
        .sort(),
    ).toEqual(wire.map((w) => String(w.id)).sort());
    expect(progress.kept).toBe(95);
    const walkPages = stores.stats.requests.filter((q) => q.get('countPerPage') !== '100');
    expect(walkPages.filter((q) => q.get('page') !== '0').every((q) => q.get('countPerPage') === '7')).toBe(
      true,
    );
  });
});
