// Contract tests: the app's client (buildSessionsQuery + fetchSessions + sessionQueries) against the
// real sandbox over HTTP on 127.0.0.1, at the fixed test clock. If the sandbox and the client ever
// disagree about the wire format (a parameter name, the + encoding, paging, an error shape), this
// file fails, whichever side moved.
import { QueryClient } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_USER } from '../../server/sandbox/auth';
import { SPECIMEN_IDS, UNPARSEABLE_DATE } from '../../server/sandbox/specimens';
import { startTestSandbox, TEST_NOW, type TestSandbox } from '../../server/sandbox/test-sandbox';
import { ApiError, shouldRetry } from '../../src/sessions/api/api-error';
import {
  buildSessionsQuery,
  type SessionsFilter,
  type SessionsPaging,
} from '../../src/sessions/api/build-sessions-query';
import { fetchSessions, setApiBase } from '../../src/sessions/api/fetch-sessions';
import { toSessionsRequest } from '../../src/sessions/api/build-sessions-query';
import type { Session } from '../../src/sessions/api/session';
import { SESSIONS_PAGE_SIZE, sessionQueries } from '../../src/sessions/api/session-queries';
import { SORTABLE_FIELDS, type SortOrder } from '../../src/sessions/api/session-types';

const NOW = Date.parse(TEST_NOW);
const DAY = 24 * 60 * 60 * 1000;
const ARCHIVE_CUTOFF = NOW - 15 * DAY;
const SPECIMEN_COUNT = Object.keys(SPECIMEN_IDS).length;

let sandbox: TestSandbox;
let live: Session[];
let archive: Session[];

const list = (filter: SessionsFilter, paging: SessionsPaging = {}) =>
  fetchSessions(buildSessionsQuery(filter, paging));
const everything = async (filter: SessionsFilter = {}) => (await list(filter, { all: true })).items;
const ids = (xs: readonly { id: string }[]) => xs.map((s) => s.id);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isSpecimen = (s: Session) => s.id.startsWith('specimen-');
// Specimens may have odd wire dates; the sandbox files them by their real creation time.
const createdMs = (s: Session) => s.dateCreated?.ms;

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  setApiBase(sandbox.url);
  live = await everything();
  archive = await everything({ searchArchive: true });
});
afterAll(async () => {
  setApiBase();
  await sandbox?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the split between live and archive', () => {
  it('puts every session on exactly one side of 15 days before the clock', () => {
    expect(live.length).toBeGreaterThan(100);
    expect(archive.length).toBeGreaterThan(100);
    expect(live.length + archive.length).toBe(sandbox.config.sessions + SPECIMEN_COUNT);
    const liveIds = new Set(ids(live));
    expect(archive.some((s) => liveIds.has(s.id))).toBe(false);
    for (const s of live.filter((x) => !isSpecimen(x)))
      expect(createdMs(s)).toBeGreaterThanOrEqual(ARCHIVE_CUTOFF);
    for (const s of archive) expect(createdMs(s)).toBeLessThan(ARCHIVE_CUTOFF);
  });

  it('decodes every session with a real id and a parsed creation date', () => {
    for (const s of [...live, ...archive]) {
      expect(s.id).not.toMatch(/^unknown-/);
      if (!isSpecimen(s)) expect(s.dateCreated?.ms).toEqual(expect.any(Number));
    }
  });
});

