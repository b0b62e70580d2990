// A tiny dist/ for the app-server and nginx tests: index.html, one hashed asset, one public file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_ID_LENGTH, MAX_IDS, MAX_TEXT_LENGTH } from '../src/sessions/filters/session-search';

export const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head>' +
  '<body><div id="root"></div></body></html>';

export function makeTestDist(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'session-history-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX_HTML);
  // Over the compression threshold, so gzip is observable.
  fs.writeFileSync(
    path.join(dir, 'assets', 'index-abc123.js'),
    `console.log(${JSON.stringify('x'.repeat(4000))});\n`,
  );
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The longest link the sessions view accepts whole: every id list full of the longest ids and every
 * text filter at its limit (src/sessions/filters/session-search.ts). ASCII, as Evo Voice's ids are;
 * ids that need percent-encoding make it longer still.
 */
export function longestAcceptedLink(): string {
  const ids = (key: string) =>
    Array.from({ length: MAX_IDS }, (_, i) => `${key}${i}`.padEnd(MAX_ID_LENGTH, 'x')).join(',');
  const params = new URLSearchParams({
    from: '+'.repeat(MAX_TEXT_LENGTH),
    to: 't'.repeat(MAX_TEXT_LENGTH),
    log: 'l'.repeat(MAX_TEXT_LENGTH),
    account: ids('a'),
    customer: ids('c'),
    endpoint: ids('e'),
    parent: 'p'.padEnd(MAX_ID_LENGTH, 'x'),
    session: 's'.padEnd(MAX_ID_LENGTH, 'x'),
  });
  return `/?${params}`;
}
