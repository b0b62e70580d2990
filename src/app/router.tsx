import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { parseSessionSearch, type SessionSearch } from '../sessions/filters/session-search';
import { SessionsScreen } from '../sessions/sessions-screen';
import { parseSearch, stringifySearch } from '../sessions/filters/search-codec';
import { NotFound } from './not-found';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

// `/`: the sessions view. Its whole state is the query string (see README, "Link format").
const sessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: (raw: Record<string, unknown>): SessionSearch => parseSessionSearch(raw).search,
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

export function createAppRouter(
  queryClient: QueryClient,
  history?: Parameters<typeof createRouter>[0]['history'],
) {
  return createRouter({
    routeTree,
    history,
    context: { queryClient },
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
