import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { instantArb, zoneArb } from '../../../test/time-arbitraries';
import {
  dayInZone,
  formatWallTime,
  isValidZone,
  offsetMinutesAt,
  startOfDayMs,
  wallAsUtcMs,
  wallTimeAt,
  wallTimeToMs,
  type WallTime,
} from './zoned-time';

const wall = (iso: string): WallTime => {
  const d = new Date(`${iso}Z`);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
};
const iso = (ms: number) => new Date(ms).toISOString();

const savedTz = process.env.TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('wallTimeToMs', () => {
  it('reads ordinary times with the offset in force', () => {
    expect(iso(wallTimeToMs(wall('2026-12-05T14:15:00'), 'America/Los_Angeles'))).toBe(
      '2026-12-05T22:15:00.000Z',
    );
    expect(iso(wallTimeToMs(wall('2026-07-05T14:15:00'), 'America/Los_Angeles'))).toBe(
      '2026-07-05T21:15:00.000Z',
    );
    expect(iso(wallTimeToMs(wall('2026-12-05T14:15:00'), 'Asia/Kolkata'))).toBe('2026-12-05T08:45:00.000Z');
    expect(iso(wallTimeToMs(wall('2026-12-05T14:15:00'), 'Pacific/Chatham'))).toBe(
      '2026-12-05T00:30:00.000Z',
    );
    expect(iso(wallTimeToMs(wall('2026-12-05T14:15:00'), 'UTC'))).toBe('2026-12-05T14:15:00.000Z');
  });

  it('moves a time skipped by spring forward forward by the gap', () => {
    // Los Angeles, 2026-03-08: 02:00 PST becomes 03:00 PDT.
    expect(iso(wallTimeToMs(wall('2026-03-08T02:30:00'), 'America/Los_Angeles'))).toBe(
      '2026-03-08T10:30:00.000Z',
    );
    expect(
      formatWallTime(
        wallTimeToMs(wall('2026-03-08T02:30:00'), 'America/Los_Angeles'),
        'America/Los_Angeles',
        true,
      ),
    ).toBe('2026-03-08T03:30-07:00');
    // Chatham, 2026-09-27: 02:45 +12:45 becomes 03:45 +13:45.
    expect(
      formatWallTime(wallTimeToMs(wall('2026-09-27T03:00:00'), 'Pacific/Chatham'), 'Pacific/Chatham', true),
    ).toBe('2026-09-27T04:00+13:45');
  });

  it('takes the earlier offset for a time that happens twice at fall back', () => {
    // Los Angeles, 2026-11-01: 01:30 happens at -07:00 and again at -08:00.
    expect(iso(wallTimeToMs(wall('2026-11-01T01:30:00'), 'America/Los_Angeles'))).toBe(
      '2026-11-01T08:30:00.000Z',
    );
    // Chatham, 2026-04-05: 02:45-03:45 happens at +13:45 and again at +12:45.
    expect(
      formatWallTime(wallTimeToMs(wall('2026-04-05T03:00:00'), 'Pacific/Chatham'), 'Pacific/Chatham', true),
    ).toBe('2026-04-05T03:00+13:45');
  });

  it('does not depend on the process zone', () => {
    const cases = () => [
      wallTimeToMs(wall('2026-03-08T02:30:00'), 'America/Los_Angeles'),
      wallTimeToMs(wall('2026-11-01T01:30:00'), 'America/Los_Angeles'),
      wallTimeToMs(wall('2026-04-05T03:00:00'), 'Pacific/Chatham'),
      startOfDayMs('2026-12-31', 'Asia/Kolkata'),
    ];
    process.env.TZ = 'UTC';
    const expected = cases();
    for (const tz of ['America/New_York', 'Pacific/Chatham', 'Europe/London', 'Australia/Lord_Howe']) {
      process.env.TZ = tz;
      expect(cases()).toEqual(expected);
    }
  });

  it('inverts wallTimeAt: every instant is the first reading of its wall time', () => {
    let repeats = 0;
    fc.assert(
      fc.property(instantArb, zoneArb, (ms, zone) => {
        const back = wallTimeToMs(wallTimeAt(ms, zone), zone);
        if (back === ms) return;
        // Only the second occurrence of a repeated wall time reads back as its first.
        expect(back).toBeLessThan(ms);
        expect(wallTimeAt(back, zone)).toEqual(wallTimeAt(ms, zone));
        repeats++;
      }),
      {
        numRuns: 2000,
        // Random instants only sometimes land in the hour a clock repeats: these always do.
        examples: [
          [Date.parse('2026-11-01T09:30:00Z'), 'America/Los_Angeles'], // 01:30 at -08:00
          [Date.parse('2026-04-04T14:15:00Z'), 'Pacific/Chatham'], // 03:00 at +12:45
        ],
      },
    );
    expect(repeats).toBeGreaterThanOrEqual(2);
  });

  it('lands on the wall time asked for, or just past a gap', () => {
    // Wall times near the changes, read with the offset of the day before: some fall in gaps.
    const anyWall = fc
      .tuple(instantArb, zoneArb)
      .map(
        ([ms, zone]) =>
          [wallTimeAt(ms + offsetMinutesAt(zone, ms - 86_400_000) * 60_000, 'UTC'), zone] as const,
      );
    let gaps = 0;
    fc.assert(
      fc.property(anyWall, ([w, zone]) => {
        const ms = wallTimeToMs(w, zone);
        const shown = wallAsUtcMs(wallTimeAt(ms, zone));
        const asked = wallAsUtcMs(w);
        if (shown !== asked) {
          // A skipped time: the clock jumped over it, by the change of offset.
          const jump = offsetMinutesAt(zone, ms) - offsetMinutesAt(zone, ms - 86_400_000);
          expect(jump).toBeGreaterThan(0);
          expect(shown - asked).toBe(jump * 60_000);
          gaps++;
        }
      }),
      {
        numRuns: 2000,
        // Random wall times only sometimes fall in a gap: these always do.
        examples: [
          [[wall('2026-03-08T02:30:00'), 'America/Los_Angeles']],
          [[wall('2026-09-27T03:00:00'), 'Pacific/Chatham']],
        ],
      },
    );
    expect(gaps).toBeGreaterThanOrEqual(2);
  });
});

describe('days in a zone', () => {
  it('begins days at local midnight, 23 and 25 hours long at the changes', () => {
    const la = 'America/Los_Angeles';
    expect(startOfDayMs('2026-03-09', la) - startOfDayMs('2026-03-08', la)).toBe(23 * 3_600_000);
    expect(startOfDayMs('2026-11-02', la) - startOfDayMs('2026-11-01', la)).toBe(25 * 3_600_000);
    expect(iso(startOfDayMs('2027-01-01', 'Pacific/Chatham'))).toBe('2026-12-31T10:15:00.000Z');
    expect(dayInZone(Date.parse('2026-12-06T01:00:00Z'), la)).toBe('2026-12-05');
    expect(dayInZone(Date.parse('2026-12-05T20:00:00Z'), 'Asia/Kolkata')).toBe('2026-12-06');
  });

  it('knows which zones exist, and computes an unknown one as UTC', () => {
    expect(isValidZone('Asia/Kolkata')).toBe(true);
    expect(isValidZone('UTC')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
    expect(isValidZone('')).toBe(false);
    expect(offsetMinutesAt('Mars/Olympus', Date.UTC(2026, 0, 1))).toBe(0);
  });
});
