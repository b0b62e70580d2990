import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSessionsQuery,
  normalizeSessionsFilter,
  parseSessionsQuery,
  type SessionsFilter,
  type SessionsPaging,
} from './build-sessions-query';
import { SORT_ORDERS, SORTABLE_FIELDS } from './session-types';

// Text as people type it: printable ASCII (with + & = % # , space), plus unicode and phone numbers.
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('+15035550123', '+1 (503) 555', 'a+b', '%2B', '&from=x', '#?', ' lead', 'trail '),
);
// Ids with commas are a documented limit (split into two items), tested on their own below.
const id = fc.string({ minLength: 1 }).filter((s) => !s.includes(','));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const filterArb: fc.Arbitrary<SessionsFilter> = fc.record(
  {
    accountIds: fc.array(id, { maxLength: 4 }),
    customerIds: fc.array(id, { maxLength: 4 }),
    endpointIds: fc.array(id, { maxLength: 4 }),
    searchArchive: fc.boolean(),
    startDate: text,
    endDate: text,
    from: text,
    to: text,
    log: text,
    parentSessionId: text,
    sortField: fc.oneof(fc.constantFrom(...SORTABLE_FIELDS), text),
    sortOrder: fc.constantFrom(...SORT_ORDERS),
  },
  { requiredKeys: [] },
);
const pagingArb: fc.Arbitrary<SessionsPaging> = fc.record(
  {
    page: optional(fc.integer({ min: -5, max: 1_000_000 })),
    countPerPage: optional(fc.integer({ min: 0, max: 5000 })),
    all: fc.boolean(),
    specificIds: fc.array(id, { maxLength: 4 }),
    simplifiedPaging: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** What the server should read, written independently of the module under test. */
function expected(x: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) {
    if (v === undefined || v === '' || v === false) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

describe('buildSessionsQuery / parseSessionsQuery', () => {
  it('round-trips any filter and paging through the query string', () => {
    fc.assert(
      fc.property(filterArb, pagingArb, (filter, paging) => {
        const wire = buildSessionsQuery(filter, paging).toString();
        const back = parseSessionsQuery(new URLSearchParams(wire));
        expect(back.filter).toEqual(expected(filter));
        expect(back.paging).toEqual(expected(paging));
      }),
    );
  });

  it('is stable: building what was parsed gives the same URL', () => {
    fc.assert(
      fc.property(filterArb, pagingArb, (filter, paging) => {
        const q = buildSessionsQuery(filter, paging);
        const { filter: f2, paging: p2 } = parseSessionsQuery(q);
        expect(buildSessionsQuery(f2, p2).toString()).toBe(q.toString());
      }),
    );
  });

  it('never sends a raw + (the server would read a space)', () => {
    fc.assert(
      fc.property(text, (from) => {
        const wire = buildSessionsQuery({ from }).toString();
        // URLSearchParams writes a space as '+', so every '+' in the value must be %2B.
        expect(wire.split('%2B').length - 1).toBe([...from].filter((c) => c === '+').length);
      }),
    );
    expect(buildSessionsQuery({ from: '+15035550123' }).toString()).toBe('from=%2B15035550123');
  });

  it('writes ServiceStack form: camelCase keys, comma lists, true, fixed order, empties omitted', () => {
    const q = buildSessionsQuery(
      {
        to: '',
        accountIds: ['a1', 'a2'],
        customerIds: [],
        searchArchive: true,
        startDate: '2026-11-01',
        endDate: '2026-11-27',
        sortField: 'dateCreated',
        sortOrder: 'Ascend',
      },
      { page: 0, countPerPage: 100, simplifiedPaging: false, specificIds: ['x'] },
    );
    expect(q.toString()).toBe(
      'accountIds=a1%2Ca2&searchArchive=true&startDate=2026-11-01&endDate=2026-11-27' +
        '&sortField=dateCreated&sortOrder=Ascend&specificIds=x&page=0&countPerPage=100',
    );
    expect(buildSessionsQuery({}).toString()).toBe('');
  });

  it('passes bad numbers through for the server to reject, but never NaN', () => {
    expect(buildSessionsQuery({}, { page: -1, countPerPage: 0 }).toString()).toBe('page=-1&countPerPage=0');
    expect(buildSessionsQuery({}, { page: Number.NaN, countPerPage: Infinity }).toString()).toBe('');
  });

  it('splits an id containing a comma, as any ServiceStack server would', () => {
    const q = buildSessionsQuery({ accountIds: ['a,b', '', 'c'] });
    expect(q.get('accountIds')).toBe('a,b,c');
    expect(parseSessionsQuery(q).filter.accountIds).toEqual(['a', 'b', 'c']);
  });

  it('parses keys case-insensitively and repeated keys as lists, like the server', () => {
    const { filter, paging } = parseSessionsQuery(
      new URLSearchParams(
        'AccountIds=a,b&accountids=c&SEARCHARCHIVE=True&sortorder=descend&Page=3&bogus=1&page=x',
      ),
    );
    expect(filter).toEqual({ accountIds: ['a', 'b', 'c'], searchArchive: true, sortOrder: 'Descend' });
    expect(paging).toEqual({}); // the last `page` wins and is not a number
  });

  it('normalizes filters that send the same request to equal objects', () => {
    const a = normalizeSessionsFilter({ from: '', accountIds: [], searchArchive: false, to: '503' });
    const b = normalizeSessionsFilter({ to: '503', log: undefined });
    expect(a).toEqual(b);
    expect(a).toEqual({ to: '503' });
    // Paging keys smuggled in a filter object do not leak into it.
    expect(normalizeSessionsFilter({ to: '1', page: 3 } as SessionsFilter)).toEqual({ to: '1' });
  });
});
