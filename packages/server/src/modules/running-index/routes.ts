import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/index.ts';
import { errors, idParam } from '../../http.ts';
import { pickLocale } from '../../i18n/messages.ts';
import type { MonthResult } from '@benpao/domain';
import { sendXlsx, xlsxBody } from '../excel/workbooks.ts';
import { monthWorkbook } from './export.ts';
import {
  bonusBody,
  bonusList,
  bonusQuery,
  bonusView,
  modelBody,
  modelDraft,
  modelState,
  modelView,
  monthParams,
  monthView,
  periodParams,
  periodView,
  publishView,
  revisionList,
  trendQuery,
  trendView,
  unitParams,
  validationResult,
} from './schema.ts';
import * as service from './service.ts';

export const runningIndexRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['running index'];
    app.get('/api/index/models', {
      config: { policy: 'index.read' },
      schema: {
        tags,
        summary:
          'The active running-index model (the default version 1 from the first read on) and the drafts',
        response: { 200: modelState, ...errors(401, 403) },
      },
      handler: (req) => service.getActiveModel(db, req.ctx),
    });
    app.post('/api/index/models/validate', {
      config: { policy: 'index.manage' },
      schema: {
        tags,
        summary: 'Validate a model: every problem with its field, localised',
        body: modelBody,
        response: { 200: validationResult, ...errors(400, 401, 403) },
      },
      handler: (req) => service.validateModel(req.ctx, req.body, pickLocale(req.headers['accept-language'])),
    });
    app.post('/api/index/models', {
      config: { policy: 'index.manage' },
      schema: {
        tags,
        summary: 'Save a draft model (validated; 400 naming the first problem’s field)',
        body: modelDraft,
        response: { 201: modelView, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) =>
        reply
          .status(201)
          .send(await service.saveDraft(db, req.ctx, req.body, pickLocale(req.headers['accept-language']))),
    });
    app.post('/api/index/models/:id/activate', {
      config: { policy: 'index.manage' },
      schema: {
        tags,
        summary: 'Activate a draft model (audited); published months keep the model they were computed under',
        params: idParam,
        response: { 200: modelView, ...errors(401, 403, 404, 409) },
      },
      handler: (req) => service.activateModel(db, req.ctx, req.params.id),
    });
    app.get('/api/index/months/:month', {
      config: { policy: 'index.read' },
      schema: {
        tags,
        summary:
          'A month: its latest published revision, else a live preview computed now (published: false)',
        params: monthParams,
        response: { 200: monthView, ...errors(400, 401, 403) },
      },
      handler: (req) => service.getMonth(db, req.ctx, req.params.month),
    });
    app.post('/api/index/months/:month/publish', {
      config: { policy: 'index.publish' },
      schema: {
        tags,
        summary:
          'Publish (freeze) a month that is over; again: the next revision, with its differences (409 on a race)',
        params: monthParams,
        response: { 201: publishView, ...errors(400, 401, 403, 409) },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await service.publishMonth(db, req.ctx, req.params.month)),
    });
    app.get('/api/index/months/:month/revisions', {
      config: { policy: 'index.read' },
      schema: {
        tags,
        summary:
          'The published revisions of a month, newest first, each with its differences from the one before',
        params: monthParams,
        response: { 200: revisionList, ...errors(400, 401, 403) },
      },
      handler: (req) => service.listRevisions(db, req.ctx, req.params.month),
    });
    app.get('/api/index/months/:month/export.xlsx', {
      config: { policy: 'index.read' },
      schema: {
        tags,
        summary: 'The month as a workbook: rankings per category and every unit’s breakdown',
        params: monthParams,
        response: { 200: xlsxBody, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const m = await service.getMonth(db, req.ctx, req.params.month);
        const buffer = await monthWorkbook(
          m.result as unknown as MonthResult,
          { published: m.published, revision: m.revision },
          locale,
        );
        const name = locale === 'zh-CN' ? `奔跑指数-${m.month}.xlsx` : `benpao-index-${m.month}.xlsx`;
        return sendXlsx(reply, name, buffer);
      },
    });
    app.get('/api/index/periods/:period', {
      config: { policy: 'index.read' },
      schema: {
        tags,
        summary:
          'A quarter (2022-Q1) or year (2022) rolled up from its published months: mean totals, ranks, boards',
        params: periodParams,
        response: { 200: periodView, ...errors(400, 401, 403) },
      },
      handler: (req) => service.getPeriod(db, req.ctx, req.params.period),
    });
    app.get('/api/index/units/:unitId/trend', {
      config: { policy: 'index.read' },
      schema: {
        tags,
        summary: 'A unit’s monthly totals and ranks over a year (published, else preview)',
        params: unitParams,
        querystring: trendQuery,
        response: { 200: trendView, ...errors(400, 401, 403, 404) },
      },
      handler: (req) => service.unitTrend(db, req.ctx, req.params.unitId, req.query.year),
    });
    app.post('/api/index/bonuses', {
      config: { policy: 'index.bonus' },
      schema: {
        tags,
        summary:
          'Enter a commendation (加分) for a unit and month, with reason (points within the model’s range)',
        body: bonusBody,
        response: { 201: bonusView, ...errors(400, 401, 403, 404) },
      },
      handler: async (req, reply) =>
        reply
          .status(201)
          .send(await service.addBonus(db, req.ctx, req.body, pickLocale(req.headers['accept-language']))),
    });
    app.get('/api/index/bonuses', {
      config: { policy: 'index.read' },
      schema: {
        tags,
        summary: 'Commendations, of a month or all, newest first (revoked ones marked)',
        querystring: bonusQuery,
        response: { 200: bonusList, ...errors(400, 401, 403) },
      },
      handler: (req) => service.listBonuses(db, req.ctx, req.query.month),
    });
    app.delete('/api/index/bonuses/:id', {
      config: { policy: 'index.bonus' },
      schema: {
        tags,
        summary: 'Revoke a commendation (audited; a published month keeps it until republished)',
        params: idParam,
        response: { 200: bonusView, ...errors(401, 403, 404, 409) },
      },
      handler: (req) => service.revokeBonus(db, req.ctx, req.params.id),
    });
  };
