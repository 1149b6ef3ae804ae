// Notifications and the reminder job (催办): who is told what, deduplication, deadlines counted in the Chinese
// working calendar (Spring Festival and National Day 2022 with their make-up workdays), and own-only reading.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/context.ts';
import { runReminders } from '../src/jobs/reminders.ts';
import { REMINDERS_LOCK_KEY, runScheduledReminders, startScheduler } from '../src/jobs/scheduler.ts';
import { notify } from '../src/modules/notifications/service.ts';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { addUser, count, expectError, regionId, unitId, userId } from './fixtures.ts';
import {
  auditActions,
  countNotifications,
  unitStaff,
  insertReport,
  notificationsAbout,
  ok,
  openItem,
  setToday,
  transition,
  createItem,
} from './todo-fixtures.ts';

interface ListJson {
  items: {
    id: string;
    kind: string;
    params: Record<string, unknown>;
    itemId: string | null;
    reportId: string | null;
    createdAt: string;
    readAt: string | null;
  }[];
  total: number;
  unread: number;
}

const brief = (rows: { user: string; kind: string; dedupeKey: string; params: Record<string, unknown> }[]) =>
  rows.map((r) => `${r.user} ${r.kind} ${String(r.params.periodKey)} ${String(r.params.deadline)}`);

/** The expected reminders: every listed account gets each line, in the order `notificationsAbout` sorts them. */
const each = (users: string[], lines: string[]) => lines.flatMap((l) => users.map((u) => `${u} ${l}`));

