// Queries for units and ranking categories. Every query is bounded to one region.
import type { Queryable } from '../../db/index.ts';
import { containsPattern, likeEscaped } from '../../db/sql.ts';
import type { UnitTable } from '../../db/schema.ts';
import type { UnitView } from './schema.ts';

export interface UnitFilter {
  kind?: string | undefined;
  q?: string | undefined;
  categoryId?: string | undefined;
  active?: boolean | undefined;
}

function base(db: Queryable, regionId: string) {
  return db
    .selectFrom('units')
    .leftJoin('ranking_categories as c', 'c.id', 'units.category_id')
    .where('units.region_id', '=', regionId);
}

const columns = [
  'units.id',
  'units.name',
  'units.short_name',
  'units.kind',
  'units.category_id',
  'c.name as category_name',
  'units.parent_id',
  'units.active',
  'units.sort_order',
] as const;

type Row = Pick<
  UnitTable,
  'id' | 'name' | 'short_name' | 'kind' | 'category_id' | 'parent_id' | 'active' | 'sort_order'
> & {
  category_name: string | null;
};

export const toUnitView = (r: Row): UnitView => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  kind: r.kind as UnitView['kind'],
  categoryId: r.category_id,
  categoryName: r.category_name,
  parentId: r.parent_id,
  active: Boolean(r.active),
  sortOrder: r.sort_order,
});

function filtered(db: Queryable, regionId: string, f: UnitFilter) {
  let q = base(db, regionId);
  if (f.kind) q = q.where('units.kind', '=', f.kind);
  if (f.categoryId) q = q.where('units.category_id', '=', f.categoryId);
  if (f.active !== undefined) q = q.where('units.active', '=', f.active ? 1 : 0);
  if (f.q) {
    const like = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([likeEscaped(eb.ref('units.name'), like), likeEscaped(eb.ref('units.short_name'), like)]),
    );
  }
  return q;
}

export async function listUnits(
  db: Queryable,
  regionId: string,
  f: UnitFilter,
  limit: number,
  offset: number,
) {
  const [rows, count] = await Promise.all([
    filtered(db, regionId, f)
      .select(columns)
      .orderBy('units.sort_order')
      .orderBy('units.name')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, regionId, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toUnitView), total: Number(count.n) };
}

export async function findUnit(db: Queryable, regionId: string, id: string): Promise<UnitView | undefined> {
  const row = await base(db, regionId).select(columns).where('units.id', '=', id).executeTakeFirst();
  return row ? toUnitView(row) : undefined;
}

export const findUnitByName = (db: Queryable, regionId: string, name: string) =>
  db
    .selectFrom('units')
    .select('id')
    .where('region_id', '=', regionId)
    .where('name', '=', name)
    .executeTakeFirst();

export const insertUnit = (db: Queryable, row: UnitTable) => db.insertInto('units').values(row).execute();

export const updateUnit = (db: Queryable, regionId: string, id: string, patch: Partial<UnitTable>) =>
  db.updateTable('units').set(patch).where('region_id', '=', regionId).where('id', '=', id).execute();

export async function parentChain(db: Queryable, regionId: string, id: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = id;
  while (current && chain.length < 50) {
    chain.push(current);
    const row: { parent_id: string | null } | undefined = await db
      .selectFrom('units')
      .select('parent_id')
      .where('region_id', '=', regionId)
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
  }
  return chain;
}

export async function listCategories(db: Queryable, regionId: string) {
  const rows = await db
    .selectFrom('ranking_categories as c')
    .leftJoin('units as u', (j) => j.onRef('u.category_id', '=', 'c.id').on('u.active', '=', 1))
    .select(['c.id', 'c.name', 'c.sort_order', (eb) => eb.fn.count<number>('u.id').as('unit_count')])
    .where('c.region_id', '=', regionId)
    .groupBy(['c.id', 'c.name', 'c.sort_order'])
    .orderBy('c.sort_order')
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sortOrder: r.sort_order,
    unitCount: Number(r.unit_count),
  }));
}

export const findCategory = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('ranking_categories')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findCategoryByName = (db: Queryable, regionId: string, name: string) =>
  db
    .selectFrom('ranking_categories')
    .select('id')
    .where('region_id', '=', regionId)
    .where('name', '=', name)
    .executeTakeFirst();
