import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDateTime, formatFullDateTime, formatOffsetFrom } from './format';
import { formatDateTimeWithOffset } from './format-with-offset';

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

describe('formatDateTimeWithOffset', () => {
  // Sessions are dated in this era; time zones before 1900 had offsets in seconds (local mean time).
  const modern = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) });
  // "2026-12-05 14:15:03 -08:00" read back as ISO 8601 names the same instant (to the second).
  const readBack = (text: string) => Date.parse(text.replace(' ', 'T').replace(' ', ''));

  it.each(['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham', 'Europe/London', 'UTC'])(
    'names the same instant in local time in %s, summer time included',
    (timeZone) => {
      process.env.TZ = timeZone;
      fc.assert(
        fc.property(modern, (ms) => {
          const text = formatDateTimeWithOffset(ms, 'local');
          expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$/);
          expect(readBack(text)).toBe(Math.floor(ms / 1000) * 1000);
        }),
        { numRuns: 500 },
      );
    },
  );

  it('writes the offset of the display zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    const ms = Date.UTC(2026, 11, 5, 22, 15, 3, 900);
    expect(formatDateTimeWithOffset(ms, 'local')).toBe('2026-12-05 14:15:03 -08:00');
    expect(formatDateTimeWithOffset(Date.UTC(2026, 6, 1, 12), 'local')).toBe('2026-07-01 05:00:00 -07:00');
    expect(formatDateTimeWithOffset(ms, 'utc')).toBe('2026-12-05 22:15:03 +00:00');
  });
});

describe('formatOffsetFrom', () => {
  it('counts between whole seconds, as the clock times beside it read', () => {
    const t = (s: string) => Date.parse(`2026-12-02T${s}Z`);
    expect(formatOffsetFrom(t('20:12:45.100'), t('20:11:22.800'))).toBe('+01:23');
    expect(formatOffsetFrom(t('20:11:22.900'), t('20:11:22.100'))).toBe('+00:00');
    expect(formatOffsetFrom(t('21:13:24'), t('20:11:22'))).toBe('+1:02:02');
    expect(formatOffsetFrom(t('20:11:21.999'), t('20:11:22.000'))).toBe('-00:01');
  });
});
