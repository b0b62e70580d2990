// The contract between the client's exact windows (src/sessions/view: covering days, store plan,
// edge search) and the sandbox while it moves like Evo Voice: sessions arriving at the top of today,
// sessions leaving live for the archive, sessions in transit in both stores. The edge search runs
// against the real sandbox through small simplified pages, as the client does; every expectation
// comes from reading the database file directly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireListResponse } from '../../src/sessions/api/session-types';
import {
  dayRangeSpan,
  planStores,
  type DayRange,
  type InstantWindow,
  type StoreChoice,
} from '../../src/sessions/view/covering-days';
import { searchWindowEdges, type Sample } from '../../src/sessions/view/edge-search';
import { resolveTimeWindow } from '../../src/sessions/view/time-window';
import type { SandboxConfig } from './config';
import type { Db } from './database';
import { ARCHIVE_AFTER_MS } from './list-sessions';
import { openSandbox, type Sandbox } from './sandbox';
import { TEST_NOW, testSandboxConfig } from './test-sandbox';

const T0 = Date.parse(TEST_NOW);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Small pages, so that an edge search takes several rounds over a few days of sessions. */
const PAGE = 5;

/** A sandbox on a database file, with a clock that moves `tick` ms before every request it answers. */
interface Moving {
  sandbox: Sandbox;
  /** The same file, read directly: the ground truth. */
  db: Db;
  now: number;
  tick: number;
  inBoth: number;
  requests: number;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'window-contract-'));
const opened: Moving[] = [];

function openMoving(name: string, overrides: Partial<SandboxConfig> = {}): Moving {
  const config = testSandboxConfig({ dbPath: path.join(dir, `${name}.db`), ...overrides });
  const moving = { now: T0, tick: 0, inBoth: config.inBothStores, requests: 0 } as Moving;
  moving.sandbox = openSandbox(config, {
    clock: () => {
      moving.requests++;
      return (moving.now += moving.tick);
    },
  });
  moving.db = new Database(config.dbPath, { readonly: true, fileMustExist: true });
  opened.push(moving);
  return moving;
}

