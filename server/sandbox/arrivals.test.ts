import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WireListResponse, WireSessionInfo } from '../../src/sessions/api/session-types';
import type { SandboxConfig } from './config';
import { ARCHIVE_AFTER_MS } from './list-sessions';
import { openSandboxOffThread } from './off-thread';
import { openSandbox, type Sandbox } from './sandbox';
import { TEST_NOW, testSandboxConfig } from './test-sandbox';

const T0 = Date.parse(TEST_NOW);
const MINUTE = 60_000;

/** A sandbox whose clock the test sets. */
function openAt(overrides: Partial<SandboxConfig>): { sandbox: Sandbox; setNow(ms: number): void } {
  let now = T0;
  const sandbox = openSandbox(testSandboxConfig({ sessions: 400, ...overrides }), { clock: () => now });
  return { sandbox, setNow: (ms) => (now = ms) };
}

async function all(sandbox: Sandbox, query = ''): Promise<WireSessionInfo[]> {
  const response = await sandbox.app.request(`/sessions?all=true&${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as WireListResponse).items ?? [];
}

const created = (s: WireSessionInfo) => Date.parse(s.dateCreated ?? '');
const ids = (list: WireSessionInfo[]) => list.map((s) => s.id);

describe('SANDBOX_ARRIVALS_PER_MIN', () => {
  it('adds that many sessions a minute at the clock, each from its own instant on, the same every time', async () => {
    const { sandbox, setNow } = openAt({ arrivalsPerMin: 6 });
    const twin = openAt({ arrivalsPerMin: 6 });
    try {
      const before = await all(sandbox);
      setNow(T0 + 10 * MINUTE);
      const after = await all(sandbox);
      const arrived = after.filter((s) => created(s) > T0);
      // Ten whole minutes of the clock, less those of the first minute that came before T0.
      expect(arrived.length).toBeGreaterThanOrEqual(54);
      expect(arrived.length).toBeLessThanOrEqual(60);
      expect(after.slice(arrived.length).map((s) => s.id)).toEqual(ids(before));
      expect(arrived.every((s) => created(s) <= T0 + 10 * MINUTE && s.ended === false)).toBe(true);
      expect(new Set(ids(after)).size).toBe(after.length);

      // The newest appears exactly at its instant, and a clock set back hides it again.
      const newest = created(arrived[0]!);
      setNow(newest - 1);
      expect(ids(await all(sandbox))).not.toContain(arrived[0]!.id);
      setNow(newest);
      expect(ids((await all(sandbox)).slice(0, 1))).toEqual([arrived[0]!.id]);

      twin.setNow(T0 + 10 * MINUTE);
      expect(ids(await all(twin.sandbox))).toEqual(ids(after));
    } finally {
      sandbox.close();
      twin.sandbox.close();
    }
  });

  it('writes each arrival once when query workers share a database file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-arrivals-'));
    let now = T0;
    const config = testSandboxConfig({ sessions: 400, arrivalsPerMin: 30, dbPath: path.join(dir, 's.db') });
    const offThread = await openSandboxOffThread(config, { workers: 2, clock: () => now });
    const reference = openSandbox(testSandboxConfig({ sessions: 400, arrivalsPerMin: 30 }), {
      clock: () => now,
    });
    try {
      for (const minutes of [3, 4, 9]) {
        now = T0 + minutes * MINUTE;
        const answers = await Promise.all(
          Array.from({ length: 4 }, async () => {
            const response = await offThread.app.request('/sessions?all=true');
            return ids(((await response.json()) as WireListResponse).items ?? []);
          }),
        );
        const expected = ids(await all(reference));
        for (const answer of answers) expect(answer).toEqual(expected);
      }
    } finally {
      offThread.close();
      reference.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the archive age', () => {
  it('moves a session from live to the archive at the instant it is more than 15 days old', async () => {
    const { sandbox, setNow } = openAt({});
    try {
      const live = await all(sandbox);
      const session = live[Math.floor(live.length / 2)]!;
      setNow(created(session) + ARCHIVE_AFTER_MS);
      expect(ids(await all(sandbox))).toContain(session.id);
      expect(ids(await all(sandbox, 'searchArchive=true'))).not.toContain(session.id);
      setNow(created(session) + ARCHIVE_AFTER_MS + 1);
      expect(ids(await all(sandbox))).not.toContain(session.id);
      expect(ids(await all(sandbox, 'searchArchive=true'))).toContain(session.id);
    } finally {
      sandbox.close();
    }
  });
});

describe('SANDBOX_IN_BOTH_STORES', () => {
  it.each([0, 1, 5])('leaves the %i newest archived sessions in live too', async (n) => {
    const { sandbox } = openAt({ inBothStores: n });
    try {
      const live = await all(sandbox);
      const archive = await all(sandbox, 'searchArchive=true');
      const both = ids(live).filter((id) => ids(archive).includes(id));
      expect(both).toEqual(ids(archive.slice(0, n)));
      expect(ids(live.slice(live.length - n))).toEqual(ids(archive.slice(0, n)));
      expect(live.length + archive.length).toBe(400 + n);
    } finally {
      sandbox.close();
    }
  });

  it('answers the whole archive from live too when it holds fewer sessions than that', async () => {
    const { sandbox } = openAt({ inBothStores: 10_000 });
    try {
      expect((await all(sandbox)).length).toBe(400);
      expect((await all(sandbox, 'searchArchive=true')).length).toBeGreaterThan(0);
    } finally {
      sandbox.close();
    }
  });
});
