// Wire dates, and table pages decoded as the full decode less the log and the members.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWireSessions } from '../../../test/session-factory';
import { decodeSummaryPage, parseWireDate } from './decode-page';
import { decodeSessionsPage } from './decode-sessions';

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

describe('decodeSummaryPage', () => {
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
});
