// The cockpit's queries: aggregates and short lists, bounded to one region; a leader id narrows the item figures.
import { OPEN_WARNING_STATES } from '@benpao/domain';
import type { Queryable } from '../../db/index.ts';
import type { CaseTable, WarningTable } from '../../db/schema.ts';
import { filteredItems } from '../items/repository.ts';

const OPEN = [...OPEN_WARNING_STATES] as WarningTable['state'][];
/** Items whose milestones still fall due: handed over and not closed. */
const LIVE_ITEM_STATES = ['assigned', 'accepted', 'in_progress', 'completion_requested'];
/** Cases whose deadline still binds: not yet answered (the case list's own rule for `overdue`). */
const UNANSWERED = ['replied', 'closed'] as CaseTable['status'][];

export const isItemLeader = async (db: Queryable, regionId: string, userId: string) =>
  (await db
    .selectFrom('items')
    .select('id')
    .where('region_id', '=', regionId)
    .where('leader_user_id', '=', userId)
    .limit(1)
    .executeTakeFirst()) !== undefined;

/** Open warnings by kind and colour; with a leader, the lights only on that leader's items (cards stay the region's). */
export async function openWarningCounts(db: Queryable, regionId: string, leaderId: string | null) {
  let q = db
    .selectFrom('warnings')
    .leftJoin('items', 'items.id', 'warnings.item_id')
    .select(['warnings.kind', 'warnings.colour', (eb) => eb.fn.countAll<number>().as('n')])
    .where('warnings.region_id', '=', regionId)
    .where('warnings.state', 'in', OPEN);
  if (leaderId)
    q = q.where((eb) => eb.or([eb('warnings.kind', '=', 'card'), eb('items.leader_user_id', '=', leaderId)]));
  return q.groupBy(['warnings.kind', 'warnings.colour']).execute();
}

/** Open lights per item (and colour), with the item's number, title and lead unit. */
export function openLightsByItem(db: Queryable, regionId: string, leaderId: string | null) {
  let q = db
    .selectFrom('warnings')
    .innerJoin('items', 'items.id', 'warnings.item_id')
    .innerJoin('units', 'units.id', 'items.lead_unit_id')
    .select([
      'items.id',
      'items.number',
      'items.title',
      'items.due_date',
      'items.status',
      'units.name as lead_unit_name',
      'warnings.colour',
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('warnings.region_id', '=', regionId)
    .where('warnings.kind', '=', 'light')
    .where('warnings.state', 'in', OPEN);
  if (leaderId) q = q.where('items.leader_user_id', '=', leaderId);
  return q
    .groupBy([
      'items.id',
      'items.number',
      'items.title',
      'items.due_date',
      'items.status',
      'units.name',
      'warnings.colour',
    ])
    .execute();
}

/** The items the item list calls overdue on `today` (its own filter), with their lead unit. */
export function overdueItems(db: Queryable, regionId: string, today: string, leaderId: string | null) {
  return filteredItems(db, regionId, {
    overdueAsOf: today,
    ...(leaderId && { leaderUserId: leaderId }),
  })
    .innerJoin('units', 'units.id', 'items.lead_unit_id')
    .select(['items.id', 'items.number', 'items.title', 'units.name as lead_unit_name'])
    .orderBy('items.due_date')
    .orderBy('items.number')
    .execute();
}

/** The newest warnings, newest issued first (the board's order); with a leader, the lights on their items. */
export function newestWarnings(db: Queryable, regionId: string, leaderId: string | null, limit: number) {
  let q = db
    .selectFrom('warnings')
    .innerJoin('units', 'units.id', 'warnings.unit_id')
    .leftJoin('items', 'items.id', 'warnings.item_id')
    .select([
      'warnings.id',
      'warnings.kind',
      'warnings.colour',
      'warnings.state',
      'warnings.issued_on',
      'warnings.explanation_zh',
      'warnings.explanation_en',
      'warnings.item_id',
      'units.name as unit_name',
      'items.number as item_number',
      'items.title as item_title',
    ])
    .where('warnings.region_id', '=', regionId);
  if (leaderId) q = q.where('items.leader_user_id', '=', leaderId);
  return q.orderBy('warnings.issued_on', 'desc').orderBy('warnings.id').limit(limit).execute();
}

/** The newest revision of the latest published month of the running index, if any. */
export const latestSnapshot = (db: Queryable, regionId: string) =>
  db
    .selectFrom('index_snapshots')
    .select(['id', 'month'])
    .where('region_id', '=', regionId)
    .orderBy('month', 'desc')
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();

export const caseCountsByStatus = (db: Queryable, regionId: string) =>
  db
    .selectFrom('cases')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('region_id', '=', regionId)
    .where('status', '!=', 'closed')
    .groupBy('status')
    .execute();

/** Milestones not done whose planned date falls in [from, to], of live items. */
export function milestonesDue(
  db: Queryable,
  regionId: string,
  from: string,
  to: string,
  leaderId: string | null,
) {
  let q = db
    .selectFrom('milestones')
    .innerJoin('items', 'items.id', 'milestones.item_id')
    .innerJoin('units', 'units.id', 'items.lead_unit_id')
    .select([
      'milestones.planned_date',
      'milestones.title',
      'items.id as item_id',
      'items.number',
      'items.title as item_title',
      'units.name as unit_name',
    ])
    .where('milestones.region_id', '=', regionId)
    .where('milestones.done_date', 'is', null)
    .where('milestones.planned_date', '>=', from)
    .where('milestones.planned_date', '<=', to)
    .where('items.status', 'in', LIVE_ITEM_STATES);
  if (leaderId) q = q.where('items.leader_user_id', '=', leaderId);
  return q.orderBy('milestones.planned_date').orderBy('items.number').execute();
}

/** Open warnings whose rectification deadline falls in [from, to]; with a leader, the lights on their items. */
export function warningsDue(
  db: Queryable,
  regionId: string,
  from: string,
  to: string,
  leaderId: string | null,
) {
  let q = db
    .selectFrom('warnings')
    .innerJoin('units', 'units.id', 'warnings.unit_id')
    .leftJoin('items', 'items.id', 'warnings.item_id')
    .select([
      'warnings.id',
      'warnings.kind',
      'warnings.colour',
      'warnings.rectify_by',
      'units.name as unit_name',
      'items.number as item_number',
      'items.title as item_title',
    ])
    .where('warnings.region_id', '=', regionId)
    .where('warnings.state', 'in', OPEN)
    .where('warnings.rectify_by', '>=', from)
    .where('warnings.rectify_by', '<=', to);
  if (leaderId) q = q.where('items.leader_user_id', '=', leaderId);
  return q.orderBy('warnings.rectify_by').orderBy('warnings.id').execute();
}

/** Unanswered cases whose deadline falls in [from, to]; with a leader, the cases about their items. */
export function casesDue(db: Queryable, regionId: string, from: string, to: string, leaderId: string | null) {
  let q = db
    .selectFrom('cases')
    .leftJoin('units', 'units.id', 'cases.unit_id')
    .leftJoin('items', 'items.id', 'cases.item_id')
    .select(['cases.id', 'cases.receipt', 'cases.title', 'cases.deadline', 'units.name as unit_name'])
    .where('cases.region_id', '=', regionId)
    .where('cases.status', 'not in', UNANSWERED)
    .where('cases.deadline', '>=', from)
    .where('cases.deadline', '<=', to);
  if (leaderId) q = q.where('items.leader_user_id', '=', leaderId);
  return q.orderBy('cases.deadline').orderBy('cases.id').execute();
}
