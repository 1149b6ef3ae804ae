import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { nextFile, sendFile } from '../evidence/http-files.ts';
import { errors, idParam } from '../../http.ts';
import { sendXlsx } from '../excel/workbooks.ts';
import { pickLocale } from '../../i18n/messages.ts';
import { recordAudit } from '../audit/service.ts';
import { countBySha } from '../evidence/repository.ts';
import { receiveUpload } from '../evidence/service.ts';
import { contentDisposition, downloadName, EvidenceStore } from '../evidence/storage.ts';
import { newId } from '../../ids.ts';
import { EVIDENCE_MAX_BYTES_MAX } from '../settings/schema.ts';
import { regionSettings } from '../settings/service.ts';
import { caseWorkbook } from './export.ts';
import {
  caseCreateBody,
  caseDetail,
  caseExportQuery,
  caseFileView,
  caseList,
  caseListQuery,
  caseSettingsBody,
  caseSettingsView,
  caseWarningBody,
  closeBody,
  complaintBody,
  complaintForm,
  complaintReceipt,
  deadlineBody,
  feedbackBody,
  findingBody,
  formQuery,
  measureParams,
  photoQuery,
  photoView,
  planBody,
  planDecisionBody,
  teamCandidates,
  planParams,
  progressBody,
  publicStatus,
  receiptParam,
  recheckBody,
  replyBody,
  teamBody,
} from './schema.ts';
import * as service from './service.ts';

/** Per client IP, like the rating form: a person filing a complaint stays far below, a script does not. */
export const COMPLAINT_FORM_LIMIT = { max: 60, timeWindow: '10 minutes' } as const;
export const COMPLAINT_PHOTO_LIMIT = { max: 30, timeWindow: '1 hour' } as const;
export const COMPLAINT_SUBMIT_LIMIT = { max: 10, timeWindow: '1 hour' } as const;
export const COMPLAINT_STATUS_LIMIT = { max: 60, timeWindow: '10 minutes' } as const;
/** A complaint photo is a phone picture: a smaller cap than office documents, whatever the region allows. */
export const COMPLAINT_PHOTO_MAX_BYTES = 10 * 1024 * 1024;

const uploadDoc = {
  consumes: ['multipart/form-data'],
  description:
    'multipart/form-data with one part named `file` (an image: JPEG, PNG, GIF or WebP, judged by content)',
};

