// How many requests the volume chart of a 30-day window asks, and how long they take, without a
// browser: the chart's own counting (count-bars.ts) and the table's edge search (window-edges.ts)
// run over the creation dates of a sandbox database, behind a model of a browser (six requests at a
// time to one server) and of the sandbox (one query worker answering in turn, a fixed time per
// request). For comparing ways of searching the bars' edges in seconds rather than benchmark runs;
// `npm run bench:windows` measures the real thing.
//
//   npx tsx bench/chart-requests.ts [--db .sandbox/bench-150000.db] [--zone America/Los_Angeles]
//     [--latency 0] [--service 9.5]
//
// The database is one `npm run bench:windows` built (`--chart-sessions`, 150,000 by default). The
// view is `range=30d` a minute after its newest session; sessions older than the archive age are the
// archive's, the rest live; both stores are asked for the window's covering days (planStores).
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { countBars, SMALL_RESULT, type CountedSegment } from '../src/sessions/chart/count-bars';
import { volumeBars } from '../src/sessions/chart/volume-bars';
import type { SessionsRequest } from '../src/sessions/api/build-sessions-query';
import type { SessionsPage, SessionSummary } from '../src/sessions/api/session';
import { PROBE_PAGE_SIZE } from '../src/sessions/api/sessions-url';
import { fetchWindowEdges, type WindowEdges } from '../src/sessions/api/window-edges';
import { dayRangeSpan, planStores } from '../src/sessions/view/covering-days';
import { resolveTimeWindow } from '../src/sessions/view/time-window';
import type { ZoneName } from '../src/sessions/view/zoned-time';

const CONNECTIONS = 6;

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: '.sandbox/bench-150000.db' },
    zone: { type: 'string', default: 'America/Los_Angeles' },
    latency: { type: 'string', default: '0' },
    service: { type: 'string', default: '9.5' },
  },
});
const zone = args.zone as ZoneName;
const latencyMs = Number(args.latency);
const serviceMs = Number(args.service);

const db = new Database(args.db, { readonly: true });
const dates = (
  db.prepare('SELECT date_created AS ms FROM sessions ORDER BY date_created DESC').all() as { ms: number }[]
).map((r) => r.ms);
db.close();
// The view `range=30d` anchored a minute after the newest session, as the app resolves it.
const nowMs = dates[0]! + 60_000;
const { window } = resolveTimeWindow({ range: '30d' }, zone, nowMs);
const plan = planStores(window, nowMs, 'both');
const days = plan.live!;
const span = dayRangeSpan(days);
const inDays = (ms: number) => ms >= span.startMs && ms < span.endMs;
const stores = [
  dates.filter((ms) => inDays(ms) && ms >= plan.expectedSeamMs),
  dates.filter((ms) => inDays(ms) && ms < plan.expectedSeamMs),
];

// The browser's connections and the server's one worker, in real time.
let inFlight = 0;
const queued: (() => void)[] = [];
let workerFreeAt = 0;
let requests = 0;
async function request<T>(answer: () => T): Promise<T> {
  while (inFlight >= CONNECTIONS) await new Promise<void>((go) => queued.push(go));
  inFlight++;
  requests++;
  const start = Math.max(performance.now() + latencyMs / 2, workerFreeAt);
  workerFreeAt = start + serviceMs;
  await new Promise((done) => setTimeout(done, workerFreeAt + latencyMs / 2 - performance.now()));
  inFlight--;
  queued.shift()?.();
  return answer();
}

/**
 * One store's result, newest first, reached only through counted requests. As in the app, the rows
 * the chart starts from are every probe page read so far (session-queries.ts: `probedRows`).
 */
function segment(rows: readonly number[]): CountedSegment {
  const probes = new Map<number, Promise<SessionsPage<SessionSummary>>>();
  const read = new Map<number, number>();
  const summaries = (from: number, to: number) =>
    rows
      .slice(from, to)
      .map((ms, i) => ({ id: `${from + i}`, dateCreated: { ms } }) as unknown as SessionSummary);
  const page = (n: number): SessionsPage<SessionSummary> => {
    const items = rows.slice(n * PROBE_PAGE_SIZE, (n + 1) * PROBE_PAGE_SIZE);
    items.forEach((ms, i) => read.set(n * PROBE_PAGE_SIZE + i, ms));
    return {
      items: summaries(n * PROBE_PAGE_SIZE, (n + 1) * PROBE_PAGE_SIZE),
      totalCount: rows.length,
      totalPages: undefined,
      hasMorePages: undefined,
    };
  };
  const probe = (n: number) => {
    if (!probes.has(n))
      probes.set(
        n,
        request(() => page(n)),
      );
    return probes.get(n)!;
  };
  const search = { filter: days, key: 'simulated' } as SessionsRequest;
  let edges: Promise<WindowEdges> | undefined;
  return {
    order: 'desc',
    timeSpan: span,
    windowEdges: () => (edges ??= fetchWindowEdges(search, window, new AbortController().signal, probe)),
    known: () => [...read].map(([index, ms]) => ({ index, ms })),
    probe,
    countFrom: (day) => request(() => rows.filter((ms) => ms >= Date.parse(`${day}T00:00:00Z`)).length),
    readSmall: () => request(() => summaries(0, SMALL_RESULT)),
  };
}

const segments = stores.map(segment);

const t0 = performance.now();
await Promise.all(segments.map((s) => s.windowEdges()));
const table = { requests, ms: performance.now() - t0 };
const { edges } = volumeBars({ ...window, zone });
const counts = await countBars(segments, window, edges, new AbortController().signal);
const chartMs = performance.now() - t0 - table.ms;
const exact = counts.total.every(
  (n, k) => n === dates.filter((ms) => ms >= edges[k]! && ms < edges[k + 1]!).length,
);
console.log(
  `${zone}, ${latencyMs} ms latency, ${serviceMs} ms a request: the table's search ${table.requests} requests ` +
    `(${Math.round(table.ms)} ms); the chart's ${counts.total.length} bars ${requests - table.requests} requests ` +
    `(${Math.round(chartMs)} ms); ${exact ? 'every bar exact' : 'A BAR IS WRONG'}`,
);
if (!exact) process.exitCode = 1;
