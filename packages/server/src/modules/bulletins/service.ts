// Supervision bulletins (督查通报): a supervisor generates a draft from a period's data (the lights and cards issued
// in it with their reasons, the typical problems, the running index's boards), edits it as sanitised rich text; a
// leader or another supervisor approves it (never the drafter: four eyes on what goes to every unit); a supervisor
// publishes it, which gives its number (松执专〔2022〕3号) and notifies every unit; units read it and their first
// reader leaves the unit's receipt (回执). A published bulletin is never edited again: a correction is a new
// bulletin referring to it. Every write is one transaction with its audit entry.
import {
  assertAuthorized,
  assertNoProblems,
  authorize,
  conflict,
  DomainError,
  formatBulletinNumber,
  generateBulletinDraft,
  diffDays,
  escapeHtml,
  notFound,
  numberFormatProblems,
  ROLE_SCOPE,
  validationError,
  yearOf,
  type BulletinRanking,
  type MonthResult,
} from '@benpao/domain';
import type { Db, Queryable } from '../../db/index.ts';
import type { BulletinTable } from '../../db/schema.ts';
import type { RequestContext, SessionUser } from '../../context.ts';
import { offsetOf } from '../../http.ts';
import { newId } from '../../ids.ts';
import { recordAudit } from '../audit/service.ts';
import { regionToday } from '../calendar/service.ts';
import { notify } from '../notifications/service.ts';
import { getMonth } from '../running-index/service.ts';
import { actorOf } from '../units/service.ts';
import { bodyOf, officialDocx } from './docx.ts';
import * as repo from './repository.ts';
import { blocksOf, plainText, sanitizeBody } from './rich-text.ts';
import type { BulletinListQuery, BulletinPatch, BulletinSummary, BulletinView, DraftBody } from './schema.ts';

/** The demo county's format (PRODUCT.md); other regions start from the domain's neutral default. */
const DEMO_NUMBER_FORMAT = '松执专〔{year}〕{seq}号';
const NEUTRAL_NUMBER_FORMAT = '督查通报〔{year}〕{seq}号';
const MAX_PERIOD_DAYS = 366;

/** County roles see drafts; a user holding unit roles only sees published bulletins. */
const seesDrafts = (actor: SessionUser) => actor.roles.some((r) => ROLE_SCOPE[r] === 'county');

export async function bulletinSettings(db: Queryable, regionId: string) {
  const stored = await db
    .selectFrom('bulletin_settings')
    .select(['number_format', 'issuer'])
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  if (stored) return { numberFormat: stored.number_format, issuer: stored.issuer };
  const region = await db
    .selectFrom('regions')
    .select(['name', 'is_demo'])
    .where('id', '=', regionId)
    .executeTakeFirstOrThrow();
  return {
    numberFormat: Number(region.is_demo) === 1 ? DEMO_NUMBER_FORMAT : NEUTRAL_NUMBER_FORMAT,
    issuer: `${region.name.replace(/\s*[(（]demo[)）]\s*$/i, '')}执行力建设专班`,
  };
}

const settingsView = (s: { numberFormat: string; issuer: string }, year: number) => ({
  ...s,
  example: formatBulletinNumber(s.numberFormat, year, 1),
});

export async function getSettings(db: Db, ctx: RequestContext) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'bulletin.read', { regionId: actor.regionId });
  const today = await regionToday(db, actor.regionId, ctx.now);
  return settingsView(await bulletinSettings(db, actor.regionId), yearOf(today));
}

export async function updateSettings(
  db: Db,
  ctx: RequestContext,
  body: { numberFormat: string; issuer: string },
) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'bulletin.publish', { regionId: actor.regionId });
  assertNoProblems(numberFormatProblems(body.numberFormat));
  const today = await regionToday(db, actor.regionId, ctx.now);
  await db.transaction().execute(async (trx) => {
    const before = await bulletinSettings(trx, actor.regionId);
    const at = ctx.now.toISOString();
    await trx
      .insertInto('bulletin_settings')
      .values({
        region_id: actor.regionId,
        number_format: body.numberFormat,
        issuer: body.issuer,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .column('region_id')
          .doUpdateSet({ number_format: body.numberFormat, issuer: body.issuer, updated_at: at }),
      )
      .execute();
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'bulletin.settings',
      entity: 'bulletin_settings',
      entityId: actor.regionId,
      before,
      after: body,
    });
  });
  return settingsView(body, yearOf(today));
}

