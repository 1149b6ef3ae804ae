import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { errors, idParam, listOf } from '../../http.ts';
import {
  periodView,
  reportCreate,
  reportListQuery,
  reportUpdate,
  reportView,
  returnBody,
  rowVersionBody,
} from './schema.ts';
import * as service from './service.ts';

export const reportRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['reports'];
    app.get('/api/items/:id/periods', {
      config: { policy: 'report.read' },
      schema: {
        tags,
        summary: "An item's reporting periods with deadlines (working days) and their reports, newest first",
        params: idParam,
        response: { 200: z.object({ items: z.array(periodView) }), ...errors(401, 403, 404) },
      },
      handler: (req) => service.listPeriods(db, req.ctx, req.params.id),
    });
    app.get('/api/items/:id/reports', {
      config: { policy: 'report.read' },
      schema: {
        tags,
        summary: "Every version of an item's progress reports, newest period first",
        params: idParam,
        response: { 200: z.object({ items: z.array(reportView) }), ...errors(401, 403, 404) },
      },
      handler: (req) => service.listItemReports(db, req.ctx, req.params.id),
    });
    app.post('/api/items/:id/reports', {
      config: { policy: 'report.write' },
      schema: {
        tags,
        summary: 'Start the progress report (draft) of a period: the lead unit only',
        params: idParam,
        body: reportCreate,
        response: { 201: reportView, ...errors(400, 401, 403, 404, 409) },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await service.createReport(db, req.ctx, req.params.id, req.body)),
    });
    app.get('/api/reports', {
      config: { policy: 'report.read' },
      schema: {
        tags,
        summary: "Progress reports: the task force's review queue (status=submitted) or a unit's own reports",
        querystring: reportListQuery,
        response: { 200: listOf(reportView), ...errors(400, 401, 403) },
      },
      handler: (req) => service.listReports(db, req.ctx, req.query),
    });
    app.get('/api/reports/:id', {
      config: { policy: 'report.read' },
      schema: {
        tags,
        summary: 'A progress report with its evidence and the actions open to the caller',
        params: idParam,
        response: { 200: reportView, ...errors(401, 403, 404) },
      },
      handler: (req) => service.getReport(db, req.ctx, req.params.id),
    });
    app.patch('/api/reports/:id', {
      config: { policy: 'report.write' },
      schema: {
        tags,
        summary: 'Change a draft or returned report; rowVersion guards against lost updates',
        params: idParam,
        body: reportUpdate,
        response: { 200: reportView, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.updateReport(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/reports/:id/submit', {
      config: { policy: 'report.write' },
      schema: {
        tags,
        summary:
          "Submit (报送): to the task force, or to the unit manager's approval where the region wants it",
        params: idParam,
        body: rowVersionBody,
        response: { 200: reportView, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.submitReport(db, req.ctx, req.params.id, req.body.rowVersion),
    });
    app.post('/api/reports/:id/approve', {
      config: { policy: 'report.approve' },
      schema: {
        tags,
        summary: "The unit manager's approval: pending_approval → submitted",
        params: idParam,
        body: rowVersionBody,
        response: { 200: reportView, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.approveReport(db, req.ctx, req.params.id, req.body.rowVersion),
    });
    app.post('/api/reports/:id/return', {
      // The task force returns submitted reports, a unit manager those waiting for approval: the service decides.
      config: { policy: 'report.read' },
      schema: {
        tags,
        summary:
          'Return (退回) with a reason: the task force a submitted report, the unit manager a pending one',
        params: idParam,
        body: returnBody,
        response: { 200: reportView, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.returnReport(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/reports/:id/accept', {
      config: { policy: 'report.review' },
      schema: {
        tags,
        summary: 'Accept a submitted report: it is locked and becomes the version in force for its period',
        params: idParam,
        body: rowVersionBody,
        response: { 200: reportView, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.acceptReport(db, req.ctx, req.params.id, req.body.rowVersion),
    });
    app.post('/api/reports/:id/correct', {
      config: { policy: 'report.write' },
      schema: {
        tags,
        summary: 'Correct (更正) an accepted report: a new draft version, in force once accepted',
        params: idParam,
        response: { 201: reportView, ...errors(401, 403, 404, 409) },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await service.correctReport(db, req.ctx, req.params.id)),
    });
  };
