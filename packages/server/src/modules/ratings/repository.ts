// Queries for service ratings and their follow-ups (the form's challenges: modules/public-challenge).
import type { Insertable, Selectable } from 'kysely';
import type { Queryable } from '../../db/index.ts';
import type { RatingFollowUpTable, ServiceRatingTable } from '../../db/schema.ts';

export type RatingRow = Selectable<ServiceRatingTable> & { unit_name: string };
export type FollowUpRow = Selectable<RatingFollowUpTable>;

/** Units enterprises may rate: active and in a ranking category (the units the index ranks). */
export function rateableUnits(db: Queryable, regionId: string) {
  return db
    .selectFrom('units')
    .innerJoin('ranking_categories', 'ranking_categories.id', 'units.category_id')
    .select([
      'units.id',
      'units.name',
      'units.short_name',
      'units.kind',
      'units.category_id',
      'ranking_categories.name as category_name',
    ])
    .where('units.region_id', '=', regionId)
    .where('units.active', '=', 1)
    .orderBy('ranking_categories.sort_order')
    .orderBy('units.sort_order')
    .orderBy('units.name')
    .execute();
}

export function findRateableUnit(db: Queryable, regionId: string, unitId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('region_id', '=', regionId)
    .where('id', '=', unitId)
    .where('active', '=', 1)
    .where('category_id', 'is not', null)
    .executeTakeFirst();
}

export const findCurrentRating = (
  db: Queryable,
  key: { regionId: string; unitId: string; creditCode: string; month: string },
) =>
  db
    .selectFrom('service_ratings')
    .selectAll()
    .where('region_id', '=', key.regionId)
    .where('unit_id', '=', key.unitId)
    .where('credit_code', '=', key.creditCode)
    .where('month', '=', key.month)
    .where('superseded_by', 'is', null)
    .executeTakeFirst();

export async function insertRating(db: Queryable, row: Insertable<ServiceRatingTable>): Promise<void> {
  await db.insertInto('service_ratings').values(row).execute();
}

export async function supersede(db: Queryable, id: string, by: string, at: string): Promise<void> {
  await db
    .updateTable('service_ratings')
    .set({ superseded_by: by, superseded_at: at })
    .where('id', '=', id)
    .execute();
}

export const findFollowUp = (db: Queryable, ratingId: string) =>
  db.selectFrom('rating_follow_ups').selectAll().where('rating_id', '=', ratingId).executeTakeFirst();

export async function insertFollowUp(db: Queryable, row: Insertable<RatingFollowUpTable>): Promise<void> {
  await db.insertInto('rating_follow_ups').values(row).execute();
}

export async function updateFollowUp(
  db: Queryable,
  id: string,
  expected: RatingFollowUpTable['status'][],
  changes: Partial<Omit<RatingFollowUpTable, 'id' | 'region_id' | 'rating_id' | 'unit_id'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('rating_follow_ups')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface RatingFilter {
  regionId: string;
  unitId?: string | undefined;
  month?: string | undefined;
  low?: boolean | undefined;
  history?: boolean | undefined;
  /** Only ratings with a follow-up, optionally in this state. */
  followUp?: { status?: RatingFollowUpTable['status'] | undefined } | undefined;
}

function filtered(db: Queryable, f: RatingFilter) {
  let q = db
    .selectFrom('service_ratings')
    .innerJoin('units', 'units.id', 'service_ratings.unit_id')
    .where('service_ratings.region_id', '=', f.regionId);
  if (f.unitId !== undefined) q = q.where('service_ratings.unit_id', '=', f.unitId);
  if (f.month !== undefined) q = q.where('service_ratings.month', '=', f.month);
  if (f.low !== undefined) q = q.where('service_ratings.low', '=', f.low ? 1 : 0);
  if (!f.history) q = q.where('service_ratings.superseded_by', 'is', null);
  if (f.followUp) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('rating_follow_ups')
          .select('rating_follow_ups.id')
          .whereRef('rating_follow_ups.rating_id', '=', 'service_ratings.id')
          .$if(f.followUp?.status !== undefined, (s) =>
            s.where('rating_follow_ups.status', '=', f.followUp!.status!),
          ),
      ),
    );
  }
  return q;
}

export async function listRatings(
  db: Queryable,
  f: RatingFilter,
  limit: number,
  offset: number,
): Promise<{ rows: RatingRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    filtered(db, f)
      .selectAll('service_ratings')
      .select('units.name as unit_name')
      .orderBy('service_ratings.created_at', 'desc')
      .orderBy('service_ratings.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const findRating = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('service_ratings')
    .innerJoin('units', 'units.id', 'service_ratings.unit_id')
    .selectAll('service_ratings')
    .select('units.name as unit_name')
    .where('service_ratings.region_id', '=', regionId)
    .where('service_ratings.id', '=', id)
    .executeTakeFirst();

export async function followUpsOf(
  db: Queryable,
  ratingIds: readonly string[],
): Promise<Map<string, FollowUpRow>> {
  if (ratingIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('rating_follow_ups')
    .selectAll()
    .where('rating_id', 'in', [...ratingIds])
    .execute();
  return new Map(rows.map((r) => [r.rating_id, r]));
}

export const currentRatingsOfMonth = (db: Queryable, regionId: string, month: string) =>
  db
    .selectFrom('service_ratings')
    .select(['id', 'unit_id', 'rated_on', 'service', 'efficiency', 'attitude', 'compliance', 'low'])
    .where('region_id', '=', regionId)
    .where('month', '=', month)
    .where('superseded_by', 'is', null)
    .orderBy('unit_id')
    .orderBy('rated_on')
    .orderBy('id')
    .execute();
