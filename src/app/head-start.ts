// The first thing the page runs: it finds the first rows of the sessions view in the address bar
// while React and the rest of the app are still loading and being evaluated: the search for where
// the window begins and ends (window-edges.ts), and the page holding the first rows as soon as the
// first edge is known. Each request
// is an early request (early-request.ts): the app, running the same search with the same resolver,
// asks for the very same URLs and takes each request over, answered or on its way. The build makes it an entry of its own, first in
// index.html (server/head-start-plugin.ts); the app's entry imports it too, so it runs once either way.
import { decodeSummaryPage } from '../sessions/api/decode-page';
import { startEarlyRequest } from '../sessions/api/early-request';
import { firstRowsPage, firstRowsPageAtOnce } from '../sessions/api/first-rows-page';
import { pageQuery, probeQuery, SESSIONS_FETCH_INIT, sessionsUrl } from '../sessions/api/sessions-url';
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
    // The first rows' page goes out the moment the first segment's first edge is known, ahead of
    // the search's next round (a server answering in turn answers it first); at once when it is
    // known before the search (a window open at its end, newest first).
    const asked = new Set<number>();
    const askFirstRows = (first?: number) => {
      const { request, n } = firstRowsPage(view, first);
      if (asked.has(n)) return;
      asked.add(n);
      startEarlyRequest(sessionsUrl(pageQuery(request.filter, n)), SESSIONS_FETCH_INIT);
    };
    if (firstRowsPageAtOnce(view)) askFirstRows(0);
    // Under another sort, each request's page 0: its size decides how the result is laid out
    // (use-result-layout.ts), and the date-sorted search that counts the window waits for it.
    if (!view.byDate)
      for (const { request } of view.segments)
        startEarlyRequest(sessionsUrl(pageQuery(request.filter, 0)), SESSIONS_FETCH_INIT);
    else
      view.segments.forEach(({ request }, i) => {
        const onFirst = i === 0 ? (e: { first: number }) => askFirstRows(e.first) : undefined;
        const probe = (n: number) => earlyPage(probeQuery(request.filter, n));
        fetchWindowEdges(request, view.window, signal, probe, onFirst)
          .then((e) => e.end > e.first && onFirst?.(e))
          .catch(() => {});
      });
  }
} catch {
  // No head start.
}
