import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  WireErrorResponse,
  WireListResponse,
  WireSessionInfo,
} from '../../src/sessions/api/session-types';
import { SORTABLE_FIELDS } from '../../src/sessions/api/session-types';
import { openSandbox, type Sandbox } from './sandbox';
import { SPECIMEN_IDS } from './specimens';
import { startTestSandbox, TEST_NOW, testSandboxConfig } from './test-sandbox';

const NOW = Date.parse(TEST_NOW);
const DAY = 24 * 60 * 60 * 1000;
let sandbox: Sandbox;
let live: WireSessionInfo[];
let archive: WireSessionInfo[];

async function get(
  query: string,
  path = '/sessions',
): Promise<{ status: number; body: WireListResponse & WireErrorResponse }> {
  const response = await sandbox.app.request(`${path}?${query}`);
  return { status: response.status, body: (await response.json()) as WireListResponse & WireErrorResponse };
}

async function items(query: string): Promise<WireSessionInfo[]> {
  const { status, body } = await get(query);
  expect(status).toBe(200);
  return body.items ?? [];
}

const created = (s: WireSessionInfo) => Date.parse(s.dateCreated ?? '');
const ids = (list: WireSessionInfo[]) => list.map((s) => s.id);

beforeAll(async () => {
  sandbox = openSandbox(testSandboxConfig({ sessions: 3000, seed: 7 }));
  live = await items('all=true');
  archive = await items('all=true&searchArchive=true');
});
afterAll(() => sandbox.close());

