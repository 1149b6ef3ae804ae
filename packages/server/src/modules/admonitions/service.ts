// Admonition talks (谈话提醒) and conduct findings (慢作为、不作为、乱作为). PRODUCT.md: talk records are visible to
// discipline roles only, so every read and write checks `admonition.read` / `admonition.write` (discipline only).
// The audit log is read by the audit administrator, who is not a discipline role: entries of these records carry the
// entity, its id and the facts that are not personal (unit, dates, links, kind and measure), while the personal
// fields — the person, their post, the reason, the facts, who held the talk, the notes — appear only by name in
// `redacted` (which of them were set or changed), never with their values. A talk deducts from its unit's running
// index in the month it was held (running-index/facts.ts); a finding has no deduction of its own.
import { assertAuthorized, conflict, monthBounds, notFound, validationError } from '@benpao/domain';
import type { Db, Queryable } from '../../db/index.ts';
import type { AdmonitionTalkTable, ConductFindingTable } from '../../db/schema.ts';
import type { RequestContext, SessionUser } from '../../context.ts';
import { offsetOf } from '../../http.ts';
import { newId } from '../../ids.ts';
import { recordAudit } from '../audit/service.ts';
import { regionToday } from '../calendar/service.ts';
import { receiveUpload, type UploadPart } from '../evidence/service.ts';
import { contentDisposition, downloadName, type EvidenceStore } from '../evidence/storage.ts';
import { countBySha } from '../evidence/repository.ts';
import { regionSettings } from '../settings/service.ts';
import { actorOf } from '../units/service.ts';
import * as repo from './repository.ts';
import type {
  FindingCreate,
  FindingListQuery,
  FindingUpdate,
  FindingView,
  TalkCreate,
  TalkExportQuery,
  TalkListQuery,
  TalkUpdate,
  TalkView,
} from './schema.ts';

const monthRange = (month: string | undefined) => {
  if (month === undefined) return {};
  const { start, end } = monthBounds(month);
  return { from: start, to: end };
};

function reader(ctx: RequestContext): SessionUser {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'admonition.read', { regionId: actor.regionId });
  return actor;
}
function writer(ctx: RequestContext): SessionUser {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'admonition.write', { regionId: actor.regionId });
  return actor;
}

/** A foreign key refused a write: a linked record went away between our check and the write (a race). */
const isForeignKeyViolation = (err: unknown) => {
  const code = (err as { code?: string } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
};
/** Runs a write; a talk deleted meanwhile (or cited meanwhile, for a deletion) is a 4xx, not a 500. */
async function guarded<T>(write: () => Promise<T>, onRace: () => Error): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isForeignKeyViolation(err)) throw onRace();
    throw err;
  }
}

/** The personal fields: kept out of the audit log (which non-discipline administrators read). */
const TALK_PERSONAL = ['personName', 'position', 'reason', 'heldBy', 'notes'] as const;
const FINDING_PERSONAL = ['personName', 'position', 'facts'] as const;

/** Which of `fields` the input sets (or changes), by name only. */
const namesOf = (input: object, fields: readonly string[]) => fields.filter((f) => f in input);

// --------------------------------------------------------------------------------------------- references

/** The links of a talk or finding must name records of the caller's region; 400 naming the field otherwise. */
async function checkRefs(
  db: Queryable,
  regionId: string,
  refs: {
    unitId?: string | undefined;
    itemId?: string | null | undefined;
    warningId?: string | null | undefined;
    caseId?: string | null | undefined;
    talkId?: string | null | undefined;
  },
) {
  let unitName: string | null = null;
  if (refs.unitId !== undefined) {
    const unit = await repo.unitInRegion(db, regionId, refs.unitId);
    if (!unit) throw validationError('reference_not_found', 'unitId', { entity: 'unit' });
    unitName = unit.name;
  }
  if (refs.itemId && !(await repo.itemInRegion(db, regionId, refs.itemId)))
    throw validationError('reference_not_found', 'itemId', { entity: 'item' });
  if (refs.warningId && !(await repo.warningInRegion(db, regionId, refs.warningId)))
    throw validationError('reference_not_found', 'warningId', { entity: 'warning' });
  if (refs.caseId && !(await repo.caseInRegion(db, regionId, refs.caseId)))
    throw validationError('reference_not_found', 'caseId', { entity: 'case' });
  if (refs.talkId && !(await repo.talkInRegion(db, regionId, refs.talkId)))
    throw validationError('reference_not_found', 'talkId', { entity: 'admonition_talk' });
  return { unitName };
}

