// Warnings and their lifecycle: the engine issues, escalates, falls back and clears by rule (engine.ts); people
// act here — the warned unit submits its rectification (整改) or appeals (申诉), the task force re-checks (复查:
// 灭灯/摘牌 or not yet), decides appeals, issues manual warnings from spot checks (抽查) and records consequences
// (通报、约谈、扣分). Every step is an event in the warning's history and an audit entry, in one transaction.
import {
  authorize,
  assertAuthorized,
  conflict,
  notFound,
  OPEN_WARNING_STATES,
  validationError,
  type WarningState,
} from '@benpao/domain';
import type { z } from 'zod';
import type { Db, Queryable } from '../../db/index.ts';
import type { WarningEventTable, WarningTable } from '../../db/schema.ts';
import type { RequestContext, SessionUser } from '../../context.ts';
import { newId } from '../../ids.ts';
import { recordAudit } from '../audit/service.ts';
import { regionCalendar, regionToday } from '../calendar/service.ts';
import { actorOf } from '../units/service.ts';
import { timetableOf } from './timetable.ts';
import {
  appendEvent,
  catchUpRegion,
  evaluateRegion,
  issueWarning,
  publishWarning,
  reevaluateItems,
} from './engine.ts';
import type {
  appealBody,
  appealDecisionBody,
  consequenceBody,
  manualWarning,
  recheckBody,
  rectificationBody,
  warningListQuery,
  warningSummaryQuery,
  WarningView,
} from './schema.ts';

type Row = WarningTable & { item_number: string | null; item_title: string | null; unit_name: string };

const baseQuery = (db: Queryable, regionId: string) =>
  db
    .selectFrom('warnings')
    .innerJoin('units', 'units.id', 'warnings.unit_id')
    .leftJoin('items', 'items.id', 'warnings.item_id')
    .selectAll('warnings')
    .select(['items.number as item_number', 'items.title as item_title', 'units.name as unit_name'])
    .where('warnings.region_id', '=', regionId);

const isOpen = (s: WarningState) => OPEN_WARNING_STATES.includes(s);

/** What the caller may do with a warning now (the UI offers these; the server checks them again). */
function actionsOf(actor: SessionUser, w: WarningTable): string[] {
  const out: string[] = [];
  const own = { regionId: w.region_id, unitId: w.unit_id };
  const open = isOpen(w.state);
  if (open && w.state === 'active' && authorize(actor, 'warning.rectify', own)) out.push('rectify');
  if (open && w.appeal_state === null && authorize(actor, 'warning.appeal', own)) out.push('appeal');
  if (open && authorize(actor, 'warning.recheck', { regionId: w.region_id })) out.push('recheck');
  if (w.appeal_state === 'pending' && authorize(actor, 'warning.decide_appeal', { regionId: w.region_id }))
    out.push('decide_appeal');
  if (authorize(actor, 'warning.consequence', { regionId: w.region_id })) out.push('consequence');
  return out;
}

function viewOf(actor: SessionUser, r: Row, asOf?: AsOf): WarningView {
  return {
    id: r.id,
    kind: r.kind,
    origin: r.origin,
    colour: (asOf?.colour ?? r.colour) as WarningView['colour'],
    issuedColour: r.issued_colour,
    state: (asOf?.state ?? r.state) as WarningView['state'],
    ruleId: r.rule_id,
    ruleVersion: r.rule_version === null ? null : Number(r.rule_version),
    condition: r.condition,
    itemId: r.item_id,
    itemNumber: r.item_number,
    itemTitle: r.item_title,
    unitId: r.unit_id,
    unitName: r.unit_name,
    issuedOn: r.issued_on,
    since: r.since,
    rectifyBy: r.rectify_by,
    closedOn: r.closed_on,
    wasRed: Number(r.was_red) === 1,
    metric: r.metric === null ? null : Number(r.metric),
    inputs: JSON.parse(r.inputs_json) as Record<string, unknown>,
    thresholds: JSON.parse(r.thresholds_json) as Record<string, unknown>,
    explanation: asOf?.explanation ?? { 'zh-CN': r.explanation_zh, 'en-US': r.explanation_en },
    reason: r.reason,
    appealState: r.appeal_state,
    caseId: r.case_id ?? null,
    actions: asOf ? [] : actionsOf(actor, r),
  };
}

