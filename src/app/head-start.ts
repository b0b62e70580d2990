// The first thing the page runs: it finds the first rows of the sessions view in the address bar
// while React and the rest of the app are still loading and being evaluated: the search for where
// the window begins and ends (window-edges.ts), then the page holding the first rows. Each request
// is an early request (early-request.ts): the app, running the same search with the same resolver,
// asks for the very same URLs and takes each request over, answered or on its way. The build makes it an entry of its own, first in
// index.html (server/head-start-plugin.ts); the app's entry imports it too, so it runs once either way.
import { byDateRequest } from '../sessions/api/build-sessions-query';
import { decodeSummaryPage } from '../sessions/api/decode-page';
import { startEarlyRequest } from '../sessions/api/early-request';
import {
  pageQuery,
  probeQuery,
  SESSIONS_FETCH_INIT,
  SESSIONS_PAGE_SIZE,
  sessionsUrl,
} from '../sessions/api/sessions-url';
import { fetchWindowEdges } from '../sessions/api/window-edges';
import { parseSearch } from '../sessions/filters/search-codec';
import { parseSessionSearch } from '../sessions/filters/session-search';
import { ZONE } from '../sessions/preference-values';
import { readStored } from '../lib/stored-value';
import { resolveView } from '../sessions/view/sessions-view';

/** A page asked for as an early request, read here too (the app takes the same request later). */
async function earlyPage(query: URLSearchParams) {
  const early = startEarlyRequest(sessionsUrl(query), SESSIONS_FETCH_INIT);
  if (!(await early.response).ok) throw new Error('no head start');
  return decodeSummaryPage(JSON.parse(await early.body), Number(query.get('page')));
}

// Only a head start: whatever goes wrong here, the app's queries make the requests as usual.
try {
  if (location.pathname === '/') {
    const { search } = parseSessionSearch(parseSearch(location.search));
    const view = resolveView(search, Date.now(), readStored(ZONE));
    const signal = new AbortController().signal;
    view.segments.forEach(({ request }, i) => {
      const byDate = byDateRequest(request);
      const edges = fetchWindowEdges(byDate, view.window, signal, (n) =>
        earlyPage(probeQuery(byDate.filter, n)),
      );
      // The first rows: the first segment's first page (sorted by date, the one its slice starts in).
      if (i > 0) return void edges.catch(() => {});
      if (!view.byDate)
        return void startEarlyRequest(sessionsUrl(pageQuery(request.filter, 0)), SESSIONS_FETCH_INIT);
      edges
        .then(({ first }) =>
          startEarlyRequest(
            sessionsUrl(pageQuery(request.filter, Math.floor(first / SESSIONS_PAGE_SIZE))),
            SESSIONS_FETCH_INIT,
          ),
        )
        .catch(() => {});
    });
  }
} catch {
  // No head start.
}
