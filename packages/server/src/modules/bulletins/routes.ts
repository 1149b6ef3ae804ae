import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { DOCX, errors, idParam, listOf, sendDownload } from '../../http.ts';
import {
  bulletinListQuery,
  bulletinPatch,
  bulletinSummary,
  bulletinView,
  draftBody,
  readView,
  receiptsView,
  settingsBody,
  settingsView,
} from './schema.ts';
import * as service from './service.ts';

export const bulletinRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['bulletins'];
    app.get('/api/bulletins', {
      config: { policy: 'bulletin.read' },
      schema: {
        tags,
        summary: 'Supervision bulletins (督查通报): county roles see drafts too, units the published ones',
        querystring: bulletinListQuery,
        response: { 200: listOf(bulletinSummary), ...errors(400, 401, 403) },
      },
      handler: (req) => service.listBulletins(db, req.ctx, req.query),
    });
    app.post('/api/bulletins/drafts', {
      config: { policy: 'bulletin.draft' },
      schema: {
        tags,
        summary:
          'Generate a draft from a period: the lights and cards issued with their reasons, typical problems, the index boards',
        body: draftBody,
        response: { 201: bulletinView, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => reply.status(201).send(await service.createDraft(db, req.ctx, req.body)),
    });
    app.get('/api/bulletins/settings', {
      config: { policy: 'bulletin.read' },
      schema: {
        tags,
        summary: 'The region’s number format (松执专〔{year}〕{seq}号) and issuing body',
        response: { 200: settingsView, ...errors(401, 403) },
      },
      handler: (req) => service.getSettings(db, req.ctx),
    });
    app.put('/api/bulletins/settings', {
      config: { policy: 'bulletin.publish' },
      schema: {
        tags,
        summary: 'Change the number format and issuing body (numbers already given stay as they are)',
        body: settingsBody,
        response: { 200: settingsView, ...errors(400, 401, 403) },
      },
      handler: (req) => service.updateSettings(db, req.ctx, req.body),
    });
    app.get('/api/bulletins/:id', {
      config: { policy: 'bulletin.read' },
      schema: {
        tags,
        summary: 'A bulletin with its rich text, corrections and what the caller may do',
        params: idParam,
        response: { 200: bulletinView, ...errors(401, 403, 404) },
      },
      handler: (req) => service.getBulletin(db, req.ctx, req.params.id),
    });
    app.patch('/api/bulletins/:id', {
      config: { policy: 'bulletin.draft' },
      schema: {
        tags,
        summary: 'Edit a draft’s title and rich text (sanitised); 409 once approved or published',
        params: idParam,
        body: bulletinPatch,
        response: { 200: bulletinView, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.updateBulletin(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/bulletins/:id/approve', {
      config: { policy: 'bulletin.approve' },
      schema: {
        tags,
        summary: 'Approve a draft (a leader or a supervisor other than its drafter)',
        params: idParam,
        response: { 200: bulletinView, ...errors(401, 403, 404, 409) },
      },
      handler: (req) => service.approveBulletin(db, req.ctx, req.params.id),
    });
    app.post('/api/bulletins/:id/publish', {
      config: { policy: 'bulletin.publish' },
      schema: {
        tags,
        summary: 'Publish an approved bulletin: its number, and a notification to every unit; again: 409',
        params: idParam,
        response: { 200: bulletinView, ...errors(401, 403, 404, 409) },
      },
      handler: (req) => service.publishBulletin(db, req.ctx, req.params.id),
    });
    app.post('/api/bulletins/:id/corrections', {
      config: { policy: 'bulletin.draft' },
      schema: {
        tags,
        summary: 'Start a correction (更正) of a published bulletin: a new draft referring to it',
        params: idParam,
        response: { 201: bulletinView, ...errors(401, 403, 404, 409) },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await service.correctBulletin(db, req.ctx, req.params.id)),
    });
    app.get('/api/bulletins/:id/receipts', {
      config: { policy: 'bulletin.receipts' },
      schema: {
        tags,
        summary: 'Read receipts (回执): every unit, when it read the bulletin and who, or not yet',
        params: idParam,
        response: { 200: receiptsView, ...errors(401, 403, 404) },
      },
      handler: (req) => service.receipts(db, req.ctx, req.params.id),
    });
    app.post('/api/bulletins/:id/read', {
      config: { policy: 'bulletin.acknowledge' },
      schema: {
        tags,
        summary: 'Mark a published bulletin read for the caller’s unit (its first reader is the receipt)',
        params: idParam,
        response: { 200: readView, ...errors(401, 403, 404) },
      },
      handler: (req) => service.markRead(db, req.ctx, req.params.id),
    });
    app.get('/api/bulletins/:id/document.docx', {
      config: { policy: 'bulletin.read' },
      schema: {
        tags,
        summary: 'The bulletin as a Word document in the official layout',
        params: idParam,
        response: { 200: z.any().describe('A .docx document'), ...errors(401, 403, 404) },
      },
      handler: async (req, reply) => {
        const { buffer, filename } = await service.bulletinDocument(db, req.ctx, req.params.id);
        return sendDownload(reply, DOCX, filename, buffer);
      },
    });
  };
