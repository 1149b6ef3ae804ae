import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/index.ts';
import { errors, idParam, listOf } from '../../http.ts';
import {
  actionCreate,
  actionParams,
  actionUpdate,
  heldBody,
  reviewCreate,
  reviewDetail,
  reviewListQuery,
  reviewSummary,
  scheduleBody,
  sectionsBody,
} from './schema.ts';
import * as service from './service.ts';

export const reviewRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['reviews'];
    app.get('/api/reviews', {
      config: { policy: 'review.read' },
      schema: {
        tags,
        summary:
          'Post-mortem reviews (复盘), by meeting month or item; units see those of their items or with their actions',
        querystring: reviewListQuery,
        response: { 200: listOf(reviewSummary), ...errors(400, 401, 403) },
      },
      handler: (req) => service.listReviews(db, req.ctx, req.query),
    });
    app.post('/api/reviews', {
      config: { policy: 'review.manage' },
      schema: {
        tags,
        summary: 'Open a review of an item (scheduled at once when a meeting month is given)',
        body: reviewCreate,
        response: { 201: reviewDetail, ...errors(400, 401, 403, 409) },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await service.createReview(db, req.ctx, req.body)),
    });
    app.get('/api/reviews/:id', {
      config: { policy: 'review.read' },
      schema: {
        tags,
        summary: 'A review with its actions, the item’s timeline and the planned-vs-actual chart',
        params: idParam,
        response: { 200: reviewDetail, ...errors(401, 403, 404) },
      },
      handler: (req) => service.getReview(db, req.ctx, req.params.id),
    });
    app.patch('/api/reviews/:id', {
      config: { policy: 'review.edit' },
      schema: {
        tags,
        summary: 'Write the title, problems, causes and lessons (the task force or the lead unit’s manager)',
        params: idParam,
        body: sectionsBody,
        response: { 200: reviewDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.updateSections(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/reviews/:id/schedule', {
      config: { policy: 'review.manage' },
      schema: {
        tags,
        summary: 'Put the review on a month’s meeting (月度例会), or move it to another month',
        params: idParam,
        body: scheduleBody,
        response: { 200: reviewDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.schedule(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/reviews/:id/held', {
      config: { policy: 'review.manage' },
      schema: {
        tags,
        summary: 'Mark the review held at its meeting (today unless heldOn is given)',
        params: idParam,
        body: heldBody.nullish(),
        response: { 200: reviewDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.markHeld(db, req.ctx, req.params.id, req.body ?? {}),
    });
    app.post('/api/reviews/:id/close', {
      config: { policy: 'review.manage' },
      schema: {
        tags,
        summary: 'Close a held review whose actions are all done or cancelled',
        params: idParam,
        response: { 200: reviewDetail, ...errors(401, 403, 404, 409) },
      },
      handler: (req) => service.closeReview(db, req.ctx, req.params.id),
    });
    app.post('/api/reviews/:id/actions', {
      config: { policy: 'review.manage' },
      schema: {
        tags,
        summary: 'Add a follow-up action with its owner unit (and person) and deadline',
        params: idParam,
        body: actionCreate,
        response: { 200: reviewDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.addAction(db, req.ctx, req.params.id, req.body),
    });
    app.patch('/api/reviews/:id/actions/:actionId', {
      config: { policy: 'review.action_update' },
      schema: {
        tags,
        summary:
          'Update a follow-up action: the owning unit its status, done date and notes; the task force any field',
        params: actionParams,
        body: actionUpdate,
        response: { 200: reviewDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.updateAction(db, req.ctx, req.params.id, req.params.actionId, req.body),
    });
  };
