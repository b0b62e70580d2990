import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { instantArb, zoneArb } from '../../../test/time-arbitraries';
import { ARCHIVE_AFTER_DAYS, BOTH_STORES_AFTER_DAYS } from '../session-display';
import { coveringUtcDays, dayRangeSpan, planStores, reachesIntoArchive } from './covering-days';
import { resolveTimeWindow, TIME_RANGES } from './time-window';
import { dayInZone } from './zoned-time';

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);

describe('coveringUtcDays', () => {
  it('asks for the UTC days of the window and one more on each side', () => {
    // 14:05-14:25 in Los Angeles on Dec 5 is 22:05-22:25 UTC on Dec 5.
    expect(
      coveringUtcDays({ startMs: at('2026-12-05T22:05:00Z'), endMs: at('2026-12-05T22:25:00Z') }),
    ).toEqual({
      startDate: '2026-12-04',
      endDate: '2026-12-06',
    });
    // The end is exclusive: a window ending at midnight does not reach into the next day.
    expect(
      coveringUtcDays({ startMs: at('2026-12-31T00:00:00Z'), endMs: at('2027-01-01T00:00:00Z') }),
    ).toEqual({
      startDate: '2026-12-30',
      endDate: '2027-01-01',
    });
    expect(
      coveringUtcDays({ startMs: at('2026-12-31T00:00:00Z'), endMs: at('2027-01-01T00:00:00Z') }, 0),
    ).toEqual({
      startDate: '2026-12-31',
      endDate: '2026-12-31',
    });
    // An empty window still names the days around its instant.
    const empty = at('2026-03-01T00:00:00Z');
    expect(coveringUtcDays({ startMs: empty, endMs: empty })).toEqual({
      startDate: '2026-02-28',
      endDate: '2026-03-02',
    });
  });

  it('contains every instant of any window, whatever zone the API reads its days in', () => {
    // The zones furthest from UTC: a day read there must still be among the days asked for.
    const apiZones = ['Etc/GMT+12', 'Pacific/Kiritimati', 'UTC', 'America/Los_Angeles', 'Pacific/Chatham'];
    const windowArb = fc
      .tuple(instantArb, zoneArb, fc.constantFrom(...TIME_RANGES), fc.nat(30 * DAY))
      .map(([now, zone, range, extra]) => {
        const { window } = resolveTimeWindow({ range }, zone, now);
        return extra % 3 === 0 ? { startMs: window.startMs - extra, endMs: window.endMs } : window;
      });
    fc.assert(
      fc.property(windowArb, fc.double({ min: 0, max: 1, noNaN: true }), (window, where) => {
        if (window.endMs <= window.startMs) return;
        const days = coveringUtcDays(window);
        const span = dayRangeSpan(days);
        expect(span.startMs).toBeLessThanOrEqual(window.startMs - DAY);
        expect(span.endMs).toBeGreaterThanOrEqual(window.endMs + DAY - 1);
        for (const instant of [
          window.startMs,
          window.endMs - 1,
          window.startMs + where * (window.endMs - 1 - window.startMs),
        ]) {
          for (const zone of apiZones) {
            const day = dayInZone(Math.floor(instant), zone);
            expect(day >= days.startDate && day <= days.endDate).toBe(true);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('planStores', () => {
  const now = at('2026-12-06T01:30:00Z');
  const window = (daysBack: number) => ({ startMs: now - daysBack * DAY, endMs: now });

  it('asks the live store alone for a window within the last 13 days', () => {
    const plan = planStores(window(BOTH_STORES_AFTER_DAYS), now, 'both');
    expect(plan.live).toEqual({ startDate: '2026-11-22', endDate: '2026-12-07' });
    expect(plan.archive).toBeUndefined();
  });

  it('asks both stores for the same days once the window reaches further back', () => {
    const plan = planStores(window(BOTH_STORES_AFTER_DAYS + 0.01), now, 'both');
    expect(plan.live).toBeDefined();
    expect(plan.archive).toEqual(plan.live);
    expect(plan.expectedSeamMs).toBe(now - ARCHIVE_AFTER_DAYS * DAY);
  });

  it('follows an explicit store choice', () => {
    expect(planStores(window(30), now, 'live').archive).toBeUndefined();
    expect(planStores(window(1), now, 'archive').live).toBeUndefined();
    expect(planStores(window(1), now, 'archive').archive).toBeDefined();
  });

  it('takes the constants as parameters', () => {
    const constants = { archiveAfterDays: 3, bothStoresAfterDays: 2 };
    expect(reachesIntoArchive(window(2.5), now, constants)).toBe(true);
    expect(reachesIntoArchive(window(2.5), now)).toBe(false);
    expect(planStores(window(2.5), now, 'both', constants).archive).toBeDefined();
  });
});
