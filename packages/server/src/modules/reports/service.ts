// Progress reports (进度报送): one per item per reporting period, filled by the lead unit, optionally approved by
// its manager, reviewed by the task force (accepted and locked, or returned with a reason); a correction of an
// accepted report is a new version that replaces it once accepted. Lateness is counted in working days of the
// region's calendar.
import {
  assertAuthorized,
  authorize,
  conflict,
  deadlineOf,
  DomainError,
  forbidden,
  isLate,
  notFound,
  periodByKey,
  periodOf,
  periodsBetween,
  REPORTING_STATES,
  ROLE_SCOPE,
  round1,
  validationError,
  workingDaysLate,
  type Frequency,
  type ItemState,
  type Period,
  type ReportState,
} from '@benpao/domain';
import type { z } from 'zod';
import type { Db, Queryable } from '../../db/index.ts';
import type { ItemTable, ReportTable } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/sql.ts';
import type { RequestContext, SessionUser } from '../../context.ts';
import { offsetOf } from '../../http.ts';
import { newId } from '../../ids.ts';
import { recordAudit } from '../audit/service.ts';
import { reevaluateReportItem } from '../warnings/engine.ts';
import { regionCalendar, regionToday } from '../calendar/service.ts';
import {
  copyReportEvidence,
  EDITABLE_REPORT,
  setReportEvidence,
  viewsOfReports,
} from '../evidence/service.ts';
import type { ItemFacts } from '../items/repository.ts';
import { recordTransition, relationTo, visibleItem, type Relation } from '../items/service.ts';
import { notify } from '../notifications/service.ts';
import { regionSettings } from '../settings/service.ts';
import { actorOf } from '../units/service.ts';
import * as repo from './repository.ts';
import type {
  periodView,
  ReportAction,
  ReportCreate,
  ReportFields,
  reportListQuery,
  ReportUpdate,
  ReportView,
} from './schema.ts';

// ------------------------------------------------------------------------------------------ presentation

/** What the caller may do with a report now: what the UI offers and what the server allows. */
function allowedActions(
  actor: SessionUser,
  relation: Relation,
  item: repo.ItemBrief,
  r: ReportTable,
  correctionOpen: boolean,
): ReportAction[] {
  const out: ReportAction[] = [];
  const writer = isWriter(actor, relation, item);
  const reporting = REPORTING_STATES.includes(item.status as ItemState);
  if (EDITABLE_REPORT.includes(r.status) && writer && reporting) out.push('edit', 'submit');
  if (
    r.status === 'pending_approval' &&
    authorize(actor, 'report.approve', { regionId: r.region_id, unitId: r.unit_id })
  )
    out.push('approve', 'return');
  if (r.status === 'submitted' && authorize(actor, 'report.review', { regionId: r.region_id }))
    out.push('accept', 'return');
  if (r.status === 'accepted' && r.current === 1 && writer && reporting && !correctionOpen)
    out.push('correct');
  return out;
}

const isWriter = (
  actor: SessionUser,
  relation: Relation,
  item: Pick<ItemTable, 'region_id' | 'lead_unit_id'>,
) =>
  relation === 'lead' &&
  authorize(actor, 'report.write', { regionId: item.region_id, unitId: item.lead_unit_id });

const num = (v: number | string | null) => (v === null ? null : Number(v));
const bool = (v: number | null) => (v === null ? null : Number(v) === 1);

