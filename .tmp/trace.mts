import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../test/chromium.ts';
const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
const results = [];
for (let i = 0; i < 4; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  if (i === 0) { await page.goto('http://127.0.0.1:4190/?archive=1&range=30d'); await page.waitForSelector('[data-session-id]'); await ctx.close(); continue; }
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'] });
  await page.goto('http://127.0.0.1:4190/?archive=1&range=30d');
  await page.waitForSelector('[data-session-id]');
  await page.waitForTimeout(1200);
  const buf = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buf.toString());
  const nav = traceEvents.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart');
  const t0 = nav?.ts ?? Math.min(...traceEvents.filter(e=>e.ts>0).map((e) => e.ts));
  const mainThreads = traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  const onMain = (e) => mainThreads.includes(`${e.pid}:${e.tid}`);
  const counts = {};
  for (const e of traceEvents) if (onMain(e) && e.ph === 'X') counts[e.name] = (counts[e.name] ?? 0) + 1;
  if (i === 1) console.log(JSON.stringify(counts).slice(0, 1500));
  const main = traceEvents.filter((e) => onMain(e) && e.ph === 'X' && e.dur > 2000 && e.name === 'RunTask');
  const byName = {};
  const interesting = traceEvents.filter((e) => onMain(e) && e.ph === 'X' && ['EvaluateScript','v8.compile','v8.compileModule','v8.evaluateModule','FunctionCall','Layout','Paint','UpdateLayoutTree','ParseHTML','ResourceReceivedData','PrePaint','Layerize','Commit','TimerFire','FireAnimationFrame','v8.run','ParseAuthorStyleSheet','GCEvent','MinorGC','MajorGC','V8.GC_SCAVENGER','BlinkGC.AtomicPhase'].includes(e.name));
  const lines = interesting.filter(e=>e.dur>1500).map((e) => `${((e.ts - t0) / 1000).toFixed(0).padStart(5)} +${(e.dur / 1000).toFixed(1).padStart(6)} ${e.name} ${(e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.fileName ?? '').toString().slice(-50)}`);
  const longTasks = main.filter(e=>e.dur>50000).map(e=>`${((e.ts-t0)/1000).toFixed(0)}+${(e.dur/1000).toFixed(0)}`);
  console.log(`--- load ${i}: long tasks ${longTasks.join(', ')}`);
  console.log(lines.join('\n'));
  await ctx.close();
}
await browser.close();
