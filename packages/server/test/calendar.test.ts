// Calendar administration (only the system administrator changes it; every account reads it) and the region's
// settings. A year without statutory data (2027) says so, and an administrator's overrides and declaration change
// the deadlines the units see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { addUser, count, expectError, regionId } from './fixtures.ts';
import { auditActions, ok, openItem, setToday } from './todo-fixtures.ts';

interface DayJson {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  source: 'builtin' | 'region';
}
interface YearJson {
  year: number;
  hasData: boolean;
  estimated: boolean;
  builtin: boolean;
  declared: boolean;
  days: DayJson[];
  workingDays: number;
}
interface TodoJson {
  reportsDue?: { itemId: string; periodKey: string; deadline: string; deadlineEstimated: boolean }[];
}

async function calendarDays(t: TestApp): Promise<number> {
  const r = await t.database.db
    .selectFrom('calendar_days')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe.skipIf(!pgAvailable)(`calendar administration (${dialect})`, () => {
  let t: TestApp;
  const c = {} as Record<'admin' | 'supervisor' | 'dadongba' | 'reporter' | 'security' | 'auditor', string>;

  const year = async (y: number, cookie = c.reporter) =>
    ok<YearJson>(await t.as(cookie, { method: 'GET', url: `/api/calendar?year=${y}` }));
  const put = (path: string, payload?: Record<string, unknown>, cookie = c.admin) =>
    t.as(cookie, { method: 'PUT', url: `/api/calendar/${path}`, ...(payload !== undefined && { payload }) });
  const del = (path: string, cookie = c.admin) =>
    t.as(cookie, { method: 'DELETE', url: `/api/calendar/${path}` });

  beforeAll(async () => {
    t = await testApp();
    await addUser(t, { username: 'cal_reporter', unit: '大东坝镇', roles: ['unit_reporter'] });
    c.admin = await t.login('admin');
    c.supervisor = await t.login('supervisor');
    c.dadongba = await t.login('dadongba');
    c.reporter = await t.login('cal_reporter');
    c.security = await t.login('security');
    c.auditor = await t.login('auditor');
  });
  afterAll(() => t.close());

  it('shows 2022 from the builtin schedule: Spring Festival, National Day and their make-up workdays', async () => {
    const y = await year(2022);
    expect(y).toMatchObject({ year: 2022, hasData: true, estimated: false, builtin: true, declared: false });
    expect(y.workingDays).toBe(249);
    const byDate = new Map(y.days.map((d) => [d.date, d]));
    expect(byDate.get('2022-01-31')).toEqual({
      date: '2022-01-31',
      kind: 'holiday',
      name: '春节',
      source: 'builtin',
    });
    expect(byDate.get('2022-01-29')).toEqual({
      date: '2022-01-29',
      kind: 'workday',
      name: '春节',
      source: 'builtin',
    });
    expect(byDate.get('2022-10-08')).toEqual({
      date: '2022-10-08',
      kind: 'workday',
      name: '国庆节',
      source: 'builtin',
    });
    expect(byDate.get('2022-10-09')?.kind).toBe('workday');
    expect(byDate.has('2022-10-10')).toBe(false); // an ordinary Monday
    expect(y.days.every((d) => d.date.startsWith('2022-'))).toBe(true);
    expect(y.days.map((d) => d.date)).toEqual([...y.days.map((d) => d.date)].sort());
    // Every account with a role reads it, the audit administrator included.
    expect((await year(2022, c.auditor)).workingDays).toBe(249);
  });

  it('says that 2027 has no statutory data yet: every deadline there is an estimate', async () => {
    const y = await year(2027);
    expect(y).toMatchObject({
      year: 2027,
      hasData: false,
      estimated: true,
      builtin: false,
      declared: false,
      days: [],
    });
    expect(y.workingDays).toBe(261); // plain Monday–Friday
  });

  it("defaults to the year of the region's today", async () => {
    await setToday(t, c.admin, '2023-06-01');
    expect(ok<YearJson>(await t.as(c.reporter, { method: 'GET', url: '/api/calendar' })).year).toBe(2023);
    await setToday(t, c.admin, null);
  });

  it('lets only the system administrator change the calendar, and leaves no trace of a refusal', async () => {
    const days = await calendarDays(t);
    const audit = await count(t, 'audit_log');
    for (const cookie of [c.supervisor, c.dadongba, c.reporter, c.security, c.auditor]) {
      expectError(await put('days/2027-02-02', { kind: 'holiday' }, cookie), 403, 'forbidden');
      expectError(await del('days/2027-02-02', cookie), 403, 'forbidden');
      expectError(await put('years/2027', undefined, cookie), 403, 'forbidden');
      expectError(await del('years/2027', cookie), 403, 'forbidden');
    }
    expectError(
      await t.as(null, { method: 'PUT', url: '/api/calendar/days/2027-02-02', payload: { kind: 'holiday' } }),
      401,
    );
    expect(await calendarDays(t)).toBe(days);
    expect(await count(t, 'audit_log')).toBe(audit);
    expect((await year(2027)).days).toEqual([]);
  });

  it('refuses bad input with 400 naming the field, and impossible declarations with 409', async () => {
    expectError(await put('days/2027-02-30', { kind: 'holiday' }), 400, 'invalid_date', 'date');
    expectError(await put('days/20270202', { kind: 'holiday' }), 400, 'invalid_date', 'date');
    expectError(await put('days/1999-12-31', { kind: 'holiday' }), 400, 'year_out_of_range', 'date');
    expectError(await put('days/2101-01-01', { kind: 'holiday' }), 400, 'year_out_of_range', 'date');
    // The kind is always explicit: never inferred from the day of the week.
    expectError(await put('days/2027-02-02', {}), 400, 'required', 'kind');
    expectError(await put('days/2027-02-02', { name: '春节' }), 400, 'required', 'kind');
    expectError(await put('days/2027-02-02', { kind: 'rest' }), 400, 'invalid_value', 'kind');
    expectError(
      await put('days/2027-02-02', { kind: 'holiday', name: 'x'.repeat(101) }),
      400,
      'too_big_string',
      'name',
    );
    expectError(await put('days/2027-02-02', { kind: 'holiday', extra: 1 }), 400, 'unknown_field');
    expectError(await put('years/1999'), 400, 'too_small_number', 'year');
    expectError(await put('years/2101'), 400, 'too_big_number', 'year');
    expectError(await put('years/20x7'), 400, undefined, 'year');
    expectError(
      await t.as(c.reporter, { method: 'GET', url: '/api/calendar?year=1999' }),
      400,
      'too_small_number',
      'year',
    );
    expect(expectError(await del('days/2027-03-03'), 404, 'not_found').field).toBe('date');
    expect(expectError(await del('years/2027'), 404, 'not_found').field).toBe('year');
    expect(expectError(await put('years/2022'), 409, 'calendar_year_builtin').message).toContain('2022');
    expect(expectError(await put('years/2028'), 409, 'calendar_year_empty').message).toContain('2028');
    expect(await calendarDays(t)).toBe(0);
  });

  it('accepts an explicit workday on a weekday and an explicit holiday on a weekend, and moves the deadlines', async () => {
    await setToday(t, c.admin, '2022-10-08');
    const item = await openItem(t, c.supervisor, c.dadongba, {
      unit: '大东坝镇',
      startDate: '2022-09-01',
      dueDate: '2022-12-31',
    });
    const deadline = async () =>
      ok<TodoJson>(await t.as(c.reporter, { method: 'GET', url: '/api/todo' })).reportsDue?.find(
        (r) => r.itemId === item.id && r.periodKey === '2022-09',
      )?.deadline;
    expect(await deadline()).toBe('2022-10-10');

    // The region works on Friday 7 October (cancelling the builtin holiday): the 2022-09 report is due a day sooner.
    const worked = ok<YearJson>(await put('days/2022-10-07', { kind: 'workday', name: '本县调整（测试）' }));
    expect(worked.days.find((d) => d.date === '2022-10-07')).toEqual({
      date: '2022-10-07',
      kind: 'workday',
      name: '本县调整（测试）',
      source: 'region',
    });
    expect(worked.workingDays).toBe(250);
    expect(await deadline()).toBe('2022-10-09');

    // A holiday on a Saturday only names the day.
    const named = ok<YearJson>(await put('days/2022-10-15', { kind: 'holiday', name: '测试纪念日（虚构）' }));
    expect(named.days.find((d) => d.date === '2022-10-15')).toMatchObject({
      kind: 'holiday',
      source: 'region',
    });
    expect(named.workingDays).toBe(250);

    ok(await del('days/2022-10-07'));
    const restored = ok<YearJson>(await del('days/2022-10-15'));
    expect(restored.workingDays).toBe(249);
    expect(restored.days.find((d) => d.date === '2022-10-07')).toEqual({
      date: '2022-10-07',
      kind: 'holiday',
      name: '国庆节',
      source: 'builtin',
    });
    expect(await deadline()).toBe('2022-10-10');
    expect(await calendarDays(t)).toBe(0);
  });

  it("changes 2027's deadlines with an administrator's override, and stops estimating once the year is declared", async () => {
    await setToday(t, c.admin, '2027-02-01');
    const item = await openItem(t, c.supervisor, c.dadongba, {
      unit: '大东坝镇',
      startDate: '2027-01-01',
      dueDate: '2027-12-31',
    });
    const due = async () => {
      const r = ok<TodoJson>(await t.as(c.reporter, { method: 'GET', url: '/api/todo' })).reportsDue?.find(
        (x) => x.itemId === item.id && x.periodKey === '2027-01',
      );
      return r && { deadline: r.deadline, estimated: r.deadlineEstimated };
    };
    // 2027-01 ends on a Sunday: three working days on, Monday to Friday assumed.
    expect(await due()).toEqual({ deadline: '2027-02-03', estimated: true });

    const overridden = ok<YearJson>(
      await put('days/2027-02-02', { kind: 'holiday', name: '测试假日（虚构）' }),
    );
    expect(overridden).toMatchObject({ hasData: false, estimated: true, declared: false, workingDays: 260 });
    expect(overridden.days).toEqual([
      { date: '2027-02-02', kind: 'holiday', name: '测试假日（虚构）', source: 'region' },
    ]);
    // Takes effect at once (the cached calendar is dropped), still an estimate.
    expect(await due()).toEqual({ deadline: '2027-02-04', estimated: true });

    const declared = ok<YearJson>(await put('years/2027'));
    expect(declared).toMatchObject({
      year: 2027,
      hasData: true,
      estimated: false,
      declared: true,
      workingDays: 260,
    });
    expect(await due()).toEqual({ deadline: '2027-02-04', estimated: false });
    // Declaring again changes nothing and records nothing.
    const audit = await count(t, 'audit_log');
    expect(ok<YearJson>(await put('years/2027')).declared).toBe(true);
    expect(await count(t, 'audit_log')).toBe(audit);

    expect(ok<YearJson>(await del('years/2027'))).toMatchObject({
      hasData: false,
      estimated: true,
      declared: false,
    });
    expect(await due()).toEqual({ deadline: '2027-02-04', estimated: true });
    expect(ok<YearJson>(await del('days/2027-02-02')).days).toEqual([]);
    expect(await due()).toEqual({ deadline: '2027-02-03', estimated: true });

    const entries = await auditActions(t, 'calendar.');
    expect(entries.map((e) => e.action).slice(-4)).toEqual([
      'calendar.day_set',
      'calendar.year_declare',
      'calendar.year_undeclare',
      'calendar.day_delete',
    ]);
    expect(entries.at(-4)!.after).toEqual({ date: '2027-02-02', kind: 'holiday', name: '测试假日（虚构）' });
  });

  it("keeps one region's overrides out of another's calendar", async () => {
    ok(await put('days/2027-05-05', { kind: 'holiday', name: '测试（虚构）' }));
    const other = await t.database.db
      .insertInto('regions')
      .values({
        id: 'other-region',
        region_id: 'other-region',
        name: '另一县（测试）',
        code: 'other-test',
        is_demo: 0,
        created_at: t.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { calendarYearOf } = await import('../src/modules/calendar/service.ts');
    expect((await calendarYearOf(t.database.db, other.id, 2027)).days).toEqual([]);
    expect((await calendarYearOf(t.database.db, await regionId(t), 2027)).days.map((d) => d.date)).toEqual([
      '2027-05-05',
    ]);
    ok(await del('days/2027-05-05'));
  });
});

interface SettingsJson {
  reportApprovalRequired: boolean;
  reminderDaysBefore: number;
  evidenceMaxBytes: number;
  demoToday: string | null;
}

describe.skipIf(!pgAvailable)(`region settings (${dialect})`, () => {
  let t: TestApp;
  let region: string;
  const c = {} as Record<'admin' | 'supervisor' | 'reporter' | 'auditor' | 'norole', string>;
  const get = (cookie: string) => t.as(cookie, { method: 'GET', url: '/api/settings' });
  const patch = (payload: Record<string, unknown>, cookie = c.admin) =>
    t.as(cookie, { method: 'PATCH', url: '/api/settings', payload });

  beforeAll(async () => {
    t = await testApp();
    region = await regionId(t);
    await addUser(t, { username: 'set_reporter', unit: '新兴镇', roles: ['unit_reporter'] });
    await addUser(t, { username: 'set_norole', unit: '新兴镇', roles: [] });
    c.admin = await t.login('admin');
    c.supervisor = await t.login('supervisor');
    c.reporter = await t.login('set_reporter');
    c.auditor = await t.login('auditor');
    c.norole = await t.login('set_norole');
    // Start from "never saved" whatever the demo seeded.
    await t.database.db.deleteFrom('region_settings').execute();
  });
  afterAll(() => t.close());

  it('gives every signed-in account the defaults while the region has never saved any', async () => {
    for (const cookie of [c.reporter, c.supervisor, c.auditor, c.norole, c.admin]) {
      expect(ok<SettingsJson>(await get(cookie))).toEqual({
        reportApprovalRequired: false,
        reminderDaysBefore: 2,
        evidenceMaxBytes: 20 * 1024 * 1024,
        demoToday: null,
      });
    }
    expectError(await t.as(null, { method: 'GET', url: '/api/settings' }), 401);
  });

  it('lets the system administrator change them, creating the row on the first write, audited', async () => {
    expectError(await patch({ reminderDaysBefore: 5 }, c.supervisor), 403, 'forbidden');
    expectError(await patch({ reminderDaysBefore: 5 }, c.reporter), 403, 'forbidden');
    expect(await t.database.db.selectFrom('region_settings').selectAll().execute()).toEqual([]);

    const saved = ok<SettingsJson>(await patch({ reminderDaysBefore: 5, reportApprovalRequired: true }));
    expect(saved).toEqual({
      reportApprovalRequired: true,
      reminderDaysBefore: 5,
      evidenceMaxBytes: 20 * 1024 * 1024,
      demoToday: null,
    });
    expect(ok<SettingsJson>(await get(c.reporter))).toEqual(saved);
    const row = await t.database.db.selectFrom('region_settings').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ region_id: region, report_approval_required: 1, reminder_days_before: 5 });

    const second = ok<SettingsJson>(
      await patch({ evidenceMaxBytes: 5 * 1024 * 1024, demoToday: '2022-04-15' }),
    );
    expect(second).toMatchObject({
      reminderDaysBefore: 5,
      evidenceMaxBytes: 5 * 1024 * 1024,
      demoToday: '2022-04-15',
    });
    const entries = await auditActions(t, 'settings.');
    expect(entries.map((e) => e.after)).toEqual([
      { reportApprovalRequired: true, reminderDaysBefore: 5 },
      { evidenceMaxBytes: 5 * 1024 * 1024, demoToday: '2022-04-15' },
    ]);
    // No change, no audit entry.
    const audit = await count(t, 'audit_log');
    ok(await patch({ reminderDaysBefore: 5 }));
    ok(await patch({}));
    expect(await count(t, 'audit_log')).toBe(audit);
    ok(await patch({ demoToday: null }));
    expect(ok<SettingsJson>(await get(c.reporter)).demoToday).toBeNull();
  });

  it('refuses values out of bounds with 400 naming the field', async () => {
    const before = ok<SettingsJson>(await get(c.admin));
    expectError(await patch({ reminderDaysBefore: 11 }), 400, 'too_big_number', 'reminderDaysBefore');
    expectError(await patch({ reminderDaysBefore: -1 }), 400, 'too_small_number', 'reminderDaysBefore');
    expectError(await patch({ reminderDaysBefore: 1.5 }), 400, undefined, 'reminderDaysBefore');
    expectError(await patch({ reminderDaysBefore: '2' }), 400, 'invalid_type', 'reminderDaysBefore');
    expectError(await patch({ evidenceMaxBytes: 1000 }), 400, 'too_small_number', 'evidenceMaxBytes');
    expectError(await patch({ evidenceMaxBytes: 1024 ** 3 }), 400, 'too_big_number', 'evidenceMaxBytes');
    expectError(
      await patch({ reportApprovalRequired: 'yes' }),
      400,
      'invalid_type',
      'reportApprovalRequired',
    );
    expectError(await patch({ demoToday: '2022-02-30' }), 400, 'invalid_date', 'demoToday');
    expectError(await patch({ demoToday: '1999-01-01' }), 400, 'year_out_of_range', 'demoToday');
    expectError(await patch({ colour: 'red' }), 400, 'unknown_field', 'colour');
    expect(ok<SettingsJson>(await get(c.admin))).toEqual(before);
  });

  it('keeps a real (non-demo) region on the real date', async () => {
    await t.database.db.updateTable('regions').set({ is_demo: 0 }).where('id', '=', region).execute();
    try {
      expectError(await patch({ demoToday: '2022-05-01' }), 400, 'demo_only', 'demoToday');
      expect(ok<SettingsJson>(await get(c.admin)).demoToday).toBeNull();
    } finally {
      await t.database.db.updateTable('regions').set({ is_demo: 1 }).where('id', '=', region).execute();
    }
  });
});
