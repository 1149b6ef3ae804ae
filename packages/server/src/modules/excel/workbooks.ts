// Writing workbooks: the import template and the exports of item and report lists (with the list's filters).
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { sendDownload, XLSX } from '../../http.ts';
import type { Locale } from '../../i18n/messages.ts';
import {
  CHILD_SHEETS,
  fenToWan,
  header,
  ITEM_COLUMNS,
  ITEMS_SHEET,
  wordOf,
  type Column,
} from './item-sheet.ts';

function styleHeader(sheet: ExcelJS.Worksheet) {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

export async function itemTemplate(locale: Locale): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Benpao';
  const items = wb.addWorksheet(header(ITEMS_SHEET, locale));
  items.columns = ITEM_COLUMNS.map((c) => ({ header: header(c, locale), key: c.key, width: c.width ?? 14 }));
  styleHeader(items);
  // One example row of each kind, marked as examples, so the vocabulary is visible where it is used.
  const example = (values: Record<string, string | number>) =>
    items.addRow(
      Object.fromEntries(
        ITEM_COLUMNS.map((c) => [
          c.key,
          c.vocabulary && typeof values[c.key] === 'string'
            ? wordOf(c, String(values[c.key]), locale)
            : values[c.key],
        ]),
      ),
    );
  example({
    kind: 'work',
    title: zh ? '（示例）松材线虫病疫木除治' : '(example) Pine-wilt tree removal',
    basisType: 'meeting',
    urgency: 'urgent',
    leadUnit: '大东坝镇',
    coUnits: '县林业局',
    startDate: '2022-01-01',
    dueDate: '2022-04-30',
    frequency: 'monthly',
    deadlineWorkingDays: 3,
  });
  example({
    kind: 'project',
    title: zh ? '（示例）配电网改造工程' : '(example) Distribution-grid upgrade',
    basisType: 'document',
    urgency: 'normal',
    leadUnit: '县发展和改革局',
    startDate: '2022-01-01',
    dueDate: '2022-12-31',
    frequency: 'monthly',
    deadlineWorkingDays: 3,
    phase: 'construction',
    plannedStart: '2022-02-15',
    plannedCompletion: '2022-12-31',
    totalInvestment: 12000,
    annualPlan: 4800,
  });
  example({
    kind: 'indicator',
    title: zh ? '（示例）规上工业增加值增速' : '(example) Industrial value-added growth',
    basisType: 'document',
    urgency: 'normal',
    leadUnit: '县经济商务科技局',
    startDate: '2022-01-01',
    dueDate: '2022-12-31',
    frequency: 'monthly',
    deadlineWorkingDays: 3,
    measure: zh ? '规上工业增加值增速' : 'Industrial value-added growth',
    unitOfMeasure: '%',
    direction: 'higher_better',
    annualTarget: 12,
    targetFrequency: 'quarterly',
  });
  for (const [key, spec] of Object.entries(CHILD_SHEETS)) {
    const s = wb.addWorksheet(header(spec, locale));
    s.columns = spec.columns.map((c: Column) => ({ header: header(c, locale), key: c.key, width: 18 }));
    styleHeader(s);
    if (key === 'milestones') {
      s.addRow({ row: 2, title: zh ? '完成疫木普查' : 'Survey done', plannedDate: '2022-02-28', weight: 30 });
      s.addRow({ row: 2, title: zh ? '完成除治' : 'Removal done', plannedDate: '2022-04-30', weight: 70 });
      s.addRow({ row: 3, title: zh ? '开工' : 'Works start', plannedDate: '2022-02-15', weight: 20 });
      s.addRow({ row: 3, title: zh ? '主体完工' : 'Main works done', plannedDate: '2022-12-31', weight: 80 });
    }
    if (key === 'monthlyPlan')
      for (let m = 1; m <= 12; m++)
        s.addRow({ row: 3, month: `2022-${String(m).padStart(2, '0')}`, amount: 400 });
    if (key === 'targets')
      ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4'].forEach((p, i) =>
        s.addRow({ row: 4, periodKey: p, target: [9, 10, 11, 12][i] }),
      );
  }
  const help = wb.addWorksheet(zh ? '填写说明' : 'How to fill in');
  help.getColumn(1).width = 110;
  const lines = zh
    ? [
        '1. 每行一个督办事项；第 2–4 行为示例，导入前请删除或改写。',
        '2. “节点”“月度投资计划”“指标目标”三张表用“事项行号”指向“事项”表中的行。',
        '3. 节点权重合计须为 100；月度投资计划合计须等于年度计划投资；金额单位为万元，最多 6 位小数。',
        '4. 日期格式 YYYY-MM-DD；期次格式 2022-03（月度）或 2022-Q1（季度）。',
        '5. 导入要么全部成功，要么全部不导入：任何一个单元格有误，系统会列出所有错误（表、行、列、原因），数据不做任何改动。',
      ]
    : [
        '1. One supervision item per row; rows 2–4 are examples: delete or overwrite them before importing.',
        '2. The Milestones, Monthly plan and Targets sheets point at rows of the Items sheet by their row number.',
        '3. Milestone weights add up to 100; the monthly plan adds up to the annual plan; amounts in 10k yuan, at most 6 decimals.',
        '4. Dates as YYYY-MM-DD; periods as 2022-03 (monthly) or 2022-Q1 (quarterly).',
        '5. An import is all or nothing: if any cell is wrong, every problem is listed (sheet, row, column, reason) and nothing changes.',
      ];
  lines.forEach((l) => help.addRow([l]));
  return toBuffer(wb);
}

export interface ExportColumn<T> {
  zh: string;
  en: string;
  width?: number;
  value: (row: T) => string | number | null;
}

export async function listWorkbook<T>(
  sheetName: { zh: string; en: string },
  columns: ExportColumn<T>[],
  rows: T[],
  locale: Locale,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Benpao';
  const sheet = wb.addWorksheet(header(sheetName, locale));
  sheet.columns = columns.map((c, i) => ({ header: header(c, locale), key: `c${i}`, width: c.width ?? 16 }));
  styleHeader(sheet);
  for (const r of rows) sheet.addRow(Object.fromEntries(columns.map((c, i) => [`c${i}`, c.value(r)])));
  return toBuffer(wb);
}

export { fenToWan };

/** A binary .xlsx body: documented as such, sent as a Buffer (Fastify does not serialise Buffers). */
export const xlsxBody = z.any().describe('An .xlsx workbook');

/** Sends a workbook as a download named `name`. */
export const sendXlsx = (reply: FastifyReply, name: string, buffer: Buffer) =>
  sendDownload(reply, XLSX, name, buffer);
