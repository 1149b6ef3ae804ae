// Versioned per-region configuration (rule sets, index models): at most one active version; activating a draft
// retires the active one. One helper for every such table, so the rule is written once.
import type { Queryable } from './index.ts';

export type VersionedTable = 'rule_sets' | 'index_models';

/** Makes `id` the region's active version; returns the version it replaced, if any. */
export async function activateVersion(
  trx: Queryable,
  table: VersionedTable,
  regionId: string,
  id: string,
  by: { actorId: string; at: string },
): Promise<number | null> {
  const previous = await trx
    .selectFrom(table)
    .select('version')
    .where('region_id', '=', regionId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  await trx
    .updateTable(table)
    .set({ status: 'retired' })
    .where('region_id', '=', regionId)
    .where('status', '=', 'active')
    .execute();
  await trx
    .updateTable(table)
    .set({ status: 'active', activated_by: by.actorId, activated_at: by.at })
    .where('id', '=', id)
    .execute();
  return previous ? Number(previous.version) : null;
}