/** A talk or decision is a record of something done: not dated after the region's today. */
async function notInFuture(
  db: Queryable,
  ctx: RequestContext,
  regionId: string,
  date: string,
  field: string,
) {
  const today = await regionToday(db, regionId, ctx.now);
  if (date > today) throw validationError('date_after_today', field, { today });
}

// --------------------------------------------------------------------------------------------------- talks

const talkView = (r: repo.TalkRow): TalkView => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  personName: r.person_name,
  position: r.position,
  reason: r.reason,
  heldOn: r.held_on,
  heldBy: r.held_by,
  notes: r.notes,
  itemId: r.item_id,
  itemNumber: r.item_number,
  itemTitle: r.item_title,
  caseId: r.case_id,
  warningId: r.warning_id,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** What the audit log keeps of a talk: nothing personal. */
const talkAudit = (
  r: Pick<AdmonitionTalkTable, 'unit_id' | 'held_on' | 'item_id' | 'case_id' | 'warning_id'>,
) => ({
  unitId: r.unit_id,
  heldOn: r.held_on,
  itemId: r.item_id,
  caseId: r.case_id,
  warningId: r.warning_id,
});

export async function listTalks(db: Db, ctx: RequestContext, q: TalkListQuery) {
  const actor = reader(ctx);
  const { rows, total } = await repo.listTalks(
    db,
    {
      regionId: actor.regionId,
      unitId: q.unitId,
      itemId: q.itemId,
      caseId: q.caseId,
      ...monthRange(q.month),
    },
    q.pageSize,
    offsetOf(q),
  );
  return { items: rows.map(talkView), total };
}

/** Every talk matching the filter, for the export (bounded: a county holds hundreds, not millions). */
export async function talksForExport(db: Db, ctx: RequestContext, q: TalkExportQuery) {
  const actor = reader(ctx);
  const filter = {
    regionId: actor.regionId,
    unitId: q.unitId,
    itemId: q.itemId,
    caseId: q.caseId,
    ...monthRange(q.month),
  };
  const { rows } = await repo.listTalks(db, filter, 10_000, 0);
  // Who took personal records out of the system is itself on record (the filter, the count; no content).
  await db.transaction().execute((trx) =>
    recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'admonition.talk_export',
      entity: 'admonition_talk',
      entityId: null,
      after: {
        filter: {
          unitId: q.unitId ?? null,
          itemId: q.itemId ?? null,
          caseId: q.caseId ?? null,
          month: q.month ?? null,
        },
        count: rows.length,
      },
    }),
  );
  return rows.map(talkView);
}

export async function getTalk(db: Queryable, ctx: RequestContext, id: string) {
  const actor = reader(ctx);
  const row = await repo.findTalk(db, actor.regionId, id);
  if (!row) throw notFound('admonition_talk', 'id');
  return talkView(row);
}

export async function createTalk(db: Db, ctx: RequestContext, body: TalkCreate) {
  const actor = writer(ctx);
  const id = newId();
  const now = ctx.now.toISOString();
  return db.transaction().execute(async (trx) => {
    await checkRefs(trx, actor.regionId, body);
    await notInFuture(trx, ctx, actor.regionId, body.heldOn, 'heldOn');
    const row: AdmonitionTalkTable = {
      id,
      region_id: actor.regionId,
      unit_id: body.unitId,
      person_name: body.personName,
      position: body.position,
      reason: body.reason,
      held_on: body.heldOn,
      held_by: body.heldBy,
      notes: body.notes ? body.notes : null,
      item_id: body.itemId ?? null,
      case_id: body.caseId ?? null,
      warning_id: body.warningId ?? null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    await repo.insertTalk(trx, row);
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'admonition.talk_create',
      entity: 'admonition_talk',
      entityId: id,
      after: { ...talkAudit(row), redacted: namesOf(body, TALK_PERSONAL) },
    });
    return talkView((await repo.findTalk(trx, actor.regionId, id))!);
  });
}

