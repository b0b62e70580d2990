// A bound on the table pages kept in memory. Scrolling through a result visits a page every few
// frames; the pages left behind lose their observers and would stay cached for their gcTime, so
// memory would grow with scroll speed. This keeps at most `max` such inactive pages, the most
// recently left, so scrolling back a little is instant and memory stays flat however far one goes.
import type { Query, QueryClient } from '@tanstack/react-query';
import { sessionQueries } from './session-queries';

/** Inactive table pages kept: 20 pages of 100 rows, about 2.5 MB. */
export const MAX_INACTIVE_PAGES = 20;

/** Starts bounding `client`'s inactive table pages; returns the function that stops it. */
export function limitInactivePages(client: QueryClient, max = MAX_INACTIVE_PAGES): () => void {
  const cache = client.getQueryCache();
  // Insertion order is the order pages were left: the first entry is the least recently used.
  const inactive = new Map<string, Query>();
  // Trimmed after the change that left a page, not during it: moving to a page that was cached
  // finds its query, then removes the old page's observer, and only then observes the new page, so
  // evicting in between could drop the very page one returns to.
  let trimScheduled = false;
  const trim = () => {
    trimScheduled = false;
    for (const [hash, oldest] of inactive) {
      if (inactive.size <= max) break;
      inactive.delete(hash);
      if (oldest.getObserversCount() === 0 && cache.get(hash) === oldest) cache.remove(oldest);
    }
  };
  return cache.subscribe((event) => {
    const query = event.query;
    if (!sessionQueries.isPage(query)) return;
    if (event.type === 'observerRemoved' && query.getObserversCount() === 0) {
      inactive.delete(query.queryHash);
      inactive.set(query.queryHash, query);
      if (inactive.size > max && !trimScheduled) {
        trimScheduled = true;
        queueMicrotask(trim);
      }
    } else if (event.type === 'observerAdded' || event.type === 'removed') {
      inactive.delete(query.queryHash);
    }
  });
}
