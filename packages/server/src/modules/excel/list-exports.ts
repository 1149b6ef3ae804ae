// .xlsx exports of the lists people read on screen, each taking the list's own filters (without paging) and the
// same access check as the list, so a workbook never shows more than the screen would.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/index.ts';
import { errors } from '../../http.ts';
import { pickLocale, translate, type Locale } from '../../i18n/messages.ts';
import { auditQuery } from '../audit/routes.ts';
import { listAudit } from '../audit/service.ts';
import { followUpListQuery, ratingListQuery } from '../ratings/schema.ts';
import { listFollowUps, listRatings } from '../ratings/service.ts';
import { unitListQuery } from '../units/schema.ts';
import { listUnits } from '../units/service.ts';
import { userListQuery } from '../users/schema.ts';
import { listUsers } from '../users/service.ts';
import { warningListQuery } from '../warnings/schema.ts';
import { listWarnings } from '../warnings/service.ts';
import { listWorkbook, sendXlsx, xlsxBody, type ExportColumn } from './workbooks.ts';

/** The most rows one workbook holds; a list longer than this is narrowed by its filters first. */
export const EXPORT_MAX_ROWS = 10_000;
const all = { page: 1, pageSize: EXPORT_MAX_ROWS };
const unpaged = { page: true, pageSize: true } as const;

const yes = (locale: Locale) => (locale === 'zh-CN' ? '是' : 'yes');
const word = (prefix: string, value: string, locale: Locale) => {
  const key = `${prefix}.${value}`;
  const t = translate(key, locale);
  return t === key ? value : t;
};
const file = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? `${zh}.xlsx` : `${en}.xlsx`);

