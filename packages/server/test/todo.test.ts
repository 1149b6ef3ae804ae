// The to-do list (待办) differs by role: a unit's owed reports (drafts and returned ones with their id and status),
// items to accept and approvals for its managers; the task force's queues; read-only counts for county leaders and
// the discipline commission. Also the dashboard's item figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { addUser, expectError, regionId, unitId } from './fixtures.ts';
import { createItem, insertReport, ok, openItem, setToday, transition } from './todo-fixtures.ts';

interface DueJson {
  itemId: string;
  itemNumber: string;
  itemTitle: string;
  periodKey: string;
  deadline: string;
  deadlineEstimated: boolean;
  overdue: boolean;
  workingDays: number;
  reportId: string | null;
  reportStatus: string | null;
}
interface TodoJson {
  asOf: string;
  readOnly: boolean;
  reportsDue?: DueJson[];
  itemsToAccept?: {
    itemId: string;
    itemNumber: string;
    itemTitle: string;
    dueDate: string;
    assignedAt: string | null;
  }[];
  pendingApprovals?: number;
  reviewQueue?: number;
  requestsPending?: {
    itemId: string;
    requestId: string;
    kind: string;
    requestedAt: string;
    leadUnitName: string;
  }[];
  completionRequests?: {
    itemId: string;
    itemNumber: string;
    leadUnitName: string;
    requestedAt: string | null;
  }[];
  county?: {
    reviewQueue: number;
    requestsPending: number;
    completionRequests: number;
    itemsAwaitingAcceptance: number;
    reportsOverdue: number;
  };
}

