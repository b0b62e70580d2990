// One render helper for component tests: the real app (router + providers) at a URL, with a fresh
// QueryClient whose retries are off, so an error state shows at once.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { createAppRouter } from '../src/app/router';
import { createAppQueryClient } from '../src/app/query-client';
import { sendToSignIn } from '../src/app/sign-in-redirect';

export function createTestQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity, refetchOnWindowFocus: false } },
  });
}

/**
 * Renders the whole app at `url` (e.g. `/?from=%2B1503&session=abc`). `signInOn401`: with the app's
 * own query client, which sends the user to sign-in when a sessions request answers 401, as main.tsx
 * wires it.
 */
export function renderApp(url = '/', { signInOn401 = false } = {}) {
  const queryClient = signInOn401
    ? createAppQueryClient(() => sendToSignIn(router))
    : createTestQueryClient();
  const history = createMemoryHistory({ initialEntries: [url] });
  const router = createAppRouter(queryClient, history);
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  /** The current URL's path + query string, as the address bar shows it. */
  const currentUrl = () => router.state.location.href;
  const currentSearch = () => new URLSearchParams(router.state.location.searchStr);
  return { ...result, user, router, queryClient, history, currentUrl, currentSearch };
}
