import { describe, expect, it } from 'vitest';
import type { SessionSearch } from '../filters/session-search';
import { freezeRange, resolveRange, resolveView } from './sessions-view';

/** Noon of a UTC day. */
const at = (day: string) => Date.parse(`${day}T12:00:00Z`);

describe('views resolve to UTC days at one place', () => {
  const cases: [SessionSearch, string, string, string][] = [
    [{}, '2026-11-27', '2026-11-21', '2026-11-27'],
    [{ range: 'today' }, '2026-11-27', '2026-11-27', '2026-11-27'],
    [{ range: 'yesterday' }, '2026-03-01', '2026-02-28', '2026-02-28'],
    [{ range: '30d' }, '2026-11-27', '2026-10-29', '2026-11-27'],
    [{ range: 'this-month' }, '2026-11-27', '2026-11-01', '2026-11-27'],
    [{ range: 'last-month' }, '2026-03-15', '2026-02-01', '2026-02-28'],
    [{ range: 'last-month' }, '2024-03-01', '2024-02-01', '2024-02-29'],
    [{ range: 'last-month' }, '2026-01-10', '2025-12-01', '2025-12-31'],
  ];
  it.each(cases)('%j on %s is %s to %s', (search, today, start, end) => {
    expect(resolveRange(search, today)).toMatchObject({ startDate: start, endDate: end });
  });

  it('makes the resolved days the API request, so a relative link asks for the day it is opened', () => {
    const view = resolveView(
      { range: 'today', from: '+1503', archive: true, session: 's1' },
      at('2026-11-27'),
      'utc',
    );
    expect(view.request.filter).toMatchObject({
      startDate: '2026-11-27',
      endDate: '2026-11-27',
      from: '+1503',
      searchArchive: true,
      sortField: 'dateCreated',
      sortOrder: 'Descend',
    });
    expect(resolveView({ range: 'today' }, at('2026-11-28'), 'utc').request.filter.startDate).toBe(
      '2026-11-28',
    );
  });

  it('gives one key to views that ask the same of the API, whatever the open session or the spelling', () => {
    const key = (search: SessionSearch) => resolveView(search, at('2026-11-27'), 'local').request.key;
    expect(key({ range: '7d', session: 'a' })).toBe(key({}));
    expect(key({ account: ['a', 'b'] })).not.toBe(key({ account: ['a'] }));
    expect(key({ start: '2026-11-21', end: '2026-11-27' })).toBe(key({}));
    expect(key({ range: '30d' })).not.toBe(key({}));
  });

  it('searches a number typed with separators for its digits, and other text as typed', () => {
    const view = resolveView(
      { from: '+1 (503) 555-1234', to: 'sip:desk@example.com' },
      at('2026-11-27'),
      'utc',
    );
    expect(view.request.filter).toMatchObject({ from: '+15035551234', to: 'sip:desk@example.com' });
    expect(view.search.from).toBe('+1 (503) 555-1234');
    expect(view.request.key).toBe(
      resolveView({ from: '+15035551234', to: 'sip:desk@example.com' }, at('2026-11-27'), 'utc').request.key,
    );
  });

  it('says whether the view is live and reaches into the archive', () => {
    const view = (search: SessionSearch) => resolveView(search, at('2026-11-27'), 'utc');
    expect(view({})).toMatchObject({ live: true, archived: false, reachesArchive: false });
    expect(view({ range: '30d' })).toMatchObject({ live: true, reachesArchive: true });
    expect(view({ range: 'yesterday' })).toMatchObject({ live: false });
    expect(view({ archive: true })).toMatchObject({ live: false, archived: true });
  });

  it('freezes a relative range to the days shown now', () => {
    expect(freezeRange(resolveView({ range: '30d', from: '555' }, at('2026-11-27'), 'utc'))).toEqual({
      start: '2026-10-29',
      end: '2026-11-27',
      from: '555',
    });
  });
});
