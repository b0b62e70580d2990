import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, shouldRetry } from '../sessions/api/api-error';
import { limitInactivePages } from '../sessions/api/page-cache-limit';

/**
 * `onUnauthorized` runs when a sessions request answers 401 (the sign-in cookie expired): the app
 * sends the user to sign in, keeping the view to come back to. Queries say so in their `meta`
 * (session-queries.ts); `/api/auth`'s 401 (nobody signed in) never redirects.
 */
export function createAppQueryClient(onUnauthorized: () => void = () => {}) {
  const client = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401 && query.meta?.signInOnUnauthorized) {
          onUnauthorized();
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
    },
  });
  limitInactivePages(client);
  return client;
}
