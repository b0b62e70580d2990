// `npm start` builds only when dist/ is missing or older than the sources, so a fresh clone needs one command
// and a restart after no change is instant.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What the build depends on, relative to the repo root. */
export const BUILD_INPUTS = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'server/head-start-plugin.ts',
  'server/precompress-plugin.ts',
  'package.json',
  'package-lock.json',
];

function newestMtime(entry: string): number {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a deleted file shows only as a newer directory
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Why dist/ must be rebuilt, or undefined when it is up to date. */
export function staleBuildReason(root: string, distDir = path.join(root, 'dist')): string | undefined {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return 'no build yet';
  const built = fs.statSync(index).mtimeMs;
  for (const input of BUILD_INPUTS) {
    if (newestMtime(path.join(root, input)) > built) return `${input} changed since the last build`;
  }
  return undefined;
}

const LOCK_STALE_MS = 10 * 60_000;

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `vite build` in a child process (keeps the bundler's memory out of the server). Two servers
 * starting at once (Playwright starts two) would empty dist/ under each other: a lock file makes the
 * second wait for the first and then find the build fresh.
 */
export function buildIfStale(root: string): void {
  if (!staleBuildReason(root)) return;
  const lock = path.join(root, 'node_modules', '.session-history-build.lock');
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS)
        fs.rmSync(lock, { force: true }); // left by a killed build
      else sleep(200);
    }
  }
  try {
    const reason = staleBuildReason(root);
    if (!reason) return; // another server built it while we waited
    console.log(`Building the app (${reason})...`);
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) {
      throw new Error(`vite build failed (exit ${result.status ?? result.signal}); see the output above.`);
    }
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
