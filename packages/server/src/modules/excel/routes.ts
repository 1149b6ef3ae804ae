import multipart from '@fastify/multipart';
import { DomainError } from '@benpao/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { errorBody, errors } from '../../http.ts';
import { pickLocale, translate } from '../../i18n/messages.ts';
import { itemListQuery } from '../items/schema.ts';
import { listItems } from '../items/service.ts';
import { ImportInvalid, importItems } from './import.ts';
import { fenToWan, KIND_WORDS } from './item-sheet.ts';
import { EXPORT_MAX_ROWS } from './list-exports.ts';
import { itemTemplate, listWorkbook, sendXlsx, xlsxBody } from './workbooks.ts';

const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

const importProblem = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  field: z.string(),
  message: z.string(),
});

export const excelRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['excel'];
    await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 0 } });

    app.get('/api/items/import-template.xlsx', {
      config: { policy: 'item.import' },
      schema: {
        tags,
        summary: 'The item import template (.xlsx), in the caller’s language',
        response: { 200: xlsxBody, ...errors(401, 403) },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const name = locale === 'zh-CN' ? '督办事项导入模板.xlsx' : 'benpao-item-import-template.xlsx';
        return sendXlsx(reply, name, await itemTemplate(locale));
      },
    });

    app.post('/api/items/import', {
      config: { policy: 'item.import' },
      schema: {
        tags,
        summary: 'Import items from .xlsx (multipart field `file`): all or nothing, every bad cell listed',
        consumes: ['multipart/form-data'],
        response: {
          200: z.object({ created: z.number().int(), numbers: z.array(z.string()) }),
          400: errorBody.extend({ problems: z.array(importProblem).optional() }),
          ...errors(401, 403, 413, 415),
        },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        if (!req.isMultipart()) throw new DomainError('validation', 'required', {}, 'file');
        const file = await req.file();
        if (!file) throw new DomainError('validation', 'required', {}, 'file');
        let buffer: Buffer;
        try {
          buffer = await file.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new DomainError(
              'too_large',
              'file_too_large',
              { limit: `${IMPORT_MAX_BYTES / 1024 / 1024} MB` },
              'file',
            );
          }
          throw err;
        }
        try {
          return await importItems(db, req.ctx, buffer, locale);
        } catch (err) {
          if (!(err instanceof ImportInvalid)) throw err;
          return reply.status(400).send({
            error: {
              code: 'import_invalid',
              message: translate('import_invalid', locale, { count: err.problems.length }),
              field: 'file',
            },
            problems: err.problems,
          });
        }
      },
    });

    app.get('/api/items/export.xlsx', {
      config: { policy: 'item.export' },
      schema: {
        tags,
        summary: 'Export the item list (.xlsx) with the list’s filters',
        querystring: itemListQuery,
        response: { 200: xlsxBody, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const { items } = await listItems(db, req.ctx, req.query, { limit: EXPORT_MAX_ROWS, offset: 0 });
        const zh = locale === 'zh-CN';
        type Row = (typeof items)[number];
        const status = (s: string) => translate(`state.${s}`, locale);
        const buffer = await listWorkbook<Row>(
          { zh: '督办事项', en: 'Items' },
          [
            { zh: '编号', en: 'Number', value: (r) => r.number },
            { zh: '类型', en: 'Kind', value: (r) => KIND_WORDS[r.kind][zh ? 0 : 1] },
            { zh: '标题', en: 'Title', width: 36, value: (r) => r.title },
            { zh: '牵头单位', en: 'Lead unit', width: 20, value: (r) => r.leadUnitName },
            { zh: '牵头领导', en: 'Leader in charge', value: (r) => r.leaderName },
            { zh: '状态', en: 'Status', value: (r) => status(r.status) },
            { zh: '开始日期', en: 'Start', value: (r) => r.startDate },
            { zh: '截止日期', en: 'Due', value: (r) => r.dueDate },
            { zh: '计划进度（%）', en: 'Planned (%)', value: (r) => r.progress.planned },
            { zh: '实际进度（%）', en: 'Actual (%)', value: (r) => r.progress.actual },
            { zh: '滞后（百分点）', en: 'Lag (points)', value: (r) => r.progress.lag },
            {
              zh: '已完成投资（万元）',
              en: 'Invested (10k yuan)',
              value: (r) => (r.progress.investment ? fenToWan(r.progress.investment.completedFen) : null),
            },
            { zh: '逾期', en: 'Overdue', value: (r) => (r.progress.overdue ? (zh ? '是' : 'yes') : '') },
            { zh: '统计日期', en: 'As of', value: (r) => r.progress.asOf },
          ],
          items,
          locale,
        );
        return sendXlsx(reply, zh ? '督办事项.xlsx' : 'benpao-items.xlsx', buffer);
      },
    });
  };
