// The dashboard's item figures: counts by kind and status, overdue items, late reports — aggregates in SQL only,
// so that the first screen stays cheap.
import { ITEM_STATES } from '@benpao/domain';
import { z } from 'zod';
import type { Queryable } from '../../db/index.ts';
import { ITEM_KINDS } from '../items/schema.ts';

export const itemFiguresView = z.object({
  total: z.number().int(),
  byKind: z.array(z.object({ kind: z.enum(ITEM_KINDS), count: z.number().int() })),
  byStatus: z.array(z.object({ status: z.enum(ITEM_STATES), count: z.number().int() })),
  /** Past their due date and neither completed nor cancelled, as of the region's today. */
  overdue: z.number().int(),
  /** Reports (versions in force) submitted after their period's deadline. */
  reportsLate: z.number().int(),
});
export type ItemFigures = z.infer<typeof itemFiguresView>;

export async function itemFigures(db: Queryable, regionId: string, today: string): Promise<ItemFigures> {
  const [groups, overdue, late] = await Promise.all([
    db
      .selectFrom('items')
      .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('region_id', '=', regionId)
      .groupBy(['kind', 'status'])
      .execute(),
    db
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_id', '=', regionId)
      .where('due_date', '<', today)
      .where('status', 'not in', ['completed', 'cancelled'])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_id', '=', regionId)
      .where('current', '=', 1)
      .where('late', '=', 1)
      .executeTakeFirstOrThrow(),
  ]);
  const byKind = new Map<string, number>();
  const byStatus = new Map<string, number>();
  for (const g of groups) {
    byKind.set(g.kind, (byKind.get(g.kind) ?? 0) + Number(g.n));
    byStatus.set(g.status, (byStatus.get(g.status) ?? 0) + Number(g.n));
  }
  return {
    total: [...byKind.values()].reduce((s, n) => s + n, 0),
    byKind: ITEM_KINDS.map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })),
    byStatus: ITEM_STATES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    overdue: Number(overdue.n),
    reportsLate: Number(late.n),
  };
}