interface AsOf {
  colour: string;
  state: string;
  /** What it said then: the last explanation recorded by that day (issue, escalation, fall-back). */
  explanation: { 'zh-CN': string; 'en-US': string } | null;
}

/** Colour, state and explanation of each warning as of a day, from its recorded events (the as-of replay). */
async function statesAsOf(db: Queryable, regionId: string, day: string) {
  const events = await db
    .selectFrom('warning_events')
    .select(['warning_id', 'seq', 'colour', 'state', 'explanation_zh', 'explanation_en'])
    .where('region_id', '=', regionId)
    .where('on_date', '<=', day)
    .orderBy('warning_id')
    .orderBy('seq')
    .execute();
  const out = new Map<string, AsOf>();
  for (const e of events) {
    const said =
      e.explanation_zh === null ? null : { 'zh-CN': e.explanation_zh, 'en-US': e.explanation_en ?? '' };
    out.set(e.warning_id, {
      colour: e.colour,
      state: e.state,
      explanation: said ?? out.get(e.warning_id)?.explanation ?? null,
    });
  }
  return out;
}

export async function listWarnings(db: Db, ctx: RequestContext, q: z.infer<typeof warningListQuery>) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'warning.list', { regionId: actor.regionId });
  const today = await regionToday(db, actor.regionId, ctx.now);
  let query = baseQuery(db, actor.regionId);
  if (q.kind) query = query.where('warnings.kind', '=', q.kind);
  if (q.unitId) query = query.where('warnings.unit_id', '=', q.unitId);
  if (q.itemId) query = query.where('warnings.item_id', '=', q.itemId);
  if (q.origin) query = query.where('warnings.origin', '=', q.origin);
  if (q.categoryId) query = query.where('units.category_id', '=', q.categoryId);
  if (q.leaderUserId) query = query.where('items.leader_user_id', '=', q.leaderUserId);
  if (q.month) query = query.where('warnings.issued_on', 'like', `${q.month}-%`);
  if (q.asOf) query = query.where('warnings.issued_on', '<=', q.asOf);
  const rows = (await query.orderBy('warnings.issued_on', 'desc').orderBy('warnings.id').execute()) as Row[];
  const past = q.asOf ? await statesAsOf(db, actor.regionId, q.asOf) : null;
  const views: WarningView[] = [];
  for (const r of rows) {
    const at = past ? past.get(r.id) : undefined;
    if (past && !at) continue;
    const v = viewOf(actor, r, at);
    if (q.colour && v.colour !== q.colour) continue;
    if (q.state === 'open' && !isOpen(v.state)) continue;
    if (q.state === 'escalated' && !(isOpen(v.state) && v.colour === 'red' && v.issuedColour === 'yellow'))
      continue;
    if (q.state && q.state !== 'open' && q.state !== 'escalated' && v.state !== q.state) continue;
    // Without a state filter an as-of list shows what was lit that day.
    if (past && !q.state && !isOpen(v.state)) continue;
    views.push(v);
  }
  const start = (q.page - 1) * q.pageSize;
  return { items: views.slice(start, start + q.pageSize), total: views.length, asOf: q.asOf ?? today };
}

async function findRow(db: Queryable, regionId: string, id: string): Promise<Row> {
  const row = (await baseQuery(db, regionId).where('warnings.id', '=', id).executeTakeFirst()) as
    Row | undefined;
  if (!row) throw notFound('warning', 'id');
  return row;
}

const eventView = (e: WarningEventTable, files: Map<string, FileView[]>) => ({
  id: e.id,
  seq: Number(e.seq),
  type: e.type,
  onDate: e.on_date,
  at: e.at,
  colour: e.colour,
  state: e.state,
  ruleId: e.rule_id,
  ruleVersion: e.rule_version === null ? null : Number(e.rule_version),
  actorName: e.actor_name,
  text: e.text,
  data: e.data_json === null ? null : (JSON.parse(e.data_json) as unknown),
  explanation:
    e.explanation_zh === null ? null : { 'zh-CN': e.explanation_zh, 'en-US': e.explanation_en ?? '' },
  files: files.get(e.id) ?? [],
});

type FileView = { id: string; originalName: string; mime: string; size: number; uploadedAt: string };

