import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { nextFile, sendFile } from './http-files.ts';
import { errors, idParam } from '../../http.ts';
import { EVIDENCE_MAX_BYTES_MAX } from '../settings/schema.ts';
import { evidenceView, uploadDoc } from './schema.ts';
import * as service from './service.ts';
import { downloadWarningFile, uploadWarningFile } from '../warnings/files.ts';
import { warningFileView } from '../warnings/schema.ts';
import { EvidenceStore } from './storage.ts';

export const evidenceRoutes =
  (db: Db, opts: { dataDir: string }): FastifyPluginAsyncZod =>
  async (app) => {
    const store = new EvidenceStore(opts.dataDir);
    await store.sweepTemp();
    // Registered here, so that multipart bodies are parsed by these routes only.
    await app.register(multipart, {
      limits: { fileSize: EVIDENCE_MAX_BYTES_MAX, files: 1, fields: 10, fieldSize: 1024, parts: 11 },
    });
    const tags = ['evidence'];

    app.post('/api/items/:id/evidence', {
      config: { policy: 'evidence.upload' },
      schema: {
        tags,
        summary: 'Upload an evidence file (佐证材料) to an item',
        ...uploadDoc,
        params: idParam,
        response: { 201: evidenceView, ...errors(400, 401, 403, 404, 409, 413, 415) },
      },
      handler: async (req, reply) => {
        const view = await service.uploadEvidence(db, store, req.ctx, req.params.id, (max) =>
          nextFile(req, max),
        );
        return reply.status(201).send(view);
      },
    });
    app.get('/api/items/:id/evidence', {
      config: { policy: 'evidence.read' },
      schema: {
        tags,
        summary: "An item's evidence files, attached to a report or not yet",
        params: idParam,
        response: { 200: z.object({ items: z.array(evidenceView) }), ...errors(401, 403, 404) },
      },
      handler: (req) => service.listItemEvidence(db, req.ctx, req.params.id),
    });
    app.get('/api/evidence/:id/download', {
      config: { policy: 'evidence.read' },
      schema: {
        tags,
        summary: 'Download an evidence file (attachment, with the type judged from its content)',
        params: idParam,
        response: errors(401, 403, 404),
      },
      handler: async (req, reply) =>
        sendFile(reply, await service.downloadEvidence(db, store, req.ctx, req.params.id)),
    });
    app.delete('/api/evidence/:id', {
      config: { policy: 'evidence.upload' },
      schema: {
        tags,
        summary: 'Delete an evidence file: its uploader, while it is not part of a submitted report',
        params: idParam,
        response: { 204: z.null(), ...errors(401, 403, 404, 409) },
      },
      handler: async (req, reply) => {
        await service.deleteEvidence(db, store, req.ctx, req.params.id);
        return reply.status(204).send(null);
      },
    });

    // Files of a warning's rectification or appeal share the store and the upload rules (warnings module).
    app.post('/api/warnings/:id/files', {
      config: { policy: 'warning.rectify' },
      schema: {
        tags: ['warnings'],
        summary: "Upload a file for a warning's rectification or appeal (the warned unit), then cite its id",
        ...uploadDoc,
        params: idParam,
        response: { 201: warningFileView, ...errors(400, 401, 403, 404, 409, 413, 415) },
      },
      handler: async (req, reply) => {
        const view = await uploadWarningFile(db, store, req.ctx, req.params.id, (max) => nextFile(req, max));
        return reply.status(201).send(view);
      },
    });
    app.get('/api/warning-files/:id/download', {
      config: { policy: 'warning.read' },
      schema: {
        tags: ['warnings'],
        summary: "Download a file of a warning's rectification or appeal",
        params: idParam,
        response: errors(401, 403, 404),
      },
      handler: async (req, reply) =>
        sendFile(reply, await downloadWarningFile(db, store, req.ctx, req.params.id)),
    });
  };