function actionsOf(actor: SessionUser, row: BulletinTable, readByMyUnit: boolean | null): string[] {
  const region = { regionId: row.region_id };
  const out: string[] = [];
  if (row.status === 'draft' && authorize(actor, 'bulletin.draft', region)) out.push('edit');
  if (row.status === 'draft' && authorize(actor, 'bulletin.approve', region) && row.created_by !== actor.id)
    out.push('approve');
  if (row.status === 'approved' && authorize(actor, 'bulletin.publish', region)) out.push('publish');
  if (row.status === 'published' && authorize(actor, 'bulletin.draft', region)) out.push('correct');
  if (
    row.status === 'published' &&
    readByMyUnit === false &&
    authorize(actor, 'bulletin.acknowledge', { ...region, unitId: actor.unitId })
  )
    out.push('read');
  return out;
}

const summaryOf = (r: BulletinTable, readByMyUnit: boolean | null): BulletinSummary => ({
  id: r.id,
  number: r.number,
  year: r.year === null ? null : Number(r.year),
  seq: r.seq === null ? null : Number(r.seq),
  title: r.title,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  status: r.status,
  correctsBulletinId: r.corrects_bulletin_id,
  createdAt: r.created_at,
  publishedOn: r.published_on,
  readByMyUnit,
});

/** Whether the caller's unit has read it: only asked of a user acting for a unit (not of county roles). */
const asksReceipt = (actor: SessionUser) =>
  !seesDrafts(actor) && actor.roles.some((r) => r === 'unit_manager' || r === 'unit_reporter');

export async function listBulletins(db: Db, ctx: RequestContext, q: BulletinListQuery) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'bulletin.read', { regionId: actor.regionId });
  const visible: BulletinTable['status'][] = seesDrafts(actor)
    ? ['draft', 'approved', 'published']
    : ['published'];
  const statuses = q.status ? visible.filter((s) => s === q.status) : visible;
  if (statuses.length === 0) return { items: [], total: 0 };
  const { rows, total } = await repo.listBulletins(
    db,
    actor.regionId,
    { statuses, year: q.year },
    q.pageSize,
    offsetOf(q),
  );
  const read = asksReceipt(actor)
    ? await repo.unitReceipts(
        db,
        actor.regionId,
        rows.map((r) => r.id),
        actor.unitId,
      )
    : null;
  return { items: rows.map((r) => summaryOf(r, read ? read.has(r.id) : null)), total };
}

/** A bulletin the caller may see: a unit user asking for a draft gets the same 404 as for nothing. */
async function visibleRow(db: Queryable, actor: SessionUser, id: string) {
  const row = await repo.findBulletin(db, actor.regionId, id);
  if (!row || (row.status !== 'published' && !seesDrafts(actor))) throw notFound('bulletin', 'id');
  return row;
}

export async function getBulletin(db: Db, ctx: RequestContext, id: string): Promise<BulletinView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'bulletin.read', { regionId: actor.regionId });
  const row = await visibleRow(db, actor, id);
  const readByMyUnit = asksReceipt(actor)
    ? (await repo.unitReceipts(db, actor.regionId, [row.id], actor.unitId)).has(row.id)
    : null;
  const [names, corrects, corrections] = await Promise.all([
    repo.userNames(db, actor.regionId, [row.created_by, row.approved_by, row.published_by]),
    row.corrects_bulletin_id ? repo.findBulletin(db, actor.regionId, row.corrects_bulletin_id) : undefined,
    repo.correctionsOf(db, actor.regionId, row.id),
  ]);
  const person = (id: string | null) => (id === null ? null : { id, name: names.get(id) ?? id });
  return {
    ...summaryOf(row, readByMyUnit),
    bodyHtml: row.body_html,
    corrects: corrects ? { id: corrects.id, number: corrects.number, title: corrects.title } : null,
    // A unit sees the corrections that were published, like any other bulletin.
    correctedBy: corrections.filter((c) => c.status === 'published' || seesDrafts(actor)),
    createdBy: person(row.created_by),
    approvedBy: person(row.approved_by),
    approvedAt: row.approved_at,
    publishedBy: person(row.published_by),
    publishedAt: row.published_at,
    rowVersion: Number(row.row_version),
    actions: actionsOf(actor, row, readByMyUnit),
  };
}

