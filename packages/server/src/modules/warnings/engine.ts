// The warning engine at run time: load the dated facts, let the domain evaluate and reconcile them, and record the
// changes — warnings, their events (the history an as-of replay reads), notifications, webhooks and the audit
// log — in one transaction per region and day, so that a crash leaves the previous warnings intact and the next
// run completes the work. Runs after writes that change facts (for the items concerned and their units), daily
// for what the passing of time lights up, and when a supervisor asks.
import {
  addDays,
  evaluate,
  reconcile,
  type Finding,
  type RuleSet,
  type WarningChange,
  type WarningRecord,
  type WorkCalendar,
} from '@benpao/domain';
import type { Db, Queryable } from '../../db/index.ts';
import type { WarningTable } from '../../db/schema.ts';
import { systemContext, type RequestContext } from '../../context.ts';
import { newId } from '../../ids.ts';
import { recordAudit } from '../audit/service.ts';
import { regionCalendar, regionToday } from '../calendar/service.ts';
import { notify } from '../notifications/service.ts';
import { enqueueWebhookEvent } from '../webhooks/service.ts';
import { loadItemFacts, loadTimetableSteps, loadUnitFacts, loadWarningRecords } from './facts.ts';
import { activeRuleSet } from './rulesets.ts';

export interface EvaluationSummary {
  asOf: string;
  issued: number;
  escalated: number;
  fellBack: number;
  cleared: number;
  refreshed: number;
}

const emptySummary = (asOf: string): EvaluationSummary => ({
  asOf,
  issued: 0,
  escalated: 0,
  fellBack: 0,
  cleared: 0,
  refreshed: 0,
});

/** Serialises evaluations of one region: the UPDATE takes the row lock on PostgreSQL (SQLite writes one at a time). */
async function lockRegion(trx: Queryable, regionId: string, nowIso: string): Promise<string | null> {
  const bumped = await trx
    .updateTable('warning_engine_state')
    .set({ updated_at: nowIso })
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  if (Number(bumped.numUpdatedRows) === 0) {
    await trx
      .insertInto('warning_engine_state')
      .values({ region_id: regionId, evaluated_through: '0000-00-00', updated_at: nowIso })
      .onConflict((oc) => oc.column('region_id').doNothing())
      .execute();
  }
  const row = await trx
    .selectFrom('warning_engine_state')
    .select('evaluated_through')
    .where('region_id', '=', regionId)
    .executeTakeFirstOrThrow();
  return row.evaluated_through === '0000-00-00' ? null : row.evaluated_through;
}

export interface EvaluateOptions {
  /** The day to evaluate (default: the region's today). */
  asOf?: string;
  /** Only these items and the units they are lit for (a write's incremental re-evaluation). */
  itemIds?: readonly string[];
  /** Who asked; the system when absent. */
  ctx?: RequestContext;
  now?: Date;
}

/** Evaluates one region on one day and records the changes. */
export async function evaluateRegion(
  db: Db,
  regionId: string,
  opts: EvaluateOptions = {},
): Promise<EvaluationSummary> {
  const ctx = opts.ctx ?? systemContext(opts.now);
  const today = await regionToday(db, regionId, ctx.now);
  const asOf = opts.asOf ?? today;
  const calendar = await regionCalendar(db, regionId);
  return db.transaction().execute(async (trx) => {
    const through = await lockRegion(trx, regionId, ctx.now.toISOString());
    const summary = await evaluateInTransaction(trx, ctx, regionId, { asOf, today }, calendar, opts.itemIds);
    if (!opts.itemIds && (through === null || through < asOf)) {
      await trx
        .updateTable('warning_engine_state')
        .set({ evaluated_through: asOf })
        .where('region_id', '=', regionId)
        .execute();
    }
    return summary;
  });
}

