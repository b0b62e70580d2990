// Names for account, customer and endpoint ids, drawn from the sessions the results have shown.
// The React Query cache is the source: the index is seeded from every cached query under
// `sessionQueries.all()` (table pages and drawer details), then grows with each one that receives
// data. It only grows (a name seen once stays known after its page is garbage-collected; there are
// as many entries as distinct accounts, customers and endpoints seen) and it changes, re-rendering
// its readers, only when a new id appears: scrolling through pages of known names costs a few map
// lookups per page, not a rebuild and a render of the filter panel.
import { useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { sessionQueries } from '../api/session-queries';
import type { SessionSummary } from '../api/session';

export type NameKind = 'account' | 'customer' | 'endpoint';

/** id -> name, per kind. */
export type NameIndex = Record<NameKind, ReadonlyMap<string, string>>;

export interface NameSuggestion {
  id: string;
  name: string;
}

/** The sessions a cached value holds: a page (`{ items }`) or a detail (`{ session }`). */
function sessionsIn(data: unknown): readonly SessionSummary[] {
  if (!data || typeof data !== 'object') return [];
  if ('items' in data && Array.isArray(data.items)) return data.items as SessionSummary[];
  if ('session' in data && data.session && typeof data.session === 'object')
    return [data.session as SessionSummary];
  return [];
}

/**
 * `index` with the names of `sessions` added; the same object when none was new. The first name
 * seen for an id wins.
 */
export function addNames(index: NameIndex, sessions: readonly SessionSummary[]): NameIndex {
  let next: Record<NameKind, Map<string, string>> | undefined;
  const put = (kind: NameKind, id: string | undefined, name: string | undefined) => {
    if (!id || !name || (next ?? index)[kind].has(id)) return;
    next ??= {
      account: new Map(index.account),
      customer: new Map(index.customer),
      endpoint: new Map(index.endpoint),
    };
    next[kind].set(id, name);
  };
  for (const s of sessions) {
    put('account', s.accountId, s.accountName);
    put('customer', s.customerId, s.customerName);
    put('endpoint', s.endpointId, s.endpointName);
    // The breadcrumb names the customer's parents: also customers one may filter by.
    for (const crumb of s.customerBreadcrumb ?? []) put('customer', crumb.id, crumb.name);
  }
  return next ?? index;
}

const EMPTY_INDEX: NameIndex = { account: new Map(), customer: new Map(), endpoint: new Map() };

export function buildNameIndex(client: QueryClient): NameIndex {
  let index = EMPTY_INDEX;
  for (const query of client.getQueryCache().findAll({ queryKey: sessionQueries.all() })) {
    index = addNames(index, sessionsIn(query.state.data));
  }
  return index;
}

interface NameStore {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => NameIndex;
}

// One store per QueryClient (tests make a fresh client each), listening to its cache from the
// first read on, so no data is missed while no input is mounted.
const stores = new WeakMap<QueryClient, NameStore>();

function storeFor(client: QueryClient): NameStore {
  const existing = stores.get(client);
  if (existing) return existing;
  let index = buildNameIndex(client);
  const listeners = new Set<() => void>();
  client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    if (!sessionQueries.isSessions(event.query)) return;
    const next = addNames(index, sessionsIn(event.query.state.data));
    if (next === index) return;
    index = next;
    for (const l of listeners) l();
  });
  const store: NameStore = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => index,
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
