import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/index.ts';
import { errors, idParam, listOf } from '../../http.ts';
import {
  itemCreate,
  itemDetail,
  itemListQuery,
  itemSummary,
  itemUpdate,
  requestCreate,
  requestDecision,
  requestParams,
  transitionBody,
} from './schema.ts';
import * as service from './service.ts';

export const itemRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['items'];
    app.get('/api/items', {
      config: { policy: 'item.list' },
      schema: {
        tags,
        summary: 'List supervision items (unit users see their own and co-operated items)',
        querystring: itemListQuery,
        response: { 200: listOf(itemSummary), ...errors(400, 401, 403) },
      },
      handler: (req) => service.listItems(db, req.ctx, req.query),
    });
    app.get('/api/items/:id', {
      config: { policy: 'item.read' },
      schema: {
        tags,
        summary: 'An item with milestones, progress, history and allowed actions',
        params: idParam,
        response: { 200: itemDetail, ...errors(401, 403, 404) },
      },
      handler: (req) => service.getItem(db, req.ctx, req.params.id),
    });
    app.post('/api/items', {
      config: { policy: 'item.create' },
      schema: {
        tags,
        summary: 'Register an item (draft)',
        body: itemCreate,
        response: { 201: itemDetail, ...errors(400, 401, 403, 409) },
      },
      handler: async (req, reply) => reply.status(201).send(await service.createItem(db, req.ctx, req.body)),
    });
    app.patch('/api/items/:id', {
      config: { policy: 'item.update' },
      schema: {
        tags,
        summary: 'Change an item (task force); rowVersion guards against lost updates',
        params: idParam,
        body: itemUpdate,
        response: { 200: itemDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.updateItem(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/items/:id/transitions', {
      config: { policy: 'item.transition' },
      schema: {
        tags,
        summary:
          'Move an item through its lifecycle: assign 交办, accept 签收, start, request_completion 申请办结, complete 办结, send_back, cancel',
        params: idParam,
        body: transitionBody,
        response: { 200: itemDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.transitionItem(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/items/:id/requests', {
      config: { policy: 'item.request' },
      schema: {
        tags,
        summary: 'Ask for an extension (延期) or an adjustment',
        params: idParam,
        body: requestCreate,
        response: { 200: itemDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.createRequest(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/items/:id/requests/:requestId/decision', {
      config: { policy: 'item.decide_request' },
      schema: {
        tags,
        summary: 'Approve or refuse an extension or adjustment request',
        params: requestParams,
        body: requestDecision,
        response: { 200: itemDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.decideRequest(db, req.ctx, req.params.id, req.params.requestId, req.body),
    });
  };
