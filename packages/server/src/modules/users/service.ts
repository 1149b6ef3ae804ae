// User accounts (system admin), role grants (security admin) and the caller's own profile.
import {
  assertAuthorized,
  authorize,
  checkRoleSet,
  conflict,
  DomainError,
  forbidden,
  notFound,
  validationError,
  type Role,
} from '@benpao/domain';
import type { z } from 'zod';
import type { Db, Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context.ts';
import { conflictOnUnique } from '../../db/sql.ts';
import { newId } from '../../ids.ts';
import { offsetOf } from '../../http.ts';
import { recordAudit } from '../audit/service.ts';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.ts';
import { deleteUserSessions, rolesOf } from '../auth/repository.ts';
import { sessionCache } from '../auth/session-cache.ts';
import { findUnit } from '../units/repository.ts';
import { actorOf } from '../units/service.ts';
import * as repo from './repository.ts';
import type { passwordReset, roleGrant, userCreate, userListQuery, userUpdate, UserView } from './schema.ts';

/** The profile a logged-in user sees of themselves. */
export async function profile(db: Queryable, userId: string) {
  const row = await repo.findMe(db, userId);
  if (!row) throw notFound('user');
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    regionId: row.region_id,
    regionName: row.region_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    roles: await rolesOf(db, userId),
  };
}

export const me = (db: Queryable, ctx: RequestContext) => profile(db, actorOf(ctx).id);

export async function listUsers(db: Db, ctx: RequestContext, q: z.infer<typeof userListQuery>) {
  const actor = actorOf(ctx);
  const regionWide = authorize(actor, 'user.list', { regionId: actor.regionId });
  const unitWide = authorize(actor, 'user.list', { regionId: actor.regionId, unitId: null });
  if (!regionWide) throw forbidden();
  // A unit manager sees the accounts of their own unit only.
  let unitId = q.unitId;
  if (!unitWide) {
    if (unitId && unitId !== actor.unitId) throw forbidden();
    unitId = actor.unitId;
  }
  return repo.listUsers(db, actor.regionId, { unitId, q: q.q, role: q.role }, q.pageSize, offsetOf(q));
}

async function loadUser(
  db: Queryable,
  ctx: RequestContext,
  id: string,
  action: Parameters<typeof assertAuthorized>[1],
) {
  const actor = actorOf(ctx);
  const user = await repo.findUser(db, actor.regionId, id);
  if (!user) throw notFound('user', 'id');
  assertAuthorized(actor, action, { regionId: actor.regionId, unitId: user.unitId, userId: user.id });
  return user;
}

export const getUser = (db: Db, ctx: RequestContext, id: string) => loadUser(db, ctx, id, 'user.read');

async function assertActiveUnit(db: Queryable, regionId: string, unitId: string) {
  const unit = await findUnit(db, regionId, unitId);
  if (!unit) throw validationError('not_found', 'unitId', { entity: 'unit' });
  if (!unit.active) throw validationError('unit_inactive', 'unitId');
}

export async function createUser(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof userCreate>,
): Promise<UserView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'user.create', { regionId: actor.regionId });
  assertPasswordPolicy(input.password, input.username, 'password');
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    await assertActiveUnit(trx, actor.regionId, input.unitId);
    if (await repo.usernameTaken(trx, input.username))
      throw conflict('conflict_unique', { value: input.username }, 'username');
    const now = ctx.now.toISOString();
    const id = newId();
    await trx
      .insertInto('users')
      .values({
        id,
        region_id: actor.regionId,
        unit_id: input.unitId,
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        active: 1,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute()
      .catch(conflictOnUnique('username', input.username));
    const created = (await repo.findUser(trx, actor.regionId, id))!;
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      after: created,
    });
    return created;
  });
}

export async function updateUser(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof userUpdate>,
): Promise<UserView> {
  const actor = actorOf(ctx);
  const updated = await db.transaction().execute(async (trx) => {
    const before = await loadUser(trx, ctx, id, 'user.update');
    if (input.active === false && id === actor.id) throw validationError('cannot_deactivate_self', 'active');
    if (input.unitId) await assertActiveUnit(trx, actor.regionId, input.unitId);
    await trx
      .updateTable('users')
      .set({
        ...(input.displayName !== undefined && { display_name: input.displayName }),
        ...(input.unitId !== undefined && { unit_id: input.unitId }),
        ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    // A deactivated account, or one moved to another unit, loses its open sessions.
    if (input.active === false || (input.unitId && input.unitId !== before.unitId))
      await deleteUserSessions(trx, id);
    const after = (await repo.findUser(trx, actor.regionId, id))!;
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'user.update',
      entity: 'user',
      entityId: id,
      before,
      after,
    });
    return after;
  });
  // Sessions carry the name, unit and active flag: read them again.
  sessionCache.forgetUser(id);
  return updated;
}

export async function unlockUser(db: Db, ctx: RequestContext, id: string): Promise<UserView> {
  const actor = actorOf(ctx);
  const unlocked = await db.transaction().execute(async (trx) => {
    const before = await loadUser(trx, ctx, id, 'user.unlock');
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    const after = (await repo.findUser(trx, actor.regionId, id))!;
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'user.unlock',
      entity: 'user',
      entityId: id,
      before,
      after,
    });
    return after;
  });
  sessionCache.forgetUser(id);
  return unlocked;
}

export async function resetPassword(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof passwordReset>,
): Promise<void> {
  const actor = actorOf(ctx);
  const target = await loadUser(db, ctx, id, 'user.reset_password');
  assertPasswordPolicy(input.password, target.username, 'password');
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        password_changed_at: ctx.now.toISOString(),
        failed_logins: 0,
        locked_until: null,
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await deleteUserSessions(trx, id);
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'user.password_reset',
      entity: 'user',
      entityId: id,
    });
  });
  sessionCache.forgetUser(id);
}

export async function grantRoles(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof roleGrant>,
): Promise<UserView> {
  const actor = actorOf(ctx);
  const roles = [...new Set(input.roles)].sort() as Role[];
  const problem = checkRoleSet(roles);
  if (problem) throw validationError(problem, 'roles');
  const granted = await db.transaction().execute(async (trx) => {
    const before = await repo.findUser(trx, actor.regionId, id);
    if (!before) throw notFound('user', 'id');
    if (id === actor.id) throw new DomainError('forbidden', 'cannot_grant_self');
    assertAuthorized(actor, 'role.grant', { regionId: actor.regionId, userId: id });
    await repo.replaceRoles(trx, actor.regionId, id, roles, actor.id, ctx.now.toISOString());
    const after = (await repo.findUser(trx, actor.regionId, id))!;
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'role.grant',
      entity: 'user',
      entityId: id,
      before: { roles: before.roles },
      after: { roles: after.roles },
    });
    return after;
  });
  // A role taken away stops working with the next request.
  sessionCache.forgetUser(id);
  return granted;
}

/** The region's active county leaders: what anyone who registers or reads items may pick from or see. */
export async function listLeaders(db: Db, ctx: RequestContext) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'item.list', { regionId: actor.regionId });
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .where('users.region_id', '=', actor.regionId)
    .where('users.active', '=', 1)
    .where('user_roles.role', '=', 'leader')
    .orderBy('users.display_name')
    .execute();
  return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name })) };
}
