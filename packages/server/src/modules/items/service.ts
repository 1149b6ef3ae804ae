// Items (督办事项): registration, assignment and the lifecycle, with progress computed from recorded facts.
import {
  actualProgress,
  allowedItemActions,
  assertAuthorized,
  assertNoProblems,
  attainment,
  conflict,
  DomainError,
  forbidden,
  investmentCompletion,
  isPeriodKey,
  itemActorsOf,
  milestoneOverdue,
  nextItemState,
  notFound,
  periodByKey,
  plannedProgress,
  progressLag,
  ROLE_SCOPE,
  targetFor,
  validateIndicator,
  validateInvestment,
  validateMilestones,
  validationError,
  type FieldProblem,
  type ItemState,
} from '@benpao/domain';
import type { z } from 'zod';
import type { Db, Queryable } from '../../db/index.ts';
import type { ItemTable } from '../../db/schema.ts';
import type { RequestContext, SessionUser } from '../../context.ts';
import { newId } from '../../ids.ts';
import { offsetOf } from '../../http.ts';
import { recordAudit } from '../audit/service.ts';
import { reevaluateItems } from '../warnings/engine.ts';
import { regionToday } from '../calendar/service.ts';
import { notify } from '../notifications/service.ts';
import { actorOf } from '../units/service.ts';
import * as repo from './repository.ts';
import type {
  ItemCreate,
  ItemDetail,
  itemListQuery,
  itemSummary,
  ItemUpdate,
  requestCreate,
  requestDecision,
  transitionBody,
} from './schema.ts';

type Summary = z.infer<typeof itemSummary>;
export type Relation = 'county' | 'lead' | 'co_unit';

const isCounty = (actor: SessionUser) => actor.roles.some((r) => ROLE_SCOPE[r] === 'county');

/**
 * How the caller stands to an item; null when it may not see it. A draft is the county's alone: its units see
 * it once the supervisor assigns it (交办).
 */
export function relationTo(
  actor: SessionUser,
  item: Pick<ItemTable, 'lead_unit_id' | 'status'>,
  coUnitIds: readonly string[],
): Relation | null {
  if (isCounty(actor)) return 'county';
  if (item.status === 'draft') return null;
  if (item.lead_unit_id === actor.unitId) return 'lead';
  if (coUnitIds.includes(actor.unitId)) return 'co_unit';
  return null;
}

/** Loads an item the caller may see, or throws 404/403. */
export async function visibleItem(db: Queryable, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  const item = await repo.findItemRow(db, actor.regionId, id);
  if (!item) throw notFound('item', 'id');
  const facts = (await repo.loadFacts(db, [item])).get(id)!;
  const relation = relationTo(actor, item, facts.coUnitIds);
  // For a unit a draft does not exist yet: 404, as for an id that names nothing.
  if (!relation && item.status === 'draft') throw notFound('item', 'id');
  if (!relation) throw forbidden();
  assertAuthorized(actor, 'item.read', {
    regionId: item.region_id,
    ...(relation === 'county' ? {} : { unitId: actor.unitId }),
  });
  return { actor, item, facts, relation };
}

const CLOSED: readonly string[] = ['completed', 'cancelled'];

function investmentMonthOf(periodKey: string | undefined, asOf: string): string {
  if (!periodKey) return asOf.slice(0, 7);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(periodKey);
  if (quarter) return `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, '0')}`;
  if (/^\d{4}-\d{2}$/.test(periodKey)) return periodKey;
  return periodByKey(periodKey).end.slice(0, 7);
}

