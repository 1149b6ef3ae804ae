// The running-index model as data, versioned per region like rule sets: at most one active version; a region that
// has never had one gets PRODUCT.md's default model as version 1, created on first use.
import { defaultIndexModel, type IndexModel } from '@benpao/domain';
import type { Queryable } from '../../db/index.ts';
import type { IndexModelTable } from '../../db/schema.ts';
import { newId } from '../../ids.ts';

export const modelOf = (row: Pick<IndexModelTable, 'version' | 'model_json'>): IndexModel => ({
  ...(JSON.parse(row.model_json) as IndexModel),
  version: Number(row.version),
});

/** The region's active model, creating the default version 1 on first use (inside the caller's transaction). */
export async function activeIndexModel(db: Queryable, regionId: string, nowIso: string): Promise<IndexModel> {
  const row = await db
    .selectFrom('index_models')
    .select(['version', 'model_json'])
    .where('region_id', '=', regionId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (row) return modelOf(row);
  const defaults = defaultIndexModel();
  const any = await db
    .selectFrom('index_models')
    .select('id')
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  if (any) return defaults; // every version retired by hand: compute by the defaults, record nothing
  await db
    .insertInto('index_models')
    .values({
      id: newId(),
      region_id: regionId,
      version: defaults.version ?? 1,
      status: 'active',
      model_json: JSON.stringify(defaults),
      note: null,
      created_by: null,
      created_at: nowIso,
      activated_by: null,
      activated_at: nowIso,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return defaults;
}