describe.skipIf(!pgAvailable)(`to-do lists by role (${dialect})`, () => {
  let t: TestApp;
  const c = {} as Record<
    'admin' | 'supervisor' | 'leader' | 'discipline' | 'auditor' | 'dadongba' | 'reporter' | 'xinxing',
    string
  >;
  const items = {} as Record<'a' | 'f' | 'd' | 'e', { id: string; number: string }>;
  const reports = {} as Record<'a07' | 'f08' | 'f09', string>;
  let requestId: string;
  const todo = async (cookie: string) =>
    ok<TodoJson>(await t.as(cookie, { method: 'GET', url: '/api/todo' }));
  const mine = (list: DueJson[] | undefined) =>
    (list ?? [])
      .filter((r) => [items.a.id, items.f.id].includes(r.itemId))
      .map(
        (r) =>
          `${r.itemId === items.a.id ? 'A' : 'F'} ${r.periodKey} ${r.deadline} ${r.overdue ? 'overdue' : 'due'} ${r.reportStatus ?? '-'}`,
      );

  beforeAll(async () => {
    t = await testApp();
    await addUser(t, { username: 'todo_reporter', unit: '大东坝镇', roles: ['unit_reporter'] });
    for (const [k, u] of [
      ['admin', 'admin'],
      ['supervisor', 'supervisor'],
      ['leader', 'leader'],
      ['discipline', 'discipline'],
      ['auditor', 'auditor'],
      ['dadongba', 'dadongba'],
      ['reporter', 'todo_reporter'],
      ['xinxing', 'xinxing'],
    ] as const)
      c[k] = await t.login(u);
    await setToday(t, c.admin, '2022-10-08');
    // A: reported on 2022-06 (accepted) and 2022-08 (submitted); 2022-07 waits for the manager's approval.
    items.a = await openItem(t, c.supervisor, c.dadongba, {
      unit: '大东坝镇',
      startDate: '2022-06-01',
      dueDate: '2022-12-31',
    });
    await insertReport(t, {
      itemId: items.a.id,
      unit: '大东坝镇',
      periodKey: '2022-06',
      status: 'accepted',
      deadline: '2022-07-05',
    });
    reports.a07 = await insertReport(t, {
      itemId: items.a.id,
      unit: '大东坝镇',
      periodKey: '2022-07',
      status: 'pending_approval',
      deadline: '2022-08-03',
    });
    await insertReport(t, {
      itemId: items.a.id,
      unit: '大东坝镇',
      periodKey: '2022-08',
      status: 'submitted',
      deadline: '2022-09-05',
    });
    // F: its 2022-08 report was returned, its 2022-09 report is a draft.
    items.f = await openItem(t, c.supervisor, c.dadongba, {
      unit: '大东坝镇',
      startDate: '2022-08-01',
      dueDate: '2022-12-31',
    });
    reports.f08 = await insertReport(t, {
      itemId: items.f.id,
      unit: '大东坝镇',
      periodKey: '2022-08',
      status: 'returned',
      deadline: '2022-09-05',
    });
    reports.f09 = await insertReport(t, {
      itemId: items.f.id,
      unit: '大东坝镇',
      periodKey: '2022-09',
      status: 'draft',
      deadline: '2022-10-10',
    });
    await transition(t, c.dadongba, items.f.id, 'start');
    // D: assigned to 大东坝镇, not yet accepted.
    items.d = await openItem(t, c.supervisor, null, {
      unit: '大东坝镇',
      startDate: '2022-10-01',
      dueDate: '2022-12-31',
    });
    // E: 新兴镇 asks for completion.
    items.e = await openItem(t, c.supervisor, c.xinxing, {
      unit: '新兴镇',
      startDate: '2022-09-01',
      dueDate: '2022-12-31',
    });
    await transition(t, c.xinxing, items.e.id, 'start');
    await transition(t, c.xinxing, items.e.id, 'request_completion', '已完成全部任务（虚构）');
    // An extension request on A.
    const detail = ok<{ requests: { id: string }[] }>(
      await t.as(c.dadongba, {
        method: 'POST',
        url: `/api/items/${items.a.id}/requests`,
        payload: { kind: 'extension', reason: '测试延期（虚构）', proposedDueDate: '2023-03-31' },
      }),
    );
    requestId = detail.requests[0]!.id;
  });
  afterAll(() => t.close());

  it("gives a unit manager the unit's owed reports, the items to accept and the reports to approve", async () => {
    const list = await todo(c.dadongba);
    expect(list.asOf).toBe('2022-10-08');
    expect(list.readOnly).toBe(false);
    expect(mine(list.reportsDue)).toEqual([
      'A 2022-07 2022-08-03 overdue pending_approval',
      'F 2022-08 2022-09-05 overdue returned',
      'A 2022-09 2022-10-10 due -',
      'F 2022-09 2022-10-10 due draft',
    ]);
    const byKey = new Map(list.reportsDue!.map((r) => [`${r.itemId} ${r.periodKey}`, r]));
    expect(byKey.get(`${items.a.id} 2022-07`)).toMatchObject({ reportId: reports.a07, workingDays: 42 }); // 20 in August, 21 in September (中秋 off), 10-08;
    expect(byKey.get(`${items.f.id} 2022-08`)).toMatchObject({
      reportId: reports.f08,
      itemNumber: items.f.number,
    });
    expect(byKey.get(`${items.f.id} 2022-09`)).toMatchObject({
      reportId: reports.f09,
      workingDays: 2,
      deadlineEstimated: false,
    });
    expect(byKey.get(`${items.a.id} 2022-09`)).toMatchObject({ reportId: null, reportStatus: null });
    // Only the unit's own items, and only open ones (D is not accepted yet).
    const ddb = await unitId(t, '大东坝镇');
    const leads = await t.database.db.selectFrom('items').select(['id', 'lead_unit_id', 'status']).execute();
    const lead = new Map(leads.map((i) => [i.id, i]));
    for (const r of list.reportsDue!) {
      expect(lead.get(r.itemId)!.lead_unit_id).toBe(ddb);
      expect(['accepted', 'in_progress', 'completion_requested']).toContain(lead.get(r.itemId)!.status);
    }
    expect(list.itemsToAccept!.map((i) => i.itemId)).toContain(items.d.id);
    expect(list.itemsToAccept!.find((i) => i.itemId === items.d.id)).toMatchObject({
      itemNumber: items.d.number,
      dueDate: '2022-12-31',
      assignedAt: t.clock.now().toISOString(),
    });
    expect(list.itemsToAccept!.some((i) => i.itemId === items.e.id)).toBe(false);
    const pending = await t.database.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_id', '=', ddb)
      .where('status', '=', 'pending_approval')
      .where('current', '=', 1)
      .executeTakeFirstOrThrow();
    expect(list.pendingApprovals).toBe(Number(pending.n));
    expect(list.pendingApprovals).toBeGreaterThanOrEqual(1);
    expect(list.reviewQueue).toBeUndefined();
    expect(list.requestsPending).toBeUndefined();
    expect(list.county).toBeUndefined();
  });

  it('gives a unit reporter the same owed reports and nothing of the manager', async () => {
    const list = await todo(c.reporter);
    expect(list.reportsDue).toEqual((await todo(c.dadongba)).reportsDue);
    expect(list.itemsToAccept).toBeUndefined();
    expect(list.pendingApprovals).toBeUndefined();
    expect(list.readOnly).toBe(false);
  });

  it("never shows a unit another unit's work", async () => {
    const list = await todo(c.xinxing);
    const ids = [items.a.id, items.f.id, items.d.id];
    expect(list.reportsDue!.some((r) => ids.includes(r.itemId))).toBe(false);
    expect(list.itemsToAccept!.some((i) => ids.includes(i.itemId))).toBe(false);
    // Its own item E is still reported on while completion is requested.
    expect(list.reportsDue!.filter((r) => r.itemId === items.e.id).map((r) => r.periodKey)).toEqual([
      '2022-09',
    ]);
  });

  it("gives the supervisor the task force's queues", async () => {
    const list = await todo(c.supervisor);
    expect(list.readOnly).toBe(false);
    expect(list.reportsDue).toBeUndefined();
    expect(list.itemsToAccept).toBeUndefined();
    const submitted = await t.database.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'submitted')
      .where('current', '=', 1)
      .executeTakeFirstOrThrow();
    expect(list.reviewQueue).toBe(Number(submitted.n));
    expect(list.reviewQueue).toBeGreaterThanOrEqual(1);
    expect(list.requestsPending!.find((r) => r.requestId === requestId)).toMatchObject({
      itemId: items.a.id,
      kind: 'extension',
      leadUnitName: '大东坝镇',
    });
    expect(list.completionRequests!.find((r) => r.itemId === items.e.id)).toMatchObject({
      itemNumber: items.e.number,
      leadUnitName: '新兴镇',
      requestedAt: t.clock.now().toISOString(),
    });
    expect(list.county).toMatchObject({
      reviewQueue: list.reviewQueue,
      requestsPending: list.requestsPending!.length,
      completionRequests: list.completionRequests!.length,
    });
    expect(list.county!.itemsAwaitingAcceptance).toBeGreaterThanOrEqual(1);
    expect(list.county!.reportsOverdue).toBeGreaterThanOrEqual(2); // A 2022-07, F 2022-08 at least
  });

  it('counts a correction waiting for approval or review, though it is not in force yet', async () => {
    const before = { manager: await todo(c.dadongba), supervisor: await todo(c.supervisor) };
    // A correction of A's accepted 2022-06 report, waiting for the manager, then for the task force.
    const id = await insertReport(t, {
      itemId: items.a.id,
      unit: '大东坝镇',
      periodKey: '2022-06',
      status: 'pending_approval',
      deadline: '2022-07-05',
      version: 2,
    });
    try {
      expect((await todo(c.dadongba)).pendingApprovals).toBe(before.manager.pendingApprovals! + 1);
      await t.database.db.updateTable('reports').set({ status: 'submitted' }).where('id', '=', id).execute();
      const sup = await todo(c.supervisor);
      expect(sup.reviewQueue).toBe(before.supervisor.reviewQueue! + 1);
      expect(sup.county!.reviewQueue).toBe(sup.reviewQueue);
      expect((await todo(c.dadongba)).pendingApprovals).toBe(before.manager.pendingApprovals);
    } finally {
      await t.database.db.deleteFrom('reports').where('id', '=', id).execute();
    }
  });

  it('gives county leaders and the discipline commission the counts only, read-only', async () => {
    const sup = await todo(c.supervisor);
    for (const cookie of [c.leader, c.discipline]) {
      const list = await todo(cookie);
      expect(list.readOnly).toBe(true);
      expect(list.county).toEqual(sup.county);
      for (const part of [
        'reportsDue',
        'itemsToAccept',
        'pendingApprovals',
        'reviewQueue',
        'requestsPending',
        'completionRequests',
      ] as const)
        expect(list[part], part).toBeUndefined();
    }
  });

  it('refuses the administrators, who do not see the supervision work', async () => {
    expectError(await t.as(c.admin, { method: 'GET', url: '/api/todo' }), 403, 'forbidden');
    expectError(await t.as(c.auditor, { method: 'GET', url: '/api/todo' }), 403, 'forbidden');
  });

  it("follows the region's reminder days: with 0, only what is overdue or due today is listed", async () => {
    ok(await t.as(c.admin, { method: 'PATCH', url: '/api/settings', payload: { reminderDaysBefore: 0 } }));
    try {
      expect(mine((await todo(c.dadongba)).reportsDue)).toEqual([
        'A 2022-07 2022-08-03 overdue pending_approval',
        'F 2022-08 2022-09-05 overdue returned',
      ]);
      await setToday(t, c.admin, '2022-10-10');
      expect(mine((await todo(c.dadongba)).reportsDue)).toEqual([
        'A 2022-07 2022-08-03 overdue pending_approval',
        'F 2022-08 2022-09-05 overdue returned',
        'A 2022-09 2022-10-10 due -',
        'F 2022-09 2022-10-10 due draft',
      ]);
    } finally {
      ok(await t.as(c.admin, { method: 'PATCH', url: '/api/settings', payload: { reminderDaysBefore: 2 } }));
      await setToday(t, c.admin, '2022-10-08');
    }
  });
});

