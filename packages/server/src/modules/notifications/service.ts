// Notifications: `notify` is called by other services inside their own transactions (one row per recipient,
// deduplicated by (recipient, dedupe key), so that a retried write or a re-run reminder job adds nothing);
// each account reads and marks only its own.
import { assertAuthorized, notFound, type Role } from '@benpao/domain';
import type { z } from 'zod';
import type { Db, Queryable } from '../../db/index.ts';
import type { NotificationTable } from '../../db/schema.ts';
import type { RequestContext } from '../../context.ts';
import { newId } from '../../ids.ts';
import { offsetOf } from '../../http.ts';
import { recordAudit } from '../audit/service.ts';
import { actorOf } from '../units/service.ts';
import * as repo from './repository.ts';
import type { NotificationKind, notificationListQuery, NotificationView } from './schema.ts';

export type NotificationParams = Record<string, string | number | boolean | null>;

export interface NotifyInput {
  regionId: string;
  kind: NotificationKind;
  params: NotificationParams;
  itemId?: string | null;
  reportId?: string | null;
  /** Unique per recipient: `report_due:<itemId>:<periodKey>`, `item_assigned:<itemId>`, … */
  dedupeKey: string;
  /** Recipients by account… */
  userIds?: readonly string[];
  /** …and/or the active accounts of a unit holding one of `roles` (default: its managers and reporters). */
  unitId?: string;
  roles?: readonly Role[];
}

export const UNIT_ROLES: readonly Role[] = ['unit_manager', 'unit_reporter'];

/** The accounts a notification goes to: active, in the region, never the person whose action caused it. */
export async function recipientsOf(
  db: Queryable,
  ctx: RequestContext,
  input: Pick<NotifyInput, 'regionId' | 'userIds' | 'unitId' | 'roles'>,
): Promise<string[]> {
  const ids = new Set(await repo.activeUsers(db, input.regionId, input.userIds ?? []));
  if (input.unitId) {
    for (const id of await repo.unitUsersWithRoles(
      db,
      input.regionId,
      input.unitId,
      input.roles ?? UNIT_ROLES,
    ))
      ids.add(id);
  }
  if (ctx.actor) ids.delete(ctx.actor.id);
  return [...ids].sort();
}

/** A notification row for one recipient (for callers that resolve recipients themselves, like the reminder job). */
export function notificationRow(
  ctx: RequestContext,
  userId: string,
  input: Omit<NotifyInput, 'userIds' | 'unitId' | 'roles'>,
): NotificationTable {
  return {
    id: newId(),
    region_id: input.regionId,
    user_id: userId,
    kind: input.kind,
    params: JSON.stringify(input.params),
    item_id: input.itemId ?? null,
    report_id: input.reportId ?? null,
    dedupe_key: input.dedupeKey,
    created_at: ctx.now.toISOString(),
    read_at: null,
  };
}

/** Inserts the rows that are new; returns how many were created. */
export const deliver = (trx: Queryable, rows: NotificationTable[]) => repo.insertNotifications(trx, rows);

/**
 * Notifies the recipients, inside the caller's transaction. Returns how many notifications were created (a
 * recipient who already has one with the same dedupe key gets nothing new).
 */
export async function notify(trx: Queryable, ctx: RequestContext, input: NotifyInput): Promise<number> {
  const recipients = await recipientsOf(trx, ctx, input);
  return deliver(
    trx,
    recipients.map((userId) => notificationRow(ctx, userId, input)),
  );
}

const viewOf = (r: NotificationTable): NotificationView => ({
  id: r.id,
  kind: r.kind as NotificationKind,
  params: JSON.parse(r.params) as Record<string, unknown>,
  itemId: r.item_id,
  reportId: r.report_id,
  createdAt: r.created_at,
  readAt: r.read_at,
});

export async function listNotifications(
  db: Db,
  ctx: RequestContext,
  q: z.infer<typeof notificationListQuery>,
) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'notification.read', { regionId: actor.regionId });
  const unreadFilter = q.unread === undefined ? undefined : q.unread === 'true';
  const [{ rows, total }, unread] = await Promise.all([
    repo.listOwn(db, actor.regionId, actor.id, unreadFilter, q.pageSize, offsetOf(q)),
    repo.countOwn(db, actor.regionId, actor.id, true),
  ]);
  return { items: rows.map(viewOf), total, unread };
}

export async function unreadCount(db: Db, ctx: RequestContext) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'notification.read', { regionId: actor.regionId });
  return { count: await repo.countOwn(db, actor.regionId, actor.id, true) };
}

/** Marks one of the caller's notifications read (again: no change). Someone else's is a 404. */
export async function markRead(db: Db, ctx: RequestContext, id: string): Promise<NotificationView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'notification.read', { regionId: actor.regionId });
  return db.transaction().execute(async (trx) => {
    const row = await repo.findOwn(trx, actor.regionId, actor.id, id);
    if (!row) throw notFound('notification', 'id');
    if (row.read_at !== null) return viewOf(row);
    const at = ctx.now.toISOString();
    await repo.markRead(trx, actor.regionId, actor.id, at, id);
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'notification.read',
      entity: 'notification',
      entityId: id,
      after: { readAt: at },
    });
    return viewOf({ ...row, read_at: at });
  });
}

/** Marks all of the caller's unread notifications read: one audit entry for the lot. */
export async function markAllRead(db: Db, ctx: RequestContext) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'notification.read', { regionId: actor.regionId });
  return db.transaction().execute(async (trx) => {
    const updated = await repo.markRead(trx, actor.regionId, actor.id, ctx.now.toISOString());
    if (updated > 0) {
      await recordAudit(trx, ctx, {
        regionId: actor.regionId,
        action: 'notification.read_all',
        entity: 'notification',
        entityId: null,
        after: { count: updated },
      });
    }
    return { updated };
  });
}