export async function getWarning(db: Db, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  const row = await findRow(db, actor.regionId, id);
  assertAuthorized(actor, 'warning.read', { regionId: row.region_id });
  const [events, files] = await Promise.all([
    db.selectFrom('warning_events').selectAll().where('warning_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('warning_files').selectAll().where('warning_id', '=', id).orderBy('uploaded_at').execute(),
  ]);
  const byEvent = new Map<string, FileView[]>();
  for (const f of files) {
    if (!f.event_id) continue;
    const list = byEvent.get(f.event_id) ?? [];
    list.push({
      id: f.id,
      originalName: f.original_name,
      mime: f.mime,
      size: Number(f.size),
      uploadedAt: f.uploaded_at,
    });
    byEvent.set(f.event_id, list);
  }
  const today = await regionToday(db, actor.regionId, ctx.now);
  return {
    ...viewOf(actor, row),
    events: events.map((e) => eventView(e, byEvent)),
    timetable: row.kind === 'card' ? await timetableOf(db, id, today) : [],
  };
}

/** Loads a warning for a write, checks the action, and returns it with the region's today. */
async function forAction(trx: Queryable, ctx: RequestContext, id: string) {
  const actor = actorOf(ctx);
  const row = await findRow(trx, actor.regionId, id);
  const today = await regionToday(trx, actor.regionId, ctx.now);
  return { actor, row, today };
}

const illegal = (action: string, state: string) =>
  conflict('illegal_warning_action', { warningAction: action, warningState: state });

async function saveRow(
  trx: Queryable,
  before: WarningTable,
  set: Partial<WarningTable>,
  ctx: RequestContext,
) {
  await trx
    .updateTable('warnings')
    .set({ ...set, updated_at: ctx.now.toISOString(), row_version: Number(before.row_version) + 1 })
    .where('id', '=', before.id)
    .execute();
}

/** Attaches uploaded warning files (not yet attached to an event) to an event. */
async function attachFiles(
  trx: Queryable,
  warningId: string,
  eventId: string,
  fileIds: readonly string[] | undefined,
  field: string,
) {
  if (!fileIds || fileIds.length === 0) return;
  const found = await trx
    .selectFrom('warning_files')
    .select(['id', 'event_id'])
    .where('warning_id', '=', warningId)
    .where('id', 'in', [...fileIds])
    .execute();
  for (const [i, fid] of fileIds.entries()) {
    const f = found.find((x) => x.id === fid);
    if (!f) throw validationError('not_found', `${field}.${i}`, { entity: 'file' });
    if (f.event_id) throw conflict('file_already_attached', {}, `${field}.${i}`);
  }
  await trx
    .updateTable('warning_files')
    .set({ event_id: eventId })
    .where('id', 'in', [...fileIds])
    .execute();
}

export async function submitRectification(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof rectificationBody>,
) {
  await db.transaction().execute(async (trx) => {
    const { actor, row, today } = await forAction(trx, ctx, id);
    assertAuthorized(actor, 'warning.rectify', { regionId: row.region_id, unitId: row.unit_id });
    if (row.state !== 'active') throw illegal('rectify', row.state);
    await saveRow(trx, row, { state: 'rectifying' }, ctx);
    const eventId = await appendEvent(trx, ctx, row, {
      type: 'rectification_submitted',
      colour: row.colour,
      state: 'rectifying',
      onDate: today,
      text: body.text,
    });
    await attachFiles(trx, row.id, eventId, body.fileIds, 'fileIds');
    await recordAudit(trx, ctx, {
      regionId: row.region_id,
      action: 'warning.rectify',
      entity: 'warning',
      entityId: row.id,
      before: { state: row.state },
      after: { state: 'rectifying', text: body.text, fileIds: body.fileIds ?? [] },
    });
  });
  return getWarning(db, ctx, id);
}

/** 复查: passed → cleared (灭灯/摘牌); not passed → back to active, with the note. */
export async function recheck(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof recheckBody>) {
  await db.transaction().execute(async (trx) => {
    const { actor, row, today } = await forAction(trx, ctx, id);
    assertAuthorized(actor, 'warning.recheck', { regionId: row.region_id });
    if (!isOpen(row.state)) throw illegal('recheck', row.state);
    const state: WarningState = body.passed ? 'cleared' : 'active';
    await saveRow(trx, row, { state, closed_on: body.passed ? today : null }, ctx);
    await appendEvent(trx, ctx, row, {
      type: body.passed ? 'cleared' : 'recheck_failed',
      colour: row.colour,
      state,
      onDate: today,
      text: body.note,
    });
    if (body.passed) await publishWarning(trx, ctx, row, 'warning.cleared', true);
    await recordAudit(trx, ctx, {
      regionId: row.region_id,
      action: body.passed ? 'warning.clear' : 'warning.recheck_failed',
      entity: 'warning',
      entityId: row.id,
      before: { state: row.state },
      after: { state, note: body.note },
    });
  });
  return getWarning(db, ctx, id);
}

export async function appeal(db: Db, ctx: RequestContext, id: string, body: z.infer<typeof appealBody>) {
  await db.transaction().execute(async (trx) => {
    const { actor, row, today } = await forAction(trx, ctx, id);
    assertAuthorized(actor, 'warning.appeal', { regionId: row.region_id, unitId: row.unit_id });
    if (!isOpen(row.state)) throw illegal('appeal', row.state);
    if (row.appeal_state !== null) throw conflict('appeal_exists', { appealState: row.appeal_state });
    await saveRow(trx, row, { appeal_state: 'pending' }, ctx);
    const eventId = await appendEvent(trx, ctx, row, {
      type: 'appealed',
      colour: row.colour,
      state: row.state,
      onDate: today,
      text: body.reason,
    });
    await attachFiles(trx, row.id, eventId, body.fileIds, 'fileIds');
    await recordAudit(trx, ctx, {
      regionId: row.region_id,
      action: 'warning.appeal',
      entity: 'warning',
      entityId: row.id,
      after: { appealState: 'pending', reason: body.reason },
    });
  });
  return getWarning(db, ctx, id);
}

/** Upheld: the warning is revoked (and counts for nothing); rejected: it stands. */
export async function decideAppeal(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof appealDecisionBody>,
) {
  let itemId: string | null = null;
  await db.transaction().execute(async (trx) => {
    const { actor, row, today } = await forAction(trx, ctx, id);
    assertAuthorized(actor, 'warning.decide_appeal', { regionId: row.region_id });
    if (row.appeal_state !== 'pending') throw conflict('no_pending_appeal', {});
    const state: WarningState = body.upheld ? 'revoked' : row.state;
    await saveRow(
      trx,
      row,
      {
        appeal_state: body.upheld ? 'upheld' : 'rejected',
        state,
        ...(body.upheld && { closed_on: today }),
      },
      ctx,
    );
    await appendEvent(trx, ctx, row, {
      type: body.upheld ? 'appeal_upheld' : 'appeal_rejected',
      colour: row.colour,
      state,
      onDate: today,
      text: body.reason,
    });
    await recordAudit(trx, ctx, {
      regionId: row.region_id,
      action: 'warning.decide_appeal',
      entity: 'warning',
      entityId: row.id,
      before: { state: row.state, appealState: 'pending' },
      after: { state, appealState: body.upheld ? 'upheld' : 'rejected', reason: body.reason },
    });
    itemId = row.item_id;
  });
  // A revoked light no longer counts towards its unit's cards.
  if (body.upheld && itemId) await reevaluateItems(db, ctx, actorOf(ctx).regionId, [itemId]);
  return getWarning(db, ctx, id);
}

export async function addConsequence(
  db: Db,
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof consequenceBody>,
) {
  await db.transaction().execute(async (trx) => {
    const { actor, row, today } = await forAction(trx, ctx, id);
    assertAuthorized(actor, 'warning.consequence', { regionId: row.region_id });
    await appendEvent(trx, ctx, row, {
      type: 'consequence',
      colour: row.colour,
      state: row.state,
      onDate: today,
      text: body.note,
      data: { consequence: body.type },
    });
    await recordAudit(trx, ctx, {
      regionId: row.region_id,
      action: 'warning.consequence',
      entity: 'warning',
      entityId: row.id,
      after: { consequence: body.type, note: body.note },
    });
  });
  return getWarning(db, ctx, id);
}

/** A supervisor's light or card from a spot check (抽查), with its reason. */
export async function issueManual(db: Db, ctx: RequestContext, body: z.infer<typeof manualWarning>) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'warning.issue', { regionId: actor.regionId });
  const id = await db.transaction().execute((trx) => issueManualIn(trx, ctx, body));
  // A manual yellow light counts towards its unit's cards like any other.
  if (body.kind === 'light') await reevaluateItems(db, ctx, actor.regionId, [body.itemId!]);
  return getWarning(db, ctx, id);
}

