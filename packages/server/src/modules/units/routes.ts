import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/index.ts';
import { errors, idParam, listOf } from '../../http.ts';
import { categoryCreate, categoryView, unitCreate, unitListQuery, unitUpdate, unitView } from './schema.ts';
import * as service from './service.ts';

export const unitRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['units'];
    app.get('/api/units', {
      config: { policy: 'unit.list' },
      schema: {
        tags,
        summary: 'List units',
        querystring: unitListQuery,
        response: { 200: listOf(unitView), ...errors(400, 401, 403) },
      },
      handler: (req) => service.listUnits(db, req.ctx, req.query),
    });
    app.get('/api/units/:id', {
      config: { policy: 'unit.list' },
      schema: {
        tags,
        summary: 'Get a unit',
        params: idParam,
        response: { 200: unitView, ...errors(401, 403, 404) },
      },
      handler: (req) => service.getUnit(db, req.ctx, req.params.id),
    });
    app.post('/api/units', {
      config: { policy: 'unit.create' },
      schema: {
        tags,
        summary: 'Create a unit',
        body: unitCreate,
        response: { 201: unitView, ...errors(400, 401, 403, 409) },
      },
      handler: async (req, reply) => reply.status(201).send(await service.createUnit(db, req.ctx, req.body)),
    });
    app.patch('/api/units/:id', {
      config: { policy: 'unit.update' },
      schema: {
        tags,
        summary: 'Change a unit',
        params: idParam,
        body: unitUpdate,
        response: { 200: unitView, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.updateUnit(db, req.ctx, req.params.id, req.body),
    });
    app.get('/api/ranking-categories', {
      config: { policy: 'category.list' },
      schema: {
        tags,
        summary: 'List ranking categories (赛马分组)',
        response: { 200: z.object({ items: z.array(categoryView) }), ...errors(401, 403) },
      },
      handler: (req) => service.listCategories(db, req.ctx),
    });
    app.post('/api/ranking-categories', {
      config: { policy: 'category.create' },
      schema: {
        tags,
        summary: 'Create a ranking category',
        body: categoryCreate,
        response: { 201: categoryView, ...errors(400, 401, 403, 409) },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await service.createCategory(db, req.ctx, req.body)),
    });
  };
