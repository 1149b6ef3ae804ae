// Post-mortem reviews (复盘) of an item: the task force opens one, schedules it onto a monthly meeting (月度例会),
// marks it held and closes it once every follow-up action is settled; the lead unit's manager may write the sections
// it presents (problems, causes, lessons 举一反三); the units owning follow-up actions report on them. The detail
// carries the item's timeline and a planned-vs-actual chart, built by the domain from the history on record as of
// the region's today. Admonition talks appear on the timeline for discipline roles only (PRODUCT.md).
import {
  assertAuthorized,
  authorize,
  buildTimeline,
  conflict,
  forbidden,
  mayAttempt,
  notFound,
  plannedActual,
  ROLE_SCOPE,
  shanghaiDateOf,
  validationError,
  type ReviewActionStatus,
  type TimelineWarning,
} from '@benpao/domain';
import type { Db, Queryable } from '../../db/index.ts';
import type { ReviewActionTable, ReviewTable } from '../../db/schema.ts';
import type { RequestContext, SessionUser } from '../../context.ts';
import { offsetOf } from '../../http.ts';
import { newId } from '../../ids.ts';
import { recordAudit } from '../audit/service.ts';
import { regionToday } from '../calendar/service.ts';
import { actorOf } from '../units/service.ts';
import * as repo from './repository.ts';
import type {
  ActionCreate,
  ActionUpdate,
  ReviewCreate,
  ReviewDetail,
  ReviewListQuery,
  ReviewSummary,
  SectionsBody,
} from './schema.ts';

const isCounty = (actor: SessionUser) => actor.roles.some((r) => ROLE_SCOPE[r] === 'county');
const OPEN_STATES: readonly ReviewTable['state'][] = ['draft', 'scheduled', 'held'];
const illegal = (state: string) => conflict('review_state', { reviewState: state });

/** Whether a unit role may see the review: its item is the unit's (lead or co-unit) or the unit owns an action. */
async function sees(
  db: Queryable,
  actor: SessionUser,
  review: repo.ReviewRow,
  actions: readonly repo.ActionRow[],
) {
  if (isCounty(actor)) return true;
  if (review.lead_unit_id === actor.unitId) return true;
  if (actions.some((a) => a.owner_unit_id === actor.unitId)) return true;
  return (await repo.coUnitsOf(db, review.item_id)).includes(actor.unitId);
}

/** Loads a review the caller may read (404 unknown, 403 another unit's). */
async function readable(db: Queryable, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'review.read', { regionId: actor.regionId });
  const review = await repo.findReview(db, actor.regionId, id);
  if (!review) throw notFound('review', 'id');
  const actions = (await repo.actionsOf(db, [id])).get(id) ?? [];
  if (!(await sees(db, actor, review, actions))) throw forbidden();
  return { actor, review, actions };
}

const counts = (actions: readonly ReviewActionTable[], today: string) => ({
  actionsTotal: actions.length,
  actionsOpen: actions.filter((a) => a.status === 'open').length,
  actionsOverdue: actions.filter((a) => a.status === 'open' && a.deadline < today).length,
});

function summaryOf(r: repo.ReviewRow, actions: readonly ReviewActionTable[], today: string): ReviewSummary {
  return {
    id: r.id,
    itemId: r.item_id,
    itemNumber: r.item_number,
    itemTitle: r.item_title,
    itemKind: r.item_kind,
    itemStatus: r.item_status,
    leadUnitId: r.lead_unit_id,
    leadUnitName: r.lead_unit_name,
    title: r.title,
    state: r.state,
    meetingMonth: r.meeting_month,
    heldOn: r.held_on,
    ...counts(actions, today),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const mayUpdateAction = (actor: SessionUser, review: repo.ReviewRow, a: ReviewActionTable) =>
  review.state !== 'closed' &&
  authorize(actor, 'review.action_update', {
    regionId: review.region_id,
    ...(isCounty(actor) ? {} : { unitId: a.owner_unit_id }),
  });

const mayEditSections = (actor: SessionUser, review: repo.ReviewRow) =>
  review.state !== 'closed' &&
  authorize(actor, 'review.edit', { regionId: review.region_id, unitId: review.lead_unit_id });

// ------------------------------------------------------------------------------------------------- reading

export async function listReviews(db: Db, ctx: RequestContext, q: ReviewListQuery) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'review.read', { regionId: actor.regionId });
  const { rows, total } = await repo.listReviews(
    db,
    {
      regionId: actor.regionId,
      meetingMonth: q.meetingMonth,
      itemId: q.itemId,
      state: q.state,
      unitId: isCounty(actor) ? undefined : actor.unitId,
    },
    q.pageSize,
    offsetOf(q),
  );
  const [actions, today] = await Promise.all([
    repo.actionsOf(
      db,
      rows.map((r) => r.id),
    ),
    regionToday(db, actor.regionId, ctx.now),
  ]);
  return { items: rows.map((r) => summaryOf(r, actions.get(r.id) ?? [], today)), total };
}

