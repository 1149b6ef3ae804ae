// Sessions and the user lookups that login needs.
import type { Role } from '@benpao/domain';
import type { Queryable } from '../../db/index.ts';

export const findUserByUsername = (db: Queryable, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export async function rolesOf(db: Queryable, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role as Role);
}

/**
 * A session with its user and roles in one query (a row per role; none when the user has no role): this runs
 * on every authenticated request.
 */
export async function findSession(db: Queryable, id: string) {
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select([
      'sessions.id as sessionId',
      'sessions.created_at as createdAt',
      'sessions.last_seen_at as lastSeenAt',
      'users.id as userId',
      'users.region_id as regionId',
      'users.unit_id as unitId',
      'users.username',
      'users.display_name as displayName',
      'users.active',
      'user_roles.role',
    ])
    .where('sessions.id', '=', id)
    .orderBy('user_roles.role')
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const { role: _role, ...session } = first;
  return { ...session, roles: rows.flatMap((r) => (r.role ? [r.role as Role] : [])) };
}

export const touchSession = (db: Queryable, id: string, at: string) =>
  db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();

export const deleteSession = (db: Queryable, id: string) =>
  db.deleteFrom('sessions').where('id', '=', id).execute();

export const deleteUserSessions = (db: Queryable, userId: string) =>
  db.deleteFrom('sessions').where('user_id', '=', userId).execute();

export const deleteOtherSessions = (db: Queryable, userId: string, keepId: string) =>
  db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepId).execute();
