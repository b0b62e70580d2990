// Index.html's first script: requests page 0 of the sessions view in the address bar before React
// and the rest of the app have arrived (a third of the time to first rows on a slow machine), draws
// its first rows as soon as it is in (first-rows.ts), and only then starts the app. Its imports are
// kept to the small plain modules that do that, so that it runs early; the route's loader then takes
// the request over (early-request.ts).
import { startEarlyRequest } from '../sessions/api/early-request';
import { pageQuery, SESSIONS_FETCH_INIT, sessionsUrl } from '../sessions/api/sessions-url';
import { parseSearch } from '../sessions/filters/search-codec';
import { parseSessionSearch, toSessionsFilter } from '../sessions/filters/session-search';
import { drawFirstRowsOf } from '../sessions/table/first-rows';
import { toUtcDay } from '../lib/utc-days';

/**
 * Longest the app is held back for page 0 (from when this script runs). The app's code arrives with
 * page 0 or soon after it, and evaluating it takes the main thread for 60-90 ms here: run first, it
 * would hold the first rows back by that much. Held, it runs right after they are painted. A slower
 * API than that gets the app (its panels, skeleton rows) without waiting for page 0 any further.
 */
export const APP_HOLD_MS = 300;

/**
 * Starts the app: index.html names its entry on this script's tag (server/head-start-plugin.ts),
 * which the build preloads meanwhile. Without the name (`vite` dev) index.html loads the entry
 * itself, which imports this module.
 */
function startApp() {
  const tag = document.querySelector<HTMLScriptElement>('script[data-app-entry]');
  const entry = tag?.dataset.appEntry;
  if (!tag || !entry) return;
  tag.removeAttribute('data-app-entry');
  const script = document.createElement('script');
  script.type = 'module';
  script.crossOrigin = '';
  script.src = entry;
  document.head.append(script);
}

// Only a head start: whatever goes wrong here, the app starts, and its route's query makes the
// request as usual.
let firstRows: Promise<void> = Promise.resolve();
try {
  if (location.pathname === '/') {
    const { search, notices } = parseSessionSearch(parseSearch(location.search));
    const early = startEarlyRequest(
      sessionsUrl(pageQuery(toSessionsFilter(search, toUtcDay(Date.now())), 0)),
      SESSIONS_FETCH_INIT,
    );
    if (notices.length === 0) firstRows = drawFirstRowsOf(early, search);
  }
} catch {
  // No head start.
}
void Promise.race([firstRows, new Promise((resolve) => setTimeout(resolve, APP_HOLD_MS))]).then(
  startApp,
  startApp,
);
