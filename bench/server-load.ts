// `npm run bench:server`: is the app server still quick for everyone while the sandbox works hard?
// Starts `npm start` (server/start.ts) as its own process on the sandbox with BENCH_SESSIONS sessions
// (default 150,000), then fires BENCH_HEAVY (default 200) concurrent heavy searches (a 120-day
// archive `log` search sorted by fromAddress, page 50 of 100 rows) and meanwhile asks for `GET /`
// one request at a time, timing each. Prints the result as Markdown; docs/performance.md keeps it.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sessions = Number(process.env.BENCH_SESSIONS ?? 150_000);
const heavyCount = Number(process.env.BENCH_HEAVY ?? 200);
const port = Number(process.env.PORT ?? 4280);
const base = `http://127.0.0.1:${port}`;
const DAY = 24 * 60 * 60 * 1000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const HEAVY_QUERY = new URLSearchParams({
  searchArchive: 'true',
  startDate: day(Date.now() - 120 * DAY),
  endDate: day(Date.now()),
  log: 'e',
  countPerPage: '100',
  sortField: 'fromAddress',
  page: '50',
}).toString();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timeGet(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

/** GET / one after another until `until` settles; the latencies in ms. */
async function probeWhile(until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const times: number[] = [];
  while (!done) {
    times.push(await timeGet(`${base}/`));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return times;
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  return `n=${sorted.length}, p50 ${f(percentile(sorted, 50))} ms, p95 ${f(percentile(sorted, 95))} ms, max ${f(sorted.at(-1) ?? NaN)} ms`;
}

async function main() {
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'start.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      EVOVOICE_URL: '',
      SANDBOX_SESSIONS: String(sessions),
      SANDBOX_DB: path.join(ROOT, 'bench', 'results', 'tmp', `server-load-${sessions}.db`),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let banner = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      banner += chunk.toString();
      if (banner.includes('Session History on')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  try {
    banner = banner.split('\n').find((line) => line.includes('Session History on')) ?? banner;
    console.log(banner.trim());
    for (let i = 0; i < 20; i++) await timeGet(`${base}/`); // warm up
    const idle = await probeWhile(new Promise((resolve) => setTimeout(resolve, 2000)));

    const started = performance.now();
    const heavyTimes: number[] = [];
    const heavy = Promise.all(
      Array.from({ length: heavyCount }, async () => {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/sessions?${HEAVY_QUERY}`);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`heavy search answered ${res.status}`);
        heavyTimes.push(performance.now() - t0);
      }),
    );
    const loaded = await probeWhile(heavy);
    await heavy;
    const wall = (performance.now() - started) / 1000;

    const sortedHeavy = [...heavyTimes].sort((a, b) => a - b);
    const loadedP95 = percentile(
      [...loaded].sort((a, b) => a - b),
      95,
    );
    console.log(`
| | |
| --- | --- |
| machine | ${os.cpus().length} cores, ${os.cpus()[0]?.model.trim()}, Node ${process.version} |
| server | ${banner.trim().replace(/\|/g, '/')} |
| heavy search | \`GET /api/sessions?${HEAVY_QUERY}\` |
| GET / idle | ${summary(idle)} |
| GET / during ${heavyCount} concurrent heavy searches | ${summary(loaded)} |
| heavy searches | all ${heavyCount} answered 200 in ${wall.toFixed(1)} s; each took p50 ${(percentile(sortedHeavy, 50) / 1000).toFixed(1)} s, max ${((sortedHeavy.at(-1) ?? NaN) / 1000).toFixed(1)} s (queued in the query workers) |
| budget: GET / p95 under load < 50 ms | ${loadedP95 < 50 ? 'met' : 'MISSED'} (${loadedP95.toFixed(1)} ms) |
`);
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