/** The item's timeline and planned-vs-actual chart as of `today`, from the history on record. */
async function historyOf(db: Queryable, actor: SessionUser, review: repo.ReviewRow, today: string) {
  const item = (await repo.findItem(db, review.region_id, review.item_id))!;
  const h = await repo.itemHistory(db, review.region_id, item.id, item.lead_unit_id);
  const names = await repo.unitNames(db, [...new Set(h.warnings.map((w) => w.unit_id))]);
  const warnings: TimelineWarning[] = h.warnings.map((w) => ({
    id: w.id,
    kind: w.kind,
    unitName: names.get(w.unit_id) ?? null,
    events: h.events
      .filter((e) => e.warning_id === w.id)
      .map((e) => ({ seq: Number(e.seq), type: e.type, onDate: e.on_date, colour: e.colour })),
  }));
  // Talk records are the discipline commission's: nobody else sees that one was held.
  const talks = mayAttempt(actor, 'admonition.read')
    ? await repo.talksOfItem(
        db,
        review.region_id,
        item.id,
        h.warnings.map((w) => w.id),
        h.cases.map((x) => x.id),
      )
    : [];
  const timeline = buildTimeline({
    asOf: today,
    transitions: h.transitions.map((t) => ({
      id: t.id,
      action: t.action,
      toStatus: t.to_status,
      at: t.at,
      onDate: t.on_date,
      actorName: t.actor_name,
      reason: t.reason,
    })),
    requests: h.requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      requestedAt: r.requested_at,
      decidedAt: r.decided_at,
      proposedDueDate: r.proposed_due_date,
    })),
    milestones: h.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      plannedDate: m.planned_date,
      doneDate: m.done_date,
    })),
    reports: h.reports.map((r) => ({
      id: r.id,
      periodKey: r.period_key,
      status: r.status,
      submittedOn: r.submitted_on,
      reviewedAt: r.reviewed_at,
      reviewedOn: r.reviewed_on,
      returnReason: r.return_reason,
      late: r.late === null ? null : Number(r.late) === 1,
      workingDaysLate: r.working_days_late === null ? null : Number(r.working_days_late),
      progress: r.progress === null ? null : Number(r.progress),
    })),
    warnings,
    cases: h.cases.map((x) => ({
      id: x.id,
      number: null,
      title: x.title,
      openedOn: x.received_on,
      closedOn: x.closed_on,
    })),
    talks: talks.map((t) => ({ id: t.id, heldOn: t.held_on, unitName: t.unit_name })),
  });
  const completed = h.transitions.filter((t) => t.action === 'complete').at(-1);
  const series = plannedActual({
    kind: item.kind,
    startDate: item.start_date,
    dueDate: item.due_date,
    completedOn:
      completed && item.status === 'completed' ? (completed.on_date ?? shanghaiDateOf(completed.at)) : null,
    asOf: today,
    milestones: h.milestones.map((m) => ({
      id: m.id,
      plannedDate: m.planned_date,
      weight: Number(m.weight),
      doneDate: m.done_date,
    })),
    reports: h.reports
      .filter((r) => r.status === 'accepted')
      .map((r) => ({
        periodKey: r.period_key,
        progress: r.progress === null ? null : Number(r.progress),
        completedInvestmentFen:
          r.completed_investment_fen === null ? null : Number(r.completed_investment_fen),
        indicatorValue: r.indicator_value === null ? null : Number(r.indicator_value),
      })),
    investmentPlan: h.plans.map((p) => ({ month: p.month, fen: Number(p.plan_fen) })),
    indicatorTargets: h.targets.map((t) => ({ periodKey: t.period_key, target: Number(t.target) })),
  });
  return { timeline, plannedActual: series };
}