afterAll(() => {
  for (const { sandbox, db } of opened) {
    db.close();
    sandbox.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

type Store = 'live' | 'archive';
type Order = 'asc' | 'desc';

interface Part {
  store: Store;
  days: DayRange;
  order: Order;
}

async function page(
  m: Moving,
  part: Part,
  params: Record<string, string | number | boolean>,
): Promise<WireListResponse> {
  const query = new URLSearchParams({
    startDate: part.days.startDate,
    endDate: part.days.endDate,
    sortOrder: part.order === 'asc' ? 'Ascend' : 'Descend',
    searchArchive: String(part.store === 'archive'),
    ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
  });
  const response = await m.sandbox.app.request(`/sessions?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as WireListResponse;
}

async function countOf(m: Moving, part: Part): Promise<{ total: number; row0?: Sample }> {
  const body = await page(m, part, { countPerPage: 1, page: 0 });
  const first = body.items?.[0];
  return {
    total: body.totalCount ?? 0,
    row0: first && { index: 0, ms: Date.parse(first.dateCreated ?? '') },
  };
}

/** The client's search of one part: a count request, then probes of small simplified pages. */
async function searchPart(m: Moving, part: Part, window: InstantWindow) {
  const { total, row0 } = await countOf(m, part);
  const probe = async (indexes: number[]): Promise<Sample[]> => {
    const pages = [...new Set(indexes.map((i) => Math.floor(i / PAGE)))];
    const answers = await Promise.all(
      pages.map(async (n) => ({
        n,
        body: await page(m, part, { simplifiedPaging: true, countPerPage: PAGE, page: n }),
      })),
    );
    return answers.flatMap(({ n, body }) =>
      (body.items ?? []).map((s, j) => ({ index: n * PAGE + j, ms: Date.parse(s.dateCreated ?? '') })),
    );
  };
  const edges = await searchWindowEdges({
    total,
    window,
    order: part.order,
    probe,
    known: row0 ? [row0] : [],
    timeSpan: dayRangeSpan(part.days),
  });
  return { ...edges, total };
}

/** The ids at `[first, end)` of a part, read page by page. */
async function slice(m: Moving, part: Part, first: number, end: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = Math.floor(first / PAGE); n * PAGE < end; n++) {
    const body = await page(m, part, { simplifiedPaging: true, countPerPage: PAGE, page: n });
    (body.items ?? []).forEach((s, j) => {
      const index = n * PAGE + j;
      if (index >= first && index < end) ids.push(s.id ?? '');
    });
  }
  return ids;
}

interface Row {
  id: string;
  ms: number;
}

/** Rows created in `[startMs, endMs)` and not after the clock, oldest first, from the file. */
function rowsBetween(m: Moving, startMs: number, endMs: number): Row[] {
  return m.db
    .prepare(
      `SELECT id, date_created AS ms FROM sessions WHERE date_created >= ? AND date_created < ? AND date_created <= ?
       ORDER BY date_created, id`,
    )
    .all(startMs, endMs, m.now) as Row[];
}

/** The sessions the archive holds at the clock that live answers too: the newest `inBoth`. */
function inTransit(m: Moving): Row[] {
  if (m.inBoth === 0) return [];
  return m.db
    .prepare(
      'SELECT id, date_created AS ms FROM sessions WHERE date_created < ? ORDER BY date_created DESC, id DESC LIMIT ?',
    )
    .all(m.now - ARCHIVE_AFTER_MS, m.inBoth) as Row[];
}

/** What a part holds at the clock now, in its order: the store rule written out as the contract. */
function truthOfPart(m: Moving, part: Part): Row[] {
  const span = dayRangeSpan(part.days);
  const cutoff = m.now - ARCHIVE_AFTER_MS;
  const transit = new Set(inTransit(m).map((r) => r.id));
  const rows = rowsBetween(m, span.startMs, span.endMs).filter((r) =>
    part.store === 'archive' ? r.ms < cutoff : r.ms >= cutoff || transit.has(r.id),
  );
  return part.order === 'asc' ? rows : rows.reverse();
}

/** Where the window begins and ends in a part, and its ids in the part's order. */
function expectedEdges(m: Moving, part: Part, window: InstantWindow) {
  const rows = truthOfPart(m, part);
  const before = (r: Row) => (part.order === 'asc' ? r.ms < window.startMs : r.ms >= window.endMs);
  const inside = rows.filter((r) => r.ms >= window.startMs && r.ms < window.endMs);
  const first = rows.filter(before).length;
  return { first, end: first + inside.length, ids: inside.map((r) => r.id) };
}

function partsFor(window: InstantWindow, now: number, choice: StoreChoice, order: Order): Part[] {
  const plan = planStores(window, now, choice);
  const parts: Part[] = [];
  if (plan.live) parts.push({ store: 'live', days: plan.live, order });
  if (plan.archive) parts.push({ store: 'archive', days: plan.archive, order });
  return parts;
}

/** Searches a window in one part and checks its edges and rows against the file. */
async function expectExact(m: Moving, part: Part, window: InstantWindow) {
  const found = await searchPart(m, part, window);
  const expected = expectedEdges(m, part, window);
  expect({ first: found.first, end: found.end }).toEqual({ first: expected.first, end: expected.end });
  expect(await slice(m, part, found.first, found.end)).toEqual(expected.ids);
  return { found, expected };
}

describe('while sessions arrive', () => {
  let m: Moving;
  beforeAll(() => {
    m = openMoving('arrivals', { arrivalsPerMin: 20 });
  });

  it('finds the exact edges of a window that ends before now, in today ascending, as rows grow at the top', async () => {
    m.now = T0;
    m.tick = MINUTE;
    // Yesterday's working hours in Los Angeles; the covering days reach today, where sessions arrive.
    const window = { startMs: T0 - 24 * HOUR, endMs: T0 - 16 * HOUR };
    const parts = partsFor(window, T0, 'both', 'asc');
    expect(parts.map((p) => p.store)).toEqual(['live']);
    const part = parts[0]!;

    const { found, expected } = await expectExact(m, part, window);
    expect(found.first).toBeLessThan(found.end);
    // The search saw the result grow: arrivals landed at its top (the end, ascending) meanwhile.
    const grown = (await countOf(m, part)).total;
    expect(grown).toBeGreaterThan(found.total + 20);
    const newest = truthOfPart(m, part).at(-1)!;
    expect(newest.ms).toBeGreaterThan(T0);

    // More arrivals later, the slice still holds the same rows.
    m.tick = 10 * MINUTE;
    expect(await slice(m, part, found.first, found.end)).toEqual(expected.ids);
  });
});

describe('while sessions move to the archive', () => {
  let m: Moving;
  beforeAll(() => {
    m = openMoving('moves');
  });
  const seam0 = T0 - ARCHIVE_AFTER_MS;

  it('finds the exact edges in live, indexed from its newest row, as the bottom leaves for the archive', async () => {
    m.now = T0;
    m.tick = 15 * MINUTE;
    // The covering days reach below the seam; the window stays above it while the clock moves.
    const window = { startMs: seam0 + 20 * HOUR, endMs: seam0 + 40 * HOUR };
    const part = partsFor(window, T0, 'live', 'desc')[0]!;
    const before = truthOfPart(m, part).length;

    const { found } = await expectExact(m, part, window);
    expect(m.now - T0).toBeLessThan(20 * HOUR);
    expect(found.first).toBeLessThan(found.end);
    expect(truthOfPart(m, part).length).toBeLessThan(before);
  });

  it('finds the exact edges in the archive, indexed from its oldest row, as sessions join at its top', async () => {
    m.now = T0;
    m.tick = 15 * MINUTE;
    const window = { startMs: seam0 - 40 * HOUR, endMs: seam0 - 20 * HOUR };
    const part = partsFor(window, T0, 'archive', 'asc')[0]!;
    const before = truthOfPart(m, part).length;

    const { found } = await expectExact(m, part, window);
    expect(found.first).toBeLessThan(found.end);
    expect(truthOfPart(m, part).length).toBeGreaterThan(before);
  });
});

describe('windows at a fixed clock', () => {
  let m: Moving;
  let inBoth: Moving;
  const IN_BOTH = 3;
  beforeAll(() => {
    m = openMoving('still');
    inBoth = openMoving('in-both', { inBothStores: IN_BOTH });
  });

  /** Two sessions a few days back with distinct times and rows between them. */
  function twoSessions(): [Row, Row, Row] {
    const rows = rowsBetween(m, T0 - 4 * DAY, T0 - 3 * DAY);
    const a = rows[5]!;
    const b = rows.find((r) => r.ms > a.ms + 2 * HOUR)!;
    const next = rows.find((r) => r.ms > a.ms)!;
    return [a, b, next];
  }

  it('counts a session exactly at the start inside and one exactly at the end outside', async () => {
    m.now = T0;
    const [a, b] = twoSessions();
    const window = { startMs: a.ms, endMs: b.ms };
    for (const order of ['desc', 'asc'] as const) {
      const part = partsFor(window, T0, 'both', order)[0]!;
      const { expected } = await expectExact(m, part, window);
      expect(expected.ids).toContain(a.id);
      expect(expected.ids).not.toContain(b.id);
      expect(expected.ids.length).toBeGreaterThan(1);
    }
  });

  it('gives first == end for an empty window, at the place it would be', async () => {
    m.now = T0;
    const [a, , next] = twoSessions();
    for (const window of [
      { startMs: a.ms + 1, endMs: next.ms },
      { startMs: next.ms, endMs: next.ms },
    ]) {
      for (const order of ['desc', 'asc'] as const) {
        const part = partsFor(window, T0, 'both', order)[0]!;
        const { found, expected } = await expectExact(m, part, window);
        expect(found.first).toBe(found.end);
        expect(expected.ids).toEqual([]);
        expect(found.first).toBeGreaterThan(0);
      }
    }
  });

  it('trims a window inside one UTC day to exactly its sessions', async () => {
    m.now = T0;
    // 1:00 to 15:00 in Los Angeles on Nov 24 is 09:00 to 23:00 UTC that day.
    const { window } = resolveTimeWindow(
      { start: '2026-11-24T01:00', end: '2026-11-24T15:00' },
      'America/Los_Angeles',
      T0,
    );
    expect(new Date(window.startMs).toISOString().slice(0, 10)).toBe('2026-11-24');
    expect(new Date(window.endMs - 1).toISOString().slice(0, 10)).toBe('2026-11-24');
    const part = partsFor(window, T0, 'both', 'desc')[0]!;
    expect(part.days).toEqual({ startDate: '2026-11-23', endDate: '2026-11-25' });
    const { found } = await expectExact(m, part, window);
    expect(found.first).toBeGreaterThan(0);
    expect(found.end).toBeLessThan(found.total);
  });

  it.each([
    ['in one store each', 0],
    ['with sessions in transit', IN_BOTH],
  ])('answers a window across the archive boundary from both stores, %s', async (_, n) => {
    const s = n === 0 ? m : inBoth;
    s.now = T0;
    const window = { startMs: T0 - ARCHIVE_AFTER_MS - DAY, endMs: T0 - ARCHIVE_AFTER_MS + DAY };
    const parts = partsFor(window, T0, 'both', 'desc');
    expect(parts.map((p) => p.store)).toEqual(['live', 'archive']);

    const ids: string[] = [];
    for (const part of parts) {
      const found = await searchPart(s, part, window);
      ids.push(...(await slice(s, part, found.first, found.end)));
    }
    const truth = rowsBetween(s, window.startMs, window.endMs).map((r) => r.id);
    const seen = new Set<string>();
    const twice = ids.filter((id) => seen.has(id) || !seen.add(id));
    const transit = inTransit(s).map((r) => r.id);
    expect(transit).toHaveLength(n);
    expect(transit.every((id) => truth.includes(id))).toBe(true);
    expect(twice.sort()).toEqual([...transit].sort());
    expect([...seen].sort()).toEqual([...truth].sort());
  });
});