export async function updateTalk(db: Db, ctx: RequestContext, id: string, body: TalkUpdate) {
  const actor = writer(ctx);
  return db.transaction().execute(async (trx) => {
    const before = await repo.findTalk(trx, actor.regionId, id);
    if (!before) throw notFound('admonition_talk', 'id');
    if (Object.keys(body).length === 0) return talkView(before);
    await checkRefs(trx, actor.regionId, body);
    if (body.heldOn !== undefined) await notInFuture(trx, ctx, actor.regionId, body.heldOn, 'heldOn');
    const changes: Partial<AdmonitionTalkTable> = {
      ...(body.unitId !== undefined && { unit_id: body.unitId }),
      ...(body.personName !== undefined && { person_name: body.personName }),
      ...(body.position !== undefined && { position: body.position }),
      ...(body.reason !== undefined && { reason: body.reason }),
      ...(body.heldOn !== undefined && { held_on: body.heldOn }),
      ...(body.heldBy !== undefined && { held_by: body.heldBy }),
      ...(body.notes !== undefined && { notes: body.notes ? body.notes : null }),
      ...(body.itemId !== undefined && { item_id: body.itemId }),
      ...(body.caseId !== undefined && { case_id: body.caseId }),
      ...(body.warningId !== undefined && { warning_id: body.warningId }),
      updated_at: ctx.now.toISOString(),
    };
    await repo.updateTalk(trx, id, changes);
    const after = (await repo.findTalk(trx, actor.regionId, id))!;
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'admonition.talk_update',
      entity: 'admonition_talk',
      entityId: id,
      before: talkAudit(before),
      after: { ...talkAudit(after), redacted: namesOf(body, TALK_PERSONAL) },
    });
    return talkView(after);
  });
}

/** A talk entered by mistake can be deleted, unless a finding names it as its measure. */
export async function deleteTalk(db: Db, ctx: RequestContext, id: string) {
  const actor = writer(ctx);
  const write = () =>
    db.transaction().execute(async (trx) => {
      const before = await repo.findTalk(trx, actor.regionId, id);
      if (!before) throw notFound('admonition_talk', 'id');
      if ((await repo.findingsOfTalk(trx, id)) > 0) throw conflict('admonition_talk_in_use');
      await repo.deleteTalk(trx, id);
      await recordAudit(trx, ctx, {
        regionId: actor.regionId,
        action: 'admonition.talk_delete',
        entity: 'admonition_talk',
        entityId: id,
        before: talkAudit(before),
      });
    });
  await guarded(write, () => conflict('admonition_talk_in_use'));
}

// ------------------------------------------------------------------------------------------------ findings

