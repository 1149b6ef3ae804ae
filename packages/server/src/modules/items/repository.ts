// Queries for items and what hangs off them. Bounded to one region; list queries batch their children.
import type { Queryable } from '../../db/index.ts';
import type { ItemTable, MilestoneTable } from '../../db/schema.ts';
import { containsPattern, likeEscaped } from '../../db/sql.ts';

export interface ItemFilter {
  kind?: string | undefined;
  unitId?: string | undefined;
  leaderUserId?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  /** Overdue: past its due date and not completed or cancelled, as of this date. */
  overdueAsOf?: string | undefined;
  notOverdueAsOf?: string | undefined;
  /** Unit scope: only items this unit leads or co-operates on, once assigned (a draft is the county's). */
  visibleToUnit?: string | undefined;
}

export function filteredItems(db: Queryable, regionId: string, f: ItemFilter) {
  let q = db.selectFrom('items').where('items.region_id', '=', regionId);
  if (f.kind) q = q.where('items.kind', '=', f.kind as ItemTable['kind']);
  if (f.status) q = q.where('items.status', '=', f.status);
  if (f.leaderUserId) q = q.where('items.leader_user_id', '=', f.leaderUserId);
  const involving = (unitId: string) =>
    q.where((eb) =>
      eb.or([
        eb('items.lead_unit_id', '=', unitId),
        eb.exists(
          eb
            .selectFrom('item_co_units')
            .select('item_co_units.item_id')
            .whereRef('item_co_units.item_id', '=', 'items.id')
            .where('item_co_units.unit_id', '=', unitId),
        ),
      ]),
    );
  if (f.unitId) q = involving(f.unitId);
  if (f.visibleToUnit) q = involving(f.visibleToUnit).where('items.status', '!=', 'draft');
  if (f.q) {
    const like = containsPattern(f.q);
    // Numbers are upper case (DB-2022-0017); PostgreSQL's LIKE, unlike SQLite's, is case-sensitive.
    const numberLike = containsPattern(f.q.toUpperCase());
    q = q.where((eb) =>
      eb.or([likeEscaped(eb.ref('items.title'), like), likeEscaped(eb.ref('items.number'), numberLike)]),
    );
  }
  const closed = ['completed', 'cancelled'];
  if (f.overdueAsOf)
    q = q.where('items.due_date', '<', f.overdueAsOf).where('items.status', 'not in', closed);
  if (f.notOverdueAsOf) {
    const d = f.notOverdueAsOf;
    q = q.where((eb) => eb.or([eb('items.due_date', '>=', d), eb('items.status', 'in', closed)]));
  }
  return q;
}

/** The columns of an item that a list shows and its progress needs: not the long texts nor the project's plan. */
const SUMMARY_COLUMNS = [
  'items.id',
  'items.region_id',
  'items.number',
  'items.kind',
  'items.title',
  'items.status',
  'items.urgency',
  'items.lead_unit_id',
  'items.leader_user_id',
  'items.start_date',
  'items.due_date',
  'items.frequency',
  'items.direction',
  'items.annual_target',
  'items.annual_plan_fen',
] as const;

export type ItemSummaryRow = Pick<
  ItemTable,
  | 'id'
  | 'region_id'
  | 'number'
  | 'kind'
  | 'title'
  | 'status'
  | 'urgency'
  | 'lead_unit_id'
  | 'leader_user_id'
  | 'start_date'
  | 'due_date'
  | 'frequency'
  | 'direction'
  | 'annual_target'
  | 'annual_plan_fen'
>;

/**
 * A page of items with the names of their lead unit and leader, and the number of matches. The count is skipped
 * when the page itself shows it (a page that is not full is the last one).
 */
