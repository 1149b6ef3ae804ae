// Monthly meetings (月度例会): the task force records the meeting of a month and the commitments made at it (会议议定
// 事项: owner, deadline, status), and everyone at county level reads the meeting pack generated from the month's
// data — lights and cards issued and cleared, items by status, the running index's ranking, the verification cases
// still open, the post-mortem reviews on the agenda, and the previous meeting's commitments carried forward with
// their status. A month with nothing in it gives a pack that says so (`empty`), never an error.
import {
  addDays,
  assertAuthorized,
  conflict,
  daysInMonth,
  notFound,
  validationError,
  type MonthResult,
} from '@benpao/domain';
import type { Db, Queryable } from '../../db/index.ts';
import type { MeetingCommitmentTable, MeetingTable } from '../../db/schema.ts';
import type { RequestContext } from '../../context.ts';
import { newId } from '../../ids.ts';
import type { Locale } from '../../i18n/messages.ts';
import { recordAudit } from '../audit/service.ts';
import { regionToday } from '../calendar/service.ts';
import { getMonth } from '../running-index/service.ts';
import { actorOf } from '../units/service.ts';
import * as repo from './repository.ts';
import type {
  CommitmentCreate,
  CommitmentPatch,
  CommitmentView,
  MeetingCreate,
  MeetingPatch,
  MeetingView,
  PackView,
  PackWarning,
} from './schema.ts';

export const monthRange = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
};