export function progressOf(item: repo.ItemSummaryRow, facts: repo.ItemFacts, asOf: string) {
  const milestones = facts.milestones.map((m) => ({
    id: m.id,
    plannedDate: m.planned_date,
    weight: Number(m.weight),
    doneDate: m.done_date,
  }));
  const schedule = { start: item.start_date, due: item.due_date, milestones };
  let planned = item.status === 'completed' ? 100 : plannedProgress(schedule, asOf);
  const reported = facts.latestAccepted?.progress ?? null;
  let actual =
    item.status === 'completed' ? 100 : actualProgress({ milestones, reportedProgress: reported }, asOf);
  let indicator = null;
  if (item.kind === 'indicator' && item.direction && facts.latestAccepted?.indicatorValue != null) {
    const key = facts.latestAccepted.periodKey;
    const ind = {
      direction: item.direction as 'higher_better' | 'lower_better',
      annualTarget: Number(item.annual_target ?? 0),
      cumulativeTargets: facts.targets,
    };
    if (targetFor(ind, key) !== undefined)
      indicator = { periodKey: key, ...attainment(ind, facts.latestAccepted.indicatorValue, key) };
  }
  if (item.kind === 'indicator' && item.status !== 'completed') {
    // An indicator has no schedule to be behind: its progress is its attainment of the latest cumulative target.
    planned = indicator ? 100 : 0;
    actual = indicator ? Math.min(100, indicator.attainmentPct) : 0;
  }
  let investment = null;
  if (item.kind === 'project') {
    investment = investmentCompletion(
      {
        annualPlanFen: Number(item.annual_plan_fen ?? 0),
        monthlyPlanFen: facts.plans,
        completedFen: facts.latestAccepted?.completedInvestmentFen ?? 0,
      },
      // Compare like with like: the year-to-date figure of the latest accepted report against the plan to the
      // end of that report's period, not against months nobody has reported on yet.
      investmentMonthOf(facts.latestAccepted?.periodKey, asOf),
    );
  }
  return {
    asOf,
    planned,
    actual,
    lag: progressLag(planned, actual),
    indicator,
    investment,
    overdue: item.due_date < asOf && !CLOSED.includes(item.status),
  };
}

function summaryOf(
  actor: SessionUser,
  item: repo.ItemSummaryRow,
  facts: repo.ItemFacts,
  asOf: string,
  names: { leadUnitName: string | null; leaderName: string | null },
): Summary {
  const relation = relationTo(actor, item, facts.coUnitIds) ?? 'co_unit';
  return {
    id: item.id,
    number: item.number,
    kind: item.kind,
    title: item.title,
    status: item.status as ItemState,
    urgency: item.urgency as Summary['urgency'],
    leadUnitId: item.lead_unit_id,
    leadUnitName: names.leadUnitName ?? '',
    coUnitIds: facts.coUnitIds,
    leaderUserId: item.leader_user_id,
    leaderName: item.leader_user_id ? names.leaderName : null,
    startDate: item.start_date,
    dueDate: item.due_date,
    frequency: item.frequency as Summary['frequency'],
    progress: progressOf(item, facts, asOf),
    access: {
      relation,
      canReport:
        relation === 'lead' && actor.roles.some((r) => r === 'unit_manager' || r === 'unit_reporter'),
    },
  };
}

export async function listItems(
  db: Db,
  ctx: RequestContext,
  q: z.infer<typeof itemListQuery>,
  /** The export takes every matching item rather than a page. */
  range: { limit: number; offset: number } = { limit: q.pageSize, offset: offsetOf(q) },
) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'item.list', { regionId: actor.regionId });
  const asOf = await regionToday(db, actor.regionId, ctx.now);
  const filter: repo.ItemFilter = {
    kind: q.kind,
    unitId: q.unitId,
    leaderUserId: q.leaderUserId,
    status: q.status,
    q: q.q,
    ...(q.overdue === 'true' && { overdueAsOf: asOf }),
    ...(q.overdue === 'false' && { notOverdueAsOf: asOf }),
    ...(!isCounty(actor) && { visibleToUnit: actor.unitId }),
  };
  const { rows, total } = await repo.listItemRows(db, actor.regionId, filter, range.limit, range.offset);
  const facts = await repo.loadFacts(db, rows);
  return {
    total,
    items: rows.map((r) =>
      summaryOf(actor, r, facts.get(r.id)!, asOf, {
        leadUnitName: r.lead_unit_name,
        leaderName: r.leader_name,
      }),
    ),
  };
}

