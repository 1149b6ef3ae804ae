// Excel: the template imports as it is, a bad workbook is refused whole with every bad cell named,
// and exports follow the list's filters.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';

function multipart(name: string, buffer: Buffer) {
  const boundary = '----benpaotest' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, buffer, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const withLanguage = (m: ReturnType<typeof multipart>, lang: string) => ({
  payload: m.payload,
  headers: { ...m.headers, 'accept-language': lang },
});

async function load(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe.skipIf(!pgAvailable)(`Excel import and export (${dialect})`, () => {
  let t: TestApp;
  let sup: string;
  let template: Buffer;
  const itemCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('items')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await testApp();
    sup = await t.login('supervisor');
    const res = await t.as(sup, { method: 'GET', url: '/api/items/import-template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    template = res.rawPayload;
  });
  afterAll(() => t.close());

  it('gives the template in the caller’s language', async () => {
    expect((await load(template)).worksheets.map((s) => s.name)).toEqual([
      '事项',
      '节点',
      '月度投资计划',
      '指标目标',
      '填写说明',
    ]);
    const en = await t.as(sup, {
      method: 'GET',
      url: '/api/items/import-template.xlsx',
      headers: { 'accept-language': 'en-US' },
    });
    expect((await load(en.rawPayload)).worksheets.map((s) => s.name)).toContain('Milestones');
  });

  it('refuses the template to a unit manager', async () => {
    const unit = await t.login('dadongba');
    expect((await t.as(unit, { method: 'GET', url: '/api/items/import-template.xlsx' })).statusCode).toBe(
      403,
    );
  });

  it('imports the template’s three example items of each kind, with milestones, plans and targets', async () => {
    const before = await itemCount();
    const res = await t.as(sup, {
      method: 'POST',
      url: '/api/items/import',
      ...multipart('t.xlsx', template),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(3);
    expect(await itemCount()).toBe(before + 3);
    const list = (await t.as(sup, { method: 'GET', url: '/api/items?kind=project' })).json();
    const project = (await t.as(sup, { method: 'GET', url: `/api/items/${list.items[0].id}` })).json();
    expect(project.totalInvestmentFen).toBe(12000 * 1_000_000);
    expect(project.monthlyPlan).toHaveLength(12);
    expect(project.milestones.map((m: { weight: number }) => m.weight)).toEqual([20, 80]);
  });

  it('lists every bad cell and imports nothing when any cell is wrong', async () => {
    const wb = await load(template);
    const items = wb.getWorksheet('事项')!;
    items.getCell('A2').value = '重要工作'; // unknown kind word
    items.getCell('F3').value = '不存在的局'; // unknown lead unit
    items.getCell('J4').value = '2021-01-01'; // due before start
    wb.getWorksheet('节点')!.getCell('D2').value = 35; // weights of row 2 no longer add up to 100
    const broken = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await itemCount();
    const auditBefore = Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const res = await t.as(sup, {
      method: 'POST',
      url: '/api/items/import',
      ...multipart('bad.xlsx', broken),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('import_invalid');
    expect(body.error.field).toBe('file');
    const cells = body.problems.map(
      (p: { sheet: string; row: number; column: string }) => `${p.sheet}!${p.column}${p.row}`,
    );
    expect(cells).toEqual(expect.arrayContaining(['事项!A2', '事项!F3']));
    expect(body.problems.length).toBeGreaterThanOrEqual(2);
    expect(await itemCount()).toBe(before);
    const auditAfter = Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(auditAfter).toBe(auditBefore);
  });

  it('rolls back the whole workbook when a later row fails a database check', async () => {
    const wb = await load(template);
    wb.getWorksheet('事项')!.getCell('J4').value = '2021-01-01'; // only the third row is wrong
    const res = await t.as(sup, {
      method: 'POST',
      url: '/api/items/import',
      ...withLanguage(multipart('bad.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), 'en-US'),
    });
    expect(res.statusCode).toBe(400);
    const [p] = res.json().problems;
    expect(p).toMatchObject({ sheet: '事项', row: 4, column: 'J' });
    expect(p.message).toMatch(/start date/);
  });

  it('refuses a file that is not a workbook, naming the field', async () => {
    const res = await t.as(sup, {
      method: 'POST',
      url: '/api/items/import',
      ...multipart('x.xlsx', Buffer.from('hello')),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'import_not_xlsx', field: 'file' });
  });

  it('exports the item list with its filters applied', async () => {
    const res = await t.as(sup, { method: 'GET', url: '/api/items/export.xlsx?kind=indicator' });
    expect(res.statusCode).toBe(200);
    const sheet = (await load(res.rawPayload)).worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean).length - 1;
    const total = (await t.as(sup, { method: 'GET', url: '/api/items?kind=indicator' })).json().total;
    expect(rows).toBe(total);
    expect(String(sheet.getCell('B2').value)).toBe('重点指标');
  });
});
