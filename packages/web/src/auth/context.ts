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

/** The session probe: the user, or null when nobody is signed in. */
export const meQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async ({ signal }) => {
    const user = await authApi.me(signal);
    // the first data of the page being opened need not wait for the layout to render
    if (user) prefetchPage(window.location.pathname, user);
    return user;
  },
  staleTime: Infinity,
  gcTime: Infinity,
});

export function useMe() {
  return useQuery(meQuery);
}
