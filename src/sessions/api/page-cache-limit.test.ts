import { QueriesObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { limitInactivePages } from './page-cache-limit';
import { sessionQueries } from './session-queries';
import { toSessionsRequest } from './build-sessions-query';

const PAGE = { items: [], totalCount: 1000, totalPages: 10, hasMorePages: true };
const clients: QueryClient[] = [];

function setup(max: number) {
  const client = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity, staleTime: Infinity } } });
  clients.push(client);
  limitInactivePages(client, max);
  return client;
}
afterEach(() => clients.splice(0).forEach((c) => c.clear()));

/** Reads page `n` as the table does while it is on screen; returns the function that leaves it. */
function view(client: QueryClient, filter: { from?: string }, n: number) {
  const options = sessionQueries.page(toSessionsRequest(filter), n);
  client.setQueryData(options.queryKey, PAGE);
  const observer = new QueryObserver(client, { ...options, gcTime: Infinity, staleTime: Infinity });
  return observer.subscribe(() => {});
}

const cached = (client: QueryClient, filter: { from?: string }, n: number) =>
  client.getQueryData(sessionQueries.page(toSessionsRequest(filter), n).queryKey) !== undefined;

/** Eviction runs after the change that left a page. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('limitInactivePages', () => {
  it('keeps only the most recently left pages, however many were scrolled through', async () => {
    const client = setup(3);
    for (let n = 0; n < 10; n++) view(client, {}, n)();
    await settle();
    expect([...Array(10).keys()].filter((n) => cached(client, {}, n))).toEqual([7, 8, 9]);
  });

  it('never drops a page on screen, and a page viewed again is the most recent', async () => {
    const client = setup(2);
    const leave0 = view(client, {}, 0);
    const leave1 = view(client, {}, 1);
    leave1();
    view(client, {}, 2)();
    view(client, {}, 1)(); // back to page 1: now more recent than page 2
    view(client, {}, 3)();
    view(client, {}, 4)();
    await settle();
    expect(cached(client, {}, 0)).toBe(true); // still observed
    expect([1, 2, 3, 4].filter((n) => cached(client, {}, n))).toEqual([3, 4]);
    leave0();
    await settle();
    expect([0, 1, 2, 3, 4].filter((n) => cached(client, {}, n))).toEqual([0, 4]);
  });

  it('counts pages of every filter together and leaves other queries alone', async () => {
    const client = setup(2);
    client.setQueryData(sessionQueries.count(toSessionsRequest({})).queryKey, 5);
    client.setQueryData(sessionQueries.detail('s1').queryKey, null);
    // Observed and left like pages: only pages are counted and dropped.
    for (const options of [sessionQueries.count(toSessionsRequest({})), sessionQueries.detail('s1')]) {
      new QueryObserver(client, { ...options, gcTime: Infinity, staleTime: Infinity } as never).subscribe(
        () => {},
      )();
    }
    view(client, { from: '+1' }, 0)();
    view(client, { from: '+2' }, 0)();
    view(client, { from: '+3' }, 0)();
    await settle();
    expect(['+1', '+2', '+3'].filter((from) => cached(client, { from }, 0))).toEqual(['+2', '+3']);
    expect(client.getQueryData(sessionQueries.count(toSessionsRequest({})).queryKey)).toBe(5);
    expect(client.getQueryState(sessionQueries.detail('s1').queryKey)).toBeDefined();
  });

  it('never drops the page being returned to, though it was the least recently left', async () => {
    const client = setup(2);
    view(client, {}, 1)();
    view(client, {}, 2)();
    client.setQueryData(sessionQueries.page(toSessionsRequest({}), 3).queryKey, PAGE);
    const grid = new QueriesObserver(client, [
      { ...sessionQueries.page(toSessionsRequest({}), 3), staleTime: Infinity } as never,
    ]);
    grid.subscribe(() => {});
    // The grid moves from page 3 back to page 1, as when the thumb is dragged back.
    grid.setQueries([{ ...sessionQueries.page(toSessionsRequest({}), 1), staleTime: Infinity } as never]);
    await settle();
    expect(cached(client, {}, 1)).toBe(true);
    expect([2, 3].filter((n) => cached(client, {}, n))).toEqual([2, 3]); // two inactive: within bounds
  });
});
