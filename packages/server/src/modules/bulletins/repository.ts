// Queries of bulletins, their receipts, settings and number counter.
import type { Queryable } from '../../db/index.ts';
import type { BulletinTable } from '../../db/schema.ts';
import { UNIT_ROLES } from '../notifications/service.ts';

export const findBulletin = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('bulletins')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function listBulletins(
  db: Queryable,
  regionId: string,
  f: { statuses: readonly BulletinTable['status'][]; year?: number | undefined },
  limit: number,
  offset: number,
) {
  let q = db
    .selectFrom('bulletins')
    .where('region_id', '=', regionId)
    .where('status', 'in', [...f.statuses]);
  if (f.year !== undefined)
    q = q.where('period_to', '>=', `${f.year}-01-01`).where('period_from', '<=', `${f.year}-12-31`);
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      // Not yet numbered (drafts, approved) first, newest first; then the published by number, latest first.
      .orderBy('year', (ob) => ob.desc().nullsFirst())
      .orderBy('seq', (ob) => ob.desc().nullsFirst())
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const correctionsOf = (db: Queryable, regionId: string, id: string) =>
  db
    .selectFrom('bulletins')
    .select(['id', 'number', 'status'])
    .where('region_id', '=', regionId)
    .where('corrects_bulletin_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export async function userNames(db: Queryable, regionId: string, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('region_id', '=', regionId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function unitReceipts(
  db: Queryable,
  regionId: string,
  bulletinIds: readonly string[],
  unitId: string,
) {
  if (bulletinIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('bulletin_receipts')
    .select('bulletin_id')
    .where('region_id', '=', regionId)
    .where('unit_id', '=', unitId)
    .where('bulletin_id', 'in', [...bulletinIds])
    .execute();
  return new Set(rows.map((r) => r.bulletin_id));
}

/** Every active unit of the region with its receipt of the bulletin, if any. */
export const receiptsOf = (db: Queryable, regionId: string, bulletinId: string) =>
  db
    .selectFrom('units')
    .leftJoin('bulletin_receipts', (j) =>
      j
        .onRef('bulletin_receipts.unit_id', '=', 'units.id')
        .on('bulletin_receipts.bulletin_id', '=', bulletinId),
    )
    .leftJoin('users', 'users.id', 'bulletin_receipts.read_by')
    .select([
      'units.id as unit_id',
      'units.name as unit_name',
      'bulletin_receipts.read_at',
      'bulletin_receipts.read_by',
      'users.display_name as reader_name',
    ])
    .where('units.region_id', '=', regionId)
    .where('units.active', '=', 1)
    .orderBy('units.sort_order')
    .orderBy('units.name')
    .execute();

/** The accounts that hold a unit role (the units' managers and reporters), active, in the region. */
export async function unitAccounts(db: Queryable, regionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select('users.id')
    .distinct()
    .where('users.region_id', '=', regionId)
    .where('users.active', '=', 1)
    .where('units.active', '=', 1)
    .where('user_roles.role', 'in', [...UNIT_ROLES])
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The next number of a region's year, inside the publishing transaction: one upsert creates the year's counter or
 * bumps it under its row lock, so concurrent publications queue on the row and get consecutive numbers; a failed
 * publication rolls its bump back with it, so numbers have no gaps and none is given twice.
 */
export async function nextSeq(db: Queryable, regionId: string, year: number): Promise<number> {
  const row = await db
    .insertInto('bulletin_counters')
    .values({ region_id: regionId, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['region_id', 'year']).doUpdateSet((eb) => ({ last: eb('bulletin_counters.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

/** Warnings issued in a period (revoked ones left out: they were withdrawn), with unit and item. */
export const warningsIssued = (db: Queryable, regionId: string, from: string, to: string) =>
  db
    .selectFrom('warnings')
    .innerJoin('units', 'units.id', 'warnings.unit_id')
    .leftJoin('items', 'items.id', 'warnings.item_id')
    .select([
      'warnings.id',
      'warnings.kind',
      'warnings.issued_colour',
      'warnings.colour',
      'warnings.state',
      'warnings.condition',
      'warnings.issued_on',
      'warnings.explanation_zh',
      'warnings.reason',
      'warnings.closed_on',
      'units.name as unit_name',
      'items.number as item_number',
      'items.title as item_title',
    ])
    .where('warnings.region_id', '=', regionId)
    .where('warnings.issued_on', '>=', from)
    .where('warnings.issued_on', '<=', to)
    .where('warnings.state', '!=', 'revoked')
    .orderBy('warnings.issued_on')
    .orderBy('warnings.id')
    .execute();
