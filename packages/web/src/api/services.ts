// One function per endpoint of the API contract.
import { ApiError, download, http, upload, type UploadOptions } from './client';
import type {
  CalendarDayKind,
  CalendarYear,
  EvidenceView,
  ItemAction,
  ItemCreate,
  ItemDetail,
  ItemImportResult,
  ItemQuery,
  ItemSummary,
  ItemUpdate,
  NotificationPage,
  PeriodView,
  ReportCreate,
  ReportPatch,
  ReportQuery,
  ReportView,
  RequestCreate,
  Settings,
  Todo,
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
  /** County leaders, readable by everyone who works with items (the user list is for administrators). */
  leaders: (signal?: AbortSignal) =>
    http.get<{ items: { id: string; displayName: string }[] }>('/leaders', { signal }),
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

const enc = encodeURIComponent;

export const itemsApi = {
  list: (query: ItemQuery, signal?: AbortSignal) => http.get<Paged<ItemSummary>>('/items', { query, signal }),
  get: (id: string, signal?: AbortSignal) => http.get<ItemDetail>(`/items/${enc(id)}`, { signal }),
  create: (body: ItemCreate) => http.post<ItemDetail>('/items', body),
  update: (id: string, body: ItemUpdate) => http.patch<ItemDetail>(`/items/${enc(id)}`, body),
  transition: (id: string, action: ItemAction, reason?: string | null) =>
    http.post<ItemDetail>(`/items/${enc(id)}/transitions`, { action, ...(reason ? { reason } : {}) }),
  request: (id: string, body: RequestCreate) => http.post<ItemDetail>(`/items/${enc(id)}/requests`, body),
  decide: (id: string, requestId: string, approve: boolean, reason?: string | null) =>
    http.post<ItemDetail>(`/items/${enc(id)}/requests/${enc(requestId)}/decision`, {
      approve,
      ...(reason ? { reason } : {}),
    }),
  periods: (id: string, signal?: AbortSignal) =>
    http.get<{ items: PeriodView[] }>(`/items/${enc(id)}/periods`, { signal }),
  reports: (id: string, signal?: AbortSignal) =>
    http.get<{ items: ReportView[] }>(`/items/${enc(id)}/reports`, { signal }),
  createReport: (id: string, body: ReportCreate) => http.post<ReportView>(`/items/${enc(id)}/reports`, body),
  uploadEvidence: (id: string, file: File, options?: UploadOptions) =>
    upload<EvidenceView>(`/items/${enc(id)}/evidence`, file, file.name, options),
  /** The import template (.xlsx) in the UI language (supervisor). */
  downloadTemplate: () => download('/items/import-template.xlsx', 'benpao-item-import-template.xlsx'),
  /** All or nothing: 400 `import_invalid` carries every bad cell in `ApiError.body.problems`. */
  importItems: (file: File, options?: UploadOptions) =>
    upload<ItemImportResult>('/items/import', file, file.name, options),
  /** The list (.xlsx) with the list's filters (paging ignored). */
  exportList: (query: ItemQuery) => {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    return download('/items/export.xlsx', 'benpao-items.xlsx', { query: filters });
  },
};

export const reportsApi = {
  list: (query: ReportQuery, signal?: AbortSignal) =>
    http.get<Paged<ReportView>>('/reports', { query, signal }),
  get: (id: string, signal?: AbortSignal) => http.get<ReportView>(`/reports/${enc(id)}`, { signal }),
  update: (id: string, body: ReportPatch) => http.patch<ReportView>(`/reports/${enc(id)}`, body),
  submit: (id: string, rowVersion: number) =>
    http.post<ReportView>(`/reports/${enc(id)}/submit`, { rowVersion }),
  approve: (id: string, rowVersion: number) =>
    http.post<ReportView>(`/reports/${enc(id)}/approve`, { rowVersion }),
  accept: (id: string, rowVersion: number) =>
    http.post<ReportView>(`/reports/${enc(id)}/accept`, { rowVersion }),
  return: (id: string, rowVersion: number, reason: string) =>
    http.post<ReportView>(`/reports/${enc(id)}/return`, { rowVersion, reason }),
  /** A new draft version of an accepted report (a correction). */
  correct: (id: string) => http.post<ReportView>(`/reports/${enc(id)}/correct`, {}),
};

export const evidenceApi = {
  remove: (id: string) => http.delete<void>(`/evidence/${enc(id)}`),
  downloadUrl: (id: string) => `/api/evidence/${enc(id)}/download`,
};

export const todoApi = {
  get: (signal?: AbortSignal) => http.get<Todo>('/todo', { signal }),
};

export const notificationsApi = {
  list: (query: { unread?: 'true' | 'false'; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    http.get<NotificationPage>('/notifications', { query, signal }),
  unreadCount: (signal?: AbortSignal) =>
    http.get<{ count: number }>('/notifications/unread-count', { signal }),
  read: (id: string) => http.post<void>(`/notifications/${enc(id)}/read`, {}),
  readAll: () => http.post<void>('/notifications/read-all', {}),
};

export const calendarApi = {
  get: (year: number, signal?: AbortSignal) =>
    http.get<CalendarYear>('/calendar', { query: { year }, signal }),
  putDay: (date: string, body: { kind: CalendarDayKind; name?: string | null }) =>
    http.put<CalendarYear>(`/calendar/days/${enc(date)}`, body),
  deleteDay: (date: string) => http.delete<CalendarYear>(`/calendar/days/${enc(date)}`),
  declareYear: (year: number) => http.put<CalendarYear>(`/calendar/years/${year}`),
  undeclareYear: (year: number) => http.delete<CalendarYear>(`/calendar/years/${year}`),
};

export const settingsApi = {
  get: (signal?: AbortSignal) => http.get<Settings>('/settings', { signal }),
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
  items: ['items'] as const,
  itemList: (q: ItemQuery) => ['items', 'list', q] as const,
  item: (id: string) => ['items', 'detail', id] as const,
  itemPeriods: (id: string) => ['items', 'detail', id, 'periods'] as const,
  itemReports: (id: string) => ['items', 'detail', id, 'reports'] as const,
  leaders: ['leaders'] as const,
  reports: ['reports'] as const,
  reportList: (q: ReportQuery) => ['reports', 'list', q] as const,
  report: (id: string) => ['reports', 'detail', id] as const,
  todo: ['todo'] as const,
  settings: ['settings'] as const,
  notifications: ['notifications'] as const,
  notificationList: (q: object) => ['notifications', 'list', q] as const,
  unreadCount: ['notifications', 'unread'] as const,
  calendar: ['calendar'] as const,
  calendarYear: (year: number) => ['calendar', year] as const,
};

export const dashboardQuery = {
  queryKey: queryKeys.dashboard,
  queryFn: ({ signal }: { signal?: AbortSignal }) => dashboardApi.get(signal),
};