export async function getItem(db: Queryable, ctx: RequestContext, id: string): Promise<ItemDetail> {
  const { actor, item, facts } = await visibleItem(db, ctx, id);
  const asOf = await regionToday(db, actor.regionId, ctx.now);
  const [transitions, requests, units, coUnitNames] = await Promise.all([
    db
      .selectFrom('item_transitions')
      .selectAll()
      .where('item_id', '=', id)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('item_requests')
      .selectAll()
      .where('item_id', '=', id)
      .orderBy('requested_at', 'desc')
      .execute(),
    repo.unitNames(db, actor.regionId, [item.lead_unit_id]),
    repo.unitNames(db, actor.regionId, facts.coUnitIds),
  ]);
  const users = await repo.userNames(db, actor.regionId, [
    item.leader_user_id ?? '',
    ...requests.map((r) => r.requested_by),
    ...requests.map((r) => r.decided_by ?? ''),
  ]);
  const summary = summaryOf(actor, item, facts, asOf, {
    leadUnitName: units.get(item.lead_unit_id) ?? null,
    leaderName: item.leader_user_id ? (users.get(item.leader_user_id) ?? null) : null,
  });
  const own = item.lead_unit_id === actor.unitId;
  return {
    ...summary,
    description: item.description,
    basisType: item.basis_type as ItemDetail['basisType'],
    basisText: item.basis_text,
    coUnits: facts.coUnitIds.map((uid) => ({ id: uid, name: coUnitNames.get(uid) ?? '' })),
    deadlineWorkingDays: item.deadline_working_days,
    milestones: facts.milestones.map((m) => ({
      id: m.id,
      seq: m.seq,
      title: m.title,
      plannedDate: m.planned_date,
      weight: Number(m.weight),
      doneDate: m.done_date,
      overdueDays: milestoneOverdue({ plannedDate: m.planned_date, doneDate: m.done_date }, asOf),
    })),
    phase: item.phase as ItemDetail['phase'],
    plannedStart: item.planned_start,
    actualStart: item.actual_start,
    plannedCompletion: item.planned_completion,
    totalInvestmentFen: item.total_investment_fen === null ? null : Number(item.total_investment_fen),
    annualPlanFen: item.annual_plan_fen === null ? null : Number(item.annual_plan_fen),
    monthlyPlan: facts.plans,
    measure: item.measure,
    unitOfMeasure: item.unit_of_measure,
    direction: item.direction as ItemDetail['direction'],
    annualTarget: item.annual_target === null ? null : Number(item.annual_target),
    targetFrequency: item.target_frequency as ItemDetail['targetFrequency'],
    targets: facts.targets,
    transitions: transitions.map((t) => ({
      id: t.id,
      action: t.action,
      fromStatus: t.from_status,
      toStatus: t.to_status,
      actorId: t.actor_id,
      actorName: t.actor_name,
      reason: t.reason,
      at: t.at,
    })),
    requests: requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      reason: r.reason,
      proposedDueDate: r.proposed_due_date,
      proposedChanges: r.proposed_changes
        ? (JSON.parse(r.proposed_changes) as Record<string, unknown>)
        : null,
      status: r.status,
      requestedBy: users.get(r.requested_by) ?? r.requested_by,
      requestedAt: r.requested_at,
      decidedBy: r.decided_by ? (users.get(r.decided_by) ?? r.decided_by) : null,
      decidedAt: r.decided_at,
      decisionReason: r.decision_reason,
    })),
    allowedActions: allowedItemActions(item.status as ItemState, itemActorsOf(actor.roles, own)),
    rowVersion: item.row_version,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
  };
}

// ------------------------------------------------------------------------------------------ validation

type Fields = Partial<Omit<ItemCreate, 'kind'>> & { kind: ItemTable['kind'] } & Record<string, unknown>;

