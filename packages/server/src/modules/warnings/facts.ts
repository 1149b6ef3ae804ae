// Loads what the warning engine reads, as dated facts (packages/domain/src/warnings/types.ts): items with their
// status history, milestones, reports in force, targets; units; the warnings already on record. Instants become
// Asia/Shanghai dates, never later than the region's today: in a demo region living in 2022, a report accepted
// now (in real time) was accepted "today" as far as the county is concerned.
import {
  minDate,
  shanghaiDateOf,
  type ItemFacts,
  type ItemState,
  type TimetableStepFacts,
  type UnitFacts,
  type WarningRecord,
} from '@benpao/domain';
import type { Queryable } from '../../db/index.ts';
import type { WarningTable } from '../../db/schema.ts';

const CHUNK = 500;

export interface EngineFacts {
  items: ItemFacts[];
  units: UnitFacts[];
  warnings: WarningRecord[];
}

const chunks = <T>(xs: readonly T[]) => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
};

/**
 * An item's transitions in the order they happened. Several can share an instant (created and assigned in one
 * import, or a test clock): each one starts from the status the previous one reached.
 */
function chained<T extends { from_status: string | null; to_status: string; at: string }>(list: T[]): T[] {
  const rest = [...list];
  const out: T[] = [];
  let status: string | null = null;
  while (rest.length > 0) {
    const at = rest[0]!.at;
    let i = rest.findIndex((t) => t.at === at && t.from_status === status);
    if (i < 0) i = 0;
    const [next] = rest.splice(i, 1);
    out.push(next!);
    status = next!.to_status;
  }
  return out;
}

/**
 * A record's business date, capped at the region's today: the date written with it, else (rows from before such
 * dates were kept) its instant's Asia/Shanghai date.
 */
export const dayOf = (onDate: string | null, instant: string, today: string) =>
  minDate(onDate ?? shanghaiDateOf(instant), today);

/**
 * Item facts of a region; of the given items only when `itemIds` is set. Drafts are included: the engine reads
 * the status on the evaluated day from the history.
 */
export async function loadItemFacts(
  db: Queryable,
  regionId: string,
  today: string,
  itemIds?: readonly string[],
): Promise<ItemFacts[]> {
  let q = db.selectFrom('items').selectAll().where('region_id', '=', regionId);
  if (itemIds) {
    if (itemIds.length === 0) return [];
    q = q.where('id', 'in', [...itemIds]);
  }
  const rows = await q.orderBy('number').execute();
  const facts = new Map<string, ItemFacts>();
  for (const r of rows) {
    facts.set(r.id, {
      id: r.id,
      number: r.number,
      title: r.title,
      kind: r.kind,
      leadUnitId: r.lead_unit_id,
      startDate: r.start_date,
      dueDate: r.due_date,
      frequency: r.frequency as ItemFacts['frequency'],
      deadlineWorkingDays: Number(r.deadline_working_days),
      statusHistory: [],
      milestones: [],
      reports: [],
      indicator:
        r.kind === 'indicator' && r.direction
          ? {
              direction: r.direction as 'higher_better' | 'lower_better',
              annualTarget: Number(r.annual_target ?? 0),
              cumulativeTargets: [],
            }
          : null,
      project: r.kind === 'project' ? { plannedStart: r.planned_start, actualStart: r.actual_start } : null,
    });
  }
  for (const ids of chunks([...facts.keys()])) {
    const [transitions, milestones, reports, targets] = await Promise.all([
      db
        .selectFrom('item_transitions')
        .select(['item_id', 'from_status', 'to_status', 'at', 'on_date'])
        .where('item_id', 'in', ids)
        .orderBy('at')
        .execute(),
      db
        .selectFrom('milestones')
        .select(['id', 'item_id', 'title', 'planned_date', 'weight', 'done_date'])
        .where('item_id', 'in', ids)
        .orderBy('seq')
        .execute(),
      db
        .selectFrom('reports')
        .select([
          'item_id',
          'period_key',
          'status',
          'submitted_on',
          'reviewed_at',
          'reviewed_on',
          'progress',
          'indicator_value',
          'completed_investment_fen',
        ])
        .where('item_id', 'in', ids)
        .where('current', '=', 1)
        .orderBy('period_key')
        .execute(),
      db
        .selectFrom('indicator_targets')
        .select(['item_id', 'period_key', 'target'])
        .where('item_id', 'in', ids)
        .orderBy('period_key')
        .execute(),
    ]);
    const byItem = new Map<string, typeof transitions>();
    for (const t of transitions) byItem.set(t.item_id, [...(byItem.get(t.item_id) ?? []), t]);
    for (const [itemId, list] of byItem) {
      for (const t of chained(list)) {
        facts
          .get(itemId)!
          .statusHistory.push({ on: dayOf(t.on_date, t.at, today), status: t.to_status as ItemState });
      }
    }
    for (const m of milestones) {
      facts.get(m.item_id)!.milestones.push({
        id: m.id,
        title: m.title,
        plannedDate: m.planned_date,
        weight: Number(m.weight),
        doneDate: m.done_date,
      });
    }
    for (const r of reports) {
      // Submitted: waiting for review, accepted, or returned after a submission (it was submitted on time or
      // late; the return does not make it unsubmitted for the overdue rule).
      const submitted = r.submitted_on && r.status !== 'draft' && r.status !== 'pending_approval';
      const accepted = r.status === 'accepted' && r.reviewed_at;
      facts.get(r.item_id)!.reports.push({
        periodKey: r.period_key,
        submittedOn: submitted ? minDate(r.submitted_on!, today) : null,
        acceptedOn: accepted ? dayOf(r.reviewed_on, r.reviewed_at!, today) : null,
        progress: r.progress === null ? null : Number(r.progress),
        indicatorValue: r.indicator_value === null ? null : Number(r.indicator_value),
        completedInvestmentFen:
          r.completed_investment_fen === null ? null : Number(r.completed_investment_fen),
      });
    }
    for (const t of targets) {
      facts
        .get(t.item_id)!
        .indicator?.cumulativeTargets.push({ periodKey: t.period_key, target: Number(t.target) });
    }
  }
  return [...facts.values()];
}

