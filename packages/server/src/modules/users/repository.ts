// Queries for user accounts and their roles, always within one region.
import type { Role } from '@benpao/domain';
import type { Queryable } from '../../db/index.ts';
import { containsPattern, likeEscaped } from '../../db/sql.ts';
import type { UserView } from './schema.ts';

export interface UserFilter {
  unitId?: string | undefined;
  q?: string | undefined;
  role?: Role | undefined;
}

function filtered(db: Queryable, regionId: string, f: UserFilter) {
  let q = db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .where('users.region_id', '=', regionId);
  if (f.unitId) q = q.where('users.unit_id', '=', f.unitId);
  if (f.q) {
    const like = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([likeEscaped(eb.ref('users.username'), like), likeEscaped(eb.ref('users.display_name'), like)]),
    );
  }
  if (f.role) {
    const role = f.role;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles')
          .select('user_roles.user_id')
          .whereRef('user_roles.user_id', '=', 'users.id')
          .where('user_roles.role', '=', role),
      ),
    );
  }
  return q;
}

const columns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.unit_id',
  'units.name as unit_name',
  'users.active',
  'users.locked_until',
  'users.last_login_at',
  'users.created_at',
] as const;

async function withRoles(
  db: Queryable,
  rows: {
    id: string;
    username: string;
    display_name: string;
    unit_id: string;
    unit_name: string;
    active: number;
    locked_until: string | null;
    last_login_at: string | null;
    created_at: string;
  }[],
): Promise<UserView[]> {
  if (rows.length === 0) return [];
  const roleRows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where(
      'user_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('role')
    .execute();
  const byUser = new Map<string, Role[]>();
  for (const r of roleRows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.role as Role]);
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    roles: byUser.get(r.id) ?? [],
    active: Boolean(r.active),
    lockedUntil: r.locked_until,
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
  }));
}

export async function listUsers(
  db: Queryable,
  regionId: string,
  f: UserFilter,
  limit: number,
  offset: number,
) {
  const [rows, count] = await Promise.all([
    filtered(db, regionId, f)
      .select(columns)
      .orderBy('units.sort_order')
      .orderBy('users.username')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, regionId, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: await withRoles(db, rows), total: Number(count.n) };
}

export async function findUser(db: Queryable, regionId: string, id: string): Promise<UserView | undefined> {
  const row = await filtered(db, regionId, {}).select(columns).where('users.id', '=', id).executeTakeFirst();
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

export const usernameTaken = async (db: Queryable, username: string) =>
  !!(await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst());

export async function findMe(db: Queryable, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .innerJoin('regions', 'regions.id', 'users.region_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.region_id',
      'regions.name as region_name',
      'users.unit_id',
      'units.name as unit_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export async function replaceRoles(
  db: Queryable,
  regionId: string,
  userId: string,
  roles: readonly Role[],
  grantedBy: string | null,
  at: string,
) {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(
        roles.map((role) => ({
          region_id: regionId,
          user_id: userId,
          role,
          granted_by: grantedBy,
          granted_at: at,
        })),
      )
      .execute();
  }
}
