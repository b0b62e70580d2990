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
import {
  parseSessionSearch,
  SEARCH_KEYS,
  toSessionsFilter,
  type SessionSearch,
} from '../sessions/filters/session-search';
import { sessionQueries } from '../sessions/api/session-queries';
import { toUtcDay } from '../lib/utc-days';
import { SessionsScreen } from '../sessions/sessions-screen';
import { parseSearch, stringifySearch } from '../sessions/filters/search-codec';
import { createUrlNoticeStore, type UrlNoticeStore } from '../sessions/filters/url-notice-store';
import { AppError, NotFound } from './not-found';

/** How long entering the sessions screen waits for page 0 before it renders skeleton rows. */
const FIRST_PAGE_WAIT_MS = 150;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient; urlNotices: UrlNoticeStore }>()({
  component: Outlet,
  notFoundComponent: NotFound,
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
  // Page 0 of the view starts loading as soon as the route matches, while the screen renders,
  // not after it. The open session is left out: opening the drawer must not reload the rows.
  loaderDeps: ({ search: { session: _open, ...view } }) => view,
  loader: async ({ context, deps, cause }) => {
    const page0 = context.queryClient.prefetchQuery(
      sessionQueries.page(toSessionsFilter(deps, toUtcDay(Date.now())), 0),
    );
    // Entering the screen (a link opened, a reload), the first render waits a little for page 0,
    // which head-start.ts asked for while the code loaded: it then draws the rows at once instead
    // of skeleton rows first and the rows in a second render and layout. A filter change never
    // waits: the old rows stay, dimmed, until the new ones arrive.
    if (cause === 'enter') await Promise.race([page0, delay(FIRST_PAGE_WAIT_MS)]);
  },
  component: SessionsScreen,
});

const printRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions/$sessionId/print',
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
  // Notices are read from each address as it arrives, before the router canonicalizes it.
  const urlNotices = createUrlNoticeStore();
  urlNotices.report(history.location);
  history.subscribe(({ location }) => urlNotices.report(location));
  return createRouter({
    routeTree,
    history,
    context: { queryClient, urlNotices },
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
