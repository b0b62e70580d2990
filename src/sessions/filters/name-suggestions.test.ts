import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { sessionQueries } from '../api/session-queries';
import { toSessionsRequest } from '../api/build-sessions-query';
import type { Session } from '../api/session';
import { addNames, buildNameIndex, suggestNames } from './name-suggestions';

const session = (over: Partial<Session>) => ({ id: 'x', customerBreadcrumb: [], ...over }) as Session;

describe('buildNameIndex', () => {
  it('collects names from cached pages and details, breadcrumbs included, and ignores other queries', () => {
    const client = new QueryClient();
    client.setQueryData(sessionQueries.page(toSessionsRequest({ startDate: '2026-11-01' }), 0).queryKey, {
      items: [
        session({
          accountId: 'a1',
          accountName: 'Northwind',
          customerId: 'c1',
          customerName: 'Harbor Dental',
        }),
        session({
          endpointId: 'e1',
          endpointName: 'Front Desk',
          customerBreadcrumb: [{ id: 'c0', name: 'Harbor Group' }],
        }),
        session({ accountId: 'a2' }), // no name: nothing to suggest
      ],
    } as never);
    client.setQueryData(sessionQueries.detail('s9').queryKey, {
      session: session({ accountId: 'a3', accountName: 'Bluebird' }),
      archived: true,
    } as never);
    client.setQueryData(['elsewhere'], {
      items: [session({ accountId: 'z', accountName: 'Not a session query' })],
    });

    const index = buildNameIndex(client);
    expect([...index.account]).toEqual([
      ['a1', 'Northwind'],
      ['a3', 'Bluebird'],
    ]);
    expect([...index.customer]).toEqual([
      ['c1', 'Harbor Dental'],
      ['c0', 'Harbor Group'],
    ]);
    expect([...index.endpoint]).toEqual([['e1', 'Front Desk']]);
  });
});

describe('addNames', () => {
  it('returns the same index when nothing is new, so readers do not re-render', () => {
    const first = addNames(buildNameIndex(new QueryClient()), [
      session({ accountId: 'a1', accountName: 'Northwind', endpointId: 'e1', endpointName: 'Front Desk' }),
    ]);
    const again = addNames(first, [
      session({ accountId: 'a1', accountName: 'Renamed' }),
      session({ endpointId: 'e1', endpointName: 'Front Desk' }),
      session({ customerId: 'c1' }),
    ]);
    expect(again).toBe(first);
    expect(first.account.get('a1')).toBe('Northwind');

    const grown = addNames(first, [session({ customerId: 'c1', customerName: 'Harbor Dental' })]);
    expect(grown).not.toBe(first);
    expect([...grown.customer]).toEqual([['c1', 'Harbor Dental']]);
    expect(first.customer.size).toBe(0); // the earlier snapshot is left as it was
    expect(grown.account).toEqual(first.account);
  });
});

describe('suggestNames', () => {
  const names = new Map([
    ['cus_1', 'Maple Street Plumbing'],
    ['cus_2', 'Harbor Dental'],
    ['cus_3', 'Harbor Dental East'],
    ['map_9', 'Zeta'],
  ]);

  it('puts names starting with the text first, then names containing it, then ids', () => {
    expect(suggestNames(names, 'ma').map((s) => s.id)).toEqual(['cus_1', 'map_9']);
    expect(suggestNames(names, 'dental').map((s) => s.id)).toEqual(['cus_2', 'cus_3']);
    expect(suggestNames(names, 'HAR').map((s) => s.name)).toEqual(['Harbor Dental', 'Harbor Dental East']);
  });

  it('leaves out chosen ids and honours the limit', () => {
    expect(suggestNames(names, 'harbor', ['cus_2']).map((s) => s.id)).toEqual(['cus_3']);
    expect(suggestNames(names, 'a', [], 2)).toHaveLength(2);
    expect(suggestNames(names, '  ')).toEqual([]);
  });
});
