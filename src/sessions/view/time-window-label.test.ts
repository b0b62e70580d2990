import { describe, expect, it } from 'vitest';
import { parseTimeSearch, resolveTimeWindow } from './time-window';
import { describeTimeWindow, zoneLabel } from './time-window-label';

const LA = 'America/Los_Angeles';
// Saturday Dec 5 2026, 17:30 in Los Angeles (Dec 6 in UTC).
const NOW = Date.parse('2026-12-06T01:30:00Z');
const label = (query: string, zone = LA, now = NOW) =>
  describeTimeWindow(
    resolveTimeWindow(parseTimeSearch(Object.fromEntries(new URLSearchParams(query))).time, zone, now).window,
  );

describe('describeTimeWindow', () => {
  it('names presets with their days in the display zone', () => {
    expect(label('range=today')).toBe('Today · Dec 5');
    expect(label('range=today', 'UTC')).toBe('Today · Dec 6');
    expect(label('')).toBe('Last 7 days · Nov 29 – Dec 5');
    expect(label('range=this-week')).toBe('This week · Nov 30 – Dec 6');
    expect(label('range=last-month', 'UTC', Date.parse('2027-01-03T00:00:00Z'))).toBe(
      'Last month · Dec 1, 2026 – Dec 31, 2026',
    );
    expect(label('range=1h')).toBe('Last hour · since 16:30');
    expect(label('range=24h')).toBe('Last 24 hours · since Dec 4, 17:30');
  });

  it('names days, minutes and moments', () => {
    expect(label('start=2026-12-01&end=2026-12-03')).toBe('Dec 1 – Dec 3');
    expect(label('start=2026-12-05T14:15&end=2026-12-05T14:30')).toBe('Dec 5, 14:15 – 14:30');
    expect(label('start=2026-12-04T22:00&end=2026-12-05T02:00')).toBe('Dec 4, 22:00 – Dec 5, 02:00');
    expect(label('start=2026-12-05T14:15')).toBe('Dec 5, 14:15 – now');
    expect(label('at=2026-12-05T14:15%2B05:30&span=30')).toBe('Around Dec 5, 00:45 · ± 30 min');
  });
});

describe('zoneLabel', () => {
  it('says which clock the times follow', () => {
    expect(zoneLabel('America/Los_Angeles')).toBe('Los Angeles time');
    expect(zoneLabel('America/Argentina/Buenos_Aires')).toBe('Buenos Aires time');
    expect(zoneLabel('Asia/Kolkata')).toBe('Kolkata time');
    expect(zoneLabel('Asia/Calcutta')).toBe('Kolkata time');
    expect(zoneLabel('UTC')).toBe('UTC');
  });
});
