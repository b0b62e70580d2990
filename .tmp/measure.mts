import { openSandbox } from '/work/wt-i14/server/sandbox/sandbox';
import { testSandboxConfig } from '/work/wt-i14/server/sandbox/test-sandbox';
const s = openSandbox(testSandboxConfig({ sessions: 20000 }));
for (const q of ['all=true&searchArchive=true&startDate=2026-08-01&endDate=2026-08-30', 'countPerPage=1000']) {
  const t = performance.now();
  const r = await s.app.request('/sessions?' + q);
  const txt = await r.text();
  const j = JSON.parse(txt);
  console.log(q, r.status, j.items?.length, txt.length, (txt.length / (j.items?.length||1)) | 0, 'bytes/row', (performance.now() - t) | 0, 'ms');
}
