import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { DOCX, errors, listOf, sendDownload, XLSX } from '../../http.ts';
import { pickLocale } from '../../i18n/messages.ts';
import { bulletinSettings } from '../bulletins/service.ts';
import { packDocument, packWorkbook } from './export.ts';
import {
  commitmentCreate,
  commitmentParams,
  commitmentPatch,
  meetingCreate,
  meetingListQuery,
  meetingPatch,
  meetingSummary,
  meetingView,
  monthParams,
  packView,
} from './schema.ts';
import * as service from './service.ts';

export const meetingRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['meetings'];
    app.get('/api/meetings', {
      config: { policy: 'meeting.read' },
      schema: {
        tags,
        summary: 'Monthly meetings (月度例会), newest first, with their commitments counted',
        querystring: meetingListQuery,
        response: { 200: listOf(meetingSummary), ...errors(400, 401, 403) },
      },
      handler: (req) => service.listMeetings(db, req.ctx, req.query.year),
    });
    app.post('/api/meetings', {
      config: { policy: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Record the meeting of a month (one per month: again is a 409)',
        body: meetingCreate,
        response: { 201: meetingView, ...errors(400, 401, 403, 409) },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await service.createMeeting(db, req.ctx, req.body)),
    });
    app.get('/api/meetings/:month', {
      config: { policy: 'meeting.read' },
      schema: {
        tags,
        summary: 'The meeting of a month with its commitments',
        params: monthParams,
        response: { 200: meetingView, ...errors(400, 401, 403, 404) },
      },
      handler: (req) => service.getMeeting(db, req.ctx, req.params.month),
    });
    app.patch('/api/meetings/:month', {
      config: { policy: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Change the meeting’s title, date or notes (with the rowVersion read; 409 if changed since)',
        params: monthParams,
        body: meetingPatch,
        response: { 200: meetingView, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.updateMeeting(db, req.ctx, req.params.month, req.body),
    });
    app.post('/api/meetings/:month/commitments', {
      config: { policy: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Record a commitment made at the meeting (会议议定事项): owner and deadline',
        params: monthParams,
        body: commitmentCreate,
        response: { 201: meetingView, ...errors(400, 401, 403, 404) },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await service.addCommitment(db, req.ctx, req.params.month, req.body)),
    });
    app.patch('/api/meetings/:month/commitments/:id', {
      config: { policy: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Update a commitment: its status (open, done, dropped) and details',
        params: commitmentParams,
        body: commitmentPatch,
        response: { 200: meetingView, ...errors(400, 401, 403, 404) },
      },
      handler: (req) => service.updateCommitment(db, req.ctx, req.params.month, req.params.id, req.body),
    });
    app.get('/api/meetings/:month/pack', {
      config: { policy: 'meeting.read' },
      schema: {
        tags,
        summary:
          'The meeting pack of a month: summary, lights and cards issued and cleared, items by status, ranking, open cases, reviews, commitments',
        params: monthParams,
        response: { 200: packView, ...errors(400, 401, 403) },
      },
      handler: (req) =>
        service.meetingPack(db, req.ctx, req.params.month, pickLocale(req.headers['accept-language'])),
    });
    app.get('/api/meetings/:month/pack.docx', {
      config: { policy: 'meeting.read' },
      schema: {
        tags,
        summary: 'The meeting pack as a Word document',
        params: monthParams,
        response: { 200: z.any().describe('A .docx document'), ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const pack = await service.meetingPack(db, req.ctx, req.params.month, locale);
        const { issuer } = await bulletinSettings(db, req.ctx.actor!.regionId);
        const buffer = await packDocument(pack, issuer, locale);
        const name =
          locale === 'zh-CN' ? `月度例会材料-${pack.month}.docx` : `meeting-pack-${pack.month}.docx`;
        return sendDownload(reply, DOCX, name, buffer);
      },
    });
    app.get('/api/meetings/:month/pack.xlsx', {
      config: { policy: 'meeting.read' },
      schema: {
        tags,
        summary: 'The meeting pack as a workbook, one sheet per part',
        params: monthParams,
        response: { 200: z.any().describe('An .xlsx workbook'), ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const pack = await service.meetingPack(db, req.ctx, req.params.month, locale);
        const buffer = await packWorkbook(pack, locale);
        const name =
          locale === 'zh-CN' ? `月度例会材料-${pack.month}.xlsx` : `meeting-pack-${pack.month}.xlsx`;
        return sendDownload(reply, XLSX, name, buffer);
      },
    });
  };
