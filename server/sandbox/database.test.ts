import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxConfig } from './config';
import { rebuildReason, SCHEMA_VERSION, type BuildMeta } from './database';
import { openSandbox } from './sandbox';
import { TEST_NOW, testSandboxConfig } from './test-sandbox';

const NOW = Date.parse(TEST_NOW);
const HOUR = 60 * 60 * 1000;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-db-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'sessions.db');
}

function config(overrides: Partial<SandboxConfig>): SandboxConfig {
  return testSandboxConfig({ sessions: 300, now: NOW, ...overrides });
}

/** Opens, reads the summary and the first page, closes. */
async function openOnce(overrides: Partial<SandboxConfig>) {
  const sandbox = openSandbox(config(overrides));
  try {
    const page = await (await sandbox.app.request('/sessions?countPerPage=50')).json();
    return { summary: sandbox.summary, page };
  } finally {
    sandbox.close();
  }
}

describe('rebuildReason', () => {
  const meta: BuildMeta = {
    schemaVersion: SCHEMA_VERSION,
    sessions: 100,
    seed: 1,
    specimens: false,
    arrivalsPerMin: 0,
    builtFor: NOW,
    buildSeconds: 1,
  };
  const want = { sessions: 100, seed: 1, specimens: false, arrivalsPerMin: 0 };

  it('reuses a database built for the same settings within the hour', () => {
    expect(rebuildReason(meta, want, NOW)).toBeUndefined();
    expect(rebuildReason(meta, want, NOW + 59 * 60_000)).toBeUndefined();
  });

  it.each([
    ['missing', undefined, want, NOW],
    ['older schema', { ...meta, schemaVersion: SCHEMA_VERSION - 1 }, want, NOW],
    ['other session count', meta, { ...want, sessions: 101 }, NOW],
    ['other seed', meta, { ...want, seed: 2 }, NOW],
    ['specimens switched on', meta, { ...want, specimens: true }, NOW],
    ['arrivals switched on', meta, { ...want, arrivalsPerMin: 5 }, NOW],
    ['clock more than an hour later', meta, want, NOW + 61 * 60_000],
    ['clock more than a day earlier', meta, want, NOW - 25 * HOUR],
    ['clock earlier at all', meta, want, NOW - 1000],
  ])('rebuilds when %s', (_, m, w, now) => {
    expect(rebuildReason(m, w, now)).toEqual(expect.any(String));
  });
});

describe('database file', () => {
  it('is built on first start, reused after, and rebuilt when settings or the clock move on', async () => {
    const dbPath = tempDb();
    const first = await openOnce({ dbPath });
    expect(first.summary).toContain('built in');
    expect(first.summary).toContain(dbPath);
    expect(fs.existsSync(dbPath)).toBe(true);

    const again = await openOnce({ dbPath, now: NOW + HOUR / 2 });
    expect(again.summary).toContain('reused');

    const otherSeed = await openOnce({ dbPath, seed: 2 });
    expect(otherSeed.summary).toMatch(/built in .*seed 1 -> 2/);
    expect(otherSeed.page).not.toEqual(first.page);

    const stale = await openOnce({ dbPath, seed: 2, now: NOW + 3 * 24 * HOUR });
    expect(stale.summary).toMatch(/built in .*more than an hour/);
    expect(fs.readdirSync(path.dirname(dbPath)).filter((f) => f.includes('.building'))).toEqual([]);
  });

  it('clears side files left by a build that was killed, but not those of a running one', async () => {
    const dbPath = tempDb();
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    const dead = `${dbPath}.building-999999999`;
    const running = `${dbPath}.building-${process.ppid}`;
    fs.writeFileSync(dead, 'half a database');
    fs.writeFileSync(running, 'another build in progress');
    await openOnce({ dbPath });
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
  });

  it('replaces a file that is not a sandbox database', async () => {
    const dbPath = tempDb();
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    fs.writeFileSync(dbPath, 'not a database');
    const opened = await openOnce({ dbPath });
    expect(opened.summary).toContain('built in');
    expect((opened.page as { totalCount: number }).totalCount).toBeGreaterThan(0);
  });

  it('generates the same data for the same seed and clock, and other data for another seed', async () => {
    const a = await openOnce({ seed: 11 });
    const b = await openOnce({ seed: 11, dbPath: tempDb() });
    const c = await openOnce({ seed: 12 });
    expect(b.page).toEqual(a.page);
    expect(c.page).not.toEqual(a.page);
  });
});
