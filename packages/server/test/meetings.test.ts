// Monthly meetings (月度例会): the meeting and its commitments, and the pack generated from the month's data —
// JSON, .docx and .xlsx, each opened and read — with the previous meeting's commitments carried forward.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { expectError, regionId, unitId } from './fixtures.ts';

interface Commitment {
  id: string;
  seq: number;
  text: string;
  status: string;
  doneOn: string | null;
  overdue: boolean;
  ownerUnit: { id: string; name: string } | null;
}
interface Meeting {
  id: string;
  month: string;
  title: string;
  heldOn: string | null;
  commitments: Commitment[];
}
interface Pack {
  month: string;
  empty: boolean;
  meeting: { title: string } | null;
  summary: Record<string, number>;
  warningsIssued: { unitName: string; kind: string; explanation: string; issuedOn: string }[];
  warningsCleared: unknown[];
  itemsByStatus: { status: string; count: number }[];
  ranking: { published: boolean; categories: { name: string; ranking: { name: string }[] }[] } | null;
  openCases: { id: string; title: string }[];
  reviews: { id: string; title: string }[];
  carried: { month: string; commitments: Commitment[] } | null;
  commitments: Commitment[];
}

const docText = async (body: Buffer) => {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
};

const sheetText = (sheet: ExcelJS.Worksheet) => {
  const out: string[] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1).map(String).join('|')));
  return out;
};