async function detailOf(db: Queryable, ctx: RequestContext, id: string): Promise<ReviewDetail> {
  const { actor, review, actions } = await readable(db, ctx, id);
  const today = await regionToday(db, actor.regionId, ctx.now);
  const manage = authorize(actor, 'review.manage', { regionId: review.region_id });
  return {
    ...summaryOf(review, actions, today),
    problems: review.problems,
    causes: review.causes,
    lessons: review.lessons,
    closedAt: review.closed_at,
    actions: actions.map((a) => ({
      id: a.id,
      seq: Number(a.seq),
      title: a.title,
      ownerUnitId: a.owner_unit_id,
      ownerUnitName: a.owner_unit_name,
      ownerPerson: a.owner_person,
      deadline: a.deadline,
      status: a.status,
      doneOn: a.done_on,
      notes: a.notes,
      overdue: a.status === 'open' && a.deadline < today,
      canUpdate: mayUpdateAction(actor, review, a),
    })),
    ...(await historyOf(db, actor, review, today)),
    asOf: today,
    can: {
      editSections: mayEditSections(actor, review),
      schedule: manage && (review.state === 'draft' || review.state === 'scheduled'),
      markHeld: manage && review.state === 'scheduled',
      close: manage && review.state === 'held',
      addAction: manage && review.state !== 'closed',
    },
  };
}

export const getReview = (db: Queryable, ctx: RequestContext, id: string) => detailOf(db, ctx, id);

// ------------------------------------------------------------------------------------------------- writing

async function checkMeetingMonth(db: Queryable, ctx: RequestContext, regionId: string, month: string) {
  const today = await regionToday(db, regionId, ctx.now);
  if (month < today.slice(0, 7))
    throw validationError('meeting_month_past', 'meetingMonth', { month: today.slice(0, 7) });
}

export async function createReview(db: Db, ctx: RequestContext, body: ReviewCreate) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'review.manage', { regionId: actor.regionId });
  const id = newId();
  const now = ctx.now.toISOString();
  await db.transaction().execute(async (trx) => {
    const item = await repo.findItem(trx, actor.regionId, body.itemId);
    if (!item) throw validationError('reference_not_found', 'itemId', { entity: 'item' });
    // A draft has no history to review yet.
    if (item.status === 'draft') throw conflict('review_item_draft', {}, 'itemId');
    if (body.meetingMonth !== undefined) await checkMeetingMonth(trx, ctx, actor.regionId, body.meetingMonth);
    const row = {
      id,
      region_id: actor.regionId,
      item_id: item.id,
      title: body.title ?? `${item.title} 复盘`.slice(0, 200),
      state: body.meetingMonth !== undefined ? ('scheduled' as const) : ('draft' as const),
      meeting_month: body.meetingMonth ?? null,
      held_on: null,
      problems: null,
      causes: null,
      lessons: null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      closed_at: null,
    };
    await repo.insertReview(trx, row);
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'review.create',
      entity: 'review',
      entityId: id,
      after: { itemId: item.id, title: row.title, state: row.state, meetingMonth: row.meeting_month },
    });
  });
  return detailOf(db, ctx, id);
}

export async function updateSections(db: Db, ctx: RequestContext, id: string, body: SectionsBody) {
  await db.transaction().execute(async (trx) => {
    const { actor, review } = await readable(trx, ctx, id);
    assertAuthorized(actor, 'review.edit', { regionId: review.region_id, unitId: review.lead_unit_id });
    if (review.state === 'closed') throw illegal(review.state);
    const clean = (v: string | null | undefined) => (v === undefined ? undefined : v ? v : null);
    const changes = {
      ...(body.title !== undefined && { title: body.title }),
      ...(body.problems !== undefined && { problems: clean(body.problems)! }),
      ...(body.causes !== undefined && { causes: clean(body.causes)! }),
      ...(body.lessons !== undefined && { lessons: clean(body.lessons)! }),
    };
    if (Object.keys(changes).length === 0) return;
    if (!(await repo.updateReview(trx, id, OPEN_STATES, { ...changes, updated_at: ctx.now.toISOString() })))
      throw illegal('closed');
    const before = Object.fromEntries(
      Object.keys(changes).map((k) => [k, review[k as 'title' | 'problems' | 'causes' | 'lessons']]),
    );
    await recordAudit(trx, ctx, {
      regionId: review.region_id,
      action: 'review.update',
      entity: 'review',
      entityId: id,
      before,
      after: changes,
    });
  });
  return detailOf(db, ctx, id);
}

