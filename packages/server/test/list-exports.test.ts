// The .xlsx exports of the lists: the rows are the list's (same filters, same scope), in the caller's language.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { unitId } from './fixtures.ts';
import { ok } from './todo-fixtures.ts';

async function sheetOf(t: TestApp, cookie: string, url: string, lang = 'zh-CN') {
  const res = await t.as(cookie, { method: 'GET', url, headers: { 'accept-language': lang } });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toMatch(/spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return {
    name: sheet.name,
    header: rows[0]!,
    body: rows.slice(1),
    disposition: res.headers['content-disposition'],
  };
}

describe.skipIf(dialect === 'postgres' && !pgAvailable)(`list exports (${dialect})`, () => {
  let t: TestApp;
  let supervisor: string;
  let dadongba: string;
  let auditor: string;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    [supervisor, dadongba, auditor, admin] = await Promise.all([
      t.login('supervisor'),
      t.login('dadongba'),
      t.login('auditor'),
      t.login('admin'),
    ]);
  });
  afterAll(() => t.close());

  it('exports the warning board with its filters, reasons in the caller’s language', async () => {
    const list = ok<{ items: { id: string; unitName: string }[]; total: number }>(
      await t.as(supervisor, { method: 'GET', url: '/api/warnings?kind=card&state=open&pageSize=500' }),
    );
    expect(list.total).toBeGreaterThan(0);
    const zh = await sheetOf(t, supervisor, '/api/warnings/export.xlsx?kind=card&state=open');
    expect(zh.name).toBe('亮灯亮牌');
    expect(zh.header.slice(0, 2)).toEqual(['类型', '单位']);
    expect(zh.body).toHaveLength(list.total);
    expect(zh.body.map((r) => r[1]).sort()).toEqual(list.items.map((w) => w.unitName).sort());
    expect(zh.body.every((r) => String(r[0]).endsWith('牌'))).toBe(true);
    expect(decodeURIComponent(String(zh.disposition))).toContain('亮灯亮牌-2022-04-20.xlsx');
    const en = await sheetOf(t, supervisor, '/api/warnings/export.xlsx?kind=card&state=open', 'en-US');
    expect(en.header[0]).toBe('Warning');
    expect(String(en.body[0]![0])).toMatch(/card$/);
    // As of a day before any card, the export is empty like the list.
    const early = await sheetOf(t, supervisor, '/api/warnings/export.xlsx?kind=card&asOf=2022-03-15');
    expect(early.body).toHaveLength(0);
  });

  it('exports ratings with credit codes masked for a unit, as its list shows them', async () => {
    const mine = ok<{ items: { creditCode: string }[]; total: number }>(
      await t.as(dadongba, { method: 'GET', url: '/api/ratings?pageSize=100' }),
    );
    const sheet = await sheetOf(t, dadongba, '/api/ratings/export.xlsx');
    expect(sheet.body).toHaveLength(mine.total);
    const codeColumn = sheet.header.indexOf('统一社会信用代码');
    expect(sheet.body.map((r) => r[codeColumn]).sort()).toEqual(mine.items.map((r) => r.creditCode).sort());
    for (const r of sheet.body) expect(String(r[1])).toBe('大东坝镇');
    const all = await sheetOf(t, supervisor, '/api/ratings/export.xlsx');
    expect(all.body.length).toBeGreaterThan(sheet.body.length);
    const low = ok<{ total: number }>(
      await t.as(supervisor, { method: 'GET', url: '/api/ratings/follow-ups' }),
    );
    expect((await sheetOf(t, supervisor, '/api/ratings/follow-ups/export.xlsx')).body).toHaveLength(
      low.total,
    );
  });

  it('exports units, accounts (a unit manager: their own unit) and the audit log', async () => {
    const units = await sheetOf(t, admin, '/api/units/export.xlsx?kind=town');
    expect(units.body.map((r) => r[0])).toContain('大东坝镇');
    expect(units.body.every((r) => r[2] === '镇')).toBe(true);
    const accounts = await sheetOf(t, dadongba, '/api/users/export.xlsx');
    expect(accounts.body.length).toBeGreaterThan(0);
    for (const r of accounts.body) expect(r[2]).toBe('大东坝镇');
    const other = await t.as(dadongba, {
      method: 'GET',
      url: `/api/users/export.xlsx?unitId=${await unitId(t, '新兴镇')}`,
    });
    expect(other.statusCode).toBe(403);
    const audit = await sheetOf(t, auditor, '/api/audit/export.xlsx?entity=user');
    expect(audit.header[0]).toBe('序号');
    expect(audit.body.length).toBeGreaterThan(0);
    expect(audit.body.every((r) => r[4] === 'user')).toBe(true);
  });
});
