// Types of the Benpao HTTP API (packages/server). Keep in step with the server's zod schemas.

export const ROLE_CODES = [
  'sys_admin',
  'security_admin',
  'audit_admin',
  'supervisor',
  'leader',
  'unit_manager',
  'unit_reporter',
  'discipline',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export const UNIT_KINDS = ['department', 'town', 'township', 'street', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export type RoleScope = 'county' | 'unit' | 'admin';

/** The scopes the server reports on GET /api/roles; used until that answer arrives. */
export const DEFAULT_ROLES: readonly RoleInfo[] = [
  { code: 'sys_admin', scope: 'admin' },
  { code: 'security_admin', scope: 'admin' },
  { code: 'audit_admin', scope: 'admin' },
  { code: 'supervisor', scope: 'county' },
  { code: 'leader', scope: 'county' },
  { code: 'discipline', scope: 'county' },
  { code: 'unit_manager', scope: 'unit' },
  { code: 'unit_reporter', scope: 'unit' },
];

/** Body of every non-2xx answer. `message` is already localised by the Accept-Language header. */
export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  regionId: string;
  regionName: string;
  unitId: string | null;
  unitName: string | null;
  roles: string[];
}

export interface DashboardCategory {
  id: string;
  name: string;
  unitCount: number;
}

/** GET /api/dashboard. Later issues add items, lights and the running index: everything new is optional. */
export interface Dashboard {
  region: { id: string; name: string };
  units: { total: number; byKind: { kind: string; count: number }[] };
  users: { total: number; active: number };
  categories: DashboardCategory[];
  [extra: string]: unknown;
}

export interface Unit {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  categoryId: string | null;
  categoryName: string | null;
  parentId: string | null;
  active: boolean;
  sortOrder: number;
}

export interface UnitQuery extends PageQuery {
  kind?: string;
  q?: string;
  categoryId?: string;
  active?: boolean;
}

export interface UnitCreate {
  name: string;
  shortName?: string | null;
  kind: string;
  categoryId?: string | null;
  parentId?: string | null;
  sortOrder?: number;
}

export interface UnitPatch extends Partial<UnitCreate> {
  active?: boolean;
}

export interface RankingCategory {
  id: string;
  name: string;
  unitCount: number;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  unitName: string | null;
  roles: string[];
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface UserQuery extends PageQuery {
  unitId?: string;
  q?: string;
  role?: string;
}

export interface UserCreate {
  username: string;
  displayName: string;
  unitId: string;
  password: string;
}

export interface UserPatch {
  displayName?: string;
  unitId?: string;
  active?: boolean;
}

export interface RoleInfo {
  code: string;
  scope: RoleScope;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  hash: string;
}

export interface AuditQuery extends PageQuery {
  entity?: string;
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; reason: string } | null;
}