describe('paging', () => {
  it('pages of SESSIONS_PAGE_SIZE cover the result once, newest first, until hasMorePages ends', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const seen: string[] = [];
    const total = await client.fetchQuery(sessionQueries.count(toSessionsRequest({})));
    expect(total).toBe(live.length);
    const pages = Math.ceil(total / SESSIONS_PAGE_SIZE);
    for (let n = 0; n < pages; n++) {
      const page = await client.fetchQuery(sessionQueries.page(toSessionsRequest({}), n));
      // Sorted by date the edge search counts the result: a table page is not counted.
      expect(page.totalCount).toBeUndefined();
      expect(page.items.length).toBe(Math.min(SESSIONS_PAGE_SIZE, live.length - n * SESSIONS_PAGE_SIZE));
      expect(page.hasMorePages).toBe(n < pages - 1);
      seen.push(...ids(page.items));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(ids(live));
  });

  it('defaults to 25 per page from page 0', async () => {
    const page = await list({});
    expect(ids(page.items)).toEqual(ids(live.slice(0, 25)));
  });

  it('answers past the end with no items and the totals still set', async () => {
    const page = await list({}, { page: 999, countPerPage: 100 });
    expect(page).toMatchObject({ items: [], totalCount: live.length, hasMorePages: false });
  });

  it('simplifiedPaging: no totals, hasMorePages until the end, then an empty page', async () => {
    const size = 100;
    const last = Math.floor((live.length - 1) / size);
    const first = await list({}, { simplifiedPaging: true, countPerPage: size });
    expect(first).toMatchObject({ totalCount: undefined, totalPages: undefined, hasMorePages: true });
    const end = await list({}, { simplifiedPaging: true, countPerPage: size, page: last });
    expect(end.items.length).toBe(live.length - last * size);
    expect(end.hasMorePages).toBe(false);
    const past = await list({}, { simplifiedPaging: true, countPerPage: size, page: last + 1 });
    expect(past).toMatchObject({ items: [], totalCount: undefined, hasMorePages: false });
  });
});

describe('sorting', () => {
  const key = (s: Session, field: string): string | number | undefined => {
    const v = (s as unknown as Record<string, unknown>)[field];
    if (v && typeof v === 'object' && 'ms' in v) return (v as { ms: number | undefined }).ms ?? -1;
    if (typeof v === 'boolean') return v ? 1 : 0;
    // Compare only ASCII text: SQLite's NOCASE and JS string order differ beyond it.
    if (typeof v === 'string') return /^[\x20-\x7e]*$/.test(v) ? v.toLowerCase() : undefined;
    return v === undefined ? (field.startsWith('date') ? -1 : '') : undefined;
  };

  it.each(SORTABLE_FIELDS)('by %s, both ways', async (field) => {
    const asc = await everything({ sortField: field, sortOrder: 'Ascend' });
    const desc = await everything({ sortField: field, sortOrder: 'Descend' });
    expect(asc).toHaveLength(live.length);
    expect(ids(desc)).toEqual(ids(asc).reverse());
    const keys = asc.filter((s) => !isSpecimen(s)).map((s) => key(s, field));
    const comparable = keys.filter((k) => k !== undefined);
    expect(comparable.length).toBeGreaterThan(live.length / 2);
    for (let i = 1; i < comparable.length; i++) expect(comparable[i - 1]! <= comparable[i]!).toBe(true);
  });

  it('matches the sort field case-insensitively', async () => {
    const a = await list({ sortField: 'FROMADDRESS', sortOrder: 'Ascend' }, { countPerPage: 50 });
    const b = await list({ sortField: 'fromAddress', sortOrder: 'Ascend' }, { countPerPage: 50 });
    expect(ids(a.items)).toEqual(ids(b.items));
  });
});

