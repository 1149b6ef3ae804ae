// The warning engine end to end over HTTP, on the demo county (松阳县 (demo), today 2022-04-20): the article's
// lights and cards derived from the facts, as-of replay from the recorded history, the lifecycle (rectification,
// re-check, appeal, consequences, manual warnings), incremental re-evaluation after writes, rule sets (validate,
// preview, save, activate), the daily catch-up, and idempotence.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_PROBLEM_CODES } from '@benpao/domain';
import { messages } from '../src/i18n/messages.ts';
import { runScheduledWarnings } from '../src/jobs/scheduler.ts';
import { evaluateRegion } from '../src/modules/warnings/engine.ts';
import { DEMO_2022 } from '../src/seed/demo-2022.ts';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { expectError, HAN, regionId, unitId } from './fixtures.ts';
import { multipart, pdf, png } from './reports-fixtures.ts';
import { ok } from './todo-fixtures.ts';

interface Warning {
  id: string;
  kind: 'light' | 'card';
  origin: 'rule' | 'manual';
  colour: 'yellow' | 'red';
  issuedColour: 'yellow' | 'red';
  state: string;
  ruleId: string | null;
  ruleVersion: number | null;
  itemId: string | null;
  itemNumber: string | null;
  itemTitle: string | null;
  unitId: string;
  unitName: string;
  issuedOn: string;
  since: string;
  rectifyBy: string;
  inputs: Record<string, unknown>;
  thresholds: Record<string, unknown>;
  explanation: { 'zh-CN': string; 'en-US': string };
  appealState: string | null;
  actions: string[];
}
interface Detail extends Warning {
  events: {
    files: { id: string }[];
    type: string;
    onDate: string;
    colour: string;
    state: string;
    ruleId: string | null;
    text: string | null;
  }[];
}
interface List {
  items: Warning[];
  total: number;
  asOf: string;
}

describe('rule-set problem messages', () => {
  it.each(RULE_PROBLEM_CODES)('words %s in both languages, naming the field', (code) => {
    const entry = (messages as Record<string, { 'zh-CN': string; 'en-US': string }>)[`rule_problem.${code}`];
    expect(entry, code).toBeDefined();
    expect(entry!['zh-CN']).toContain('{field}');
    expect(entry!['en-US']).toContain('{field}');
  });
});

