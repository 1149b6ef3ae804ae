// Queries for notifications. Inserts ignore a (user, dedupe key) that exists already, on both dialects.
import type { Role } from '@benpao/domain';
import type { Queryable } from '../../db/index.ts';
import type { NotificationTable } from '../../db/schema.ts';

/** Rows per INSERT statement (both dialects bound the number of parameters of one statement). */
const CHUNK = 200;

/** Inserts what is new; returns how many rows were created. */
export async function insertNotifications(db: Queryable, rows: NotificationTable[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted = await db
      .insertInto('notifications')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .returning('id')
      .execute();
    created += inserted.length;
  }
  return created;
}

/** Active accounts of the region among `userIds`. */
export async function activeUsers(db: Queryable, regionId: string, userIds: readonly string[]) {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('region_id', '=', regionId)
    .where('active', '=', 1)
    .where('id', 'in', wanted)
    .execute();
  return rows.map((r) => r.id);
}

/** Active accounts of a unit holding one of `roles`. */
export async function unitUsersWithRoles(
  db: Queryable,
  regionId: string,
  unitId: string,
  roles: readonly Role[],
): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .distinct()
    .where('users.region_id', '=', regionId)
    .where('users.unit_id', '=', unitId)
    .where('users.active', '=', 1)
    .where('user_roles.role', 'in', [...roles])
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}

function own(db: Queryable, regionId: string, userId: string, unread?: boolean) {
  let q = db.selectFrom('notifications').where('region_id', '=', regionId).where('user_id', '=', userId);
  if (unread === true) q = q.where('read_at', 'is', null);
  if (unread === false) q = q.where('read_at', 'is not', null);
  return q;
}

export async function listOwn(
  db: Queryable,
  regionId: string,
  userId: string,
  unread: boolean | undefined,
  limit: number,
  offset: number,
) {
  const [rows, total] = await Promise.all([
    own(db, regionId, userId, unread)
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    countOwn(db, regionId, userId, unread),
  ]);
  return { rows, total };
}

export async function countOwn(db: Queryable, regionId: string, userId: string, unread?: boolean) {
  const r = await own(db, regionId, userId, unread)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const findOwn = (db: Queryable, regionId: string, userId: string, id: string) =>
  own(db, regionId, userId).selectAll().where('id', '=', id).executeTakeFirst();

export async function markRead(db: Queryable, regionId: string, userId: string, at: string, id?: string) {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('region_id', '=', regionId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== undefined) q = q.where('id', '=', id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