describe('every filter', () => {
  const expectSubset = async (filter: SessionsFilter, pool: Session[], keep: (s: Session) => boolean) => {
    const expected = ids(pool.filter(keep));
    expect(expected.length).toBeGreaterThan(0);
    const found = await everything(filter);
    expect(ids(found)).toEqual(expected);
    expect((await list(filter, { countPerPage: 1 })).totalCount).toBe(expected.length);
  };

  it('accountIds', async () => {
    const account = live.find((s) => !isSpecimen(s))!.accountId!;
    await expectSubset({ accountIds: [account] }, live, (s) => s.accountId === account);
  });

  it('customerIds, as a comma list', async () => {
    const customers = [...new Set(live.map((s) => s.customerId).filter(Boolean))].slice(0, 2) as string[];
    expect(customers).toHaveLength(2);
    await expectSubset({ customerIds: customers }, live, (s) => customers.includes(s.customerId ?? ''));
  });

  it('endpointIds', async () => {
    const endpoint = live.find((s) => !isSpecimen(s) && s.endpointId)!.endpointId!;
    await expectSubset({ endpointIds: [endpoint] }, live, (s) => s.endpointId === endpoint);
  });

  it('startDate/endDate: inclusive UTC days on dateCreated', async () => {
    const start = day(NOW - 5 * DAY);
    const end = day(NOW - 3 * DAY);
    await expectSubset({ startDate: start, endDate: end }, live, (s) => {
      const d = day(createdMs(s)!);
      return d >= start && d <= end;
    });
    await expectSubset(
      { startDate: end, endDate: end, searchArchive: false },
      live,
      (s) => day(createdMs(s)!) === end,
    );
  });

  it('from: contains-search, with a + that must travel as %2B', async () => {
    const sample = live.find((s) => !isSpecimen(s) && s.fromAddress?.startsWith('+1'))!;
    const part = sample.fromAddress!.slice(0, 5);
    expect(part.startsWith('+')).toBe(true);
    await expectSubset({ from: part }, live, (s) => s.fromAddress?.includes(part) ?? false);
  });

  it('to: contains-search, case-insensitive', async () => {
    const sample = live.find((s) => !isSpecimen(s) && s.toAddress && /[a-z]/i.test(s.toAddress));
    const part = sample ? sample.toAddress!.slice(0, 4).toUpperCase() : '+1503';
    await expectSubset(
      { to: part },
      live,
      (s) => s.toAddress?.toLowerCase().includes(part.toLowerCase()) ?? false,
    );
  });

  it('log: text in any log line, case-insensitive', async () => {
    const word = 'VOICEMAIL';
    await expectSubset({ log: word }, live, (s) =>
      s.log.some((l) => l.message.toLowerCase().includes('voicemail')),
    );
  });

  it('parentSessionId: the transfers of a session', async () => {
    const child = live.find((s) => s.parentSessionId) ?? archive.find((s) => s.parentSessionId);
    expect(child).toBeDefined();
    const parent = child!.parentSessionId!;
    const searchArchive = archive.some((s) => s.id === child!.id);
    await expectSubset(
      { parentSessionId: parent, searchArchive },
      searchArchive ? archive : live,
      (s) => s.parentSessionId === parent,
    );
  });

  it('searchArchive with other filters', async () => {
    const account = archive[0]!.accountId!;
    await expectSubset(
      { searchArchive: true, accountIds: [account] },
      archive,
      (s) => s.accountId === account,
    );
  });

  it('all together: the intersection', async () => {
    const s0 = live.find((s) => !isSpecimen(s) && s.fromAddress?.startsWith('+1'))!;
    const filter: SessionsFilter = {
      accountIds: [s0.accountId!],
      from: s0.fromAddress!.slice(0, 4),
      startDate: day(NOW - 14 * DAY),
      endDate: day(NOW),
      sortField: 'dateCreated',
      sortOrder: 'Descend',
    };
    await expectSubset(
      filter,
      live,
      (s) =>
        s.accountId === s0.accountId &&
        (s.fromAddress?.includes(filter.from!) ?? false) &&
        day(createdMs(s)!) >= filter.startDate!,
    );
  });

  it('a search that matches nothing is an empty page, not an error', async () => {
    expect(await list({ log: 'no such text anywhere 8c1f' })).toMatchObject({ items: [], totalCount: 0 });
  });
});

