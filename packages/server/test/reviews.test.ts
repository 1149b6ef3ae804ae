// Post-mortem reviews (复盘) on the demo county (today 2022-04-20): the Wangcun Bridge widening, completed on
// 2022-03-30, reviewed at April's monthly meeting — its timeline built from the item's recorded history (transitions,
// milestones, reports, lights and cards, talks for the discipline role only), planned against actual by month,
// sections written by the lead unit, follow-up actions owned and updated by units, scheduling, holding and closing.
import { shanghaiDateOf } from '@benpao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { addUser, expectError, regionId, unitId } from './fixtures.ts';
import { seedDemoConduct } from '../src/modules/admonitions/demo.ts';
import { seedDemoReview } from '../src/modules/reviews/demo.ts';
import { workBody } from './items-fixtures.ts';

interface TimelineEventJson {
  date: string;
  kind: string;
  label: { zh: string; en: string };
  tone: string;
  link: { type: string; id: string };
}
interface ActionJson {
  id: string;
  seq: number;
  title: string;
  ownerUnitId: string;
  ownerUnitName: string;
  deadline: string;
  status: string;
  doneOn: string | null;
  notes: string | null;
  overdue: boolean;
  canUpdate: boolean;
}
interface ReviewJson {
  id: string;
  itemId: string;
  itemNumber: string;
  leadUnitName: string;
  title: string;
  state: string;
  meetingMonth: string | null;
  heldOn: string | null;
  problems: string | null;
  causes: string | null;
  lessons: string | null;
  actionsTotal: number;
  actionsOpen: number;
  actionsOverdue: number;
  actions: ActionJson[];
  timeline: TimelineEventJson[];
  plannedActual: {
    progress: { month: string; planned: number; actual: number | null }[] | null;
    investment: { month: string; plannedFen: number; completedFen: number | null }[] | null;
    indicator: unknown[] | null;
  };
  asOf: string;
  can: Record<string, boolean>;
}