/** The running index's boards of the period's last month: its published snapshot, else a preview. */
async function rankingFor(
  db: Db,
  ctx: RequestContext,
  to: string,
  today: string,
): Promise<BulletinRanking | null> {
  const month = (to < today ? to : today).slice(0, 7);
  const m = await getMonth(db, ctx, month);
  const result = m.result as unknown as MonthResult;
  return {
    month,
    published: m.published,
    categories: result.categories.map((c) => ({
      name: c.name['zh-CN'],
      top: c.top.filter((e) => e.rank !== null),
      bottom: c.bottom.filter((e) => e.rank !== null),
    })),
  };
}

export async function createDraft(db: Db, ctx: RequestContext, body: DraftBody): Promise<BulletinView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'bulletin.draft', { regionId: actor.regionId });
  if (body.to < body.from) throw validationError('period_order', 'to', { from: body.from, to: body.to });
  if (diffDays(body.from, body.to) >= MAX_PERIOD_DAYS)
    throw validationError('period_too_long', 'to', { days: MAX_PERIOD_DAYS });
  const today = await regionToday(db, actor.regionId, ctx.now);
  if (body.from > today) throw validationError('period_future', 'from', { today });
  const to = body.to > today ? today : body.to;
  const settings = await bulletinSettings(db, actor.regionId);
  const warnings = await repo.warningsIssued(db, actor.regionId, body.from, to);
  const draft = generateBulletinDraft({
    issuer: settings.issuer,
    period: { from: body.from, to },
    warnings: warnings.map((w) => ({
      id: w.id,
      kind: w.kind,
      colour: w.issued_colour,
      unitName: w.unit_name,
      itemNumber: w.item_number,
      itemTitle: w.item_title,
      issuedOn: w.issued_on,
      condition: w.condition,
      explanation: w.explanation_zh || w.reason || '',
    })),
    ranking: await rankingFor(db, ctx, to, today),
  });
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const at = ctx.now.toISOString();
    await trx
      .insertInto('bulletins')
      .values({
        id,
        region_id: actor.regionId,
        year: null,
        seq: null,
        number: null,
        title: draft.title,
        period_from: body.from,
        period_to: to,
        body_html: sanitizeBody(draft.html),
        status: 'draft',
        corrects_bulletin_id: null,
        created_by: actor.id,
        created_at: at,
        updated_at: at,
        approved_by: null,
        approved_at: null,
        published_by: null,
        published_at: null,
        published_on: null,
        row_version: 1,
      })
      .execute();
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'bulletin.draft',
      entity: 'bulletin',
      entityId: id,
      after: { title: draft.title, periodFrom: body.from, periodTo: to, warnings: warnings.length },
    });
  });
  return getBulletin(db, ctx, id);
}

const stateConflict = (row: BulletinTable, action: string) =>
  conflict(row.status === 'published' ? 'bulletin_published' : 'bulletin_state', {
    bulletinStatus: row.status,
    bulletinAction: action,
  });

/** Loads a bulletin for a write in the transaction; a unit user cannot reach drafts (404). */
async function forWrite(trx: Queryable, actor: SessionUser, id: string) {
  return visibleRow(trx, actor, id);
}

