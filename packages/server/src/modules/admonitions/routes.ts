import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { nextFile, sendFile } from '../evidence/http-files.ts';
import { errors, idParam, listOf } from '../../http.ts';
import { sendXlsx } from '../excel/workbooks.ts';
import { pickLocale } from '../../i18n/messages.ts';
import { uploadDoc } from '../evidence/schema.ts';
import { EvidenceStore } from '../evidence/storage.ts';
import { EVIDENCE_MAX_BYTES_MAX } from '../settings/schema.ts';
import { talksWorkbook } from './export.ts';
import {
  findingCreate,
  findingFileView,
  findingListQuery,
  findingUpdate,
  findingView,
  talkCreate,
  talkExportQuery,
  talkListQuery,
  talkUpdate,
  talkView,
} from './schema.ts';
import * as service from './service.ts';

/** Discipline roles only (admonition.read / admonition.write): every other role gets 403. */
export const admonitionRoutes =
  (db: Db, opts: { dataDir: string }): FastifyPluginAsyncZod =>
  async (app) => {
    const store = new EvidenceStore(opts.dataDir);
    // Encapsulated: multipart bodies are parsed by this plugin's upload route only.
    await app.register(multipart, {
      limits: { fileSize: EVIDENCE_MAX_BYTES_MAX, files: 1, fields: 10, fieldSize: 1024, parts: 11 },
    });
    const tags = ['admonitions'];

    app.get('/api/admonitions/talks', {
      config: { policy: 'admonition.read' },
      schema: {
        tags,
        summary: 'Admonition talks (谈话提醒), latest first; discipline roles only',
        querystring: talkListQuery,
        response: { 200: listOf(talkView), ...errors(400, 401, 403) },
      },
      handler: (req) => service.listTalks(db, req.ctx, req.query),
    });
    app.get('/api/admonitions/talks/export.xlsx', {
      config: { policy: 'admonition.read' },
      schema: {
        tags,
        summary: 'The talks matching the filter as a workbook (the export itself is audited)',
        querystring: talkExportQuery,
        response: { 200: z.any().describe('An .xlsx workbook'), ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const talks = await service.talksForExport(db, req.ctx, req.query);
        const buffer = await talksWorkbook(talks, locale);
        const suffix = req.query.month ? `-${req.query.month}` : '';
        const name = locale === 'zh-CN' ? `谈话提醒${suffix}.xlsx` : `admonition-talks${suffix}.xlsx`;
        return sendXlsx(reply, name, buffer);
      },
    });
    app.post('/api/admonitions/talks', {
      config: { policy: 'admonition.write' },
      schema: {
        tags,
        summary: 'Record a talk held with a person of a unit; it deducts from the unit’s running index',
        body: talkCreate,
        response: { 201: talkView, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => reply.status(201).send(await service.createTalk(db, req.ctx, req.body)),
    });
    app.get('/api/admonitions/talks/:id', {
      config: { policy: 'admonition.read' },
      schema: {
        tags,
        summary: 'One talk',
        params: idParam,
        response: { 200: talkView, ...errors(401, 403, 404) },
      },
      handler: (req) => service.getTalk(db, req.ctx, req.params.id),
    });
    app.patch('/api/admonitions/talks/:id', {
      config: { policy: 'admonition.write' },
      schema: {
        tags,
        summary: 'Correct a talk (only the fields sent change; null clears a link)',
        params: idParam,
        body: talkUpdate,
        response: { 200: talkView, ...errors(400, 401, 403, 404) },
      },
      handler: (req) => service.updateTalk(db, req.ctx, req.params.id, req.body),
    });
    app.delete('/api/admonitions/talks/:id', {
      config: { policy: 'admonition.write' },
      schema: {
        tags,
        summary: 'Delete a talk entered by mistake (409 while a finding names it)',
        params: idParam,
        response: { 204: z.null(), ...errors(401, 403, 404, 409) },
      },
      handler: async (req, reply) => {
        await service.deleteTalk(db, req.ctx, req.params.id);
        return reply.status(204).send(null);
      },
    });

    app.get('/api/admonitions/findings', {
      config: { policy: 'admonition.read' },
      schema: {
        tags,
        summary: 'Conduct findings (慢作为、不作为、乱作为), latest first; discipline roles only',
        querystring: findingListQuery,
        response: { 200: listOf(findingView), ...errors(400, 401, 403) },
      },
      handler: (req) => service.listFindings(db, req.ctx, req.query),
    });
    app.post('/api/admonitions/findings', {
      config: { policy: 'admonition.write' },
      schema: {
        tags,
        summary: 'Record a finding and the measure taken (talk, criticism, self-examination, 诫勉, referral)',
        body: findingCreate,
        response: { 201: findingView, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await service.createFinding(db, req.ctx, req.body)),
    });
    app.get('/api/admonitions/findings/:id', {
      config: { policy: 'admonition.read' },
      schema: {
        tags,
        summary: 'One finding with its evidence files',
        params: idParam,
        response: { 200: findingView, ...errors(401, 403, 404) },
      },
      handler: (req) => service.getFinding(db, req.ctx, req.params.id),
    });
    app.patch('/api/admonitions/findings/:id', {
      config: { policy: 'admonition.write' },
      schema: {
        tags,
        summary: 'Correct a finding (only the fields sent change; null clears a link)',
        params: idParam,
        body: findingUpdate,
        response: { 200: findingView, ...errors(400, 401, 403, 404) },
      },
      handler: (req) => service.updateFinding(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/admonitions/findings/:id/files', {
      config: { policy: 'admonition.write' },
      schema: {
        tags,
        summary: 'Attach an evidence file to a finding (multipart field `file`; type judged from content)',
        ...uploadDoc,
        params: idParam,
        response: { 201: findingFileView, ...errors(400, 401, 403, 404, 413, 415) },
      },
      handler: async (req, reply) => {
        const view = await service.uploadFindingFile(db, store, req.ctx, req.params.id, (max) =>
          nextFile(req, max),
        );
        return reply.status(201).send(view);
      },
    });
    app.get('/api/admonitions/finding-files/:id/download', {
      config: { policy: 'admonition.read' },
      schema: {
        tags,
        summary: 'Download an evidence file of a finding',
        params: idParam,
        response: errors(401, 403, 404),
      },
      handler: async (req, reply) =>
        sendFile(reply, await service.downloadFindingFile(db, store, req.ctx, req.params.id)),
    });
    app.delete('/api/admonitions/finding-files/:id', {
      config: { policy: 'admonition.write' },
      schema: {
        tags,
        summary: 'Remove an evidence file from a finding',
        params: idParam,
        response: { 204: z.null(), ...errors(401, 403, 404) },
      },
      handler: async (req, reply) => {
        await service.deleteFindingFile(db, store, req.ctx, req.params.id);
        return reply.status(204).send(null);
      },
    });
  };
