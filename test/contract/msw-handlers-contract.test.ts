// The fake must keep the contract too: component tests trust test/msw-handlers.ts to answer like the
// sandbox. The same client calls as the sandbox contract, against the default MSW handlers.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/sessions/api/api-error';
import {
  buildSessionsQuery,
  type SessionsFilter,
  type SessionsPaging,
} from '../../src/sessions/api/build-sessions-query';
import { fetchSessions, setApiBase } from '../../src/sessions/api/fetch-sessions';
import type { Session } from '../../src/sessions/api/session';
import { SORTABLE_FIELDS } from '../../src/sessions/api/session-types';
import { defaultSessions, handlers } from '../msw-handlers';
import { ARCHIVE_AFTER_MS, FACTORY_NOW } from '../session-factory';

const server = setupServer(...handlers);
const list = (filter: SessionsFilter, paging: SessionsPaging = {}) =>
  fetchSessions(buildSessionsQuery(filter, paging));
const ids = (xs: readonly Session[]) => xs.map((s) => s.id);
let live: Session[];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  setApiBase('http://localhost/api');
  live = (await list({}, { all: true })).items;
});
afterAll(() => {
  server.close();
  setApiBase();
});

describe('default MSW handlers', () => {
  it('split the factory data into live and archive at 15 days', async () => {
    const archive = (await list({ searchArchive: true }, { all: true })).items;
    expect(live.length).toBeGreaterThan(50);
    expect(archive.length).toBeGreaterThan(50);
    expect(live.length + archive.length).toBe(defaultSessions.length);
    for (const s of live) expect(FACTORY_NOW - s.dateCreated!.ms!).toBeLessThanOrEqual(ARCHIVE_AFTER_MS);
  });

  it('page 0-based, newest first, without repeats, with agreeing totals', async () => {
    const seen: string[] = [];
    for (let page = 0; ; page++) {
      const p = await list({}, { page, countPerPage: 40 });
      expect(p.totalCount).toBe(live.length);
      seen.push(...ids(p.items));
      if (!p.hasMorePages) break;
    }
    expect(seen).toEqual(ids(live));
    const dates = live.map((s) => s.dateCreated!.ms!);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect((await list({})).items).toHaveLength(25);
  });

  it.each(SORTABLE_FIELDS)('sort by %s both ways', async (sortField) => {
    const asc = (await list({ sortField, sortOrder: 'Ascend' }, { all: true })).items;
    const desc = (await list({ sortField, sortOrder: 'Descend' }, { all: true })).items;
    expect(asc).toHaveLength(live.length);
    expect(ids(desc)).toEqual(ids(asc).reverse());
  });

  it('filter by from/to (with %2B), ids, log and days', async () => {
    const s0 = live.find((s) => s.fromAddress?.startsWith('+'))!;
    const part = s0.fromAddress!.slice(0, 6);
    const byFrom = (await list({ from: part }, { all: true })).items;
    expect(ids(byFrom)).toEqual(ids(live.filter((s) => s.fromAddress?.includes(part))));
    const byAccount = (await list({ accountIds: [s0.accountId!] }, { all: true })).items;
    expect(ids(byAccount)).toEqual(ids(live.filter((s) => s.accountId === s0.accountId)));
    const byLog = (await list({ log: 'VOICEMAIL' }, { all: true })).items;
    expect(byLog.length).toBeGreaterThan(0);
    const day = new Date(FACTORY_NOW - 2 * 86_400_000).toISOString().slice(0, 10);
    const byDay = (await list({ startDate: day, endDate: day }, { all: true })).items;
    expect(byDay.every((s) => s.dateCreated!.raw.startsWith(day))).toBe(true);
    expect(ids((await list({}, { specificIds: [s0.id] })).items)).toEqual([s0.id]);
  });

  it('simplifiedPaging past the end: no items, no totals, no more pages', async () => {
    const p = await list({}, { simplifiedPaging: true, page: 999 });
    expect(p).toEqual({ items: [], totalCount: undefined, totalPages: undefined, hasMorePages: false });
  });

  it('bad input: a 400 naming the field', async () => {
    await expect(list({}, { page: -1 })).rejects.toMatchObject({
      status: 400,
      fieldErrors: [{ fieldName: 'Page' }],
    });
    await expect(list({ startDate: 'nope' })).rejects.toBeInstanceOf(ApiError);
  });

  it('GET /api/auth: 401, nobody signed in', async () => {
    const response = await fetch('http://localhost/api/auth', { headers: { accept: 'application/json' } });
    expect(response.status).toBe(401);
  });
});
