import { openSandboxOffThread } from '/work/wt-i14/server/sandbox/off-thread';
import { testSandboxConfig } from '/work/wt-i14/server/sandbox/test-sandbox';
const s = await openSandboxOffThread(testSandboxConfig({ sessions: 2000 }));
console.log(s.summary);
for (const q of ['countPerPage=2', 'page=-1', 'log=' + 'x'.repeat(2000), 'all=true']) {
  const r = await s.app.request('/sessions?' + q);
  const t = await r.text();
  console.log(r.status, r.headers.get('content-type'), t.slice(0, 200), t.length);
}
console.log((await s.app.request('/auth')).status);
s.close();