describe('GET /sessions', () => {
  it('answers the ListResponse shape with 25 newest-first items by default', async () => {
    const { status, body } = await get('');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(25);
    expect(body.totalCount).toBe(live.length);
    expect(body.totalPages).toBe(Math.ceil(live.length / 25));
    expect(body.hasMorePages).toBe(true);
    const dates = (body.items ?? []).map(created);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(ids(body.items ?? [])).toEqual(ids(live.slice(0, 25)));
  });

  it('splits live and archive at 15 days before the clock, and every session is in one of them', () => {
    const cutoff = NOW - 15 * DAY;
    expect(live.length).toBeGreaterThan(100);
    expect(archive.length).toBeGreaterThan(live.length);
    expect(live.every((s) => created(s) >= cutoff && created(s) <= NOW)).toBe(true);
    expect(archive.every((s) => created(s) < cutoff && created(s) >= NOW - 121 * DAY)).toBe(true);
    expect(live.length + archive.length).toBe(3000);
  });

  it('pages 0-based without repeats or gaps, and totals agree', async () => {
    const seen: string[] = [];
    let total: number | undefined;
    for (let page = 0; ; page++) {
      const { body } = await get(`countPerPage=97&page=${page}`);
      total = body.totalCount;
      seen.push(...ids(body.items ?? []).map(String));
      if (!body.hasMorePages) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(ids(live));
    expect(total).toBe(live.length);
  });

  it('returns an empty page past the end with the totals still set', async () => {
    const { body } = await get('countPerPage=100&page=999');
    expect(body.items).toEqual([]);
    expect(body.totalCount).toBe(live.length);
    expect(body.hasMorePages).toBe(false);
  });

  it('simplifiedPaging drops the totals and says when to stop', async () => {
    const lastPage = Math.floor((live.length - 1) / 50);
    const first = await get('simplifiedPaging=true&countPerPage=50');
    expect(first.body).not.toHaveProperty('totalCount');
    expect(first.body).not.toHaveProperty('totalPages');
    expect(first.body.hasMorePages).toBe(true);
    const last = await get(`simplifiedPaging=true&countPerPage=50&page=${lastPage}`);
    expect(last.body.items?.length).toBe(live.length - lastPage * 50);
    expect(last.body.hasMorePages).toBe(false);
    const past = await get(`simplifiedPaging=true&countPerPage=50&page=${lastPage + 1}`);
    expect(past.body.items).toEqual([]);
    expect(past.body.hasMorePages).toBe(false);
  });

  it.each(SORTABLE_FIELDS)('sorts by %s both ways, ties broken by id', async (field) => {
    const asc = await items(`all=true&sortField=${field.toUpperCase()}&sortOrder=ascend`);
    const desc = await items(`all=true&sortField=${field}&sortOrder=Descend`);
    expect(asc).toHaveLength(live.length);
    expect(ids(desc)).toEqual(ids(asc).reverse());
    const key = (s: WireSessionInfo): string | number => {
      const value = (s as Record<string, unknown>)[field];
      if (field === 'dateCreated' || field === 'dateCompleted') return value ? Date.parse(String(value)) : -1;
      if (typeof value === 'boolean') return value ? 1 : 0;
      return typeof value === 'string' ? value.toLowerCase() : '';
    };
    for (let i = 1; i < asc.length; i++) {
      const [a, b] = [asc[i - 1]!, asc[i]!];
      expect(key(a) < key(b) || (key(a) === key(b) && String(a.id) < String(b.id))).toBe(true);
    }
  });

  it('pages a non-date sort stably', async () => {
    const all = await items('all=true&sortField=customerName&sortOrder=Ascend');
    const paged: WireSessionInfo[] = [];
    for (let page = 0; page * 200 < all.length; page++) {
      paged.push(...(await items(`sortField=customerName&sortOrder=Ascend&countPerPage=200&page=${page}`)));
    }
    expect(ids(paged)).toEqual(ids(all));
  });

  it('filters by an inclusive UTC day range on dateCreated', async () => {
    const start = new Date(NOW - 5 * DAY).toISOString().slice(0, 10);
    const end = new Date(NOW - 2 * DAY).toISOString().slice(0, 10);
    const found = await items(`all=true&startDate=${start}&endDate=${end}`);
    const expected = live.filter((s) => {
      const day = String(s.dateCreated).slice(0, 10);
      return day >= start && day <= end;
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(found)).toEqual(ids(expected));
    const oneDay = await items(`all=true&startDate=${end}&endDate=${end}`);
    expect(oneDay.length).toBeGreaterThan(0);
    expect(oneDay.every((s) => String(s.dateCreated).startsWith(end))).toBe(true);
  });

  it('filters from/to as case-insensitive contains, with %2B for a plus', async () => {
    const sample = live.find((s) => s.direction === 'Incoming' && s.fromAddress?.startsWith('+1'))!;
    const part = sample.fromAddress!.slice(0, 6);
    const found = await items(`all=true&from=${encodeURIComponent(part)}`);
    expect(found.length).toBeGreaterThan(0);
    expect(ids(found)).toEqual(ids(live.filter((s) => s.fromAddress?.includes(part))));
    // A raw + decodes to a space, as on ASP.NET, so it matches nothing here.
    expect(await items(`all=true&from=${part}`.replace('%2B', '+'))).toEqual([]);
    const sip = await items('all=true&to=SIP%3A');
    expect(ids(sip)).toEqual(ids(live.filter((s) => s.toAddress?.toLowerCase().includes('sip:'))));
    const to = await items('all=true&TO=%2B1503');
    expect(ids(to)).toEqual(ids(live.filter((s) => s.toAddress?.includes('+1503'))));
  });

  it('searches from/to across the whole archive (trigram index) exactly as a scan would', async () => {
    const sample = archive.find((s) => s.direction === 'Incoming' && s.fromAddress?.startsWith('+1'))!;
    const address = sample.fromAddress!;
    const contains = (value: string | undefined, part: string) =>
      value?.toLowerCase().includes(part.toLowerCase());
    for (const part of [
      address.slice(2, 9),
      address.slice(-4),
      address,
      '50',
      'SIP:',
      'Sip:O',
      '"x"',
      "O'B",
    ]) {
      const from = await items(`all=true&searchArchive=true&from=${encodeURIComponent(part)}`);
      expect(ids(from)).toEqual(ids(archive.filter((s) => contains(s.fromAddress, part))));
      const to = await items(`all=true&searchArchive=true&to=${encodeURIComponent(part)}`);
      expect(ids(to)).toEqual(ids(archive.filter((s) => contains(s.toAddress, part))));
    }
    expect(
      (await items(`all=true&searchArchive=true&from=${encodeURIComponent(address)}`)).length,
    ).toBeGreaterThan(0);
    // A bounded archive window (scan path) agrees with the unbounded one (index path).
    const start = new Date(NOW - 40 * DAY).toISOString().slice(0, 10);
    const end = new Date(NOW - 16 * DAY).toISOString().slice(0, 10);
    const part = address.slice(0, 5);
    const window = `startDate=${start}&endDate=${end}`;
    const bounded = await items(`all=true&searchArchive=true&${window}&from=${encodeURIComponent(part)}`);
    const unbounded = await items(`all=true&searchArchive=true&from=${encodeURIComponent(part)}`);
    const day = (s: WireSessionInfo) => String(s.dateCreated).slice(0, 10);
    expect(bounded.length).toBeGreaterThan(0);
    expect(ids(bounded)).toEqual(ids(unbounded.filter((s) => day(s) >= start && day(s) <= end)));
  });

  it('treats LIKE wildcards in searches as plain text', async () => {
    expect(await items('all=true&from=%25')).toEqual([]);
    expect(await items('all=true&log=_')).toEqual([]);
    expect(await items('all=true&log=%00')).toEqual([]);
    expect(await items('all=true&from=%00&searchArchive=true')).toEqual([]);
  });

  it('searches the log text case-insensitively', async () => {
    const found = await items('all=true&log=VOICEMAIL%20recorded');
    const expected = live.filter((s) =>
      s.log?.some((l) => l.message?.toLowerCase().includes('voicemail recorded')),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(found)).toEqual(ids(expected));
  });

  it('filters by account, customer and endpoint ids, comma-separated or repeated', async () => {
    const accounts = [...new Set(live.map((s) => s.accountId))];
    expect(accounts.length).toBeGreaterThanOrEqual(2);
    const [a] = accounts;
    expect(ids(await items(`all=true&accountIds=${a}`))).toEqual(ids(live.filter((s) => s.accountId === a)));
    const customers = [...new Set(live.map((s) => s.customerId))].slice(0, 3);
    const expected = ids(live.filter((s) => customers.includes(s.customerId)));
    expect(ids(await items(`all=true&customerIds=${customers.join(',')}`))).toEqual(expected);
    expect(ids(await items(`all=true&${customers.map((c) => `CustomerIds=${c}`).join('&')}`))).toEqual(
      expected,
    );
    const endpoint = live[10]!.endpointId;
    expect(ids(await items(`all=true&endpointIds=${endpoint}`))).toEqual(
      ids(live.filter((s) => s.endpointId === endpoint)),
    );
  });

  it('returns transfers as child sessions of their parent', async () => {
    const child = [...live, ...archive].find((s) => s.parentSessionId);
    expect(child).toBeDefined();
    const parentId = child!.parentSessionId!;
    const archived = archive.some((s) => s.id === parentId);
    const children = await items(`all=true&parentSessionId=${parentId}&searchArchive=${archived}`);
    expect(ids(children)).toContain(child!.id);
    expect(children.every((s) => s.parentSessionId === parentId)).toBe(true);
    const [parent] = await items(`specificIds=${parentId}&searchArchive=${archived}`);
    expect(parent?.outcome).toBe('Transferred');
  });

  it('fetches specific ids, only from the side of the archive split they are on', async () => {
    const wanted = [live[3]!.id!, live[40]!.id!];
    expect(ids(await items(`specificIds=${wanted.join(',')}`)).sort()).toEqual([...wanted].sort());
    const archived = archive[0]!.id!;
    expect(await items(`specificIds=${archived}`)).toEqual([]);
    expect(ids(await items(`specificIds=${archived}&searchArchive=true`))).toEqual([archived]);
  });

  it('answers /sessions.json and ?format=json the same', async () => {
    const plain = await get('countPerPage=5');
    expect((await get('countPerPage=5', '/sessions.json')).body).toEqual(plain.body);
    expect((await get('countPerPage=5&format=json')).body).toEqual(plain.body);
  });

  it('caps all=true at 10,000 matches with a 400 that says to page', async () => {
    const big = openSandbox({ ...baseConfig(), sessions: 12_000 });
    try {
      const response = await big.app.request('/sessions?all=true&searchArchive=true');
      const body = (await response.json()) as WireErrorResponse;
      expect(response.status).toBe(400);
      expect(body.responseStatus?.errors?.[0]?.fieldName).toBe('All');
      expect(body.responseStatus?.message).toMatch(/page/i);
    } finally {
      big.close();
    }
  });
});

function baseConfig() {
  return testSandboxConfig({ sessions: 3000, seed: 7 });
}

describe('bad input', () => {
  it.each([
    ['startDate=2026-13-01', 'StartDate'],
    ['startDate=yesterday', 'StartDate'],
    ['endDate=2026-02-30', 'EndDate'],
    ['startDate=2026-11-20&endDate=2026-11-19', 'StartDate'],
    ['page=-1', 'Page'],
    ['page=abc', 'Page'],
    ['countPerPage=0', 'CountPerPage'],
    ['countPerPage=1001', 'CountPerPage'],
    ['sortField=password', 'SortField'],
    ['sortOrder=sideways', 'SortOrder'],
    ['all=maybe', 'All'],
    ['searchArchive=yes please', 'SearchArchive'],
  ])('%s answers 400 naming %s', async (query, field) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.responseStatus?.errorCode).toBeTruthy();
    expect(body.responseStatus?.message).toBeTruthy();
    expect(body.responseStatus?.errors?.[0]?.fieldName).toBe(field);
  });

  it('says the page-size cap in the message', async () => {
    const { body } = await get('countPerPage=5000');
    expect(body.responseStatus?.message).toContain('1000');
  });

  it('treats SQL in parameters as plain text', async () => {
    const hostile = encodeURIComponent("' OR 1=1; DROP TABLE sessions; --");
    expect(await items(`all=true&from=${hostile}&log=${hostile}&customerIds=${hostile}`)).toEqual([]);
    expect((await get('countPerPage=1')).body.totalCount).toBe(live.length);
  });

  it('answers unknown routes and methods in the ErrorResponse shape', async () => {
    const missing = await sandbox.app.request('/nothing/here');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as WireErrorResponse).responseStatus?.errorCode).toBe('NotFound');
    const post = await sandbox.app.request('/sessions', { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

describe('startTestSandbox', () => {
  it('serves real HTTP on 127.0.0.1 with the fixed clock and specimens', async () => {
    const test = await startTestSandbox();
    try {
      expect(test.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(test.config.now).toBe(NOW);
      const response = await fetch(`${test.url}/sessions?specificIds=${SPECIMEN_IDS.hugeLog}`);
      const body = (await response.json()) as WireListResponse;
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(body.items?.[0]?.log).toHaveLength(5000);
    } finally {
      await test.close();
    }
  });

  it('can be mounted under /api by a host app', async () => {
    const { Hono } = await import('hono');
    const host = new Hono();
    host.route('/api', sandbox.app);
    const ok = await host.request('/api/sessions?countPerPage=1');
    expect(ok.status).toBe(200);
    const missing = await host.request('/api/nope');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as WireErrorResponse).responseStatus?.errorCode).toBe('NotFound');
  });
});