describe.skipIf(!pgAvailable)(`warning engine over HTTP (${dialect})`, () => {
  let t: TestApp;
  const c = {} as Record<
    'supervisor' | 'leader' | 'dadongba' | 'xinxing' | 'zrzy' | 'zrzy_tb' | 'admin' | 'auditor',
    string
  >;

  const list = async (who: string, query = '') =>
    ok<List>(await t.as(who, { method: 'GET', url: `/api/warnings?pageSize=500${query}` }));
  const detail = async (who: string, id: string) =>
    ok<Detail>(await t.as(who, { method: 'GET', url: `/api/warnings/${id}` }));
  const post = (who: string, url: string, payload?: Record<string, unknown>) =>
    t.as(who, { method: 'POST', url, ...(payload !== undefined && { payload }) });
  const itemIdByTitle = async (title: string) =>
    (
      await t.database.db
        .selectFrom('items')
        .select('id')
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await testApp();
    for (const u of [
      'supervisor',
      'leader',
      'dadongba',
      'xinxing',
      'zrzy',
      'zrzy_tb',
      'admin',
      'auditor',
    ] as const)
      c[u] = await t.login(u);
  });
  afterAll(() => t.close());

  it("lights the article's warnings from the demo's facts: a yellow card each for 大东坝镇 and 新兴镇, a yellow light on the bureau's assistance", async () => {
    const open = await list(c.supervisor, '&state=open');
    expect(open.asOf).toBe('2022-04-20');
    const cards = open.items.filter((w) => w.kind === 'card');
    for (const town of ['大东坝镇', '新兴镇']) {
      const own = cards.filter((w) => w.unitName === town);
      expect(
        own.map((w) => [w.colour, w.ruleId]),
        town,
      ).toEqual([['yellow', 'yellow-card-lights']]);
      expect(own[0]!.issuedOn.slice(0, 7)).toBe('2022-04');
      // Two yellow lights on the town's pine-wilt work in April are the reason.
      const lights = open.items.filter((w) => w.kind === 'light' && w.unitName === town);
      expect(lights.length, town).toBeGreaterThanOrEqual(2);
      expect(lights.every((w) => w.colour === 'yellow')).toBe(true);
      expect(own[0]!.explanation['zh-CN']).toMatch(HAN);
      expect(own[0]!.explanation['en-US']).not.toMatch(HAN);
    }
    expect(cards.filter((w) => w.colour === 'red')).toEqual([]);
    const assistance = await itemIdByTitle(DEMO_2022.zrzyAssistance);
    const zrzy = open.items.filter((w) => w.itemId === assistance);
    expect(zrzy.map((w) => [w.kind, w.colour])).toEqual([['light', 'yellow']]);
    expect(zrzy[0]!.unitName).toBe('县自然资源和规划局');
    expect(cards.filter((w) => w.unitName === '县自然资源和规划局')).toEqual([]);
    // Nothing was inserted by the seed: every warning is the engine's, with the rule version that produced it.
    const all = await list(c.supervisor);
    expect(all.items.every((w) => w.origin === 'rule' && w.ruleVersion === 1)).toBe(true);
  });

  it('explains every warning with its rule, inputs and thresholds, in both languages', async () => {
    const open = await list(c.supervisor, '&state=open&kind=light');
    for (const w of open.items) {
      expect(w.ruleId).toBeTruthy();
      expect(Object.keys(w.inputs).length, w.ruleId!).toBeGreaterThan(0);
      expect(w.explanation['zh-CN']).toMatch(HAN);
      expect(w.explanation['en-US']).toMatch(/[a-z]/);
      const d = await detail(c.zrzy, w.id);
      expect(d.events[0]).toMatchObject({ type: 'issued', onDate: w.issuedOn, ruleId: w.ruleId });
    }
  });

  it('replays what was lit on a past day from the recorded history', async () => {
    const march = await list(c.supervisor, '&asOf=2022-03-15');
    expect(march.asOf).toBe('2022-03-15');
    expect(march.items.filter((w) => w.kind === 'card')).toEqual([]);
    expect(march.items.every((w) => w.issuedOn <= '2022-03-15')).toBe(true);
    // As of today, the replay equals the live list of open warnings.
    const replay = await list(c.supervisor, '&asOf=2022-04-20');
    const live = await list(c.supervisor, '&state=open');
    expect(replay.items.map((w) => [w.id, w.colour]).sort()).toEqual(
      live.items.map((w) => [w.id, w.colour]).sort(),
    );
  });

  it('shows the board: open counts by colour and unit, issued per month', async () => {
    const s = ok<{
      open: { light: { yellow: number; red: number }; card: { yellow: number; red: number } };
      byUnit: { unitName: string; cards: { yellow: number } }[];
      byMonth: { month: string }[];
    }>(await t.as(c.leader, { method: 'GET', url: '/api/warnings/summary' }));
    expect(s.open.card.yellow).toBeGreaterThanOrEqual(2);
    expect(
      s.byUnit
        .slice(0, 2)
        .map((u) => u.unitName)
        .sort(),
    ).toEqual(['大东坝镇', '新兴镇']);
    expect(s.byMonth.map((m) => m.month)).toEqual(['2022-01', '2022-02', '2022-03', '2022-04']);
  });

  it('evaluates twice without changing anything', async () => {
    const first = ok<Record<string, number>>(await post(c.supervisor, '/api/warnings/evaluate'));
    const second = ok<Record<string, number>>(await post(c.supervisor, '/api/warnings/evaluate'));
    expect(second).toEqual({
      asOf: '2022-04-20',
      issued: 0,
      escalated: 0,
      fellBack: 0,
      cleared: 0,
      refreshed: 0,
      days: 1,
    });
    expect(first.issued).toBe(0);
  });

  it('walks a card through rectification, a failed re-check, a second rectification and a passed re-check (摘牌)', async () => {
    const [card] = (await list(c.dadongba, '&state=open&kind=card')).items.filter(
      (w) => w.unitName === '大东坝镇',
    );
    expect(card!.actions).toEqual(expect.arrayContaining(['rectify', 'appeal']));
    // Another unit may read it but not act on it.
    expect((await detail(c.xinxing, card!.id)).actions).toEqual([]);
    expectError(
      await post(c.xinxing, `/api/warnings/${card!.id}/rectification`, { text: '越权整改' }),
      403,
      'forbidden',
    );
    expectError(await post(c.dadongba, `/api/warnings/${card!.id}/rectification`, { text: ' ' }), 400);
    let d = ok<Detail>(
      await post(c.dadongba, `/api/warnings/${card!.id}/rectification`, {
        text: '增派除治队2支，镇领导包片督战（测试）',
      }),
    );
    expect(d.state).toBe('rectifying');
    expectError(await post(c.dadongba, `/api/warnings/${card!.id}/rectification`, { text: '再报' }), 409);
    d = ok<Detail>(
      await post(c.supervisor, `/api/warnings/${card!.id}/recheck`, {
        passed: false,
        note: '伐桩质量仍不合格',
      }),
    );
    expect(d.state).toBe('active');
    ok(await post(c.dadongba, `/api/warnings/${card!.id}/rectification`, { text: '伐桩全部返工（测试）' }));
    d = ok<Detail>(
      await post(c.supervisor, `/api/warnings/${card!.id}/recheck`, { passed: true, note: '复查合格，摘牌' }),
    );
    expect(d.state).toBe('cleared');
    expect(d.events.map((e) => e.type)).toEqual([
      'issued',
      'rectification_submitted',
      'recheck_failed',
      'rectification_submitted',
      'cleared',
    ]);
    expectError(
      await post(c.supervisor, `/api/warnings/${card!.id}/recheck`, { passed: true, note: 'x' }),
      409,
    );
    // Counted warnings stay cleared: the engine does not issue the same episode again.
    ok(await post(c.supervisor, '/api/warnings/evaluate'));
    const again = (await list(c.supervisor, '&state=open&kind=card')).items.filter(
      (w) => w.unitName === '大东坝镇',
    );
    expect(again).toEqual([]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', card!.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'warning.issue',
      'warning.rectify',
      'warning.recheck_failed',
      'warning.rectify',
      'warning.clear',
    ]);
  });

  it('takes rectification evidence: uploaded by the warned unit, cited by the rectification, readable by all', async () => {
    const [light] = (await list(c.xinxing, '&state=open&kind=light')).items.filter(
      (w) => w.unitName === '新兴镇' && w.ruleId === 'progress-lag',
    );
    const upload = (who: string, file: Buffer, name: string) => {
      const body = multipart('file', name, file);
      return t.as(who, {
        method: 'POST',
        url: `/api/warnings/${light!.id}/files`,
        payload: body.payload,
        headers: body.headers,
      });
    };
    expectError(await upload(c.dadongba, png(), 'x.png'), 403);
    expectError(await upload(c.xinxing, Buffer.from('#!/bin/sh\necho hi\n'), 'run.sh'), 415);
    const photo = ok<{ id: string; mime: string }>(await upload(c.xinxing, png(), '现场照片.png'), 201);
    expect(photo.mime).toBe('image/png');
    const plan = ok<{ id: string }>(await upload(c.xinxing, pdf('整改方案'), '整改方案.pdf'), 201);
    expectError(
      await post(c.xinxing, `/api/warnings/${light!.id}/rectification`, {
        text: '整改',
        fileIds: ['no-such-file'],
      }),
      400,
      'not_found',
    );
    const d = ok<Detail & { events: { files: { id: string }[] }[] }>(
      await post(c.xinxing, `/api/warnings/${light!.id}/rectification`, {
        text: '新增外聘除治队2支（测试）',
        fileIds: [photo.id, plan.id],
      }),
    );
    expect(
      d.events
        .at(-1)!
        .files.map((f) => f.id)
        .sort(),
    ).toEqual([photo.id, plan.id].sort());
    // Cited once: a file cannot be attached to a second event.
    ok(await post(c.supervisor, `/api/warnings/${light!.id}/recheck`, { passed: false, note: '未见成效' }));
    expectError(
      await post(c.xinxing, `/api/warnings/${light!.id}/rectification`, {
        text: '再报',
        fileIds: [photo.id],
      }),
      409,
      'file_already_attached',
    );
    const dl = await t.as(c.dadongba, { method: 'GET', url: `/api/warning-files/${photo.id}/download` });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.rawPayload.equals(png())).toBe(true);
    expectError(await t.as(c.admin, { method: 'GET', url: `/api/warning-files/${photo.id}/download` }), 403);
  });

  it("plans a card's rectification timetable back from its deadline; a late step lights up until it is done", async () => {
    const [card] = (await list(c.xinxing, '&state=open&kind=card')).items.filter(
      (w) => w.unitName === '新兴镇',
    );
    const [light] = (await list(c.xinxing, '&state=open&kind=light')).items.filter(
      (w) => w.unitName === '新兴镇',
    );
    const plan = (who: string, id: string, steps: unknown) =>
      t.as(who, { method: 'PUT', url: `/api/warnings/${id}/timetable`, payload: { steps } });
    expectError(
      await plan(c.xinxing, light!.id, [{ title: '步骤', workingDaysBefore: 1 }]),
      409,
      'timetable_cards_only',
    );
    expectError(await plan(c.dadongba, card!.id, [{ title: '步骤', workingDaysBefore: 1 }]), 403);
    expect(
      expectError(await plan(c.xinxing, card!.id, [{ title: '步骤', workingDaysBefore: -1 }]), 400).field,
    ).toBe('steps.0.workingDaysBefore');
    const d = ok<
      Detail & {
        rectifyBy: string;
        timetable: { id: string; title: string; dueDate: string; late: boolean }[];
      }
    >(
      await plan(c.xinxing, card!.id, [
        { title: '通过县林业局验收', workingDaysBefore: 0 },
        { title: '完成剩余疫木除治', workingDaysBefore: 5 },
        { title: '新增外聘除治队2支到位', workingDaysBefore: 15 },
      ]),
    );
    expect(d.timetable.map((s) => s.title)).toEqual([
      '新增外聘除治队2支到位',
      '完成剩余疫木除治',
      '通过县林业局验收',
    ]);
    expect(d.timetable.at(-1)!.dueDate).toBe(d.rectifyBy);
    const late = d.timetable.filter((s) => s.late);
    expect(late.map((s) => s.title)).toEqual(['新增外聘除治队2支到位']);
    const stepLights = async () =>
      (await list(c.supervisor, `&unitId=${card!.unitId}&kind=light`)).items.filter(
        (w) => w.ruleId === 'timetable-step-overdue',
      );
    const lit = await stepLights();
    expect(lit.map((w) => [w.colour, w.state, w.itemId])).toEqual([['yellow', 'active', null]]);
    expect(lit[0]!.explanation['zh-CN']).toContain('新增外聘除治队2支到位');
    ok(
      await post(c.xinxing, `/api/warnings/${card!.id}/timetable/${late[0]!.id}/done`, {
        note: '外聘除治队2支已进场（测试）',
      }),
    );
    expect((await stepLights()).map((w) => w.state)).toEqual(['cleared']);
    expectError(
      await post(c.xinxing, `/api/warnings/${card!.id}/timetable/${late[0]!.id}/done`, { note: '再次' }),
      409,
      'step_already_done',
    );
  });

  it('takes an appeal once, and revokes the warning when it is upheld', async () => {
    const assistance = await itemIdByTitle(DEMO_2022.zrzyAssistance);
    const [light] = (await list(c.zrzy, `&itemId=${assistance}&state=open`)).items;
    expectError(await post(c.zrzy_tb, `/api/warnings/${light!.id}/appeal`, { reason: '科员不能申诉' }), 403);
    let d = ok<Detail>(
      await post(c.zrzy, `/api/warnings/${light!.id}/appeal`, {
        reason: '补充耕地指标由市级统筹，非本单位原因（测试）',
      }),
    );
    expect(d.appealState).toBe('pending');
    expectError(
      await post(c.zrzy, `/api/warnings/${light!.id}/appeal`, { reason: '再次申诉' }),
      409,
      'appeal_exists',
    );
    expectError(
      await post(c.zrzy, `/api/warnings/${light!.id}/appeal/decision`, { upheld: true, reason: 'x' }),
      403,
    );
    d = ok<Detail>(
      await post(c.supervisor, `/api/warnings/${light!.id}/appeal/decision`, {
        upheld: true,
        reason: '经核实属实，撤销亮灯（测试）',
      }),
    );
    expect(d).toMatchObject({ state: 'revoked', appealState: 'upheld' });
    expectError(
      await post(c.supervisor, `/api/warnings/${light!.id}/appeal/decision`, { upheld: false, reason: 'x' }),
      409,
      'no_pending_appeal',
    );
    // A revoked warning is not issued again for the same episode.
    ok(await post(c.supervisor, '/api/warnings/evaluate'));
    expect((await list(c.zrzy, `&itemId=${assistance}&state=open`)).items).toEqual([]);
  });

  it('issues a manual light from a spot check and tells the unit and the leader in charge', async () => {
    const bridge = await itemIdByTitle(DEMO_2022.pineWilt[1]!);
    expectError(
      await post(c.supervisor, '/api/warnings', { kind: 'light', colour: 'red', reason: '抽查' }),
      400,
    );
    const missing = await post(c.supervisor, '/api/warnings', {
      kind: 'light',
      colour: 'red',
      itemId: 'no-such-item',
      reason: '抽查',
    });
    expect(expectError(missing, 400, 'not_found').field).toBe('itemId');
    expectError(
      await post(c.leader, '/api/warnings', { kind: 'light', colour: 'red', itemId: bridge, reason: '抽查' }),
      403,
    );
    const before = await t.database.db.selectFrom('notifications').select('id').execute();
    // The county's DingTalk group robot hears of it too (queued; the delivery worker sends it).
    ok(
      await post(c.admin, '/api/webhooks', {
        name: '督查群机器人（测试）',
        format: 'dingtalk',
        url: 'http://127.0.0.1:9/robot/send?access_token=test',
        events: ['warning.issued', 'warning.cleared'],
      }),
      201,
    );
    const res = await post(c.supervisor, '/api/warnings', {
      kind: 'light',
      colour: 'red',
      itemId: bridge,
      reason: '抽查发现伐桩未处理点位5处（测试）',
    });
    const w = ok<Detail>(res, 201);
    expect(w).toMatchObject({ origin: 'manual', colour: 'red', state: 'active', unitName: '新兴镇' });
    expect(w.explanation['zh-CN']).toContain('抽查发现伐桩未处理点位5处');
    const notes = await t.database.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.username', 'notifications.kind'])
      .where('notifications.id', 'not in', before.length ? before.map((b) => b.id) : ['-'])
      .execute();
    const told = notes.filter((n) => n.kind === 'warning_issued').map((n) => n.username);
    expect(told).toEqual(expect.arrayContaining(['xinxing', 'xinxing_tb', 'leader3']));
    const queued = await t.database.db
      .selectFrom('webhook_deliveries')
      .select(['event_type', 'payload_json', 'status'])
      .execute();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ event_type: 'warning.issued', status: 'pending' });
    expect(queued[0]!.payload_json).toContain('新兴镇');
    expect(queued[0]!.payload_json).toContain('红灯');
  });

  it('re-evaluates the items a write changes at once: an overdue milestone lights up, and goes out when reached', async () => {
    const unit = await unitId(t, '大东坝镇');
    const created = ok<{ id: string; milestones: { id: string }[] }>(
      await post(c.supervisor, '/api/items', {
        kind: 'work',
        title: '测试：节点逾期亮灯（虚构）',
        basisType: 'meeting',
        leadUnitId: unit,
        startDate: '2022-03-01',
        dueDate: '2022-12-31',
        frequency: 'monthly',
        milestones: [
          { title: '完成方案', plannedDate: '2022-04-08', weight: 10 },
          { title: '全部完成', plannedDate: '2022-12-31', weight: 90 },
        ],
      }),
      201,
    );
    // A draft is not lit; assignment makes it count.
    expect((await list(c.supervisor, `&itemId=${created.id}`)).items).toEqual([]);
    ok(await post(c.supervisor, `/api/items/${created.id}/transitions`, { action: 'assign' }));
    const lit = (await list(c.supervisor, `&itemId=${created.id}&state=open`)).items;
    expect(lit.map((w) => [w.ruleId, w.colour])).toEqual([['milestone-overdue', 'yellow']]);
    expect(lit[0]!.explanation['en-US']).toContain('12');
    ok(await post(c.dadongba, `/api/items/${created.id}/transitions`, { action: 'accept' }));
    const report = ok<{ id: string; rowVersion: number }>(
      await post(c.dadongba, `/api/items/${created.id}/reports`, {
        periodKey: '2022-03',
        progress: 10,
        milestonesReached: [{ milestoneId: created.milestones[0]!.id, doneDate: '2022-04-12' }],
        workProgress: '方案已完成（测试）',
      }),
      201,
    );
    const submitted = ok<{ rowVersion: number }>(
      await post(c.dadongba, `/api/reports/${report.id}/submit`, { rowVersion: report.rowVersion }),
    );
    ok(await post(c.supervisor, `/api/reports/${report.id}/accept`, { rowVersion: submitted.rowVersion }));
    const after = (await list(c.supervisor, `&itemId=${created.id}`)).items;
    expect(after.map((w) => [w.ruleId, w.state])).toEqual([['milestone-overdue', 'cleared']]);
    const events = (await detail(c.supervisor, after[0]!.id)).events.map((e) => e.type);
    expect(events).toEqual(['issued', 'cleared']);
  });

  it('leaves the previous warnings intact when an evaluation fails midway, and completes on the next run', async () => {
    const unit = await unitId(t, '新兴镇');
    const created = ok<{ id: string }>(
      await post(c.supervisor, '/api/items', {
        kind: 'work',
        title: '测试：评估中途失败（虚构）',
        basisType: 'meeting',
        leadUnitId: unit,
        startDate: '2022-03-01',
        dueDate: '2022-12-31',
        frequency: 'quarterly',
        milestones: [
          { title: '节点一', plannedDate: '2022-04-06', weight: 10 },
          { title: '节点二', plannedDate: '2022-04-07', weight: 10 },
          { title: '全部完成', plannedDate: '2022-12-31', weight: 80 },
        ],
      }),
      201,
    );
    // The second of the item's two lights fails to insert, after the first one was written in the same transaction.
    const prefix = `milestone-overdue|${created.id}|%`;
    const db = t.database.db;
    if (dialect === 'postgres') {
      await sql
        .raw(
          `create function fail_second_light() returns trigger as $$ begin
             if new.key like '${prefix}' and exists (select 1 from warnings where key like '${prefix}') then
               raise exception 'injected failure';
             end if;
             return new;
           end $$ language plpgsql`,
        )
        .execute(db);
      await sql
        .raw(
          'create trigger fail_second_light before insert on warnings for each row execute function fail_second_light()',
        )
        .execute(db);
    } else {
      await sql
        .raw(
          `create trigger fail_second_light before insert on warnings
           when new.key like '${prefix}' and exists (select 1 from warnings where key like '${prefix}')
           begin select raise(abort, 'injected failure'); end`,
        )
        .execute(db);
    }
    const before = await list(c.supervisor);
    // The write itself stands; its re-evaluation failed and left nothing half-written.
    ok(await post(c.supervisor, `/api/items/${created.id}/transitions`, { action: 'assign' }));
    expect((await list(c.supervisor, `&itemId=${created.id}`)).items).toEqual([]);
    expect((await list(c.supervisor)).total).toBe(before.total);
    await sql
      .raw('drop trigger fail_second_light' + (dialect === 'postgres' ? ' on warnings' : ''))
      .execute(db);
    if (dialect === 'postgres') await sql.raw('drop function fail_second_light()').execute(db);
    ok(await post(c.supervisor, '/api/warnings/evaluate'));
    const lit = (await list(c.supervisor, `&itemId=${created.id}`)).items;
    expect(lit.map((w) => w.ruleId)).toEqual(['milestone-overdue', 'milestone-overdue']);
  });

  it('validates a rule set naming the rule and field, previews a change, saves it and activates it (audited)', async () => {
    const sets = ok<{
      items: { id: string; version: number; status: string; rules: Record<string, unknown>[] }[];
    }>(await t.as(c.leader, { method: 'GET', url: '/api/rule-sets' }));
    const active = sets.items.find((s) => s.status === 'active')!;
    expect(active.version).toBe(1);
    const bad = active.rules.map((r) =>
      r.id === 'progress-lag' ? { ...r, thresholds: { yellow: 40, red: 30 } } : r,
    );
    bad.push({
      id: 'mystery',
      condition: 'moon_phase',
      enabled: true,
      thresholds: { yellow: 1 },
      rectifyWorkingDays: 5,
      params: {},
    });
    const v = ok<{
      ok: boolean;
      problems: { ruleIndex: number; ruleId: string; field: string; code: string; message: string }[];
    }>(
      await t.as(c.supervisor, {
        method: 'POST',
        url: '/api/rule-sets/validate',
        payload: { rules: bad },
        headers: { 'accept-language': 'en-US' },
      }),
    );
    expect(v.ok).toBe(false);
    const lag = v.problems.find((p) => p.ruleId === 'progress-lag')!;
    expect(lag.field).toMatch(/^rules\.\d+\.thresholds/);
    expect(lag.message).not.toMatch(HAN);
    expect(v.problems.find((p) => p.ruleId === 'mystery')!.code).toBe('unknown_condition');
    const refused = await post(c.supervisor, '/api/rule-sets', { rules: bad });
    expect(expectError(refused, 400, 'rule_set_invalid').field).toMatch(/^rules\.\d+\./);

    const lower = active.rules.map((r) =>
      r.id === 'progress-lag' ? { ...r, thresholds: { yellow: 5, red: 30 } } : r,
    );
    const preview = ok<{ ok: boolean; appear: { ruleId: string; explanation: Record<string, string> }[] }>(
      await post(c.supervisor, '/api/rule-sets/preview', { rules: lower }),
    );
    expect(preview.ok).toBe(true);
    expect(preview.appear.some((f) => f.ruleId === 'progress-lag')).toBe(true);
    const draft = ok<{ id: string; version: number; status: string }>(
      await post(c.supervisor, '/api/rule-sets', { rules: lower, note: '测试：进度滞后黄灯阈值降为5' }),
      201,
    );
    expect(draft).toMatchObject({ version: 2, status: 'draft' });
    const activated = ok<{ ruleSet: { status: string }; evaluation: { issued: number } }>(
      await post(c.supervisor, `/api/rule-sets/${draft.id}/activate`),
    );
    expect(activated.ruleSet.status).toBe('active');
    expect(activated.evaluation.issued).toBeGreaterThan(0);
    expectError(await post(c.supervisor, `/api/rule-sets/${draft.id}/activate`), 409, 'rule_set_not_draft');
    const fresh = (await list(c.supervisor, '&state=open')).items.filter((w) => w.ruleVersion === 2);
    expect(fresh.length).toBeGreaterThan(0);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_id', '=', draft.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['ruleset.save_draft', 'ruleset.activate']);
  });

  it('catches up the days a stopped process missed, one day at a time', async () => {
    const region = await regionId(t);
    await t.database.db
      .updateTable('warning_engine_state')
      .set({ evaluated_through: '2022-04-10' })
      .where('region_id', '=', region)
      .execute();
    expect(await runScheduledWarnings(t.database, t.app.log, t.clock.now())).toBe('ran');
    const state = await t.database.db
      .selectFrom('warning_engine_state')
      .select('evaluated_through')
      .where('region_id', '=', region)
      .executeTakeFirstOrThrow();
    expect(state.evaluated_through).toBe('2022-04-20');
    // Evaluating an earlier day again is harmless.
    const summary = await evaluateRegion(t.database.db, region, { asOf: '2022-04-20' });
    expect(summary.issued + summary.escalated + summary.cleared).toBe(0);
  });

  it('keeps the administrators out of the warnings', async () => {
    expectError(await t.as(c.admin, { method: 'GET', url: '/api/warnings' }), 403);
    expectError(await t.as(c.auditor, { method: 'GET', url: '/api/rule-sets' }), 403);
  });
});