function findingViewOf(
  r: repo.FindingRow,
  files: readonly { id: string; original_name: string; mime: string; size: number; uploaded_at: string }[],
): FindingView {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    personName: r.person_name,
    position: r.position,
    kind: r.kind,
    facts: r.facts,
    measure: r.measure,
    decidedOn: r.decided_on,
    itemId: r.item_id,
    itemNumber: r.item_number,
    itemTitle: r.item_title,
    caseId: r.case_id,
    talkId: r.talk_id,
    files: files.map((f) => ({
      id: f.id,
      name: f.original_name,
      mime: f.mime,
      size: Number(f.size),
      uploadedAt: f.uploaded_at,
    })),
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const findingAudit = (
  r: Pick<
    ConductFindingTable,
    'unit_id' | 'kind' | 'measure' | 'decided_on' | 'item_id' | 'case_id' | 'talk_id'
  >,
) => ({
  unitId: r.unit_id,
  kind: r.kind,
  measure: r.measure,
  decidedOn: r.decided_on,
  itemId: r.item_id,
  caseId: r.case_id,
  talkId: r.talk_id,
});

async function findingView(db: Queryable, regionId: string, id: string): Promise<FindingView> {
  const row = await repo.findFinding(db, regionId, id);
  if (!row) throw notFound('conduct_finding', 'id');
  return findingViewOf(row, (await repo.filesOf(db, [id])).get(id) ?? []);
}

export async function listFindings(db: Db, ctx: RequestContext, q: FindingListQuery) {
  const actor = reader(ctx);
  const { rows, total } = await repo.listFindings(
    db,
    {
      regionId: actor.regionId,
      unitId: q.unitId,
      itemId: q.itemId,
      caseId: q.caseId,
      kind: q.kind,
      measure: q.measure,
      ...monthRange(q.month),
    },
    q.pageSize,
    offsetOf(q),
  );
  const files = await repo.filesOf(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => findingViewOf(r, files.get(r.id) ?? [])), total };
}

export async function getFinding(db: Queryable, ctx: RequestContext, id: string) {
  const actor = reader(ctx);
  return findingView(db, actor.regionId, id);
}

export async function createFinding(db: Db, ctx: RequestContext, body: FindingCreate) {
  const actor = writer(ctx);
  const id = newId();
  const now = ctx.now.toISOString();
  const write = () =>
    db.transaction().execute(async (trx) => {
      await checkRefs(trx, actor.regionId, body);
      await notInFuture(trx, ctx, actor.regionId, body.decidedOn, 'decidedOn');
      const row: ConductFindingTable = {
        id,
        region_id: actor.regionId,
        unit_id: body.unitId,
        person_name: body.personName,
        position: body.position,
        kind: body.kind,
        facts: body.facts,
        measure: body.measure,
        decided_on: body.decidedOn,
        item_id: body.itemId ?? null,
        case_id: body.caseId ?? null,
        talk_id: body.talkId ?? null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      };
      await repo.insertFinding(trx, row);
      await recordAudit(trx, ctx, {
        regionId: actor.regionId,
        action: 'admonition.finding_create',
        entity: 'conduct_finding',
        entityId: id,
        after: { ...findingAudit(row), redacted: namesOf(body, FINDING_PERSONAL) },
      });
      return findingView(trx, actor.regionId, id);
    });
  return guarded(write, () =>
    validationError('reference_not_found', 'talkId', { entity: 'admonition_talk' }),
  );
}

export async function updateFinding(db: Db, ctx: RequestContext, id: string, body: FindingUpdate) {
  const actor = writer(ctx);
  const write = () =>
    db.transaction().execute(async (trx) => {
      const before = await repo.findFinding(trx, actor.regionId, id);
      if (!before) throw notFound('conduct_finding', 'id');
      if (Object.keys(body).length === 0) return findingView(trx, actor.regionId, id);
      await checkRefs(trx, actor.regionId, body);
      if (body.decidedOn !== undefined)
        await notInFuture(trx, ctx, actor.regionId, body.decidedOn, 'decidedOn');
      const changes: Partial<ConductFindingTable> = {
        ...(body.unitId !== undefined && { unit_id: body.unitId }),
        ...(body.personName !== undefined && { person_name: body.personName }),
        ...(body.position !== undefined && { position: body.position }),
        ...(body.kind !== undefined && { kind: body.kind }),
        ...(body.facts !== undefined && { facts: body.facts }),
        ...(body.measure !== undefined && { measure: body.measure }),
        ...(body.decidedOn !== undefined && { decided_on: body.decidedOn }),
        ...(body.itemId !== undefined && { item_id: body.itemId }),
        ...(body.caseId !== undefined && { case_id: body.caseId }),
        ...(body.talkId !== undefined && { talk_id: body.talkId }),
        updated_at: ctx.now.toISOString(),
      };
      await repo.updateFinding(trx, id, changes);
      const after = (await repo.findFinding(trx, actor.regionId, id))!;
      await recordAudit(trx, ctx, {
        regionId: actor.regionId,
        action: 'admonition.finding_update',
        entity: 'conduct_finding',
        entityId: id,
        before: findingAudit(before),
        after: { ...findingAudit(after), redacted: namesOf(body, FINDING_PERSONAL) },
      });
      return findingView(trx, actor.regionId, id);
    });
  return guarded(write, () =>
    validationError('reference_not_found', 'talkId', { entity: 'admonition_talk' }),
  );
}

