import { QueryClient } from '@tanstack/react-query';
import { shouldRetry } from '../sessions/api/api-error';

export function createAppQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
    },
  });
}
