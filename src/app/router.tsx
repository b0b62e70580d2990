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
import { SessionsScreen } from '../sessions/sessions-screen';
import { parseSearch, stringifySearch } from '../sessions/filters/search-codec';
import { createUrlNoticeStore, type UrlNoticeStore } from '../sessions/filters/url-notice-store';
import { createViewAnchorStore, type ViewAnchorStore } from '../sessions/view/view-anchor-store';
import { AppError, NotFound } from './not-found';

const rootRoute = createRootRouteWithContext<{
  queryClient: QueryClient;
  urlNotices: UrlNoticeStore;
  viewAnchors: ViewAnchorStore;
}>()({
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
