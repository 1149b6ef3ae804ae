// Admonition talks (谈话提醒) and conduct findings (慢作为、不作为、乱作为) on the demo county (today 2022-04-20): only the
// discipline role reads, writes and exports them — every other role, the audit administrator included, is refused
// and the audit log it reads carries no personal field; a talk deducts from its unit's running index in the month it
// was held; bad input is a 400 naming the field with nothing written; findings carry evidence files.
import ExcelJS from 'exceljs';
import type { MonthResult } from '@benpao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { addUser, expectError, unitId } from './fixtures.ts';
import { multipart, pdf } from './reports-fixtures.ts';

interface TalkJson {
  id: string;
  unitId: string;
  unitName: string;
  personName: string;
  position: string;
  reason: string;
  heldOn: string;
  heldBy: string;
  notes: string | null;
  itemId: string | null;
  itemNumber: string | null;
}
interface FindingJson {
  id: string;
  kind: string;
  measure: string;
  facts: string;
  talkId: string | null;
  files: { id: string; name: string; size: number; mime: string }[];
}

/** Invented, like every person in the demo; distinctive so that a leak anywhere is found by search. */
const PERSON = '测试谈话对象甲';
const POSITION = '街道城建办主任（测试职务）';
const REASON = '王村大桥拓宽工程工期安排不合理、现场管理不到位（测试事由）';
const HELD_BY = '街道纪工委书记（测试谈话人）';
const NOTES = '本人表示接受提醒并立即整改（测试备注）';
const FACTS = '对群众反映的封道绕行问题长期未研究解决（测试认定事实）';
const SECRETS = [PERSON, POSITION, REASON, HELD_BY, NOTES, FACTS];

