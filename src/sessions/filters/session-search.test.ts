import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SORTABLE_FIELDS } from '../api/session-types';
import {
  clearFilters,
  countActiveFilters,
  parseSessionSearch,
  serializeSessionSearch,
  type SessionSearch,
} from './session-search';
import { TIME_RANGES } from '../view/time-window';
import { resolveView } from '../view/sessions-view';
import { parseSearch, stringifySearch } from './search-codec';

/** What the address bar holds for a search, read back the way the router reads it. */
function throughUrl(search: SessionSearch): { search: SessionSearch; notices: string[] } {
  const href = stringifySearch(search as Record<string, unknown>);
  return parseSessionSearch(parseSearch(href));
}

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
// Text as users type it: trimmed, non-empty, any characters (phone numbers with +, quotes, unicode).
const text = fc
  .string({ minLength: 1, maxLength: 60, unit: 'grapheme' })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const id = fc
  .string({ minLength: 1, maxLength: 30 })
  .map((s) => s.replace(/,/g, '').trim())
  .filter((s) => s.length > 0);
const ids = fc.uniqueArray(id, { minLength: 1, maxLength: 5 });

const searchArb: fc.Arbitrary<SessionSearch> = fc
  .record(
    {
      range: fc.constantFrom(...TIME_RANGES.filter((r) => r !== '7d')),
      dates: fc.tuple(day, fc.option(day, { nil: undefined })),
      useDates: fc.boolean(),
      from: text,
      to: text,
      log: text,
      account: ids,
      customer: ids,
      endpoint: ids,
      parent: id,
      archive: fc.boolean(),
      sort: fc.record({ field: fc.constantFrom(...SORTABLE_FIELDS), desc: fc.boolean() }),
      session: id,
    },
    { requiredKeys: [] },
  )
  .map(({ range, dates, useDates, sort, ...rest }) => {
    const s: SessionSearch = { ...rest };
    if (useDates && dates) {
      const [a, b] = dates;
      s.start = b && b < a ? b : a;
      if (b) s.end = b < a ? a : b;
    } else if (range) s.range = range;
    if (sort && !(sort.field === 'dateCreated' && sort.desc)) s.sort = sort;
    return s;
  });

