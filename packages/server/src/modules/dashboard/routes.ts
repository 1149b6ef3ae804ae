// The first screen's figures, computed from the data of the caller's region.
import { assertAuthorized, authorize, UNIT_KINDS } from '@benpao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { errors } from '../../http.ts';
import { regionToday } from '../calendar/service.ts';
import { listCategories } from '../units/repository.ts';
import { actorOf } from '../units/service.ts';
import { itemFigures, itemFiguresView } from './items.ts';

const dashboardView = z.object({
  region: z.object({ id: z.string(), name: z.string() }),
  units: z.object({
    total: z.number().int(),
    byKind: z.array(z.object({ kind: z.enum(UNIT_KINDS), count: z.number().int() })),
  }),
  users: z.object({ total: z.number().int(), active: z.number().int() }),
  categories: z.array(z.object({ id: z.string(), name: z.string(), unitCount: z.number().int() })),
  /** Whole-process tracking; only for the roles that see items (not the three administrators). */
  items: itemFiguresView.optional(),
});

export const dashboardRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/dashboard', {
      config: { policy: 'dashboard.read' },
      schema: {
        tags: ['dashboard'],
        summary: 'Figures for the first screen',
        response: { 200: dashboardView, ...errors(401, 403) },
      },
      handler: async (req) => {
        const actor = actorOf(req.ctx);
        assertAuthorized(actor, 'dashboard.read', { regionId: actor.regionId });
        const regionId = actor.regionId;
        const [region, kinds, users, categories] = await Promise.all([
          db
            .selectFrom('regions')
            .select(['id', 'name'])
            .where('id', '=', regionId)
            .executeTakeFirstOrThrow(),
          db
            .selectFrom('units')
            .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
            .where('region_id', '=', regionId)
            .where('active', '=', 1)
            .groupBy('kind')
            .execute(),
          db
            .selectFrom('users')
            .select([
              (eb) => eb.fn.countAll<number>().as('total'),
              (eb) => eb.fn.sum<number>('active').as('active'),
            ])
            .where('region_id', '=', regionId)
            .executeTakeFirstOrThrow(),
          listCategories(db, regionId),
        ]);
        const items = authorize(actor, 'item.list', { regionId })
          ? await itemFigures(db, regionId, await regionToday(db, regionId, req.ctx.now))
          : undefined;
        const counts = new Map(kinds.map((k) => [k.kind, Number(k.n)]));
        const byKind = UNIT_KINDS.map((kind) => ({ kind, count: counts.get(kind) ?? 0 }));
        return {
          region,
          units: { total: byKind.reduce((s, k) => s + k.count, 0), byKind },
          users: { total: Number(users.total), active: Number(users.active ?? 0) },
          categories: categories.map(({ id, name, unitCount }) => ({ id, name, unitCount })),
          ...(items && { items }),
        };
      },
    });
  };