// ------------------------------------------------------------------------------------- files of a finding

async function writableFinding(db: Queryable, ctx: RequestContext, id: string) {
  const actor = writer(ctx);
  const row = await repo.findFinding(db, actor.regionId, id);
  if (!row) throw notFound('conduct_finding', 'id');
  return { actor, row };
}

/** Evidence of a finding (证据材料): sniffed and stored like item evidence, in the same content-addressed store. */
export async function uploadFindingFile(
  db: Db,
  store: EvidenceStore,
  ctx: RequestContext,
  findingId: string,
  nextFile: (maxBytes: number) => Promise<UploadPart | null>,
) {
  const { actor } = await writableFinding(db, ctx, findingId);
  const maxBytes = (await regionSettings(db, actor.regionId)).evidenceMaxBytes;
  const id = newId();
  const uploadedAt = ctx.now.toISOString();
  let view = { id, name: '', mime: '', size: 0, uploadedAt };
  await receiveUpload(db, store, await nextFile(maxBytes), maxBytes, async (trx, file) => {
    const { row } = await writableFinding(trx, ctx, findingId);
    await repo.insertFile(trx, {
      id,
      region_id: row.region_id,
      finding_id: row.id,
      sha256: file.sha256,
      size: file.size,
      mime: file.mime,
      original_name: file.name,
      uploaded_by: actor.id,
      uploaded_at: uploadedAt,
    });
    // The file's name may be personal: the audit keeps its hash, size and type.
    await recordAudit(trx, ctx, {
      regionId: row.region_id,
      action: 'admonition.finding_file_upload',
      entity: 'conduct_finding_file',
      entityId: id,
      after: { findingId: row.id, size: file.size, mime: file.mime, sha256: file.sha256, redacted: ['name'] },
    });
    view = { id, name: file.name, mime: file.mime, size: file.size, uploadedAt };
  });
  return view;
}

export async function downloadFindingFile(
  db: Queryable,
  store: EvidenceStore,
  ctx: RequestContext,
  id: string,
) {
  const actor = reader(ctx);
  const row = await repo.findFile(db, actor.regionId, id);
  if (!row) throw notFound('file', 'id');
  if (!(await store.has(row.sha256))) throw notFound('file', 'id');
  return {
    stream: store.open(row.sha256),
    mime: row.mime,
    size: Number(row.size),
    disposition: contentDisposition(downloadName(row.original_name, row.mime)),
  };
}

export async function deleteFindingFile(db: Db, store: EvidenceStore, ctx: RequestContext, id: string) {
  const actor = writer(ctx);
  const first = await repo.findFile(db, actor.regionId, id);
  if (!first) throw notFound('file', 'id');
  await store.withLock(first.sha256, async () => {
    await db.transaction().execute(async (trx) => {
      const row = await repo.findFile(trx, actor.regionId, id);
      if (!row) throw notFound('file', 'id');
      await repo.deleteFile(trx, id);
      await recordAudit(trx, ctx, {
        regionId: actor.regionId,
        action: 'admonition.finding_file_delete',
        entity: 'conduct_finding_file',
        entityId: id,
        before: { findingId: row.finding_id, sha256: row.sha256, redacted: ['name'] },
      });
    });
    // The store is shared: the content goes only when no row of any kind points at it any more.
    if ((await countBySha(db, first.sha256)) === 0) await store.remove(first.sha256);
  });
}