export async function updateBulletin(db: Db, ctx: RequestContext, id: string, body: BulletinPatch) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'bulletin.draft', { regionId: actor.regionId });
  await db.transaction().execute(async (trx) => {
    const row = await forWrite(trx, actor, id);
    if (row.status !== 'draft') throw stateConflict(row, 'edit');
    if (body.rowVersion !== undefined && body.rowVersion !== Number(row.row_version))
      throw conflict('stale_version', { rowVersion: Number(row.row_version) }, 'rowVersion');
    const set: Partial<Pick<BulletinTable, 'title' | 'body_html'>> = {};
    if (body.title !== undefined) set.title = body.title;
    if (body.bodyHtml !== undefined) {
      const clean = sanitizeBody(body.bodyHtml);
      if (plainText(clean).trim() === '') throw validationError('bulletin_body_empty', 'bodyHtml');
      set.body_html = clean;
    }
    // Conditional on the version read: a concurrent edit, approval or publication makes this a 409.
    const res = await trx
      .updateTable('bulletins')
      .set({ ...set, updated_at: ctx.now.toISOString(), row_version: Number(row.row_version) + 1 })
      .where('id', '=', row.id)
      .where('status', '=', 'draft')
      .where('row_version', '=', Number(row.row_version))
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('stale_version', {}, 'rowVersion');
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'bulletin.edit',
      entity: 'bulletin',
      entityId: row.id,
      before: { title: row.title, bodyLength: row.body_html.length },
      after: { title: set.title ?? row.title, bodyLength: (set.body_html ?? row.body_html).length },
    });
  });
  return getBulletin(db, ctx, id);
}

export async function approveBulletin(db: Db, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'bulletin.approve', { regionId: actor.regionId });
  await db.transaction().execute(async (trx) => {
    const row = await forWrite(trx, actor, id);
    if (row.status !== 'draft') throw stateConflict(row, 'approve');
    if (row.created_by === actor.id) throw new DomainError('forbidden', 'bulletin_self_approval');
    const at = ctx.now.toISOString();
    const res = await trx
      .updateTable('bulletins')
      .set({
        status: 'approved',
        approved_by: actor.id,
        approved_at: at,
        updated_at: at,
        row_version: Number(row.row_version) + 1,
      })
      .where('id', '=', row.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw stateConflict({ ...row, status: 'approved' }, 'approve');
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'bulletin.approve',
      entity: 'bulletin',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'approved' },
    });
  });
  return getBulletin(db, ctx, id);
}

/**
 * Publishes an approved bulletin: claims it (a second publication, even a concurrent one, finds it no longer
 * approved: 409), takes the year's next number from the counter in the same transaction, and notifies the
 * managers and reporters of every unit.
 */
export async function publishBulletin(db: Db, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'bulletin.publish', { regionId: actor.regionId });
  await db.transaction().execute(async (trx) => {
    const row = await forWrite(trx, actor, id);
    if (row.status !== 'approved') throw stateConflict(row, 'publish');
    const today = await regionToday(trx, actor.regionId, ctx.now);
    const at = ctx.now.toISOString();
    const claimed = await trx
      .updateTable('bulletins')
      .set({
        status: 'published',
        published_by: actor.id,
        published_at: at,
        published_on: today,
        updated_at: at,
      })
      .where('id', '=', row.id)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw stateConflict({ ...row, status: 'published' }, 'publish');
    const settings = await bulletinSettings(trx, actor.regionId);
    const year = yearOf(today);
    const seq = await repo.nextSeq(trx, actor.regionId, year);
    const number = formatBulletinNumber(settings.numberFormat, year, seq);
    await trx
      .updateTable('bulletins')
      .set({ year, seq, number, row_version: Number(row.row_version) + 1 })
      .where('id', '=', row.id)
      .execute();
    const notified = await notify(trx, ctx, {
      regionId: actor.regionId,
      kind: 'bulletin_published',
      params: { bulletinId: row.id, number, title: row.title },
      dedupeKey: `bulletin_published:${row.id}`,
      userIds: await repo.unitAccounts(trx, actor.regionId),
    });
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'bulletin.publish',
      entity: 'bulletin',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'published', number, publishedOn: today, notified },
    });
  });
  return getBulletin(db, ctx, id);
}

