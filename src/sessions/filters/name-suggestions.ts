// Names for account, customer and endpoint ids, drawn from the sessions the results have shown.
// The React Query cache is the only store: this reads every cached query under
// `sessionQueries.all()` (table pages and drawer details) and rebuilds the index when one of them
// receives data. Pages the cache has garbage-collected take their names with them, which is
// fine: a chip whose name is unknown shows its id.
import { useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { sessionQueries } from '../api/session-queries';
import type { Session } from '../api/session';

export type NameKind = 'account' | 'customer' | 'endpoint';

/** id -> name, per kind. */
export type NameIndex = Record<NameKind, ReadonlyMap<string, string>>;

export interface NameSuggestion {
  id: string;
  name: string;
}

const ROOT = sessionQueries.all()[0];

function isSessionQuery(queryKey: readonly unknown[]): boolean {
  return queryKey[0] === ROOT;
}

/** The sessions a cached value holds: a page (`{ items }`) or a detail (`{ session }`). */
function sessionsIn(data: unknown): readonly Session[] {
  if (!data || typeof data !== 'object') return [];
  if ('items' in data && Array.isArray(data.items)) return data.items as Session[];
  if ('session' in data && data.session && typeof data.session === 'object') return [data.session as Session];
  return [];
}

export function buildNameIndex(client: QueryClient): NameIndex {
  const account = new Map<string, string>();
  const customer = new Map<string, string>();
  const endpoint = new Map<string, string>();
  const put = (map: Map<string, string>, id: string | undefined, name: string | undefined) => {
    if (id && name && !map.has(id)) map.set(id, name);
  };
  for (const query of client.getQueryCache().findAll({ queryKey: sessionQueries.all() })) {
    for (const s of sessionsIn(query.state.data)) {
      put(account, s.accountId, s.accountName);
      put(customer, s.customerId, s.customerName);
      put(endpoint, s.endpointId, s.endpointName);
      // The breadcrumb names the customer's parents: also customers one may filter by.
      for (const crumb of s.customerBreadcrumb ?? []) put(customer, crumb.id, crumb.name);
    }
  }
  return { account, customer, endpoint };
}

interface NameStore {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => NameIndex;
}

// One store per QueryClient (tests make a fresh client each), so the index is built once per
// change however many inputs read it.
const stores = new WeakMap<QueryClient, NameStore>();

function storeFor(client: QueryClient): NameStore {
  const existing = stores.get(client);
  if (existing) return existing;
  let index: NameIndex | undefined;
  const listeners = new Set<() => void>();
  let unsubscribeCache: (() => void) | undefined;
  const store: NameStore = {
    subscribe(listener) {
      listeners.add(listener);
      if (!unsubscribeCache) index = undefined; // data may have arrived while nobody listened
      unsubscribeCache ??= client.getQueryCache().subscribe((event) => {
        // Only new data or a removed query can change the names; fetch-state events cannot.
        const changed =
          event.type === 'removed' || (event.type === 'updated' && event.action.type === 'success');
        if (!changed || !isSessionQuery(event.query.queryKey)) return;
        index = undefined;
        for (const l of listeners) l();
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unsubscribeCache?.();
          unsubscribeCache = undefined;
          index = undefined;
        }
      };
    },
    getSnapshot() {
      index ??= buildNameIndex(client);
      return index;
    },
  };
  stores.set(client, store);
  return store;
}

/** The current names, re-rendering when cached sessions change. */
export function useNameIndex(): NameIndex {
  const client = useQueryClient();
  const store = storeFor(client);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/**
 * Names (or ids) matching what was typed: names containing the text first, those starting with it
 * ahead; then ids starting with it. Chosen ids are left out.
 */
export function suggestNames(
  names: ReadonlyMap<string, string>,
  query: string,
  exclude: readonly string[] = [],
  limit = 8,
): NameSuggestion[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { s: NameSuggestion; rank: number }[] = [];
  for (const [id, name] of names) {
    if (exclude.includes(id)) continue;
    const n = name.toLowerCase();
    const rank = n.startsWith(q) ? 0 : n.includes(q) ? 1 : id.toLowerCase().startsWith(q) ? 2 : -1;
    if (rank >= 0) scored.push({ s: { id, name }, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || a.s.name.localeCompare(b.s.name) || a.s.id.localeCompare(b.s.id));
  return scored.slice(0, limit).map((x) => x.s);
}