export const listExportRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['excel'];

    app.get('/api/warnings/export.xlsx', {
      config: { policy: 'warning.list' },
      schema: {
        tags,
        summary: 'Export the warning board (.xlsx) with its filters, as of a day if asked',
        querystring: warningListQuery.omit(unpaged),
        response: { 200: xlsxBody, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const { items, asOf } = await listWarnings(db, req.ctx, { ...req.query, ...all });
        type Row = (typeof items)[number];
        const columns: ExportColumn<Row>[] = [
          {
            zh: '类型',
            en: 'Warning',
            value: (r) => word(`warning_badge`, `${r.kind}.${r.colour}`, locale),
          },
          { zh: '单位', en: 'Unit', width: 20, value: (r) => r.unitName },
          { zh: '事项编号', en: 'Item', value: (r) => r.itemNumber },
          { zh: '事项', en: 'Item title', width: 30, value: (r) => r.itemTitle },
          { zh: '状态', en: 'State', value: (r) => word('warning_state', r.state, locale) },
          { zh: '来源', en: 'Origin', value: (r) => word('warning_origin', r.origin, locale) },
          { zh: '规则', en: 'Rule', value: (r) => r.ruleId },
          { zh: '亮灯/亮牌日期', en: 'Issued on', value: (r) => r.issuedOn },
          { zh: '整改期限', en: 'Rectify by', value: (r) => r.rectifyBy },
          { zh: '原因', en: 'Reason', width: 60, value: (r) => r.explanation[locale] },
          { zh: '统计日期', en: 'As of', value: () => asOf },
        ];
        const buffer = await listWorkbook({ zh: '亮灯亮牌', en: 'Warnings' }, columns, items, locale);
        return sendXlsx(reply, file(locale, `亮灯亮牌-${asOf}`, `benpao-warnings-${asOf}`), buffer);
      },
    });

    app.get('/api/ratings/export.xlsx', {
      config: { policy: 'rating.list' },
      schema: {
        tags,
        summary: 'Export service ratings (.xlsx) with the list’s filters; credit codes masked as on screen',
        querystring: ratingListQuery.omit(unpaged),
        response: { 200: xlsxBody, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const { items } = await listRatings(db, req.ctx, { ...req.query, ...all });
        type Row = (typeof items)[number];
        const columns: ExportColumn<Row>[] = [
          { zh: '月份', en: 'Month', value: (r) => r.month },
          { zh: '被评单位', en: 'Unit', width: 20, value: (r) => r.unitName },
          { zh: '统一社会信用代码', en: 'Credit code', width: 22, value: (r) => r.creditCode },
          { zh: '服务事项', en: 'Service', value: (r) => word('rating_service', r.service, locale) },
          { zh: '办事效率', en: 'Efficiency', value: (r) => r.efficiency },
          { zh: '服务态度', en: 'Attitude', value: (r) => r.attitude },
          { zh: '依法合规', en: 'Compliance', value: (r) => r.compliance },
          { zh: '平均', en: 'Mean', value: (r) => r.mean },
          { zh: '低分', en: 'Low', value: (r) => (r.low ? yes(locale) : '') },
          { zh: '意见', en: 'Comment', width: 40, value: (r) => r.comment },
          { zh: '评议日期', en: 'Rated on', value: (r) => r.ratedOn },
          { zh: '版本', en: 'Version', value: (r) => r.version },
          {
            zh: '跟进',
            en: 'Follow-up',
            value: (r) => (r.followUp ? word('follow_up_state', r.followUp.status, locale) : ''),
          },
        ];
        const buffer = await listWorkbook({ zh: '服务评议', en: 'Service ratings' }, columns, items, locale);
        return sendXlsx(reply, file(locale, '服务评议', 'benpao-ratings'), buffer);
      },
    });

    app.get('/api/ratings/follow-ups/export.xlsx', {
      config: { policy: 'rating.list' },
      schema: {
        tags,
        summary: 'Export the follow-ups of low ratings (.xlsx) with the list’s filters',
        querystring: followUpListQuery.omit(unpaged),
        response: { 200: xlsxBody, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const { items } = await listFollowUps(db, req.ctx, { ...req.query, ...all });
        type Row = (typeof items)[number];
        const columns: ExportColumn<Row>[] = [
          { zh: '月份', en: 'Month', value: (r) => r.month },
          { zh: '被评单位', en: 'Unit', width: 20, value: (r) => r.unitName },
          { zh: '统一社会信用代码', en: 'Credit code', width: 22, value: (r) => r.creditCode },
          { zh: '平均', en: 'Mean', value: (r) => r.mean },
          { zh: '意见', en: 'Comment', width: 40, value: (r) => r.comment },
          {
            zh: '状态',
            en: 'Status',
            value: (r) => (r.followUp ? word('follow_up_state', r.followUp.status, locale) : ''),
          },
          { zh: '单位回应', en: 'Response', width: 40, value: (r) => r.followUp?.response ?? null },
          { zh: '回应人', en: 'Responded by', value: (r) => r.followUp?.respondedByName ?? null },
          { zh: '关闭说明', en: 'Close note', width: 30, value: (r) => r.followUp?.closeNote ?? null },
        ];
        const buffer = await listWorkbook({ zh: '低分跟进', en: 'Follow-ups' }, columns, items, locale);
        return sendXlsx(reply, file(locale, '低分跟进', 'benpao-follow-ups'), buffer);
      },
    });

    app.get('/api/units/export.xlsx', {
      config: { policy: 'unit.list' },
      schema: {
        tags,
        summary: 'Export the unit list (.xlsx) with its filters',
        querystring: unitListQuery.omit(unpaged),
        response: { 200: xlsxBody, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const { items } = await listUnits(db, req.ctx, { ...req.query, ...all });
        type Row = (typeof items)[number];
        const columns: ExportColumn<Row>[] = [
          { zh: '单位', en: 'Unit', width: 24, value: (r) => r.name },
          { zh: '简称', en: 'Short name', value: (r) => r.shortName },
          { zh: '类型', en: 'Kind', value: (r) => word('unit_kind', r.kind, locale) },
          { zh: '赛马类别', en: 'Ranking category', width: 20, value: (r) => r.categoryName },
          { zh: '启用', en: 'Active', value: (r) => (r.active ? yes(locale) : '') },
        ];
        const buffer = await listWorkbook({ zh: '单位', en: 'Units' }, columns, items, locale);
        return sendXlsx(reply, file(locale, '单位', 'benpao-units'), buffer);
      },
    });

    app.get('/api/users/export.xlsx', {
      config: { policy: 'user.list' },
      schema: {
        tags,
        summary: 'Export the account list (.xlsx) with its filters (a unit manager: their unit only)',
        querystring: userListQuery.omit(unpaged),
        response: { 200: xlsxBody, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const { items } = await listUsers(db, req.ctx, { ...req.query, ...all });
        type Row = (typeof items)[number];
        const columns: ExportColumn<Row>[] = [
          { zh: '用户名', en: 'Username', value: (r) => r.username },
          { zh: '姓名', en: 'Name', value: (r) => r.displayName },
          { zh: '单位', en: 'Unit', width: 24, value: (r) => r.unitName },
          {
            zh: '角色',
            en: 'Roles',
            width: 30,
            value: (r) => r.roles.map((x) => word('role', x, locale)).join(locale === 'zh-CN' ? '、' : ', '),
          },
          { zh: '启用', en: 'Active', value: (r) => (r.active ? yes(locale) : '') },
          { zh: '锁定至', en: 'Locked until', value: (r) => r.lockedUntil },
        ];
        const buffer = await listWorkbook({ zh: '账号', en: 'Accounts' }, columns, items, locale);
        return sendXlsx(reply, file(locale, '账号', 'benpao-accounts'), buffer);
      },
    });

    app.get('/api/audit/export.xlsx', {
      config: { policy: 'audit.read' },
      schema: {
        tags,
        summary: 'Export the audit log (.xlsx) with its filters (audit admin)',
        querystring: auditQuery.omit(unpaged),
        response: { 200: xlsxBody, ...errors(400, 401, 403) },
      },
      handler: async (req, reply) => {
        const locale = pickLocale(req.headers['accept-language']);
        const { items } = await listAudit(db, req.ctx, req.query, EXPORT_MAX_ROWS, 0);
        type Row = (typeof items)[number];
        const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
        const columns: ExportColumn<Row>[] = [
          { zh: '序号', en: 'No.', value: (r) => r.id },
          { zh: '时间', en: 'Time', width: 24, value: (r) => r.at },
          { zh: '操作人', en: 'Actor', value: (r) => r.actorName },
          { zh: '操作', en: 'Action', width: 24, value: (r) => r.action },
          { zh: '对象', en: 'Entity', value: (r) => r.entity },
          { zh: '对象编号', en: 'Entity id', width: 24, value: (r) => r.entityId },
          { zh: '变更前', en: 'Before', width: 40, value: (r) => json(r.before) },
          { zh: '变更后', en: 'After', width: 40, value: (r) => json(r.after) },
          { zh: '地址', en: 'Address', value: (r) => r.ip },
          { zh: '哈希', en: 'Hash', width: 66, value: (r) => r.hash },
        ];
        const buffer = await listWorkbook({ zh: '审计日志', en: 'Audit log' }, columns, items, locale);
        return sendXlsx(reply, file(locale, '审计日志', 'benpao-audit'), buffer);
      },
    });
  };