/** Onto a month's meeting (from a draft, or moved to another month while scheduled). */
export async function schedule(db: Db, ctx: RequestContext, id: string, body: { meetingMonth: string }) {
  await db.transaction().execute(async (trx) => {
    const { actor, review } = await readable(trx, ctx, id);
    assertAuthorized(actor, 'review.manage', { regionId: review.region_id });
    if (review.state !== 'draft' && review.state !== 'scheduled') throw illegal(review.state);
    await checkMeetingMonth(trx, ctx, review.region_id, body.meetingMonth);
    const ok = await repo.updateReview(trx, id, ['draft', 'scheduled'], {
      state: 'scheduled',
      meeting_month: body.meetingMonth,
      updated_at: ctx.now.toISOString(),
    });
    if (!ok) throw illegal('held');
    await recordAudit(trx, ctx, {
      regionId: review.region_id,
      action: 'review.schedule',
      entity: 'review',
      entityId: id,
      before: { state: review.state, meetingMonth: review.meeting_month },
      after: { state: 'scheduled', meetingMonth: body.meetingMonth },
    });
  });
  return detailOf(db, ctx, id);
}

/** The meeting took it (by default today, the region's). */
export async function markHeld(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: { heldOn?: string | undefined },
) {
  await db.transaction().execute(async (trx) => {
    const { actor, review } = await readable(trx, ctx, id);
    assertAuthorized(actor, 'review.manage', { regionId: review.region_id });
    if (review.state !== 'scheduled') throw illegal(review.state);
    const today = await regionToday(trx, review.region_id, ctx.now);
    const heldOn = body.heldOn ?? today;
    if (heldOn > today) throw validationError('date_after_today', 'heldOn', { today });
    if (
      !(await repo.updateReview(trx, id, ['scheduled'], {
        state: 'held',
        held_on: heldOn,
        updated_at: ctx.now.toISOString(),
      }))
    )
      throw illegal('held');
    await recordAudit(trx, ctx, {
      regionId: review.region_id,
      action: 'review.held',
      entity: 'review',
      entityId: id,
      before: { state: review.state },
      after: { state: 'held', heldOn, meetingMonth: review.meeting_month },
    });
  });
  return detailOf(db, ctx, id);
}

/** Closed once held and every follow-up action is done or cancelled. */
export async function closeReview(db: Db, ctx: RequestContext, id: string) {
  await db.transaction().execute(async (trx) => {
    const { actor, review } = await readable(trx, ctx, id);
    assertAuthorized(actor, 'review.manage', { regionId: review.region_id });
    if (review.state !== 'held') throw illegal(review.state);
    await repo.lockReview(trx, id);
    const open = ((await repo.actionsOf(trx, [id])).get(id) ?? []).filter((a) => a.status === 'open');
    if (open.length > 0) throw conflict('review_actions_open', { count: open.length });
    const now = ctx.now.toISOString();
    if (!(await repo.updateReview(trx, id, ['held'], { state: 'closed', closed_at: now, updated_at: now })))
      throw illegal('closed');
    await recordAudit(trx, ctx, {
      regionId: review.region_id,
      action: 'review.close',
      entity: 'review',
      entityId: id,
      before: { state: review.state },
      after: { state: 'closed' },
    });
  });
  return detailOf(db, ctx, id);
}

// ------------------------------------------------------------------------------------------------- actions

