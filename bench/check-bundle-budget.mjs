// The first-screen JS budget, checked in `npm test` (deterministic, unlike timings): index.html's
// entry chunk and every chunk it imports statically, gzipped, from the build's manifest. Lazy chunks
// (the date picker, the drawer, the print view, sign-in) are reported but not counted.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

// Issue 13's budget. The first screen is what the first render runs: the grid and what sits above
// it, the filter panel beside it, and the head start. Lazy chunks hold what opens only on a click or
// a key (the drawer, the date picker, the shortcuts sheet, the Export and Display menus, the filter
// sheet's modal part), what only an export, a scan or a saved views' file runs, what an empty result
// says, the user menu (loaded when the browser is first idle), and the print and sign-in pages.
const BUDGET_KB = 150;
const dist = path.resolve(process.argv[2] ?? 'dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

const entry = Object.entries(manifest).find(([key, chunk]) => chunk.isEntry && key === 'index.html');
if (!entry)
  throw new Error('no entry chunk for index.html in the manifest: build with build.manifest = true');

const firstScreen = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || firstScreen.has(chunk.file)) return;
  firstScreen.add(chunk.file);
  for (const dep of chunk.imports ?? []) visit(dep);
};
visit(entry[0]);

const rows = [...firstScreen].map((file) => [file, gz(file)]);
const total = rows.reduce((sum, [, kb]) => sum + kb, 0);
const lazy = Object.values(manifest)
  .filter((c) => c.file.endsWith('.js') && !firstScreen.has(c.file))
  .map((c) => [c.file, gz(c.file)]);

console.log('First-screen JS (gzip -9):');
for (const [file, kb] of rows) console.log(`  ${kb.toFixed(1).padStart(6)} KB  ${file}`);
console.log(`  ${total.toFixed(1).padStart(6)} KB  total (budget ${BUDGET_KB} KB)`);
console.log('Lazy chunks:');
for (const [file, kb] of lazy) console.log(`  ${kb.toFixed(1).padStart(6)} KB  ${file}`);

// The head start (server/head-start-plugin.ts) requests page 0 as soon as its file is in: a chunk it
// imported would be one more round trip first, unless index.html already preloads that chunk (the
// bundler splits out small modules the head start shares with lazy chunks; the app's entry imports
// them too, so the page preloads them as it parses, alongside the head start).
const headStart = manifest['src/app/head-start.ts'];
if (!headStart?.isEntry) {
  console.error(
    'The build has no head-start entry (src/app/head-start.ts): see server/head-start-plugin.ts.',
  );
  process.exit(1);
}
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const preloaded = (key) => html.includes(`rel="modulepreload" crossorigin href="/${manifest[key]?.file}"`);
const late = (headStart.imports ?? []).filter((key) => !preloaded(key));
if (late.length) {
  console.error(`The head-start chunk imports ${late.join(', ')}, which index.html does not preload.`);
  process.exit(1);
}

if (total > BUDGET_KB) {
  console.error(`First-screen JS is ${total.toFixed(1)} KB gzip, over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