export async function listItemRows(
  db: Queryable,
  regionId: string,
  f: ItemFilter,
  limit: number,
  offset: number,
) {
  const rows = await filteredItems(db, regionId, f)
    .leftJoin('units as lead', (j) =>
      j.onRef('lead.id', '=', 'items.lead_unit_id').onRef('lead.region_id', '=', 'items.region_id'),
    )
    .leftJoin('users as leader', (j) =>
      j.onRef('leader.id', '=', 'items.leader_user_id').onRef('leader.region_id', '=', 'items.region_id'),
    )
    .select([...SUMMARY_COLUMNS, 'lead.name as lead_unit_name', 'leader.display_name as leader_name'])
    .orderBy('items.number', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  if (rows.length < limit && (rows.length > 0 || offset === 0)) return { rows, total: offset + rows.length };
  const count = await filteredItems(db, regionId, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export const findItemRow = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('items')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Everything the progress maths needs for a batch of items. */
export interface ItemFacts {
  coUnitIds: string[];
  milestones: MilestoneTable[];
  targets: { periodKey: string; target: number }[];
  plans: { month: string; fen: number }[];
  /** The latest accepted report on or before the as-of date (current versions only). */
  latestAccepted: {
    periodKey: string;
    progress: number | null;
    indicatorValue: number | null;
    completedInvestmentFen: number | null;
  } | null;
}

export async function loadFacts(
  db: Queryable,
  items: readonly Pick<ItemTable, 'id' | 'kind'>[],
): Promise<Map<string, ItemFacts>> {
  const out = new Map<string, ItemFacts>();
  if (items.length === 0) return out;
  const itemIds = items.map((i) => i.id);
  for (const id of itemIds)
    out.set(id, { coUnitIds: [], milestones: [], targets: [], plans: [], latestAccepted: null });
  // Only indicators have targets and only projects have monthly plans: no query for kinds that cannot.
  const indicatorIds = items.filter((i) => i.kind === 'indicator').map((i) => i.id);
  const projectIds = items.filter((i) => i.kind === 'project').map((i) => i.id);
  const [co, ms, ts, ps, rs] = await Promise.all([
    db.selectFrom('item_co_units').select(['item_id', 'unit_id']).where('item_id', 'in', itemIds).execute(),
    db.selectFrom('milestones').selectAll().where('item_id', 'in', itemIds).orderBy('seq').execute(),
    indicatorIds.length === 0
      ? []
      : db
          .selectFrom('indicator_targets')
          .select(['item_id', 'period_key', 'target'])
          .where('item_id', 'in', indicatorIds)
          .orderBy('period_key')
          .execute(),
    projectIds.length === 0
      ? []
      : db
          .selectFrom('investment_plans')
          .select(['item_id', 'month', 'plan_fen'])
          .where('item_id', 'in', projectIds)
          .orderBy('month')
          .execute(),
    // Each item's latest accepted report only: reading every accepted report of every item grew with time.
    db
      .selectFrom('reports')
      .select(['item_id', 'period_key', 'progress', 'indicator_value', 'completed_investment_fen'])
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('items as i')
          .select((sub) =>
            sub
              .selectFrom('reports as latest')
              .select('latest.id')
              .whereRef('latest.item_id', '=', 'i.id')
              .where('latest.status', '=', 'accepted')
              .where('latest.current', '=', 1)
              .orderBy('latest.period_key', 'desc')
              .limit(1)
              .as('id'),
          )
          .where('i.id', 'in', itemIds),
      )
      .execute(),
  ]);
  for (const r of co) out.get(r.item_id)!.coUnitIds.push(r.unit_id);
  for (const m of ms) out.get(m.item_id)!.milestones.push(m);
  for (const t of ts) out.get(t.item_id)!.targets.push({ periodKey: t.period_key, target: Number(t.target) });
  for (const p of ps) out.get(p.item_id)!.plans.push({ month: p.month, fen: Number(p.plan_fen) });
  for (const r of rs) {
    out.get(r.item_id)!.latestAccepted = {
      periodKey: r.period_key,
      progress: r.progress === null ? null : Number(r.progress),
      indicatorValue: r.indicator_value === null ? null : Number(r.indicator_value),
      completedInvestmentFen: r.completed_investment_fen === null ? null : Number(r.completed_investment_fen),
    };
  }
  return out;
}

export async function unitNames(
  db: Queryable,
  regionId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('region_id', '=', regionId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function userNames(
  db: Queryable,
  regionId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('region_id', '=', regionId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/**
 * The next item number of a year, unique under concurrent creation. One upsert both creates the year's counter
 * and bumps it under its row lock: an UPDATE-then-INSERT would let two first creations of a year both insert,
 * and the loser fail on the primary key.
 */
export async function nextItemNumber(db: Queryable, regionId: string, year: number): Promise<string> {
  const row = await db
    .insertInto('item_counters')
    .values({ region_id: regionId, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['region_id', 'year']).doUpdateSet((eb) => ({ last: eb('item_counters.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return `DB-${year}-${String(row.last).padStart(4, '0')}`;
}

export async function replaceChildren(
  db: Queryable,
  regionId: string,
  itemId: string,
  c: {
    coUnitIds?: string[] | undefined;
    milestones?:
      | {
          id: string;
          title: string;
          plannedDate: string;
          weight: number;
          doneDate: string | null;
          doneReportId: string | null;
        }[]
      | undefined;
    targets?: { periodKey: string; target: number }[] | undefined;
    plans?: { month: string; fen: number }[] | undefined;
  },
) {
  if (c.coUnitIds) {
    await db.deleteFrom('item_co_units').where('item_id', '=', itemId).execute();
    if (c.coUnitIds.length)
      await db
        .insertInto('item_co_units')
        .values(c.coUnitIds.map((unit_id) => ({ region_id: regionId, item_id: itemId, unit_id })))
        .execute();
  }
  if (c.milestones) {
    const keep = c.milestones.map((m) => m.id);
    let del = db.deleteFrom('milestones').where('item_id', '=', itemId);
    if (keep.length) del = del.where('id', 'not in', keep);
    await del.execute();
    for (const [i, m] of c.milestones.entries()) {
      const row = { title: m.title, planned_date: m.plannedDate, weight: m.weight, seq: i + 1 };
      const updated = await db
        .updateTable('milestones')
        .set(row)
        .where('id', '=', m.id)
        .where('item_id', '=', itemId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) {
        await db
          .insertInto('milestones')
          .values({
            ...row,
            id: m.id,
            region_id: regionId,
            item_id: itemId,
            done_date: m.doneDate,
            done_report_id: m.doneReportId,
          })
          .execute();
      }
    }
  }
  if (c.targets) {
    await db.deleteFrom('indicator_targets').where('item_id', '=', itemId).execute();
    if (c.targets.length)
      await db
        .insertInto('indicator_targets')
        .values(
          c.targets.map((t) => ({
            region_id: regionId,
            item_id: itemId,
            period_key: t.periodKey,
            target: t.target,
          })),
        )
        .execute();
  }
  if (c.plans) {
    await db.deleteFrom('investment_plans').where('item_id', '=', itemId).execute();
    if (c.plans.length)
      await db
        .insertInto('investment_plans')
        .values(
          c.plans.map((p) => ({ region_id: regionId, item_id: itemId, month: p.month, plan_fen: p.fen })),
        )
        .execute();
  }
}
