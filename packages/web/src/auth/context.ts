import { createContext, useContext } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Access } from '../access';
import type { Me } from '../api/types';
import { authApi, queryKeys } from '../api/services';
import { prefetchPage } from '../routes';

export interface AuthState {
  user: Me;
  access: Access;
}

export const AuthContext = createContext<AuthState | null>(null);

/** The signed-in user and what they may see; only inside the authenticated layout. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside <RequireAuth>');
  return state;
}

/** How long the session's answer waits for the opened page's chunk at most (a slow network shows a spinner). */
const CHUNK_WAIT_MS = 1500;

/** The session probe: the user, or null when nobody is signed in. */
export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async ({ signal }) => {
    const user = await authApi.me(signal);
    // The first data of the page being opened need not wait for the layout to render. The session is answered
    // once the page's chunk is there too (usually at once: it was started early), so that the layout and the
    // page draw together: a page that suspended would keep its spinner for React's reveal throttle (~300 ms).
    if (user)
      await Promise.race([
        prefetchPage(window.location.pathname, user),
        new Promise((resolve) => setTimeout(resolve, CHUNK_WAIT_MS)),
      ]);
    return user;
  },
  staleTime: Infinity,
  gcTime: Infinity,
});

export function useMe() {
  return useQuery(meQuery);
}
