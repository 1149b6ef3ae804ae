// Login, logout, session resolution and password change. Lockout and timeouts follow MLPS level 3.
import { randomBytes } from 'node:crypto';
import { DomainError, unauthenticated, validationError } from '@benpao/domain';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { DB } from '../../db/schema.ts';
import type { RequestContext, SessionUser } from '../../context.ts';
import { recordAudit, sha256 } from '../audit/service.ts';
import { assertPasswordPolicy, burnVerification, hashPassword, verifyPassword } from './passwords.ts';
import {
  deleteOtherSessions,
  deleteSession,
  findSession,
  findUserByUsername,
  touchSession,
} from './repository.ts';
import { sessionCache, type CachedSession } from './session-cache.ts';

export interface AuthSettings {
  idleMinutes: number;
  maxHours: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
}

const MINUTE = 60_000;
/** last_seen_at is written at most this often, so that reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;

export async function login(
  db: Db,
  ctx: RequestContext,
  settings: AuthSettings,
  input: { username: string; password: string; userAgent?: string | undefined },
): Promise<{ token: string; userId: string }> {
  const user = await findUserByUsername(db, input.username);
  if (!user || !user.active) {
    await burnVerification(input.password);
    throw unauthenticated('invalid_credentials');
  }
  const nowIso = ctx.now.toISOString();
  if (user.locked_until && user.locked_until > nowIso) {
    throw new DomainError('locked', 'account_locked', { until: user.locked_until });
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  const actor = { id: user.id, name: user.display_name };
  if (!ok) {
    const lockedUntil = await db.transaction().execute(async (trx) => {
      // Counted in the database, not from the row read before the (slow) verification: wrong guesses sent at
      // the same moment must add up instead of each writing 1. A lock that has run out starts the count again.
      const expired = (eb: ExpressionBuilder<DB, 'users'>) =>
        eb.and([eb('locked_until', 'is not', null), eb('locked_until', '<=', nowIso)]);
      await trx
        .updateTable('users')
        .set((eb) => ({
          failed_logins: eb
            .case()
            .when(expired(eb))
            .then(1)
            .else(eb('failed_logins', '+', 1))
            .end(),
          locked_until: eb.case().when(expired(eb)).then(null).else(eb.ref('locked_until')).end(),
        }))
        .where('id', '=', user.id)
        .execute();
      const row = await trx
        .selectFrom('users')
        .select(['failed_logins', 'locked_until'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      const failed = row.failed_logins;
      let lockedUntil = row.locked_until && row.locked_until > nowIso ? row.locked_until : null;
      const lock = lockedUntil === null && failed >= settings.lockoutAttempts;
      if (lock) {
        lockedUntil = new Date(ctx.now.getTime() + settings.lockoutMinutes * MINUTE).toISOString();
        await trx
          .updateTable('users')
          .set({ failed_logins: 0, locked_until: lockedUntil })
          .where('id', '=', user.id)
          .execute();
      }
      await recordAudit(trx, ctx, {
        actor,
        regionId: user.region_id,
        action: lock ? 'auth.locked' : 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        after: { username: user.username, failedLogins: failed, lockedUntil },
      });
      return lockedUntil;
    });
    if (lockedUntil) throw new DomainError('locked', 'account_locked', { until: lockedUntil });
    throw unauthenticated('invalid_credentials');
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: nowIso })
      .where('id', '=', user.id)
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        id: sha256(token),
        region_id: user.region_id,
        user_id: user.id,
        created_at: nowIso,
        last_seen_at: nowIso,
        ip: ctx.ip,
        user_agent: input.userAgent?.slice(0, 255) ?? null,
      })
      .execute();
    await recordAudit(trx, ctx, {
      actor,
      regionId: user.region_id,
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      after: { username: user.username },
    });
  });
  return { token, userId: user.id };
}

const timedOut = (s: Pick<CachedSession, 'createdAt' | 'lastSeenAt'>, t: number, settings: AuthSettings) =>
  t - s.lastSeenAt > settings.idleMinutes * MINUTE || t - s.createdAt > settings.maxHours * 60 * MINUTE;

/**
 * Resolves a session cookie to its user, enforcing idle and absolute timeouts. A session read in the last few
 * seconds comes from the per-process cache (see session-cache.ts); the timeouts are checked on every request.
 */
export async function resolveSession(
  db: Db,
  settings: AuthSettings,
  token: string,
  now: Date,
): Promise<SessionUser | 'expired' | null> {
  const id = sha256(token);
  const t = now.getTime();
  const cached = sessionCache.get(id);
  // One that looks expired is read again: another process may have seen it since.
  if (cached && !timedOut(cached, t, settings)) {
    if (t - cached.lastSeenAt > TOUCH_INTERVAL_MS) {
      await touchSession(db, id, now.toISOString());
      sessionCache.touched(id, t);
    }
    return { ...cached.user };
  }
  const generation = sessionCache.begin();
  const s = await findSession(db, id);
  if (!s || !s.active) {
    if (cached) sessionCache.forget(id);
    return null;
  }
  const times = { createdAt: Date.parse(s.createdAt), lastSeenAt: Date.parse(s.lastSeenAt) };
  if (timedOut(times, t, settings)) {
    await deleteSession(db, id);
    sessionCache.forget(id);
    return 'expired';
  }
  if (t - times.lastSeenAt > TOUCH_INTERVAL_MS) {
    await touchSession(db, id, now.toISOString());
    times.lastSeenAt = t;
  }
  const user: SessionUser = {
    id: s.userId,
    regionId: s.regionId,
    unitId: s.unitId,
    username: s.username,
    displayName: s.displayName,
    roles: Object.freeze(s.roles),
    sessionId: id,
  };
  sessionCache.set(id, { user, ...times }, generation);
  return { ...user };
}

export async function logout(db: Db, ctx: RequestContext): Promise<void> {
  const actor = ctx.actor;
  if (!actor) return;
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, actor.sessionId);
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'auth.logout',
      entity: 'user',
      entityId: actor.id,
    });
  });
  sessionCache.forget(actor.sessionId);
}

export async function changeOwnPassword(
  db: Db,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const user = await findUserByUsername(db, actor.username);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw validationError('wrong_current_password', 'currentPassword');
  }
  assertPasswordPolicy(input.newPassword, user.username, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        password_changed_at: ctx.now.toISOString(),
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', user.id)
      .execute();
    // Other sessions of this user end; this one stays, with its age: the 12-hour limit still counts from login.
    await deleteOtherSessions(trx, user.id, actor.sessionId);
    await recordAudit(trx, ctx, {
      regionId: user.region_id,
      action: 'user.password_changed',
      entity: 'user',
      entityId: user.id,
    });
  });
  sessionCache.forgetUser(user.id, actor.sessionId);
}
