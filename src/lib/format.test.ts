import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDateTime, formatFullDateTime } from './format';

// What formatDateTime stands in for (format.ts writes it by hand, to spare the first Intl formatter).
const intlDateTime = (timeZone: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });

// Any instant a session's date can hold (decode-page.ts accepts the whole range of Date).
const instant = fc.integer({ min: -8.64e15, max: 8.64e15 });
const savedTz = process.env.TZ;
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('formatDateTime', () => {
  it("writes UTC as Intl's en-US would", () => {
    const intl = intlDateTime('UTC');
    fc.assert(
      fc.property(instant, (ms) => formatDateTime(ms, 'utc') === intl.format(ms)),
      { numRuns: 2000 },
    );
    expect(formatDateTime(Date.UTC(2026, 10, 27, 0, 3, 9), 'utc')).toBe('Nov 27, 00:03:09');
  });

  it.each(['America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Europe/London', 'UTC'])(
    "writes local time in %s as Intl's en-US would, across daylight saving changes",
    (timeZone) => {
      process.env.TZ = timeZone;
      const intl = intlDateTime(timeZone);
      // The hours around a clock change are where local time is easiest to get wrong.
      const nearChange = fc.integer({ min: Date.UTC(2026, 2, 1), max: Date.UTC(2026, 3, 30) });
      fc.assert(
        fc.property(fc.oneof(instant, nearChange), (ms) => formatDateTime(ms, 'local') === intl.format(ms)),
        { numRuns: 2000 },
      );
    },
  );
});

describe('formatFullDateTime', () => {
  it('names the weekday, the year and the zone', () => {
    expect(formatFullDateTime(Date.UTC(2026, 10, 27, 14, 3, 9), 'utc')).toBe(
      'Fri, Nov 27, 2026, 14:03:09 UTC',
    );
  });
});