const defaultTitle = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}年${m}月月度例会`;
};

type CommitmentRow = MeetingCommitmentTable & { unit_name: string | null };

const commitmentViewOf = (r: CommitmentRow, today: string): CommitmentView => ({
  id: r.id,
  seq: Number(r.seq),
  text: r.text,
  ownerUnit: r.owner_unit_id === null ? null : { id: r.owner_unit_id, name: r.unit_name ?? r.owner_unit_id },
  ownerPerson: r.owner_person,
  deadline: r.deadline,
  status: r.status,
  doneOn: r.done_on,
  note: r.note,
  overdue: r.status === 'open' && r.deadline < today,
});

async function meetingViewOf(db: Queryable, m: MeetingTable, today: string): Promise<MeetingView> {
  const rows = await repo.commitmentsOf(db, m.region_id, m.id);
  return {
    id: m.id,
    month: m.month,
    title: m.title,
    heldOn: m.held_on,
    notes: m.notes,
    rowVersion: Number(m.row_version),
    commitments: rows.map((r) => commitmentViewOf(r, today)),
  };
}

export async function listMeetings(db: Db, ctx: RequestContext, year?: number) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'meeting.read', { regionId: actor.regionId });
  const rows = await repo.listMeetings(db, actor.regionId, year);
  return {
    items: rows.map((r) => ({
      id: r.id,
      month: r.month,
      title: r.title,
      heldOn: r.held_on,
      commitments: Number(r.commitments),
      openCommitments: Number(r.open_commitments ?? 0),
    })),
    total: rows.length,
  };
}

async function meetingOf(db: Queryable, regionId: string, month: string) {
  const m = await repo.findMeeting(db, regionId, month);
  if (!m) throw notFound('meeting', 'month');
  return m;
}

export async function getMeeting(db: Db, ctx: RequestContext, month: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'meeting.read', { regionId: actor.regionId });
  const m = await meetingOf(db, actor.regionId, month);
  return meetingViewOf(db, m, await regionToday(db, actor.regionId, ctx.now));
}

export async function createMeeting(db: Db, ctx: RequestContext, body: MeetingCreate) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'meeting.manage', { regionId: actor.regionId });
  const { from, to } = monthRange(body.month);
  if (body.heldOn && (body.heldOn < from || body.heldOn > addDays(to, 31)))
    throw validationError('meeting_held_on', 'heldOn', { month: body.month });
  await db.transaction().execute(async (trx) => {
    if (await repo.findMeeting(trx, actor.regionId, body.month))
      throw conflict('meeting_exists', { month: body.month }, 'month');
    const at = ctx.now.toISOString();
    const id = newId();
    const title = body.title ?? defaultTitle(body.month);
    await trx
      .insertInto('meetings')
      .values({
        id,
        region_id: actor.regionId,
        month: body.month,
        held_on: body.heldOn ?? null,
        title,
        notes: body.notes || null,
        created_by: actor.id,
        created_at: at,
        updated_at: at,
        row_version: 1,
      })
      .execute();
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'meeting.create',
      entity: 'meeting',
      entityId: id,
      after: { month: body.month, title, heldOn: body.heldOn ?? null },
    });
  });
  return getMeeting(db, ctx, body.month);
}

export async function updateMeeting(db: Db, ctx: RequestContext, month: string, body: MeetingPatch) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'meeting.manage', { regionId: actor.regionId });
  const { from, to } = monthRange(month);
  if (body.heldOn && (body.heldOn < from || body.heldOn > addDays(to, 31)))
    throw validationError('meeting_held_on', 'heldOn', { month });
  await db.transaction().execute(async (trx) => {
    const m = await meetingOf(trx, actor.regionId, month);
    if (Number(m.row_version) !== body.rowVersion) throw conflict('stale_version', {}, 'rowVersion');
    const set: Partial<MeetingTable> = {};
    if (body.title !== undefined) set.title = body.title;
    if (body.heldOn !== undefined) set.held_on = body.heldOn;
    if (body.notes !== undefined) set.notes = body.notes || null;
    const updated = await trx
      .updateTable('meetings')
      .set({ ...set, updated_at: ctx.now.toISOString(), row_version: body.rowVersion + 1 })
      .where('id', '=', m.id)
      .where('row_version', '=', body.rowVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw conflict('stale_version', {}, 'rowVersion');
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'meeting.update',
      entity: 'meeting',
      entityId: m.id,
      before: { title: m.title, heldOn: m.held_on, notes: m.notes },
      after: { title: set.title ?? m.title, heldOn: set.held_on ?? m.held_on, notes: set.notes ?? m.notes },
    });
  });
  return getMeeting(db, ctx, month);
}

async function checkUnit(db: Queryable, regionId: string, unitId: string | null | undefined) {
  if (unitId && !(await repo.unitExists(db, regionId, unitId)))
    throw validationError('not_found', 'ownerUnitId', { entity: 'unit' });
}

export async function addCommitment(db: Db, ctx: RequestContext, month: string, body: CommitmentCreate) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'meeting.manage', { regionId: actor.regionId });
  await db.transaction().execute(async (trx) => {
    const m = await meetingOf(trx, actor.regionId, month);
    await checkUnit(trx, actor.regionId, body.ownerUnitId);
    const at = ctx.now.toISOString();
    const id = newId();
    const seq = await repo.nextCommitmentSeq(trx, m.id);
    await trx
      .insertInto('meeting_commitments')
      .values({
        id,
        region_id: actor.regionId,
        meeting_id: m.id,
        seq,
        text: body.text,
        owner_unit_id: body.ownerUnitId ?? null,
        owner_person: body.ownerPerson || null,
        deadline: body.deadline,
        status: 'open',
        done_on: null,
        note: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'meeting.commitment_add',
      entity: 'meeting_commitment',
      entityId: id,
      after: { meetingId: m.id, month, seq, ...body },
    });
  });
  return getMeeting(db, ctx, month);
}

export async function updateCommitment(
  db: Db,
  ctx: RequestContext,
  month: string,
  id: string,
  body: CommitmentPatch,
) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'meeting.manage', { regionId: actor.regionId });
  await db.transaction().execute(async (trx) => {
    const m = await meetingOf(trx, actor.regionId, month);
    const c = await repo.findCommitment(trx, actor.regionId, m.id, id);
    if (!c) throw notFound('meeting_commitment', 'id');
    await checkUnit(trx, actor.regionId, body.ownerUnitId);
    const status = body.status ?? c.status;
    if (body.doneOn && status !== 'done') throw validationError('commitment_done_on', 'doneOn');
    const today = await regionToday(trx, actor.regionId, ctx.now);
    const set: Partial<MeetingCommitmentTable> = { status };
    if (body.text !== undefined) set.text = body.text;
    if (body.ownerUnitId !== undefined) set.owner_unit_id = body.ownerUnitId;
    if (body.ownerPerson !== undefined) set.owner_person = body.ownerPerson || null;
    if (body.deadline !== undefined) set.deadline = body.deadline;
    if (body.note !== undefined) set.note = body.note || null;
    set.done_on = status === 'done' ? (body.doneOn ?? (c.status === 'done' ? c.done_on : today)) : null;
    await trx
      .updateTable('meeting_commitments')
      .set({ ...set, updated_at: ctx.now.toISOString() })
      .where('id', '=', c.id)
      .execute();
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'meeting.commitment_update',
      entity: 'meeting_commitment',
      entityId: c.id,
      before: { status: c.status, doneOn: c.done_on, text: c.text, deadline: c.deadline },
      after: { status, doneOn: set.done_on, text: set.text ?? c.text, deadline: set.deadline ?? c.deadline },
    });
  });
  return getMeeting(db, ctx, month);
}

type WarningRow = Awaited<ReturnType<typeof repo.warningsIssuedIn>>[number];
const packWarningOf = (w: WarningRow, locale: Locale): PackWarning => ({
  id: w.id,
  kind: w.kind,
  colour: w.issued_colour,
  unitName: w.unit_name,
  itemNumber: w.item_number,
  itemTitle: w.item_title,
  issuedOn: w.issued_on,
  closedOn: w.closed_on,
  state: w.state,
  explanation: (locale === 'zh-CN' ? w.explanation_zh : w.explanation_en) || w.reason || '',
});

/** The month's ranking: the published snapshot, else a preview; none for a month not begun or with nobody ranked. */
async function rankingOf(db: Db, ctx: RequestContext, month: string, today: string, locale: Locale) {
  if (month > today.slice(0, 7)) return null;
  const m = await getMonth(db, ctx, month);
  const result = m.result as unknown as MonthResult;
  if (!result.scores.some((s) => s.rank !== null)) return null;
  const entry = (e: { rank: number | null; name: string; total: number | null }) => ({
    rank: e.rank,
    name: e.name,
    total: e.total,
  });
  return {
    published: m.published,
    revision: m.revision,
    categories: result.categories.map((c) => ({
      name: c.name[locale],
      ranking: c.ranking.map(entry),
      top: c.top.map(entry),
      bottom: c.bottom.map(entry),
    })),
  };
}

export async function meetingPack(
  db: Db,
  ctx: RequestContext,
  month: string,
  locale: Locale,
): Promise<PackView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'meeting.read', { regionId: actor.regionId });
  const regionId = actor.regionId;
  const { from, to } = monthRange(month);
  const today = await regionToday(db, regionId, ctx.now);
  const [meeting, previous, issued, cleared, items, cases, reviews, ranking] = await Promise.all([
    repo.findMeeting(db, regionId, month),
    repo.previousMeeting(db, regionId, month),
    repo.warningsIssuedIn(db, regionId, from, to),
    repo.warningsClearedIn(db, regionId, from, to),
    repo.itemsByStatus(db, regionId, from, to),
    repo.openCasesAt(db, regionId, to),
    repo.reviewsScheduledFor(db, regionId, month),
    rankingOf(db, ctx, month, today, locale),
  ]);
  const carried = previous
    ? (await repo.commitmentsOf(db, regionId, previous.id)).map((r) => commitmentViewOf(r, today))
    : [];
  const commitments = meeting
    ? (await repo.commitmentsOf(db, regionId, meeting.id)).map((r) => commitmentViewOf(r, today))
    : [];
  const warningsIssued = issued.map((w) => packWarningOf(w, locale));
  const warningsCleared = cleared.map((w) => packWarningOf(w, locale));
  const itemsByStatus = items.map((r) => ({ status: r.status, count: Number(r.n) }));
  const openCases = cases.map((c) => ({
    id: c.id,
    receipt: c.receipt,
    title: c.title,
    unitName: c.unit_name,
    status: c.status,
    receivedOn: c.received_on,
    deadline: c.deadline,
  }));
  const reviewList = reviews.map((r) => ({
    id: r.id,
    title: r.title,
    itemNumber: r.item_number,
    itemTitle: r.item_title,
    state: r.state,
    heldOn: r.held_on,
  }));
  const empty =
    meeting === undefined &&
    warningsIssued.length === 0 &&
    warningsCleared.length === 0 &&
    itemsByStatus.length === 0 &&
    ranking === null &&
    openCases.length === 0 &&
    reviewList.length === 0 &&
    carried.length === 0;
  return {
    month,
    from,
    to,
    generatedOn: today,
    empty,
    meeting: meeting
      ? {
          id: meeting.id,
          title: meeting.title,
          heldOn: meeting.held_on,
          notes: meeting.notes,
          rowVersion: Number(meeting.row_version),
        }
      : null,
    summary: {
      lightsIssued: warningsIssued.filter((w) => w.kind === 'light').length,
      cardsIssued: warningsIssued.filter((w) => w.kind === 'card').length,
      lightsCleared: warningsCleared.filter((w) => w.kind === 'light').length,
      cardsCleared: warningsCleared.filter((w) => w.kind === 'card').length,
      items: itemsByStatus.reduce((n, s) => n + s.count, 0),
      openCases: openCases.length,
      reviewsScheduled: reviewList.length,
      commitmentsCarried: carried.length,
      commitmentsCarriedOpen: carried.filter((c) => c.status === 'open').length,
    },
    warningsIssued,
    warningsCleared,
    itemsByStatus,
    ranking,
    openCases,
    reviews: reviewList,
    carried: previous ? { month: previous.month, title: previous.title, commitments: carried } : null,
    commitments,
  };
}
