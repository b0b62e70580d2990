import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { instantArb, zoneArb } from '../../../test/time-arbitraries';
import { addUtcDays } from '../../lib/utc-days';
import {
  parseTimeSearch,
  resolveTimeWindow,
  serializeTimeSearch,
  TIME_RANGES,
  toFixedTimeSearch,
  type TimeSearch,
} from './time-window';
import { dayInZone, formatWallTime, wallTimeAt } from './zoned-time';

const LA = 'America/Los_Angeles';
const iso = (ms: number) => new Date(ms).toISOString();

/** The view a link shows, read the way the router reads it (a raw `+` becomes a space). */
function fromLink(query: string, zone: string, nowMs: number) {
  const parsed = parseTimeSearch(Object.fromEntries(new URLSearchParams(query)));
  const resolved = resolveTimeWindow(parsed.time, zone, nowMs);
  return { ...resolved, notices: [...parsed.notices, ...resolved.notices] };
}
function span(query: string, zone: string, nowMs: number): [string, string] {
  const { window } = fromLink(query, zone, nowMs);
  return [iso(window.startMs), iso(window.endMs)];
}

// Saturday Dec 5 2026, 17:30 in Los Angeles: after 4 pm, when UTC is already on Dec 6.
const AFTER_4PM = Date.parse('2026-12-06T01:30:00Z');

