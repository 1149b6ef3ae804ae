// Row types of every table, as Kysely sees them. Booleans are stored as 0/1 integers and instants as
// UTC ISO strings so that both dialects return the same values.
import type { Generated } from 'kysely';

export interface RegionTable {
  id: string;
  region_id: string;
  name: string;
  code: string;
  is_demo: number;
  created_at: string;
}

export interface RankingCategoryTable {
  id: string;
  region_id: string;
  name: string;
  sort_order: number;
  created_at: string;
}

export interface UnitTable {
  id: string;
  region_id: string;
  name: string;
  short_name: string | null;
  kind: string;
  category_id: string | null;
  parent_id: string | null;
  active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  region_id: string;
  unit_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  region_id: string;
  user_id: string;
  role: string;
  granted_by: string | null;
  granted_at: string;
}

export interface SessionTable {
  id: string;
  region_id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditHeadTable {
  region_id: string;
  seq: number;
  hash: string;
}

export interface AuditLogTable {
  region_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface DB {
  regions: RegionTable;
  ranking_categories: RankingCategoryTable;
  units: UnitTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_heads: AuditHeadTable;
  audit_log: AuditLogTable;
}

export type { Generated };