interface DashboardJson {
  items?: {
    total: number;
    byKind: { kind: string; count: number }[];
    byStatus: { status: string; count: number }[];
    overdue: number;
    reportsLate: number;
  };
}

describe.skipIf(!pgAvailable)(`dashboard item figures (${dialect})`, () => {
  let t: TestApp;
  let supervisor: string;
  let admin: string;
  const dashboard = async (cookie = supervisor) =>
    ok<DashboardJson>(await t.as(cookie, { method: 'GET', url: '/api/dashboard' }));

  beforeAll(async () => {
    t = await testApp();
    supervisor = await t.login('supervisor');
    admin = await t.login('admin');
    await setToday(t, admin, '2022-10-08');
  });
  afterAll(() => t.close());

  it('counts items by kind and status, overdue items and late reports, from the data', async () => {
    const before = (await dashboard()).items!;
    const sumOf = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    expect(sumOf(before.byKind)).toBe(before.total);
    expect(sumOf(before.byStatus)).toBe(before.total);

    const past = await openItem(t, supervisor, await t.login('dadongba'), {
      unit: '大东坝镇',
      startDate: '2022-06-01',
      dueDate: '2022-09-30',
    });
    await createItem(t, supervisor, { unit: '新兴镇', startDate: '2022-10-01', dueDate: '2022-12-31' });
    await insertReport(t, {
      itemId: past.id,
      unit: '大东坝镇',
      periodKey: '2022-06',
      status: 'accepted',
      deadline: '2022-07-05',
      late: true,
    });
    await insertReport(t, {
      itemId: past.id,
      unit: '大东坝镇',
      periodKey: '2022-07',
      status: 'accepted',
      deadline: '2022-08-03',
      late: false,
    });

    const after = (await dashboard()).items!;
    expect(after.total).toBe(before.total + 2);
    const kind = (x: typeof after, k: string) => x.byKind.find((e) => e.kind === k)!.count;
    const status = (x: typeof after, s: string) => x.byStatus.find((e) => e.status === s)!.count;
    expect(kind(after, 'work')).toBe(kind(before, 'work') + 2);
    expect(kind(after, 'project')).toBe(kind(before, 'project'));
    expect(status(after, 'accepted')).toBe(status(before, 'accepted') + 1);
    expect(status(after, 'draft')).toBe(status(before, 'draft') + 1);
    expect(after.byStatus.map((s) => s.status)).toEqual([
      'draft',
      'assigned',
      'accepted',
      'in_progress',
      'completion_requested',
      'completed',
      'cancelled',
    ]);
    expect(after.overdue).toBe(before.overdue + 1); // due 2022-09-30, still open on 2022-10-08
    expect(after.reportsLate).toBe(before.reportsLate + 1);
    const rows = await t.database.db
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_id', '=', await regionId(t))
      .executeTakeFirstOrThrow();
    expect(after.total).toBe(Number(rows.n));
  });

  it('leaves the item figures out for the administrators', async () => {
    expect((await dashboard(admin)).items).toBeUndefined();
    expect((await dashboard(await t.login('auditor'))).items).toBeUndefined();
    expect((await dashboard(await t.login('leader'))).items).toBeDefined();
  });
});
