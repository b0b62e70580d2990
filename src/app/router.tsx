import {
  createBrowserHistory,
  createRootRouteWithContext,
  type RouterHistory,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { parseSessionSearch, SEARCH_KEYS, type SessionSearch } from '../sessions/filters/session-search';
import { sessionQueries } from '../sessions/api/session-queries';
import type { SessionsRequest } from '../sessions/api/build-sessions-query';
import { firstRowsPage, firstRowsPageAtOnce } from '../sessions/api/first-rows-page';
import { ZONE } from '../sessions/preference-values';
import { resolveView, type SessionsView } from '../sessions/view/sessions-view';
import { readStored } from '../lib/stored-value';
import { SessionsScreen } from '../sessions/sessions-screen';
import { parseSearch, stringifySearch } from '../sessions/filters/search-codec';
import { createUrlNoticeStore, type UrlNoticeStore } from '../sessions/filters/url-notice-store';
import { createViewAnchorStore, type ViewAnchorStore } from '../sessions/view/view-anchor-store';
import { AppError } from './app-error';

/** How long entering the sessions screen waits for page 0 before it renders skeleton rows. */
const FIRST_PAGE_WAIT_MS = 150;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The queries of a view's first rows, as the table asks for them: each segment's edge search (its
 * slice of the window), and the page holding the first rows once the first edge is known.
 */
async function prefetchFirstRows(queryClient: QueryClient, view: SessionsView): Promise<void> {
  if (!view.byDate) {
    // Under another sort, each request's page 0 (its size decides the layout: use-result-layout.ts).
    await Promise.all(view.segments.map((s) => queryClient.prefetchQuery(sessionQueries.page(s.request, 0))));
    return;
  }
  // The page known before the search is asked for beside it, and first (as the head start does): a
  // server that answers in turn then answers it before the search's count.
  const atOnce = firstRowsPageAtOnce(view);
  if (atOnce) void queryClient.prefetchQuery(sessionQueries.page(atOnce.request, atOnce.n));
  const edgesOf = (request: SessionsRequest) => sessionQueries.edges(request, view.window, view.anchorMs);
  for (const s of view.segments) void queryClient.prefetchQuery(edgesOf(s.request));
  const first = await firstEdge(queryClient, edgesOf(view.segments[0]!.request));
  const { request, n } = firstRowsPage(view, first);
  await queryClient.prefetchQuery(sessionQueries.page(request, n));
}

/** The first edge of an edge search running in the cache, as soon as it is known (before the other). */
function firstEdge(queryClient: QueryClient, options: ReturnType<typeof sessionQueries.edges>) {
  return new Promise<number>((resolve, reject) => {
    const check = () => {
      const edges = queryClient.getQueryData(options.queryKey);
      if (!edges) return;
      unsubscribe();
      resolve(edges.first);
    };
    const unsubscribe = queryClient.getQueryCache().subscribe(check);
    queryClient.fetchQuery(options).then(check, (error: unknown) => {
      unsubscribe();
      reject(error);
    });
    check();
  });
}

const rootRoute = createRootRouteWithContext<{
  queryClient: QueryClient;
  urlNotices: UrlNoticeStore;
  viewAnchors: ViewAnchorStore;
}>()({
  component: Outlet,
  notFoundComponent: lazyRouteComponent(() => import('./not-found'), 'NotFound'),
  errorComponent: AppError,
});

// `/`: the sessions view. Its whole state is the query string (see README, "Link format").
const sessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  // The router lays the validated search over the raw one, so every key is returned, undefined when
  // it was dropped: an invalid raw value must never show through.
  validateSearch: (raw: Record<string, unknown>): SessionSearch => {
    const { search } = parseSessionSearch(raw);
    return Object.fromEntries(SEARCH_KEYS.map((key) => [key, search[key]])) as SessionSearch;
  },
  // Entering the screen (a link opened, a reload), the first render waits a little for page 0, which
  // the head start asked for while the code loaded: one render then draws the rows, instead of
  // skeleton rows first and the rows in a second render and layout. A view change never waits: the
  // old rows stay, dimmed, until the new ones arrive. The view is resolved as the screen resolves it.
  loaderDeps: ({ search: { session: _open, ...view } }) => view,
  loader: async ({ context, deps, cause }) => {
    if (cause !== 'enter') return;
    const view = resolveView(deps, context.viewAnchors.get(), readStored(ZONE));
    // Its failures are the table's to show.
    const rows = prefetchFirstRows(context.queryClient, view).catch(() => {});
    await Promise.race([rows, sleep(FIRST_PAGE_WAIT_MS)]);
  },
  component: SessionsScreen,
});

const printRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions/$sessionId/print',
  // `mask=1`: caller details masked (numbers to their last four digits, the caller's name to initials).
  validateSearch: (raw: Record<string, unknown>): { mask?: boolean } =>
    raw.mask === '1' || raw.mask === 'true' || raw.mask === true ? { mask: true } : {},
  component: lazyRouteComponent(() => import('../sessions/detail/print-page'), 'PrintPage'),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (raw: Record<string, unknown>): { redirect?: string } =>
    typeof raw.redirect === 'string' ? { redirect: raw.redirect } : {},
  component: lazyRouteComponent(() => import('./sign-in-route'), 'SignInRoute'),
});

const routeTree = rootRoute.addChildren([sessionsRoute, printRoute, signInRoute]);

export function createAppRouter(queryClient: QueryClient, history: RouterHistory = createBrowserHistory()) {
  // Each address is read as it arrives, before the router canonicalizes it: for its notices, and to
  // anchor a view when it is first shown.
  const urlNotices = createUrlNoticeStore();
  const viewAnchors = createViewAnchorStore();
  for (const store of [urlNotices, viewAnchors]) {
    store.report(history.location);
    history.subscribe(({ location }) => store.report(location));
  }
  return createRouter({
    routeTree,
    history,
    context: { queryClient, urlNotices, viewAnchors },
    parseSearch,
    stringifySearch,
    scrollRestoration: false,
    defaultPendingMinMs: 0,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