export const caseRoutes =
  (db: Db, opts: { dataDir: string }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cases'];
    const store = new EvidenceStore(opts.dataDir);
    // Both encapsulated in this plugin: only these routes parse multipart bodies, only the public ones are limited.
    await app.register(multipart, {
      limits: { fileSize: EVIDENCE_MAX_BYTES_MAX, files: 1, fields: 10, fieldSize: 1024, parts: 11 },
    });
    await app.register(rateLimit, { global: false });

    // ------------------------------------------------------------------------------------------- public

    app.get('/api/public/complaints/form', {
      config: { policy: 'public', rateLimit: COMPLAINT_FORM_LIMIT },
      schema: {
        tags,
        summary:
          'The public complaint form (no login): units, public items and a one-time proof-of-work challenge',
        security: [],
        querystring: formQuery,
        response: { 200: complaintForm, ...errors(400, 429) },
      },
      handler: (req) => service.publicForm(db, req.ctx, req.query),
    });
    app.post('/api/public/complaints/photos', {
      config: { policy: 'public', rateLimit: COMPLAINT_PHOTO_LIMIT },
      schema: {
        tags,
        summary:
          "Upload one photo for a complaint (no login), with the form's solved challenge; cite its id when submitting",
        security: [],
        ...uploadDoc,
        querystring: photoQuery,
        response: { 201: photoView, ...errors(400, 409, 413, 415, 429) },
      },
      handler: async (req, reply) => {
        const challenge = await service.photoSlot(db, req.ctx, req.query);
        const maxBytes = Math.min(
          (await regionSettings(db, challenge.regionId)).evidenceMaxBytes,
          COMPLAINT_PHOTO_MAX_BYTES,
        );
        const id = newId();
        let view = { id, originalName: '', mime: '', size: 0 };
        await receiveUpload(db, store, await nextFile(req, maxBytes), maxBytes, async (trx, file) => {
          if (!file.mime.startsWith('image/')) throw service.refusedNotImage();
          const slot = await service.photoSlot(trx, req.ctx, req.query);
          await trx
            .insertInto('case_files')
            .values({
              id,
              region_id: slot.regionId,
              purpose: 'complaint_photo',
              case_id: null,
              challenge_id: slot.id,
              progress_id: null,
              sha256: file.sha256,
              size: file.size,
              mime: file.mime,
              original_name: file.name,
              uploaded_by: null,
              uploaded_at: req.ctx.now.toISOString(),
            })
            .execute();
          await recordAudit(trx, req.ctx, {
            regionId: slot.regionId,
            action: 'complaint.photo_upload',
            entity: 'case_file',
            entityId: id,
            after: {
              challengeId: slot.id,
              name: file.name,
              size: file.size,
              mime: file.mime,
              sha256: file.sha256,
            },
          });
          view = { id, originalName: file.name, mime: file.mime, size: file.size };
        });
        // Photos of complaints never submitted go after a day (their content too, unless something cites it).
        for (const sha of await service.sweepStagedPhotos(db, req.ctx.now))
          await store.withLock(sha, async () => {
            if ((await countBySha(db, sha)) === 0) await store.remove(sha);
          });
        return reply.status(201).send(view);
      },
    });
    app.post('/api/public/complaints', {
      config: { policy: 'public', rateLimit: COMPLAINT_SUBMIT_LIMIT },
      schema: {
        tags,
        summary: 'File a complaint (no login): returns the receipt number to follow its public status',
        security: [],
        body: complaintBody,
        response: { 201: complaintReceipt, ...errors(400, 409, 429) },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await service.submitComplaint(db, req.ctx, req.body)),
    });
    app.get('/api/public/complaints/:receipt', {
      config: { policy: 'public', rateLimit: COMPLAINT_STATUS_LIMIT },
      schema: {
        tags,
        summary: "A complaint's public status by its receipt number: no personal data, no internal notes",
        security: [],
        params: receiptParam,
        response: { 200: publicStatus, ...errors(400, 404, 429) },
      },
      handler: (req) => service.publicStatus(db, req.params.receipt),
    });

    // -------------------------------------------------------------------------------------------- staff

    app.get('/api/cases', {
      config: { policy: 'case.read' },
      schema: {
        tags,
        summary:
          "Verification cases (核查): county roles every case, unit roles their unit's after the feedback",
        querystring: caseListQuery,
        response: { 200: caseList, ...errors(400, 401, 403) },
      },
      handler: (req) => service.listCases(db, req.ctx, req.query),
    });
    app.get('/api/cases/export.xlsx', {
      config: { policy: 'case.read' },
      schema: {
        tags,
        summary: 'The case list with its filters as a workbook (contacts masked unless discipline)',
        querystring: caseExportQuery,
        response: { 200: z.any().describe('An .xlsx workbook'), ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const { items, today } = await service.exportCases(db, req.ctx, req.query);
        const name = locale === 'zh-CN' ? `核查件-${today}.xlsx` : `cases-${today}.xlsx`;
        return sendXlsx(reply, name, await caseWorkbook(items, locale));
      },
    });
    app.post('/api/cases', {
      config: { policy: 'case.create' },
      schema: {
        tags,
        summary: "Enter a case: a 12345 hotline ticket, a leader's instruction or a spot check",
        body: caseCreateBody,
        response: { 201: caseDetail, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => reply.status(201).send(await service.createCase(db, req.ctx, req.body)),
    });
    app.get('/api/cases/team-candidates', {
      config: { policy: 'case.manage' },
      schema: {
        tags,
        summary:
          'Who may be put on a verification team: the region’s discipline inspectors and task-force members',
        response: { 200: teamCandidates, ...errors(401, 403) },
      },
      handler: (req) => service.teamCandidates(db, req.ctx),
    });
    app.get('/api/cases/settings', {
      config: { policy: 'case.settings.read' },
      schema: {
        tags,
        summary: "The region's handling deadlines by kind, in working days (13 and 3 until configured)",
        response: { 200: caseSettingsView, ...errors(401, 403) },
      },
      handler: (req) => service.getCaseSettings(db, req.ctx),
    });
    app.put('/api/cases/settings', {
      config: { policy: 'settings.manage' },
      schema: {
        tags,
        summary: "Set the region's handling deadlines (cases already received keep theirs)",
        body: caseSettingsBody,
        response: { 200: caseSettingsView, ...errors(400, 401, 403) },
      },
      handler: (req) => service.updateCaseSettings(db, req.ctx, req.body),
    });
    app.get('/api/cases/:id', {
      config: { policy: 'case.read' },
      schema: {
        tags,
        summary: 'A case with its team, findings, plans, measures and progress, warnings and history',
        params: idParam,
        response: { 200: caseDetail, ...errors(401, 403, 404) },
      },
      handler: (req) => service.getCase(db, req.ctx, req.params.id),
    });
    app.put('/api/cases/:id/team', {
      config: { policy: 'case.manage' },
      schema: {
        tags,
        summary:
          'Form (or change) the verification team (核查组) and set the unit concerned; starts verification',
        params: idParam,
        body: teamBody,
        response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.assignTeam(db, req.ctx, req.params.id, req.body),
    });
    app.put('/api/cases/:id/deadline', {
      config: { policy: 'case.manage' },
      schema: {
        tags,
        summary: "Extend the case's deadline (延期), with the reason, before it is answered",
        params: idParam,
        body: deadlineBody,
        response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.extendDeadline(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/cases/:id/findings', {
      config: { policy: 'case.manage' },
      schema: {
        tags,
        summary: 'Record a finding (a categorised problem) while verifying',
        params: idParam,
        body: findingBody,
        response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.addFinding(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/cases/:id/feedback', {
      config: { policy: 'case.manage' },
      schema: {
        tags,
        summary: 'Feed the findings back to the unit (反馈), which then owes a rectification plan',
        params: idParam,
        body: feedbackBody,
        response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.issueFeedback(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/cases/:id/plans', {
      config: { policy: 'case.plan' },
      schema: {
        tags,
        summary: "The unit's manager submits a rectification plan (整改方案): measures, owners, deadlines",
        params: idParam,
        body: planBody,
        response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.submitPlan(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/cases/:id/plans/:planId/decision', {
      config: { policy: 'case.manage' },
      schema: {
        tags,
        summary: 'Approve the submitted plan, or send it back with a reason',
        params: planParams,
        body: planDecisionBody,
        response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.decidePlan(db, req.ctx, req.params.id, req.params.planId, req.body),
    });
    app.post('/api/cases/:id/files', {
      config: { policy: 'case.progress' },
      schema: {
        tags,
        summary: "Upload an evidence file for a measure's progress (the unit), then cite its id",
        ...uploadDoc,
        description: 'multipart/form-data with one part named `file` (office documents, PDF or images)',
        params: idParam,
        response: { 201: caseFileView, ...errors(400, 401, 403, 404, 409, 413, 415) },
      },
      handler: async (req, reply) => {
        const { actor } = await service.uploadableCase(db, req.ctx, req.params.id);
        const maxBytes = (await regionSettings(db, actor.regionId)).evidenceMaxBytes;
        const id = newId();
        const uploadedAt = req.ctx.now.toISOString();
        let view = { id, originalName: '', mime: '', size: 0, uploadedAt };
        await receiveUpload(db, store, await nextFile(req, maxBytes), maxBytes, async (trx, file) => {
          const { row } = await service.uploadableCase(trx, req.ctx, req.params.id);
          await trx
            .insertInto('case_files')
            .values({
              id,
              region_id: row.region_id,
              purpose: 'evidence',
              case_id: row.id,
              challenge_id: null,
              progress_id: null,
              sha256: file.sha256,
              size: file.size,
              mime: file.mime,
              original_name: file.name,
              uploaded_by: actor.id,
              uploaded_at: uploadedAt,
            })
            .execute();
          await recordAudit(trx, req.ctx, {
            regionId: row.region_id,
            action: 'case.file_upload',
            entity: 'case_file',
            entityId: id,
            after: { caseId: row.id, name: file.name, size: file.size, mime: file.mime, sha256: file.sha256 },
          });
          view = { id, originalName: file.name, mime: file.mime, size: file.size, uploadedAt };
        });
        return reply.status(201).send(view);
      },
    });
    app.post('/api/cases/:id/measures/:measureId/progress', {
      config: { policy: 'case.progress' },
      schema: {
        tags,
        summary: 'Report progress on a measure of the approved plan, with evidence; `done` completes it',
        params: measureParams,
        body: progressBody,
        response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.recordProgress(db, req.ctx, req.params.id, req.params.measureId, req.body),
    });
    app.post('/api/cases/:id/recheck', {
      config: { policy: 'case.manage' },
      schema: {
        tags,
        summary: '复查: passed or not yet, with a note (the case closes only when every measure is done)',
        params: idParam,
        body: recheckBody,
        response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.recheck(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/cases/:id/reply', {
      config: { policy: 'case.manage' },
      schema: {
        tags,
        summary: 'Answer the complainant (shown on the public status page)',
        params: idParam,
        body: replyBody,
        response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.reply(db, req.ctx, req.params.id, req.body),
    });
    app.post('/api/cases/:id/close', {
      config: { policy: 'case.manage' },
      schema: {
        tags,
        summary: 'Close the case (办结): refused while a measure is open or a complainant unanswered',
        params: idParam,
        body: closeBody.nullish(),
        response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.closeCase(db, req.ctx, req.params.id, req.body ?? {}),
    });
    app.post('/api/cases/:id/warnings', {
      config: { policy: 'case.warn' },
      schema: {
        tags,
        summary:
          "Issue a manual light (on the case's item) or card (on its unit) from the case, linked both ways",
        params: idParam,
        body: caseWarningBody,
        response: { 200: caseDetail, ...errors(400, 401, 403, 404, 409) },
      },
      handler: (req) => service.issueWarning(db, req.ctx, req.params.id, req.body),
    });
    app.get('/api/case-files/:id/download', {
      config: { policy: 'case.read' },
      schema: {
        tags,
        summary: 'Download a complaint photo or progress evidence file of a case the caller may read',
        params: idParam,
        response: errors(401, 403, 404),
      },
      handler: async (req, reply) => {
        const f = await service.caseFileFor(db, req.ctx, req.params.id);
        if (!(await store.has(f.sha256))) throw service.fileGone();
        return sendFile(reply, {
          stream: store.open(f.sha256),
          mime: f.mime,
          size: Number(f.size),
          disposition: contentDisposition(downloadName(f.original_name, f.mime)),
        });
      },
    });
  };
