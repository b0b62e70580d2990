import { describe, expect, it } from 'vitest';
import { axisTicks, barName, barTimeSearch } from './bar-labels';
import { volumeBars } from './volume-bars';
import { wallTimeToMs } from '../view/zoned-time';

const LA = 'America/Los_Angeles';
const at = (y: number, mo: number, d: number, h: number, mi = 0) =>
  wallTimeToMs({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0, millisecond: 0 }, LA);

describe('bar labels', () => {
  it('names a bar by its time in the display zone and its count', () => {
    expect(barName(at(2026, 12, 5, 14), at(2026, 12, 5, 15), LA, 212)).toBe(
      'Dec 5, 14:00–15:00: 212 sessions',
    );
    expect(barName(at(2026, 12, 5, 0), at(2026, 12, 6, 0), LA, 1, 0)).toBe('Dec 5: 1 session, 0 missed');
    expect(barName(at(2026, 12, 5, 23), at(2026, 12, 6, 0), LA, 3)).toBe('Dec 5, 23:00–24:00: 3 sessions');
  });

  it('says which offsets a repeated hour spans', () => {
    const first = at(2026, 11, 1, 1);
    expect(barName(first + 3_600_000, first + 7_200_000, LA, 4)).toBe('Nov 1, 01:00–02:00: 4 sessions');
    expect(barName(first, first + 3_600_000, LA, 4)).toBe(
      'Nov 1, 01:00–01:00 (UTC-07:00 to UTC-08:00): 4 sessions',
    );
  });

  it('links a bar as minutes in the display zone, with an offset only for the second 01:00', () => {
    expect(barTimeSearch(at(2026, 12, 5, 14), at(2026, 12, 5, 15), LA)).toEqual({
      start: '2026-12-05T14:00',
      end: '2026-12-05T15:00',
    });
    const first = at(2026, 11, 1, 1);
    expect(barTimeSearch(first + 3_600_000, first + 7_200_000, LA)).toEqual({
      start: '2026-11-01T01:00-08:00',
      end: '2026-11-01T02:00',
    });
  });

  it('ticks bars shorter than a day over several days at midnights, labelled with their day', () => {
    for (const zone of [LA, 'Asia/Kolkata', 'Pacific/Chatham']) {
      const z = (d: number) =>
        wallTimeToMs({ year: 2026, month: 11, day: d, hour: 0, minute: 0, second: 0, millisecond: 0 }, zone);
      // A week across the fall-back night in Los Angeles: 3-hour bars.
      const bars = volumeBars({ startMs: z(1), endMs: z(8), zone });
      expect(bars.unit.kind).toBe('hours');
      const ticks = axisTicks(bars.edges, zone, bars.unit, 6);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(6);
      for (const { index, text } of ticks) {
        expect(index).toBeLessThan(bars.edges.length - 2);
        expect(text).toMatch(/^Nov \d+$/);
        expect(bars.edges[index]).toBe(z(Number(text.slice(4))));
      }
    }
  });

  it('ticks a window within a day by the time', () => {
    const bars = volumeBars({ startMs: at(2026, 12, 5, 8), endMs: at(2026, 12, 5, 20), zone: LA });
    const ticks = axisTicks(bars.edges, LA, bars.unit, 6);
    expect(ticks[0]).toEqual({ index: 0, text: '08:00' });
    expect(ticks.every((t) => /^\d\d:\d\d$/.test(t.text))).toBe(true);
  });
});
