import type { Kysely } from 'kysely';
import { shanghaiDateOf } from '@benpao/domain';

// The business date of an item's transition and a report's review, written with the record. A demo region lives
// on a configured day while its records are stamped with the real clock; the engine needs the day the region was
// living in when the thing happened, which the instant alone no longer tells once the demo's day moves on.
// Existing rows take the Asia/Shanghai date of their instant.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('item_transitions').addColumn('on_date', 'varchar(10)').execute();
  await db.schema.alterTable('reports').addColumn('reviewed_on', 'varchar(10)').execute();
  const k = db as unknown as Kysely<{
    item_transitions: { id: string; at: string; on_date: string | null };
    reports: { id: string; reviewed_at: string | null; reviewed_on: string | null };
  }>;
  // Grouped by date: one UPDATE per distinct day rather than per row.
  const transitions = await k.selectFrom('item_transitions').select(['id', 'at']).execute();
  for (const [day, ids] of groupByDay(transitions.map((t) => [t.id, t.at] as const)))
    for (const chunk of chunks(ids))
      await k.updateTable('item_transitions').set({ on_date: day }).where('id', 'in', chunk).execute();
  const reviewed = await k
    .selectFrom('reports')
    .select(['id', 'reviewed_at'])
    .where('reviewed_at', 'is not', null)
    .execute();
  for (const [day, ids] of groupByDay(reviewed.map((r) => [r.id, r.reviewed_at!] as const)))
    for (const chunk of chunks(ids))
      await k.updateTable('reports').set({ reviewed_on: day }).where('id', 'in', chunk).execute();
}

function groupByDay(rows: readonly (readonly [string, string])[]) {
  const byDay = new Map<string, string[]>();
  for (const [id, at] of rows) {
    const day = shanghaiDateOf(at);
    const ids = byDay.get(day);
    if (ids) ids.push(id);
    else byDay.set(day, [id]);
  }
  return byDay;
}

function chunks<T>(list: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
