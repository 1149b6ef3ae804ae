// Shared look-up queries (option lists for selects and filters).
import { useQuery } from '@tanstack/react-query';
import { categoriesApi, queryKeys, rolesApi, unitsApi } from './services';

export function useAllUnits(enabled = true) {
  return useQuery({
    queryKey: queryKeys.unitAll,
    queryFn: ({ signal }) => unitsApi.all(signal),
    enabled,
    staleTime: 60_000,
  });
}

export function useCategories(enabled = true) {
  return useQuery({
    queryKey: queryKeys.categories,
    queryFn: async ({ signal }) => (await categoriesApi.list(signal)).items,
    enabled,
    staleTime: 60_000,
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: queryKeys.roles,
    queryFn: async ({ signal }) => (await rolesApi.list(signal)).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}
