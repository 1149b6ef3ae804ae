// Queries for the region's calendar overrides and declared years.
import type { Queryable } from '../../db/index.ts';
import type { CalendarDayTable } from '../../db/schema.ts';

export const daysOfYear = (db: Queryable, regionId: string, year: number) =>
  db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('region_id', '=', regionId)
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();

export const findDay = (db: Queryable, regionId: string, date: string) =>
  db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('region_id', '=', regionId)
    .where('date', '=', date)
    .executeTakeFirst();

export async function upsertDay(db: Queryable, row: CalendarDayTable): Promise<void> {
  await db
    .insertInto('calendar_days')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['region_id', 'date']).doUpdateSet({
        kind: row.kind,
        name: row.name,
        created_by: row.created_by,
        created_at: row.created_at,
      }),
    )
    .execute();
}

export async function deleteDay(db: Queryable, regionId: string, date: string): Promise<boolean> {
  const r = await db
    .deleteFrom('calendar_days')
    .where('region_id', '=', regionId)
    .where('date', '=', date)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export const findYear = (db: Queryable, regionId: string, year: number) =>
  db
    .selectFrom('calendar_years')
    .select(['year', 'created_by', 'created_at'])
    .where('region_id', '=', regionId)
    .where('year', '=', year)
    .executeTakeFirst();

export async function insertYear(
  db: Queryable,
  row: { region_id: string; year: number; created_by: string | null; created_at: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('calendar_years')
    .values(row)
    .onConflict((oc) => oc.columns(['region_id', 'year']).doNothing())
    .returning('year')
    .execute();
  return inserted.length > 0;
}

export async function deleteYear(db: Queryable, regionId: string, year: number): Promise<boolean> {
  const r = await db
    .deleteFrom('calendar_years')
    .where('region_id', '=', regionId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
