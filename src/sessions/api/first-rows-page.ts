// Which server page holds a view's first rows. Two callers ask for it before the table does: the
// head start with early requests while the app loads (app/head-start.ts), and the route's loader
// through the query cache (app/router.tsx). One rule for both, so the table's first page is the one
// they asked for.
import type { SessionsRequest } from './build-sessions-query';
import { SESSIONS_PAGE_SIZE } from './sessions-url';
import type { SessionsView } from '../view/sessions-view';

/**
 * The first segment's page holding `first`, its first row inside the window, when sorted by date
 * (where the edge search puts it); otherwise its page 0, and `first` is not needed.
 */
export function firstRowsPage(view: SessionsView, first = 0): { request: SessionsRequest; n: number } {
  const { request } = view.segments[0]!;
  return { request, n: view.byDate ? Math.floor(first / SESSIONS_PAGE_SIZE) : 0 };
}
