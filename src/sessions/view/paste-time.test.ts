import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { instantArb, zoneArb } from '../../../test/time-arbitraries';
import { parsePastedTime } from './paste-time';
import { formatWallTime } from './zoned-time';

const LA = 'America/Los_Angeles';
// Sunday Dec 6 2026, 09:00 in Los Angeles.
const NOW = Date.parse('2026-12-06T17:00:00Z');
const read = (text: string, zone = LA, now = NOW) => {
  const r = parsePastedTime(text, zone, now);
  return r.ok ? new Date(r.ms).toISOString() : r.reason;
};

describe('parsePastedTime', () => {
  it('reads ISO with and without a zone', () => {
    expect(read('2026-12-05T14:15:00Z')).toBe('2026-12-05T14:15:00.000Z');
    expect(read('2026-12-05T14:15:00.250+05:30')).toBe('2026-12-05T08:45:00.250Z');
    expect(read('2026-12-05T14:15-0800')).toBe('2026-12-05T22:15:00.000Z');
    expect(read('2026-12-05 14:15:00')).toBe('2026-12-05T22:15:00.000Z');
    expect(read('2026-12-05 14:15:00', 'Asia/Kolkata')).toBe('2026-12-05T08:45:00.000Z');
    expect(read('2026-12-05', 'Pacific/Chatham')).toBe('2026-12-04T10:15:00.000Z');
    expect(read(' "2026-12-05T14:15:00Z" ')).toBe('2026-12-05T14:15:00.000Z');
  });

  it('reads month names, 12-hour clocks and the forms the app itself writes', () => {
    expect(read('Dec 5, 2:15 PM')).toBe('2026-12-05T22:15:00.000Z');
    expect(read('Dec 5, 2026, 2:15 pm')).toBe('2026-12-05T22:15:00.000Z');
    expect(read('December 5 2026 at 12:05 a.m.')).toBe('2026-12-05T08:05:00.000Z');
    expect(read('5 Dec 2026 14:15')).toBe('2026-12-05T22:15:00.000Z');
    expect(read('Dec 5, 12:00 PM')).toBe('2026-12-05T20:00:00.000Z');
    // The table's "Nov 27, 14:03:09" and the drawer's full form.
    expect(read('Nov 27, 14:03:09')).toBe('2026-11-27T22:03:09.000Z');
    expect(read('Fri, Nov 27, 2026, 14:03:09 UTC')).toBe('2026-11-27T14:03:09.000Z');
    expect(read('Fri, Nov 27, 2026, 14:03:09 PST')).toBe('2026-11-27T22:03:09.000Z');
    expect(read('Sat, Dec 5, 2026, 14:15:00 GMT+5:30', LA)).toBe('2026-12-05T08:45:00.000Z');
  });

  it('reads a date without a year as the latest one not after tomorrow', () => {
    expect(read('Dec 7, 9:00 AM')).toBe('2026-12-07T17:00:00.000Z');
    expect(read('Dec 8, 9:00 AM')).toBe('2025-12-08T17:00:00.000Z');
    expect(read('Jan 2, 10:00', 'UTC', Date.parse('2027-01-01T12:00:00Z'))).toBe('2027-01-02T10:00:00.000Z');
    expect(read('Dec 31, 10:00', 'UTC', Date.parse('2027-01-01T12:00:00Z'))).toBe('2026-12-31T10:00:00.000Z');
  });

  it('reads epoch seconds, milliseconds and WCF dates', () => {
    expect(read('1796508900')).toBe('2026-12-05T22:15:00.000Z');
    expect(read('1796508900.5')).toBe('2026-12-05T22:15:00.500Z');
    expect(read('1796508900000')).toBe('2026-12-05T22:15:00.000Z');
    expect(read('/Date(1796508900000-0000)/')).toBe('2026-12-05T22:15:00.000Z');
    expect(read('\\/Date(1796508900000)\\/')).toBe('2026-12-05T22:15:00.000Z');
  });

  it('moves a skipped local time forward and takes the first of a repeated one', () => {
    expect(read('2026-03-08 02:30')).toBe('2026-03-08T10:30:00.000Z');
    expect(read('Nov 1, 2026, 1:30 AM')).toBe('2026-11-01T08:30:00.000Z');
  });

  it('says why it cannot read something', () => {
    expect(read('')).toBe('Paste or type a date and time.');
    expect(read('yesterday-ish')).toMatch(/^Could not read "yesterday-ish" as a date/);
    expect(read('Decem 5, 2:15 PM')).toMatch(/no month/);
    expect(read('Feb 30, 2026')).toBe('There is no day 30 in Feb 2026.');
    expect(read('Dec 5, 13:15 PM')).toMatch(/not a time on a 12-hour clock/);
    expect(read('2026-12-05 25:00')).toMatch(/not a time of day/);
    expect(read('12345')).toMatch(/epoch times have 10 digits/);
    expect(read('2026-12-05 14:15 EST')).toBe(
      'Cannot tell which zone "EST" is: write the offset instead (for example -08:00).',
    );
    expect(read('2026-12-05 14:15 +25:00')).toMatch(/not a UTC offset/);
    expect(read('2026-12-05 14:15 and more')).toMatch(/^Could not read "and more"/);
    expect(read('x'.repeat(200))).toMatch(/too long/);
  });

  it('reads back what the link format writes, in any zone', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, zoneArb, (ms, writer, reader) => {
        const instant = Math.floor(ms / 1000) * 1000;
        const text = formatWallTime(instant, writer, true);
        expect(parsePastedTime(text, reader, NOW)).toEqual({ ok: true, ms: instant, hadZone: true });
        // Without its offset, it is read in the reader's zone: the writer's wall time there.
        const local = parsePastedTime(formatWallTime(instant, reader, false), reader, NOW);
        if (local.ok)
          expect(formatWallTime(local.ms, reader, false)).toBe(formatWallTime(instant, reader, false));
        else expect.unreachable(local.reason);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), zoneArb, (text, zone) => {
        const r = parsePastedTime(text, zone, NOW);
        if (r.ok) expect(Number.isFinite(r.ms)).toBe(true);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
