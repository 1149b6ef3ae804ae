// Importing items from .xlsx, all or nothing: every bad cell is reported (sheet, row, column, message),
// and a workbook with any problem changes nothing.
import { DomainError } from '@benpao/domain';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/index.ts';
import type { RequestContext } from '../../context.ts';
import { fromZodIssue } from '../../errors.ts';
import { translate, type Locale } from '../../i18n/messages.ts';
import { recordAudit } from '../audit/service.ts';
import { itemCreate, type ItemCreate } from '../items/schema.ts';
import { insertItem } from '../items/service.ts';
import { actorOf } from '../units/service.ts';
import {
  CHILD_SHEETS,
  codeOf,
  columnLetter,
  ITEM_COLUMNS,
  ITEMS_SHEET,
  wanToFen,
  type Column,
} from './item-sheet.ts';

export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  field: string;
  message: string;
}

export class ImportInvalid extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('import_invalid');
  }
}

/** Where each field of each item came from, so a problem can be put back on its cell. */
interface Origin {
  sheet: string;
  row: number;
  columns: Map<string, string>;
  children: Record<string, { sheet: string; row: number; columns: Map<string, string> }[]>;
}

const MAX_ROWS = 5000;

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v).trim();
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object' && !(v instanceof Date) && 'result' in v) return v.result;
  return v;
}

/** Maps header texts (either language) to column positions. */
function headerMap(sheet: ExcelJS.Worksheet, columns: readonly { key: string; zh: string; en: string }[]) {
  const map = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value).toLowerCase();
    const c = columns.find(
      (x) => x.zh.toLowerCase() === text || x.en.toLowerCase() === text || x.key.toLowerCase() === text,
    );
    if (c) map.set(c.key, col);
  });
  return map;
}

const findSheet = (wb: ExcelJS.Workbook, names: { zh: string; en: string }) =>
  wb.worksheets.find(
    (s) => s.name === names.zh || s.name === names.en || s.name === `${names.zh} ${names.en}`,
  );

