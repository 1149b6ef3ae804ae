// Progress reports (进度报送) through the real app: the lifecycle, lateness in working days around the Spring
// Festival, unit approval, who may do what, concurrency and bad input. On SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { addUser, expectError, unitId } from './fixtures.ts';
import { acceptedItem, setRegion, type PeriodJson, type ReportJson } from './reports-fixtures.ts';

interface Cookies {
  supervisor: string;
  leader: string;
  manager: string; // 大东坝镇 (lead unit)
  reporter: string; // 大东坝镇
  coManager: string; // 新兴镇 (co-unit)
  stranger: string; // 望松街道: neither lead nor co-unit
}

async function setup(): Promise<{ t: TestApp; c: Cookies; lead: string; co: string }> {
  const t = await testApp();
  await addUser(t, {
    username: 'ddb_rep',
    unit: '大东坝镇',
    roles: ['unit_reporter'],
    displayName: '王填报（测试）',
  });
  const c: Cookies = {
    supervisor: await t.login('supervisor'),
    leader: await t.login('leader'),
    manager: await t.login('dadongba'),
    reporter: await t.login('ddb_rep'),
    coManager: await t.login('xinxing'),
    stranger: await t.login('wangsong'),
  };
  // Whatever the demo seeds: no approval step, the default upload limit.
  await setRegion(t, { approval: false, maxBytes: 20 * 1024 * 1024 });
  return { t, c, lead: await unitId(t, '大东坝镇'), co: await unitId(t, '新兴镇') };
}

const auditActions = async (t: TestApp, entityId: string) =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', entityId)
      .orderBy('seq')
      .execute()
  ).map((r) => r.action);

