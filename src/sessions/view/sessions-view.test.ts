import { describe, expect, it } from 'vitest';
import type { SessionSearch } from '../filters/session-search';
import { freezeRange, inWindow, resolveView } from './sessions-view';

/** Noon of a UTC day. */
const at = (day: string) => Date.parse(`${day}T12:00:00Z`);
const utc = (search: SessionSearch, day = '2026-11-27') => resolveView(search, at(day), 'utc');

describe('a view resolves, at one place, to a window of instants and one request per store', () => {
  it('asks the API for the UTC days covering the window, one on each side', () => {
    const view = utc({ range: 'today', from: '+1503', session: 's1' });
    expect(view.window).toMatchObject({
      startMs: Date.parse('2026-11-27T00:00:00Z'),
      endMs: at('2026-11-27'),
    });
    expect(view.segments).toHaveLength(1);
    expect(view.segments[0]!.store).toBe('live');
    expect(view.segments[0]!.request.filter).toMatchObject({
      startDate: '2026-11-26',
      endDate: '2026-11-28',
      from: '+1503',
      sortField: 'dateCreated',
      sortOrder: 'Descend',
    });
    expect(view.segments[0]!.request.filter.searchArchive).toBeUndefined();
  });

  it('asks for the day it is opened, so a relative link follows the clock', () => {
    expect(utc({ range: 'today' }, '2026-11-28').segments[0]!.request.filter.startDate).toBe('2026-11-27');
    expect(utc({ range: 'today' }, '2026-11-28').key).not.toBe(utc({ range: 'today' }).key);
  });

  it('gives one key to views that ask the same, whatever the open session or the spelling', () => {
    const key = (search: SessionSearch) => utc(search).key;
    expect(key({ range: '7d', session: 'a' })).toBe(key({}));
    expect(key({ account: ['a', 'b'] })).not.toBe(key({ account: ['a'] }));
    expect(key({ range: '30d' })).not.toBe(key({}));
    // Same covering days, narrower window: a different result.
    expect(key({ start: '2026-11-27T10:00', end: '2026-11-27T11:00' })).not.toBe(
      key({ start: '2026-11-27T10:00', end: '2026-11-27T12:00' }),
    );
  });

  it('searches a number typed with separators for its digits, and other text as typed', () => {
    const view = utc({ from: '+1 (503) 555-1234', to: 'sip:desk@example.com' });
    expect(view.segments[0]!.request.filter).toMatchObject({
      from: '+15035551234',
      to: 'sip:desk@example.com',
    });
    expect(view.search.from).toBe('+1 (503) 555-1234');
    expect(view.key).toBe(utc({ from: '+15035551234', to: 'sip:desk@example.com' }).key);
  });

  it('asks both stores for a window reaching into the archive, and one store when the link says so', () => {
    const stores = (search: SessionSearch) => utc(search).segments.map((s) => s.store);
    expect(stores({})).toEqual(['live']);
    expect(stores({ range: '30d' })).toEqual(['live', 'archive']);
    expect(stores({ range: '30d', archive: false })).toEqual(['live']);
    expect(stores({ archive: true })).toEqual(['archive']);
    const archived = utc({ range: '30d' }).segments[1]!.request.filter;
    expect(archived).toMatchObject({ searchArchive: true, startDate: '2026-10-28' });
  });

  it('is live while its window is open and a live store is asked', () => {
    expect(utc({}).live).toBe(true);
    expect(utc({ range: 'yesterday' }).live).toBe(false);
    expect(utc({ archive: true }).live).toBe(false);
  });

  it('sorts by date unless told otherwise, and says so', () => {
    expect(utc({}).byDate).toBe(true);
    const byDuration = utc({ sort: { field: 'fromAddress', desc: true } });
    expect(byDuration.byDate).toBe(false);
    expect(byDuration.segments[0]!.request.filter).toMatchObject({
      sortField: 'fromAddress',
      sortOrder: 'Descend',
    });
  });

  it('freezes a relative range to instants with their offset, the same rows for anyone later', () => {
    const frozen = freezeRange(utc({ range: '30d', from: '555' }));
    expect(frozen).toEqual({ start: '2026-10-29T00:00Z', end: '2026-11-27T12:00Z', from: '555' });
    const again = utc(frozen, '2026-12-25');
    const { startMs, endMs } = utc({ range: '30d' }).window;
    expect(again.window).toMatchObject({ startMs, endMs, live: false });
  });

  it('keeps only the sessions created inside the window', () => {
    const view = utc({ start: '2026-11-27T10:00', end: '2026-11-27T11:00' });
    const made = (iso?: string) => ({ dateCreated: iso ? { ms: Date.parse(iso) } : undefined });
    expect(inWindow(view, made('2026-11-27T10:00:00Z'))).toBe(true);
    expect(inWindow(view, made('2026-11-27T10:59:59Z'))).toBe(true);
    expect(inWindow(view, made('2026-11-27T11:00:00Z'))).toBe(false);
    expect(inWindow(view, made('2026-11-27T09:59:59Z'))).toBe(false);
    expect(inWindow(view, made())).toBe(false);
  });
});
