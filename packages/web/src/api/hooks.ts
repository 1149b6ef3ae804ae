// Shared look-up queries (option lists for selects and filters).
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { categoriesApi, queryKeys, rolesApi, settingsApi, unitsApi, usersApi } from './services';

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

export interface LeaderOption {
  value: string;
  label: string;
}

/** County leaders (role `leader`) to pick as the leader in charge (牵头领导), from GET /api/leaders. */
export function useLeaderOptions(enabled = true) {
  return useQuery({
    queryKey: queryKeys.leaders,
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }): Promise<LeaderOption[]> => {
      const leaders = await usersApi.leaders(signal);
      return leaders.items.map((u) => ({ value: u.id, label: u.displayName }));
    },
  });
}

/**
 * The region's settings (any signed-in user may read them): the approval rule, reminder days, the evidence
 * size limit, and for demo regions the date the region lives in.
 */
export function useRegionSettings(enabled = true) {
  return useQuery({
    queryKey: queryKeys.settings,
    queryFn: ({ signal }) => settingsApi.get(signal),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The region's today as YYYY-MM-DD: the demo's configured day, else the browser's (county staff are in
 * Asia/Shanghai); undefined while the settings load. */
export function useRegionToday(): string | undefined {
  const settings = useRegionSettings();
  if (settings.isPending) return undefined;
  return settings.data?.demoToday ?? dayjs().format('YYYY-MM-DD');
}
