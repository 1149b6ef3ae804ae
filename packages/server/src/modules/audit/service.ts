// Writing and checking the audit log. `record` must be called with the transaction of the write it describes.
import { createHash } from 'node:crypto';
import {
  assertAuthorized,
  auditHashInput,
  GENESIS_HASH,
  verifyChain,
  type AuditRecord,
  type ChainBreak,
} from '@benpao/domain';
import type { Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context.ts';
import { actorOf } from '../units/service.ts';
import {
  appendEntry,
  listEntries,
  lockHead,
  readChain,
  regionIdsWithAudit,
  toChained,
  type AuditFilter,
} from './repository.ts';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const SECRET_KEYS = new Set([
  'password',
  'password_hash',
  'passwordHash',
  'currentPassword',
  'newPassword',
  'secret', // a webhook's signing secret
]);

/** Before/after snapshots never carry secrets. */
function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

export interface AuditInput {
  regionId: string;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /** The person acting when there is no session yet (login attempts name the account tried). */
  actor?: { id: string; name: string };
}

export async function recordAudit(trx: Queryable, ctx: RequestContext, input: AuditInput): Promise<void> {
  const head = await lockHead(trx, input.regionId);
  const prevHash = head.seq === 1 ? GENESIS_HASH : head.hash;
  const record: AuditRecord = {
    regionId: input.regionId,
    seq: head.seq,
    at: ctx.now.toISOString(),
    actorId: input.actor?.id ?? ctx.actor?.id ?? null,
    actorName: input.actor?.name ?? ctx.actor?.displayName ?? null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    before: redact(input.before),
    after: redact(input.after),
    ip: ctx.ip,
  };
  const hash = sha256(auditHashInput(prevHash, record));
  await appendEntry(trx, {
    region_id: record.regionId,
    seq: record.seq,
    at: record.at,
    actor_id: record.actorId,
    actor_name: record.actorName,
    action: record.action,
    entity: record.entity,
    entity_id: record.entityId,
    before_json: record.before === null ? null : JSON.stringify(record.before),
    after_json: record.after === null ? null : JSON.stringify(record.after),
    ip: record.ip,
    prev_hash: prevHash,
    hash,
  });
}

export interface VerifyResult {
  regionId: string;
  ok: boolean;
  checked: number;
  firstBroken: ChainBreak | null;
}

export async function verifyRegionChain(db: Queryable, regionId: string): Promise<VerifyResult> {
  let start = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for await (const page of readChain(db, regionId)) {
    const broken = verifyChain(page, sha256, start);
    if (broken)
      return {
        regionId,
        ok: false,
        checked: checked + page.findIndex((e) => e.seq === broken.seq),
        firstBroken: broken,
      };
    checked += page.length;
    const last = page[page.length - 1]!;
    start = { seq: last.seq, hash: last.hash };
  }
  // The head must point at the last entry: a deleted tail is tampering too.
  const head = await db
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  if (head && (head.seq !== start.seq || head.hash !== start.hash)) {
    return { regionId, ok: false, checked, firstBroken: { seq: start.seq + 1, reason: 'seq_gap' } };
  }
  return { regionId, ok: true, checked, firstBroken: null };
}

export async function verifyAllChains(db: Queryable): Promise<VerifyResult[]> {
  const out: VerifyResult[] = [];
  for (const regionId of await regionIdsWithAudit(db)) out.push(await verifyRegionChain(db, regionId));
  return out;
}

/** The audit log for the audit admin, newest first, with the list's filters (instants normalised to UTC). */
export async function listAudit(
  db: Queryable,
  ctx: RequestContext,
  q: AuditFilter,
  limit: number,
  offset: number,
) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'audit.read', { regionId: actor.regionId });
  const norm = (s?: string) => (s ? new Date(s).toISOString() : undefined);
  const { rows, total } = await listEntries(
    db,
    actor.regionId,
    { ...q, from: norm(q.from), to: norm(q.to) },
    limit,
    offset,
  );
  return {
    total,
    items: rows.map(toChained).map((e) => ({
      id: e.seq,
      at: e.at,
      actorId: e.actorId,
      actorName: e.actorName,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
      ip: e.ip,
      hash: e.hash,
    })),
  };
}