export async function addAction(db: Db, ctx: RequestContext, id: string, body: ActionCreate) {
  await db.transaction().execute(async (trx) => {
    const { actor, review } = await readable(trx, ctx, id);
    assertAuthorized(actor, 'review.manage', { regionId: review.region_id });
    if (review.state === 'closed') throw illegal(review.state);
    if (!(await repo.unitInRegion(trx, review.region_id, body.ownerUnitId)))
      throw validationError('reference_not_found', 'ownerUnitId', { entity: 'unit' });
    // Serialises two additions to one review, so that they do not race for the same number.
    await repo.lockReview(trx, id);
    const now = ctx.now.toISOString();
    const row: ReviewActionTable = {
      id: newId(),
      region_id: review.region_id,
      review_id: id,
      seq: await repo.nextActionSeq(trx, id),
      title: body.title,
      owner_unit_id: body.ownerUnitId,
      owner_person: body.ownerPerson ? body.ownerPerson : null,
      deadline: body.deadline,
      status: 'open',
      done_on: null,
      notes: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertAction(trx, row);
    await recordAudit(trx, ctx, {
      regionId: review.region_id,
      action: 'review.action_create',
      entity: 'review_action',
      entityId: row.id,
      after: {
        reviewId: id,
        seq: row.seq,
        title: row.title,
        ownerUnitId: row.owner_unit_id,
        ownerPerson: row.owner_person,
        deadline: row.deadline,
      },
    });
  });
  return detailOf(db, ctx, id);
}

/** The fields a unit owning the action may change; the task force may change all. */
const OWNER_FIELDS: readonly string[] = ['status', 'doneOn', 'notes'];

export async function updateAction(
  db: Db,
  ctx: RequestContext,
  id: string,
  actionId: string,
  body: ActionUpdate,
) {
  await db.transaction().execute(async (trx) => {
    const { actor, review } = await readable(trx, ctx, id);
    const action = await repo.findAction(trx, id, actionId);
    if (!action) throw notFound('review_action', 'actionId');
    assertAuthorized(actor, 'review.action_update', {
      regionId: review.region_id,
      ...(isCounty(actor) ? {} : { unitId: action.owner_unit_id }),
    });
    if (!isCounty(actor) || !authorize(actor, 'review.manage', { regionId: review.region_id })) {
      const other = Object.keys(body).find((k) => !OWNER_FIELDS.includes(k));
      if (other !== undefined) throw forbidden();
    }
    if (review.state === 'closed') throw illegal(review.state);
    if (Object.keys(body).length === 0) return;
    if (body.ownerUnitId !== undefined && !(await repo.unitInRegion(trx, review.region_id, body.ownerUnitId)))
      throw validationError('reference_not_found', 'ownerUnitId', { entity: 'unit' });
    const today = await regionToday(trx, review.region_id, ctx.now);
    const status: ReviewActionStatus = body.status ?? action.status;
    let doneOn: string | null = action.done_on;
    if (status === 'done') {
      doneOn = body.doneOn ?? action.done_on ?? today;
      if (doneOn > today) throw validationError('date_after_today', 'doneOn', { today });
    } else {
      if (body.doneOn !== undefined) throw validationError('action_not_done', 'doneOn');
      doneOn = null;
    }
    const changes: Partial<ReviewActionTable> = {
      ...(body.title !== undefined && { title: body.title }),
      ...(body.ownerUnitId !== undefined && { owner_unit_id: body.ownerUnitId }),
      ...(body.ownerPerson !== undefined && { owner_person: body.ownerPerson ? body.ownerPerson : null }),
      ...(body.deadline !== undefined && { deadline: body.deadline }),
      ...(body.notes !== undefined && { notes: body.notes ? body.notes : null }),
      status,
      done_on: doneOn,
      updated_at: ctx.now.toISOString(),
    };
    await repo.lockReview(trx, id);
    await repo.updateAction(trx, actionId, changes);
    const { updated_at: _u, ...after } = changes;
    void _u;
    await recordAudit(trx, ctx, {
      regionId: review.region_id,
      action: 'review.action_update',
      entity: 'review_action',
      entityId: actionId,
      before: Object.fromEntries(
        Object.keys(after).map((k) => [k, action[k as keyof ReviewActionTable] ?? null]),
      ),
      after,
    });
  });
  return detailOf(db, ctx, id);
}