/** Checks a whole item (after applying an update to the stored one): every problem names its field. */
async function checkItem(db: Queryable, regionId: string, f: Fields): Promise<void> {
  const problems: FieldProblem[] = [];
  if (f.startDate && f.dueDate && f.dueDate < f.startDate)
    problems.push({ field: 'dueDate', code: 'due_before_start' });
  if (f.milestones?.length && f.startDate && f.dueDate) {
    problems.push(
      ...validateMilestones(
        f.milestones.map((m, i) => ({ id: m.id ?? `#${i}`, plannedDate: m.plannedDate, weight: m.weight })),
        f.startDate,
        f.dueDate,
      ).map((p) => ({ ...p, field: p.field.startsWith('milestones') ? p.field : `milestones.${p.field}` })),
    );
  }
  if (f.kind === 'project') {
    const p = f as unknown as Extract<ItemCreate, { kind: 'project' }>;
    if (p.plannedCompletion < p.plannedStart)
      problems.push({ field: 'plannedCompletion', code: 'due_before_start' });
    if (p.annualPlanFen > p.totalInvestmentFen)
      problems.push({ field: 'annualPlanFen', code: 'annual_over_total' });
    if (p.monthlyPlan?.length) {
      problems.push(
        ...validateInvestment({
          annualPlanFen: p.annualPlanFen,
          monthlyPlanFen: p.monthlyPlan,
          completedFen: 0,
        }).map((x) => ({
          ...x,
          field: x.field.replace(/^monthlyPlanFen/, 'monthlyPlan'),
        })),
      );
    }
  }
  if (f.kind === 'indicator') {
    const ind = f as unknown as Extract<ItemCreate, { kind: 'indicator' }>;
    problems.push(
      ...validateIndicator({
        direction: ind.direction,
        annualTarget: ind.annualTarget,
        cumulativeTargets: ind.targets ?? [],
      }).map((x) => ({
        ...x,
        field: x.field.replace(/^cumulativeTargets/, 'targets'),
      })),
    );
    (ind.targets ?? []).forEach((t, i) => {
      // A weekly key is no more a monthly target than a quarterly one is.
      if (isPeriodKey(t.periodKey) && periodByKey(t.periodKey).frequency !== ind.targetFrequency)
        problems.push({ field: `targets.${i}.periodKey`, code: 'period_frequency_mismatch' });
    });
  }
  assertNoProblems(problems);
  // References, checked after the shape so that a form's first error is about what the user typed.
  if (f.leadUnitId) await assertActiveUnit(db, regionId, f.leadUnitId, 'leadUnitId');
  for (const [i, uid] of (f.coUnitIds ?? []).entries()) {
    if (uid === f.leadUnitId) throw validationError('co_unit_is_lead', `coUnitIds.${i}`);
    await assertActiveUnit(db, regionId, uid, `coUnitIds.${i}`);
  }
  if (new Set(f.coUnitIds ?? []).size !== (f.coUnitIds ?? []).length)
    throw validationError('duplicate_id', 'coUnitIds');
  if (f.leaderUserId) {
    const leader = await db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.id')
      .where('users.region_id', '=', regionId)
      .where('users.id', '=', f.leaderUserId)
      .where('user_roles.role', '=', 'leader')
      .executeTakeFirst();
    if (!leader) throw validationError('not_a_leader', 'leaderUserId');
  }
}

async function assertActiveUnit(db: Queryable, regionId: string, unitId: string, field: string) {
  const unit = await db
    .selectFrom('units')
    .select(['id', 'active'])
    .where('region_id', '=', regionId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw validationError('not_found', field, { entity: 'unit' });
  if (!unit.active) throw validationError('unit_inactive', field);
}

function columnsOf(f: Partial<ItemCreate> & Record<string, unknown>): Partial<ItemTable> {
  const c: Partial<ItemTable> = {};
  const set = <K extends keyof ItemTable>(k: K, v: unknown) => {
    if (v !== undefined) c[k] = v as ItemTable[K];
  };
  set('title', f.title);
  set('description', f.description);
  set('basis_type', f.basisType);
  set('basis_text', f.basisText);
  set('urgency', f.urgency);
  set('lead_unit_id', f.leadUnitId);
  set('leader_user_id', f.leaderUserId);
  set('start_date', f.startDate);
  set('due_date', f.dueDate);
  set('frequency', f.frequency);
  set('deadline_working_days', f.deadlineWorkingDays);
  set('phase', f.phase);
  set('planned_start', f.plannedStart);
  set('actual_start', f.actualStart);
  set('planned_completion', f.plannedCompletion);
  set('total_investment_fen', f.totalInvestmentFen);
  set('annual_plan_fen', f.annualPlanFen);
  set('measure', f.measure);
  set('unit_of_measure', f.unitOfMeasure);
  set('direction', f.direction);
  set('annual_target', f.annualTarget);
  set('target_frequency', f.targetFrequency);
  return c;
}

/** The stored item in the shape of its create input, so that an update can be checked as a whole. */
function fieldsOf(item: ItemTable, facts: repo.ItemFacts): Fields {
  return {
    kind: item.kind,
    title: item.title,
    startDate: item.start_date,
    dueDate: item.due_date,
    leadUnitId: item.lead_unit_id,
    coUnitIds: facts.coUnitIds,
    leaderUserId: item.leader_user_id,
    milestones: facts.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      plannedDate: m.planned_date,
      weight: Number(m.weight),
    })),
    plannedStart: item.planned_start,
    plannedCompletion: item.planned_completion,
    totalInvestmentFen: item.total_investment_fen === null ? undefined : Number(item.total_investment_fen),
    annualPlanFen: item.annual_plan_fen === null ? undefined : Number(item.annual_plan_fen),
    monthlyPlan: facts.plans,
    direction: item.direction,
    annualTarget: item.annual_target === null ? undefined : Number(item.annual_target),
    targetFrequency: item.target_frequency,
    targets: facts.targets,
  };
}

