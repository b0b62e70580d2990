import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, shouldRetry } from '../sessions/api/api-error';
import { sessionQueries } from '../sessions/api/session-queries';
import { limitInactivePages } from '../sessions/api/page-cache-limit';

/**
 * `onUnauthorized` runs when a sessions request answers 401 (the sign-in cookie expired): the app
 * sends the user to sign in, keeping the view to come back to. `/api/auth` is not a sessions query,
 * so its 401 (nobody signed in, as with the default sandbox) never redirects.
 */
export function createAppQueryClient(onUnauthorized: () => void = () => {}) {
  const client = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401 && query.queryKey[0] === sessionQueries.all()[0]) {
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
