// Queries behind the to-do list: small lists and counts, bounded to one region (and one unit where given).
import type { Queryable } from '../../db/index.ts';

/** Items assigned to a unit (or to any unit) and not yet accepted, with when they were assigned. */
export function itemsAwaitingAcceptance(db: Queryable, regionId: string, unitId?: string) {
  let q = db
    .selectFrom('items')
    .select((eb) => [
      'items.id',
      'items.number',
      'items.title',
      'items.due_date',
      eb
        .selectFrom('item_transitions')
        .select((t) => t.fn.max('item_transitions.at').as('at'))
        .whereRef('item_transitions.item_id', '=', 'items.id')
        .where('item_transitions.action', '=', 'assign')
        .as('assigned_at'),
    ])
    .where('items.region_id', '=', regionId)
    .where('items.status', '=', 'assigned');
  if (unitId) q = q.where('items.lead_unit_id', '=', unitId);
  return q.orderBy('items.number').execute();
}

/**
 * Reports in a state that waits for someone (approval, review), whatever their version: a correction (更正) of an
 * accepted report is not in force until it is accepted, and it waits like any other.
 */
export async function countReports(db: Queryable, regionId: string, status: string, unitId?: string) {
  let q = db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('region_id', '=', regionId)
    .where('status', '=', status);
  if (unitId) q = q.where('unit_id', '=', unitId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export const pendingRequests = (db: Queryable, regionId: string) =>
  db
    .selectFrom('item_requests')
    .innerJoin('items', 'items.id', 'item_requests.item_id')
    .innerJoin('units', 'units.id', 'items.lead_unit_id')
    .select([
      'items.id as item_id',
      'items.number',
      'items.title',
      'units.name as unit_name',
      'item_requests.id as request_id',
      'item_requests.kind',
      'item_requests.requested_at',
    ])
    .where('item_requests.region_id', '=', regionId)
    .where('item_requests.status', '=', 'pending')
    .orderBy('item_requests.requested_at')
    .orderBy('item_requests.id')
    .execute();

export const completionRequested = (db: Queryable, regionId: string) =>
  db
    .selectFrom('items')
    .innerJoin('units', 'units.id', 'items.lead_unit_id')
    .select((eb) => [
      'items.id',
      'items.number',
      'items.title',
      'units.name as unit_name',
      eb
        .selectFrom('item_transitions')
        .select((t) => t.fn.max('item_transitions.at').as('at'))
        .whereRef('item_transitions.item_id', '=', 'items.id')
        .where('item_transitions.action', '=', 'request_completion')
        .as('requested_at'),
    ])
    .where('items.region_id', '=', regionId)
    .where('items.status', '=', 'completion_requested')
    .orderBy('items.number')
    .execute();
