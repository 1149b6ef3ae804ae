// Queries of post-mortem reviews, their actions, and the item history their timeline is built from.
import { sql, type Selectable } from 'kysely';
import type { Queryable } from '../../db/index.ts';
import type { ReviewActionTable, ReviewTable } from '../../db/schema.ts';
import { containsPattern, likeEscaped } from '../../db/sql.ts';

export type ReviewRow = Selectable<ReviewTable> & {
  item_number: string;
  item_title: string;
  item_kind: 'work' | 'project' | 'indicator';
  item_status: string;
  lead_unit_id: string;
  lead_unit_name: string;
};

function reviews(db: Queryable) {
  return db
    .selectFrom('reviews as r')
    .innerJoin('items as i', 'i.id', 'r.item_id')
    .innerJoin('units as u', 'u.id', 'i.lead_unit_id')
    .selectAll('r')
    .select([
      'i.number as item_number',
      'i.title as item_title',
      'i.kind as item_kind',
      'i.status as item_status',
      'i.lead_unit_id as lead_unit_id',
      'u.name as lead_unit_name',
    ]);
}

export interface ReviewFilter {
  regionId: string;
  meetingMonth?: string | undefined;
  itemId?: string | undefined;
  state?: string | undefined;
  /** A unit role: reviews of items it leads or co-operates on, or with an action it owns. */
  unitId?: string | undefined;
}

function filtered(db: Queryable, f: ReviewFilter) {
  let q = reviews(db).where('r.region_id', '=', f.regionId);
  if (f.meetingMonth !== undefined) q = q.where('r.meeting_month', '=', f.meetingMonth);
  if (f.itemId !== undefined) q = q.where('r.item_id', '=', f.itemId);
  if (f.state !== undefined) q = q.where('r.state', '=', f.state as ReviewTable['state']);
  const unitId = f.unitId;
  if (unitId !== undefined)
    q = q.where((eb) =>
      eb.or([
        eb('i.lead_unit_id', '=', unitId),
        eb.exists(
          eb
            .selectFrom('item_co_units as c')
            .select('c.unit_id')
            .whereRef('c.item_id', '=', 'r.item_id')
            .where('c.unit_id', '=', unitId),
        ),
        eb.exists(
          eb
            .selectFrom('review_actions as a')
            .select('a.id')
            .whereRef('a.review_id', '=', 'r.id')
            .where('a.owner_unit_id', '=', unitId),
        ),
      ]),
    );
  return q;
}

