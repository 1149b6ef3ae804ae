// Queries for the region's settings row.
import type { Insertable, Selectable } from 'kysely';
import type { Queryable } from '../../db/index.ts';
import type { RegionSettingsTable } from '../../db/schema.ts';

export type SettingsRow = Selectable<RegionSettingsTable>;

export const findSettings = (db: Queryable, regionId: string) =>
  db.selectFrom('region_settings').selectAll().where('region_id', '=', regionId).executeTakeFirst();

/** Creates the row on first write, replaces it afterwards. */
export async function saveSettings(
  db: Queryable,
  row: Required<Insertable<RegionSettingsTable>>,
): Promise<void> {
  const { region_id: _r, ...changes } = row;
  await db
    .insertInto('region_settings')
    .values(row)
    .onConflict((oc) => oc.column('region_id').doUpdateSet(changes))
    .execute();
}

export const isDemoRegion = async (db: Queryable, regionId: string) =>
  (await db.selectFrom('regions').select('is_demo').where('id', '=', regionId).executeTakeFirst())
    ?.is_demo === 1;