describe('the link format', () => {
  it('round-trips every valid view through the address bar without notices', () => {
    fc.assert(
      fc.property(searchArb, (search) => {
        const back = throughUrl(search);
        expect(back.notices).toEqual([]);
        expect(back.search).toEqual(search);
        // The router also validates the typed searches the app builds itself.
        expect(parseSessionSearch(search as Record<string, unknown>)).toEqual({ search, notices: [] });
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary query strings, and what it keeps is itself a clean link', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 300 })), (raw) => {
        const { search } = parseSessionSearch(raw);
        expect(throughUrl(search)).toEqual({ search, notices: [] });
      }),
      { numRuns: 400 },
    );
  });

  it('writes values as plain text: no JSON quoting, + as %2B, archive as 1', () => {
    const href = stringifySearch({
      from: '+1503',
      archive: true,
      account: ['a1', 'a2'],
      sort: { field: 'fromAddress', desc: false },
    });
    expect(href).toBe('?from=%2B1503&account=a1%2Ca2&archive=1&sort=fromAddress');
    expect(parseSessionSearch(parseSearch('?from=5035551234')).search.from).toBe('5035551234');
  });

  it('reads a literal + pasted into a link as a space, and trims it', () => {
    expect(parseSessionSearch(parseSearch('?from=+1503')).search.from).toBe('1503');
  });

  it('leaves the defaults out of the link', () => {
    expect(serializeSessionSearch({ range: '7d', sort: { field: 'dateCreated', desc: true } })).toEqual({});
    expect(parseSessionSearch({ range: '7d', sort: '-dateCreated' })).toEqual({ search: {}, notices: [] });
  });

  it('lets start and end win over range, and reads start alone as running through today', () => {
    const { search, notices } = parseSessionSearch({ range: '30d', start: '2026-11-01' });
    expect(search).toEqual({ start: '2026-11-01' });
    expect(notices.join(' ')).toMatch(/the start wins/);
    const { window } = resolveView(search, Date.parse('2026-11-27T12:00:00Z'), 'utc');
    expect([window.firstDay, window.lastDay]).toEqual(['2026-11-01', '2026-11-27']);
  });

  it('drops an end date without a start, with a notice', () => {
    const { search, notices } = parseSessionSearch({ end: '2026-11-01' });
    expect(search).toEqual({});
    expect(notices).toEqual(['Ignored end 2026-11-01: an end needs a start.']);
  });

  it('reports and drops what it cannot use', () => {
    const { search, notices } = parseSessionSearch({
      start: '2026-02-30',
      sort: '-duration',
      archive: 'maybe',
      range: 'fortnight',
      utm_source: 'mail',
      log: 'x'.repeat(5000),
      from: ' 555 ',
    });
    expect(search).toEqual({ from: '555' });
    expect(notices).toHaveLength(6);
    expect(notices.join('\n')).toMatch(/start "\u20682026-02-30\u2069"/);
    expect(notices.join('\n')).toMatch(/sort "\u2068-duration\u2069"/);
    expect(notices.join('\n')).toMatch(/unknown parameter "\u2068utm_source\u2069"/);
  });

  it('quotes link values in notices isolated, so an override in them cannot reorder the notice', () => {
    const { notices } = parseSessionSearch({ range: '\u202Eevil', archive: 'مرحبا' });
    expect(notices).toContain(
      'Ignored range "\u2068\u202Eevil\u2069": use 1h, 4h, 24h, today, yesterday, this-week, last-week, 7d, 30d, this-month, last-month.',
    );
    expect(notices).toContain(
      'Ignored archive "\u2068مرحبا\u2069": use archive=1 for archived sessions only, archive=0 for live only.',
    );
  });

  it('shows a start after the end the other way round, and says so', () => {
    const { search } = parseSessionSearch({ start: '2026-11-20', end: '2026-11-10' });
    const view = resolveView(search, Date.parse('2026-11-27T12:00:00Z'), 'utc');
    expect([view.window.firstDay, view.window.lastDay]).toEqual(['2026-11-10', '2026-11-20']);
    expect(view.notices).toEqual([expect.stringMatching(/end was before the start/)]);
  });

  it('matches sort fields case-insensitively', () => {
    expect(parseSessionSearch({ sort: '-FROMADDRESS' }).search.sort).toEqual({
      field: 'fromAddress',
      desc: true,
    });
  });
});

describe('clearing filters', () => {
  it('keeps the range, the sort and the open session, and drops every filter, the store included', () => {
    const search: SessionSearch = {
      range: '30d',
      sort: { field: 'fromAddress', desc: false },
      session: 's1',
      from: '+1503',
      to: 'sales',
      log: 'transfer',
      account: ['a1'],
      customer: ['c1', 'c2'],
      endpoint: ['e1'],
      parent: 'p1',
      archive: true,
    };
    expect(countActiveFilters(search)).toBe(9);
    const cleared = clearFilters(search);
    expect(serializeSessionSearch(cleared)).toEqual({ range: '30d', sort: 'fromAddress', session: 's1' });
    expect(countActiveFilters(cleared)).toBe(0);
  });
});

describe('refinements in the link', () => {
  it('reads and writes missed, outcome, channel, direction and durations, and clears them', () => {
    const { search, notices } = parseSessionSearch({
      missed: '0',
      outcome: 'answered,Voicemail',
      channel: 'fax',
      direction: 'OUTGOING',
      minDuration: '5',
      maxDuration: '90',
    });
    expect(notices).toEqual([]);
    expect(search).toEqual({
      missed: false,
      outcome: ['answered', 'Voicemail'],
      channel: ['Fax'],
      direction: 'Outgoing',
      minDuration: 5,
      maxDuration: 90,
    });
    expect(throughUrl(search).search).toEqual(search);
    expect(countActiveFilters(search)).toBe(6);
    expect(serializeSessionSearch(clearFilters(search))).toEqual({});
  });

  it('reports a bad refinement and keeps the rest of the link', () => {
    const { search, notices } = parseSessionSearch({ missed: 'yes', from: '503' });
    expect(search).toEqual({ from: '503' });
    expect(notices).toEqual(['Ignored missed "\u2068yes\u2069": use missed=1 or missed=0.']);
  });
});