async function evaluateInTransaction(
  trx: Queryable,
  ctx: RequestContext,
  regionId: string,
  { asOf, today }: { asOf: string; today: string },
  calendar: WorkCalendar,
  itemIds: readonly string[] | undefined,
): Promise<EvaluationSummary> {
  const ruleSet = await activeRuleSet(trx, regionId, ctx.now.toISOString());
  // Facts are dated up to the region's today; the domain ignores what came after the evaluated day.
  const items = await loadItemFacts(trx, regionId, today, itemIds);
  const units = await loadUnitFacts(trx, regionId);
  let scope: { itemIds: ReadonlySet<string>; unitIds: ReadonlySet<string> } | undefined;
  let warnings: WarningRecord[];
  if (itemIds) {
    const scopeItems = new Set(items.map((i) => i.id));
    const unitIds = new Set(items.map((i) => i.leadUnitId));
    // Lights already on these items may belong to a former lead unit: its cards are re-counted too.
    const lit = await trx
      .selectFrom('warnings')
      .select('unit_id')
      .distinct()
      .where('region_id', '=', regionId)
      .where('item_id', 'in', itemIds.length > 0 ? [...itemIds] : ['-'])
      .execute();
    for (const r of lit) unitIds.add(r.unit_id);
    scope = { itemIds: scopeItems, unitIds };
    warnings = await loadWarningRecords(trx, regionId, [...unitIds]);
  } else {
    warnings = await loadWarningRecords(trx, regionId);
  }
  const steps = await loadTimetableSteps(trx, regionId, scope && [...scope.unitIds]);
  const findings = evaluate({
    ruleSet,
    asOf,
    calendar,
    items,
    units,
    warnings,
    steps,
    ...(scope && { scope }),
  });
  const changes = reconcile({ asOf, calendar, findings, warnings, items, ruleSet, ...(scope && { scope }) });
  return applyChanges(trx, ctx, regionId, asOf, ruleSet, changes, items, asOf === today);
}

/** Everything the engine would issue on a day under a rule set, without recording anything (rule-set preview). */
export async function findingsUnder(
  db: Queryable,
  regionId: string,
  asOf: string,
  ruleSet: RuleSet,
): Promise<Finding[]> {
  const calendar = await regionCalendar(db, regionId);
  const [items, units, warnings, steps] = await Promise.all([
    loadItemFacts(db, regionId, asOf), // asOf is the region's today here
    loadUnitFacts(db, regionId),
    loadWarningRecords(db, regionId),
    loadTimetableSteps(db, regionId),
  ]);
  return evaluate({ ruleSet, asOf, calendar, items, units, warnings, steps });
}

const explanationColumns = (f: Finding) => ({
  explanation_zh: f.explanation['zh-CN'],
  explanation_en: f.explanation['en-US'],
});