const KIND_FIELDS: Record<ItemTable['kind'], readonly string[]> = {
  work: [],
  project: [
    'phase',
    'plannedStart',
    'actualStart',
    'plannedCompletion',
    'totalInvestmentFen',
    'annualPlanFen',
    'monthlyPlan',
  ],
  indicator: ['measure', 'unitOfMeasure', 'direction', 'annualTarget', 'targetFrequency', 'targets'],
};
const ALL_KIND_FIELDS = new Set([...KIND_FIELDS.project, ...KIND_FIELDS.indicator]);

// ---------------------------------------------------------------------------------------------- writes

/** An item's move from one status to another, dated by the region's business date (its demo day in a demo). */
export async function recordTransition(
  trx: Queryable,
  ctx: RequestContext,
  item: Pick<ItemTable, 'id' | 'region_id'>,
  t: { action: string; from: string | null; to: string; reason?: string | null | undefined },
) {
  await trx
    .insertInto('item_transitions')
    .values({
      id: newId(),
      region_id: item.region_id,
      item_id: item.id,
      action: t.action,
      from_status: t.from,
      to_status: t.to,
      actor_id: ctx.actor?.id ?? null,
      actor_name: ctx.actor?.displayName ?? null,
      reason: t.reason ?? null,
      at: ctx.now.toISOString(),
      on_date: await regionToday(trx, item.region_id, ctx.now),
    })
    .execute();
}

export async function createItem(db: Db, ctx: RequestContext, input: ItemCreate): Promise<ItemDetail> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'item.create', { regionId: actor.regionId });
  const id = await db.transaction().execute((trx) => insertItem(trx, ctx, input));
  return getItem(db, ctx, id);
}

/** Checks and inserts one item inside the caller's transaction (the API and the Excel import share it). */
export async function insertItem(trx: Queryable, ctx: RequestContext, input: ItemCreate): Promise<string> {
  const actor = actorOf(ctx);
  await checkItem(trx, actor.regionId, input as Fields);
  const now = ctx.now.toISOString();
  const id = newId();
  const number = await repo.nextItemNumber(trx, actor.regionId, Number(input.startDate.slice(0, 4)));
  await trx
    .insertInto('items')
    .values({
      id,
      region_id: actor.regionId,
      number,
      kind: input.kind,
      status: 'draft',
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      row_version: 1,
      description: null,
      basis_text: null,
      leader_user_id: null,
      phase: null,
      planned_start: null,
      actual_start: null,
      planned_completion: null,
      total_investment_fen: null,
      annual_plan_fen: null,
      measure: null,
      unit_of_measure: null,
      direction: null,
      annual_target: null,
      target_frequency: null,
      ...(columnsOf(input) as Required<
        Pick<
          ItemTable,
          | 'title'
          | 'basis_type'
          | 'urgency'
          | 'lead_unit_id'
          | 'start_date'
          | 'due_date'
          | 'frequency'
          | 'deadline_working_days'
        >
      >),
    })
    .execute();
  await repo.replaceChildren(trx, actor.regionId, id, {
    coUnitIds: input.coUnitIds,
    milestones: input.milestones.map((m) => ({
      id: newId(),
      title: m.title,
      plannedDate: m.plannedDate,
      weight: m.weight,
      doneDate: null,
      doneReportId: null,
    })),
    ...(input.kind === 'indicator' && { targets: input.targets }),
    ...(input.kind === 'project' && { plans: input.monthlyPlan }),
  });
  await recordTransition(
    trx,
    ctx,
    { id, region_id: actor.regionId },
    { action: 'create', from: null, to: 'draft' },
  );
  await recordAudit(trx, ctx, {
    regionId: actor.regionId,
    action: 'item.create',
    entity: 'item',
    entityId: id,
    after: { number, ...input },
  });
  return id;
}

