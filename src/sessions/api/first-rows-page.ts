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

/**
 * The first rows' page when it is known before the edge search has counted anything: newest first, a
 * window still open at its end (`range=30d`, `today`, `1h`…) begins at row 0, since no session is
 * created after now. It is asked for at once, beside the search's first request, instead of a round
 * trip later. Rows dated after the view's anchor (a clock ahead of this one) move the first edge a
 * few rows down, still on page 0; were there a page of them, the table asks for the page the search
 * finds and this one goes unused.
 */
export function firstRowsPageAtOnce(view: SessionsView): { request: SessionsRequest; n: number } | undefined {
  const { request } = view.segments[0]!;
  if (!view.byDate || !view.window.live || request.filter.sortOrder === 'Ascend') return undefined;
  return firstRowsPage(view, 0);
}
