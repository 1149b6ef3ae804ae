// Queries for the one-time challenges of the public forms (table `rating_challenges`, where they began).
import type { Queryable } from '../../db/index.ts';

/** The region a public caller means: by code, else the only region, else the demo county. */
export async function publicRegion(db: Queryable, code: string | undefined) {
  let q = db.selectFrom('regions').select(['id', 'code', 'name', 'is_demo']);
  if (code !== undefined) return q.where('code', '=', code).executeTakeFirst();
  q = q.orderBy('is_demo', 'desc').orderBy('created_at').limit(2);
  const rows = await q.execute();
  if (rows.length === 1 || rows[0]?.is_demo === 1) return rows[0];
  return undefined;
}

export async function insertChallenge(
  db: Queryable,
  row: {
    id: string;
    region_id: string;
    challenge: string;
    difficulty: number;
    created_at: string;
    expires_at: string;
  },
): Promise<void> {
  await db
    .insertInto('rating_challenges')
    .values({ ...row, used_at: null })
    .execute();
}

/** Challenges that expired more than a day ago are of no use, not even to explain a refusal. */
export async function sweepChallenges(db: Queryable, regionId: string, before: string): Promise<void> {
  await db
    .deleteFrom('rating_challenges')
    .where('region_id', '=', regionId)
    .where('expires_at', '<', before)
    .execute();
}

export const findChallenge = (db: Queryable, id: string) =>
  db.selectFrom('rating_challenges').selectAll().where('id', '=', id).executeTakeFirst();

/** Marks a challenge used; false when another request used it first. */
export async function consumeChallenge(db: Queryable, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('rating_challenges')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