describe('specificIds and the detail query', () => {
  it('fetches exactly the ids asked for, from their side of the split', async () => {
    const wanted = [live[3]!.id, live[40]!.id];
    expect(ids((await list({}, { specificIds: wanted })).items).sort()).toEqual([...wanted].sort());
    expect((await list({}, { specificIds: [archive[0]!.id] })).items).toEqual([]);
    expect(ids((await list({ searchArchive: true }, { specificIds: [archive[0]!.id] })).items)).toEqual([
      archive[0]!.id,
    ]);
  });

  it('detail finds live and archived sessions, and null for unknown ids', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    expect(await client.fetchQuery(sessionQueries.detail(live[7]!.id))).toMatchObject({
      archived: false,
      session: { id: live[7]!.id },
    });
    expect(await client.fetchQuery(sessionQueries.detail(archive[7]!.id))).toMatchObject({
      archived: true,
      session: { id: archive[7]!.id },
    });
    expect(await client.fetchQuery(sessionQueries.detail('no-such-session'))).toBeNull();
  });
});

describe('specimens decode without loss or danger', () => {
  const specimen = async (id: string) => (await list({}, { specificIds: [id] })).items[0]!;

  it('a 5,000-line log arrives whole', async () => {
    expect((await specimen(SPECIMEN_IDS.hugeLog)).log).toHaveLength(5000);
  });

  it('odd dates: WCF, offset and zone-less parse; garbage stays raw', async () => {
    const s = await specimen(SPECIMEN_IDS.oddDates);
    expect(s.dateCreated?.raw).toMatch(/^\/Date\(\d+-0000\)\/$/);
    expect(s.dateCreated?.ms).toBe(NOW - 5 * 60 * 60 * 1000);
    expect(s.dateLastModified?.ms).toBe(NOW - 5 * 60 * 60 * 1000 + 90_000);
    expect(s.dateCompleted).toEqual({ raw: UNPARSEABLE_DATE, ms: undefined });
    const [wcf, offset, zoneless, garbage, empty] = s.log;
    expect(wcf?.date?.ms).toBe(s.dateCreated?.ms);
    expect(offset?.date?.ms).toBe(s.dateCreated!.ms! + 30_000 - 2 * 60 * 60 * 1000);
    expect(zoneless?.date?.ms).toBe(s.dateCreated!.ms! + 60_000);
    expect(garbage?.date).toEqual({ raw: UNPARSEABLE_DATE, ms: undefined });
    expect(empty?.date).toBeUndefined();
  });

  it('odd enums are kept as they come', async () => {
    const s = await specimen(SPECIMEN_IDS.oddEnums);
    expect(s).toMatchObject({
      channel: 'Video',
      direction: 'Sideways',
      callState: 'Transcribing',
      holdReason: 'Parked',
    });
    expect(s.members.map((m) => m.role)).toEqual(['Caller', 'Supervisor']);
  });

  it('hostile strings arrive intact, but only http(s) avatars survive', async () => {
    const s = await specimen(SPECIMEN_IDS.hostile);
    expect(s.customerName).toContain('<script>');
    for (const m of s.members)
      expect(m.avatarUrl === undefined || /^https?:\/\//.test(m.avatarUrl)).toBe(true);
  });

  it('nulls become undefined or empty lists', async () => {
    const s = await specimen(SPECIMEN_IDS.sparse);
    expect(s).toMatchObject({
      accountName: undefined,
      fromAddress: undefined,
      channel: undefined,
      dateCompleted: undefined,
      customerBreadcrumb: [],
      log: [],
    });
    expect(s.members).toEqual([
      expect.objectContaining({ identity: undefined, role: undefined, applicationData: [] }),
    ]);
  });
});

describe('bad input answers an ApiError 400 naming the field', () => {
  it.each<[string, SessionsFilter, SessionsPaging, string]>([
    ['negative page', {}, { page: -1 }, 'Page'],
    ['page size 0', {}, { countPerPage: 0 }, 'CountPerPage'],
    ['page size over the cap', {}, { countPerPage: 5000 }, 'CountPerPage'],
    ['unknown sort field', { sortField: 'password' }, {}, 'SortField'],
    ['unknown sort order', { sortOrder: 'Sideways' as SortOrder }, {}, 'SortOrder'],
    ['unparseable start date', { startDate: 'yesterday' }, {}, 'StartDate'],
    ['impossible end date', { endDate: '2026-02-30' }, {}, 'EndDate'],
    ['start after end', { startDate: '2026-11-20', endDate: '2026-11-19' }, {}, 'StartDate'],
  ])('%s', async (_name, filter, paging, field) => {
    const e = await rejection(list(filter, paging));
    expect(e).toBeInstanceOf(ApiError);
    const error = e as ApiError;
    expect(error).toMatchObject({ kind: 'http', status: 400 });
    expect(error.errorCode).toBeTruthy();
    expect(error.message).not.toMatch(/^The server did not accept/); // the server's own words
    expect(error.fieldErrors.map((f) => f.fieldName)).toContain(field);
  });

  it("a 400 is not retried under the app's retry policy", async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    const client = new QueryClient({ defaultOptions: { queries: { retry: shouldRetry, retryDelay: 0 } } });
    await expect(
      client.fetchQuery(sessionQueries.page(toSessionsRequest({ sortField: 'password' }), 0)),
    ).rejects.toBeInstanceOf(ApiError);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('authentication', () => {
  let secured: TestSandbox;
  beforeAll(async () => {
    secured = await startTestSandbox({ auth: true, sessions: 200 });
  });
  afterAll(async () => {
    setApiBase(sandbox.url);
    await secured?.close();
  });

  /** The browser's cookie jar, for node's fetch: adds `cookie` to every request of the client. */
  function withCookie(cookie: string) {
    const original = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', cookie);
      return original(input, { ...init, headers });
    });
  }

  async function signIn(password: string = DEMO_USER.password): Promise<Response> {
    return fetch(`${secured.url}/auth/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ userName: DEMO_USER.userName, password, rememberMe: false }),
    });
  }

  it('off: no cookie needed', async () => {
    setApiBase(sandbox.url);
    expect((await list({}, { countPerPage: 1 })).totalCount).toBe(live.length);
  });

  it('on: 401 ApiError without a cookie, 200 after signing in, 401 again once expired', async () => {
    setApiBase(secured.url);
    const anonymous = await rejection(list({}, { countPerPage: 1 }));
    expect(anonymous).toBeInstanceOf(ApiError);
    expect(anonymous).toMatchObject({ kind: 'http', status: 401 });

    const wrong = await signIn('not the password');
    expect(wrong.status).toBe(401);

    const ok = await signIn();
    expect(ok.status).toBe(200);
    const cookie = ok.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c?.startsWith('ss-id='));
    expect(cookie).toBeDefined();
    withCookie(cookie!);
    const page = await list({}, { countPerPage: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.totalCount).toBeGreaterThan(5);

    secured.sandbox.expireAllSessions();
    expect(await rejection(list({}, { countPerPage: 1 }))).toMatchObject({ kind: 'http', status: 401 });
  });
});

describe('transport failures', () => {
  it('a server that is gone is a network ApiError', async () => {
    const gone = await startTestSandbox({ sessions: 10 });
    await gone.close();
    setApiBase(gone.url);
    try {
      expect(await rejection(list({}))).toMatchObject({ name: 'ApiError', kind: 'network', status: 0 });
    } finally {
      setApiBase(sandbox.url);
    }
  });

  it('a slow server: abort is an AbortError, a timeout is a timeout ApiError', async () => {
    const slow = await startTestSandbox({ sessions: 10, latencyMs: 1_000 });
    setApiBase(slow.url);
    try {
      const controller = new AbortController();
      const pending = fetchSessions(new URLSearchParams(), { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const aborted = await rejection(pending);
      expect(aborted).not.toBeInstanceOf(ApiError);
      expect(aborted).toMatchObject({ name: 'AbortError' });
      expect(await rejection(fetchSessions(new URLSearchParams(), { timeoutMs: 100 }))).toMatchObject({
        kind: 'timeout',
        status: 0,
      });
    } finally {
      setApiBase(sandbox.url);
      await slow.close();
    }
  });
});