describe.skipIf(!pgAvailable)(`notifications and reminders (${dialect})`, () => {
  let t: TestApp;
  let region: string;
  const c = {} as Record<'admin' | 'supervisor' | 'dadongba' | 'xinxing' | 'ddbReporter' | 'leader', string>;

  /** The managers and reporters of the two towns, demo accounts included. */
  let ddbStaff: string[];
  let xxStaff: string[];

  const remind = async () => (await runReminders(t.database.db, region, t.clock.now())).created;

  beforeAll(async () => {
    t = await testApp();
    region = await regionId(t);
    await addUser(t, { username: 'ddb_reporter', unit: '大东坝镇', roles: ['unit_reporter'] });
    await addUser(t, { username: 'xx_reporter', unit: '新兴镇', roles: ['unit_reporter'] });
    await addUser(t, { username: 'ddb_gone', unit: '大东坝镇', roles: ['unit_manager'] });
    await t.database.db.updateTable('users').set({ active: 0 }).where('username', '=', 'ddb_gone').execute();
    c.admin = await t.login('admin');
    c.supervisor = await t.login('supervisor');
    c.dadongba = await t.login('dadongba');
    c.xinxing = await t.login('xinxing');
    c.ddbReporter = await t.login('ddb_reporter');
    c.leader = await t.login('leader');
    ddbStaff = await unitStaff(t, '大东坝镇');
    xxStaff = await unitStaff(t, '新兴镇');
    expect(ddbStaff).toContain('ddb_reporter');
    expect(ddbStaff).not.toContain('ddb_gone');
  });
  afterAll(() => t.close());

  it("tells the lead unit's managers, and nobody else, that an item was assigned", async () => {
    const item = await createItem(t, c.supervisor, {
      unit: '大东坝镇',
      startDate: '2022-05-01',
      dueDate: '2022-12-31',
    });
    expect(await notificationsAbout(t, [item.id])).toEqual([]);
    await transition(t, c.supervisor, item.id, 'assign');
    const rows = await notificationsAbout(t, [item.id]);
    expect(rows.map((r) => `${r.user} ${r.kind} ${r.dedupeKey}`)).toEqual(
      (await unitStaff(t, '大东坝镇', ['unit_manager'])).map(
        (u) => `${u} item_assigned item_assigned:${item.id}`,
      ),
    );
    expect(rows.map((r) => r.user)).toContain('dadongba');
    expect(rows[0]!.params).toMatchObject({ itemNumber: item.number, dueDate: '2022-12-31' });

    const mine = ok<ListJson>(await t.as(c.dadongba, { method: 'GET', url: '/api/notifications' }));
    const n = mine.items.find((x) => x.itemId === item.id);
    expect(n).toMatchObject({ kind: 'item_assigned', readAt: null, reportId: null });
    expect(n!.params.itemNumber).toBe(item.number);
    for (const other of [c.xinxing, c.ddbReporter, c.supervisor]) {
      const list = ok<ListJson>(await t.as(other, { method: 'GET', url: '/api/notifications' }));
      expect(list.items.some((x) => x.itemId === item.id)).toBe(false);
    }
  });

  it('reminds across National Day 2022: the 2022-09 report is due 2022-10-10 after the make-up workdays', async () => {
    const a = await openItem(t, c.supervisor, c.dadongba, {
      unit: '大东坝镇',
      startDate: '2022-08-01',
      dueDate: '2022-12-31',
    });
    const b = await openItem(t, c.supervisor, c.xinxing, {
      unit: '新兴镇',
      startDate: '2022-08-01',
      dueDate: '2022-12-31',
    });
    // Assigned but not accepted: the unit does not report on it yet.
    const notAccepted = await openItem(t, c.supervisor, null, {
      unit: '大东坝镇',
      startDate: '2022-08-01',
      dueDate: '2022-12-31',
    });
    const ids = [a.id, b.id, notAccepted.id];
    const reminders = async () =>
      (await notificationsAbout(t, ids)).filter((r) => r.kind.startsWith('report_'));

    // 7 October, the last day of the holiday: 2022-09's deadline is three working days away (10-08, 10-09 are
    // make-up workdays, then 10-10). A Monday–Friday count would have made it overdue since 10-05.
    await setToday(t, c.admin, '2022-10-07');
    await remind();
    expect(brief((await reminders()).filter((r) => r.itemId === a.id))).toEqual(
      each(ddbStaff, ['report_overdue 2022-08 2022-09-05']),
    );

    await setToday(t, c.admin, '2022-10-08');
    const before = await countNotifications(t);
    const created = await remind();
    expect(created).toBe((await countNotifications(t)) - before);
    const rows = await reminders();
    const lines = ['report_due 2022-09 2022-10-10', 'report_overdue 2022-08 2022-09-05'];
    expect(brief(rows.filter((r) => r.itemId === a.id))).toEqual(each(ddbStaff, lines));
    expect(brief(rows.filter((r) => r.itemId === b.id))).toEqual(each(xxStaff, lines));
    expect(rows.filter((r) => r.itemId === notAccepted.id)).toEqual([]);
    expect(rows.find((r) => r.kind === 'report_due')!.dedupeKey).toMatch(/^report_due:[\w-]+:2022-09$/);
    expect(rows.find((r) => r.kind === 'report_due')!.params).toMatchObject({
      workingDaysLeft: 2,
      deadlineEstimated: false,
    });
    expect(rows.some((r) => r.user === 'ddb_gone')).toBe(false);

    // A second run, the same day or the next, adds nothing.
    const total = await countNotifications(t);
    expect(await remind()).toBe(0);
    await setToday(t, c.admin, '2022-10-09');
    expect(await remind()).toBe(0);
    expect(await countNotifications(t)).toBe(total);
  });

  it('reminds across Spring Festival 2022: the 2022-01 report is due 2022-02-09, not 2022-02-03', async () => {
    const item = await openItem(t, c.supervisor, c.dadongba, {
      unit: '大东坝镇',
      title: '春节测试事项（虚构）',
      startDate: '2022-01-01',
      dueDate: '2022-03-31',
    });
    const kinds = async () =>
      (await notificationsAbout(t, [item.id]))
        .filter((r) => r.user === 'dadongba' && r.kind.startsWith('report_'))
        .map((r) => `${r.kind} ${String(r.params.periodKey)} ${String(r.params.deadline)}`);
    await setToday(t, c.admin, '2022-02-04'); // still the holiday: three working days to go
    await remind();
    expect(await kinds()).toEqual([]);
    await setToday(t, c.admin, '2022-02-07'); // first working day after the holiday
    await remind();
    expect(await kinds()).toEqual(['report_due 2022-01 2022-02-09']);
    await setToday(t, c.admin, '2022-02-09'); // the deadline itself is not late
    await remind();
    expect(await kinds()).toEqual(['report_due 2022-01 2022-02-09']);
    await setToday(t, c.admin, '2022-02-10');
    await remind();
    expect(await kinds()).toEqual(['report_due 2022-01 2022-02-09', 'report_overdue 2022-01 2022-02-09']);
  });

  it('stops reminding once the report is submitted, and keeps reminding about a draft', async () => {
    const submitted = await openItem(t, c.supervisor, c.dadongba, {
      unit: '大东坝镇',
      startDate: '2022-11-01',
      dueDate: '2022-12-31',
    });
    const drafted = await openItem(t, c.supervisor, c.dadongba, {
      unit: '大东坝镇',
      startDate: '2022-11-01',
      dueDate: '2022-12-31',
    });
    await insertReport(t, {
      itemId: submitted.id,
      unit: '大东坝镇',
      periodKey: '2022-11',
      status: 'submitted',
      deadline: '2022-12-05',
    });
    const draft = await insertReport(t, {
      itemId: drafted.id,
      unit: '大东坝镇',
      periodKey: '2022-11',
      status: 'draft',
      deadline: '2022-12-05',
    });
    await setToday(t, c.admin, '2022-12-07');
    await remind();
    expect(
      await notificationsAbout(t, [submitted.id]).then((r) => r.filter((x) => x.kind !== 'item_assigned')),
    ).toEqual([]);
    const rows = (await notificationsAbout(t, [drafted.id])).filter((x) => x.kind === 'report_overdue');
    expect(rows.map((r) => r.user)).toEqual(ddbStaff);
    const [n] = ok<ListJson>(
      await t.as(c.ddbReporter, { method: 'GET', url: '/api/notifications?unread=true&pageSize=100' }),
    ).items.filter((x) => x.itemId === drafted.id);
    expect(n).toMatchObject({ kind: 'report_overdue', reportId: draft });
    expect(n!.params).toMatchObject({ periodKey: '2022-11', deadline: '2022-12-05', workingDaysLate: 2 });
  });

  it('tells the requester how their extension request was decided', async () => {
    const item = await openItem(t, c.supervisor, c.dadongba, {
      unit: '大东坝镇',
      startDate: '2022-03-01',
      dueDate: '2022-06-30',
    });
    const detail = ok<{ requests: { id: string }[] }>(
      await t.as(c.dadongba, {
        method: 'POST',
        url: `/api/items/${item.id}/requests`,
        payload: { kind: 'extension', reason: '雨季施工受阻（虚构）', proposedDueDate: '2022-08-31' },
      }),
    );
    const requestId = detail.requests[0]!.id;
    expect((await notificationsAbout(t, [item.id])).filter((r) => r.kind === 'request_decided')).toEqual([]);
    ok(
      await t.as(c.supervisor, {
        method: 'POST',
        url: `/api/items/${item.id}/requests/${requestId}/decision`,
        payload: { approve: true },
      }),
    );
    const rows = (await notificationsAbout(t, [item.id])).filter((r) => r.kind === 'request_decided');
    expect(rows.map((r) => [r.user, r.dedupeKey])).toEqual([['dadongba', `request_decided:${requestId}`]]);
    expect(rows[0]!.params).toMatchObject({
      requestKind: 'extension',
      approved: true,
      itemNumber: item.number,
    });
  });

  it("tells the submitter and the unit's managers when a report is returned, and when it is accepted", async () => {
    await setToday(t, c.admin, '2022-06-10');
    const item = await openItem(t, c.supervisor, c.dadongba, {
      unit: '大东坝镇',
      startDate: '2022-05-01',
      dueDate: '2022-12-31',
    });
    type R = { id: string; rowVersion: number; status: string };
    let report = ok<R>(
      await t.as(c.ddbReporter, {
        method: 'POST',
        url: `/api/items/${item.id}/reports`,
        payload: { periodKey: '2022-05', progress: 20, workProgress: '完成清理（虚构）' },
      }),
      201,
    );
    const submit = async () =>
      (report = ok<R>(
        await t.as(c.ddbReporter, {
          method: 'POST',
          url: `/api/reports/${report.id}/submit`,
          payload: { rowVersion: report.rowVersion },
        }),
      ));
    await submit();
    expect(report.status).toBe('submitted');
    const returnedAt = report.rowVersion;
    report = ok<R>(
      await t.as(c.supervisor, {
        method: 'POST',
        url: `/api/reports/${report.id}/return`,
        payload: { rowVersion: report.rowVersion, reason: '佐证材料不足（测试）' },
      }),
    );
    const managers = await unitStaff(t, '大东坝镇', ['unit_manager']);
    const about = async (kind: string) =>
      (await notificationsAbout(t, [item.id])).filter((r) => r.kind === kind);
    const returned = await about('report_returned');
    expect(returned.map((r) => r.user)).toEqual([...new Set([...managers, 'ddb_reporter'])].sort());
    expect(returned[0]!.dedupeKey).toBe(`report_returned:${report.id}:${returnedAt}`);
    expect(returned[0]!.params).toMatchObject({ periodKey: '2022-05', reason: '佐证材料不足（测试）' });

    await submit();
    ok(
      await t.as(c.supervisor, {
        method: 'POST',
        url: `/api/reports/${report.id}/accept`,
        payload: { rowVersion: report.rowVersion },
      }),
    );
    const accepted = await about('report_accepted');
    expect(accepted.map((r) => r.user)).toEqual([...new Set([...managers, 'ddb_reporter'])].sort());
    const [n] = ok<ListJson>(
      await t.as(c.ddbReporter, { method: 'GET', url: '/api/notifications?pageSize=100' }),
    ).items.filter((x) => x.kind === 'report_accepted' && x.itemId === item.id);
    expect(n).toMatchObject({ reportId: report.id });
    // The supervisor who acted is told nothing.
    expect([...returned, ...accepted].some((r) => r.user === 'supervisor')).toBe(false);
  });

  it('lets every account read and mark only its own notifications, and audits the marking', async () => {
    const mine = ok<ListJson>(
      await t.as(c.dadongba, { method: 'GET', url: '/api/notifications?pageSize=100' }),
    );
    const dadongbaId = await userId(t, 'dadongba');
    const own = await t.database.db
      .selectFrom('notifications')
      .select(['id', 'read_at'])
      .where('user_id', '=', dadongbaId)
      .execute();
    expect(own.length).toBeGreaterThan(3);
    expect(mine.total).toBe(own.length);
    expect(mine.items.map((n) => n.id).sort()).toEqual(own.map((r) => r.id).sort());
    const unreadAtStart = own.filter((r) => r.read_at === null).length;
    expect(mine.unread).toBe(unreadAtStart);
    const newestFirst = [...mine.items].sort((x, y) => y.createdAt.localeCompare(x.createdAt));
    expect(mine.items.map((x) => x.createdAt)).toEqual(newestFirst.map((x) => x.createdAt));

    const target = mine.items.find((n) => n.readAt === null)!;
    // Someone else's notification does not exist for you.
    expectError(
      await t.as(c.xinxing, { method: 'POST', url: `/api/notifications/${target.id}/read` }),
      404,
      'not_found',
    );
    const theirs = ok<ListJson>(
      await t.as(c.xinxing, { method: 'GET', url: '/api/notifications?pageSize=100' }),
    );
    expect(theirs.items.some((n) => n.id === target.id)).toBe(false);
    expect(theirs.items.every((n) => !mine.items.some((m) => m.id === n.id))).toBe(true);

    const auditBefore = await count(t, 'audit_log');
    const read = ok<{ id: string; readAt: string | null }>(
      await t.as(c.dadongba, { method: 'POST', url: `/api/notifications/${target.id}/read` }),
    );
    expect(read.id).toBe(target.id);
    expect(read.readAt).toBe(t.clock.now().toISOString());
    expect(await count(t, 'audit_log')).toBe(auditBefore + 1);
    // Marking it again changes nothing and records nothing.
    ok(await t.as(c.dadongba, { method: 'POST', url: `/api/notifications/${target.id}/read` }));
    expect(await count(t, 'audit_log')).toBe(auditBefore + 1);

    expect(ok(await t.as(c.dadongba, { method: 'GET', url: '/api/notifications/unread-count' }))).toEqual({
      count: unreadAtStart - 1,
    });
    const unread = ok<ListJson>(
      await t.as(c.dadongba, { method: 'GET', url: '/api/notifications?unread=true&pageSize=100' }),
    );
    expect(unread.total).toBe(unreadAtStart - 1);
    expect(unread.items.some((n) => n.id === target.id)).toBe(false);
    const readOnes = ok<ListJson>(
      await t.as(c.dadongba, { method: 'GET', url: '/api/notifications?unread=false&pageSize=100' }),
    );
    expect(readOnes.total).toBe(own.length - unreadAtStart + 1);
    expect(readOnes.items.map((n) => n.id)).toContain(target.id);
    expect(readOnes.unread).toBe(unreadAtStart - 1);

    const xinxingUnread = ok<{ count: number }>(
      await t.as(c.xinxing, { method: 'GET', url: '/api/notifications/unread-count' }),
    ).count;
    expect(ok(await t.as(c.dadongba, { method: 'POST', url: '/api/notifications/read-all' }))).toEqual({
      updated: unreadAtStart - 1,
    });
    expect(await count(t, 'audit_log')).toBe(auditBefore + 2);
    const entries = await auditActions(t, 'notification.');
    expect(entries.map((e) => e.action)).toEqual(['notification.read', 'notification.read_all']);
    expect(entries[1]!.after).toEqual({ count: unreadAtStart - 1 });
    expect(ok(await t.as(c.dadongba, { method: 'GET', url: '/api/notifications/unread-count' }))).toEqual({
      count: 0,
    });
    // Nothing left to mark: no change, no audit entry; and nobody else's were touched.
    expect(ok(await t.as(c.dadongba, { method: 'POST', url: '/api/notifications/read-all' }))).toEqual({
      updated: 0,
    });
    expect(await count(t, 'audit_log')).toBe(auditBefore + 2);
    expect(ok(await t.as(c.xinxing, { method: 'GET', url: '/api/notifications/unread-count' }))).toEqual({
      count: xinxingUnread,
    });
  });

  it('refuses bad list parameters with 400 naming the field', async () => {
    expectError(
      await t.as(c.dadongba, { method: 'GET', url: '/api/notifications?unread=yes' }),
      400,
      'invalid_value',
      'unread',
    );
    expectError(
      await t.as(c.dadongba, { method: 'GET', url: '/api/notifications?pageSize=1000' }),
      400,
      undefined,
      'pageSize',
    );
  });

  it('deduplicates per recipient and skips inactive accounts and the actor', async () => {
    const item = await createItem(t, c.supervisor, {
      unit: '新兴镇',
      startDate: '2022-05-01',
      dueDate: '2022-06-30',
    });
    const ids = await Promise.all(['xinxing', 'xx_reporter', 'ddb_gone', 'leader'].map((u) => userId(t, u)));
    const input = {
      regionId: region,
      kind: 'report_accepted' as const,
      params: { itemNumber: item.number },
      itemId: item.id,
      dedupeKey: `test:${item.id}`,
      userIds: [...ids, ids[0]!],
    };
    const leader = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'leader')
      .executeTakeFirstOrThrow();
    const asLeader = {
      ...systemContext(t.clock.now()),
      actor: {
        id: leader.id,
        regionId: region,
        unitId: leader.unit_id,
        roles: ['leader' as const],
        username: 'leader',
        displayName: leader.display_name,
        sessionId: 'test',
      },
    };
    const first = await t.database.db.transaction().execute((trx) => notify(trx, asLeader, input));
    expect(first).toBe(2);
    const again = await t.database.db.transaction().execute((trx) => notify(trx, asLeader, input));
    expect(again).toBe(0);
    // By unit and roles: xinxing and xx_reporter have it already; only the unit's other staff get it.
    const xinxingUnit = await unitId(t, '新兴镇');
    const byUnit = await t.database.db.transaction().execute((trx) =>
      notify(trx, systemContext(t.clock.now()), {
        ...input,
        userIds: [],
        unitId: xinxingUnit,
        roles: ['unit_manager', 'unit_reporter'],
      }),
    );
    expect(byUnit).toBe(xxStaff.length - 2);
    expect((await notificationsAbout(t, [item.id])).map((r) => r.user)).toEqual(xxStaff);
  });

  it('lets supervisors run the reminders on demand, audited, and nobody else', async () => {
    await setToday(t, c.admin, '2022-12-20');
    const before = await count(t, 'audit_log');
    expectError(await t.as(c.dadongba, { method: 'POST', url: '/api/reminders/run' }), 403, 'forbidden');
    expectError(await t.as(c.leader, { method: 'POST', url: '/api/reminders/run' }), 403, 'forbidden');
    expect(await count(t, 'audit_log')).toBe(before);
    const first = ok<{ created: number }>(
      await t.as(c.supervisor, { method: 'POST', url: '/api/reminders/run' }),
    );
    expect(first.created).toBeGreaterThan(0);
    const second = ok<{ created: number }>(
      await t.as(c.supervisor, { method: 'POST', url: '/api/reminders/run' }),
    );
    expect(second).toEqual({ created: 0 });
    const runs = (await auditActions(t, 'reminders.run')).slice(-2);
    expect(runs.map((r) => (r.after as { created: number; today: string }).created)).toEqual([
      first.created,
      0,
    ]);
    expect((runs[0]!.after as { today: string }).today).toBe('2022-12-20');
  });

  it('runs the scheduled job once at start-up, and skips it while another process holds the lock', async () => {
    await setToday(t, c.admin, '2022-12-28');
    const item = await openItem(t, c.supervisor, c.dadongba, {
      unit: '大东坝镇',
      startDate: '2022-11-01',
      dueDate: '2022-12-31',
      frequency: 'weekly',
    });
    const scheduler = startScheduler(t.database, t.app.log, { catchUp: true });
    await scheduler.runNow();
    await scheduler.stop();
    const rows = (await notificationsAbout(t, [item.id])).filter((r) => r.kind === 'report_overdue');
    expect(rows.length).toBeGreaterThan(0);

    if (dialect === 'postgres') {
      await t.database.db.connection().execute(async (conn) => {
        await sql`select pg_advisory_lock(${REMINDERS_LOCK_KEY})`.execute(conn);
        try {
          expect(await runScheduledReminders(t.database, t.app.log)).toBe('skipped');
        } finally {
          await sql`select pg_advisory_unlock(${REMINDERS_LOCK_KEY})`.execute(conn);
        }
      });
    }
    expect(await runScheduledReminders(t.database, t.app.log)).toBe('ran');
  });
});
