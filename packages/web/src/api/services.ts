// One function per endpoint of the API contract.
import { ApiError, http } from './client';
import type {
  AuditEntry,
  AuditQuery,
  AuditVerify,
  Dashboard,
  Me,
  Paged,
  RankingCategory,
  RoleInfo,
  Unit,
  UnitCreate,
  UnitPatch,
  UnitQuery,
  User,
  UserCreate,
  UserPatch,
  UserQuery,
} from './types';

export const authApi = {
  login: (username: string, password: string) =>
    http.post<{ user: Me }>('/auth/login', { username, password }, { allowUnauthorized: true }),
  logout: () => http.post<void>('/auth/logout', undefined, { allowUnauthorized: true }),
  /** The current session's user, or null when there is none. */
  me: async (signal?: AbortSignal): Promise<Me | null> => {
    try {
      const { user } = await http.get<{ user: Me }>('/auth/me', { signal, allowUnauthorized: true });
      return user;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<void>('/auth/password', { currentPassword, newPassword }),
};

export const dashboardApi = {
  get: (signal?: AbortSignal) => http.get<Dashboard>('/dashboard', { signal }),
};

export const unitsApi = {
  list: (query: UnitQuery, signal?: AbortSignal) => http.get<Paged<Unit>>('/units', { query, signal }),
  /** Every unit of the region (a county has dozens; pages of 100 until done). */
  all: async (signal?: AbortSignal): Promise<Unit[]> => {
    const pageSize = 100;
    const items: Unit[] = [];
    for (let page = 1; page <= 50; page++) {
      const result = await unitsApi.list({ page, pageSize }, signal);
      items.push(...result.items);
      if (result.items.length < pageSize || items.length >= result.total) break;
    }
    return items;
  },
  create: (body: UnitCreate) => http.post<Unit>('/units', body),
  update: (id: string, body: UnitPatch) => http.patch<Unit>(`/units/${encodeURIComponent(id)}`, body),
};

export const categoriesApi = {
  list: (signal?: AbortSignal) => http.get<{ items: RankingCategory[] }>('/ranking-categories', { signal }),
};

export const usersApi = {
  list: (query: UserQuery, signal?: AbortSignal) => http.get<Paged<User>>('/users', { query, signal }),
  create: (body: UserCreate) => http.post<User>('/users', body),
  update: (id: string, body: UserPatch) => http.patch<User>(`/users/${encodeURIComponent(id)}`, body),
  unlock: (id: string) => http.post<User>(`/users/${encodeURIComponent(id)}/unlock`),
  resetPassword: (id: string, password: string) =>
    http.post<void>(`/users/${encodeURIComponent(id)}/password`, { password }),
  setRoles: (id: string, roles: string[]) =>
    http.put<User>(`/users/${encodeURIComponent(id)}/roles`, { roles }),
};

export const rolesApi = {
  list: (signal?: AbortSignal) => http.get<{ items: RoleInfo[] }>('/roles', { signal }),
};

export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) => http.get<Paged<AuditEntry>>('/audit', { query, signal }),
  verify: () => http.get<AuditVerify>('/audit/verify'),
};

/** react-query keys, one place so that mutations invalidate the right lists. */
export const queryKeys = {
  me: ['me'] as const,
  dashboard: ['dashboard'] as const,
  units: ['units'] as const,
  unitList: (q: UnitQuery) => ['units', 'list', q] as const,
  unitAll: ['units', 'all'] as const,
  categories: ['ranking-categories'] as const,
  users: ['users'] as const,
  userList: (q: UserQuery) => ['users', 'list', q] as const,
  roles: ['roles'] as const,
  audit: ['audit'] as const,
  auditList: (q: AuditQuery) => ['audit', 'list', q] as const,
};

export const dashboardQuery = {
  queryKey: queryKeys.dashboard,
  queryFn: ({ signal }: { signal?: AbortSignal }) => dashboardApi.get(signal),
};
