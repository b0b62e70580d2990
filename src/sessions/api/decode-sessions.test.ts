import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWireSession, makeWireSessions } from '../../../test/session-factory';
import { decodeSessionsPage, parseWireDate } from './decode-sessions';
import { decodeSummaryPage } from './decode-page';
import type { WireSessionInfo } from './session-types';

const MIN_MS = Date.parse('0001-01-01T00:00:00Z');
const MAX_MS = Date.parse('9999-12-31T23:59:59.999Z');

describe('parseWireDate', () => {
  it.each([
    ['2026-05-04T13:22:05.123Z', '2026-05-04T13:22:05.123Z'],
    ['2026-05-04T13:22:05Z', '2026-05-04T13:22:05.000Z'],
    ['2026-05-04t13:22:05z', '2026-05-04T13:22:05.000Z'],
    // No zone: UTC, because ServiceStack serializes UTC and may drop the Z.
    ['2026-05-04T13:22:05', '2026-05-04T13:22:05.000Z'],
    ['2026-05-04T13:22', '2026-05-04T13:22:00.000Z'],
    ['2026-05-04 13:22:05', '2026-05-04T13:22:05.000Z'],
    ['2026-05-04', '2026-05-04T00:00:00.000Z'],
    // .NET's 7-digit fractions: truncated to milliseconds.
    ['2026-05-04T13:22:05.1239999Z', '2026-05-04T13:22:05.123Z'],
    ['2026-05-04T13:22:05.1Z', '2026-05-04T13:22:05.100Z'],
    ['2026-05-04T13:22:05+02:00', '2026-05-04T11:22:05.000Z'],
    ['2026-05-04T13:22:05-0530', '2026-05-04T18:52:05.000Z'],
    ['2026-05-04T13:22:05+01', '2026-05-04T12:22:05.000Z'],
    ['2026-05-04T00:30:00+01:00', '2026-05-03T23:30:00.000Z'],
    [' 2026-05-04T13:22:05Z ', '2026-05-04T13:22:05.000Z'],
    ['0050-01-01T00:00:00Z', '0050-01-01T00:00:00.000Z'],
    ['/Date(1714829000000)/', '2024-05-04T13:23:20.000Z'],
    // The offset of a WCF date records the sender's zone; the number is already UTC.
    ['/Date(1714829000000-0000)/', '2024-05-04T13:23:20.000Z'],
    ['/Date(1714829000000+0200)/', '2024-05-04T13:23:20.000Z'],
    ['\\/Date(1714829000000)\\/', '2024-05-04T13:23:20.000Z'],
    ['/Date(-86400000)/', '1969-12-31T00:00:00.000Z'],
  ])('%s is %s', (raw, iso) => {
    expect(parseWireDate(raw)).toEqual({ raw, ms: Date.parse(iso) });
  });

  it.each([
    '',
    'garbage',
    'yesterday',
    '2026-02-30T00:00:00Z',
    '2026-13-01',
    '2026-05-04T24:00:00Z',
    '2026-05-04T13:60:00Z',
    '2026-05-04T13:22:05+25:00',
    '2026-5-4',
    '05/04/2026',
    '1714829000000',
    '/Date()/',
    '/Date(99999999999999999)/',
    '/Date(1714829000000)',
    'Mon, 04 May 2026 13:22:05 GMT', // Date.parse would accept it; the API never sends it
  ])('%j stays raw with no ms', (raw) => {
    expect(parseWireDate(raw)).toEqual({ raw, ms: undefined });
  });

  it('reads back any instant written as ISO (with Z, without zone, with an offset) or WCF', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_MS + 86_400_000, max: MAX_MS - 86_400_000 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offsetMin) => {
          const iso = new Date(ms).toISOString();
          expect(parseWireDate(iso).ms).toBe(ms);
          expect(parseWireDate(iso.slice(0, -1)).ms).toBe(ms);
          expect(parseWireDate(`/Date(${ms})/`).ms).toBe(ms);
          const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, -1);
          const sign = offsetMin < 0 ? '-' : '+';
          const abs = Math.abs(offsetMin);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseWireDate(local + zone).ms).toBe(ms);
        },
      ),
    );
  });

  it('accepts exactly the calendar days that exist (leap years included)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const pad = (n: number, w: number) => String(n).padStart(w, '0');
          const reference = new Date(0);
          reference.setUTCFullYear(y, m - 1, d);
          const exists =
            reference.getUTCFullYear() === y &&
            reference.getUTCMonth() === m - 1 &&
            reference.getUTCDate() === d;
          const parsed = parseWireDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`).ms;
          expect(parsed).toBe(exists ? reference.getTime() : undefined);
        },
      ),
    );
  });

  it('never throws and always keeps the raw text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const d = parseWireDate(s);
        expect(d.raw).toBe(s);
        expect(d.ms === undefined || Number.isFinite(d.ms)).toBe(true);
      }),
    );
  });
});

// ---- decodeSessionsPage ----

const isoDate = fc
  .integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') })
  .map((ms) => new Date(ms).toISOString());

/** Well-formed wire sessions: every field either absent or of its documented type. */
const wireSessionArb: fc.Arbitrary<WireSessionInfo> = fc.record(
  {
    id: fc.string({ minLength: 1 }),
    dateCreated: isoDate,
    dateCompleted: fc.oneof(isoDate, fc.constant('/Date(1714829000000)/'), fc.string()),
    accountId: fc.string(),
    accountName: fc.string(),
    fromAddress: fc.string(),
    toAddress: fc.string(),
    channel: fc.oneof(fc.constantFrom('Voice', 'Chat', 'Fax'), fc.string()),
    direction: fc.oneof(fc.constantFrom('Incoming', 'Outgoing'), fc.string()),
    callState: fc.string(),
    ended: fc.boolean(),
    wasMissed: fc.boolean(),
    customerBreadcrumb: fc.array(fc.record({ id: fc.string(), name: fc.string() }, { requiredKeys: [] })),
    log: fc.array(fc.record({ date: isoDate, message: fc.string() }, { requiredKeys: [] }), { maxLength: 5 }),
    members: fc.array(
      fc.record(
        {
          identity: fc.string(),
          displayName: fc.string(),
          role: fc.string(),
          muted: fc.boolean(),
          avatarUrl: fc.webUrl(),
          applicationData: fc.dictionary(fc.string(), fc.string()),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: [] },
);

/** Things that are not session objects at all. */
const junkItem = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.array(fc.anything()),
);

describe('decodeSessionsPage', () => {
  it('never throws on any value', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        decodeSessionsPage(x, 0);
        decodeSessionsPage({ items: [x], totalCount: x }, 0);
        decodeSessionsPage(
          { items: [{ id: 'a', log: x, members: [x], customerBreadcrumb: x, dateCreated: x }] },
          0,
        );
      }),
    );
  });

  it('never throws on random JSON, and returns a well-shaped page', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const page = decodeSessionsPage(JSON.parse(text), 3);
        expect(Array.isArray(page.items)).toBe(true);
        for (const s of page.items) expect(typeof s.id).toBe('string');
      }),
    );
  });

  it('survives any value in any field: that field degrades, the item stays', () => {
    const fields = Object.keys(makeWireSession({}, 0));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...fields, 'id'), fc.anything(), { minKeys: 1 }),
        fc.jsonValue(),
        (item, other) => {
          const page = decodeSessionsPage({ items: [item, other, makeWireSession({ id: 'good' }, 1)] }, 2);
          const first = page.items[0];
          expect(first?.id).toBe(typeof item.id === 'string' && item.id !== '' ? item.id : 'unknown-2-0');
          expect(page.items.at(-1)?.id).toBe('good');
          for (const s of page.items) {
            expect(
              Array.isArray(s.log) && Array.isArray(s.members) && Array.isArray(s.customerBreadcrumb),
            ).toBe(true);
            for (const k of ['fromAddress', 'accountName', 'channel', 'outcome'] as const) {
              expect(['string', 'undefined']).toContain(typeof s[k]);
            }
            for (const k of ['dateCreated', 'dateCompleted'] as const) {
              expect(s[k] === undefined || typeof s[k].raw === 'string').toBe(true);
            }
          }
        },
      ),
    );
  });

  it('keeps every well-formed item, in order, among junk', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(wireSessionArb, junkItem), { maxLength: 20 }),
        fc.nat(50),
        (raw, page) => {
          const decoded = decodeSessionsPage({ items: raw, totalCount: 1234 }, page);
          const kept = raw
            .map((x, index) => ({ x, index }))
            .filter(
              (e): e is { x: WireSessionInfo; index: number } =>
                typeof e.x === 'object' && e.x !== null && !Array.isArray(e.x),
            );
          expect(decoded.items).toHaveLength(kept.length);
          expect(decoded.totalCount).toBe(1234);
          kept.forEach(({ x, index }, i) => {
            const s = decoded.items[i];
            expect(s?.id).toBe(x.id ?? `unknown-${page}-${index}`);
            expect(s?.fromAddress).toBe(x.fromAddress);
            expect(s?.channel).toBe(x.channel);
            expect(s?.ended).toBe(x.ended);
            expect(s?.dateCreated).toEqual(
              x.dateCreated === undefined ? undefined : parseWireDate(x.dateCreated),
            );
            expect(s?.log.map((l) => l.message)).toEqual((x.log ?? []).map((l) => l.message ?? ''));
            expect(s?.members.map((m) => m.displayName)).toEqual((x.members ?? []).map((m) => m.displayName));
            expect(s?.customerBreadcrumb).toEqual(
              (x.customerBreadcrumb ?? []).map((c) => ({ id: c.id, name: c.name })),
            );
          });
        },
      ),
    );
  });

  it('decodes a realistic page field for field', () => {
    const wire = makeWireSessions(5, 7);
    const page = decodeSessionsPage({ items: wire, totalCount: 5, totalPages: 1, hasMorePages: false }, 0);
    expect(page).toMatchObject({ totalCount: 5, totalPages: 1, hasMorePages: false });
    page.items.forEach((s, i) => {
      const w = wire[i]!;
      expect(s.id).toBe(w.id);
      expect(s.dateCreated).toEqual({ raw: w.dateCreated, ms: Date.parse(w.dateCreated!) });
      expect(s.accountName).toBe(w.accountName);
      expect(s.members.map((m) => m.applicationData)).toEqual(
        (w.members ?? []).map((m) => Object.entries(m.applicationData ?? {})),
      );
      expect(Object.keys(s).sort()).toEqual(Object.keys(page.items[0]!).sort());
    });
  });

  it('decodes table pages (decode-page.ts) as the full decode, less the log and the members', () => {
    const wire = makeWireSessions(30, 11);
    expect(wire.some((w) => (w.log ?? []).length > 0 && (w.members ?? []).length > 0)).toBe(true);
    const json = { items: [...wire, {}], totalCount: 31, totalPages: 1, hasMorePages: false };
    const full = decodeSessionsPage(json, 2);
    const summary = decodeSummaryPage(json, 2);
    expect(summary.items).toEqual(full.items.map(({ log: _log, members: _members, ...s }) => s));
    expect(summary.items.every((s) => !('log' in s) && !('members' in s))).toBe(true);
    expect(summary).toMatchObject({ totalCount: 31, totalPages: 1, hasMorePages: false });
    expect(summary.items.at(-1)?.id).toBe('unknown-2-30');
  });

  it('has every model key on every item, even from an empty object', () => {
    const [s] = decodeSessionsPage({ items: [{}] }, 4).items;
    expect(s).toMatchObject({ id: 'unknown-4-0', log: [], members: [], customerBreadcrumb: [] });
    expect(Object.keys(s!)).toContain('dateCompleted');
    expect(s!.dateCompleted).toBeUndefined();
    expect(Object.keys(s!).length).toBeGreaterThan(40);
  });

  it('degrades null and wrong types per field', () => {
    const [s] = decodeSessionsPage(
      {
        items: [
          {
            id: 'x1',
            fromAddress: null,
            toAddress: 15035550123,
            ended: 'true',
            wasMissed: true,
            dateCreated: 12345,
            dateCompleted: 'soon',
            dateLastModified: '',
            log: [{ date: 'x' }, null, 'line', { message: 7 }, { message: 'ok', date: '/Date(0)/' }],
            members: 'nobody',
            customerBreadcrumb: [{ id: 1, name: 'Top' }, 'x'],
          },
        ],
        totalCount: '25',
        totalPages: -1,
        hasMorePages: 'yes',
      },
      0,
    ).items;
    expect(s).toMatchObject({
      id: 'x1',
      fromAddress: undefined,
      toAddress: undefined,
      ended: undefined,
      wasMissed: true,
      dateCreated: undefined,
      dateCompleted: { raw: 'soon', ms: undefined },
      dateLastModified: undefined,
      members: [],
      customerBreadcrumb: [{ id: undefined, name: 'Top' }],
    });
    expect(s!.log).toEqual([
      { date: { raw: 'x', ms: undefined }, message: '' },
      { date: undefined, message: '' },
      { date: { raw: '/Date(0)/', ms: 0 }, message: 'ok' },
    ]);
  });

  it('keeps unknown enum values as they come', () => {
    const [s] = decodeSessionsPage(
      {
        items: [
          {
            id: 'e',
            channel: 'Video',
            callState: 'Parked',
            members: [{ role: 'Supervisor', callState: 'Whisper' }],
          },
        ],
      },
      0,
    ).items;
    expect(s).toMatchObject({ channel: 'Video', callState: 'Parked' });
    expect(s!.members[0]).toMatchObject({ role: 'Supervisor', callState: 'Whisper' });
  });

  it('keeps only http(s) avatar URLs', () => {
    const urls = [
      'https://cdn.example.com/a.png',
      'http://example.com/b.png',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'data:image/png;base64,AAAA',
      '//evil.example.com/x.png',
      '/avatars/1.png',
      'not a url',
    ];
    const [s] = decodeSessionsPage(
      { items: [{ id: 'a', members: urls.map((avatarUrl) => ({ avatarUrl })) }] },
      0,
    ).items;
    expect(s!.members.map((m) => m.avatarUrl)).toEqual([
      urls[0],
      urls[1],
      ...urls.slice(2).map(() => undefined),
    ]);
  });

  it('turns applicationData into entries, stringifying numbers and booleans and dropping the rest', () => {
    const [s] = decodeSessionsPage(
      {
        items: [
          {
            id: 'a',
            members: [
              { applicationData: { a: 'x', n: 3, b: false, z: null, o: { deep: 1 }, l: [1] } },
              { applicationData: ['not', 'a', 'map'] },
              { applicationData: 'text' },
            ],
          },
        ],
      },
      0,
    ).items;
    expect(s!.members.map((m) => m.applicationData)).toEqual([
      [
        ['a', 'x'],
        ['n', '3'],
        ['b', 'false'],
      ],
      [],
      [],
    ]);
  });

  it('names items without an id by page and index, so they stay unique across pages', () => {
    const items = decodeSessionsPage({ items: [{ id: '' }, 'junk', { id: null }, { id: 'real' }] }, 7).items;
    expect(items.map((s) => s.id)).toEqual(['unknown-7-0', 'unknown-7-2', 'real']);
  });

  it('reads non-list responses as an empty page', () => {
    for (const x of [null, 'x', 42, [], [{ id: 'a' }], {}, { items: 'nope' }]) {
      expect(decodeSessionsPage(x, 0)).toEqual({
        items: [],
        totalCount: undefined,
        totalPages: undefined,
        hasMorePages: undefined,
      });
    }
  });

  it('leaves totals undefined under simplifiedPaging', () => {
    expect(decodeSessionsPage({ items: [], hasMorePages: false }, 9)).toEqual({
      items: [],
      totalCount: undefined,
      totalPages: undefined,
      hasMorePages: false,
    });
  });
});
