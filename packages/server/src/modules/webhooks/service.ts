// Outbound webhooks: the system administrator keeps the region's group robots (audited, the secret never shown
// nor logged); other services call `enqueueWebhookEvent` inside their own transactions, so that a message goes
// out if and only if their write commits; the worker in delivery.ts sends and retries.
import { assertAuthorized, conflict, notFound, validationError } from '@benpao/domain';
import type { Db, Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context.ts';
import { conflictOnUnique } from '../../db/sql.ts';
import { offsetOf } from '../../http.ts';
import { translate, type Locale } from '../../i18n/messages.ts';
import { newId } from '../../ids.ts';
import { recordAudit } from '../audit/service.ts';
import { actorOf } from '../units/service.ts';
import { attemptDelivery, deliveryRow, renderPayload, type WebhookEvent } from './delivery.ts';
import * as repo from './repository.ts';
import {
  TEST_EVENT_TYPE,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
  type DeliveryListQuery,
  type DeliveryView,
  type WebhookCreate,
  type WebhookUpdate,
  type WebhookView,
} from './schema.ts';

export type { WebhookEvent } from './delivery.ts';

const eventsOf = (row: repo.WebhookRow): string[] => {
  try {
    const parsed: unknown = JSON.parse(row.events);
    return Array.isArray(parsed) ? parsed.filter((e): e is string => typeof e === 'string') : [];
  } catch {
    return [];
  }
};

const viewOf = (row: repo.WebhookRow): WebhookView => ({
  id: row.id,
  name: row.name,
  format: row.format,
  url: row.url,
  hasSecret: row.secret !== null,
  events: eventsOf(row),
  active: row.active === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const deliveryViewOf = (row: repo.DeliveryRow): DeliveryView => ({
  id: row.id,
  webhookId: row.webhook_id,
  eventType: row.event_type,
  payload: JSON.parse(row.payload_json) as unknown,
  status: row.status,
  attempts: Number(row.attempts),
  nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
  lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
  lastError: row.last_error,
  createdAt: row.created_at,
  deliveredAt: row.delivered_at,
});

/** A robot's URL carries its token (access_token, key) in the query: the audit log keeps only the names. */
export function maskUrl(raw: string): string {
  try {
    const u = new URL(raw);
    for (const key of new Set(u.searchParams.keys())) u.searchParams.set(key, '***');
    return u.toString();
  } catch {
    return '***';
  }
}

/** What the audit log keeps of a webhook: no secret, no token. */
const auditOf = (v: WebhookView) => ({ ...v, url: maskUrl(v.url) });

/** Without repeats, in the order of WEBHOOK_EVENT_TYPES. */
const uniqueEvents = (events: readonly WebhookEventType[]) =>
  WEBHOOK_EVENT_TYPES.filter((e) => events.includes(e));

async function mustFind(db: Queryable, regionId: string, id: string) {
  const row = await repo.findWebhook(db, regionId, id);
  if (!row) throw notFound('webhook', 'id');
  return row;
}

export async function listWebhooks(db: Db, ctx: RequestContext) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'webhook.manage', { regionId: actor.regionId });
  const rows = await repo.listWebhooks(db, actor.regionId);
  return { items: rows.map(viewOf), total: rows.length };
}

export async function getWebhook(db: Db, ctx: RequestContext, id: string): Promise<WebhookView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'webhook.manage', { regionId: actor.regionId });
  return viewOf(await mustFind(db, actor.regionId, id));
}

export async function createWebhook(db: Db, ctx: RequestContext, input: WebhookCreate): Promise<WebhookView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'webhook.manage', { regionId: actor.regionId });
  if (input.format === 'wecom' && input.secret) throw validationError('secret_not_for_format', 'secret');
  return db.transaction().execute(async (trx) => {
    if (await repo.findWebhookByName(trx, actor.regionId, input.name))
      throw conflict('conflict_unique', { value: input.name }, 'name');
    const now = ctx.now.toISOString();
    const id = newId();
    await repo
      .insertWebhook(trx, {
        id,
        region_id: actor.regionId,
        name: input.name,
        format: input.format,
        url: input.url,
        secret: input.secret ?? null,
        events: JSON.stringify(uniqueEvents(input.events)),
        active: input.active === false ? 0 : 1,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .catch(conflictOnUnique('name', input.name));
    const created = viewOf((await repo.findWebhook(trx, actor.regionId, id))!);
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'webhook.create',
      entity: 'webhook',
      entityId: id,
      after: auditOf(created),
    });
    return created;
  });
}

