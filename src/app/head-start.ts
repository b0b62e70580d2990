// Imported first by the entry: requests page 0 of the sessions view in the address bar before
// React and the rest of the app are evaluated (a third of the time to first rows on a slow
// machine), and draws its first rows as soon as it is in (first-rows.ts). Its imports are kept to
// the small plain modules that do that, so that it runs early; the route's loader then takes the
// request over (early-request.ts).
import { startEarlyRequest } from '../sessions/api/early-request';
import { pageQuery, SESSIONS_FETCH_INIT, sessionsUrl } from '../sessions/api/sessions-url';
import { parseSearch } from '../sessions/filters/search-codec';
import { parseSessionSearch, toSessionsFilter } from '../sessions/filters/session-search';
import { drawFirstRowsOf } from '../sessions/table/first-rows';
import { toUtcDay } from '../lib/utc-days';

// Only a head start: whatever goes wrong here, the route's query makes the request as usual, and
// the app (evaluated after this module) must never fail with it.
try {
  if (location.pathname === '/') {
    const { search, notices } = parseSessionSearch(parseSearch(location.search));
    const early = startEarlyRequest(
      sessionsUrl(pageQuery(toSessionsFilter(search, toUtcDay(Date.now())), 0)),
      SESSIONS_FETCH_INIT,
    );
    if (notices.length === 0) void drawFirstRowsOf(early, search);
  }
} catch {
  // No head start.
}
