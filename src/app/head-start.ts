// The first thing the page runs: it asks for page 0 of the sessions view in the address bar while
// React and the rest of the app are still loading and being evaluated, and the app's first fetch of
// that page takes the request over (early-request.ts). It resolves the view with the app's own
// resolver, so both ask for the very same URL. The build makes it an entry of its own, first in
// index.html (server/head-start-plugin.ts); the app's entry imports it too, so it runs once either way.
import { byDateRequest } from '../sessions/api/build-sessions-query';
import { startEarlyRequest } from '../sessions/api/early-request';
import { probeQuery, SESSIONS_FETCH_INIT, sessionsUrl } from '../sessions/api/sessions-url';
import { parseSearch } from '../sessions/filters/search-codec';
import { parseSessionSearch } from '../sessions/filters/session-search';
import { ZONE } from '../sessions/preference-values';
import { readStored } from '../lib/stored-value';
import { resolveView } from '../sessions/view/sessions-view';

// Only a head start: whatever goes wrong here, the app's query makes the request as usual.
try {
  if (location.pathname === '/') {
    const { search } = parseSessionSearch(parseSearch(location.search));
    const view = resolveView(search, Date.now(), readStored(ZONE));
    // The first request of each segment's edge search (window-edges.ts).
    for (const { request } of view.segments)
      startEarlyRequest(sessionsUrl(probeQuery(byDateRequest(request).filter, 0)), SESSIONS_FETCH_INIT);
  }
} catch {
  // No head start.
}
