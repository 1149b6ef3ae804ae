import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/index.ts';
import { errors, idParam, listOf } from '../../http.ts';
import { pickLocale } from '../../i18n/messages.ts';
import { deliveryListQuery, deliveryView, webhookCreate, webhookUpdate, webhookView } from './schema.ts';
import * as service from './service.ts';

export const webhookRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['webhooks'];
    app.get('/api/webhooks', {
      config: { policy: 'webhook.manage' },
      schema: {
        tags,
        summary: "The region's outbound webhooks (DingTalk and WeCom group robots)",
        response: { 200: listOf(webhookView), ...errors(401, 403) },
      },
      handler: (req) => service.listWebhooks(db, req.ctx),
    });
    app.post('/api/webhooks', {
      config: { policy: 'webhook.manage' },
      schema: {
        tags,
        summary: 'Add a webhook',
        body: webhookCreate,
        response: { 201: webhookView, ...errors(400, 401, 403, 409) },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await service.createWebhook(db, req.ctx, req.body)),
    });
    app.get('/api/webhooks/:id', {
      config: { policy: 'webhook.manage' },
      schema: {
        tags,
        summary: 'Get a webhook',
        params: idParam,
        response: { 200: webhookView, ...errors(401, 403, 404) },
      },
      handler: (req) => service.getWebhook(db, req.ctx, req.params.id),
    });
    app.patch('/api/webhooks/:id', {
      config: { policy: 'webhook.manage' },
      schema: {
        tags,
        summary: 'Change a webhook (a null secret removes it; switching it off abandons what is pending)',
        params: idParam,
        body: webhookUpdate,
        response: { 200: webhookView, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.updateWebhook(db, req.ctx, req.params.id, req.body),
    });
    app.delete('/api/webhooks/:id', {
      config: { policy: 'webhook.manage' },
      schema: {
        tags,
        summary: 'Delete a webhook and its delivery log',
        params: idParam,
        response: { 204: z.null(), ...errors(401, 403, 404) },
      },
      handler: async (req, reply) => {
        await service.deleteWebhook(db, req.ctx, req.params.id);
        return reply.status(204).send(null);
      },
    });
    app.get('/api/webhooks/:id/deliveries', {
      config: { policy: 'webhook.manage' },
      schema: {
        tags,
        summary: "The webhook's delivery log, newest first",
        params: idParam,
        querystring: deliveryListQuery,
        response: { 200: listOf(deliveryView), ...errors(400, 401, 403, 404) },
      },
      handler: (req) => service.listDeliveries(db, req.ctx, req.params.id, req.query),
    });
    app.post('/api/webhooks/:id/test', {
      config: { policy: 'webhook.manage' },
      schema: {
        tags,
        summary: 'Send a test message now and answer with its delivery',
        params: idParam,
        response: { 200: deliveryView, ...errors(401, 403, 404) },
      },
      handler: (req) =>
        service.sendTest(db, req.ctx, req.params.id, pickLocale(req.headers['accept-language'])),
    });
  };
