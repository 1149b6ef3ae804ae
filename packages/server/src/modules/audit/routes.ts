import { assertAuthorized } from '@benpao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { errors, listOf, offsetOf, pageQuery } from '../../http.ts';
import { actorOf } from '../units/service.ts';
import { listAudit, verifyRegionChain } from './service.ts';

const entryView = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  hash: z.string(),
});

const isoInstant = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), { params: { code: 'invalid_format' } });

export const auditQuery = z.strictObject({
  entity: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  ...pageQuery,
});

export const auditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['audit'];
    app.get('/api/audit', {
      config: { policy: 'audit.read' },
      schema: {
        tags,
        summary: 'Read the audit log (audit admin)',
        querystring: auditQuery,
        response: { 200: listOf(entryView), ...errors(400, 401, 403) },
      },
      handler: (req) => listAudit(db, req.ctx, req.query, req.query.pageSize, offsetOf(req.query)),
    });
    app.get('/api/audit/verify', {
      config: { policy: 'audit.verify' },
      schema: {
        tags,
        summary: "Verify the region's audit hash chain",
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            firstBroken: z.object({ id: z.number().int(), reason: z.string() }).nullable(),
          }),
          ...errors(401, 403),
        },
      },
      handler: async (req) => {
        const actor = actorOf(req.ctx);
        assertAuthorized(actor, 'audit.verify', { regionId: actor.regionId });
        const r = await verifyRegionChain(db, actor.regionId);
        return {
          ok: r.ok,
          checked: r.checked,
          firstBroken: r.firstBroken && { id: r.firstBroken.seq, reason: r.firstBroken.reason },
        };
      },
    });
  };
