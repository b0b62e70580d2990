// Every sessions query the UI makes, as `queryOptions` factories: keys come only from here, and so
// do the predicates that recognize them.
//
// Key layout:
//   ['sessions']
//   ['sessions', 'page', request.key, n]     one page of a search (table rows: summaries)
//   ['sessions', 'count', request.key]       the total of a search
//   ['sessions', 'edges', request.key, start, end, anchor]   where a window lies in a date-sorted search
//   ['sessions', 'probe', request.key, anchor, n]   probe page n of a date-sorted search (its edges' rows)
//   ['sessions', 'seam', live.key, archive.key, index, count, start, end, anchor]  sessions in both stores
//   ['sessions', 'detail', id]               one session whole, live or archived
//   ['sessions', 'children', id, archived, 'count' | 'list']   a session's transfers (child sessions)
//   ['sessions', 'scan', keys, refinements, start, end, anchor, keep, slices, merge]  a scan of a result's requests (scan/)
//   ['sessions', 'volume', keys, start, end, edges, anchor]   sessions per bar of the volume chart (chart/)
// `request.key` is the search's query string as the server sees it (build-sessions-query.ts), so
// filters that send the same request share cache entries, and as a string it matches only itself
// (React Query matches key prefixes partially inside objects).
//
// Every sessions query carries `meta.signInOnUnauthorized`: a 401 there means the sign-in expired
// (query-client.ts). Retries are not set here: the app's QueryClient defaults to `shouldRetry`
// (api-error.ts), so a test client with `retry: false` still turns them off.
import {
  queryOptions,
  experimental_streamedQuery as streamedQuery,
  type Query,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import {
  buildSessionsQuery,
  byDateRequest,
  childrenQuery,
  normalizeSessionsFilter,
  toSessionsRequest,
  type SessionsRequest,
} from './build-sessions-query';
import { fetchSessionSummaries } from './fetch-sessions';
import { fetchDetail } from './fetch-detail';
export type { SessionDetail } from './fetch-detail';
import { pageQuery, probeQuery } from './sessions-url';
import {
  fetchWindowEdges,
  isSettled,
  probeSamples,
  requestSpan,
  type FirstEdge,
  type WindowEdges,
} from './window-edges';
import type { SeamInput } from './store-seam';
import type { InstantWindow } from '../view/covering-days';
import type { SessionsPage, SessionSummary } from './session';
import type { Sample } from '../view/edge-search';
import type { BarCounts, BarProgress } from '../chart/count-bars';
import { latestEvery } from '../../lib/latest-every';
import { hasRefinements, refinementsKey, type Refinements } from '../refinements';
import {
  EMPTY_SCAN,
  MAX_MATCHES,
  MAX_SCANNED,
  reduceScan,
  SCAN_PAGE_SIZE,
  type ScanChunk,
  type ScanInput,
  type ScanState,
} from '../scan/scan-protocol';

export { SESSIONS_PAGE_SIZE } from './sessions-url';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { signInOnUnauthorized?: boolean };
  }
}

const meta = { signInOnUnauthorized: true };

const ROOT = 'sessions';

/** Legs listed under one session; a call transferred more often than this is not a person's call. */
export const MAX_CHILDREN = 50;

