// The instant with its offset, for files (exports) rather than the screen: kept apart from format.ts,
// which the first screen loads.
import type { DisplayZone } from './format';

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * "2026-12-05 14:15:03 -08:00": the instant in the display zone with its offset, so a file read
 * elsewhere (a spreadsheet, another zone) still names the same instant.
 */
export function formatDateTimeWithOffset(ms: number, zone: DisplayZone): string {
  const d = new Date(ms);
  const utc = zone === 'utc';
  // getTimezoneOffset is minutes *behind* UTC (480 for -08:00), for that instant (summer time included).
  const offset = utc ? 0 : -Math.round(d.getTimezoneOffset());
  const shifted = new Date(ms + offset * 60_000);
  const abs = Math.abs(offset);
  const year = String(shifted.getUTCFullYear()).padStart(4, '0');
  return (
    `${year}-${pad2(shifted.getUTCMonth() + 1)}-${pad2(shifted.getUTCDate())} ` +
    `${pad2(shifted.getUTCHours())}:${pad2(shifted.getUTCMinutes())}:${pad2(shifted.getUTCSeconds())} ` +
    `${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
}