describe.skipIf(!pgAvailable)(`progress reports (${dialect})`, () => {
  let t: TestApp;
  let c: Cookies;
  let lead: string;
  let co: string;

  // One app for the whole file: every block registers items of its own.
  beforeAll(async () => {
    ({ t, c, lead, co } = await setup());
  });
  afterAll(() => t.close());

  describe('lifecycle', () => {
    let itemId: string;
    let milestones: { id: string; title: string }[];

    const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      t.as(cookie, { method, url, ...(payload && { payload }) });
    const ok = async (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
      const res = await call(cookie, method, url, payload);
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json() as ReportJson;
    };

    beforeAll(async () => {
      await setRegion(t, { today: '2022-02-09', approval: false });
      ({ id: itemId, milestones } = await acceptedItem(
        t,
        { supervisor: c.supervisor, manager: c.manager },
        { leadUnitId: lead, coUnitIds: [co] },
      ));
    });

    it("lists the item's periods newest first with deadlines after the Spring Festival and no report yet", async () => {
      const res = await call(c.reporter, 'GET', `/api/items/${itemId}/periods`);
      expect(res.statusCode, res.body).toBe(200);
      const periods = res.json().items as PeriodJson[];
      expect(periods.map((p) => p.key)).toEqual(['2022-02', '2022-01']);
      // 2022-01-31 is the first day of the Spring Festival holiday (to 6 Feb): the 3rd working day after is 9 Feb.
      expect(periods[1]).toEqual({
        key: '2022-01',
        start: '2022-01-01',
        end: '2022-01-31',
        deadline: '2022-02-09',
        deadlineEstimated: false,
        report: null,
        overdue: false,
      });
      expect(periods[0]!.deadline).toBe('2022-03-03');
    });

    it('walks draft → submit → return → edit → resubmit → accept, then a correction replaces the accepted version', async () => {
      // Draft by the lead unit's reporter.
      const created = await call(c.reporter, 'POST', `/api/items/${itemId}/reports`, {
        periodKey: '2022-01',
        progress: 12.345,
        milestonesReached: [{ milestoneId: milestones[0]!.id, doneDate: '2022-01-28' }],
        workProgress: '完成疫木普查 1200 株',
        problems: '  ',
        nextSteps: '组织清理队伍',
      });
      expect(created.statusCode, created.body).toBe(201);
      let r = created.json() as ReportJson;
      expect(r).toMatchObject({
        itemId,
        periodKey: '2022-01',
        version: 1,
        current: true,
        status: 'draft',
        progress: 12.3,
        problems: null,
        unitName: '大东坝镇',
        itemKind: 'work',
        deadline: '2022-02-09',
        deadlineEstimated: false,
        submittedAt: null,
        late: null,
        evidence: [],
        allowedActions: ['edit', 'submit'],
      });
      expect(r.milestonesReached).toEqual([
        { milestoneId: milestones[0]!.id, title: milestones[0]!.title, doneDate: '2022-01-28' },
      ]);
      // The co-unit reads it but may do nothing; the supervisor may do nothing with a draft.
      expect((await ok(c.coManager, 'GET', `/api/reports/${r.id}`)).allowedActions).toEqual([]);
      expect((await ok(c.supervisor, 'GET', `/api/reports/${r.id}`)).allowedActions).toEqual([]);

      // Submitted on the deadline itself: on time. The accepted item starts moving.
      r = await ok(c.reporter, 'POST', `/api/reports/${r.id}/submit`, { rowVersion: r.rowVersion });
      expect(r).toMatchObject({
        status: 'submitted',
        submittedOn: '2022-02-09',
        submittedBy: '王填报（测试）',
        late: false,
        workingDaysLate: 0,
        allowedActions: [],
      });
      expect(r.submittedAt).toBe(t.clock.now().toISOString());
      const item = (await call(c.supervisor, 'GET', `/api/items/${itemId}`)).json() as {
        status: string;
        transitions: { action: string; fromStatus: string; toStatus: string }[];
      };
      expect(item.status).toBe('in_progress');
      expect(item.transitions).toContainEqual(
        expect.objectContaining({ action: 'start', fromStatus: 'accepted', toStatus: 'in_progress' }),
      );
      expect(await auditActions(t, itemId)).toContain('item.start');
      expect((await ok(c.supervisor, 'GET', `/api/reports/${r.id}`)).allowedActions).toEqual([
        'accept',
        'return',
      ]);

      // Returned with a reason, which is required.
      expectError(
        await call(c.supervisor, 'POST', `/api/reports/${r.id}/return`, {
          rowVersion: r.rowVersion,
          reason: ' ',
        }),
        400,
        'return_reason_required',
        'reason',
      );
      r = await ok(c.supervisor, 'POST', `/api/reports/${r.id}/return`, {
        rowVersion: r.rowVersion,
        reason: '缺少清理照片',
      });
      expect(r).toMatchObject({
        status: 'returned',
        returnReason: '缺少清理照片',
        reviewedBy: '周督查（虚构）',
      });

      // Edited with the right rowVersion; a stale one is 409.
      const stale = r.rowVersion;
      r = await ok(c.reporter, 'PATCH', `/api/reports/${r.id}`, { rowVersion: r.rowVersion, progress: 15 });
      expect(r.progress).toBe(15);
      expect(r.rowVersion).toBe(stale + 1);
      const lost = expectError(
        await call(c.reporter, 'PATCH', `/api/reports/${r.id}`, { rowVersion: stale, progress: 16 }),
        409,
        'stale_version',
      );
      expect(lost.field).toBe('rowVersion');

      // Resubmitted a working day after the deadline: late by one working day.
      await setRegion(t, { today: '2022-02-10' });
      r = await ok(c.reporter, 'POST', `/api/reports/${r.id}/submit`, { rowVersion: r.rowVersion });
      expect(r).toMatchObject({
        status: 'submitted',
        submittedOn: '2022-02-10',
        late: true,
        workingDaysLate: 1,
      });

      // Accepted: locked, in force, and its milestone is done.
      r = await ok(c.supervisor, 'POST', `/api/reports/${r.id}/accept`, { rowVersion: r.rowVersion });
      expect(r).toMatchObject({ status: 'accepted', current: true, reviewedBy: '周督查（虚构）' });
      expect(r.reviewedAt).toBe(t.clock.now().toISOString());
      const milestone = await t.database.db
        .selectFrom('milestones')
        .select(['done_date', 'done_report_id'])
        .where('id', '=', milestones[0]!.id)
        .executeTakeFirstOrThrow();
      expect(milestone).toEqual({ done_date: '2022-01-28', done_report_id: r.id });
      expect((await ok(c.reporter, 'GET', `/api/reports/${r.id}`)).allowedActions).toEqual(['correct']);
      expectError(
        await call(c.reporter, 'PATCH', `/api/reports/${r.id}`, { rowVersion: r.rowVersion, progress: 50 }),
        409,
        'report_locked',
      );
      expectError(
        await call(c.coManager, 'PATCH', `/api/reports/${r.id}`, { rowVersion: r.rowVersion, progress: 50 }),
        403,
        'forbidden',
      );
      expectError(
        await call(c.reporter, 'POST', `/api/reports/${r.id}/submit`, { rowVersion: r.rowVersion }),
        409,
        'report_locked',
      );
      expectError(
        await call(c.supervisor, 'POST', `/api/reports/${r.id}/return`, {
          rowVersion: r.rowVersion,
          reason: '再看看',
        }),
        409,
        'report_illegal_transition',
      );
      expect((await ok(c.reporter, 'GET', `/api/reports/${r.id}`)).progress).toBe(15);
      const v1 = r;

      // A correction: version 2, a draft copied from the accepted one, not in force yet; only one at a time.
      const correction = await call(c.reporter, 'POST', `/api/reports/${v1.id}/correct`);
      expect(correction.statusCode, correction.body).toBe(201);
      let v2 = correction.json() as ReportJson;
      expect(v2).toMatchObject({
        version: 2,
        current: false,
        status: 'draft',
        progress: 15,
        workProgress: '完成疫木普查 1200 株',
        submittedAt: null,
        late: null,
        reviewedBy: null,
        returnReason: null,
        allowedActions: ['edit', 'submit'],
      });
      expect(v2.milestonesReached.map((m) => m.milestoneId)).toEqual([milestones[0]!.id]);
      expectError(await call(c.reporter, 'POST', `/api/reports/${v1.id}/correct`), 409, 'correction_open');
      expect((await ok(c.reporter, 'GET', `/api/reports/${v1.id}`)).allowedActions).toEqual([]);
      let periods = (await call(c.reporter, 'GET', `/api/items/${itemId}/periods`)).json()
        .items as PeriodJson[];
      expect(periods.find((p) => p.key === '2022-01')!.report).toEqual({
        id: v1.id,
        status: 'accepted',
        version: 1,
        late: true,
      });

      // The correction moves the milestone's date; once accepted it is the version in force.
      v2 = await ok(c.reporter, 'PATCH', `/api/reports/${v2.id}`, {
        rowVersion: v2.rowVersion,
        progress: 18,
        milestonesReached: [{ milestoneId: milestones[0]!.id, doneDate: '2022-01-27' }],
      });
      v2 = await ok(c.reporter, 'POST', `/api/reports/${v2.id}/submit`, { rowVersion: v2.rowVersion });
      v2 = await ok(c.supervisor, 'POST', `/api/reports/${v2.id}/accept`, { rowVersion: v2.rowVersion });
      expect(v2).toMatchObject({ version: 2, current: true, status: 'accepted', progress: 18 });
      expect(await ok(c.reporter, 'GET', `/api/reports/${v1.id}`)).toMatchObject({
        current: false,
        status: 'accepted',
      });
      const moved = await t.database.db
        .selectFrom('milestones')
        .select(['done_date', 'done_report_id'])
        .where('id', '=', milestones[0]!.id)
        .executeTakeFirstOrThrow();
      expect(moved).toEqual({ done_date: '2022-01-27', done_report_id: v2.id });
      periods = (await call(c.reporter, 'GET', `/api/items/${itemId}/periods`)).json().items as PeriodJson[];
      expect(periods.find((p) => p.key === '2022-01')!.report).toMatchObject({ id: v2.id, version: 2 });
      // The item's progress reads the version in force.
      const detail = (await call(c.supervisor, 'GET', `/api/items/${itemId}`)).json() as {
        milestones: { id: string; doneDate: string | null }[];
      };
      expect(detail.milestones.find((m) => m.id === milestones[0]!.id)!.doneDate).toBe('2022-01-27');

      const all = (await call(c.coManager, 'GET', `/api/items/${itemId}/reports`)).json()
        .items as ReportJson[];
      expect(all.map((x) => [x.periodKey, x.version, x.current])).toEqual([
        ['2022-01', 2, true],
        ['2022-01', 1, false],
      ]);
      expect(await auditActions(t, v1.id)).toEqual([
        'report.create',
        'report.submit',
        'report.return',
        'report.update',
        'report.submit',
        'report.accept',
      ]);
      expect(await auditActions(t, v2.id)).toEqual([
        'report.correct',
        'report.update',
        'report.submit',
        'report.accept',
      ]);
    });

    it('marks a period overdue once its deadline has passed without a submitted report', async () => {
      await setRegion(t, { today: '2022-03-04' });
      const periods = (await call(c.manager, 'GET', `/api/items/${itemId}/periods`)).json()
        .items as PeriodJson[];
      expect(periods.map((p) => [p.key, p.overdue])).toEqual([
        ['2022-03', false],
        ['2022-02', true],
        ['2022-01', false],
      ]);
    });
  });

  describe('on time or late in working days', () => {
    const submitOn = async (today: string) => {
      const { id } = await acceptedItem(
        t,
        { supervisor: c.supervisor, manager: c.manager },
        { leadUnitId: lead },
      );
      await setRegion(t, { today });
      const created = await t.as(c.manager, {
        method: 'POST',
        url: `/api/items/${id}/reports`,
        payload: { periodKey: '2022-01', progress: 10, workProgress: '按计划推进' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const res = await t.as(c.manager, {
        method: 'POST',
        url: `/api/reports/${created.json().id}/submit`,
        payload: { rowVersion: 1 },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as ReportJson;
    };

    it.each([
      ['2022-02-08', false, 0],
      ['2022-02-09', false, 0],
      ['2022-02-10', true, 1],
      ['2022-02-14', true, 3],
    ])('a January 2022 report submitted on %s is late: %s, by %i working days', async (day, late, days) => {
      const r = await submitOn(day);
      expect(r).toMatchObject({ deadline: '2022-02-09', submittedOn: day, late, workingDaysLate: days });
    });

    it('counts a submission on the rest day right after a deadline as late by 0 working days', async () => {
      // 2022-03 ends on Thursday 31 March; 3 working days later is Wednesday 6 April (Qingming 3–5 April).
      const { id } = await acceptedItem(
        t,
        { supervisor: c.supervisor, manager: c.manager },
        { leadUnitId: lead },
      );
      await setRegion(t, { today: '2022-04-03' });
      const periods = (await t.as(c.manager, { method: 'GET', url: `/api/items/${id}/periods` })).json()
        .items as PeriodJson[];
      expect(periods.find((p) => p.key === '2022-03')!.deadline).toBe('2022-04-06');
    });
  });

  describe('unit approval', () => {
    let itemId: string;

    beforeAll(async () => {
      await setRegion(t, { today: '2022-03-02', approval: true });
      ({ id: itemId } = await acceptedItem(
        t,
        { supervisor: c.supervisor, manager: c.manager },
        { leadUnitId: lead },
      ));
    });
    afterAll(() => setRegion(t, { approval: false }));

    it("sends a reporter's submission to the unit manager, who may return or approve it; lateness counts at approval", async () => {
      const draft = await t.as(c.reporter, {
        method: 'POST',
        url: `/api/items/${itemId}/reports`,
        payload: { periodKey: '2022-02', progress: 20, workProgress: '完成 20%' },
      });
      expect(draft.statusCode, draft.body).toBe(201);
      const id = draft.json().id as string;
      const post = (cookie: string, action: string, payload: object) =>
        t.as(cookie, { method: 'POST', url: `/api/reports/${id}/${action}`, payload });

      let res = await post(c.reporter, 'submit', { rowVersion: 1 });
      expect(res.json()).toMatchObject({
        status: 'pending_approval',
        submittedOn: '2022-03-02',
        late: false,
      });
      expect(res.json().allowedActions).toEqual([]);
      let r = (await t.as(c.manager, { method: 'GET', url: `/api/reports/${id}` })).json() as ReportJson;
      expect(r.allowedActions).toEqual(['approve', 'return']);

      // The task force cannot act on it yet; another unit's manager cannot approve it.
      expectError(
        await post(c.supervisor, 'accept', { rowVersion: r.rowVersion }),
        409,
        'report_illegal_transition',
      );
      expectError(
        await post(c.supervisor, 'return', { rowVersion: r.rowVersion, reason: '不行' }),
        403,
        'forbidden',
      );
      expectError(await post(c.coManager, 'approve', { rowVersion: r.rowVersion }), 403, 'forbidden');
      expectError(await post(c.reporter, 'approve', { rowVersion: r.rowVersion }), 403, 'forbidden');

      res = await post(c.manager, 'return', { rowVersion: r.rowVersion, reason: '数据需核实' });
      expect(res.json()).toMatchObject({ status: 'returned', returnReason: '数据需核实' });
      res = await post(c.reporter, 'submit', { rowVersion: res.json().rowVersion });
      expect(res.json().status).toBe('pending_approval');

      // Approved the day after the deadline (3 March): it reaches the task force late.
      await setRegion(t, { today: '2022-03-04' });
      res = await post(c.manager, 'approve', { rowVersion: res.json().rowVersion });
      expect(res.statusCode, res.body).toBe(200);
      r = res.json() as ReportJson;
      expect(r).toMatchObject({
        status: 'submitted',
        submittedOn: '2022-03-04',
        late: true,
        workingDaysLate: 1,
      });
      expect(r.submittedBy).toBe('王填报（测试）');
      expect(await auditActions(t, id)).toEqual([
        'report.create',
        'report.submit',
        'report.return',
        'report.submit',
        'report.approve',
      ]);
    });

    it("lets the unit manager's own submission go straight to the task force", async () => {
      const draft = await t.as(c.manager, {
        method: 'POST',
        url: `/api/items/${itemId}/reports`,
        payload: { periodKey: '2022-01', progress: 10, workProgress: '启动' },
      });
      const res = await t.as(c.manager, {
        method: 'POST',
        url: `/api/reports/${draft.json().id}/submit`,
        payload: { rowVersion: 1 },
      });
      expect(res.json()).toMatchObject({ status: 'submitted', late: true });
    });
  });

  describe('who may do what', () => {
    let itemId: string;
    let reportId: string;

    beforeAll(async () => {
      await setRegion(t, { today: '2022-02-15', approval: false });
      ({ id: itemId } = await acceptedItem(
        t,
        { supervisor: c.supervisor, manager: c.manager },
        { leadUnitId: lead, coUnitIds: [co] },
      ));
      const res = await t.as(c.reporter, {
        method: 'POST',
        url: `/api/items/${itemId}/reports`,
        payload: { periodKey: '2022-01', progress: 5, workProgress: '启动' },
      });
      reportId = res.json().id;
      await t.as(c.reporter, {
        method: 'POST',
        url: `/api/reports/${reportId}/submit`,
        payload: { rowVersion: 1 },
      });
    });

    it("refuses a unit a report on another unit's item, and a co-unit any write, writing nothing", async () => {
      const before = await t.database.db.selectFrom('reports').select('id').execute();
      for (const cookie of [c.coManager, c.stranger]) {
        expectError(
          await t.as(cookie, {
            method: 'POST',
            url: `/api/items/${itemId}/reports`,
            payload: { periodKey: '2022-02', progress: 5 },
          }),
          403,
          'forbidden',
        );
      }
      expectError(
        await t.as(c.supervisor, {
          method: 'POST',
          url: `/api/items/${itemId}/reports`,
          payload: { periodKey: '2022-02' },
        }),
        403,
        'forbidden',
      );
      expectError(
        await t.as(c.coManager, { method: 'POST', url: `/api/reports/${reportId}/correct` }),
        403,
        'forbidden',
      );
      expect(await t.database.db.selectFrom('reports').select('id').execute()).toEqual(before);
    });

    it('lets the co-unit, the leader and the supervisor read, and answers 403 to a unit that is neither', async () => {
      for (const cookie of [c.coManager, c.leader, c.supervisor, c.manager]) {
        expect((await t.as(cookie, { method: 'GET', url: `/api/reports/${reportId}` })).statusCode).toBe(200);
        expect((await t.as(cookie, { method: 'GET', url: `/api/items/${itemId}/reports` })).statusCode).toBe(
          200,
        );
        expect((await t.as(cookie, { method: 'GET', url: `/api/items/${itemId}/periods` })).statusCode).toBe(
          200,
        );
      }
      for (const url of [
        `/api/reports/${reportId}`,
        `/api/items/${itemId}/reports`,
        `/api/items/${itemId}/periods`,
      ])
        expectError(await t.as(c.stranger, { method: 'GET', url }), 403, 'forbidden');
      expectError(await t.as(c.leader, { method: 'GET', url: '/api/reports/nope' }), 404, 'not_found');
    });

    it("gives the supervisor the review queue and a unit only its own unit's reports", async () => {
      const queue = await t.as(c.supervisor, {
        method: 'GET',
        url: `/api/reports?status=submitted&itemId=${itemId}`,
      });
      expect(queue.statusCode, queue.body).toBe(200);
      expect(queue.json()).toMatchObject({ total: 1, items: [{ id: reportId, status: 'submitted' }] });
      expect(queue.json().items[0].allowedActions).toEqual(['accept', 'return']);
      const own = await t.as(c.manager, { method: 'GET', url: '/api/reports?pageSize=100' });
      expect((own.json().items as ReportJson[]).map((r) => r.id)).toContain(reportId);
      expect((own.json().items as ReportJson[]).every((r) => r.unitName === '大东坝镇')).toBe(true);
      const co = await t.as(c.coManager, { method: 'GET', url: `/api/reports?itemId=${itemId}` });
      expect(co.json()).toEqual({ items: [], total: 0 });
      expectError(
        await t.as(c.coManager, { method: 'GET', url: `/api/reports?unitId=${await unitId(t, '大东坝镇')}` }),
        403,
        'forbidden',
      );
      const paged = await t.as(c.supervisor, {
        method: 'GET',
        url: `/api/reports?itemId=${itemId}&pageSize=1&page=2`,
      });
      expect(paged.json()).toEqual({ items: [], total: 1 });
    });

    it('refuses accept and return to everyone but the task force, and approve to the task force', async () => {
      const body = { rowVersion: 2 };
      for (const cookie of [c.leader, c.manager, c.reporter, c.coManager]) {
        expectError(
          await t.as(cookie, { method: 'POST', url: `/api/reports/${reportId}/accept`, payload: body }),
          403,
        );
        expectError(
          await t.as(cookie, {
            method: 'POST',
            url: `/api/reports/${reportId}/return`,
            payload: { ...body, reason: 'x' },
          }),
          403,
        );
      }
      expectError(
        await t.as(c.supervisor, { method: 'POST', url: `/api/reports/${reportId}/approve`, payload: body }),
        403,
      );
      const r = (
        await t.as(c.supervisor, { method: 'GET', url: `/api/reports/${reportId}` })
      ).json() as ReportJson;
      expect(r.status).toBe('submitted');
    });
  });

  describe('concurrency and bad input', () => {
    let itemId: string;
    let blankItem: string;
    let milestones: { id: string }[];

    beforeAll(async () => {
      await setRegion(t, { today: '2022-02-15', approval: false });
      ({ id: itemId, milestones } = await acceptedItem(
        t,
        { supervisor: c.supervisor, manager: c.manager },
        { leadUnitId: lead },
      ));
      ({ id: blankItem } = await acceptedItem(
        t,
        { supervisor: c.supervisor, manager: c.manager },
        { leadUnitId: lead },
      ));
    });

    const create = (payload: object, cookie = c.reporter, id = itemId) =>
      t.as(cookie, { method: 'POST', url: `/api/items/${id}/reports`, payload });

    it('lets exactly one of two simultaneous submissions of a report through; the other gets 409', async () => {
      const draft = await create({ periodKey: '2022-01', progress: 10, workProgress: '推进' });
      const id = draft.json().id as string;
      const submit = (cookie: string) =>
        t.as(cookie, { method: 'POST', url: `/api/reports/${id}/submit`, payload: { rowVersion: 1 } });
      const results = await Promise.all([submit(c.reporter), submit(c.manager)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(
        expectError(
          results.find((r) => r.statusCode === 409)!,
          409,
          'stale_version',
        ).field,
      ).toBe('rowVersion');
      const row = await t.database.db
        .selectFrom('reports')
        .select(['status', 'row_version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'submitted', row_version: 2 });
      expect((await auditActions(t, id)).filter((a) => a === 'report.submit')).toHaveLength(1);
    });

    it('keeps one report per period: a second one is 409, and so is the loser of a race, never a 500', async () => {
      expectError(await create({ periodKey: '2022-01' }), 409, 'report_exists', 'periodKey');
      const race = await Promise.all([
        create({ periodKey: '2022-02' }, c.reporter),
        create({ periodKey: '2022-02' }, c.manager),
        create({ periodKey: '2022-02' }, c.reporter),
      ]);
      expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
      for (const r of race.filter((x) => x.statusCode === 409))
        expectError(r, 409, 'report_exists', 'periodKey');
      const rows = await t.database.db
        .selectFrom('reports')
        .select('id')
        .where('item_id', '=', itemId)
        .where('period_key', '=', '2022-02')
        .execute();
      expect(rows).toHaveLength(1);
    });

    it.each([
      ['a period before the item began', { periodKey: '2021-12' }, 'period_out_of_range', 'periodKey'],
      ['a period that has not begun', { periodKey: '2022-03' }, 'period_in_future', 'periodKey'],
      ['a period after the due date', { periodKey: '2023-01' }, 'period_out_of_range', 'periodKey'],
      ['a quarter for a monthly item', { periodKey: '2022-Q1' }, 'period_not_item_frequency', 'periodKey'],
      ['a period that does not exist', { periodKey: '2022-13' }, 'invalid_format', 'periodKey'],
      ['no period', { progress: 1 }, 'required', 'periodKey'],
      [
        'an indicator value on key work',
        { periodKey: '2022-01', indicatorValue: 3 },
        'field_not_for_kind',
        'indicatorValue',
      ],
      [
        'investment on key work',
        { periodKey: '2022-01', completedInvestmentFen: 100 },
        'field_not_for_kind',
        'completedInvestmentFen',
      ],
      ['progress above 100', { periodKey: '2022-01', progress: 101 }, 'too_big_number', 'progress'],
      [
        'a fraction of a fen',
        { periodKey: '2022-01', completedInvestmentFen: 1.5 },
        'invalid_type',
        'completedInvestmentFen',
      ],
      [
        'a narrative over 5000 characters',
        { periodKey: '2022-01', workProgress: '字'.repeat(5001) },
        'too_big_string',
        'workProgress',
      ],
      ['an unknown field', { periodKey: '2022-01', colour: 'red' }, 'unknown_field', 'colour'],
      [
        'a milestone of another item',
        { periodKey: '2022-01', milestonesReached: [{ milestoneId: 'not-ours', doneDate: '2022-01-05' }] },
        'milestone_not_of_item',
        'milestonesReached.0.milestoneId',
      ],
      [
        'an evidence file that does not exist',
        { periodKey: '2022-01', evidenceIds: ['nope'] },
        'evidence_not_of_item',
        'evidenceIds.0',
      ],
    ])('refuses %s with 400 naming the field, writing nothing', async (_label, payload, code, field) => {
      const before = await t.database.db.selectFrom('reports').select('id').execute();
      expectError(await create(payload, c.reporter, blankItem), 400, code, field);
      expect(await t.database.db.selectFrom('reports').select('id').execute()).toEqual(before);
    });

    it('checks milestones on a draft: their dates, duplicates, and one done elsewhere', async () => {
      const { id: other } = await acceptedItem(
        t,
        { supervisor: c.supervisor, manager: c.manager },
        { leadUnitId: lead },
      );
      const otherMilestones = (
        (await t.as(c.manager, { method: 'GET', url: `/api/items/${other}` })).json() as {
          milestones: { id: string }[];
        }
      ).milestones;
      const m = otherMilestones[0]!.id;
      expectError(
        await create(
          { periodKey: '2022-01', milestonesReached: [{ milestoneId: m, doneDate: '2022-02-16' }] },
          c.reporter,
          other,
        ),
        400,
        'date_out_of_range',
        'milestonesReached.0.doneDate',
      );
      expectError(
        await create(
          {
            periodKey: '2022-01',
            milestonesReached: [
              { milestoneId: m, doneDate: '2022-01-10' },
              { milestoneId: m, doneDate: '2022-01-11' },
            ],
          },
          c.reporter,
          other,
        ),
        400,
        'duplicate_id',
        'milestonesReached.1.milestoneId',
      );
      expectError(
        await create(
          {
            periodKey: '2022-01',
            milestonesReached: [{ milestoneId: milestones[0]!.id, doneDate: '2022-01-10' }],
          },
          c.reporter,
          other,
        ),
        400,
        'milestone_not_of_item',
        'milestonesReached.0.milestoneId',
      );
    });

    it('needs progress and the work narrative before a submission, naming the missing field', async () => {
      const { id: other } = await acceptedItem(
        t,
        { supervisor: c.supervisor, manager: c.manager },
        { leadUnitId: lead },
      );
      const draft = (await create({ periodKey: '2022-01' }, c.reporter, other)).json() as ReportJson;
      const submit = (rowVersion: number) =>
        t.as(c.reporter, { method: 'POST', url: `/api/reports/${draft.id}/submit`, payload: { rowVersion } });
      expectError(await submit(1), 400, 'required', 'progress');
      await t.as(c.reporter, {
        method: 'PATCH',
        url: `/api/reports/${draft.id}`,
        payload: { rowVersion: 1, progress: 3 },
      });
      expectError(await submit(2), 400, 'required', 'workProgress');
      expectError(
        await t.as(c.reporter, { method: 'POST', url: `/api/reports/${draft.id}/submit`, payload: {} }),
        400,
        'required',
        'rowVersion',
      );
      expectError(
        await t.as(c.reporter, {
          method: 'PATCH',
          url: `/api/reports/${draft.id}`,
          payload: { rowVersion: 2, indicatorValue: 1 },
        }),
        400,
        'field_not_for_kind',
        'indicatorValue',
      );
    });

    it('takes reports only while the item is accepted, in progress or asking for completion', async () => {
      const created = await t.as(c.supervisor, {
        method: 'POST',
        url: '/api/items',
        payload: {
          kind: 'work',
          title: '未交办事项',
          basisType: 'meeting',
          leadUnitId: lead,
          startDate: '2022-01-01',
          dueDate: '2022-12-31',
        },
      });
      const id = created.json().id as string;
      await t.as(c.supervisor, {
        method: 'POST',
        url: `/api/items/${id}/transitions`,
        payload: { action: 'assign' },
      });
      expectError(await create({ periodKey: '2022-01' }, c.manager, id), 409, 'item_not_reporting');
      expectError(await create({ periodKey: '2022-01' }, c.manager, 'no-such-item'), 404, 'not_found');
    });
  });

  describe('what each kind of item reports', () => {
    beforeAll(async () => {
      await setRegion(t, { today: '2022-02-15', approval: false });
    });

    const draftAndSubmit = async (itemBody: Record<string, unknown>, report: Record<string, unknown>) => {
      const { id } = await acceptedItem(
        t,
        { supervisor: c.supervisor, manager: c.manager },
        { leadUnitId: lead, milestones: [], ...itemBody },
      );
      const created = await t.as(c.reporter, {
        method: 'POST',
        url: `/api/items/${id}/reports`,
        payload: { periodKey: '2022-01', workProgress: '按月报送', ...report },
      });
      return { id, created };
    };

    it('takes a key project its cumulative investment in fen beyond 32 bits, and needs it to submit', async () => {
      const project = {
        kind: 'project',
        plannedStart: '2022-01-01',
        plannedCompletion: '2022-12-31',
        totalInvestmentFen: 800_000_000_000,
        annualPlanFen: 120_000_000_000,
      };
      const { created } = await draftAndSubmit(project, {
        progress: 8,
        completedInvestmentFen: 9_876_543_210,
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        itemKind: 'project',
        completedInvestmentFen: 9_876_543_210,
        progress: 8,
      });
      const { created: bare } = await draftAndSubmit(project, { progress: 8 });
      const res = await t.as(c.reporter, {
        method: 'POST',
        url: `/api/reports/${bare.json().id}/submit`,
        payload: { rowVersion: 1 },
      });
      expectError(res, 400, 'required', 'completedInvestmentFen');
    });

    it('takes a key indicator its value and refuses it a progress percentage', async () => {
      const indicator = {
        kind: 'indicator',
        measure: '规上工业增加值增速',
        unitOfMeasure: '%',
        direction: 'higher_better',
        annualTarget: 9.5,
      };
      const { created } = await draftAndSubmit(indicator, { indicatorValue: 10.25 });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ itemKind: 'indicator', indicatorValue: 10.25, progress: null });
      const submitted = await t.as(c.reporter, {
        method: 'POST',
        url: `/api/reports/${created.json().id}/submit`,
        payload: { rowVersion: 1 },
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      const { created: wrong } = await draftAndSubmit(indicator, { indicatorValue: 1, progress: 50 });
      expectError(wrong, 400, 'field_not_for_kind', 'progress');
    });
  });
});