export async function loadUnitFacts(db: Queryable, regionId: string): Promise<UnitFacts[]> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('region_id', '=', regionId)
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name }));
}

export const toRecord = (w: WarningTable & { item_number?: string | null }): WarningRecord => ({
  id: w.id,
  key: w.key,
  kind: w.kind,
  origin: w.origin,
  ruleId: w.rule_id,
  itemId: w.item_id,
  itemNumber: w.item_number ?? null,
  unitId: w.unit_id,
  colour: w.colour,
  issuedColour: w.issued_colour,
  state: w.state,
  issuedOn: w.issued_on,
  since: w.since,
  rectifyBy: w.rectify_by,
  wasRed: Number(w.was_red) === 1,
  persistent: Number(w.persistent) === 1,
  closedOn: w.closed_on,
  autoCleared: Number(w.auto_cleared) === 1,
  ruleVersion: w.rule_version === null ? null : Number(w.rule_version),
  metric: w.metric === null ? null : Number(w.metric),
  inputs: JSON.parse(w.inputs_json) as Record<string, string | number | null>,
  thresholds: JSON.parse(w.thresholds_json) as { yellow: number | null; red: number | null },
  explanation: { 'zh-CN': w.explanation_zh, 'en-US': w.explanation_en },
});

/** Warnings of a region on record (of the given units only when set): the engine's memory. */
export async function loadWarningRecords(
  db: Queryable,
  regionId: string,
  unitIds?: readonly string[],
): Promise<WarningRecord[]> {
  let q = db
    .selectFrom('warnings')
    .leftJoin('items', 'items.id', 'warnings.item_id')
    .selectAll('warnings')
    .select('items.number as item_number')
    .where('warnings.region_id', '=', regionId);
  if (unitIds) {
    if (unitIds.length === 0) return [];
    q = q.where('warnings.unit_id', 'in', [...unitIds]);
  }
  const rows = await q.orderBy('warnings.issued_on').orderBy('warnings.id').execute();
  return rows.map(toRecord);
}

/** Steps of the region's cards' rectification timetables (of the given units only when set). */
export async function loadTimetableSteps(
  db: Queryable,
  regionId: string,
  unitIds?: readonly string[],
): Promise<TimetableStepFacts[]> {
  let q = db
    .selectFrom('warning_steps')
    .innerJoin('warnings', 'warnings.id', 'warning_steps.warning_id')
    .select([
      'warning_steps.id',
      'warning_steps.warning_id',
      'warnings.unit_id',
      'warning_steps.title',
      'warning_steps.due_date',
      'warning_steps.done_date',
      'warning_steps.planned_on',
    ])
    .where('warning_steps.region_id', '=', regionId);
  if (unitIds) {
    if (unitIds.length === 0) return [];
    q = q.where('warnings.unit_id', 'in', [...unitIds]);
  }
  const rows = await q.orderBy('warning_steps.warning_id').orderBy('warning_steps.seq').execute();
  return rows.map((r) => ({
    id: r.id,
    warningId: r.warning_id,
    unitId: r.unit_id,
    title: r.title,
    dueDate: r.due_date,
    doneDate: r.done_date,
    plannedOn: r.planned_on,
  }));
}