/** Report rows as views for this caller, with everything that hangs off them loaded in a few batched queries. */
async function present(
  db: Queryable,
  actor: SessionUser,
  rows: ReportTable[],
  opts: { coUnitIds?: string[] } = {},
): Promise<ReportView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [items, units, users, milestones, evidence, open] = await Promise.all([
    repo.itemsOf(
      db,
      rows.map((r) => r.item_id),
    ),
    repo.namesOf(
      db,
      'units',
      rows.map((r) => r.unit_id),
    ),
    repo.namesOf(db, 'users', [...rows.map((r) => r.submitted_by), ...rows.map((r) => r.reviewed_by)]),
    repo.milestonesOfReports(db, ids),
    viewsOfReports(db, ids),
    repo.openCorrections(db, rows),
  ]);
  return rows.map((r) => {
    const item = items.get(r.item_id)!;
    const relation = relationTo(actor, item, opts.coUnitIds ?? []) ?? 'co_unit';
    return {
      id: r.id,
      itemId: r.item_id,
      itemNumber: item.number,
      itemTitle: item.title,
      itemKind: item.kind,
      unitId: r.unit_id,
      unitName: units.get(r.unit_id) ?? '',
      periodKey: r.period_key,
      version: r.version,
      current: r.current === 1,
      status: r.status as ReportState,
      progress: num(r.progress),
      indicatorValue: num(r.indicator_value),
      completedInvestmentFen: num(r.completed_investment_fen),
      milestonesReached: milestones.get(r.id) ?? [],
      workProgress: r.work_progress,
      problems: r.problems,
      nextSteps: r.next_steps,
      deadline: r.deadline,
      deadlineEstimated: r.deadline_estimated === 1,
      submittedAt: r.submitted_at,
      submittedOn: r.submitted_on,
      submittedBy: r.submitted_by ? (users.get(r.submitted_by) ?? r.submitted_by) : null,
      late: bool(r.late),
      workingDaysLate: num(r.working_days_late),
      reviewedBy: r.reviewed_by ? (users.get(r.reviewed_by) ?? r.reviewed_by) : null,
      reviewedAt: r.reviewed_at,
      returnReason: r.return_reason,
      evidence: evidence.get(r.id) ?? [],
      rowVersion: r.row_version,
      allowedActions: allowedActions(actor, relation, item, r, open.has(`${r.item_id}|${r.period_key}`)),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

// ----------------------------------------------------------------------------------------------- reads

/** The columns of a report that nobody has submitted or reviewed yet (a new draft or a new version). */
function unsubmitted(createdBy: string, now: string) {
  return {
    submitted_at: null,
    submitted_on: null,
    submitted_by: null,
    late: null,
    working_days_late: null,
    approved_by: null,
    reviewed_by: null,
    reviewed_at: null,
    reviewed_on: null,
    return_reason: null,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
    row_version: 1,
  };
}

export async function getReport(db: Queryable, ctx: RequestContext, id: string): Promise<ReportView> {
  const actor = actorOf(ctx);
  const report = await repo.findReport(db, actor.regionId, id);
  if (!report) throw notFound('report', 'id');
  const { item, facts } = await visibleItem(db, ctx, report.item_id);
  assertAuthorized(actor, 'report.read', { regionId: item.region_id });
  return (await present(db, actor, [report], { coUnitIds: facts.coUnitIds }))[0]!;
}

export async function listItemReports(db: Queryable, ctx: RequestContext, itemId: string) {
  const { actor, item, facts } = await visibleItem(db, ctx, itemId);
  assertAuthorized(actor, 'report.read', { regionId: item.region_id });
  const rows = await repo.reportsOfItem(db, item.id);
  return { items: await present(db, actor, rows, { coUnitIds: facts.coUnitIds }) };
}

export async function listReports(db: Queryable, ctx: RequestContext, q: z.infer<typeof reportListQuery>) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'report.read', { regionId: actor.regionId });
  const county = actor.roles.some((r) => ROLE_SCOPE[r] === 'county');
  // Unit roles see their own unit's reports only.
  if (!county && q.unitId !== undefined && q.unitId !== actor.unitId) throw forbidden();
  const filter: repo.ReportFilter = {
    status: q.status,
    unitId: county ? q.unitId : actor.unitId,
    itemId: q.itemId,
    periodKey: q.periodKey,
  };
  const { rows, total } = await repo.listReportRows(db, actor.regionId, filter, q.pageSize, offsetOf(q));
  return { items: await present(db, actor, rows), total };
}

type PeriodView = z.infer<typeof periodView>;

/** The item's reporting periods from its start to the period holding min(today, due date), newest first. */
export async function listPeriods(db: Queryable, ctx: RequestContext, itemId: string) {
  const { actor, item } = await visibleItem(db, ctx, itemId);
  assertAuthorized(actor, 'report.read', { regionId: item.region_id });
  const [today, calendar, current] = await Promise.all([
    regionToday(db, item.region_id, ctx.now),
    regionCalendar(db, item.region_id),
    repo.currentReportsOfItem(db, item.id),
  ]);
  const byPeriod = new Map(current.map((r) => [r.period_key, r]));
  const until = today < item.due_date ? today : item.due_date;
  const reporting = REPORTING_STATES.includes(item.status as ItemState);
  const items: PeriodView[] = periodsBetween(item.start_date, until, item.frequency as Frequency)
    .reverse()
    .map((p) => {
      const deadline = deadlineOf(p, { workingDaysAfterEnd: item.deadline_working_days }, calendar);
      const r = byPeriod.get(p.key);
      return {
        key: p.key,
        start: p.start,
        end: p.end,
        deadline: deadline.date,
        deadlineEstimated: deadline.estimated,
        report: r
          ? { id: r.id, status: r.status as ReportState, version: r.version, late: bool(r.late) }
          : null,
        overdue: reporting && deadline.date < today && !(r && repo.DELIVERED.includes(r.status)),
      };
    });
  return { items };
}

// ------------------------------------------------------------------------------------------ validation

/** The figures each kind of item reports. */
const KINDS_OF_FIELD: Record<'progress' | 'indicatorValue' | 'completedInvestmentFen', readonly string[]> = {
  progress: ['work', 'project'],
  indicatorValue: ['indicator'],
  completedInvestmentFen: ['project'],
};

function checkKindFields(kind: ItemTable['kind'], f: ReportFields) {
  for (const [field, kinds] of Object.entries(KINDS_OF_FIELD)) {
    const v = f[field as keyof typeof KINDS_OF_FIELD];
    if (v !== undefined && v !== null && !kinds.includes(kind))
      throw validationError('field_not_for_kind', field, { kind });
  }
}

/** A period the item reports on: its frequency, within its life, and begun. */
function checkPeriod(item: ItemTable, key: string, today: string): Period {
  const period = periodByKey(key);
  const frequency = item.frequency as Frequency;
  if (period.frequency !== frequency) {
    const example = periodOf(today < item.due_date ? today : item.due_date, frequency).key;
    throw validationError('period_not_item_frequency', 'periodKey', { example });
  }
  if (period.end < item.start_date || period.start > item.due_date)
    throw validationError('period_out_of_range', 'periodKey', {
      periodKey: key,
      start: item.start_date,
      due: item.due_date,
    });
  if (period.start > today) throw validationError('period_in_future', 'periodKey', { periodKey: key });
  return period;
}

async function checkMilestones(
  trx: Queryable,
  item: ItemTable,
  facts: ItemFacts,
  reached: NonNullable<ReportFields['milestonesReached']>,
  periodKey: string,
  today: string,
) {
  if (reached.length === 0) return;
  const own = new Set(facts.milestones.map((m) => m.id));
  const doneBy = await repo.milestonesDoneBy(trx, item.id);
  const seen = new Set<string>();
  for (const [i, m] of reached.entries()) {
    const at = `milestonesReached.${i}`;
    if (!own.has(m.milestoneId)) throw validationError('milestone_not_of_item', `${at}.milestoneId`);
    if (seen.has(m.milestoneId)) throw validationError('duplicate_id', `${at}.milestoneId`);
    seen.add(m.milestoneId);
    const other = doneBy.get(m.milestoneId);
    if (other !== undefined && other !== periodKey)
      throw validationError('milestone_done_elsewhere', `${at}.milestoneId`, { periodKey: other });
    if (m.doneDate < item.start_date || m.doneDate > today)
      throw validationError('date_out_of_range', `${at}.doneDate`, { start: item.start_date, due: today });
  }
}

/** What a submission must carry for the item's kind. */
function checkComplete(kind: ItemTable['kind'], r: ReportTable) {
  if (kind !== 'indicator' && r.progress === null) throw validationError('required', 'progress');
  if (kind === 'indicator' && r.indicator_value === null) throw validationError('required', 'indicatorValue');
  if (kind === 'project' && r.completed_investment_fen === null)
    throw validationError('required', 'completedInvestmentFen');
  if (!r.work_progress) throw validationError('required', 'workProgress');
}

const blankToNull = (s: string | null | undefined) =>
  s === undefined ? undefined : s?.trim() ? s.trim() : null;

/** The columns a create or update sets (undefined: unchanged). */
function columnsOf(f: ReportFields): Partial<ReportTable> {
  const c: Partial<ReportTable> = {};
  if (f.progress !== undefined) c.progress = f.progress === null ? null : round1(f.progress);
  if (f.indicatorValue !== undefined) c.indicator_value = f.indicatorValue;
  if (f.completedInvestmentFen !== undefined) c.completed_investment_fen = f.completedInvestmentFen;
  const narrative = { work_progress: f.workProgress, problems: f.problems, next_steps: f.nextSteps };
  for (const [k, v] of Object.entries(narrative)) {
    const value = blankToNull(v);
    if (value !== undefined) c[k as keyof typeof narrative] = value;
  }
  return c;
}

// ------------------------------------------------------------------------------------------------ access

function assertWriter(actor: SessionUser, relation: Relation, item: ItemTable) {
  if (!isWriter(actor, relation, item)) throw forbidden();
}

function assertReporting(item: ItemTable) {
  if (!REPORTING_STATES.includes(item.status as ItemState))
    throw conflict('item_not_reporting', { state: item.status });
}

async function loadForWrite(trx: Queryable, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  const report = await repo.findReport(trx, actor.regionId, id);
  if (!report) throw notFound('report', 'id');
  const visible = await visibleItem(trx, ctx, report.item_id);
  return { ...visible, report };
}

/** The report is at `rowVersion` (else someone changed it meanwhile) and in one of `states`, or a 409 that says which. */
function assertState(report: ReportTable, states: readonly string[], rowVersion: number) {
  if (report.row_version !== rowVersion) throw conflict('stale_version', {}, 'rowVersion');
  if (!states.includes(report.status)) {
    if (report.status === 'accepted' && states.every((s) => EDITABLE_REPORT.includes(s)))
      throw conflict('report_locked');
    throw conflict('report_illegal_transition', { reportState: report.status });
  }
}

/** The optimistic write of a state change: it only lands if nobody changed the report in between. */
async function moveReport(
  trx: Queryable,
  ctx: RequestContext,
  report: ReportTable,
  from: readonly string[],
  set: Partial<ReportTable>,
) {
  const r = await trx
    .updateTable('reports')
    .set({ ...set, row_version: report.row_version + 1, updated_at: ctx.now.toISOString() })
    .where('id', '=', report.id)
    .where('row_version', '=', report.row_version)
    .where('status', 'in', from)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw conflict('stale_version', {}, 'rowVersion');
}

/** The deadline (recomputed: the calendar or the item's rule may have changed) and lateness of a submission today. */
async function timing(trx: Queryable, item: ItemTable, report: ReportTable, ctx: RequestContext) {
  const [today, calendar] = await Promise.all([
    regionToday(trx, item.region_id, ctx.now),
    regionCalendar(trx, item.region_id),
  ]);
  const deadline = deadlineOf(
    periodByKey(report.period_key),
    { workingDaysAfterEnd: item.deadline_working_days },
    calendar,
  );
  return {
    deadline: deadline.date,
    deadline_estimated: deadline.estimated ? 1 : 0,
    submitted_at: ctx.now.toISOString(),
    submitted_on: today,
    late: isLate(today, deadline) ? 1 : 0,
    working_days_late: workingDaysLate(today, deadline, calendar),
  };
}

const reportExists = (periodKey: string) => (err: unknown) => {
  if (isUniqueViolation(err)) throw conflict('report_exists', { periodKey }, 'periodKey');
  throw err;
};

// ------------------------------------------------------------------------------------------------ writes

export async function createReport(
  db: Db,
  ctx: RequestContext,
  itemId: string,
  input: ReportCreate,
): Promise<ReportView> {
  const created = await db.transaction().execute(async (trx) => {
    const { actor, item, facts, relation } = await visibleItem(trx, ctx, itemId);
    assertWriter(actor, relation, item);
    assertReporting(item);
    const today = await regionToday(trx, item.region_id, ctx.now);
    const period = checkPeriod(item, input.periodKey, today);
    checkKindFields(item.kind, input);
    await checkMilestones(trx, item, facts, input.milestonesReached ?? [], period.key, today);
    const existing = await repo.versionsOfPeriod(trx, item.id, period.key);
    if (existing.length > 0) throw conflict('report_exists', { periodKey: period.key }, 'periodKey');
    const calendar = await regionCalendar(trx, item.region_id);
    const deadline = deadlineOf(period, { workingDaysAfterEnd: item.deadline_working_days }, calendar);
    const id = newId();
    const now = ctx.now.toISOString();
    await repo
      .insertReport(trx, {
        id,
        region_id: item.region_id,
        item_id: item.id,
        unit_id: item.lead_unit_id,
        period_key: period.key,
        version: 1,
        current: 1,
        status: 'draft',
        progress: null,
        indicator_value: null,
        completed_investment_fen: null,
        work_progress: null,
        problems: null,
        next_steps: null,
        ...columnsOf(input),
        deadline: deadline.date,
        deadline_estimated: deadline.estimated ? 1 : 0,
        ...unsubmitted(actor.id, now),
      })
      .catch(reportExists(period.key));
    // A new report has no milestones or evidence to replace: only write what it brings.
    if (input.milestonesReached?.length)
      await repo.replaceMilestones(trx, item.region_id, id, input.milestonesReached);
    if (input.evidenceIds?.length) await setReportEvidence(trx, item, id, input.evidenceIds);
    await recordAudit(trx, ctx, {
      regionId: item.region_id,
      action: 'report.create',
      entity: 'report',
      entityId: id,
      after: { itemId: item.id, version: 1, ...input },
    });
    return { id, actor, coUnitIds: facts.coUnitIds };
  });
  // The writer was allowed to see the item a moment ago in the transaction: present the new report without
  // loading the item and its facts a second time.
  const report = await repo.findReport(db, created.actor.regionId, created.id);
  if (!report) throw notFound('report', 'id');
  return (await present(db, created.actor, [report], { coUnitIds: created.coUnitIds }))[0]!;
}

export async function updateReport(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: ReportUpdate,
): Promise<ReportView> {
  await db.transaction().execute(async (trx) => {
    const { actor, item, facts, relation, report } = await loadForWrite(trx, ctx, id);
    assertWriter(actor, relation, item);
    assertState(report, EDITABLE_REPORT, input.rowVersion);
    assertReporting(item);
    const { rowVersion: _rv, ...fields } = input;
    checkKindFields(item.kind, fields);
    if (fields.milestonesReached) {
      const today = await regionToday(trx, item.region_id, ctx.now);
      await checkMilestones(trx, item, facts, fields.milestonesReached, report.period_key, today);
    }
    await moveReport(trx, ctx, report, EDITABLE_REPORT, columnsOf(fields));
    if (fields.milestonesReached)
      await repo.replaceMilestones(trx, item.region_id, report.id, fields.milestonesReached);
    if (fields.evidenceIds) await setReportEvidence(trx, item, report.id, fields.evidenceIds);
    await recordAudit(trx, ctx, {
      regionId: item.region_id,
      action: 'report.update',
      entity: 'report',
      entityId: report.id,
      before: report,
      after: fields,
    });
  });
  return getReport(db, ctx, id);
}

export async function submitReport(
  db: Db,
  ctx: RequestContext,
  id: string,
  rowVersion: number,
): Promise<ReportView> {
  await db.transaction().execute(async (trx) => {
    const { actor, item, relation, report } = await loadForWrite(trx, ctx, id);
    assertWriter(actor, relation, item);
    assertState(report, EDITABLE_REPORT, rowVersion);
    assertReporting(item);
    checkComplete(item.kind, report);
    const needsApproval =
      (await regionSettings(trx, item.region_id)).reportApprovalRequired &&
      !actor.roles.includes('unit_manager');
    const to = needsApproval ? 'pending_approval' : 'submitted';
    const t = await timing(trx, item, report, ctx);
    await moveReport(trx, ctx, report, EDITABLE_REPORT, { status: to, ...t, submitted_by: actor.id });
    await recordAudit(trx, ctx, {
      regionId: item.region_id,
      action: 'report.submit',
      entity: 'report',
      entityId: report.id,
      before: { status: report.status },
      after: {
        status: to,
        submittedOn: t.submitted_on,
        late: t.late === 1,
        workingDaysLate: t.working_days_late,
      },
    });
    // The first report sets an accepted item in motion.
    if (item.status === 'accepted' && (await repo.startItem(trx, item.id, ctx.now.toISOString()))) {
      await recordTransition(trx, ctx, item, { action: 'start', from: 'accepted', to: 'in_progress' });
      await recordAudit(trx, ctx, {
        regionId: item.region_id,
        action: 'item.start',
        entity: 'item',
        entityId: item.id,
        before: { status: 'accepted' },
        after: { status: 'in_progress', reportId: report.id },
      });
    }
  });
  await reevaluateReportItem(db, ctx, id);
  return getReport(db, ctx, id);
}

/**
 * The unit manager passes a report on to the task force. Timeliness is measured now, when the report reaches the
 * task force, not when the reporter handed it to the manager.
 */
export async function approveReport(
  db: Db,
  ctx: RequestContext,
  id: string,
  rowVersion: number,
): Promise<ReportView> {
  await db.transaction().execute(async (trx) => {
    const { actor, item, report } = await loadForWrite(trx, ctx, id);
    assertAuthorized(actor, 'report.approve', { regionId: report.region_id, unitId: report.unit_id });
    assertState(report, ['pending_approval'], rowVersion);
    const t = await timing(trx, item, report, ctx);
    await moveReport(trx, ctx, report, ['pending_approval'], {
      status: 'submitted',
      ...t,
      approved_by: actor.id,
    });
    await recordAudit(trx, ctx, {
      regionId: item.region_id,
      action: 'report.approve',
      entity: 'report',
      entityId: report.id,
      before: { status: report.status },
      after: { status: 'submitted', submittedOn: t.submitted_on, late: t.late === 1 },
    });
  });
  await reevaluateReportItem(db, ctx, id);
  return getReport(db, ctx, id);
}

/** 退回: the task force returns a submitted report, or the unit manager one waiting for approval. */
export async function returnReport(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: { rowVersion: number; reason?: string | null | undefined },
): Promise<ReportView> {
  await db.transaction().execute(async (trx) => {
    const { actor, item, report } = await loadForWrite(trx, ctx, id);
    const asTaskForce = authorize(actor, 'report.review', { regionId: report.region_id });
    const asManager = authorize(actor, 'report.approve', {
      regionId: report.region_id,
      unitId: report.unit_id,
    });
    if (!asTaskForce && !asManager) throw forbidden();
    const reason = body.reason?.trim();
    if (!reason) throw new DomainError('validation', 'return_reason_required', {}, 'reason');
    if (report.status === 'submitted' && !asTaskForce) throw forbidden();
    if (report.status === 'pending_approval' && !asManager) throw forbidden();
    const from = report.status === 'pending_approval' ? 'pending_approval' : 'submitted';
    assertState(report, [from], body.rowVersion);
    await moveReport(trx, ctx, report, [from], {
      status: 'returned',
      return_reason: reason,
      reviewed_by: actor.id,
      reviewed_at: ctx.now.toISOString(),
      reviewed_on: await regionToday(trx, item.region_id, ctx.now),
    });
    await recordAudit(trx, ctx, {
      regionId: item.region_id,
      action: 'report.return',
      entity: 'report',
      entityId: report.id,
      before: { status: report.status },
      after: { status: 'returned', reason },
    });
    await notify(trx, ctx, {
      regionId: item.region_id,
      userIds: [report.submitted_by ?? report.created_by],
      unitId: report.unit_id,
      roles: ['unit_manager'],
      kind: 'report_returned',
      params: { itemNumber: item.number, itemTitle: item.title, periodKey: report.period_key, reason },
      itemId: item.id,
      reportId: report.id,
      dedupeKey: `report_returned:${report.id}:${report.row_version}`,
    });
  });
  return getReport(db, ctx, id);
}

/** The task force accepts a report: it is locked, becomes the version in force, and marks its milestones done. */
export async function acceptReport(
  db: Db,
  ctx: RequestContext,
  id: string,
  rowVersion: number,
): Promise<ReportView> {
  await db.transaction().execute(async (trx) => {
    const { actor, item, report } = await loadForWrite(trx, ctx, id);
    assertAuthorized(actor, 'report.review', { regionId: report.region_id });
    assertState(report, ['submitted'], rowVersion);
    await moveReport(trx, ctx, report, ['submitted'], {
      status: 'accepted',
      current: 1,
      reviewed_by: actor.id,
      reviewed_at: ctx.now.toISOString(),
      reviewed_on: await regionToday(trx, item.region_id, ctx.now),
    });
    const others = (await repo.versionsOfPeriod(trx, item.id, report.period_key)).filter(
      (v) => v.id !== report.id,
    );
    const replaced = others.filter((v) => v.current === 1).map((v) => v.id);
    if (replaced.length)
      await trx.updateTable('reports').set({ current: 0 }).where('id', 'in', replaced).execute();
    const reached = (await repo.milestonesOfReports(trx, [report.id])).get(report.id) ?? [];
    await repo.applyMilestones(
      trx,
      item.id,
      report,
      others.map((v) => v.id),
      reached,
    );
    await recordAudit(trx, ctx, {
      regionId: item.region_id,
      action: 'report.accept',
      entity: 'report',
      entityId: report.id,
      before: { status: report.status, current: report.current === 1 },
      after: { status: 'accepted', current: true, replaced, milestonesReached: reached },
    });
    await notify(trx, ctx, {
      regionId: item.region_id,
      userIds: [report.submitted_by ?? report.created_by],
      unitId: report.unit_id,
      roles: ['unit_manager'],
      kind: 'report_accepted',
      params: { itemNumber: item.number, itemTitle: item.title, periodKey: report.period_key },
      itemId: item.id,
      reportId: report.id,
      dedupeKey: `report_accepted:${report.id}`,
    });
  });
  await reevaluateReportItem(db, ctx, id);
  return getReport(db, ctx, id);
}

/** 更正: a new draft version of an accepted (locked) report, which replaces it once accepted in turn. */
export async function correctReport(db: Db, ctx: RequestContext, id: string): Promise<ReportView> {
  const newIdValue = await db.transaction().execute(async (trx) => {
    const { actor, item, relation, report } = await loadForWrite(trx, ctx, id);
    assertWriter(actor, relation, item);
    if (report.status !== 'accepted')
      throw conflict('report_illegal_transition', { reportState: report.status });
    if (report.current !== 1) throw conflict('report_not_current');
    assertReporting(item);
    const versions = await repo.versionsOfPeriod(trx, item.id, report.period_key);
    const open = () => conflict('correction_open', { periodKey: report.period_key });
    if (versions.some((v) => v.current === 0 && v.status !== 'accepted')) throw open();
    const version = Math.max(...versions.map((v) => v.version)) + 1;
    const nid = newId();
    const now = ctx.now.toISOString();
    await repo
      .insertReport(trx, {
        ...report,
        id: nid,
        version,
        current: 0,
        status: 'draft',
        ...unsubmitted(actor.id, now),
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) throw open();
        throw err;
      });
    const reached = (await repo.milestonesOfReports(trx, [report.id])).get(report.id) ?? [];
    await repo.replaceMilestones(trx, item.region_id, nid, reached);
    await copyReportEvidence(trx, report.id, nid);
    await recordAudit(trx, ctx, {
      regionId: item.region_id,
      action: 'report.correct',
      entity: 'report',
      entityId: nid,
      after: { itemId: item.id, periodKey: report.period_key, version, correcting: report.id },
    });
    return nid;
  });
  return getReport(db, ctx, newIdValue);
}
