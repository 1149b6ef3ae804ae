// Queries for webhooks and their deliveries. A delivery is claimed by one UPDATE that only matches while it is
// still pending and due, so that two workers (two processes on PostgreSQL) never send the same attempt twice.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Queryable } from '../../db/index.ts';
import type { WebhookDeliveryTable, WebhookTable } from '../../db/schema.ts';
import type { DeliveryStatus } from './schema.ts';

export type WebhookRow = Selectable<WebhookTable>;
export type DeliveryRow = Selectable<WebhookDeliveryTable>;

/** Rows per INSERT statement (both dialects bound the number of parameters of one statement). */
const CHUNK = 200;

export const listWebhooks = (db: Queryable, regionId: string) =>
  db
    .selectFrom('webhooks')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findWebhook = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('webhooks')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findWebhookByName = (db: Queryable, regionId: string, name: string) =>
  db
    .selectFrom('webhooks')
    .select('id')
    .where('region_id', '=', regionId)
    .where('name', '=', name)
    .executeTakeFirst();

export const activeWebhooks = (db: Queryable, regionId: string) =>
  db
    .selectFrom('webhooks')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();

export async function insertWebhook(db: Queryable, row: Insertable<WebhookTable>): Promise<void> {
  await db.insertInto('webhooks').values(row).execute();
}

export async function updateWebhook(
  db: Queryable,
  regionId: string,
  id: string,
  changes: Updateable<WebhookTable>,
): Promise<void> {
  await db
    .updateTable('webhooks')
    .set(changes)
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .execute();
}

/** Deletes the webhook and its delivery log; returns how many deliveries went with it. */
export async function deleteWebhook(db: Queryable, regionId: string, id: string): Promise<number> {
  const deliveries = await db
    .deleteFrom('webhook_deliveries')
    .where('region_id', '=', regionId)
    .where('webhook_id', '=', id)
    .executeTakeFirst();
  await db.deleteFrom('webhooks').where('region_id', '=', regionId).where('id', '=', id).execute();
  return Number(deliveries.numDeletedRows);
}

export async function insertDeliveries(db: Queryable, rows: Insertable<WebhookDeliveryTable>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('webhook_deliveries')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export async function listDeliveries(
  db: Queryable,
  regionId: string,
  webhookId: string,
  status: DeliveryStatus | undefined,
  limit: number,
  offset: number,
) {
  let q = db
    .selectFrom('webhook_deliveries')
    .where('region_id', '=', regionId)
    .where('webhook_id', '=', webhookId);
  if (status) q = q.where('status', '=', status);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const findDelivery = (db: Queryable, id: string) =>
  db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();

/** Pending deliveries due at `now`, oldest first, across every region. */
export const dueDeliveries = (db: Queryable, now: string, limit: number) =>
  db
    .selectFrom('webhook_deliveries')
    .select(['id', 'region_id', 'webhook_id', 'attempts', 'payload_json'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();

/**
 * Claims one attempt: counts it and moves the next attempt to `retryAt` (the lease: a process that dies while
 * sending leaves the delivery to be retried then). Only one caller can match a pending, due row with the attempt
 * count it read; the others update nothing. Returns whether this caller got it.
 */
export async function claimDelivery(
  db: Queryable,
  id: string,
  seenAttempts: number,
  now: string,
  retryAt: string,
): Promise<boolean> {
  const r = await db
    .updateTable('webhook_deliveries')
    .set({ attempts: seenAttempts + 1, next_attempt_at: retryAt })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('attempts', '=', seenAttempts)
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records the outcome of a claimed attempt (nothing if someone else has since taken the delivery over). */
export async function recordOutcome(
  db: Queryable,
  id: string,
  attempts: number,
  changes: Updateable<WebhookDeliveryTable>,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('attempts', '=', attempts)
    .execute();
}

/** Gives up every pending delivery of a webhook (it was deactivated); returns how many. */
export async function failPending(
  db: Queryable,
  regionId: string,
  webhookId: string,
  error: string,
): Promise<number> {
  const r = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', last_error: error })
    .where('region_id', '=', regionId)
    .where('webhook_id', '=', webhookId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