/**
 * Issues a manual warning inside the caller's transaction (the caller checked who may): from a spot check, or from
 * a verification case (核查) — then `link.caseId` is recorded on the warning, which the case lists by it. The caller
 * re-evaluates the item of a light after its transaction commits (`reevaluateItems`). Returns the warning's id.
 */
export async function issueManualIn(
  trx: Queryable,
  ctx: RequestContext,
  body: z.infer<typeof manualWarning>,
  link?: { caseId: string; receipt: string },
): Promise<string> {
  const actor = actorOf(ctx);
  const id = newId();
  const today = await regionToday(trx, actor.regionId, ctx.now);
  let unitId = body.unitId ?? null;
  let itemNumber: string | null = null;
  let itemTitle: string | null = null;
  if (body.kind === 'light') {
    const item = await trx
      .selectFrom('items')
      .select(['id', 'number', 'title', 'lead_unit_id'])
      .where('region_id', '=', actor.regionId)
      .where('id', '=', body.itemId!)
      .executeTakeFirst();
    if (!item) throw validationError('not_found', 'itemId', { entity: 'item' });
    unitId = item.lead_unit_id;
    itemNumber = item.number;
    itemTitle = item.title;
  } else {
    const unit = await trx
      .selectFrom('units')
      .select('id')
      .where('region_id', '=', actor.regionId)
      .where('id', '=', unitId!)
      .executeTakeFirst();
    if (!unit) throw validationError('not_found', 'unitId', { entity: 'unit' });
  }
  const calendar = await regionCalendar(trx, actor.regionId);
  const days = body.rectifyWorkingDays ?? (body.kind === 'card' ? 15 : 5);
  const colourZh = body.colour === 'red' ? '红' : '黄';
  const what = body.kind === 'light' ? `${colourZh}灯` : `${colourZh}牌`;
  const whatEn = `${body.colour} ${body.kind}`;
  const subjectZh = itemNumber ? `${itemNumber}「${itemTitle}」` : '';
  const subjectEn = itemNumber ? ` on ${itemNumber}` : '';
  const row: WarningTable = {
    id,
    region_id: actor.regionId,
    key: `manual|${id}`,
    kind: body.kind,
    origin: 'manual',
    rule_id: null,
    rule_version: null,
    condition: null,
    item_id: body.kind === 'light' ? body.itemId! : null,
    unit_id: unitId!,
    colour: body.colour,
    issued_colour: body.colour,
    state: 'active',
    issued_on: today,
    since: today,
    rectify_by: calendar.addWorkingDays(today, days),
    was_red: body.colour === 'red' ? 1 : 0,
    persistent: 1,
    closed_on: null,
    auto_cleared: 0,
    metric: null,
    inputs_json: JSON.stringify({ issuedBy: actor.displayName }),
    thresholds_json: JSON.stringify({}),
    explanation_zh: link
      ? `核查件${link.receipt}：${subjectZh}亮${what}（${actor.displayName}）：${body.reason}`
      : `督查抽查${subjectZh}亮${what}（${actor.displayName}）：${body.reason}`,
    explanation_en: link
      ? `Verification case ${link.receipt}: ${whatEn}${subjectEn} issued by ${actor.displayName}: ${body.reason}`
      : `Spot check: ${whatEn}${subjectEn} issued by ${actor.displayName}: ${body.reason}`,
    reason: body.reason,
    appeal_state: null,
    issued_by: actor.id,
    created_at: ctx.now.toISOString(),
    updated_at: ctx.now.toISOString(),
    row_version: 1,
    ...(link && { case_id: link.caseId }),
  };
  await issueWarning(trx, ctx, row, {
    onDate: today,
    itemNumber,
    live: true,
    event: { text: body.reason },
  });
  await recordAudit(trx, ctx, {
    regionId: actor.regionId,
    action: 'warning.issue_manual',
    entity: 'warning',
    entityId: id,
    after: {
      kind: row.kind,
      colour: row.colour,
      itemId: row.item_id,
      unitId: row.unit_id,
      reason: body.reason,
      ...(link && { caseId: link.caseId }),
    },
  });
  return id;
}