async function nextSeq(trx: Queryable, warningId: string): Promise<number> {
  const row = await trx
    .selectFrom('warning_events')
    .select((eb) => eb.fn.max<number>('seq').as('seq'))
    .where('warning_id', '=', warningId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

export interface EventInput {
  type: string;
  colour: WarningTable['colour'];
  state: WarningTable['state'];
  onDate: string;
  ruleId?: string | null;
  ruleVersion?: number | null;
  text?: string | null;
  data?: unknown;
  explanation?: { zh: string; en: string } | null;
}

/** Appends one event to a warning's history. */
export async function appendEvent(
  trx: Queryable,
  ctx: RequestContext,
  w: Pick<WarningTable, 'id' | 'region_id'>,
  e: EventInput,
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('warning_events')
    .values({
      id,
      region_id: w.region_id,
      warning_id: w.id,
      seq: await nextSeq(trx, w.id),
      type: e.type,
      on_date: e.onDate,
      at: ctx.now.toISOString(),
      colour: e.colour,
      state: e.state,
      rule_id: e.ruleId ?? null,
      rule_version: e.ruleVersion ?? null,
      actor_id: ctx.actor?.id ?? null,
      actor_name: ctx.actor?.displayName ?? null,
      text: e.text ?? null,
      data_json: e.data === undefined ? null : JSON.stringify(e.data),
      explanation_zh: e.explanation?.zh ?? null,
      explanation_en: e.explanation?.en ?? null,
    })
    .execute();
  return id;
}

/** Tells the warned unit's managers and reporters, and the leader in charge of the item. */
export async function notifyWarning(
  trx: Queryable,
  ctx: RequestContext,
  w: WarningTable,
  kind: 'warning_issued' | 'warning_escalated',
  itemNumber: string | null,
) {
  const leader = w.item_id
    ? await trx.selectFrom('items').select('leader_user_id').where('id', '=', w.item_id).executeTakeFirst()
    : undefined;
  await notify(trx, ctx, {
    regionId: w.region_id,
    kind,
    params: {
      warningId: w.id,
      warningKind: w.kind,
      colour: w.colour,
      itemNumber,
      explanationZh: w.explanation_zh,
      explanationEn: w.explanation_en,
    },
    itemId: w.item_id,
    dedupeKey: `${kind}:${w.id}:${w.colour}`,
    unitId: w.unit_id,
    ...(leader?.leader_user_id && { userIds: [leader.leader_user_id] }),
  });
}

const KIND_ZH = { light: '灯', card: '牌' } as const;
const COLOUR_ZH = { yellow: '黄', red: '红' } as const;
const EVENT_ZH = {
  'warning.issued': '亮',
  'warning.escalated': '升级为',
  'warning.cleared': '已销号：',
} as const;

/**
 * Posts a warning to the region's group robots (DingTalk, WeCom). Only live events: a catch-up of past days
 * records their history but does not page anyone about days gone by.
 */
export async function publishWarning(
  trx: Queryable,
  ctx: RequestContext,
  w: Pick<WarningTable, 'region_id' | 'kind' | 'colour' | 'explanation_zh' | 'unit_id' | 'item_id'>,
  type: 'warning.issued' | 'warning.escalated' | 'warning.cleared',
  live: boolean,
) {
  if (!live) return;
  const names = await trx
    .selectFrom('units')
    .leftJoin('items', (j) => j.on('items.id', '=', w.item_id ?? '-'))
    .select(['units.name as unit', 'items.number as number', 'items.title as title'])
    .where('units.id', '=', w.unit_id)
    .executeTakeFirst();
  const subject = names?.number ? `${names.number}「${names.title}」（${names.unit}）` : (names?.unit ?? '');
  const what = `${COLOUR_ZH[w.colour]}${KIND_ZH[w.kind]}`;
  const title = `【奔跑】${subject} ${EVENT_ZH[type]}${what}`;
  await enqueueWebhookEvent(trx, w.region_id, {
    type,
    title,
    text: `### ${title}\n\n${w.explanation_zh}`,
    at: ctx.now.toISOString(),
  });
}

/** Records a new warning: its row, its first event, the unit's and leader's notifications and the group robots. */
export async function issueWarning(
  trx: Queryable,
  ctx: RequestContext,
  row: WarningTable,
  opts: {
    onDate: string;
    itemNumber: string | null;
    live: boolean;
    event: Pick<EventInput, 'ruleId' | 'ruleVersion' | 'data' | 'text'>;
  },
) {
  await trx.insertInto('warnings').values(row).execute();
  await appendEvent(trx, ctx, row, {
    type: 'issued',
    colour: row.colour,
    state: 'active',
    onDate: opts.onDate,
    ...opts.event,
    explanation: { zh: row.explanation_zh, en: row.explanation_en },
  });
  await notifyWarning(trx, ctx, row, 'warning_issued', opts.itemNumber);
  await publishWarning(trx, ctx, row, 'warning.issued', opts.live);
}

async function applyChanges(
  trx: Queryable,
  ctx: RequestContext,
  regionId: string,
  asOf: string,
  ruleSet: RuleSet,
  changes: readonly WarningChange[],
  items: readonly { id: string; number: string }[],
  live: boolean,
): Promise<EvaluationSummary> {
  const summary = emptySummary(asOf);
  if (changes.length === 0) return summary;
  const numbers = new Map(items.map((i) => [i.id, i.number]));
  const nowIso = ctx.now.toISOString();
  const byId = new Map<string, WarningTable>();
  const ids = changes.flatMap((c) => ('warningId' in c ? [c.warningId] : []));
  if (ids.length > 0) {
    for (const row of await trx.selectFrom('warnings').selectAll().where('id', 'in', ids).execute())
      byId.set(row.id, row);
  }
  for (const c of changes) {
    if (c.type === 'issue') {
      const f = c.finding;
      const row: WarningTable = {
        id: newId(),
        region_id: regionId,
        key: f.key,
        kind: f.kind,
        origin: 'rule',
        rule_id: f.ruleId,
        rule_version: f.ruleVersion,
        condition: f.condition,
        item_id: f.itemId,
        unit_id: f.unitId,
        colour: f.colour,
        issued_colour: f.colour,
        state: 'active',
        issued_on: asOf,
        since: f.since,
        rectify_by: c.rectifyBy,
        was_red: f.colour === 'red' ? 1 : 0,
        persistent: f.persistent ? 1 : 0,
        closed_on: null,
        auto_cleared: 0,
        metric: f.metric,
        inputs_json: JSON.stringify(f.inputs),
        thresholds_json: JSON.stringify(f.thresholds),
        ...explanationColumns(f),
        reason: null,
        appeal_state: null,
        issued_by: null,
        created_at: nowIso,
        updated_at: nowIso,
        row_version: 1,
      };
      await issueWarning(trx, ctx, row, {
        onDate: asOf,
        itemNumber: f.itemId ? (numbers.get(f.itemId) ?? null) : null,
        live,
        event: {
          ruleId: f.ruleId,
          ruleVersion: f.ruleVersion,
          data: { inputs: f.inputs, thresholds: f.thresholds, metric: f.metric, since: f.since },
        },
      });
      await recordAudit(trx, ctx, {
        regionId,
        action: 'warning.issue',
        entity: 'warning',
        entityId: row.id,
        after: { key: row.key, kind: row.kind, colour: row.colour, ruleId: f.ruleId, asOf },
      });
      summary.issued++;
      continue;
    }
    const before = byId.get(c.warningId);
    if (!before) continue;
    let after: WarningTable;
    let type: string;
    let f: Finding | null = null;
    if (c.type === 'escalate') {
      f = c.finding;
      after = {
        ...before,
        colour: 'red',
        was_red: 1,
        state: 'active',
        rectify_by: c.rectifyBy,
        // Escalated for a missed deadline, it stays red until a re-check: the condition alone is only yellow.
        persistent: Number(before.persistent) === 1 || f.persistent ? 1 : 0,
        since: f.persistent ? before.since : f.since,
      };
      type = 'escalated';
      summary.escalated++;
    } else if (c.type === 'fall_back') {
      f = c.finding;
      const calendar = await regionCalendar(trx, regionId);
      const rectifyBy =
        c.rectifyBy ??
        calendar.addWorkingDays(asOf, f?.rectifyWorkingDays ?? ruleRectifyDays(ruleSet, before.rule_id));
      after = { ...before, colour: 'yellow', rectify_by: rectifyBy, ...(f && { since: f.since }) };
      // Without a yellow finding to speak for it, say why it is yellow now rather than keep the red's reason.
      if (!f)
        after = {
          ...after,
          explanation_zh: `红灯所依据的差距已追回，退为黄灯，待督查复查后灭灯（原因：${before.explanation_zh}）`,
          explanation_en: `The gap behind the red light has closed: back to yellow until a supervisor's re-check clears it (was: ${before.explanation_en})`,
        };
      type = 'fell_back';
      summary.fellBack++;
    } else if (c.type === 'clear') {
      after = { ...before, state: 'cleared', closed_on: asOf, auto_cleared: 1 };
      type = 'cleared';
      summary.cleared++;
    } else {
      f = c.finding;
      after = { ...before, since: f.since };
      type = 'refreshed';
      summary.refreshed++;
    }
    if (f) {
      after = {
        ...after,
        // The condition whose metric it now carries (an escalation for a missed deadline is another condition's).
        condition: f.condition,
        metric: f.metric,
        inputs_json: JSON.stringify(f.inputs),
        thresholds_json: JSON.stringify(f.thresholds),
        ...explanationColumns(f),
      };
    }
    after = { ...after, updated_at: nowIso, row_version: Number(before.row_version) + 1 };
    await trx
      .updateTable('warnings')
      .set({
        colour: after.colour,
        was_red: after.was_red,
        persistent: after.persistent,
        since: after.since,
        auto_cleared: after.auto_cleared,
        rule_version: f ? f.ruleVersion : after.rule_version,
        condition: after.condition,
        rectify_by: after.rectify_by,
        state: after.state,
        closed_on: after.closed_on,
        metric: after.metric,
        inputs_json: after.inputs_json,
        thresholds_json: after.thresholds_json,
        explanation_zh: after.explanation_zh,
        explanation_en: after.explanation_en,
        updated_at: after.updated_at,
        row_version: after.row_version,
      })
      .where('id', '=', before.id)
      .execute();
    // A refresh keeps the explanation current (an overdue count grows daily) without adding to the history.
    if (c.type === 'refresh') continue;
    await appendEvent(trx, ctx, after, {
      type,
      colour: after.colour,
      state: after.state,
      onDate: asOf,
      ruleId: f?.ruleId ?? null,
      ruleVersion: f?.ruleVersion ?? null,
      text: c.type === 'clear' ? c.reason : null,
      ...(f && { data: { inputs: f.inputs, thresholds: f.thresholds, metric: f.metric } }),
      ...(f && { explanation: { zh: f.explanation['zh-CN'], en: f.explanation['en-US'] } }),
    });
    if (c.type === 'escalate') await publishWarning(trx, ctx, after, 'warning.escalated', live);
    if (c.type === 'clear') await publishWarning(trx, ctx, after, 'warning.cleared', live);
    if (c.type === 'escalate')
      await notifyWarning(
        trx,
        ctx,
        after,
        'warning_escalated',
        after.item_id ? (numbers.get(after.item_id) ?? null) : null,
      );
    await recordAudit(trx, ctx, {
      regionId,
      action: `warning.${type}`,
      entity: 'warning',
      entityId: before.id,
      before: { colour: before.colour, state: before.state },
      after: { colour: after.colour, state: after.state, asOf },
    });
  }
  return summary;
}

const ruleRectifyDays = (ruleSet: RuleSet, ruleId: string | null) =>
  ruleSet.rules.find((r) => r.id === ruleId)?.rectifyWorkingDays ?? 5;

/**
 * Re-evaluates the items a write changed, after that write committed: a failure here must not undo the write,
 * and the daily run repairs what it missed. Errors are reported to `onError` (the app's logger).
 */
export async function reevaluateItems(
  db: Db,
  ctx: RequestContext,
  regionId: string,
  itemIds: readonly string[],
): Promise<void> {
  try {
    // The engine acts, not the person whose write it follows: the audit log and notifications say so.
    await evaluateRegion(db, regionId, { itemIds, ctx: systemContext(ctx.now) });
  } catch (err) {
    engineErrorHandler(err, { regionId, itemIds });
  }
}

/** After a change that can move any deadline (the working calendar): the whole region, today. */
export async function reevaluateRegion(db: Db, ctx: RequestContext, regionId: string): Promise<void> {
  try {
    await evaluateRegion(db, regionId, { ctx: systemContext(ctx.now) });
  } catch (err) {
    engineErrorHandler(err, { regionId });
  }
}

let engineErrorHandler: (err: unknown, context: Record<string, unknown>) => void = (err) => {
  console.error('warning engine: re-evaluation failed', err);
};
export function onEngineError(handler: typeof engineErrorHandler) {
  engineErrorHandler = handler;
}

/**
 * Evaluates every day from the one after the last evaluated day up to today (at most `maxDays`), one transaction
 * per day: a process that was down catches up, and lights issued on the days it missed carry those days.
 */
export async function catchUpRegion(
  db: Db,
  regionId: string,
  opts: { now?: Date; from?: string; maxDays?: number } = {},
): Promise<EvaluationSummary[]> {
  const ctx = systemContext(opts.now);
  const today = await regionToday(db, regionId, ctx.now);
  const state = await db
    .selectFrom('warning_engine_state')
    .select('evaluated_through')
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  const through = state && state.evaluated_through !== '0000-00-00' ? state.evaluated_through : null;
  let day = opts.from ?? (through ? addDays(through, 1) : today);
  const maxDays = opts.maxDays ?? 400;
  const earliest = addDays(today, -(maxDays - 1));
  if (day < earliest) day = earliest;
  const out: EvaluationSummary[] = [];
  if (day > today) return out;
  // The facts are dated, so one load serves every day; the warnings on record change day by day.
  const calendar = await regionCalendar(db, regionId);
  const [items, units] = await Promise.all([loadItemFacts(db, regionId, today), loadUnitFacts(db, regionId)]);
  for (; day <= today; day = addDays(day, 1)) {
    const asOf = day;
    out.push(
      await db.transaction().execute(async (trx) => {
        await lockRegion(trx, regionId, ctx.now.toISOString());
        const ruleSet = await activeRuleSet(trx, regionId, ctx.now.toISOString());
        const [warnings, steps] = await Promise.all([
          loadWarningRecords(trx, regionId),
          loadTimetableSteps(trx, regionId),
        ]);
        const findings = evaluate({ ruleSet, asOf, calendar, items, units, warnings, steps });
        const changes = reconcile({ asOf, calendar, findings, warnings, items, ruleSet });
        const summary = await applyChanges(trx, ctx, regionId, asOf, ruleSet, changes, items, asOf === today);
        await trx
          .updateTable('warning_engine_state')
          .set({ evaluated_through: asOf })
          .where('region_id', '=', regionId)
          .where('evaluated_through', '<', asOf)
          .execute();
        return summary;
      }),
    );
  }
  return out;
}

/** After a report's submission or acceptance: its item's lights and its unit's cards. */
export async function reevaluateReportItem(db: Db, ctx: RequestContext, reportId: string): Promise<void> {
  const row = await db
    .selectFrom('reports')
    .select(['region_id', 'item_id'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (row) await reevaluateItems(db, ctx, row.region_id, [row.item_id]);
}
