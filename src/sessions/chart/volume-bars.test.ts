import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { instantArb } from '../../../test/time-arbitraries';
import { barIndexOf, barUnitFor, MAX_BARS, volumeBars, type BarUnit } from './volume-bars';
import {
  dayInZone,
  startOfDayMs,
  wallAsUtcMs,
  wallTimeAt,
  wallTimeToMs,
  type WallTime,
} from '../view/zoned-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The zones: DST both ways, and offsets of 30 and 45 minutes. */
const ZONES = [
  'America/Los_Angeles',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Eucla',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'UTC',
] as const;

const at = (text: string, zone: string) => {
  const [day, time = '00:00'] = text.split('T');
  const [y, m, d] = day!.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return wallTimeToMs(
    { year: y!, month: m!, day: d!, hour: hh!, minute: mm!, second: 0, millisecond: 0 },
    zone,
  );
};
const wallText = (ms: number, zone: string) => {
  const w = wallTimeAt(ms, zone);
  return `${dayInZone(ms, zone)}T${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

function isBoundary(ms: number, unit: BarUnit, zone: string): boolean {
  if (unit.kind === 'day') return ms === startOfDayMs(dayInZone(ms, zone), zone);
  if (unit.kind === 'week')
    return (
      ms === startOfDayMs(dayInZone(ms, zone), zone) &&
      new Date(`${dayInZone(ms, zone)}T00:00Z`).getUTCDay() === 1
    );
  const w = wallTimeAt(ms, zone);
  if (isWallBoundary(w, unit)) return true;
  // A boundary a spring-forward change skips moves forward by the gap, to where the clock resumes.
  const wallMs = wallAsUtcMs(w);
  for (let m = 1; m <= 120; m++) {
    const skipped = wallTimeAt(wallMs - m * 60_000, 'UTC');
    if (isWallBoundary(skipped, unit) && wallTimeToMs(skipped, zone) === ms) return true;
  }
  return false;
}

function isWallBoundary(w: WallTime, unit: BarUnit): boolean {
  if (w.second || w.millisecond) return false;
  return unit.kind === 'minutes'
    ? w.minute % unit.step === 0
    : w.minute === 0 && w.hour % (unit.kind === 'hours' ? unit.step : 24) === 0;
}

describe('barUnitFor', () => {
  it('keeps the common ranges between about 12 and 60 bars', () => {
    const count = (ms: number) => volumeBars({ startMs: 0, endMs: ms, zone: 'UTC' }).edges.length - 1;
    expect(barUnitFor(HOUR)).toEqual({ kind: 'minutes', step: 5 });
    expect(count(HOUR)).toBe(12);
    expect(count(4 * HOUR)).toBe(48);
    expect(barUnitFor(DAY)).toEqual({ kind: 'hours', step: 1 });
    expect(count(DAY)).toBe(24);
    expect(count(7 * DAY)).toBe(56);
    expect(barUnitFor(30 * DAY)).toEqual({ kind: 'day' });
    expect(count(30 * DAY)).toBe(30);
  });
});

describe('volumeBars', () => {
  it('cuts a day in Los Angeles at its hours', () => {
    const zone = 'America/Los_Angeles';
    const { edges } = volumeBars({ startMs: at('2026-12-05', zone), endMs: at('2026-12-06', zone), zone });
    expect(edges).toHaveLength(25);
    expect(edges.slice(0, 3).map((ms) => wallText(ms, zone))).toEqual([
      '2026-12-05T00:00',
      '2026-12-05T01:00',
      '2026-12-05T02:00',
    ]);
  });

  it('gives the spring-forward day 23 hourly bars and the fall-back day 25', () => {
    const zone = 'America/Los_Angeles';
    const spring = volumeBars({ startMs: at('2026-03-08', zone), endMs: at('2026-03-09', zone), zone });
    expect(spring.edges).toHaveLength(24);
    expect(spring.edges.map((ms) => wallText(ms, zone))).not.toContain('2026-03-08T02:00');
    const fall = volumeBars({ startMs: at('2026-11-01', zone), endMs: at('2026-11-02', zone), zone });
    expect(fall.edges).toHaveLength(26);
    // 01:00 twice: once in daylight time, once in standard time, an hour apart.
    const ones = fall.edges.filter((ms) => wallText(ms, zone) === '2026-11-01T01:00');
    expect(ones).toHaveLength(2);
    expect(ones[1]! - ones[0]!).toBe(HOUR);
  });

  it('makes the days of a 30-day window across a change 23, 24 and 25 hours long', () => {
    const zone = 'America/Los_Angeles';
    const { unit, edges } = volumeBars({
      startMs: at('2026-10-20', zone),
      endMs: at('2026-11-19', zone),
      zone,
    });
    expect(unit).toEqual({ kind: 'day' });
    expect(edges).toHaveLength(31);
    const lengths = new Set(edges.slice(1).map((ms, k) => (ms - edges[k]!) / HOUR));
    expect(lengths).toEqual(new Set([24, 25]));
  });

  it('cuts hours at the zone’s own hours in Kolkata, Kathmandu and Chatham', () => {
    for (const [zone, minute] of [
      ['Asia/Kolkata', 30],
      ['Asia/Kathmandu', 15],
      ['Pacific/Chatham', 15],
      ['Australia/Eucla', 15],
    ] as const) {
      const startMs = at('2026-12-05T09:20', zone);
      const { edges } = volumeBars({ startMs, endMs: startMs + 20 * HOUR, zone });
      expect(edges[0]).toBe(startMs);
      expect(wallText(edges[1]!, zone)).toBe('2026-12-05T10:00');
      // The hour begins off the UTC hour by the zone's odd offset.
      expect(new Date(edges[1]!).getUTCMinutes()).toBe(minute);
    }
  });

  it('has no bars for an empty window', () => {
    expect(volumeBars({ startMs: 5, endMs: 5, zone: 'UTC' }).edges).toEqual([5]);
  });

  it('cuts any window exactly at wall-clock boundaries, in every zone', () => {
    const lengthArb = fc.oneof(
      fc.integer({ min: 1, max: 6 * HOUR }),
      fc.integer({ min: 1, max: 100 * DAY }),
      fc.integer({ min: 1, max: 72 }).map((h) => h * HOUR),
    );
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instantArb, lengthArb, (zone, startMs, length) => {
        const endMs = startMs + length;
        const { unit, edges } = volumeBars({ startMs, endMs, zone });
        expect(edges[0]).toBe(startMs);
        expect(edges[edges.length - 1]).toBe(endMs);
        for (let k = 1; k < edges.length; k++) expect(edges[k]!).toBeGreaterThan(edges[k - 1]!);
        for (const ms of edges.slice(1, -1)) expect(isBoundary(ms, unit, zone)).toBe(true);
        // About MAX_BARS at most (a day or two more where offsets change inside the window).
        expect(edges.length - 1).toBeLessThanOrEqual(MAX_BARS + 3);
      }),
      {
        numRuns: 400,
        // A window ending right after Chatham's 03:00 boundary was skipped (spring forward).
        examples: [['Pacific/Chatham', 1758723300001, 3 * DAY]],
      },
    );
  });

  it('moves a boundary a spring-forward change skips forward by the gap', () => {
    // Chatham springs from 02:45 to 03:45 on Sep 24 2028: 3-hour bars lose their 03:00 boundary.
    const startMs = Date.parse('2028-09-19T05:27:29.388Z');
    const endMs = Date.parse('2028-09-23T16:15:00.001Z'); // Sep 24, 05:00 +13:45
    const { unit, edges } = volumeBars({ startMs, endMs, zone: 'Pacific/Chatham' });
    expect(unit).toEqual({ kind: 'hours', step: 3 });
    // 03:00 does not exist that night: its boundary is 04:00 +13:45, an hour after the gap ends.
    expect(edges).toContain(Date.parse('2028-09-23T14:15:00Z'));
    for (let k = 1; k < edges.length; k++) expect(edges[k]! - edges[k - 1]!).toBeLessThanOrEqual(3 * HOUR);
  });

  it('misses no boundary: a bar is at most its unit plus a change of offset long', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        instantArb,
        fc.integer({ min: 1, max: 40 * DAY }),
        (zone, startMs, length) => {
          const { unit, edges } = volumeBars({ startMs, endMs: startMs + length, zone });
          const nominal =
            unit.kind === 'minutes'
              ? unit.step * MINUTE
              : unit.kind === 'hours'
                ? unit.step * HOUR
                : unit.kind === 'day'
                  ? DAY
                  : 7 * DAY;
          // A day gains an hour at a change; an hour of Lord Howe spans its 30-minute gap.
          const slack = HOUR;
          for (let k = 1; k < edges.length; k++)
            expect(edges[k]! - edges[k - 1]!).toBeLessThanOrEqual(nominal + slack);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('barIndexOf', () => {
  it('finds the bar of an instant, half-open at both ends', () => {
    const edges = [0, 10, 20, 30];
    expect(barIndexOf(edges, 0)).toBe(0);
    expect(barIndexOf(edges, 9)).toBe(0);
    expect(barIndexOf(edges, 10)).toBe(1);
    expect(barIndexOf(edges, 29)).toBe(2);
    expect(barIndexOf(edges, 30)).toBe(-1);
    expect(barIndexOf(edges, -1)).toBe(-1);
    expect(barIndexOf(edges, NaN)).toBe(-1);
  });
});