export async function listReviews(
  db: Queryable,
  f: ReviewFilter,
  limit: number,
  offset: number,
): Promise<{ rows: ReviewRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    filtered(db, f)
      .orderBy(sql`coalesce(r.meeting_month, '9999-99')`, 'desc')
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const findReview = (db: Queryable, regionId: string, id: string): Promise<ReviewRow | undefined> =>
  reviews(db).where('r.region_id', '=', regionId).where('r.id', '=', id).executeTakeFirst();

export const insertReview = (db: Queryable, row: Omit<ReviewTable, 'row_version'>) =>
  db.insertInto('reviews').values(row).execute();

/** Changes a review if it is still in one of `states`; false when it moved on meanwhile. */
export async function updateReview(
  db: Queryable,
  id: string,
  states: readonly ReviewTable['state'][],
  changes: Partial<Omit<ReviewTable, 'row_version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('reviews')
    .set((eb) => ({ ...changes, row_version: eb('row_version', '+', 1) }))
    .where('id', '=', id)
    .where('state', 'in', states)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ------------------------------------------------------------------------------------------------- actions

export type ActionRow = ReviewActionTable & { owner_unit_name: string };

export async function actionsOf(
  db: Queryable,
  reviewIds: readonly string[],
): Promise<Map<string, ActionRow[]>> {
  const out = new Map<string, ActionRow[]>();
  if (reviewIds.length === 0) return out;
  const rows = await db
    .selectFrom('review_actions as a')
    .innerJoin('units as u', 'u.id', 'a.owner_unit_id')
    .selectAll('a')
    .select('u.name as owner_unit_name')
    .where('a.review_id', 'in', reviewIds)
    .orderBy('a.seq')
    .execute();
  for (const r of rows) out.set(r.review_id, [...(out.get(r.review_id) ?? []), r]);
  return out;
}

export const findAction = (db: Queryable, reviewId: string, id: string) =>
  db
    .selectFrom('review_actions')
    .selectAll()
    .where('review_id', '=', reviewId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function nextActionSeq(db: Queryable, reviewId: string): Promise<number> {
  const r = await db
    .selectFrom('review_actions')
    .select((eb) => eb.fn.max<number | null>('seq').as('m'))
    .where('review_id', '=', reviewId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export const insertAction = (db: Queryable, row: ReviewActionTable) =>
  db.insertInto('review_actions').values(row).execute();

export const updateAction = (db: Queryable, id: string, changes: Partial<ReviewActionTable>) =>
  db.updateTable('review_actions').set(changes).where('id', '=', id).execute();

/** Touches the review row so that concurrent writers to one review queue behind each other (PostgreSQL row lock). */
export async function lockReview(db: Queryable, id: string): Promise<void> {
  await db
    .updateTable('reviews')
    .set((eb) => ({ row_version: eb.ref('row_version') }))
    .where('id', '=', id)
    .execute();
}

// --------------------------------------------------------------------------------------------- references

export const findItem = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('items')
    .select([
      'id',
      'region_id',
      'number',
      'title',
      'kind',
      'status',
      'lead_unit_id',
      'start_date',
      'due_date',
      'annual_plan_fen',
    ])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

export const coUnitsOf = async (db: Queryable, itemId: string) =>
  (await db.selectFrom('item_co_units').select('unit_id').where('item_id', '=', itemId).execute()).map(
    (r) => r.unit_id,
  );

export const unitInRegion = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

// ---------------------------------------------------------------------------------------- the item's history

export async function itemHistory(db: Queryable, regionId: string, itemId: string, leadUnitId: string) {
  const [transitions, requests, milestones, reports, plans, targets, lights, cards, cases] =
    await Promise.all([
      db
        .selectFrom('item_transitions')
        .select(['id', 'action', 'to_status', 'at', 'on_date', 'actor_name', 'reason'])
        .where('region_id', '=', regionId)
        .where('item_id', '=', itemId)
        .orderBy('at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('item_requests')
        .select(['id', 'kind', 'status', 'requested_at', 'decided_at', 'proposed_due_date'])
        .where('region_id', '=', regionId)
        .where('item_id', '=', itemId)
        .execute(),
      db
        .selectFrom('milestones')
        .select(['id', 'title', 'planned_date', 'weight', 'done_date'])
        .where('region_id', '=', regionId)
        .where('item_id', '=', itemId)
        .orderBy('seq')
        .execute(),
      db
        .selectFrom('reports')
        .select([
          'id',
          'period_key',
          'status',
          'submitted_on',
          'reviewed_at',
          'reviewed_on',
          'return_reason',
          'late',
          'working_days_late',
          'progress',
          'completed_investment_fen',
          'indicator_value',
        ])
        .where('region_id', '=', regionId)
        .where('item_id', '=', itemId)
        .where('current', '=', 1)
        .execute(),
      db
        .selectFrom('investment_plans')
        .select(['month', 'plan_fen'])
        .where('region_id', '=', regionId)
        .where('item_id', '=', itemId)
        .execute(),
      db
        .selectFrom('indicator_targets')
        .select(['period_key', 'target'])
        .where('region_id', '=', regionId)
        .where('item_id', '=', itemId)
        .execute(),
      db
        .selectFrom('warnings')
        .select(['id', 'kind', 'unit_id'])
        .where('region_id', '=', regionId)
        .where('item_id', '=', itemId)
        .execute(),
      // Cards are on the unit: those of the lead unit that counted this item's lights (their inputs cite the item).
      db
        .selectFrom('warnings')
        .select(['id', 'kind', 'unit_id'])
        .where('region_id', '=', regionId)
        .where('kind', '=', 'card')
        .where('unit_id', '=', leadUnitId)
        .where((eb) => likeEscaped(eb.ref('inputs_json'), containsPattern(itemId)))
        .execute(),
      // Verification cases (核查) about the item.
      db
        .selectFrom('cases')
        .select(['id', 'title', 'received_on', 'closed_on'])
        .where('region_id', '=', regionId)
        .where('item_id', '=', itemId)
        .execute(),
    ]);
  const warnings = [...lights, ...cards];
  const events =
    warnings.length === 0
      ? []
      : await db
          .selectFrom('warning_events')
          .select(['warning_id', 'seq', 'type', 'on_date', 'colour'])
          .where('region_id', '=', regionId)
          .where(
            'warning_id',
            'in',
            warnings.map((w) => w.id),
          )
          .orderBy('warning_id')
          .orderBy('seq')
          .execute();
  return { transitions, requests, milestones, reports, plans, targets, warnings, events, cases };
}

/** Admonition talks about the item: linked to it, to one of its warnings or to one of its cases. */
export async function talksOfItem(
  db: Queryable,
  regionId: string,
  itemId: string,
  warningIds: readonly string[],
  caseIds: readonly string[],
) {
  return db
    .selectFrom('admonition_talks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['t.id', 't.held_on', 'u.name as unit_name'])
    .where('t.region_id', '=', regionId)
    .where((eb) =>
      eb.or([
        eb('t.item_id', '=', itemId),
        ...(warningIds.length > 0 ? [eb('t.warning_id', 'in', warningIds)] : []),
        ...(caseIds.length > 0 ? [eb('t.case_id', 'in', caseIds)] : []),
      ]),
    )
    .execute();
}

export const unitNames = async (db: Queryable, ids: readonly string[]) =>
  new Map(
    ids.length === 0
      ? []
      : (await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute()).map((u) => [
          u.id,
          u.name,
        ]),
  );