/** A correction (更正): a new draft that refers to a published bulletin, starting from its text. */
export async function correctBulletin(db: Db, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'bulletin.draft', { regionId: actor.regionId });
  const newIdValue = newId();
  await db.transaction().execute(async (trx) => {
    const row = await forWrite(trx, actor, id);
    if (row.status !== 'published') throw conflict('bulletin_not_published', { bulletinStatus: row.status });
    const at = ctx.now.toISOString();
    const title = `关于更正${row.number}的通报`.slice(0, 200);
    const preface = `<p>${escapeHtml(`现对${row.number}《${row.title}》予以更正，以本通报为准。`)}</p>`;
    await trx
      .insertInto('bulletins')
      .values({
        id: newIdValue,
        region_id: actor.regionId,
        year: null,
        seq: null,
        number: null,
        title,
        period_from: row.period_from,
        period_to: row.period_to,
        body_html: sanitizeBody(`${preface}\n${row.body_html}`),
        status: 'draft',
        corrects_bulletin_id: row.id,
        created_by: actor.id,
        created_at: at,
        updated_at: at,
        approved_by: null,
        approved_at: null,
        published_by: null,
        published_at: null,
        published_on: null,
        row_version: 1,
      })
      .execute();
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'bulletin.correct',
      entity: 'bulletin',
      entityId: newIdValue,
      after: { correctsBulletinId: row.id, correctsNumber: row.number, title },
    });
  });
  return getBulletin(db, ctx, newIdValue);
}

export async function receipts(db: Db, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'bulletin.receipts', { regionId: actor.regionId });
  const row = await visibleRow(db, actor, id);
  const rows = row.status === 'published' ? await repo.receiptsOf(db, actor.regionId, row.id) : [];
  return {
    bulletinId: row.id,
    units: rows.length,
    read: rows.filter((r) => r.read_at !== null).length,
    receipts: rows.map((r) => ({
      unitId: r.unit_id,
      unitName: r.unit_name,
      readAt: r.read_at,
      readBy: r.read_by === null ? null : { id: r.read_by, name: r.reader_name ?? r.read_by },
    })),
  };
}

/** A unit user marks a published bulletin read: the unit's first reader is its receipt; later reads change nothing. */
export async function markRead(db: Db, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'bulletin.acknowledge', { regionId: actor.regionId, unitId: actor.unitId });
  return db.transaction().execute(async (trx) => {
    const row = await repo.findBulletin(trx, actor.regionId, id);
    if (!row || row.status !== 'published') throw notFound('bulletin', 'id');
    const at = ctx.now.toISOString();
    const inserted = await trx
      .insertInto('bulletin_receipts')
      .values({
        id: newId(),
        region_id: actor.regionId,
        bulletin_id: row.id,
        unit_id: actor.unitId,
        read_by: actor.id,
        read_at: at,
      })
      .onConflict((oc) => oc.columns(['bulletin_id', 'unit_id']).doNothing())
      .executeTakeFirst();
    const firstRead = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    if (firstRead) {
      await recordAudit(trx, ctx, {
        regionId: actor.regionId,
        action: 'bulletin.read',
        entity: 'bulletin',
        entityId: row.id,
        after: { unitId: actor.unitId, readAt: at },
      });
    }
    const receipt = await trx
      .selectFrom('bulletin_receipts')
      .leftJoin('users', 'users.id', 'bulletin_receipts.read_by')
      .select(['bulletin_receipts.read_at', 'bulletin_receipts.read_by', 'users.display_name'])
      .where('bulletin_receipts.bulletin_id', '=', row.id)
      .where('bulletin_receipts.unit_id', '=', actor.unitId)
      .executeTakeFirstOrThrow();
    return {
      bulletinId: row.id,
      unitId: actor.unitId,
      readAt: receipt.read_at,
      readBy: { id: receipt.read_by, name: receipt.display_name ?? receipt.read_by },
      firstRead,
    };
  });
}

/** The .docx in the official layout; a bulletin not yet published says so where its number goes. */
export async function bulletinDocument(db: Db, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'bulletin.read', { regionId: actor.regionId });
  const row = await visibleRow(db, actor, id);
  const settings = await bulletinSettings(db, actor.regionId);
  const date = row.published_on ?? (await regionToday(db, actor.regionId, ctx.now));
  const buffer = await officialDocx({
    issuer: settings.issuer,
    number: row.number ?? (row.status === 'draft' ? '（草稿，未编号）' : '（已审核，待发布编号）'),
    title: row.title,
    date,
    body: bodyOf(blocksOf(row.body_html)),
  });
  return { buffer, filename: `${row.number ?? row.title}.docx` };
}