describe.skipIf(!pgAvailable)(`post-mortem reviews (${dialect})`, () => {
  let t: TestApp;
  let bridgeId: string;
  let review: ReviewJson;
  const u = {} as Record<'wangsong' | 'dadongba' | 'xinxing' | 'jtj', string>;
  const c = {} as Record<
    | 'supervisor'
    | 'leader'
    | 'discipline'
    | 'manager'
    | 'reporter'
    | 'coManager'
    | 'stranger'
    | 'strangerRep'
    | 'auditor',
    string
  >;

  const get = async (cookie: string, id: string) => {
    const res = await t.as(cookie, { method: 'GET', url: `/api/reviews/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReviewJson;
  };
  const itemIdOf = async (title: string) =>
    (
      await t.database.db
        .selectFrom('items')
        .select('id')
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await testApp();
    await addUser(t, { username: 'ws_rep', unit: '望松街道', roles: ['unit_reporter'] });
    await addUser(t, { username: 'ddb_rep', unit: '大东坝镇', roles: ['unit_reporter'] });
    c.supervisor = await t.login('supervisor');
    c.leader = await t.login('leader');
    c.discipline = await t.login('discipline');
    c.manager = await t.login('wangsong');
    c.reporter = await t.login('ws_rep');
    c.coManager = await t.login('jtj'); // 县交通运输局, a co-unit of the bridge
    c.stranger = await t.login('dadongba');
    c.strangerRep = await t.login('ddb_rep');
    c.auditor = await t.login('auditor');
    u.wangsong = await unitId(t, '望松街道');
    u.dadongba = await unitId(t, '大东坝镇');
    u.xinxing = await unitId(t, '新兴镇');
    u.jtj = await unitId(t, '县交通运输局');
    bridgeId = await itemIdOf('王村大桥拓宽改造工程');
  }, 60_000);
  afterAll(() => t?.close());

  it('opens a review of the Wangcun Bridge scheduled onto April’s meeting', async () => {
    const res = await t.as(c.supervisor, {
      method: 'POST',
      url: '/api/reviews',
      payload: { itemId: bridgeId, meetingMonth: '2022-04' },
    });
    expect(res.statusCode, res.body).toBe(201);
    review = res.json() as ReviewJson;
    expect(review).toMatchObject({
      itemId: bridgeId,
      leadUnitName: '望松街道',
      title: '王村大桥拓宽改造工程 复盘',
      state: 'scheduled',
      meetingMonth: '2022-04',
      asOf: '2022-04-20',
      actions: [],
    });
    const list = await t.as(c.leader, { method: 'GET', url: '/api/reviews?meetingMonth=2022-04' });
    // The demo's own review of the bridge (seeded) and this one.
    const april = (list.json() as { items: ReviewJson[] }).items;
    expect(april.map((r) => r.id)).toContain(review.id);
    expect(april.every((r) => r.meetingMonth === '2022-04')).toBe(true);
    const none = await t.as(c.leader, { method: 'GET', url: '/api/reviews?meetingMonth=2022-05' });
    expect((none.json() as { total: number }).total).toBe(0);
  });

  it('builds the timeline from the item’s recorded history, in date order', async () => {
    const tl = review.timeline;
    const dates = tl.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d <= '2022-04-20')).toBe(true);

    // Every transition on record is there, on its Shanghai date.
    const transitions = await t.database.db
      .selectFrom('item_transitions')
      .select(['id', 'action', 'at'])
      .where('item_id', '=', bridgeId)
      .execute();
    expect(transitions.length).toBeGreaterThan(3);
    for (const tr of transitions) {
      const e = tl.find((x) => x.link.id === tr.id);
      expect(e, tr.action).toMatchObject({ kind: 'item.transition', date: shanghaiDateOf(tr.at) });
    }
    const completed = tl.find((e) => e.kind === 'item.transition' && e.label.en.startsWith('Completed'))!;
    expect(completed.date).toBe('2022-03-30');
    expect(completed.tone).toBe('good');

    // Its four milestones, each reached (on time) on the day recorded.
    const milestones = await t.database.db
      .selectFrom('milestones')
      .select(['id', 'title', 'planned_date', 'done_date'])
      .where('item_id', '=', bridgeId)
      .execute();
    expect(milestones).toHaveLength(4);
    for (const m of milestones) {
      expect(tl.find((e) => e.link.id === m.id && e.kind === 'milestone.reached')).toMatchObject({
        date: m.done_date,
        tone: 'good',
        label: { zh: `完成节点：${m.title}` },
      });
      expect(tl.find((e) => e.link.id === m.id && e.kind === 'milestone.planned')!.date).toBe(m.planned_date);
    }
    expect(tl.some((e) => e.kind === 'milestone.missed')).toBe(false);

    // Its reports: every submission and review on record; February's was returned and submitted again.
    const reports = await t.database.db
      .selectFrom('reports')
      .select(['id', 'period_key', 'submitted_on', 'status', 'return_reason'])
      .where('item_id', '=', bridgeId)
      .where('current', '=', 1)
      .execute();
    expect(reports.length).toBeGreaterThanOrEqual(3);
    for (const r of reports.filter((x) => x.submitted_on !== null)) {
      expect(tl.find((e) => e.link.id === r.id && e.kind === 'report.submitted')!.date).toBe(r.submitted_on);
      if (r.status === 'accepted')
        expect(tl.some((e) => e.link.id === r.id && e.kind === 'report.accepted')).toBe(true);
    }
    const again = reports.find((r) => r.return_reason !== null)!;
    expect(tl.find((e) => e.link.id === again.id && e.kind === 'report.submitted')!.label.zh).toContain(
      '退回后重报',
    );
    // No warnings on an item finished on time, and no talk yet.
    expect(tl.some((e) => e.kind.startsWith('warning.') || e.kind === 'talk.held')).toBe(false);
  });

  it('charts planned against actual: progress by month and the investment plan against completion', async () => {
    const pa = review.plannedActual;
    const progress = pa.progress!;
    expect(progress.map((p) => p.month)).toEqual(['2022-01', '2022-02', '2022-03']);
    expect(progress.at(-1)).toEqual({ month: '2022-03', planned: 100, actual: 100 });
    expect(progress[0]).toEqual({ month: '2022-01', planned: 25, actual: 25 });
    const inv = pa.investment!;
    expect(inv.map((p) => p.month)).toEqual(['2022-01', '2022-02', '2022-03']);
    const plans = await t.database.db
      .selectFrom('investment_plans')
      .select(['month', 'plan_fen'])
      .where('item_id', '=', bridgeId)
      .orderBy('month')
      .execute();
    let sum = 0;
    inv.forEach((p, i) => {
      sum += Number(plans[i]!.plan_fen);
      expect(p.plannedFen).toBe(sum);
      expect(p.completedFen).not.toBeNull();
    });
    expect(pa.indicator).toBeNull();
  });

  it('shows the item’s lights and the unit’s card on the timeline of the pine-wilt work of 大东坝镇', async () => {
    const pineId = await itemIdOf('松材线虫病疫木除治（大东坝镇）');
    const res = await t.as(c.supervisor, {
      method: 'POST',
      url: '/api/reviews',
      payload: { itemId: pineId },
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as ReviewJson;
    expect(r.state).toBe('draft');
    const lights = await t.database.db
      .selectFrom('warnings')
      .select(['id', 'issued_on'])
      .where('item_id', '=', pineId)
      .execute();
    expect(lights.length).toBeGreaterThan(0);
    for (const l of lights)
      expect(r.timeline.find((e) => e.link.id === l.id && e.kind === 'warning.issued')!.date).toBe(
        l.issued_on,
      );
    const card = r.timeline.find((e) => e.kind === 'warning.issued' && e.label.en.includes('card'))!;
    expect(card.label.zh).toBe('大东坝镇亮黄牌');
    expect(card.tone).toBe('bad');
    const missed = r.timeline.filter((e) => e.kind === 'milestone.missed');
    expect(missed.length).toBeGreaterThan(0);
    // The unit sees its own item's review; a review of an item that is still a draft cannot be opened.
    expect((await get(c.stranger, r.id)).id).toBe(r.id);
    const draft = await t.as(c.supervisor, {
      method: 'POST',
      url: '/api/items',
      payload: workBody(u.dadongba),
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expectError(
      await t.as(c.supervisor, {
        method: 'POST',
        url: '/api/reviews',
        payload: { itemId: (draft.json() as { id: string }).id },
      }),
      409,
      'review_item_draft',
      'itemId',
    );
  });

  it('puts the verification case of the item on its timeline, and talks of that case for the discipline role only', async () => {
    const created = await t.as(c.supervisor, {
      method: 'POST',
      url: '/api/cases',
      payload: {
        source: 'leader_instruction',
        title: '王村大桥封道施工群众反映核查',
        subject: { itemId: bridgeId },
        description: '县委要求对王村大桥封道施工时间长、群众绕行问题开展核查（测试）。',
        receivedOn: '2022-02-15',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = (created.json() as { id: string }).id;
    const withCase = await get(c.manager, review.id);
    expect(withCase.timeline.find((e) => e.link.id === caseId)).toMatchObject({
      kind: 'case.opened',
      date: '2022-02-15',
      label: { zh: '立案核查：王村大桥封道施工群众反映核查' },
    });

    const talk = await t.as(c.discipline, {
      method: 'POST',
      url: '/api/admonitions/talks',
      payload: {
        unitId: u.wangsong,
        personName: '测试对象乙',
        position: '城建办（测试）',
        reason: '封道施工期间群众反映集中（测试）',
        heldOn: '2022-03-10',
        heldBy: '街道纪工委（测试）',
        caseId,
      },
    });
    expect(talk.statusCode, talk.body).toBe(201);
    const talkId = (talk.json() as { id: string }).id;
    const seen = (await get(c.discipline, review.id)).timeline.find((e) => e.link.id === talkId);
    expect(seen).toMatchObject({
      kind: 'talk.held',
      date: '2022-03-10',
      label: { zh: '谈话提醒（望松街道）' },
    });
    for (const who of ['supervisor', 'leader', 'manager', 'coManager'] as const) {
      const res = await t.as(c[who], { method: 'GET', url: `/api/reviews/${review.id}` });
      expect(res.statusCode, who).toBe(200);
      expect(res.body, who).not.toContain(talkId);
      expect(
        (res.json() as ReviewJson).timeline.some((e) => e.kind === 'talk.held'),
        who,
      ).toBe(false);
      expect(res.body).not.toContain('测试对象乙');
    }
    expect(
      (await get(c.discipline, review.id)).timeline.every((e) => !e.label.zh.includes('测试对象乙')),
    ).toBe(true);
  });

  it('lets the lead unit’s manager write the sections; co-units read; other units are refused', async () => {
    const ok = await t.as(c.manager, {
      method: 'PATCH',
      url: `/api/reviews/${review.id}`,
      payload: {
        problems: '工期安排不合理，现场管理不到位，子项目多且统筹不够。',
        causes: '前期研判不足。',
        lessons: '举一反三：民生工程先算群众出行账。',
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      causes: '前期研判不足。',
      can: { editSections: true, schedule: false },
    });
    const cleared = await t.as(c.supervisor, {
      method: 'PATCH',
      url: `/api/reviews/${review.id}`,
      payload: { causes: '' },
    });
    expect((cleared.json() as ReviewJson).causes).toBeNull();
    expect((cleared.json() as ReviewJson).lessons).toBe('举一反三：民生工程先算群众出行账。');

    const co = await get(c.coManager, review.id);
    expect(co.can.editSections).toBe(false);
    expectError(
      await t.as(c.coManager, {
        method: 'PATCH',
        url: `/api/reviews/${review.id}`,
        payload: { problems: 'x' },
      }),
      403,
      'forbidden',
    );
    expectError(
      await t.as(c.reporter, {
        method: 'PATCH',
        url: `/api/reviews/${review.id}`,
        payload: { problems: 'x' },
      }),
      403,
      'forbidden',
    );
    expectError(
      await t.as(c.stranger, { method: 'GET', url: `/api/reviews/${review.id}` }),
      403,
      'forbidden',
    );
    const list = await t.as(c.stranger, { method: 'GET', url: '/api/reviews' });
    expect((list.json() as { items: ReviewJson[] }).items.map((r) => r.id)).not.toContain(review.id);
    expectError(await t.as(c.auditor, { method: 'GET', url: `/api/reviews/${review.id}` }), 403, 'forbidden');
    expectError(
      await t.as(c.supervisor, {
        method: 'PATCH',
        url: `/api/reviews/${review.id}`,
        payload: { problems: 'x'.repeat(20_001) },
      }),
      400,
      'too_big_string',
      'problems',
    );
  });

  it('tracks follow-up actions: owners see and update their own, within their fields', async () => {
    const add = (payload: Record<string, unknown>) =>
      t.as(c.supervisor, { method: 'POST', url: `/api/reviews/${review.id}/actions`, payload });
    const a1 = await add({
      title: '制定民生工程封道施工便民通行办法',
      ownerUnitId: u.jtj,
      ownerPerson: '交通局测试',
      deadline: '2022-05-31',
    });
    expect(a1.statusCode, a1.body).toBe(200);
    const a2 = await add({
      title: '排查在建项目工期安排（举一反三）',
      ownerUnitId: u.dadongba,
      deadline: '2022-04-15',
    });
    expect(a2.statusCode, a2.body).toBe(200);
    const r = a2.json() as ReviewJson;
    expect(r.actions.map((a) => [a.seq, a.ownerUnitName, a.status, a.overdue])).toEqual([
      [1, '县交通运输局', 'open', false],
      [2, '大东坝镇', 'open', true],
    ]);
    expect(r).toMatchObject({ actionsTotal: 2, actionsOpen: 2, actionsOverdue: 1 });
    expectError(
      await add({ title: 'x', ownerUnitId: 'no-such-unit', deadline: '2022-05-31' }),
      400,
      'reference_not_found',
      'ownerUnitId',
    );
    expectError(
      await add({ title: 'x', ownerUnitId: u.jtj, deadline: '2022-05-32' }),
      400,
      'invalid_date',
      'deadline',
    );

    // 大东坝镇 owns an action: it now sees the review, may update its own action only, and only its own fields.
    const seen = await get(c.strangerRep, review.id);
    expect(seen.actions.map((a) => a.canUpdate)).toEqual([false, true]);
    const [own, other] = [r.actions[1]!, r.actions[0]!];
    const url = (a: ActionJson) => `/api/reviews/${review.id}/actions/${a.id}`;
    expectError(
      await t.as(c.strangerRep, { method: 'PATCH', url: url(other), payload: { status: 'done' } }),
      403,
      'forbidden',
    );
    expectError(
      await t.as(c.strangerRep, { method: 'PATCH', url: url(own), payload: { deadline: '2022-06-30' } }),
      403,
      'forbidden',
    );
    expectError(
      await t.as(c.strangerRep, {
        method: 'PATCH',
        url: url(own),
        payload: { status: 'done', doneOn: '2022-04-21' },
      }),
      400,
      'date_after_today',
      'doneOn',
    );
    const done = await t.as(c.strangerRep, {
      method: 'PATCH',
      url: url(own),
      payload: { status: 'done', notes: '已完成排查，形成清单。' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as ReviewJson).actions[1]).toMatchObject({
      status: 'done',
      doneOn: '2022-04-20',
      notes: '已完成排查，形成清单。',
      overdue: false,
    });
    expectError(
      await t.as(c.leader, { method: 'PATCH', url: url(own), payload: { notes: 'x' } }),
      403,
      'forbidden',
    );
    // The task force may move a deadline.
    const moved = await t.as(c.supervisor, {
      method: 'PATCH',
      url: url(other),
      payload: { deadline: '2022-06-15' },
    });
    expect((moved.json() as ReviewJson).actions[0]!.deadline).toBe('2022-06-15');
    expectError(
      await t.as(c.supervisor, {
        method: 'PATCH',
        url: `/api/reviews/${review.id}/actions/no-such`,
        payload: {},
      }),
      404,
      'not_found',
    );
  });

  it('is held at the meeting and closes only when its actions are settled', async () => {
    const post = (cookie: string, path: string, payload?: Record<string, unknown>) =>
      t.as(cookie, {
        method: 'POST',
        url: `/api/reviews/${review.id}/${path}`,
        ...(payload !== undefined && { payload }),
      });
    expectError(
      await post(c.supervisor, 'schedule', { meetingMonth: '2022-03' }),
      400,
      'meeting_month_past',
      'meetingMonth',
    );
    expectError(await post(c.supervisor, 'close'), 409, 'review_state');
    const moved = await post(c.supervisor, 'schedule', { meetingMonth: '2022-05' });
    expect((moved.json() as ReviewJson).meetingMonth).toBe('2022-05');
    await post(c.supervisor, 'schedule', { meetingMonth: '2022-04' });
    expectError(
      await post(c.supervisor, 'held', { heldOn: '2022-04-21' }),
      400,
      'date_after_today',
      'heldOn',
    );
    expectError(await post(c.manager, 'held', {}), 403, 'forbidden');
    const held = await post(c.supervisor, 'held', { heldOn: '2022-04-19' });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({
      state: 'held',
      heldOn: '2022-04-19',
      can: { close: true, markHeld: false },
    });
    expectError(await post(c.supervisor, 'schedule', { meetingMonth: '2022-05' }), 409, 'review_state');

    const closing = await post(c.supervisor, 'close');
    const err = expectError(closing, 409, 'review_actions_open');
    expect(err.message).toContain('1');
    const open = (await get(c.supervisor, review.id)).actions.find((a) => a.status === 'open')!;
    const cancel = await t.as(c.coManager, {
      method: 'PATCH',
      url: `/api/reviews/${review.id}/actions/${open.id}`,
      payload: { status: 'cancelled', notes: '并入全县便民通行办法' },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const closed = await post(c.supervisor, 'close');
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', can: { editSections: false, addAction: false } });
    expectError(
      await t.as(c.manager, {
        method: 'PATCH',
        url: `/api/reviews/${review.id}`,
        payload: { problems: 'x' },
      }),
      409,
      'review_state',
    );
    const en = await t.as(c.supervisor, {
      method: 'POST',
      url: `/api/reviews/${review.id}/actions`,
      payload: { title: 'x', ownerUnitId: u.jtj, deadline: '2022-05-31' },
      headers: { 'accept-language': 'en-US' },
    });
    expect(expectError(en, 409, 'review_state').message).toBe(
      'The review is closed: this cannot be done now',
    );

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', 'in', ['review', 'review_action'])
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        'review.create',
        'review.update',
        'review.action_create',
        'review.action_update',
        'review.schedule',
        'review.held',
        'review.close',
      ]),
    );
  });
});

describe.skipIf(!pgAvailable)(`the demo's Wangcun Bridge review and talks (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  }, 60_000);
  afterAll(() => t?.close());

  it('seeds the talks, the finding and the review on April’s meeting once, and they read as the story', async () => {
    const region = await regionId(t);
    const at = t.clock.now().toISOString();
    // The seed runs in the demo's seeding transaction; a second run adds nothing.
    await t.database.db.transaction().execute(async (trx) => {
      await seedDemoConduct(trx, region, at);
      await seedDemoReview(trx, region, at);
    });
    expect(await seedDemoConduct(t.database.db, region, at)).toEqual({ talks: 0, findings: 0 });
    expect(await seedDemoReview(t.database.db, region, at)).toEqual({ reviews: 0 });

    const ws = await t.login('wangsong');
    const list = await t.as(ws, { method: 'GET', url: '/api/reviews?meetingMonth=2022-04' });
    const items = (list.json() as { items: ReviewJson[] }).items;
    expect(items.map((r) => [r.title, r.state, r.leadUnitName, r.actionsTotal, r.actionsOpen])).toEqual([
      ['王村大桥拓宽改造工程复盘分析', 'scheduled', '望松街道', 4, 3],
    ]);
    const detail = (
      await t.as(ws, { method: 'GET', url: `/api/reviews/${items[0]!.id}` })
    ).json() as ReviewJson;
    expect(detail.problems).toContain('工期安排不合理');
    expect(detail.lessons).toContain('举一反三');
    expect(detail.actions.map((a) => a.ownerUnitName)).toEqual([
      '望松街道',
      '望松街道',
      '县交通运输局',
      '县住房和城乡建设局',
    ]);
    expect(detail.timeline.some((e) => e.kind === 'talk.held')).toBe(false);

    const discipline = await t.login('discipline');
    const seen = (
      await t.as(discipline, { method: 'GET', url: `/api/reviews/${items[0]!.id}` })
    ).json() as ReviewJson;
    expect(seen.timeline.filter((e) => e.kind === 'talk.held').map((e) => e.date)).toEqual([
      '2022-03-04',
      '2022-03-04',
    ]);
    const talks = await t.as(discipline, { method: 'GET', url: '/api/admonitions/talks?month=2022-03' });
    expect(
      (talks.json() as { items: { personName: string }[] }).items.map((x) => x.personName).sort(),
    ).toEqual(['吴立新（演示数据，虚构）', '郑佳（演示数据，虚构）']);
    const findings = await t.as(discipline, { method: 'GET', url: '/api/admonitions/findings' });
    expect(
      (findings.json() as { items: { kind: string; measure: string; talkId: string | null }[] }).items,
    ).toEqual([expect.objectContaining({ kind: 'slow', measure: 'talk', talkId: expect.any(String) })]);
  });
});
