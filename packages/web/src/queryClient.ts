import { QueryClient } from '@tanstack/react-query';
import { ApiError, setUnauthorizedHandler } from './api/client';
import { queryKeys } from './api/services';
import { markSessionExpired } from './auth/session';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers are final; only network trouble and 5xx are worth another try.
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});

// Any 401 from the API means the session is gone (expired, revoked, logged out elsewhere): back to login.
setUnauthorizedHandler(() => {
  if (queryClient.getQueryData(queryKeys.me)) markSessionExpired();
  queryClient.setQueryData(queryKeys.me, null);
});
