// Zones and instants for property tests of time arithmetic. Uniform instants almost never land on
// a daylight-saving change or a month's end, so half the instants are drawn near those.
import fc from 'fast-check';
import { tzScan } from '@date-fns/tz';

/** Los Angeles (DST), Kolkata (+05:30), Chatham (+12:45/+13:45, DST), UTC. */
export const ZONES = ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'] as const;
export const zoneArb = fc.constantFrom(...ZONES);

const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2029, 0, 1);
const HOUR = 3_600_000;

/** Instants where something happens: offset changes in the zones above, UTC month and year ends. */
const landmarks: number[] = [
  ...ZONES.flatMap((zone) =>
    zone === 'UTC' ? [] : tzScan(zone, { start: new Date(FROM), end: new Date(TO) }).map((c) => +c.date),
  ),
  ...Array.from({ length: 12 * 5 }, (_, i) => Date.UTC(2024, i, 1)),
];

/** An instant between 2024 and 2029, half of them within 30 hours of a landmark. */
export const instantArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc
    .tuple(fc.constantFrom(...landmarks), fc.integer({ min: -30 * HOUR, max: 30 * HOUR }))
    .map(([at, delta]) => at + delta),
);