export async function updateItem(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: ItemUpdate,
): Promise<ItemDetail> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const { item, facts } = await visibleItem(trx, ctx, id);
    assertAuthorized(actor, 'item.update', { regionId: item.region_id });
    await applyChanges(trx, ctx, item, facts, input, 'item.update');
  });
  await reevaluateItems(db, ctx, actorOf(ctx).regionId, [id]);
  return getItem(db, ctx, id);
}

/** Applies a (checked) change to an item: a supervisor's edit or an approved adjustment request. */
async function applyChanges(
  trx: Queryable,
  ctx: RequestContext,
  item: ItemTable,
  facts: repo.ItemFacts,
  input: Partial<ItemUpdate>,
  action: string,
) {
  if (CLOSED.includes(item.status)) throw conflict('item_closed', { state: item.status });
  if (input.rowVersion !== undefined && input.rowVersion !== item.row_version)
    throw conflict('stale_version', {}, 'rowVersion');
  const { rowVersion: _rv, ...changes } = input;
  for (const k of Object.keys(changes)) {
    if (ALL_KIND_FIELDS.has(k) && !KIND_FIELDS[item.kind].includes(k))
      throw validationError('field_not_for_kind', k, { kind: item.kind });
  }
  const before = fieldsOf(item, facts);
  const merged = {
    ...before,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  } as Fields;
  await checkItem(trx, item.region_id, merged);
  const now = ctx.now.toISOString();
  const updated = await trx
    .updateTable('items')
    .set({ ...columnsOf(changes as Partial<ItemCreate>), updated_at: now, row_version: item.row_version + 1 })
    .where('id', '=', item.id)
    .where('row_version', '=', item.row_version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw conflict('stale_version', {}, 'rowVersion');
  const done = new Map(facts.milestones.map((m) => [m.id, m]));
  await repo.replaceChildren(trx, item.region_id, item.id, {
    coUnitIds: changes.coUnitIds,
    milestones: changes.milestones?.map((m) => {
      const existing = m.id ? done.get(m.id) : undefined;
      return {
        id: existing?.id ?? newId(),
        title: m.title,
        plannedDate: m.plannedDate,
        weight: m.weight,
        doneDate: existing?.done_date ?? null,
        doneReportId: existing?.done_report_id ?? null,
      };
    }),
    targets: changes.targets,
    plans: changes.monthlyPlan,
  });
  await recordAudit(trx, ctx, {
    regionId: item.region_id,
    action,
    entity: 'item',
    entityId: item.id,
    before,
    after: changes,
  });
}

export async function transitionItem(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof transitionBody>,
): Promise<ItemDetail> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const { item, relation } = await visibleItem(trx, ctx, id);
    assertAuthorized(actor, 'item.transition', {
      regionId: item.region_id,
      ...(relation === 'county' ? {} : { unitId: item.lead_unit_id }),
    });
    const from = item.status as ItemState;
    const to = nextItemState(
      from,
      body.action,
      itemActorsOf(actor.roles, item.lead_unit_id === actor.unitId),
      body.reason,
    );
    const changed = await trx
      .updateTable('items')
      .set({ status: to, updated_at: ctx.now.toISOString(), row_version: item.row_version + 1 })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    // Someone else moved it first.
    if (Number(changed.numUpdatedRows) === 0) throw conflict('stale_version', {}, 'action');
    await recordTransition(trx, ctx, item, { action: body.action, from, to, reason: body.reason });
    await recordAudit(trx, ctx, {
      regionId: item.region_id,
      action: `item.${body.action}`,
      entity: 'item',
      entityId: id,
      before: { status: from },
      after: { status: to, reason: body.reason ?? null },
    });
    if (body.action === 'assign') {
      await notify(trx, ctx, {
        regionId: item.region_id,
        unitId: item.lead_unit_id,
        roles: ['unit_manager'],
        kind: 'item_assigned',
        params: { itemNumber: item.number, itemTitle: item.title, dueDate: item.due_date },
        itemId: id,
        dedupeKey: `item_assigned:${id}`,
      });
    }
  });
  await reevaluateItems(db, ctx, actorOf(ctx).regionId, [id]);
  return getItem(db, ctx, id);
}

