import { openSandbox } from './sandbox';
const now = Date.parse('2026-11-27T15:00:00.000Z');
const s = openSandbox({
  port: 0,
  sessions: 1000000,
  seed: 1,
  dbPath: 'bench/results/tmp/sandbox-1000000.db',
  now,
  latencyMs: 0,
  failRate: 0,
  auth: false,
  specimens: true,
});
for (const q of [
  'from=%2B150355&searchArchive=true',
  'from=%2B150355',
  'from=503&searchArchive=true',
  'log=voicemail&searchArchive=true',
  'log=voicemail',
  'to=sip%3Aolivia&searchArchive=true',
]) {
  const a = performance.now();
  const r = (await (await s.app.request('/sessions?countPerPage=100&' + q)).json()) as { totalCount: number };
  console.log(q, (performance.now() - a).toFixed(0), 'ms', r.totalCount);
}
