// `npm run bench:sandbox`: builds sandbox databases and times the queries the issue sets budgets for.
// SANDBOX_SESSIONS (default 1,000,000) sets the big run; BENCH_REUSE=1 keeps an existing database.
// Results go to bench/results/sandbox.md and stdout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxConfig } from '../server/sandbox/config';
import { openSandbox, type Sandbox } from '../server/sandbox/sandbox';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TMP = path.join(ROOT, 'bench', 'results', 'tmp');
const RESULTS = path.join(ROOT, 'bench', 'results', 'sandbox.md');
const NOW = Date.parse('2026-11-27T15:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

const bigCount = Number(process.env.SANDBOX_SESSIONS ?? 1_000_000);
const reuse = process.env.BENCH_REUSE === '1';
const peakRss = { value: 0 };
const sampleRss = () => {
  peakRss.value = Math.max(peakRss.value, process.memoryUsage().rss);
};

function config(sessions: number, dbPath: string): SandboxConfig {
  return {
    port: 0,
    sessions,
    seed: 1,
    dbPath,
    now: NOW,
    latencyMs: 0,
    failRate: 0,
    auth: false,
    specimens: true,
    arrivalsPerMin: 0,
    inBothStores: 0,
  };
}

function dbFiles(dbPath: string): string[] {
  return ['', '-wal', '-shm'].map((s) => dbPath + s);
}

function diskBytes(dbPath: string): number {
  return dbFiles(dbPath).reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

function build(sessions: number): { sandbox: Sandbox; seconds: number; bytes: number; dbPath: string } {
  fs.mkdirSync(TMP, { recursive: true });
  const dbPath = path.join(TMP, `sandbox-${sessions}.db`);
  if (!reuse) for (const f of dbFiles(dbPath)) fs.rmSync(f, { force: true });
  const started = performance.now();
  const sandbox = openSandbox(config(sessions, dbPath));
  const seconds = (performance.now() - started) / 1000;
  sampleRss();
  return { sandbox, seconds, bytes: diskBytes(dbPath), dbPath };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function time(
  sandbox: Sandbox,
  query: string,
  runs: number,
): Promise<{ median: number; totalCount: number }> {
  const times: number[] = [];
  let totalCount = -1;
  for (let i = 0; i < runs; i++) {
    const q = query.replace('{page}', String(i % 20));
    const started = performance.now();
    const response = await sandbox.app.request(`/sessions?${q}`);
    const body = (await response.json()) as { totalCount?: number };
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${query}: HTTP ${response.status} ${JSON.stringify(body)}`);
    totalCount = body.totalCount ?? -1;
    sampleRss();
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? NaN, totalCount };
}

const lines: string[] = [];
const report = (line: string) => {
  lines.push(line);
  console.log(line);
};

report(`# Sandbox benchmark`);
report('');
report(
  `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, Node ${process.version}; clock fixed at ${new Date(NOW).toISOString()}.`,
);
report('Queries go through the Hono app in-process (parse, SQL, JSON), so they include serialisation.');
report(
  `${os.cpus().length} cores; load average at start ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (other work on the machine inflates every number).`,
);
report('');
report('## Build');
report('');
report('| sessions | build (s) | on disk (MB) |');
report('| ---: | ---: | ---: |');
for (const small of [25_000, 150_000]) {
  const { sandbox, seconds, bytes } = build(small);
  sandbox.close();
  report(`| ${small.toLocaleString('en-US')} | ${seconds.toFixed(1)} | ${(bytes / 1e6).toFixed(0)} |`);
}
const big = build(bigCount);
report(
  `| ${bigCount.toLocaleString('en-US')} | ${big.seconds.toFixed(1)} | ${(big.bytes / 1e6).toFixed(0)} |`,
);
report('');

const end = day(NOW);
const start7 = day(NOW - 6 * DAY);
const start30 = day(NOW - 29 * DAY);
const queries: [string, string, number, number][] = [
  [
    '100-row page, 7 days, by date (pages 0-19)',
    `startDate=${start7}&endDate=${end}&countPerPage=100&page={page}`,
    40,
    20,
  ],
  [
    '100-row page, 7 days, by customerName',
    `startDate=${start7}&endDate=${end}&countPerPage=100&sortField=customerName&sortOrder=Ascend`,
    10,
    Infinity,
  ],
  [
    'from contains "503" + totalCount, 30 days (archive)',
    `startDate=${start30}&endDate=${end}&from=503&countPerPage=100&searchArchive=true`,
    10,
    300,
  ],
  [
    'from contains "503" + totalCount, 30 days (live)',
    `startDate=${start30}&endDate=${end}&from=503&countPerPage=100`,
    10,
    300,
  ],
  [
    'to contains "%2B1415" + totalCount, 30 days (archive)',
    `startDate=${start30}&endDate=${end}&to=%2B1415&countPerPage=100&searchArchive=true`,
    10,
    300,
  ],
  [
    'log contains "voicemail", 7 days',
    `startDate=${start7}&endDate=${end}&log=voicemail&countPerPage=100`,
    5,
    1000,
  ],
  [
    'log contains "pressed 9", 7 days',
    `startDate=${start7}&endDate=${end}&log=pressed%209&countPerPage=100`,
    5,
    1000,
  ],
  [
    'log contains a missing word, 7 days',
    `startDate=${start7}&endDate=${end}&log=zebra-not-there&countPerPage=100`,
    5,
    1000,
  ],
  // No budget: how far scans stretch when a client sends no date range.
  ['(no range) from contains "503", whole live side', 'from=503&countPerPage=100', 3, Infinity],
  [
    '(no range) from contains "%2B150355", whole archive (trigram)',
    'from=%2B150355&countPerPage=100&searchArchive=true',
    3,
    Infinity,
  ],
  [
    '(no range) from contains "503", whole archive (trigram)',
    'from=503&countPerPage=100&searchArchive=true',
    3,
    Infinity,
  ],
  ['(no range) log contains "voicemail", whole live side', 'log=voicemail&countPerPage=100', 3, Infinity],
];
report(`## Queries on ${bigCount.toLocaleString('en-US')} sessions`);
report('');
report('| query | median (ms) | budget (ms) | totalCount |');
report('| --- | ---: | ---: | ---: |');
let failed = false;
for (const [label, query, runs, budget] of queries) {
  const { median, totalCount } = await time(big.sandbox, query, runs);
  const ok = median < budget;
  failed ||= !ok;
  report(
    `| ${label} | ${median.toFixed(1)}${ok ? '' : ' (over)'} | ${Number.isFinite(budget) ? budget : '-'} | ${totalCount} |`,
  );
}
report('');
report('A budget of "-" means the issue sets none; the row shows how the sandbox behaves there.');
report(
  `Load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}.`,
);
report(
  `Peak resident memory of this process (build included): ${(peakRss.value / 1e6).toFixed(0)} MB (budget 400 MB).`,
);
failed ||= peakRss.value > 400e6 || big.seconds > 600 || big.bytes > 3e9;
big.sandbox.close();
fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
fs.writeFileSync(RESULTS, lines.join('\n') + '\n');
console.log(`\nWritten to ${path.relative(ROOT, RESULTS)}${failed ? ' (some budgets missed)' : ''}`);
