import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/index.ts';
import { errors, idParam } from '../../http.ts';
import {
  closeBody,
  followUpListQuery,
  formQuery,
  ratingBody,
  ratingForm,
  ratingList,
  ratingListQuery,
  ratingReceipt,
  ratingView,
  responseBody,
} from './schema.ts';
import * as service from './service.ts';

/**
 * Per client IP (the proxy's X-Forwarded-For when BENPAO_TRUST_PROXY is set), counted by each process: an
 * enterprise rating a few units stays far below, a script does not. The form issues a challenge per call.
 */
export const RATING_FORM_LIMIT = { max: 60, timeWindow: '10 minutes' } as const;
export const RATING_SUBMIT_LIMIT = { max: 20, timeWindow: '1 hour' } as const;

export const ratingRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['ratings'];
    // Encapsulated in this plugin: only the public rating routes below are limited.
    await app.register(rateLimit, { global: false });

    app.get('/api/public/ratings/form', {
      config: { policy: 'public', rateLimit: RATING_FORM_LIMIT },
      schema: {
        tags,
        summary:
          'The public rating form (no login): units, services, the month, and a one-time proof-of-work challenge',
        security: [],
        querystring: formQuery,
        response: { 200: ratingForm, ...errors(400, 429) },
      },
      handler: (req) => service.publicForm(db, req.ctx, req.query),
    });
    app.post('/api/public/ratings', {
      config: { policy: 'public', rateLimit: RATING_SUBMIT_LIMIT },
      schema: {
        tags,
        summary:
          "An enterprise rates a unit's service (no login); replaces its earlier rating of the unit this month",
        security: [],
        body: ratingBody,
        response: { 201: ratingReceipt, ...errors(400, 409, 429) },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await service.submitRating(db, req.ctx, req.body)),
    });

    app.get('/api/ratings', {
      config: { policy: 'rating.list' },
      schema: {
        tags,
        summary: "Ratings: the task force sees every unit's, a unit its own (credit codes masked)",
        querystring: ratingListQuery,
        response: { 200: ratingList, ...errors(400, 401, 403) },
      },
      handler: (req) => service.listRatings(db, req.ctx, req.query),
    });
    app.get('/api/ratings/follow-ups', {
      config: { policy: 'rating.list' },
      schema: {
        tags,
        summary: 'Ratings with a follow-up (待回应): opened by a rating of 2 or lower in any dimension',
        querystring: followUpListQuery,
        response: { 200: ratingList, ...errors(400, 401, 403) },
      },
      handler: (req) => service.listFollowUps(db, req.ctx, req.query),
    });
    app.post('/api/ratings/:id/response', {
      config: { policy: 'rating.respond' },
      schema: {
        tags,
        summary: "The rated unit's manager answers a low rating",
        params: idParam,
        body: responseBody,
        response: { 200: ratingView, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.respond(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/ratings/:id/close', {
      config: { policy: 'rating.close' },
      schema: {
        tags,
        summary: "The task force closes a rating's follow-up, answered or not",
        params: idParam,
        body: closeBody.nullish(),
        response: { 200: ratingView, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.closeFollowUp(db, req.ctx, req.params.id, req.body ?? {}),
    });
  };
