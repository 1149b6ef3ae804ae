// Queries of progress reports. Bounded to one region; lists batch what hangs off a page of reports.
import type { Queryable } from '../../db/index.ts';
import type { ReportTable } from '../../db/schema.ts';

/** Report states that count as delivered to the task force. */
export const DELIVERED: readonly string[] = ['submitted', 'accepted'];

export const findReport = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('reports')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Every version of every period of an item: newest period first, then newest version. */
export const reportsOfItem = (db: Queryable, itemId: string) =>
  db
    .selectFrom('reports')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('period_key', 'desc')
    .orderBy('version', 'desc')
    .execute();

export const versionsOfPeriod = (db: Queryable, itemId: string, periodKey: string) =>
  db
    .selectFrom('reports')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('period_key', '=', periodKey)
    .orderBy('version')
    .execute();

/** The current version of each period of an item. */
export const currentReportsOfItem = (db: Queryable, itemId: string) =>
  db
    .selectFrom('reports')
    .select(['id', 'period_key', 'status', 'version', 'late'])
    .where('item_id', '=', itemId)
    .where('current', '=', 1)
    .execute();

export const insertReport = (db: Queryable, row: ReportTable) =>
  db.insertInto('reports').values(row).execute();

/** `${itemId}|${periodKey}` of the periods among these that have an open (not yet accepted) correction. */
export async function openCorrections(
  db: Queryable,
  reports: Pick<ReportTable, 'item_id' | 'period_key' | 'status' | 'current'>[],
): Promise<Set<string>> {
  const itemIds = [
    ...new Set(reports.filter((r) => r.status === 'accepted' && r.current === 1).map((r) => r.item_id)),
  ];
  if (itemIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('reports')
    .select(['item_id', 'period_key'])
    .where('item_id', 'in', itemIds)
    .where('current', '=', 0)
    .where('status', '!=', 'accepted')
    .execute();
  return new Set(rows.map((r) => `${r.item_id}|${r.period_key}`));
}

export interface MilestoneReached {
  milestoneId: string;
  title: string;
  doneDate: string;
}

export async function milestonesOfReports(
  db: Queryable,
  reportIds: string[],
): Promise<Map<string, MilestoneReached[]>> {
  const out = new Map<string, MilestoneReached[]>();
  if (reportIds.length === 0) return out;
  const rows = await db
    .selectFrom('report_milestones')
    .innerJoin('milestones', 'milestones.id', 'report_milestones.milestone_id')
    .select([
      'report_milestones.report_id',
      'report_milestones.milestone_id',
      'report_milestones.done_date',
      'milestones.title',
    ])
    .where('report_milestones.report_id', 'in', [...new Set(reportIds)])
    .orderBy('milestones.seq')
    .execute();
  for (const r of rows) {
    const list = out.get(r.report_id) ?? [];
    list.push({ milestoneId: r.milestone_id, title: r.title, doneDate: r.done_date });
    out.set(r.report_id, list);
  }
  return out;
}

export async function replaceMilestones(
  db: Queryable,
  regionId: string,
  reportId: string,
  reached: readonly { milestoneId: string; doneDate: string }[],
): Promise<void> {
  await db.deleteFrom('report_milestones').where('report_id', '=', reportId).execute();
  if (reached.length === 0) return;
  await db
    .insertInto('report_milestones')
    .values(
      reached.map((m) => ({
        region_id: regionId,
        report_id: reportId,
        milestone_id: m.milestoneId,
        done_date: m.doneDate,
      })),
    )
    .execute();
}

/**
 * Marks the milestones an accepted report reached as done by it, and takes back those that an earlier version of
 * the same period had marked but this one no longer does.
 */
export async function applyMilestones(
  db: Queryable,
  itemId: string,
  report: Pick<ReportTable, 'id'>,
  otherVersionIds: string[],
  reached: readonly { milestoneId: string; doneDate: string }[],
): Promise<void> {
  if (otherVersionIds.length) {
    await db
      .updateTable('milestones')
      .set({ done_date: null, done_report_id: null })
      .where('item_id', '=', itemId)
      .where('done_report_id', 'in', otherVersionIds)
      .execute();
  }
  for (const m of reached) {
    await db
      .updateTable('milestones')
      .set({ done_date: m.doneDate, done_report_id: report.id })
      .where('item_id', '=', itemId)
      .where('id', '=', m.milestoneId)
      .execute();
  }
}

/** Which period's report marked each done milestone of an item (to refuse reporting it again elsewhere). */
export async function milestonesDoneBy(db: Queryable, itemId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('milestones')
    .innerJoin('reports', 'reports.id', 'milestones.done_report_id')
    .select(['milestones.id', 'reports.period_key'])
    .where('milestones.item_id', '=', itemId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.period_key]));
}

export interface ReportFilter {
  status?: string | undefined;
  unitId?: string | undefined;
  itemId?: string | undefined;
  periodKey?: string | undefined;
}

function filtered(db: Queryable, regionId: string, f: ReportFilter) {
  let q = db.selectFrom('reports').where('reports.region_id', '=', regionId);
  if (f.status) q = q.where('reports.status', '=', f.status);
  if (f.unitId) q = q.where('reports.unit_id', '=', f.unitId);
  if (f.itemId) q = q.where('reports.item_id', '=', f.itemId);
  if (f.periodKey) q = q.where('reports.period_key', '=', f.periodKey);
  return q;
}

/** A page of reports: newest period first, then by item number and newest version. */
export async function listReportRows(
  db: Queryable,
  regionId: string,
  f: ReportFilter,
  limit: number,
  offset: number,
) {
  const [rows, count] = await Promise.all([
    filtered(db, regionId, f)
      .innerJoin('items', 'items.id', 'reports.item_id')
      .selectAll('reports')
      .orderBy('reports.period_key', 'desc')
      .orderBy('items.number')
      .orderBy('reports.version', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, regionId, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** What a report view shows of its item. */
export async function itemsOf(db: Queryable, itemIds: string[]) {
  if (itemIds.length === 0) return new Map<string, ItemBrief>();
  const rows = await db
    .selectFrom('items')
    .select(['id', 'region_id', 'number', 'title', 'kind', 'status', 'lead_unit_id'])
    .where('id', 'in', [...new Set(itemIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
export interface ItemBrief {
  id: string;
  region_id: string;
  number: string;
  title: string;
  kind: 'work' | 'project' | 'indicator';
  status: string;
  lead_unit_id: string;
}

export async function namesOf(
  db: Queryable,
  table: 'units' | 'users',
  ids: (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  if (table === 'units') {
    const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', wanted).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** `accepted` → `in_progress` on an item's first submission, when nobody moved it meanwhile. */
export async function startItem(db: Queryable, itemId: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('items')
    .set((eb) => ({ status: 'in_progress', updated_at: at, row_version: eb('row_version', '+', 1) }))
    .where('id', '=', itemId)
    .where('status', '=', 'accepted')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