/** "Evaluate now" for supervisors: the whole region, today. Audited even when nothing changes. */
export async function evaluateNow(db: Db, ctx: RequestContext) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'warning.evaluate', { regionId: actor.regionId });
  // Days skipped since the last run first (the daily job missed, or a demo's day moved on), each as of its own day.
  const missed = await catchUpRegion(db, actor.regionId, { now: ctx.now });
  const now = await evaluateRegion(db, actor.regionId, { ctx });
  const summary = { ...now, days: 1 };
  for (const d of missed.filter((m) => m.asOf !== now.asOf)) {
    summary.days++;
    for (const k of ['issued', 'escalated', 'fellBack', 'cleared', 'refreshed'] as const) summary[k] += d[k];
  }
  await db.transaction().execute((trx) =>
    recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'warning.evaluate',
      entity: 'warning',
      entityId: null,
      after: summary,
    }),
  );
  return summary;
}

export async function warningSummary(db: Db, ctx: RequestContext, q: z.infer<typeof warningSummaryQuery>) {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'warning.list', { regionId: actor.regionId });
  const today = await regionToday(db, actor.regionId, ctx.now);
  const asOf = q.asOf ?? today;
  const year = q.year ?? Number(asOf.slice(0, 4));
  const rows = await db
    .selectFrom('warnings')
    .innerJoin('units', 'units.id', 'warnings.unit_id')
    .leftJoin('ranking_categories', 'ranking_categories.id', 'units.category_id')
    .select([
      'warnings.id',
      'warnings.kind',
      'warnings.issued_colour',
      'warnings.issued_on',
      'warnings.closed_on',
      'warnings.state',
      'warnings.unit_id',
      'units.name as unit_name',
      'units.category_id',
      'ranking_categories.name as category_name',
    ])
    .where('warnings.region_id', '=', actor.regionId)
    .where('warnings.issued_on', '<=', asOf)
    .execute();
  const past = await statesAsOf(db, actor.regionId, asOf);
  const zero = () => ({ yellow: 0, red: 0 });
  const open = { light: zero(), card: zero() };
  const units = new Map<
    string,
    {
      unitId: string;
      unitName: string;
      categoryId: string | null;
      categoryName: string | null;
      lights: ReturnType<typeof zero>;
      cards: ReturnType<typeof zero>;
    }
  >();
  const months = new Map<
    string,
    { month: string; lights: ReturnType<typeof zero>; cards: ReturnType<typeof zero>; cleared: number }
  >();
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (month <= asOf.slice(0, 7)) months.set(month, { month, lights: zero(), cards: zero(), cleared: 0 });
  }
  for (const r of rows) {
    const at = past.get(r.id);
    if (!at) continue;
    const colour = at.colour as 'yellow' | 'red';
    if (at.state === 'active' || at.state === 'rectifying') {
      open[r.kind][colour]++;
      let u = units.get(r.unit_id);
      if (!u) {
        u = {
          unitId: r.unit_id,
          unitName: r.unit_name,
          categoryId: r.category_id,
          categoryName: r.category_name,
          lights: zero(),
          cards: zero(),
        };
        units.set(r.unit_id, u);
      }
      (r.kind === 'light' ? u.lights : u.cards)[colour]++;
    }
    if (at.state === 'revoked') continue;
    const issued = months.get(r.issued_on.slice(0, 7));
    if (issued) (r.kind === 'light' ? issued.lights : issued.cards)[r.issued_colour]++;
    if (r.closed_on && r.closed_on <= asOf && at.state === 'cleared') {
      const cleared = months.get(r.closed_on.slice(0, 7));
      if (cleared) cleared.cleared++;
    }
  }
  const weight = (u: { lights: { red: number; yellow: number }; cards: { red: number; yellow: number } }) =>
    u.cards.red * 1000 + u.cards.yellow * 100 + u.lights.red * 10 + u.lights.yellow;
  return {
    asOf,
    open,
    byUnit: [...units.values()].sort((a, b) => weight(b) - weight(a) || a.unitName.localeCompare(b.unitName)),
    byMonth: [...months.values()],
  };
}