export const sessionQueries = {
  all: () => [ROOT] as const,
  /** Prefix of every page of one search: reset it to reload the result from the top. */
  result: (request: SessionsRequest) => [ROOT, 'page', request.key] as const,
  page: (request: SessionsRequest, page: number) =>
    queryOptions({
      queryKey: [...sessionQueries.result(request), page] as const,
      queryFn: ({ signal }) => fetchSessionSummaries(pageQuery(request.filter, page), { signal }),
      meta,
      // Pages scrolled far past lose their observers; dropping them soon keeps memory flat.
      gcTime: 10_000,
      staleTime: 30_000,
      // A page is replaced whole, never edited. Structural sharing would deep-compare each arriving
      // page with the last, mid-scroll, to spare a refetched page's rows one re-render.
      structuralSharing: false,
    }),
  /** Only the total of a search (one row fetched): the live view's cheap probe for new sessions. */
  count: (request: SessionsRequest) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- request.key is request.filter's canonical form
    queryOptions({
      queryKey: [ROOT, 'count', request.key] as const,
      queryFn: async ({ signal }) =>
        (
          await fetchSessionSummaries(buildSessionsQuery(request.filter, { page: 0, countPerPage: 1 }), {
            signal,
          })
        ).totalCount ?? 0,
      meta,
      gcTime: 20_000,
    }),
  /**
   * Where a window of instants begins and ends in a search sorted by date (window-edges.ts). Keyed
   * by the view's anchor: the edges hold for the rows as they were then, until the view re-anchors
   * or a page shows they moved (the table then refetches them, and their probes with them). The
   * first edge is its data while the other is searched (`isSettled` tells them apart), so the first
   * rows need not wait for it.
   */
  edges: (request: SessionsRequest, window: InstantWindow, anchorMs: number) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- request.key and the window's instants identify both
    queryOptions({
      queryKey: [ROOT, 'edges', request.key, window.startMs, window.endMs, anchorMs] as const,
      queryFn: ({ signal, client, queryKey }): Promise<WindowEdges | FirstEdge> => {
        // A search asked again (its rows moved) asks its probes again too, and keeps the edges it
        // had until it has new ones.
        const again = client.getQueryData(queryKey) !== undefined;
        // The probes are queries of their own, which this search's abort does not reach: a search
        // given up (the view changed while it ran) gives up its probes in flight too.
        const probes = sessionQueries.probes(request, anchorMs);
        signal.addEventListener('abort', () => void client.cancelQueries({ queryKey: probes }), {
          once: true,
        });
        return fetchWindowEdges(
          request,
          window,
          signal,
          (n) =>
            client.fetchQuery({
              ...sessionQueries.probe(request, anchorMs, n),
              ...(again && { staleTime: 0 }),
            }),
          (edge) => {
            if (client.getQueryData(queryKey) === undefined) client.setQueryData(queryKey, edge);
          },
        );
      },
      meta,
      staleTime: Infinity,
      gcTime: 60_000,
    }),
  /**
   * Probe page `n` of a search sorted by date: the rows the edge searches read. One cache for the
   * table's search of its window and the volume chart's searches of its bar edges, which start
   * from what the table's found. Keyed by the anchor, as the edges found with them. The chart
   * asks at `low` priority (fetch-sessions.ts): the same page, whoever asks.
   */
  probe: (request: SessionsRequest, anchorMs: number, n: number, priority?: RequestPriority) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the priority is how a page is asked, not what it holds
    queryOptions({
      queryKey: [...sessionQueries.probes(request, anchorMs), n] as const,
      queryFn: ({ signal }) => fetchSessionSummaries(probeQuery(request.filter, n), { signal, priority }),
      meta,
      staleTime: Infinity,
      gcTime: 60_000,
      structuralSharing: false,
      // The search that asks for it retries as a whole: retrying each probe too would multiply the waits.
      retry: false,
    }),
  /** Prefix of every probe page of one search at one anchor. */
  probes: (request: SessionsRequest, anchorMs: number) => [ROOT, 'probe', request.key, anchorMs] as const,
  /** The rows of a search that its probe pages already hold, by index (what the edge searches saw). */
  probedRows: (client: QueryClient, request: SessionsRequest, anchorMs: number): Sample[] =>
    client
      .getQueryCache()
      .findAll({ queryKey: sessionQueries.probes(request, anchorMs) })
      .flatMap((query) => {
        const page = query.state.data as SessionsPage<SessionSummary> | undefined;
        const n = query.queryKey[4];
        return page && typeof n === 'number' ? probeSamples(n, page.items) : [];
      }),
  /** How many of the newest archived rows of a window are live too (store-seam.ts). */
  seam: (input: SeamInput, anchorMs: number) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the key lists every field of `input` by value
    queryOptions({
      queryKey: [
        ROOT,
        'seam',
        input.live.key,
        input.archive.key,
        input.archiveNewestIndex,
        input.archiveCount,
        input.window.startMs,
        input.window.endMs,
        anchorMs,
      ] as const,
      // Asked only of results of both stores: its code loads with the first of them.
      queryFn: async ({ signal }) => (await import('./store-seam')).fetchSeamDuplicates(input, signal),
      meta,
      staleTime: Infinity,
      gcTime: 60_000,
    }),
  /**
   * A scan of a result: its server requests walked in the view's order (one today; one per segment
   * of the result once it has several), keeping the refinements' matches and counting everything.
   * A request sorted by date is read from its window's slice (`slices`, the table's edges), not
   * whole: its covering days hold more than the window.
   * Without refinements it only counts. Its data grows as pages are read; cancelling it (Stop)
   * keeps what was found. Never stale: a scan is rerun only when asked.
   */
  /** The prefix of every scan of a view, whatever it keeps or reads (`scan`'s key begins so). */
  scans: (
    requests: readonly SessionsRequest[],
    refinements: Refinements,
    window: InstantWindow,
    anchorMs: number,
  ) =>
    [
      ROOT,
      'scan',
      requests.map((r) => r.key).join(' | '),
      refinementsKey(refinements),
      window.startMs,
      window.endMs,
      anchorMs,
    ] as const,
  scan: (
    requests: readonly SessionsRequest[],
    refinements: Refinements,
    window: InstantWindow,
    anchorMs: number,
    keepMatches = hasRefinements(refinements),
    slices?: readonly ({ first: number; end: number } | undefined)[],
    merge?: ScanInput['merge'],
  ) =>
    queryOptions({
      queryKey: [
        ...sessionQueries.scans(requests, refinements, window, anchorMs),
        keepMatches,
        slices?.map((s) => (s ? `${s.first}-${s.end}` : '')).join(',') ?? '',
        merge ? `${merge.field} ${merge.desc ? 'desc' : 'asc'}` : '',
      ] as const,
      queryFn: streamedQuery<ScanChunk, ScanState>({
        // The scan's code loads with the first scan, not with the first screen.
        streamFn: async ({ signal }) => {
          const { absoluteSessionsUrl, runScan } = await import('../scan/run-scan');
          return runScan(
            {
              requests: requests.map((r) => r.filter),
              slices: slices?.map((s) => s && { first: s.first, end: s.end }),
              merge,
              refinements,
              window: { startMs: window.startMs, endMs: window.endMs },
              anchorMs,
              keepMatches,
              pageSize: SCAN_PAGE_SIZE,
              // Only a whole read (its rows kept, no refinements) reads a page ahead.
              pagesAhead: keepMatches && !hasRefinements(refinements) ? 1 : 0,
              maxScanned: MAX_SCANNED,
              maxMatches: MAX_MATCHES,
              sessionsUrl: absoluteSessionsUrl(),
            },
            signal,
          );
        },
        reducer: reduceScan,
        initialValue: EMPTY_SCAN,
      }),
      meta,
      staleTime: Infinity,
      gcTime: 60_000,
      retry: false,
      structuralSharing: false,
    }),
  /**
   * Sessions per bar of the volume chart over a result's requests; bar k is `[edges[k],
   * edges[k + 1])`, the first edge the window's start and the last its end. The edges are instants
   * fixed by the view's anchored window, so the key never holds a moving now; the anchor is in it
   * too, as in every query of an anchored view. Each request is counted in date order through the
   * table's own edge search (its edges query and its probe pages): the chart starts from the rows
   * the table's search found and asks only the probes that search did not.
   */
  volume: (
    requests: readonly SessionsRequest[],
    window: InstantWindow,
    edges: readonly number[],
    anchorMs: number,
  ) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the key lists every request, the window and the edges by value
    queryOptions({
      queryKey: [
        ROOT,
        'volume',
        requests.map((r) => r.key).join(' | '),
        window.startMs,
        window.endMs,
        edges.join(','),
        anchorMs,
      ] as const,
      queryFn: async ({ signal, client, queryKey }): Promise<BarCounts | BarProgress> => {
        // The chart's counting loads with the chart, not with the first screen.
        const { countBars, SMALL_RESULT } = await import('../chart/count-bars');
        // Its probes and counts are queries of their own, which this count's abort does not reach: a
        // chart given up (the view changed) gives up its requests in flight, and asks no more if it
        // was waiting for the table's searches (settled before it asks: `windowEdges`), which giving
        // up the view settles too.
        const asked: QueryKey[] = [];
        const fetchProbe = (options: ReturnType<typeof sessionQueries.probe>) => {
          signal.throwIfAborted();
          asked.push(options.queryKey);
          return client.fetchQuery(options);
        };
        signal.addEventListener('abort', () =>
          asked.forEach((queryKey) => void client.cancelQueries({ queryKey, exact: true })),
        );
        const segments = requests.map((r) => {
          const request = byDateRequest(r);
          return {
            order: request.filter.sortOrder === 'Ascend' ? ('asc' as const) : ('desc' as const),
            timeSpan: requestSpan(request),
            windowEdges: async () => {
              const options = sessionQueries.edges(request, window, anchorMs);
              const known = await client.ensureQueryData(options);
              // The first rows show on the first edge: the table's search may still be on the other
              // one, and its own answer (what the fetch resolves to) is settled.
              return isSettled(known)
                ? known
                : ((await client.fetchQuery({ ...options, staleTime: 0 })) as WindowEdges);
            },
            known: () => sessionQueries.probedRows(client, request, anchorMs),
            probe: (n: number) => fetchProbe(sessionQueries.probe(request, anchorMs, n, 'low')),
            countFrom: async (day: string) => {
              const from = toSessionsRequest({ ...request.filter, startDate: day });
              return (await fetchProbe(sessionQueries.probe(from, anchorMs, 0, 'low'))).totalCount ?? 0;
            },
            readSmall: async (s: AbortSignal) => {
              const whole = { page: 0, countPerPage: SMALL_RESULT };
              const query = buildSessionsQuery(normalizeSessionsFilter(request.filter), whole);
              return (await fetchSessionSummaries(query, { signal: s, priority: 'low' })).items;
            },
          };
        });
        // The bars counted so far show while the others are searched, a few times a second: a render
        // of the chart for each edge found would take the main thread from the searches.
        const progress = latestEvery(
          150,
          (p: BarProgress) => !signal.aborted && client.setQueryData(queryKey, p),
        );
        try {
          return await countBars(segments, window, edges, signal, progress.push);
        } finally {
          progress.stop();
        }
      },
      meta,
      // Counts given up halfway (the chart left the screen) are counted again when it returns.
      staleTime: (query) => (query.state.data && 'partial' in query.state.data ? 0 : Infinity),
      gcTime: 60_000,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [ROOT, 'detail', id] as const,
      queryFn: ({ signal }) => fetchDetail(id, signal),
      meta,
      staleTime: 30_000,
    }),

  /** How many child sessions (transfers) a session has: one row fetched, the total read. */
  childCount: (parentId: string, archived: boolean) =>
    queryOptions({
      queryKey: [ROOT, 'children', parentId, archived, 'count'] as const,
      queryFn: async ({ signal }) =>
        (await fetchSessionSummaries(childrenQuery(parentId, archived, 1), { signal })).totalCount ?? 0,
      meta,
      staleTime: 30_000,
    }),
  /** A session's child sessions (transfers), oldest first, without logs and members. */
  children: (parentId: string, archived: boolean) =>
    queryOptions({
      queryKey: [ROOT, 'children', parentId, archived, 'list'] as const,
      queryFn: async ({ signal }) =>
        (await fetchSessionSummaries(childrenQuery(parentId, archived, MAX_CHILDREN), { signal })).items,
      meta,
      staleTime: 30_000,
    }),

  /** Any sessions query (pages, counts, details). */
  isSessions: (query: Pick<Query, 'queryKey'>) => query.queryKey[0] === ROOT,
  /** A page of a table's result, or where its window lies. */
  isResult: (query: Pick<Query, 'queryKey'>) =>
    query.queryKey[0] === ROOT && (query.queryKey[1] === 'page' || query.queryKey[1] === 'edges'),
  /** A scan of a result (refinements, counts, a result read whole). */
  isScan: (query: Pick<Query, 'queryKey'>) => query.queryKey[0] === ROOT && query.queryKey[1] === 'scan',
  /** A page of a table's result. */
  isPage: (query: Pick<Query, 'queryKey'>) => query.queryKey[0] === ROOT && query.queryKey[1] === 'page',
};