const REQUESTABLE: readonly string[] = ['accepted', 'in_progress'];

export async function createRequest(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof requestCreate>,
): Promise<ItemDetail> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const { item } = await visibleItem(trx, ctx, id);
    assertAuthorized(actor, 'item.request', { regionId: item.region_id, unitId: item.lead_unit_id });
    if (!REQUESTABLE.includes(item.status)) throw conflict('request_not_open', { state: item.status });
    if (body.kind === 'extension') {
      if (!body.proposedDueDate) throw validationError('required', 'proposedDueDate');
      if (body.proposedDueDate <= item.due_date)
        throw validationError('extension_not_later', 'proposedDueDate', { due: item.due_date });
    } else if (!body.proposedChanges || Object.keys(body.proposedChanges).length === 0) {
      throw validationError('required', 'proposedChanges');
    }
    const pending = await trx
      .selectFrom('item_requests')
      .select('id')
      .where('item_id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) throw conflict('request_pending');
    const rid = newId();
    await trx
      .insertInto('item_requests')
      .values({
        id: rid,
        region_id: item.region_id,
        item_id: id,
        kind: body.kind,
        reason: body.reason,
        proposed_due_date: body.proposedDueDate ?? null,
        proposed_changes: body.proposedChanges ? JSON.stringify(body.proposedChanges) : null,
        status: 'pending',
        requested_by: actor.id,
        requested_at: ctx.now.toISOString(),
        decided_by: null,
        decided_at: null,
        decision_reason: null,
      })
      .execute();
    await recordAudit(trx, ctx, {
      regionId: item.region_id,
      action: `item.request_${body.kind}`,
      entity: 'item_request',
      entityId: rid,
      after: body,
    });
  });
  return getItem(db, ctx, id);
}

export async function decideRequest(
  db: Db,
  ctx: RequestContext,
  id: string,
  requestId: string,
  body: z.infer<typeof requestDecision>,
): Promise<ItemDetail> {
  const actor = actorOf(ctx);
  await db.transaction().execute(async (trx) => {
    const { item, facts } = await visibleItem(trx, ctx, id);
    assertAuthorized(actor, 'item.decide_request', { regionId: item.region_id });
    const request = await trx
      .selectFrom('item_requests')
      .selectAll()
      .where('id', '=', requestId)
      .where('item_id', '=', id)
      .executeTakeFirst();
    if (!request) throw notFound('item_request', 'requestId');
    if (request.status !== 'pending') throw conflict('request_decided', { state: request.status });
    if (!body.approve && !body.reason?.trim())
      throw new DomainError('validation', 'reason_required', {}, 'reason');
    const decided = await trx
      .updateTable('item_requests')
      .set({
        status: body.approve ? 'approved' : 'refused',
        decided_by: actor.id,
        decided_at: ctx.now.toISOString(),
        decision_reason: body.reason ?? null,
      })
      .where('id', '=', requestId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) === 0) throw conflict('request_decided', { state: 'decided' });
    if (body.approve) {
      const changes: Partial<ItemUpdate> =
        request.kind === 'extension'
          ? { dueDate: request.proposed_due_date! }
          : (JSON.parse(request.proposed_changes ?? '{}') as Partial<ItemUpdate>);
      await applyChanges(trx, ctx, item, facts, changes, `item.${request.kind}_approved`);
    }
    await recordAudit(trx, ctx, {
      regionId: item.region_id,
      action: body.approve ? 'item.request_approved' : 'item.request_refused',
      entity: 'item_request',
      entityId: requestId,
      before: { status: 'pending' },
      after: { status: body.approve ? 'approved' : 'refused', reason: body.reason ?? null },
    });
    await notify(trx, ctx, {
      regionId: item.region_id,
      userIds: [request.requested_by],
      kind: 'request_decided',
      params: {
        itemNumber: item.number,
        itemTitle: item.title,
        requestKind: request.kind,
        approved: body.approve,
        reason: body.reason ?? null,
      },
      itemId: id,
      dedupeKey: `request_decided:${requestId}`,
    });
  });
  await reevaluateItems(db, ctx, actorOf(ctx).regionId, [id]);
  return getItem(db, ctx, id);
}