describe.skipIf(!pgAvailable)(`admonition talks and conduct findings (${dialect})`, () => {
  let t: TestApp;
  let wangsong: string;
  let bridgeId: string;
  const c = {} as Record<
    | 'discipline'
    | 'supervisor'
    | 'leader'
    | 'manager'
    | 'reporter'
    | 'otherManager'
    | 'admin'
    | 'security'
    | 'auditor',
    string
  >;

  const talkBody = (over: Record<string, unknown> = {}) => ({
    unitId: wangsong,
    personName: PERSON,
    position: POSITION,
    reason: REASON,
    heldOn: '2022-04-18',
    heldBy: HELD_BY,
    notes: NOTES,
    itemId: bridgeId,
    ...over,
  });
  const createTalk = async (over: Record<string, unknown> = {}) => {
    const res = await t.as(c.discipline, {
      method: 'POST',
      url: '/api/admonitions/talks',
      payload: talkBody(over),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as TalkJson;
  };
  const talkCount = async () =>
    (await t.database.db.selectFrom('admonition_talks').select('id').execute()).length;
  const auditCount = async () => (await t.database.db.selectFrom('audit_log').select('seq').execute()).length;

  beforeAll(async () => {
    t = await testApp();
    await addUser(t, { username: 'ws_rep', unit: '望松街道', roles: ['unit_reporter'] });
    c.discipline = await t.login('discipline');
    c.supervisor = await t.login('supervisor');
    c.leader = await t.login('leader');
    c.manager = await t.login('wangsong');
    c.reporter = await t.login('ws_rep');
    c.otherManager = await t.login('dadongba');
    c.admin = await t.login('admin');
    c.security = await t.login('security');
    c.auditor = await t.login('auditor');
    wangsong = await unitId(t, '望松街道');
    const bridge = await t.database.db
      .selectFrom('items')
      .select('id')
      .where('title', '=', '王村大桥拓宽改造工程')
      .executeTakeFirstOrThrow();
    bridgeId = bridge.id;
  }, 60_000);
  afterAll(() => t?.close());

  it('lets the discipline role record, read, correct and list a talk', async () => {
    const talk = await createTalk();
    expect(talk).toMatchObject({
      unitId: wangsong,
      unitName: '望松街道',
      personName: PERSON,
      position: POSITION,
      reason: REASON,
      heldOn: '2022-04-18',
      heldBy: HELD_BY,
      notes: NOTES,
      itemId: bridgeId,
    });
    expect(talk.itemNumber).toMatch(/^DB-2022-\d{4}$/);
    const read = await t.as(c.discipline, { method: 'GET', url: `/api/admonitions/talks/${talk.id}` });
    expect(read.json()).toEqual(talk);

    const patched = await t.as(c.discipline, {
      method: 'PATCH',
      url: `/api/admonitions/talks/${talk.id}`,
      payload: { notes: null, position: `${POSITION}（更正）` },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ notes: null, position: `${POSITION}（更正）`, reason: REASON });

    const april = await t.as(c.discipline, { method: 'GET', url: '/api/admonitions/talks?month=2022-04' });
    expect((april.json() as { items: TalkJson[] }).items.map((x) => x.id)).toContain(talk.id);
    const march = await t.as(c.discipline, { method: 'GET', url: '/api/admonitions/talks?month=2022-03' });
    expect((march.json() as { items: TalkJson[] }).items.map((x) => x.id)).not.toContain(talk.id);
    const byItem = await t.as(c.discipline, {
      method: 'GET',
      url: `/api/admonitions/talks?itemId=${bridgeId}`,
    });
    expect((byItem.json() as { total: number }).total).toBeGreaterThan(0);
  });

  it('refuses every other role: lists, records, exports, writes — the unit of the talk included', async () => {
    const talk = await createTalk();
    const finding = await t.as(c.discipline, {
      method: 'POST',
      url: '/api/admonitions/findings',
      payload: {
        unitId: wangsong,
        personName: PERSON,
        position: POSITION,
        kind: 'slow',
        facts: FACTS,
        measure: 'criticism',
        decidedOn: '2022-04-19',
      },
    });
    expect(finding.statusCode, finding.body).toBe(201);
    const findingId = (finding.json() as FindingJson).id;
    const before = { talks: await talkCount(), audit: await auditCount() };
    for (const who of [
      'supervisor',
      'leader',
      'manager',
      'reporter',
      'otherManager',
      'admin',
      'security',
      'auditor',
    ] as const) {
      const calls = [
        { method: 'GET', url: '/api/admonitions/talks' },
        { method: 'GET', url: `/api/admonitions/talks/${talk.id}` },
        { method: 'GET', url: '/api/admonitions/talks/export.xlsx' },
        { method: 'GET', url: '/api/admonitions/findings' },
        { method: 'GET', url: `/api/admonitions/findings/${findingId}` },
        { method: 'POST', url: '/api/admonitions/talks', payload: talkBody() },
        { method: 'PATCH', url: `/api/admonitions/talks/${talk.id}`, payload: { notes: 'x' } },
        { method: 'DELETE', url: `/api/admonitions/talks/${talk.id}` },
      ] as const;
      for (const call of calls) {
        const res = await t.as(c[who], call);
        expectError(res, 403, 'forbidden');
        for (const s of SECRETS) expect(res.body, `${who} ${call.method} ${call.url}`).not.toContain(s);
      }
    }
    expect(await talkCount()).toBe(before.talks);
    expect(await auditCount()).toBe(before.audit);
    // Anonymous: 401.
    expectError(await t.as(null, { method: 'GET', url: '/api/admonitions/talks' }), 401, 'unauthenticated');
  });

  it('keeps personal fields out of the audit log the audit administrator reads', async () => {
    const talk = await createTalk({ heldOn: '2022-04-15' });
    await t.as(c.discipline, {
      method: 'PATCH',
      url: `/api/admonitions/talks/${talk.id}`,
      payload: { reason: `${REASON}（补充）`, heldOn: '2022-04-14' },
    });
    const res = await t.as(c.auditor, {
      method: 'GET',
      url: '/api/audit?entity=admonition_talk&pageSize=100',
    });
    expect(res.statusCode, res.body).toBe(200);
    const entries = (
      res.json() as { items: { action: string; entityId: string | null; before: unknown; after: unknown }[] }
    ).items;
    const mine = entries.filter((e) => e.entityId === talk.id);
    expect(mine.map((e) => e.action).sort()).toEqual(['admonition.talk_create', 'admonition.talk_update']);
    const create = mine.find((e) => e.action === 'admonition.talk_create')!;
    expect(create.after).toEqual({
      unitId: wangsong,
      heldOn: '2022-04-15',
      itemId: bridgeId,
      caseId: null,
      warningId: null,
      redacted: ['personName', 'position', 'reason', 'heldBy', 'notes'],
    });
    const update = mine.find((e) => e.action === 'admonition.talk_update')!;
    expect(update.before).toMatchObject({ heldOn: '2022-04-15' });
    expect(update.after).toMatchObject({ heldOn: '2022-04-14', redacted: ['reason'] });
    // Nowhere in the whole log, whatever the entity.
    const all = await t.database.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute();
    const text = JSON.stringify(all);
    for (const s of SECRETS) expect(text).not.toContain(s);
  });

  it('exports the talks as a workbook for the discipline role, and records the export', async () => {
    await createTalk({ heldOn: '2022-04-12' });
    const res = await t.as(c.discipline, {
      method: 'GET',
      url: '/api/admonitions/talks/export.xlsx?month=2022-04',
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('谈话日期');
    const rows: string[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[0]!.startsWith('2022-04'))).toBe(true);
    expect(rows.some((r) => r[1] === '望松街道' && r[2] === PERSON)).toBe(true);
    const exported = await t.database.db
      .selectFrom('audit_log')
      .select(['after_json'])
      .where('action', '=', 'admonition.talk_export')
      .execute();
    expect(exported.length).toBe(1);
    expect(JSON.parse(exported[0]!.after_json!)).toMatchObject({
      filter: { month: '2022-04' },
      count: rows.length,
    });
  });

  it('refuses bad input with a 400 naming the field and writes nothing', async () => {
    const before = { talks: await talkCount(), audit: await auditCount() };
    const post = (payload: Record<string, unknown>) =>
      t.as(c.discipline, { method: 'POST', url: '/api/admonitions/talks', payload });
    expectError(await post(talkBody({ unitId: 'no-such-unit' })), 400, 'reference_not_found', 'unitId');
    expectError(await post(talkBody({ itemId: 'no-such-item' })), 400, 'reference_not_found', 'itemId');
    expectError(
      await post(talkBody({ warningId: 'no-such-warning' })),
      400,
      'reference_not_found',
      'warningId',
    );
    expectError(await post(talkBody({ caseId: 'no-such-case' })), 400, 'reference_not_found', 'caseId');
    expectError(await post(talkBody({ heldOn: '2022-04-21' })), 400, 'date_after_today', 'heldOn');
    expectError(await post(talkBody({ heldOn: '2022-02-30' })), 400, 'invalid_date', 'heldOn');
    expectError(await post(talkBody({ personName: '   ' })), 400, undefined, 'personName');
    expectError(await post(talkBody({ reason: 'x'.repeat(2001) })), 400, 'too_big_string', 'reason');
    expectError(await post(talkBody({ extra: 1 })), 400, 'unknown_field', 'extra');
    const { heldBy: _omit, ...noHeldBy } = talkBody();
    void _omit;
    expectError(await post(noHeldBy), 400, 'required', 'heldBy');
    expectError(
      await t.as(c.discipline, { method: 'GET', url: '/api/admonitions/talks?month=2022-13' }),
      400,
      undefined,
      'month',
    );
    expectError(
      await t.as(c.discipline, { method: 'GET', url: '/api/admonitions/talks/no-such-talk' }),
      404,
      'not_found',
    );
    expect(await talkCount()).toBe(before.talks);
    expect(await auditCount()).toBe(before.audit);
  });

  it("deducts a talk from its unit's running index in the month it was held", async () => {
    const preview = async (unit: string) => {
      const res = await t.as(c.supervisor, { method: 'GET', url: '/api/index/months/2022-04' });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { result: MonthResult }).result.scores.find((s) => s.unitId === unit)!;
    };
    // 大东坝镇 is scored in April (its pine-wilt work, its card): the talk takes 0.5 off its total.
    const dadongba = await unitId(t, '大东坝镇');
    const before = await preview(dadongba);
    expect(before.total).not.toBeNull();
    const talk = await createTalk({ unitId: dadongba, heldOn: '2022-04-08', itemId: null });
    const after = await preview(dadongba);
    expect(after.deductions.find((d) => d.id === talk.id)).toMatchObject({
      source: 'admonition',
      reason: 'admonition',
      on: '2022-04-08',
      points: 0.5,
    });
    expect(after.deductionPoints).toBeCloseTo(before.deductionPoints + 0.5, 5);
    expect(after.total!).toBeCloseTo(before.total! - 0.5, 1);
    // The index is read by every business role: it cites the talk by id only.
    for (const s of SECRETS) expect(JSON.stringify(after)).not.toContain(s);

    // 望松街道 has nothing due in April (its bridge is finished): not scored, but the deduction is on its record.
    const wsBefore = await preview(wangsong);
    const wsTalk = await createTalk({ heldOn: '2022-04-09' });
    const ws = await preview(wangsong);
    expect(ws.deductions.find((d) => d.id === wsTalk.id)).toMatchObject({
      source: 'admonition',
      points: 0.5,
    });
    expect(ws.deductionPoints).toBeCloseTo(wsBefore.deductionPoints + 0.5, 5);

    // Moved to March, it leaves April (March is published and frozen: its snapshot does not move either).
    const moved = await t.as(c.discipline, {
      method: 'PATCH',
      url: `/api/admonitions/talks/${talk.id}`,
      payload: { heldOn: '2022-03-31' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const back = await preview(dadongba);
    expect(back.deductions.some((d) => d.id === talk.id)).toBe(false);
    expect(back.total).toBe(before.total);
  });

  it('records findings with their measure, a linked talk and evidence files; a cited talk cannot be deleted', async () => {
    const talk = await createTalk({ heldOn: '2022-04-11' });
    const res = await t.as(c.discipline, {
      method: 'POST',
      url: '/api/admonitions/findings',
      payload: {
        unitId: wangsong,
        personName: PERSON,
        position: POSITION,
        kind: 'wrong',
        facts: FACTS,
        measure: 'talk',
        decidedOn: '2022-04-11',
        itemId: bridgeId,
        talkId: talk.id,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const finding = res.json() as FindingJson;
    expect(finding).toMatchObject({ kind: 'wrong', measure: 'talk', talkId: talk.id, files: [] });

    const file = pdf('finding evidence');
    const body = multipart('file', '认定材料.pdf', file);
    const up = await t.as(c.discipline, {
      method: 'POST',
      url: `/api/admonitions/findings/${finding.id}/files`,
      payload: body.payload,
      headers: body.headers,
    });
    expect(up.statusCode, up.body).toBe(201);
    const fileView = up.json() as { id: string; name: string; mime: string; size: number };
    expect(fileView).toMatchObject({ name: '认定材料.pdf', mime: 'application/pdf', size: file.length });
    const denied = await t.as(c.supervisor, {
      method: 'POST',
      url: `/api/admonitions/findings/${finding.id}/files`,
      payload: body.payload,
      headers: body.headers,
    });
    expectError(denied, 403, 'forbidden');

    const dl = await t.as(c.discipline, {
      method: 'GET',
      url: `/api/admonitions/finding-files/${fileView.id}/download`,
    });
    expect(dl.statusCode).toBe(200);
    expect(Buffer.compare(dl.rawPayload, file)).toBe(0);
    expect(dl.headers['content-disposition']).toContain('attachment');
    expectError(
      await t.as(c.manager, { method: 'GET', url: `/api/admonitions/finding-files/${fileView.id}/download` }),
      403,
      'forbidden',
    );

    const read = await t.as(c.discipline, { method: 'GET', url: `/api/admonitions/findings/${finding.id}` });
    expect((read.json() as FindingJson).files.map((f) => f.id)).toEqual([fileView.id]);
    const list = await t.as(c.discipline, {
      method: 'GET',
      url: '/api/admonitions/findings?kind=wrong&month=2022-04',
    });
    expect((list.json() as { items: FindingJson[] }).items.map((f) => f.id)).toContain(finding.id);
    const none = await t.as(c.discipline, { method: 'GET', url: '/api/admonitions/findings?kind=failed' });
    expect((none.json() as { items: FindingJson[] }).items.map((f) => f.id)).not.toContain(finding.id);

    expectError(
      await t.as(c.discipline, { method: 'DELETE', url: `/api/admonitions/talks/${talk.id}` }),
      409,
      'admonition_talk_in_use',
    );
    const unlinked = await t.as(c.discipline, {
      method: 'PATCH',
      url: `/api/admonitions/findings/${finding.id}`,
      payload: { talkId: null, measure: 'admonishment' },
    });
    expect(unlinked.json()).toMatchObject({ talkId: null, measure: 'admonishment', facts: FACTS });
    const del = await t.as(c.discipline, { method: 'DELETE', url: `/api/admonitions/talks/${talk.id}` });
    expect(del.statusCode, del.body).toBe(204);
    expectError(await t.as(c.discipline, { method: 'GET', url: `/api/admonitions/talks/${talk.id}` }), 404);

    const removed = await t.as(c.discipline, {
      method: 'DELETE',
      url: `/api/admonitions/finding-files/${fileView.id}`,
    });
    expect(removed.statusCode, removed.body).toBe(204);
    expectError(
      await t.as(c.discipline, {
        method: 'GET',
        url: `/api/admonitions/finding-files/${fileView.id}/download`,
      }),
      404,
    );

    expectError(
      await t.as(c.discipline, {
        method: 'POST',
        url: '/api/admonitions/findings',
        payload: {
          unitId: wangsong,
          personName: PERSON,
          position: POSITION,
          kind: 'lazy',
          facts: FACTS,
          measure: 'talk',
          decidedOn: '2022-04-11',
        },
      }),
      400,
      'invalid_value',
      'kind',
    );
    // The finding's audit entries name no one either.
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before_json', 'after_json'])
      .where('entity', 'in', ['conduct_finding', 'conduct_finding_file'])
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'admonition.finding_create',
        'admonition.finding_update',
        'admonition.finding_file_upload',
      ]),
    );
    const text = JSON.stringify(audit);
    for (const s of [...SECRETS, '认定材料']) expect(text).not.toContain(s);
  });
});