export async function parseItemWorkbook(
  db: Db,
  regionId: string,
  buffer: Buffer,
  locale: Locale,
): Promise<{ inputs: ItemCreate[]; origins: Origin[]; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('validation', 'import_not_xlsx', {}, 'file');
  }
  const sheet = findSheet(wb, ITEMS_SHEET);
  if (!sheet) throw new DomainError('validation', 'import_no_sheet', { sheet: ITEMS_SHEET.zh }, 'file');
  if (sheet.rowCount > MAX_ROWS + 1)
    throw new DomainError('validation', 'import_too_many_rows', { max: MAX_ROWS }, 'file');

  const [units, leaders] = await Promise.all([
    db.selectFrom('units').select(['id', 'name', 'short_name']).where('region_id', '=', regionId).execute(),
    db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.id', 'users.username', 'users.display_name'])
      .where('users.region_id', '=', regionId)
      .where('user_roles.role', '=', 'leader')
      .execute(),
  ]);
  const unitByName = new Map<string, string>();
  for (const u of units) {
    unitByName.set(u.name, u.id);
    if (u.short_name && !unitByName.has(u.short_name)) unitByName.set(u.short_name, u.id);
  }
  const leaderByName = new Map<string, string>();
  for (const l of leaders) leaderByName.set(l.username, l.id).set(l.display_name, l.id);

  const cols = headerMap(sheet, ITEM_COLUMNS);
  const sheetName = sheet.name;
  const problem = (row: number, key: string, code: string, params: Record<string, string | number> = {}) => {
    const col = cols.get(key);
    problems.push({
      sheet: sheetName,
      row,
      column: col ? columnLetter(col) : '',
      field: key,
      message: translate(code, locale, { field: headerOf(key, locale), ...params }),
    });
  };
  for (const required of ['kind', 'title', 'leadUnit', 'startDate', 'dueDate']) {
    if (!cols.has(required)) problem(1, required, 'import_missing_column');
  }
  if (problems.length) return { inputs: [], origins: [], problems };

  const drafts = new Map<number, Record<string, unknown>>();
  const origins = new Map<number, Origin>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const get = (key: string) => {
      const col = cols.get(key);
      return col ? row.getCell(col).value : null;
    };
    if (ITEM_COLUMNS.every((c) => cellText(get(c.key)) === '')) return;
    const d: Record<string, unknown> = {};
    const column = (c: Column) => cellText(get(c.key));
    const kind = codeOf(ITEM_COLUMNS[0]!, column(ITEM_COLUMNS[0]!));
    if (!kind) problem(rowNumber, 'kind', 'import_bad_word', { value: column(ITEM_COLUMNS[0]!) });
    d.kind = kind ?? column(ITEM_COLUMNS[0]!);
    for (const c of ITEM_COLUMNS.slice(1)) {
      const text = column(c);
      if (text === '') continue;
      if (c.kinds && kind && !c.kinds.includes(kind as never)) continue;
      if (c.vocabulary) {
        const code = codeOf(c, text);
        if (!code) problem(rowNumber, c.key, 'import_bad_word', { value: text });
        d[c.key] = code ?? text;
        continue;
      }
      switch (c.key) {
        case 'leadUnit': {
          const id = unitByName.get(text);
          if (!id) problem(rowNumber, c.key, 'import_unknown_unit', { value: text });
          d.leadUnitId = id ?? '';
          break;
        }
        case 'coUnits': {
          const ids: string[] = [];
          for (const name of text
            .split(/[、,，;；]/)
            .map((s) => s.trim())
            .filter(Boolean)) {
            const id = unitByName.get(name);
            if (!id) problem(rowNumber, c.key, 'import_unknown_unit', { value: name });
            else ids.push(id);
          }
          d.coUnitIds = ids;
          break;
        }
        case 'leader': {
          const id = leaderByName.get(text);
          if (!id) problem(rowNumber, c.key, 'not_a_leader');
          d.leaderUserId = id ?? null;
          break;
        }
        case 'totalInvestment':
        case 'annualPlan': {
          const fen = wanToFen(cellValue(get(c.key)));
          if (fen === null) problem(rowNumber, c.key, 'import_bad_amount', { value: text });
          d[c.key === 'totalInvestment' ? 'totalInvestmentFen' : 'annualPlanFen'] = fen ?? -1;
          break;
        }
        case 'deadlineWorkingDays':
        case 'annualTarget': {
          const n = Number(text);
          d[c.key] = Number.isFinite(n) ? n : text;
          break;
        }
        default:
          d[c.key] = text;
      }
    }
    drafts.set(rowNumber, d);
    origins.set(rowNumber, {
      sheet: sheetName,
      row: rowNumber,
      columns: new Map([...cols].map(([k, v]) => [k, columnLetter(v)])),
      children: {},
    });
  });

  // Child sheets refer to items by their row number in the items sheet.
  for (const [listKey, spec] of Object.entries(CHILD_SHEETS)) {
    const child = findSheet(wb, spec);
    if (!child) continue;
    const ccols = headerMap(child, spec.columns);
    child.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const text = (key: string) => cellText(ccols.has(key) ? row.getCell(ccols.get(key)!).value : null);
      if (spec.columns.every((c) => text(c.key) === '')) return;
      const childProblem = (key: string, code: string, params: Record<string, string | number> = {}) =>
        problems.push({
          sheet: child.name,
          row: rowNumber,
          column: ccols.has(key) ? columnLetter(ccols.get(key)!) : '',
          field: key,
          message: translate(code, locale, { field: key, ...params }),
        });
      const target = drafts.get(Number(text('row')));
      if (!target) return childProblem('row', 'import_unknown_row', { value: text('row') });
      const list = ((target[listKey] as unknown[] | undefined) ?? []) as Record<string, unknown>[];
      const entry: Record<string, unknown> = {};
      if (listKey === 'milestones')
        Object.assign(entry, {
          title: text('title'),
          plannedDate: text('plannedDate'),
          weight: Number(text('weight')),
        });
      if (listKey === 'targets')
        Object.assign(entry, { periodKey: text('periodKey'), target: Number(text('target')) });
      if (listKey === 'monthlyPlan') {
        const fen = wanToFen(cellValue(ccols.has('amount') ? row.getCell(ccols.get('amount')!).value : null));
        if (fen === null) childProblem('amount', 'import_bad_amount', { value: text('amount') });
        Object.assign(entry, { month: text('month'), fen: fen ?? -1 });
      }
      list.push(entry);
      target[listKey] = list;
      const origin = origins.get(Number(text('row')))!;
      (origin.children[listKey] ??= []).push({
        sheet: child.name,
        row: rowNumber,
        columns: new Map([...ccols].map(([k, v]) => [k, columnLetter(v)])),
      });
    });
  }

  const inputs: ItemCreate[] = [];
  const originList: Origin[] = [];
  for (const [rowNumber, d] of drafts) {
    const parsed = itemCreate.safeParse(d);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const rest = Object.fromEntries(
          Object.entries(issue).filter(([k]) => !['path', 'code', 'message'].includes(k)),
        );
        const mapped = fromZodIssue(
          { keyword: issue.code, instancePath: `/${issue.path.join('/')}`, params: rest },
          d,
        );
        problems.push(
          locate(
            origins.get(rowNumber)!,
            mapped.field,
            translate(mapped.code, locale, { ...mapped.params, field: headerOf(mapped.field, locale) }),
          ),
        );
      }
      continue;
    }
    inputs.push(parsed.data);
    originList.push(origins.get(rowNumber)!);
  }
  if (drafts.size === 0) throw new DomainError('validation', 'import_empty', {}, 'file');
  return { inputs, origins: originList, problems };
}

