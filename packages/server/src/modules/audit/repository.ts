// Queries of the hash-chained audit log. Appends happen inside the caller's transaction.
import { GENESIS_HASH, type ChainedRecord } from '@benpao/domain';
import type { Queryable } from '../../db/index.ts';
import type { AuditLogTable } from '../../db/schema.ts';

export async function lockHead(db: Queryable, regionId: string): Promise<{ seq: number; hash: string }> {
  // The UPDATE takes the row lock on PostgreSQL so concurrent writers append one after another; it returns the
  // head it moved, so that no second read is needed.
  const head = await db
    .updateTable('audit_heads')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('region_id', '=', regionId)
    .returning(['seq', 'hash'])
    .executeTakeFirst();
  if (head) return { seq: Number(head.seq), hash: head.hash };
  await db.insertInto('audit_heads').values({ region_id: regionId, seq: 1, hash: GENESIS_HASH }).execute();
  return { seq: 1, hash: GENESIS_HASH };
}

export async function appendEntry(db: Queryable, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
  await db
    .updateTable('audit_heads')
    .set({ hash: row.hash })
    .where('region_id', '=', row.region_id)
    .execute();
}

export interface AuditFilter {
  entity?: string | undefined;
  action?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Queryable, regionId: string, f: AuditFilter) {
  let q = db.selectFrom('audit_log').where('region_id', '=', regionId);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  return q;
}

export async function listEntries(
  db: Queryable,
  regionId: string,
  f: AuditFilter,
  limit: number,
  offset: number,
) {
  const [rows, count] = await Promise.all([
    filtered(db, regionId, f).selectAll().orderBy('seq', 'desc').limit(limit).offset(offset).execute(),
    filtered(db, regionId, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function toChained(r: AuditLogTable): ChainedRecord {
  return {
    regionId: r.region_id,
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
    ip: r.ip,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Reads the chain in pages so that a long log is verified in bounded memory. */
export async function* readChain(
  db: Queryable,
  regionId: string,
  pageSize = 2000,
): AsyncGenerator<ChainedRecord[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('region_id', '=', regionId)
      .where('seq', '>', after)
      .orderBy('seq', 'asc')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows.map(toChained);
    after = rows[rows.length - 1]!.seq;
  }
}

export async function regionIdsWithAudit(db: Queryable): Promise<string[]> {
  const rows = await db.selectFrom('audit_heads').select('region_id').orderBy('region_id').execute();
  return rows.map((r) => r.region_id);
}