describe('presets in the display zone', () => {
  it('today is today in Los Angeles after 4 pm, up to the anchor', () => {
    const { window } = fromLink('range=today', LA, AFTER_4PM);
    expect(iso(window.startMs)).toBe('2026-12-05T08:00:00.000Z');
    expect(window.endMs).toBe(AFTER_4PM);
    expect(iso(window.periodEndMs)).toBe('2026-12-06T08:00:00.000Z');
    expect(window).toMatchObject({ kind: 'days', range: 'today', live: true });
    expect([window.firstDay, window.lastDay]).toEqual(['2026-12-05', '2026-12-05']);
  });

  it('yesterday, weeks from Monday, 7 and 30 days, months', () => {
    expect(span('range=yesterday', LA, AFTER_4PM)).toEqual([
      '2026-12-04T08:00:00.000Z',
      '2026-12-05T08:00:00.000Z',
    ]);
    // Dec 5 2026 is a Saturday: its week began on Monday Nov 30.
    expect(span('range=this-week', LA, AFTER_4PM)[0]).toBe('2026-11-30T08:00:00.000Z');
    expect(span('range=last-week', LA, AFTER_4PM)).toEqual([
      '2026-11-23T08:00:00.000Z',
      '2026-11-30T08:00:00.000Z',
    ]);
    expect(span('', LA, AFTER_4PM)[0]).toBe('2026-11-29T08:00:00.000Z');
    expect(span('range=30d', LA, AFTER_4PM)[0]).toBe('2026-11-06T08:00:00.000Z');
    expect(span('range=this-month', LA, AFTER_4PM)[0]).toBe('2026-12-01T08:00:00.000Z');
    // November began in daylight time (-07:00) and ended in standard time.
    expect(span('range=last-month', LA, AFTER_4PM)).toEqual([
      '2026-11-01T07:00:00.000Z',
      '2026-12-01T08:00:00.000Z',
    ]);
  });

  it('crosses the year end, in Kolkata and Chatham', () => {
    const newYear = Date.parse('2027-01-01T00:30:00Z');
    expect(span('range=last-month', 'Asia/Kolkata', newYear)).toEqual([
      '2026-11-30T18:30:00.000Z',
      '2026-12-31T18:30:00.000Z',
    ]);
    expect(fromLink('range=today', 'Asia/Kolkata', newYear).window.firstDay).toBe('2027-01-01');
    // In Chatham (+13:45) it is already 14:15 on Jan 1.
    expect(span('range=yesterday', 'Pacific/Chatham', newYear)).toEqual([
      '2026-12-30T10:15:00.000Z',
      '2026-12-31T10:15:00.000Z',
    ]);
  });

  it('rolling hours end at the anchor', () => {
    const { window } = fromLink('range=4h', LA, AFTER_4PM);
    expect([window.startMs, window.endMs]).toEqual([AFTER_4PM - 4 * 3_600_000, AFTER_4PM]);
    expect(window).toMatchObject({ kind: 'rolling', live: true });
  });

  it('every preset holds the anchor at its end and begins at a local midnight', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, fc.constantFrom(...TIME_RANGES), (now, zone, range) => {
        const { window } = resolveTimeWindow({ range }, zone, now);
        expect(window.startMs).toBeLessThanOrEqual(window.endMs);
        expect(window.endMs).toBeLessThanOrEqual(now);
        if (window.kind === 'rolling') return;
        const midnight = wallTimeAt(window.startMs, zone);
        expect([midnight.hour, midnight.minute, midnight.second]).toEqual([0, 0, 0]);
        const today = dayInZone(now, zone);
        if (range === 'yesterday' || range === 'last-week' || range === 'last-month') {
          expect(window.periodEndMs).toBeLessThanOrEqual(now);
          expect(window.lastDay < today).toBe(true);
        } else {
          expect(window.endMs).toBe(now);
          expect(window.firstDay <= today && today <= window.lastDay).toBe(true);
        }
        if (range.endsWith('week')) expect(new Date(`${window.firstDay}T00:00Z`).getUTCDay()).toBe(1);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('start, end and at', () => {
  it('reads days whole, with end inclusive of its day, in the display zone', () => {
    expect(span('start=2026-12-05&end=2026-12-05', 'Asia/Kolkata', AFTER_4PM)).toEqual([
      '2026-12-04T18:30:00.000Z',
      '2026-12-05T18:30:00.000Z',
    ]);
  });

  it('reads minutes half-open, and offsets the same in every zone', () => {
    const minutes = 'start=2026-12-05T14:15&end=2026-12-05T14:30';
    expect(span(minutes, LA, AFTER_4PM)).toEqual(['2026-12-05T22:15:00.000Z', '2026-12-05T22:30:00.000Z']);
    expect(fromLink(minutes, LA, AFTER_4PM).window.kind).toBe('times');
    const fixed = 'start=2026-12-05T00:00-08:00&end=2026-12-05T18:00%2B05:30';
    expect(span(fixed, 'Pacific/Chatham', AFTER_4PM)).toEqual(span(fixed, 'UTC', AFTER_4PM));
    expect(span(fixed, 'UTC', AFTER_4PM)).toEqual(['2026-12-05T08:00:00.000Z', '2026-12-05T12:30:00.000Z']);
  });

  it('accepts the space a raw + turns into, and writes it back as +', () => {
    const { time, window } = fromLink('start=2026-12-05T10:00+05:30', LA, AFTER_4PM);
    expect(time.start).toBe('2026-12-05T10:00+05:30');
    expect(iso(window.startMs)).toBe('2026-12-05T04:30:00.000Z');
    expect(new URLSearchParams(serializeTimeSearch(time)).toString()).toBe(
      'start=2026-12-05T10%3A00%2B05%3A30',
    );
  });

  it('looks around a moment: [at - span, at + span)', () => {
    const { window } = fromLink('at=2026-12-05T14:15&span=10', LA, AFTER_4PM);
    expect([iso(window.startMs), iso(window.endMs)]).toEqual([
      '2026-12-05T22:05:00.000Z',
      '2026-12-05T22:25:00.000Z',
    ]);
    expect(window).toMatchObject({
      kind: 'around',
      atMs: Date.parse('2026-12-05T22:15:00Z'),
      spanMinutes: 10,
    });
    expect(fromLink('at=2026-12-05T22:15:30.5Z', LA, AFTER_4PM).window.spanMinutes).toBe(15);
  });

  it('runs a start alone through today, and cuts a window at the anchor', () => {
    const { window } = fromLink('start=2026-12-01', LA, AFTER_4PM);
    expect(window.endMs).toBe(AFTER_4PM);
    expect(window.lastDay).toBe('2026-12-05');
    expect(fromLink('at=2026-12-05T17:25', LA, AFTER_4PM).window).toMatchObject({
      endMs: AFTER_4PM,
      live: true,
    });
  });

  it('reads nonexistent and repeated local times by the DST rules', () => {
    expect(span('start=2026-03-08T02:30&end=2026-03-08T04:00', LA, AFTER_4PM)[0]).toBe(
      '2026-03-08T10:30:00.000Z',
    );
    expect(span('start=2026-11-01T01:30&end=2026-11-01T04:00', LA, AFTER_4PM)[0]).toBe(
      '2026-11-01T08:30:00.000Z',
    );
  });

  it('touching windows share no instant: an end day, then the next start day', () => {
    const value = fc.tuple(instantArb, fc.boolean()).map(([ms, minute]) => {
      const text = formatWallTime(Math.floor(ms / 60_000) * 60_000, 'UTC', false);
      return minute ? text : text.slice(0, 10);
    });
    fc.assert(
      fc.property(value, value, value, zoneArb, (a, b, c, zone) => {
        const [x, y, z] = [a, b, c].sort();
        const now = Date.parse('2030-01-01T00:00:00Z');
        const first = resolveTimeWindow({ start: x, end: y }, zone, now);
        // After an inclusive end day, the next window starts on the following day.
        const nextStart = y!.length === 10 ? addUtcDays(y!, 1) : y!;
        const second = resolveTimeWindow({ start: nextStart, end: z }, zone, now);
        if (first.notices.length || second.notices.length) return;
        expect(first.window.endMs).toBe(second.window.startMs);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('invalid values', () => {
  const notices = (query: string) => fromLink(query, LA, AFTER_4PM).notices;

  it('drops what cannot be read, with a notice in plain words', () => {
    expect(notices('range=fortnight')[0]).toMatch(/^Ignored range "\u2068fortnight\u2069": use 1h, 4h/);
    expect(notices('start=2026-02-30')[0]).toMatch(/^Ignored start .*write a day \(2026-12-05\)/);
    expect(notices('start=2026-12-05T24:00')[0]).toMatch(/^Ignored start/);
    expect(notices('start=2026-12-05T10:00%2B15:00')[0]).toMatch(/^Ignored start/);
    expect(notices('at=2026-12-05')).toEqual([
      'Ignored time "\u20682026-12-05\u2069": write a minute, for example 2026-12-05T14:15.',
    ]);
    expect(notices('end=2026-12-05')).toEqual(['Ignored end 2026-12-05: an end needs a start.']);
    expect(notices('span=5')).toEqual(['Ignored span: it needs a time to look around (at).']);
    expect(notices('at=2026-12-05T14:15&span=0')[0]).toMatch(/^Ignored span .*from 1 to 720/);
    expect(notices('at=2026-12-05T14:15&span=abc')[0]).toMatch(/^Ignored span/);
    expect(notices('range=today&start=2026-12-01')).toEqual(['Ignored range "today": the start wins.']);
    expect(notices('range=today&start=2026-12-01&at=2026-12-05T14:15')).toEqual([
      'Ignored range and start: a time to look around wins.',
    ]);
  });

  it('corrects what can be: a long span, an end before its start, an end equal to it', () => {
    const long = fromLink('at=2026-12-05T14:15&span=9999', LA, AFTER_4PM);
    expect(long.time.span).toBe(720);
    expect(long.notices).toEqual(['The span was over 720 minutes: showed 720 instead.']);

    const swapped = fromLink('start=2026-12-05&end=2026-12-01', LA, AFTER_4PM);
    expect(swapped.time).toEqual({ start: '2026-12-01', end: '2026-12-05' });
    expect(swapped.notices).toEqual([
      'The end was before the start: showed 2026-12-01 to 2026-12-05 instead.',
    ]);
    expect(iso(swapped.window.startMs)).toBe('2026-12-01T08:00:00.000Z');

    const same = fromLink('start=2026-12-05T10:00&end=2026-12-05T10:00', LA, AFTER_4PM);
    expect(same.time).toEqual({ start: '2026-12-05T10:00' });
    expect(same.notices[0]).toMatch(/same moment as the start/);
  });

  it('reads an unknown display zone as UTC', () => {
    expect(span('start=2026-12-05', 'Nowhere/Land', AFTER_4PM)[0]).toBe('2026-12-05T00:00:00.000Z');
  });
});

describe('writing links', () => {
  const linkValue = (lengths: number[]) =>
    fc
      .tuple(instantArb, fc.constantFrom('', 'Z', '-08:00', '+05:30', '+12:45'), fc.constantFrom(...lengths))
      .map(([ms, offset, length]) => new Date(ms).toISOString().slice(0, length) + offset);
  // Days, minutes, seconds and milliseconds; `at` takes a time of day.
  const valueArb = linkValue([10, 16, 19, 23]);
  const minuteArb = linkValue([16, 19, 23]);
  const searchArb: fc.Arbitrary<TimeSearch> = fc.oneof(
    fc.record({ range: fc.constantFrom(...TIME_RANGES) }),
    fc.record({ start: valueArb, end: fc.option(valueArb, { nil: undefined }) }, { requiredKeys: ['start'] }),
    fc.record(
      { at: minuteArb, span: fc.option(fc.integer({ min: 1, max: 720 }), { nil: undefined }) },
      { requiredKeys: ['at'] },
    ),
  );

  it('parse and serialize round-trip through the address bar', () => {
    fc.assert(
      fc.property(searchArb, (search) => {
        const once = parseTimeSearch(search as Record<string, unknown>);
        expect(once.notices).toEqual([]);
        const href = new URLSearchParams(serializeTimeSearch(once.time)).toString();
        const again = parseTimeSearch(Object.fromEntries(new URLSearchParams(href)));
        expect(again).toEqual({ time: once.time, notices: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('a link with fixed dates shows the same window in any zone, later', () => {
    fc.assert(
      fc.property(
        searchArb,
        zoneArb,
        zoneArb,
        instantArb,
        fc.nat(10 * 86_400_000),
        (search, a, b, now, later) => {
          const shown = resolveTimeWindow(
            parseTimeSearch(search as Record<string, unknown>).time,
            a,
            now,
          ).window;
          // A window wholly after the anchor is empty: it has no rows to fix.
          if (shown.endMs === shown.startMs) return;
          const fixed = toFixedTimeSearch(shown);
          const href = new URLSearchParams(serializeTimeSearch(fixed)).toString();
          const parsed = parseTimeSearch(Object.fromEntries(new URLSearchParams(href)));
          expect(parsed.notices).toEqual([]);
          const seen = resolveTimeWindow(parsed.time, b, now + later);
          expect(seen.notices).toEqual([]);
          if (shown.kind === 'around') {
            // The moment looked around, as the link had it.
            expect(seen.window.startMs).toBe(shown.startMs);
            expect(seen.window.periodEndMs).toBe(shown.periodEndMs);
            return;
          }
          // In whole seconds, widened outward: every row shown, and under a second more on each side.
          const second = (ms: number, round: (x: number) => number) => round(ms / 1000) * 1000;
          expect(seen.window.startMs).toBe(second(shown.startMs, Math.floor));
          expect(seen.window.periodEndMs).toBe(second(shown.endMs, Math.ceil));
          expect(seen.window.endMs).toBeGreaterThanOrEqual(shown.endMs);
          expect(href).not.toMatch(/\.\d/);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('writes instants with the offset they had in the zone', () => {
    const { window } = fromLink('range=yesterday', LA, AFTER_4PM);
    expect(toFixedTimeSearch(window)).toEqual({
      start: '2026-12-04T00:00-08:00',
      end: '2026-12-05T00:00-08:00',
    });
    const around = fromLink('at=2026-12-05T14:15&span=30', 'Asia/Kolkata', AFTER_4PM).window;
    expect(toFixedTimeSearch(around)).toEqual({ at: '2026-12-05T14:15+05:30', span: 30 });
  });
});