describe.skipIf(!pgAvailable)(`monthly meetings (${dialect})`, () => {
  let t: TestApp;
  let supervisor: string;
  let leader: string;
  let dadongba: string;
  let region: string;
  let ddb: string;

  const pack = async (month: string, cookie = leader) => {
    const res = await t.as(cookie, { method: 'GET', url: `/api/meetings/${month}/pack` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Pack;
  };

  beforeAll(async () => {
    t = await testApp();
    supervisor = await t.login('supervisor');
    leader = await t.login('leader');
    dadongba = await t.login('dadongba');
    region = await regionId(t);
    // These tests record March's and April's meetings themselves: the demo's own (seeded) ones are set aside.
    await t.database.db.deleteFrom('meeting_commitments').execute();
    await t.database.db.deleteFrom('meetings').execute();
    ddb = await unitId(t, '大东坝镇');
  });
  afterAll(() => t.close());

  it('records the meeting of a month once, and its commitments with owner and deadline', async () => {
    const created = await t.as(supervisor, {
      method: 'POST',
      url: '/api/meetings',
      payload: { month: '2022-03', heldOn: '2022-03-30' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      month: '2022-03',
      title: '2022年3月月度例会',
      heldOn: '2022-03-30',
    });
    expectError(
      await t.as(supervisor, { method: 'POST', url: '/api/meetings', payload: { month: '2022-03' } }),
      409,
      'meeting_exists',
    );
    expectError(
      await t.as(supervisor, {
        method: 'POST',
        url: '/api/meetings',
        payload: { month: '2022-02', heldOn: '2022-05-30' },
      }),
      400,
      'meeting_held_on',
      'heldOn',
    );
    const add = (payload: object) =>
      t.as(supervisor, { method: 'POST', url: '/api/meetings/2022-03/commitments', payload });
    expect(
      (
        await add({
          text: '大东坝镇4月10日前完成疫木清理',
          ownerUnitId: ddb,
          ownerPerson: '张镇长',
          deadline: '2022-04-10',
        })
      ).statusCode,
    ).toBe(201);
    expect((await add({ text: '自然资源局报送帮扶计划', deadline: '2022-04-30' })).statusCode).toBe(201);
    const third = await add({ text: '专班开展一次抽查', deadline: '2022-04-15' });
    const m = third.json() as Meeting;
    expect(m.commitments.map((c) => c.seq)).toEqual([1, 2, 3]);
    expect(m.commitments[0]).toMatchObject({
      ownerUnit: { id: ddb, name: '大东坝镇' },
      status: 'open',
      overdue: true,
    });
    const noUnit = expectError(
      await add({ text: 'x', ownerUnitId: 'no-such-unit', deadline: '2022-04-10' }),
      400,
      'not_found',
    );
    expect(noUnit.field).toBe('ownerUnitId');
    expectError(await add({ text: 'x', deadline: '2022-02-30' }), 400, undefined, 'deadline');

    const patch = (id: string, payload: object) =>
      t.as(supervisor, { method: 'PATCH', url: `/api/meetings/2022-03/commitments/${id}`, payload });
    const done = await patch(m.commitments[0]!.id, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    // Done without a date: the region's today.
    expect((done.json() as Meeting).commitments[0]).toMatchObject({
      status: 'done',
      doneOn: '2022-04-20',
      overdue: false,
    });
    expect((await patch(m.commitments[2]!.id, { status: 'dropped', note: '并入4月例会' })).statusCode).toBe(
      200,
    );
    expectError(
      await patch(m.commitments[1]!.id, { doneOn: '2022-04-01' }),
      400,
      'commitment_done_on',
      'doneOn',
    );
    expectError(await patch('no-such-commitment', { status: 'done' }), 404, 'not_found');

    const read = await t.as(leader, { method: 'GET', url: '/api/meetings/2022-03' });
    expect(read.statusCode).toBe(200);
    expect((read.json() as Meeting).commitments.map((c) => c.status)).toEqual(['done', 'open', 'dropped']);
    expectError(await t.as(leader, { method: 'GET', url: '/api/meetings/2022-01' }), 404, 'not_found');
    const list = (await t.as(leader, { method: 'GET', url: '/api/meetings?year=2022' })).json();
    expect(list.items).toEqual([
      expect.objectContaining({ month: '2022-03', commitments: 3, openCommitments: 1 }),
    ]);
  });

  it("changes a meeting only from the version read: someone else's change is refused, never overwritten", async () => {
    const created = await t.as(supervisor, {
      method: 'POST',
      url: '/api/meetings',
      payload: { month: '2022-11', title: '十一月例会' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().rowVersion).toBe(1);
    const patch = (payload: object) =>
      t.as(supervisor, { method: 'PATCH', url: '/api/meetings/2022-11', payload });

    const renamed = await patch({ title: '十一月项目推进例会', rowVersion: 1 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: '十一月项目推进例会', rowVersion: 2 });
    // A second writer who read version 1 is refused, and the first writer's title stays.
    expect(
      expectError(await patch({ notes: '旧版本上的修改', rowVersion: 1 }), 409, 'stale_version').field,
    ).toBe('rowVersion');
    expectError(await patch({ title: '没有版本' }), 400, undefined, 'rowVersion');
    const read = (await t.as(leader, { method: 'GET', url: '/api/meetings/2022-11' })).json();
    expect(read).toMatchObject({ title: '十一月项目推进例会', notes: null, rowVersion: 2 });
    // The pack carries the version the page sends back.
    const pack = (await t.as(supervisor, { method: 'GET', url: '/api/meetings/2022-11/pack' })).json();
    expect(pack.meeting.rowVersion).toBe(2);

    // Two writers at once from the same version: one wins, the other gets 409.
    const both = await Promise.all([
      patch({ notes: '甲', rowVersion: 2 }),
      patch({ notes: '乙', rowVersion: 2 }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = (await t.as(leader, { method: 'GET', url: '/api/meetings/2022-11' })).json();
    expect(after.rowVersion).toBe(3);
    expect(after.notes).toBe(both[0]!.statusCode === 200 ? '甲' : '乙');
  });

  it('packs the month: warnings issued, items by status, the ranking, open cases, reviews, carried commitments', async () => {
    // A verification case received in April and a review put on April's meeting.
    const c = await t.as(supervisor, {
      method: 'POST',
      url: '/api/cases',
      payload: {
        source: 'spot_check',
        title: '例会测试核查件',
        subject: { unitId: ddb },
        description: '例会测试',
        receivedOn: '2022-04-08',
      },
    });
    expect(c.statusCode, c.body).toBe(201);
    const item = await t.database.db
      .selectFrom('items')
      .select(['id', 'number'])
      .where('region_id', '=', region)
      .where('status', '=', 'in_progress')
      .orderBy('number')
      .executeTakeFirstOrThrow();
    const r = await t.as(supervisor, {
      method: 'POST',
      url: '/api/reviews',
      payload: { itemId: item.id, title: '例会测试复盘', meetingMonth: '2022-04' },
    });
    expect(r.statusCode, r.body).toBe(201);
    await t.as(supervisor, {
      method: 'POST',
      url: '/api/meetings',
      payload: { month: '2022-04', title: '四月例会' },
    });
    await t.as(supervisor, {
      method: 'POST',
      url: '/api/meetings/2022-04/commitments',
      payload: { text: '五月底前完成复盘整改', deadline: '2022-05-31' },
    });

    const p = await pack('2022-04');
    expect(p.empty).toBe(false);
    expect(p.meeting).toMatchObject({ title: '四月例会' });
    const issued = await t.database.db
      .selectFrom('warnings')
      .select(['kind'])
      .where('region_id', '=', region)
      .where('issued_on', '>=', '2022-04-01')
      .where('issued_on', '<=', '2022-04-30')
      .where('state', '!=', 'revoked')
      .execute();
    expect(p.warningsIssued).toHaveLength(issued.length);
    expect(p.summary.cardsIssued).toBe(issued.filter((w) => w.kind === 'card').length);
    expect(p.summary.cardsIssued).toBeGreaterThanOrEqual(2);
    expect(p.warningsIssued.filter((w) => w.kind === 'card').map((w) => w.unitName)).toEqual(
      expect.arrayContaining(['大东坝镇', '新兴镇']),
    );
    expect(p.warningsIssued.every((w) => w.explanation.length > 0)).toBe(true);
    expect(p.itemsByStatus.find((s) => s.status === 'in_progress')!.count).toBeGreaterThan(0);
    expect(p.summary.items).toBe(p.itemsByStatus.reduce((n, s) => n + s.count, 0));
    expect(p.ranking).not.toBeNull();
    expect(p.ranking!.published).toBe(false);
    expect(p.ranking!.categories.flatMap((cat) => cat.ranking.map((e) => e.name))).toContain('大东坝镇');
    expect(p.openCases.map((x) => x.title)).toContain('例会测试核查件');
    // The demo's own Wangcun Bridge review is on April's agenda too.
    expect(p.reviews.map((x) => x.title).sort()).toEqual(
      ['例会测试复盘', '王村大桥拓宽改造工程复盘分析'].sort(),
    );
    expect(p.carried!.month).toBe('2022-03');
    expect(p.carried!.commitments.map((x) => [x.text, x.status])).toEqual([
      ['大东坝镇4月10日前完成疫木清理', 'done'],
      ['自然资源局报送帮扶计划', 'open'],
      ['专班开展一次抽查', 'dropped'],
    ]);
    expect(p.summary.commitmentsCarriedOpen).toBe(1);
    expect(p.commitments.map((x) => x.text)).toEqual(['五月底前完成复盘整改']);

    // March: published ranking, the case not yet received, no review; no earlier meeting to carry.
    const march = await pack('2022-03');
    expect(march.ranking!.published).toBe(true);
    expect(march.openCases.map((x) => x.title)).not.toContain('例会测试核查件');
    expect(march.reviews).toEqual([]);
    expect(march.carried).toBeNull();
    expect(march.commitments).toHaveLength(3);
  });

  it('writes the pack as a .docx and an .xlsx with the month’s content', async () => {
    const p = await pack('2022-04');
    const reason = p.warningsIssued[0]!.explanation;
    const docx = await t.as(leader, { method: 'GET', url: '/api/meetings/2022-04/pack.docx' });
    expect(docx.statusCode, docx.body.slice(0, 200)).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = await docText(docx.rawPayload);
    expect(text).toContain('2022年4月月度例会材料');
    expect(text).toContain('松阳县执行力建设专班');
    expect(text).toContain('本月亮灯亮牌');
    expect(text).toContain(reason);
    expect(text).toContain('例会测试核查件');
    expect(text).toContain('例会测试复盘');
    expect(text).toContain('自然资源局报送帮扶计划');

    const xlsx = await t.as(leader, { method: 'GET', url: '/api/meetings/2022-04/pack.xlsx' });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets.map((s) => s.name);
    expect(names[0]).toBe('封面');
    const sheet = (prefix: string) => wb.worksheets.find((s) => s.name.includes(prefix))!;
    expect(
      sheetText(sheet('本月亮灯亮牌')).some(
        (row) => row.includes(p.warningsIssued[0]!.unitName) && row.includes(reason),
      ),
    ).toBe(true);
    expect(sheetText(sheet('总体情况'))).toContain(`亮牌|${p.summary.cardsIssued}`);
    expect(
      sheetText(sheet('上次例会议定事项')).some(
        (row) => row.includes('自然资源局报送帮扶计划|') && row.includes('推进中'),
      ),
    ).toBe(true);
    expect(sheetText(sheet('奔跑指数排名')).length).toBeGreaterThan(1);
    // English when asked.
    const en = await t.as(leader, {
      method: 'GET',
      url: '/api/meetings/2022-04/pack.xlsx',
      headers: { 'accept-language': 'en-US' },
    });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets[0]!.name).toBe('Cover');
  });

  it('gives an empty pack that says so for a month with no data', async () => {
    const p = await pack('2021-06');
    expect(p.empty).toBe(true);
    expect(p.warningsIssued).toEqual([]);
    expect(p.itemsByStatus).toEqual([]);
    expect(p.ranking).toBeNull();
    expect(p.openCases).toEqual([]);
    expect(p.carried).toBeNull();
    expect(Object.values(p.summary).every((n) => n === 0)).toBe(true);
    const docx = await t.as(leader, { method: 'GET', url: '/api/meetings/2021-06/pack.docx' });
    expect(docx.statusCode).toBe(200);
    expect(await docText(docx.rawPayload)).toContain('本月无督查数据，例会材料为空。');
    const xlsx = await t.as(leader, { method: 'GET', url: '/api/meetings/2021-06/pack.xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(sheetText(wb.worksheets[0]!)).toContain('本月无督查数据，例会材料为空。');
    // A bad month is a 400.
    expectError(
      await t.as(leader, { method: 'GET', url: '/api/meetings/2022-13/pack' }),
      400,
      undefined,
      'month',
    );
  });

  it('keeps the pack to county roles and the records to the task force', async () => {
    expectError(await t.as(dadongba, { method: 'GET', url: '/api/meetings/2022-04/pack' }), 403, 'forbidden');
    expectError(
      await t.as(leader, { method: 'POST', url: '/api/meetings', payload: { month: '2022-05' } }),
      403,
      'forbidden',
    );
  });
});
