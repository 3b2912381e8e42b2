import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/api-error';
import { queryKeys } from './api/endpoints';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A session that ended elsewhere (logout in another tab, expiry): forget the user, so
        // the app shows the login page instead of a wall of errors.
        if (isApiError(error, 'UNAUTHENTICATED') && query.queryKey[0] !== 'me') {
          client.setQueryData(queryKeys.me, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status > 0 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}