export async function updateWebhook(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: WebhookUpdate,
): Promise<WebhookView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'webhook.manage', { regionId: actor.regionId });
  return db.transaction().execute(async (trx) => {
    const row = await mustFind(trx, actor.regionId, id);
    if (input.format !== undefined && input.format !== row.format)
      throw validationError('webhook_format_fixed', 'format');
    if (row.format === 'wecom' && input.secret) throw validationError('secret_not_for_format', 'secret');
    if (
      input.name !== undefined &&
      input.name !== row.name &&
      (await repo.findWebhookByName(trx, actor.regionId, input.name))
    )
      throw conflict('conflict_unique', { value: input.name }, 'name');
    const secretChanged = input.secret !== undefined && input.secret !== row.secret;
    const events = input.events === undefined ? undefined : JSON.stringify(uniqueEvents(input.events));
    const active = input.active === undefined ? undefined : input.active ? 1 : 0;
    const changes = {
      ...(input.name !== undefined && input.name !== row.name && { name: input.name }),
      ...(input.url !== undefined && input.url !== row.url && { url: input.url }),
      ...(secretChanged && { secret: input.secret ?? null }),
      ...(events !== undefined && events !== row.events && { events }),
      ...(active !== undefined && active !== row.active && { active }),
    };
    // Nothing to change: nothing written, nothing audited.
    if (Object.keys(changes).length === 0) return viewOf(row);
    const before = auditOf(viewOf(row));
    await repo
      .updateWebhook(trx, actor.regionId, id, { ...changes, updated_at: ctx.now.toISOString() })
      .catch(conflictOnUnique('name', input.name ?? row.name));
    // A switched-off webhook sends nothing more, not even what was waiting for a retry.
    const abandoned =
      input.active === false && row.active === 1
        ? await repo.failPending(trx, actor.regionId, id, 'webhook inactive')
        : 0;
    const updated = viewOf((await repo.findWebhook(trx, actor.regionId, id))!);
    const after = auditOf(updated);
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
      (k) => k !== 'updatedAt' && JSON.stringify(after[k]) !== JSON.stringify(before[k]),
    );
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'webhook.update',
      entity: 'webhook',
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: {
        ...Object.fromEntries(changed.map((k) => [k, after[k]])),
        ...(secretChanged && { secretChanged: true }),
        ...(abandoned > 0 && { pendingAbandoned: abandoned }),
      },
    });
    return updated;
  });
}

/** Deletes the webhook and its delivery log (the audit entry says how many deliveries went with it). */
export async function deleteWebhook(db: Db, ctx: RequestContext, id: string): Promise<void> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'webhook.manage', { regionId: actor.regionId });
  await db.transaction().execute(async (trx) => {
    const row = await mustFind(trx, actor.regionId, id);
    const deliveries = await repo.deleteWebhook(trx, actor.regionId, id);
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'webhook.delete',
      entity: 'webhook',
      entityId: id,
      before: { ...auditOf(viewOf(row)), deliveries },
    });
  });
}

export async function listDeliveries(db: Db, ctx: RequestContext, id: string, q: DeliveryListQuery) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'webhook.manage', { regionId: actor.regionId });
  await mustFind(db, actor.regionId, id);
  const { rows, total } = await repo.listDeliveries(
    db,
    actor.regionId,
    id,
    q.status,
    q.pageSize,
    offsetOf(q),
  );
  return { items: rows.map(deliveryViewOf), total };
}

/**
 * Sends a test message now, in the caller's language, and answers with its delivery: delivered, or pending with
 * the error (and retried like any other while the webhook is active). Works on an inactive webhook too, so that
 * a robot can be tried before it is switched on.
 */
export async function sendTest(
  db: Db,
  ctx: RequestContext,
  id: string,
  locale: Locale,
): Promise<DeliveryView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'webhook.manage', { regionId: actor.regionId });
  const at = ctx.now.toISOString();
  const row = await db.transaction().execute(async (trx) => {
    const webhook = await mustFind(trx, actor.regionId, id);
    const event: WebhookEvent = {
      type: TEST_EVENT_TYPE,
      title: translate('webhook.test_title', locale),
      text: translate('webhook.test_text', locale, { name: webhook.name }),
      at,
    };
    const delivery = deliveryRow(webhook, TEST_EVENT_TYPE, renderPayload(webhook.format, event), at);
    await repo.insertDeliveries(trx, [delivery]);
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'webhook.test',
      entity: 'webhook',
      entityId: id,
      after: { deliveryId: delivery.id },
    });
    return delivery;
  });
  await attemptDelivery(
    db,
    {
      id: row.id,
      region_id: row.region_id,
      webhook_id: row.webhook_id,
      attempts: 0,
      payload_json: row.payload_json,
    },
    ctx.now,
    { evenIfInactive: true },
  );
  const sent = await repo.findDelivery(db, row.id);
  if (!sent) throw notFound('webhook', 'id'); // deleted, log and all, while the test was being sent
  return deliveryViewOf(sent);
}

/**
 * Queues `event` for every active webhook of the region subscribed to its type, inside the caller's transaction
 * (the message goes out only if the caller's write commits). Returns how many deliveries were queued. The event
 * types are WEBHOOK_EVENT_TYPES ('warning.issued', 'warning.escalated', 'warning.cleared'); `title` is plain
 * text, `text` markdown, `at` the ISO instant it happened (the delivery is due from then).
 */
export async function enqueueWebhookEvent(
  trx: Queryable,
  regionId: string,
  event: { type: string; title: string; text: string; at: string },
): Promise<number> {
  const ms = Date.parse(event.at);
  if (Number.isNaN(ms)) throw new Error(`enqueueWebhookEvent: "at" is not an instant: ${event.at}`);
  const at = new Date(ms).toISOString();
  const webhooks = (await repo.activeWebhooks(trx, regionId)).filter((w) => eventsOf(w).includes(event.type));
  if (webhooks.length === 0) return 0;
  await repo.insertDeliveries(
    trx,
    webhooks.map((w) => deliveryRow(w, event.type, renderPayload(w.format, { ...event, at }), at)),
  );
  return webhooks.length;
}