const FIELD_TO_COLUMN: Record<string, string> = {
  leadUnitId: 'leadUnit',
  coUnitIds: 'coUnits',
  leaderUserId: 'leader',
  totalInvestmentFen: 'totalInvestment',
  annualPlanFen: 'annualPlan',
};

function headerOf(field: string, locale: Locale): string {
  const key = FIELD_TO_COLUMN[field.split('.')[0]!] ?? field.split('.')[0]!;
  const c = ITEM_COLUMNS.find((x) => x.key === key);
  return c ? (locale === 'zh-CN' ? c.zh : c.en) : field;
}

/** Puts a problem on the cell its field came from: a column of the item row, or a row of a child sheet. */
function locate(origin: Origin, field: string, message: string): ImportProblem {
  const [head, index, sub] = field.split('.');
  const children = head ? origin.children[head] : undefined;
  if (children && index !== undefined) {
    const child = children[Number(index)];
    if (child)
      return {
        sheet: child.sheet,
        row: child.row,
        column: (sub && child.columns.get(sub === 'fen' ? 'amount' : sub)) ?? '',
        field,
        message,
      };
  }
  const key = FIELD_TO_COLUMN[head ?? ''] ?? head ?? '';
  return { sheet: origin.sheet, row: origin.row, column: origin.columns.get(key) ?? '', field, message };
}

/** Parses, checks and inserts in one transaction: any problem anywhere rolls the whole workbook back. */
export async function importItems(db: Db, ctx: RequestContext, buffer: Buffer, locale: Locale) {
  const actor = actorOf(ctx);
  const { inputs, origins, problems } = await parseItemWorkbook(db, actor.regionId, buffer, locale);
  if (problems.length) throw new ImportInvalid(problems);
  return db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    const later: ImportProblem[] = [];
    for (const [i, input] of inputs.entries()) {
      try {
        ids.push(await insertItem(trx, ctx, input));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        later.push(
          locate(
            origins[i]!,
            err.field ?? '',
            translate(err.code, locale, { ...err.params, field: headerOf(err.field ?? '', locale) }),
          ),
        );
      }
    }
    if (later.length) throw new ImportInvalid(later);
    const numbers = (
      await trx.selectFrom('items').select('number').where('id', 'in', ids).orderBy('number').execute()
    ).map((r) => r.number);
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'item.import',
      entity: 'item',
      entityId: null,
      after: { count: ids.length, numbers },
    });
    return { created: ids.length, numbers };
  });
}
