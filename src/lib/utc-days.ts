// Calendar arithmetic on UTC days (`YYYY-MM-DD`), the only days the Evo Voice API knows.
// Strings in, strings out: no Date object ever carries a local time zone through here.

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day in `YYYY-MM-DD` form (rejects 2026-02-30). */
export function isUtcDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return !Number.isNaN(ms) && toUtcDay(ms) === value;
}

export function toUtcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function utcDayToMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

export function addUtcDays(day: string, days: number): string {
  return toUtcDay(utcDayToMs(day) + days * DAY_MS);
}

export function startOfUtcMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function endOfPreviousUtcMonth(day: string): string {
  return addUtcDays(startOfUtcMonth(day), -1);
}

/** Whole days from `a` to `b` (b - a). */
export function utcDaysBetween(a: string, b: string): number {
  return Math.round((utcDayToMs(b) - utcDayToMs(a)) / DAY_MS);
}
