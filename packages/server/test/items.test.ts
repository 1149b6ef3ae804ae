// The items API (督办事项) end to end on a real database: registering the three kinds with their numbers,
// refusing bad input field by field without writing anything, who sees which items, extension and adjustment
// requests, and the progress figures the API computes from the region's "today".
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';
import { addUser, expectError, HAN, userId } from './fixtures.ts';
import {
  auditOf,
  clockIsToday,
  createItem,
  evenMonthlyPlan,
  getItem,
  indicatorBody,
  itemIn,
  itemTableCounts,
  NUMBER_RE,
  projectBody,
  rowCount,
  transition,
  transitionCall,
  unchanged,
  unitByName,
  workBody,
  type ItemJson,
  type ItemList,
} from './items-fixtures.ts';

const numberOf = (n: string) => {
  const m = NUMBER_RE.exec(n);
  if (!m) throw new Error(`not an item number: ${n}`);
  return { year: Number(m[1]), seq: Number(m[2]) };
};

describe.skipIf(!pgAvailable)(`registering items (${dialect})`, () => {
  let t: TestApp;
  let supervisor: string;
  let ddb: string;
  let xx: string;
  let leaderId: string;

  beforeAll(async () => {
    t = await testApp();
    await clockIsToday(t);
    supervisor = await t.login('supervisor');
    ddb = await unitByName(t, supervisor, '大东坝镇');
    xx = await unitByName(t, supervisor, '新兴镇');
    leaderId = await userId(t, 'leader');
  });
  afterAll(() => t.close());

  it('creates a key work as a draft with its milestones, co-units, leader, a create transition and an audit entry', async () => {
    const auditBefore = await rowCount(t, 'audit_log');
    const res = await t.as(supervisor, {
      method: 'POST',
      url: '/api/items',
      payload: workBody(ddb, { coUnitIds: [xx], leaderUserId: leaderId }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json() as ItemJson;
    expect(item.number).toMatch(NUMBER_RE);
    expect(numberOf(item.number).year).toBe(2022);
    expect(item).toMatchObject({
      kind: 'work',
      status: 'draft',
      title: '松材线虫病疫木清理',
      leadUnitId: ddb,
      leadUnitName: '大东坝镇',
      coUnitIds: [xx],
      leaderUserId: leaderId,
      leaderName: '林县长（虚构）',
      startDate: '2022-04-01',
      dueDate: '2022-12-31',
      rowVersion: 1,
      phase: null,
      totalInvestmentFen: null,
      direction: null,
      access: { relation: 'county', canReport: false },
      allowedActions: ['assign', 'cancel'],
    });
    expect(item.milestones.map((m) => [m.seq, m.title, m.plannedDate, m.weight])).toEqual([
      [1, '完成疫木普查', '2022-06-01', 40],
      [2, '完成疫木清理', '2022-12-31', 60],
    ]);
    expect(item.transitions).toHaveLength(1);
    expect(item.transitions[0]).toMatchObject({
      action: 'create',
      fromStatus: null,
      toStatus: 'draft',
      actorId: await userId(t, 'supervisor'),
      actorName: '周督查（虚构）',
      at: t.clock.now().toISOString(),
    });
    expect(await rowCount(t, 'audit_log')).toBe(auditBefore + 1);
    const audit = await auditOf(t, item.id);
    expect(audit.map((a) => a.action)).toEqual(['item.create']);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ number: item.number, kind: 'work' });
    expect(await getItem(t, supervisor, item.id)).toEqual(item);
  });

  it('creates a key project with phase, planned dates, investment in fen beyond 32 bits and a monthly plan', async () => {
    const item = await createItem(t, supervisor, projectBody(ddb));
    expect(item).toMatchObject({
      kind: 'project',
      status: 'draft',
      phase: 'construction',
      plannedStart: '2022-03-01',
      plannedCompletion: '2024-10-31',
      totalInvestmentFen: 800_000_000_000,
      annualPlanFen: 120_000_000_000,
      milestones: [],
      measure: null,
    });
    expect(item.monthlyPlan).toEqual(evenMonthlyPlan(2022, 120_000_000_000));
    // Planned to date (as of 15 April 2022): January to April.
    expect(item.progress.investment).toMatchObject({ plannedToDateFen: 40_000_000_000, completedFen: 0 });
    expect(await getItem(t, supervisor, item.id)).toEqual(item);
  });

  it('creates a key indicator with direction, annual target and monthly cumulative targets', async () => {
    const item = await createItem(t, supervisor, indicatorBody(ddb));
    expect(item).toMatchObject({
      kind: 'indicator',
      measure: '规上工业增加值',
      unitOfMeasure: '亿元',
      direction: 'higher_better',
      annualTarget: 120,
      targetFrequency: 'monthly',
      totalInvestmentFen: null,
      phase: null,
    });
    expect(item.targets).toEqual([
      { periodKey: '2022-03', target: 25 },
      { periodKey: '2022-06', target: 55.5 },
      { periodKey: '2022-09', target: 90 },
      { periodKey: '2022-12', target: 120 },
    ]);
    const quarterly = await createItem(
      t,
      supervisor,
      indicatorBody(ddb, {
        direction: 'lower_better',
        targetFrequency: 'quarterly',
        targets: [
          { periodKey: '2022-Q1', target: 40 },
          { periodKey: '2022-Q2', target: 35 },
        ],
      }),
    );
    expect(quarterly.targets.map((x) => x.periodKey)).toEqual(['2022-Q1', '2022-Q2']);
  });

  it('numbers items DB-<year>-<4 digits> in sequence per year of the start date', async () => {
    const a = await createItem(t, supervisor, workBody(ddb));
    const b = await createItem(t, supervisor, projectBody(ddb));
    const c = await createItem(t, supervisor, indicatorBody(ddb));
    const first = numberOf(a.number);
    expect(first.year).toBe(2022);
    expect([b.number, c.number]).toEqual([
      `DB-2022-${String(first.seq + 1).padStart(4, '0')}`,
      `DB-2022-${String(first.seq + 2).padStart(4, '0')}`,
    ]);
    // Another year starts its own sequence and leaves 2022's alone.
    const later = await createItem(
      t,
      supervisor,
      workBody(ddb, { startDate: '2027-02-01', dueDate: '2027-06-30', milestones: [] }),
    );
    expect(later.number).toBe('DB-2027-0001');
    const next = await createItem(t, supervisor, workBody(ddb));
    expect(next.number).toBe(`DB-2022-${String(first.seq + 3).padStart(4, '0')}`);
  });

  it('gives 20 concurrent creations in a year without items yet 20 distinct numbers 0001–0020, never a 500', async () => {
    const body = workBody(ddb, { startDate: '2029-01-01', dueDate: '2029-12-31', milestones: [] });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.as(supervisor, { method: 'POST', url: '/api/items', payload: body }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses, results.map((r) => r.body.slice(0, 200)).join('\n')).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => (r.json() as ItemJson).number).sort();
    expect(numbers).toEqual(
      Array.from({ length: 20 }, (_, i) => `DB-2029-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('gives 20 concurrent creations in a year with items 20 distinct numbers continuing its sequence', async () => {
    const before = numberOf((await createItem(t, supervisor, workBody(ddb))).number).seq;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.as(supervisor, {
          method: 'POST',
          url: '/api/items',
          payload: [workBody, projectBody, indicatorBody][i % 3]!(ddb),
        }),
      ),
    );
    expect(
      results.map((r) => r.statusCode),
      results.map((r) => r.body.slice(0, 200)).join('\n'),
    ).toEqual(Array(20).fill(201));
    const seqs = results.map((r) => numberOf((r.json() as ItemJson).number).seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    const stored = await t.database.db.selectFrom('items').select('number').execute();
    expect(new Set(stored.map((r) => r.number)).size).toBe(stored.length);
  });

  it('lets the supervisor change an item, bumping rowVersion and auditing before and after', async () => {
    const item = await createItem(t, supervisor, workBody(ddb, { coUnitIds: [xx] }));
    const res = await t.as(supervisor, {
      method: 'PATCH',
      url: `/api/items/${item.id}`,
      payload: {
        rowVersion: 1,
        title: '松材线虫病疫木清理（调整）',
        coUnitIds: [],
        dueDate: '2023-01-31',
        milestones: [
          { id: item.milestones[0]!.id, title: '完成疫木普查', plannedDate: '2022-06-15', weight: 30 },
          { title: '完成疫木清理', plannedDate: '2023-01-31', weight: 70 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const changed = res.json() as ItemJson;
    expect(changed).toMatchObject({
      title: '松材线虫病疫木清理（调整）',
      coUnitIds: [],
      dueDate: '2023-01-31',
      rowVersion: 2,
      number: item.number,
    });
    expect(changed.milestones.map((m) => [m.title, m.plannedDate, m.weight])).toEqual([
      ['完成疫木普查', '2022-06-15', 30],
      ['完成疫木清理', '2023-01-31', 70],
    ]);
    // A milestone named by its id keeps its identity.
    expect(changed.milestones[0]!.id).toBe(item.milestones[0]!.id);
    const audit = await auditOf(t, item.id);
    expect(audit.map((a) => a.action)).toEqual(['item.create', 'item.update']);
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject({
      title: '松材线虫病疫木清理',
      dueDate: '2022-12-31',
    });
    expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ title: '松材线虫病疫木清理（调整）' });
  });

  it('refuses item writes to the unit manager, the leader and the administrators, writing nothing', async () => {
    const item = await createItem(t, supervisor, workBody(ddb));
    for (const username of ['dadongba', 'leader', 'discipline', 'admin', 'security', 'auditor']) {
      const cookie = await t.login(username);
      expectError(
        await unchanged(t, () => t.as(cookie, { method: 'POST', url: '/api/items', payload: workBody(ddb) })),
        403,
        'forbidden',
      );
      expectError(
        await unchanged(t, () =>
          t.as(cookie, {
            method: 'PATCH',
            url: `/api/items/${item.id}`,
            payload: { rowVersion: 1, title: '越权修改' },
          }),
        ),
        403,
        'forbidden',
      );
    }
    expect((await getItem(t, supervisor, item.id)).title).toBe('松材线虫病疫木清理');
  });
});

// ------------------------------------------------------------------------------------------------ bad input

interface BadCase {
  name: string;
  method: 'POST' | 'PATCH';
  /** POST /api/items, or PATCH of the work / project / indicator item made in beforeAll. */
  target?: 'work' | 'project' | 'indicator';
  payload: (ids: BadIds) => Record<string, unknown>;
  status: number;
  code: string;
  field: string;
  /** Whether the message text itself carries the field path (some messages say it in words instead). */
  fieldInMessage: boolean;
  /** Something else each message must say, [zh-CN, en-US]. */
  says?: [string, string];
}

interface BadIds {
  ddb: string;
  xx: string;
  supervisorId: string;
  rowVersion: number;
}

const BAD: BadCase[] = [
  {
    name: 'due date before the start date',
    method: 'POST',
    payload: (i) => workBody(i.ddb, { startDate: '2022-06-01', dueDate: '2022-05-31', milestones: [] }),
    status: 400,
    code: 'due_before_start',
    field: 'dueDate',
    fieldInMessage: true,
  },
  {
    name: 'milestone weights summing to 90',
    method: 'POST',
    payload: (i) =>
      workBody(i.ddb, {
        milestones: [
          { title: '一', plannedDate: '2022-06-01', weight: 40 },
          { title: '二', plannedDate: '2022-12-31', weight: 50 },
        ],
      }),
    status: 400,
    code: 'weights_sum',
    field: 'milestones',
    fieldInMessage: false,
    says: ['90', '90'],
  },
  {
    name: 'milestone weights summing to 110',
    method: 'POST',
    payload: (i) =>
      workBody(i.ddb, {
        milestones: [
          { title: '一', plannedDate: '2022-06-01', weight: 60 },
          { title: '二', plannedDate: '2022-12-31', weight: 50 },
        ],
      }),
    status: 400,
    code: 'weights_sum',
    field: 'milestones',
    fieldInMessage: false,
    says: ['110', '110'],
  },
  {
    name: 'a milestone after the due date',
    method: 'POST',
    payload: (i) =>
      workBody(i.ddb, {
        milestones: [
          { title: '一', plannedDate: '2022-06-01', weight: 40 },
          { title: '二', plannedDate: '2023-01-15', weight: 60 },
        ],
      }),
    status: 400,
    code: 'date_out_of_range',
    field: 'milestones.1.plannedDate',
    fieldInMessage: true,
    says: ['2022-12-31', '2022-12-31'],
  },
  {
    name: 'a milestone before the start date',
    method: 'POST',
    payload: (i) =>
      workBody(i.ddb, {
        milestones: [
          { title: '一', plannedDate: '2022-03-31', weight: 40 },
          { title: '二', plannedDate: '2022-12-31', weight: 60 },
        ],
      }),
    status: 400,
    code: 'date_out_of_range',
    field: 'milestones.0.plannedDate',
    fieldInMessage: true,
  },
  {
    name: 'a milestone of weight 0',
    method: 'POST',
    payload: (i) =>
      workBody(i.ddb, {
        milestones: [
          { title: '一', plannedDate: '2022-06-01', weight: 0 },
          { title: '二', plannedDate: '2022-12-31', weight: 100 },
        ],
      }),
    status: 400,
    code: 'too_small_number',
    field: 'milestones.0.weight',
    fieldInMessage: true,
  },
  {
    name: 'a milestone date that does not exist',
    method: 'POST',
    payload: (i) =>
      workBody(i.ddb, {
        milestones: [
          { title: '一', plannedDate: '2022-02-30', weight: 40 },
          { title: '二', plannedDate: '2022-12-31', weight: 60 },
        ],
      }),
    status: 400,
    code: 'invalid_date',
    field: 'milestones.0.plannedDate',
    fieldInMessage: true,
  },
  {
    name: 'negative total investment',
    method: 'POST',
    payload: (i) => projectBody(i.ddb, { totalInvestmentFen: -1 }),
    status: 400,
    code: 'too_small_number',
    field: 'totalInvestmentFen',
    fieldInMessage: true,
  },
  {
    name: 'a negative monthly amount',
    method: 'POST',
    payload: (i) =>
      projectBody(i.ddb, {
        annualPlanFen: 100,
        monthlyPlan: [
          { month: '2022-01', fen: 200 },
          { month: '2022-02', fen: -100 },
        ],
      }),
    status: 400,
    code: 'too_small_number',
    field: 'monthlyPlan.1.fen',
    fieldInMessage: true,
  },
  {
    name: 'investment in fractions of a fen',
    method: 'POST',
    payload: (i) => projectBody(i.ddb, { totalInvestmentFen: 100.5 }),
    status: 400,
    code: 'invalid_type',
    field: 'totalInvestmentFen',
    fieldInMessage: true,
  },
  {
    name: 'a monthly plan not summing to the annual plan',
    method: 'POST',
    payload: (i) =>
      projectBody(i.ddb, {
        annualPlanFen: 120_000_000_000,
        monthlyPlan: evenMonthlyPlan(2022, 120_000_000_000).slice(0, 11),
      }),
    status: 400,
    code: 'monthly_sum_mismatch',
    field: 'monthlyPlan',
    fieldInMessage: false,
    says: ['110000000000', '110000000000'],
  },
  {
    name: 'an annual plan above the total investment',
    method: 'POST',
    payload: (i) =>
      projectBody(i.ddb, {
        totalInvestmentFen: 1_000_000,
        annualPlanFen: 1_200_000,
        monthlyPlan: evenMonthlyPlan(2022, 1_200_000),
      }),
    status: 400,
    code: 'annual_over_total',
    field: 'annualPlanFen',
    fieldInMessage: false,
    says: ['总投资', 'total investment'],
  },
  {
    name: 'planned completion before planned start',
    method: 'POST',
    payload: (i) => projectBody(i.ddb, { plannedStart: '2023-01-01', plannedCompletion: '2022-12-31' }),
    status: 400,
    code: 'due_before_start',
    field: 'plannedCompletion',
    fieldInMessage: true,
  },
  {
    name: 'a higher_better cumulative target that decreases',
    method: 'POST',
    payload: (i) =>
      indicatorBody(i.ddb, {
        targets: [
          { periodKey: '2022-03', target: 25 },
          { periodKey: '2022-06', target: 55 },
          { periodKey: '2022-09', target: 50 },
        ],
      }),
    status: 400,
    code: 'not_monotonic',
    field: 'targets.2.target',
    fieldInMessage: true,
    says: ['2022-06', '2022-06'],
  },
  {
    name: 'a cumulative target above the annual target',
    method: 'POST',
    payload: (i) =>
      indicatorBody(i.ddb, { annualTarget: 100, targets: [{ periodKey: '2022-12', target: 120 }] }),
    status: 400,
    code: 'exceeds_annual_target',
    field: 'targets.0.target',
    fieldInMessage: true,
  },
  {
    name: 'a monthly period key on a quarterly indicator',
    method: 'POST',
    payload: (i) =>
      indicatorBody(i.ddb, {
        targetFrequency: 'quarterly',
        targets: [
          { periodKey: '2022-Q1', target: 25 },
          { periodKey: '2022-06', target: 55 },
        ],
      }),
    status: 400,
    code: 'period_frequency_mismatch',
    field: 'targets.1.periodKey',
    fieldInMessage: true,
  },
  {
    name: 'a quarterly period key on a monthly indicator',
    method: 'POST',
    payload: (i) => indicatorBody(i.ddb, { targets: [{ periodKey: '2022-Q2', target: 55 }] }),
    status: 400,
    code: 'period_frequency_mismatch',
    field: 'targets.0.periodKey',
    fieldInMessage: true,
  },
  {
    name: 'a weekly period key on a monthly indicator',
    method: 'POST',
    payload: (i) =>
      indicatorBody(i.ddb, {
        targets: [
          { periodKey: '2022-03', target: 25 },
          { periodKey: '2022-W26', target: 55 },
        ],
      }),
    status: 400,
    code: 'period_frequency_mismatch',
    field: 'targets.1.periodKey',
    fieldInMessage: true,
  },
  {
    name: 'an unknown lead unit',
    method: 'POST',
    payload: () => workBody('no-such-unit'),
    status: 400,
    code: 'not_found',
    field: 'leadUnitId',
    fieldInMessage: false,
    says: ['单位', 'Unit'],
  },
  {
    name: 'an unknown co-unit',
    method: 'POST',
    payload: (i) => workBody(i.ddb, { coUnitIds: [i.xx, 'no-such-unit'] }),
    status: 400,
    code: 'not_found',
    field: 'coUnitIds.1',
    fieldInMessage: false,
    says: ['单位', 'Unit'],
  },
  {
    name: 'a co-unit that is the lead unit',
    method: 'POST',
    payload: (i) => workBody(i.ddb, { coUnitIds: [i.ddb] }),
    status: 400,
    code: 'co_unit_is_lead',
    field: 'coUnitIds.0',
    fieldInMessage: false,
    says: ['配合单位', 'co-unit'],
  },
  {
    name: 'the same co-unit twice',
    method: 'POST',
    payload: (i) => workBody(i.ddb, { coUnitIds: [i.xx, i.xx] }),
    status: 400,
    code: 'duplicate_id',
    field: 'coUnitIds',
    fieldInMessage: true,
  },
  {
    name: 'a leader in charge who is not a leader',
    method: 'POST',
    payload: (i) => workBody(i.ddb, { leaderUserId: i.supervisorId }),
    status: 400,
    code: 'not_a_leader',
    field: 'leaderUserId',
    fieldInMessage: false,
    says: ['领导', 'leader'],
  },
  {
    name: 'a leader in charge who does not exist',
    method: 'POST',
    payload: (i) => workBody(i.ddb, { leaderUserId: 'no-such-user' }),
    status: 400,
    code: 'not_a_leader',
    field: 'leaderUserId',
    fieldInMessage: false,
  },
  {
    name: 'an unknown field',
    method: 'POST',
    payload: (i) => workBody(i.ddb, { colour: 'red' }),
    status: 400,
    code: 'unknown_field',
    field: 'colour',
    fieldInMessage: true,
  },
  {
    name: 'a project field on a key work',
    method: 'POST',
    payload: (i) => workBody(i.ddb, { phase: 'construction' }),
    status: 400,
    code: 'unknown_field',
    field: 'phase',
    fieldInMessage: true,
  },
  {
    name: 'an unknown field in a milestone',
    method: 'POST',
    payload: (i) =>
      workBody(i.ddb, {
        milestones: [
          { title: '一', plannedDate: '2022-06-01', weight: 40, owner: '张三' },
          { title: '二', plannedDate: '2022-12-31', weight: 60 },
        ],
      }),
    status: 400,
    code: 'unknown_field',
    field: 'milestones.0.owner',
    fieldInMessage: true,
  },
  {
    name: 'an unknown kind',
    method: 'POST',
    payload: (i) => workBody(i.ddb, { kind: 'campaign' }),
    status: 400,
    code: 'invalid_field',
    field: 'kind',
    fieldInMessage: true,
  },
  {
    name: 'a missing title',
    method: 'POST',
    payload: (i) => {
      const { title: _title, ...rest } = workBody(i.ddb);
      return rest;
    },
    status: 400,
    code: 'required',
    field: 'title',
    fieldInMessage: true,
  },
  // PATCH
  {
    name: 'PATCH: a project field on a key work',
    method: 'PATCH',
    target: 'work',
    payload: (i) => ({ rowVersion: i.rowVersion, phase: 'construction' }),
    status: 400,
    code: 'field_not_for_kind',
    field: 'phase',
    fieldInMessage: true,
  },
  {
    name: 'PATCH: an indicator field on a key project',
    method: 'PATCH',
    target: 'project',
    payload: (i) => ({ rowVersion: i.rowVersion, direction: 'lower_better' }),
    status: 400,
    code: 'field_not_for_kind',
    field: 'direction',
    fieldInMessage: true,
  },
  {
    name: 'PATCH: a project field on a key indicator',
    method: 'PATCH',
    target: 'indicator',
    payload: (i) => ({ rowVersion: i.rowVersion, monthlyPlan: [] }),
    status: 400,
    code: 'field_not_for_kind',
    field: 'monthlyPlan',
    fieldInMessage: true,
  },
  {
    name: 'PATCH: an unknown field',
    method: 'PATCH',
    target: 'work',
    payload: (i) => ({ rowVersion: i.rowVersion, kind: 'project' }),
    status: 400,
    code: 'unknown_field',
    field: 'kind',
    fieldInMessage: true,
  },
  {
    name: 'PATCH: a stale rowVersion',
    method: 'PATCH',
    target: 'work',
    payload: (i) => ({ rowVersion: i.rowVersion - 1, title: '迟到的修改' }),
    status: 409,
    code: 'stale_version',
    field: 'rowVersion',
    fieldInMessage: false,
  },
  {
    name: 'PATCH: a rowVersion from the future',
    method: 'PATCH',
    target: 'work',
    payload: (i) => ({ rowVersion: i.rowVersion + 1, title: '未来的修改' }),
    status: 409,
    code: 'stale_version',
    field: 'rowVersion',
    fieldInMessage: false,
  },
  {
    name: 'PATCH: no rowVersion',
    method: 'PATCH',
    target: 'work',
    payload: () => ({ title: '没有版本号' }),
    status: 400,
    code: 'required',
    field: 'rowVersion',
    fieldInMessage: true,
  },
  {
    name: 'PATCH: a due date before the start date',
    method: 'PATCH',
    target: 'work',
    payload: (i) => ({ rowVersion: i.rowVersion, startDate: '2023-02-01' }),
    status: 400,
    code: 'due_before_start',
    field: 'dueDate',
    fieldInMessage: true,
  },
  {
    name: 'PATCH: a due date that leaves a milestone behind',
    method: 'PATCH',
    target: 'work',
    payload: (i) => ({ rowVersion: i.rowVersion, dueDate: '2022-10-31' }),
    status: 400,
    code: 'date_out_of_range',
    field: 'milestones.1.plannedDate',
    fieldInMessage: true,
  },
  {
    name: 'PATCH: an annual plan that no longer matches the monthly plan',
    method: 'PATCH',
    target: 'project',
    payload: (i) => ({ rowVersion: i.rowVersion, annualPlanFen: 130_000_000_000 }),
    status: 400,
    code: 'monthly_sum_mismatch',
    field: 'monthlyPlan',
    fieldInMessage: false,
  },
  {
    name: 'PATCH: a total investment below the annual plan',
    method: 'PATCH',
    target: 'project',
    payload: (i) => ({ rowVersion: i.rowVersion, totalInvestmentFen: 100_000_000_000 }),
    status: 400,
    code: 'annual_over_total',
    field: 'annualPlanFen',
    fieldInMessage: false,
  },
  {
    name: 'PATCH: a target frequency its targets do not match',
    method: 'PATCH',
    target: 'indicator',
    payload: (i) => ({ rowVersion: i.rowVersion, targetFrequency: 'quarterly' }),
    status: 400,
    code: 'period_frequency_mismatch',
    field: 'targets.0.periodKey',
    fieldInMessage: true,
  },
  {
    name: 'PATCH: an annual target below the cumulative targets',
    method: 'PATCH',
    target: 'indicator',
    payload: (i) => ({ rowVersion: i.rowVersion, annualTarget: 100 }),
    status: 400,
    code: 'exceeds_annual_target',
    field: 'targets.3.target',
    fieldInMessage: true,
  },
  {
    name: 'PATCH: the lead unit made a co-unit',
    method: 'PATCH',
    target: 'work',
    payload: (i) => ({ rowVersion: i.rowVersion, coUnitIds: [i.xx, i.ddb] }),
    status: 400,
    code: 'co_unit_is_lead',
    field: 'coUnitIds.1',
    fieldInMessage: false,
  },
  {
    name: 'PATCH: a leader in charge who is not a leader',
    method: 'PATCH',
    target: 'work',
    payload: (i) => ({ rowVersion: i.rowVersion, leaderUserId: i.supervisorId }),
    status: 400,
    code: 'not_a_leader',
    field: 'leaderUserId',
    fieldInMessage: false,
  },
];

describe.skipIf(!pgAvailable)(`bad item input (${dialect})`, () => {
  let t: TestApp;
  let supervisor: string;
  let ids: Omit<BadIds, 'rowVersion'>;
  const targets = {} as Record<'work' | 'project' | 'indicator', ItemJson>;

  const send = (c: BadCase, lang?: string): Promise<LightMyRequestResponse> => {
    const target = c.target ? targets[c.target] : undefined;
    return t.as(supervisor, {
      method: c.method,
      url: target ? `/api/items/${target.id}` : '/api/items',
      payload: c.payload({ ...ids, rowVersion: target?.rowVersion ?? 1 }),
      headers: lang ? { 'accept-language': lang } : {},
    });
  };

  beforeAll(async () => {
    t = await testApp();
    supervisor = await t.login('supervisor');
    const ddb = await unitByName(t, supervisor, '大东坝镇');
    ids = { ddb, xx: await unitByName(t, supervisor, '新兴镇'), supervisorId: await userId(t, 'supervisor') };
    targets.work = await createItem(t, supervisor, workBody(ddb));
    targets.project = await createItem(t, supervisor, projectBody(ddb));
    targets.indicator = await createItem(t, supervisor, indicatorBody(ddb));
    // Give the work item a later version so that both a lower and a higher rowVersion are stale.
    const bumped = await t.as(supervisor, {
      method: 'PATCH',
      url: `/api/items/${targets.work.id}`,
      payload: { rowVersion: 1, urgency: 'very_urgent' },
    });
    expect(bumped.statusCode, bumped.body).toBe(200);
    targets.work = bumped.json() as ItemJson;
    expect(targets.work.rowVersion).toBe(2);
  });
  afterAll(() => t.close());

  it.each(BAD.map((c) => [c.name, c] as const))(
    '%s → the status, code and field, in Chinese by default and English on request, writing nothing',
    async (_name, c) => {
      const zh = expectError(await unchanged(t, () => send(c)), c.status, c.code);
      const en = expectError(await unchanged(t, () => send(c, 'en-US,en;q=0.9')), c.status, c.code);
      expect(zh.field).toBe(c.field);
      expect(en.field).toBe(c.field);
      expect(zh.message, 'zh-CN message').toMatch(HAN);
      expect(en.message, 'en-US message').not.toMatch(HAN);
      expect(en.message).not.toBe(zh.message);
      if (c.fieldInMessage) {
        expect(zh.message).toContain(c.field);
        expect(en.message).toContain(c.field);
      }
      if (c.says) {
        expect(zh.message).toContain(c.says[0]);
        expect(en.message).toContain(c.says[1]);
      }
      // No placeholder is left unfilled.
      expect(zh.message).not.toMatch(/\{\w+\}/);
      expect(en.message).not.toMatch(/\{\w+\}/);
    },
  );

  it('leaves the PATCHed items exactly as they were after every refused change', async () => {
    for (const kind of ['work', 'project', 'indicator'] as const) {
      expect(await getItem(t, supervisor, targets[kind].id)).toEqual(targets[kind]);
    }
  });

  it('hands out the next number in sequence after all those refused creations', async () => {
    const next = await createItem(t, supervisor, workBody(ids.ddb));
    expect(numberOf(next.number).seq).toBe(numberOf(targets.indicator.number).seq + 1);
  });

  it('answers 404 for an item that does not exist, on every item route', async () => {
    const before = await itemTableCounts(t);
    for (const [method, url, payload] of [
      ['GET', '/api/items/no-such-item', undefined],
      ['PATCH', '/api/items/no-such-item', { rowVersion: 1, title: '无' }],
      ['POST', '/api/items/no-such-item/transitions', { action: 'assign' }],
    ] as const) {
      const res = await t.as(supervisor, { method, url, ...(payload && { payload }) });
      expectError(res, 404, 'not_found');
      expect(res.json().error.message).toContain('督办事项');
    }
    expect(await itemTableCounts(t)).toEqual(before);
  });

  it('refuses an unknown transition action and an unknown list filter with 400 naming the field', async () => {
    expectError(
      await unchanged(t, () => transitionCall(t, supervisor, targets.work.id, 'approve' as never)),
      400,
      'invalid_value',
      'action',
    );
    expectError(
      await t.as(supervisor, { method: 'GET', url: '/api/items?status=done' }),
      400,
      'invalid_value',
      'status',
    );
    expectError(
      await t.as(supervisor, { method: 'GET', url: '/api/items?colour=red' }),
      400,
      'unknown_field',
      'colour',
    );
    expectError(
      await t.as(supervisor, { method: 'GET', url: '/api/items?pageSize=101' }),
      400,
      'too_big_number',
      'pageSize',
    );
  });
});

// ---------------------------------------------------------------------------------------------- visibility

describe.skipIf(!pgAvailable)(`who sees which items (${dialect})`, () => {
  let t: TestApp;
  const c = {} as Record<
    'supervisor' | 'leader' | 'discipline' | 'dadongba' | 'xinxing' | 'wangsong' | 'zrzy' | 'reporter',
    string
  >;
  const u = {} as Record<'ddb' | 'xx' | 'ws' | 'zrzy', string>;
  /**
   * A: 大东坝镇 leads, 新兴镇 co-operates; B: 新兴镇 leads; C: 望松街道 leads, 大东坝镇 co-operates; D: 自然资源局, overdue;
   * E: 望松街道, overdue but cancelled; F: a draft 大东坝镇 would lead with 新兴镇 (not yet assigned: the county's alone).
   */
  const items = {} as Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', ItemJson>;

  const list = async (cookie: string, query = ''): Promise<ItemList> => {
    const res = await t.as(cookie, { method: 'GET', url: `/api/items${query ? `?${query}` : ''}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ItemList;
  };
  /** Every id the caller is shown, walking all pages. */
  const allIds = async (cookie: string, query = ''): Promise<string[]> => {
    const out: string[] = [];
    const first = await list(cookie, `${query}&pageSize=7&page=1`);
    for (let page = 1; (page - 1) * 7 < first.total; page++) {
      const res = page === 1 ? first : await list(cookie, `${query}&pageSize=7&page=${page}`);
      expect(res.total).toBe(first.total);
      out.push(...res.items.map((i) => i.id));
    }
    expect(new Set(out).size, 'no item on two pages').toBe(out.length);
    expect(out).toHaveLength(first.total);
    return out.sort();
  };
  /** What the database says a unit may see: items it leads or co-operates on, once assigned (not drafts). */
  const idsOfUnitInDb = async (unitId: string) => {
    const rows = await t.database.db
      .selectFrom('items')
      .select('id')
      .where('status', '!=', 'draft')
      .where((eb) =>
        eb.or([
          eb('lead_unit_id', '=', unitId),
          eb('id', 'in', eb.selectFrom('item_co_units').select('item_id').where('unit_id', '=', unitId)),
        ]),
      )
      .execute();
    return rows.map((r) => r.id).sort();
  };
  const allIdsInDb = async () =>
    (await t.database.db.selectFrom('items').select('id').execute()).map((r) => r.id).sort();

  beforeAll(async () => {
    t = await testApp();
    await clockIsToday(t);
    for (const name of [
      'supervisor',
      'leader',
      'discipline',
      'dadongba',
      'xinxing',
      'wangsong',
      'zrzy',
    ] as const)
      c[name] = await t.login(name);
    u.ddb = await unitByName(t, c.supervisor, '大东坝镇');
    u.xx = await unitByName(t, c.supervisor, '新兴镇');
    u.ws = await unitByName(t, c.supervisor, '望松街道');
    u.zrzy = await unitByName(t, c.supervisor, '县自然资源和规划局');
    // A reporter of 大东坝镇 (items-lifecycle.test.ts makes one through the admin API; here it only needs to exist).
    await addUser(t, { username: 'ddb_filler', unit: '大东坝镇', roles: ['unit_reporter'] });
    c.reporter = await t.login('ddb_filler');
    const cookies = { supervisor: c.supervisor, manager: c.dadongba };
    items.A = await itemIn(
      t,
      cookies,
      'accepted',
      workBody(u.ddb, { coUnitIds: [u.xx], title: '大东坝镇牵头的清理任务' }),
    );
    // Units see an item once it is assigned: B, C and D are, F stays a draft.
    items.B = await itemIn(t, cookies, 'assigned', projectBody(u.xx, { title: '新兴镇牵头的园区项目' }));
    items.C = await itemIn(
      t,
      cookies,
      'assigned',
      indicatorBody(u.ws, { coUnitIds: [u.ddb], title: '望松街道牵头的增速指标' }),
    );
    const pastDue = { startDate: '2022-01-01', dueDate: '2022-03-31', milestones: [] };
    items.D = await itemIn(
      t,
      cookies,
      'assigned',
      workBody(u.zrzy, { ...pastDue, title: '自然资源局逾期的用地报批' }),
    );
    items.E = await itemIn(
      t,
      cookies,
      'cancelled',
      workBody(u.ws, { ...pastDue, title: '望松街道已撤销的旧任务' }),
    );
    items.F = await createItem(
      t,
      c.supervisor,
      workBody(u.ddb, { coUnitIds: [u.xx], title: '大东坝镇尚未交办的草稿' }),
    );
    // More of 大东坝镇's own, so that its list spans several pages.
    for (let i = 0; i < 8; i++)
      await itemIn(
        t,
        cookies,
        'assigned',
        workBody(u.ddb, { title: `大东坝镇分页事项${i}`, milestones: [] }),
      );
  });
  afterAll(() => t.close());

  it('lists a unit manager exactly the items their unit leads or co-operates on, across pages', async () => {
    for (const [who, unit] of [
      ['dadongba', u.ddb],
      ['xinxing', u.xx],
      ['wangsong', u.ws],
      ['zrzy', u.zrzy],
    ] as const) {
      const expected = await idsOfUnitInDb(unit);
      expect(await allIds(c[who]), who).toEqual(expected);
    }
    const ddb = await allIds(c.dadongba);
    expect(ddb).toContain(items.A.id);
    expect(ddb).toContain(items.C.id);
    expect(ddb).not.toContain(items.B.id);
    expect(ddb).not.toContain(items.D.id);
    expect(ddb).not.toContain(items.E.id);
    expect(await allIds(c.xinxing)).toEqual(expect.arrayContaining([items.A.id, items.B.id]));
    expect(await allIds(c.reporter)).toEqual(ddb);
  });

  it('hides a draft from its lead unit and its co-units until the supervisor assigns it, then shows it', async () => {
    const draft = items.F;
    for (const who of ['dadongba', 'reporter', 'xinxing', 'wangsong'] as const) {
      expect(await allIds(c[who]), who).not.toContain(draft.id);
      expectError(await t.as(c[who], { method: 'GET', url: `/api/items/${draft.id}` }), 404, 'not_found');
      expectError(
        await t.as(c[who], { method: 'GET', url: `/api/items/${draft.id}/periods` }),
        404,
        'not_found',
      );
    }
    const lead = await allIds(c.dadongba);
    // An id that names nothing answers the same: a unit cannot tell a draft from a missing item.
    expect((await t.as(c.dadongba, { method: 'GET', url: `/api/items/${draft.id}` })).json()).toEqual(
      (await t.as(c.dadongba, { method: 'GET', url: '/api/items/no-such-item' })).json(),
    );
    for (const who of ['supervisor', 'leader', 'discipline'] as const) {
      expect(await allIds(c[who]), who).toContain(draft.id);
      expect((await getItem(t, c[who], draft.id)).status).toBe('draft');
    }

    await transition(t, c.supervisor, draft.id, 'assign');
    expect(await allIds(c.dadongba)).toEqual([...lead, draft.id].sort());
    expect(await allIds(c.reporter)).toContain(draft.id);
    expect(await allIds(c.xinxing)).toContain(draft.id);
    expect(await allIds(c.wangsong)).not.toContain(draft.id);
    const assigned = await getItem(t, c.dadongba, draft.id);
    expect(assigned.status).toBe('assigned');
    expect(assigned.access).toEqual({ relation: 'lead', canReport: true });
    expect(assigned.allowedActions).toEqual(['accept']);
    expect((await getItem(t, c.xinxing, draft.id)).access).toEqual({ relation: 'co_unit', canReport: false });
    expectError(await t.as(c.wangsong, { method: 'GET', url: `/api/items/${draft.id}` }), 403, 'forbidden');
  });

  it('shows the relation on every listed item: lead with reporting for the lead unit, read-only co_unit otherwise', async () => {
    const listed = await list(c.dadongba, 'pageSize=100');
    for (const item of listed.items) {
      if (item.leadUnitId === u.ddb)
        expect(item.access, item.title).toEqual({ relation: 'lead', canReport: true });
      else {
        expect(item.coUnitIds, item.title).toContain(u.ddb);
        expect(item.access, item.title).toEqual({ relation: 'co_unit', canReport: false });
      }
    }
    const asReporter = (await list(c.reporter, 'pageSize=100')).items.find((i) => i.id === items.A.id)!;
    expect(asReporter.access).toEqual({ relation: 'lead', canReport: true });
  });

  it("answers 403 when a unit manager opens another unit's item, and 200 for its own", async () => {
    for (const [who, id] of [
      ['dadongba', items.B.id],
      ['dadongba', items.D.id],
      ['xinxing', items.C.id],
      ['wangsong', items.A.id],
      ['zrzy', items.A.id],
      ['reporter', items.B.id],
    ] as const) {
      expectError(await t.as(c[who], { method: 'GET', url: `/api/items/${id}` }), 403, 'forbidden');
    }
    const own = await getItem(t, c.dadongba, items.A.id);
    expect(own.access).toEqual({ relation: 'lead', canReport: true });
    expect(own.allowedActions).toEqual(['start']);
    const reporterView = await getItem(t, c.reporter, items.A.id);
    expect(reporterView.allowedActions).toEqual(['start']);
  });

  it('lets a co-unit manager read the item but neither move it nor ask for an extension', async () => {
    const seen = await getItem(t, c.xinxing, items.A.id);
    expect(seen.access).toEqual({ relation: 'co_unit', canReport: false });
    expect(seen.allowedActions).toEqual([]);
    expect(seen.number).toBe(items.A.number);
    for (const action of ['start', 'cancel', 'accept'] as const) {
      expectError(
        await unchanged(t, () => transitionCall(t, c.xinxing, items.A.id, action, '配合单位试图操作')),
        403,
        'forbidden',
      );
    }
    expectError(
      await unchanged(t, () =>
        t.as(c.xinxing, {
          method: 'POST',
          url: `/api/items/${items.A.id}/requests`,
          payload: { kind: 'extension', reason: '配合单位申请延期', proposedDueDate: '2023-03-31' },
        }),
      ),
      403,
      'forbidden',
    );
    expect((await getItem(t, c.supervisor, items.A.id)).status).toBe('accepted');
  });

  it('shows the supervisor, the leader and the discipline inspector every item, read as county', async () => {
    const everything = await allIdsInDb();
    for (const who of ['supervisor', 'leader', 'discipline'] as const) {
      expect(await allIds(c[who]), who).toEqual(everything);
      const listed = await list(c[who], 'pageSize=100');
      expect(listed.items.every((i) => i.access.relation === 'county' && !i.access.canReport)).toBe(true);
      expect((await getItem(t, c[who], items.D.id)).access.relation).toBe('county');
    }
    expect((await getItem(t, c.leader, items.A.id)).allowedActions).toEqual([]);
    expect((await getItem(t, c.discipline, items.A.id)).allowedActions).toEqual([]);
    expect((await getItem(t, c.supervisor, items.A.id)).allowedActions).toEqual(['cancel']);
  });

  it('refuses the three administrators every items route with 403', async () => {
    for (const username of ['admin', 'security', 'auditor']) {
      const cookie = await t.login(username);
      expectError(await t.as(cookie, { method: 'GET', url: '/api/items' }), 403, 'forbidden');
      expectError(await t.as(cookie, { method: 'GET', url: `/api/items/${items.A.id}` }), 403, 'forbidden');
      expectError(await unchanged(t, () => transitionCall(t, cookie, items.A.id, 'start')), 403, 'forbidden');
    }
  });

  it('filters by kind, unit, status, overdue and text, and counts the filtered total', async () => {
    const db = t.database.db;
    const projects = await db.selectFrom('items').select('id').where('kind', '=', 'project').execute();
    expect(await allIds(c.supervisor, 'kind=project')).toEqual(projects.map((r) => r.id).sort());
    expect(await allIds(c.supervisor, 'kind=project')).toContain(items.B.id);

    // unitId: led or co-operated by the unit.
    expect(await allIds(c.supervisor, `unitId=${u.ddb}`)).toEqual(await idsOfUnitInDb(u.ddb));
    expect(await allIds(c.supervisor, `unitId=${u.ws}`)).toEqual(await idsOfUnitInDb(u.ws));
    expect(await allIds(c.supervisor, `unitId=${u.ws}`)).toEqual(
      expect.arrayContaining([items.C.id, items.E.id]),
    );

    const cancelled = await db.selectFrom('items').select('id').where('status', '=', 'cancelled').execute();
    expect(await allIds(c.supervisor, 'status=cancelled')).toEqual(cancelled.map((r) => r.id).sort());
    expect(await allIds(c.supervisor, 'status=cancelled')).toContain(items.E.id);
    expect(await allIds(c.supervisor, 'status=accepted')).toContain(items.A.id);

    // Overdue as of the region's today (15 April 2022): D is past due and open; E is past due but cancelled.
    const overdue = await allIds(c.supervisor, 'overdue=true');
    expect(overdue).toContain(items.D.id);
    expect(overdue).not.toContain(items.E.id);
    expect(overdue).not.toContain(items.A.id);
    const notOverdue = await allIds(c.supervisor, 'overdue=false');
    expect([...overdue, ...notOverdue].sort()).toEqual(await allIdsInDb());
    for (const item of (await list(c.supervisor, 'overdue=true&pageSize=100')).items)
      expect(item.progress.overdue, item.title).toBe(true);
    for (const item of (await list(c.supervisor, 'overdue=false&pageSize=100')).items)
      expect(item.progress.overdue, item.title).toBe(false);

    expect(await allIds(c.supervisor, `q=${encodeURIComponent('分页事项')}`)).toHaveLength(8);
    expect(await allIds(c.supervisor, `q=${encodeURIComponent(items.B.number)}`)).toEqual([items.B.id]);
    // Wildcards typed by the user are text, not patterns.
    expect(await allIds(c.supervisor, 'q=%25')).toEqual([]);
    expect(await allIds(c.supervisor, 'q=_')).toEqual([]);

    // Filters combine with each other and with the caller's unit scope.
    const ddbAndXx = new Set(await idsOfUnitInDb(u.xx));
    expect(await allIds(c.supervisor, `kind=work&unitId=${u.ws}&status=cancelled`)).toEqual([items.E.id]);
    const both = (await idsOfUnitInDb(u.ddb)).filter((id) => ddbAndXx.has(id));
    expect(await allIds(c.dadongba, `unitId=${u.xx}`)).toEqual(both);
    expect(both).toContain(items.A.id);
    expect(both).not.toContain(items.B.id);
    expect(await allIds(c.dadongba, `unitId=${u.zrzy}`)).not.toContain(items.D.id);
    expect(await allIds(c.dadongba, 'overdue=true')).not.toContain(items.D.id);
    expect(await allIds(c.zrzy, 'overdue=true')).toContain(items.D.id);
    expect(await allIds(c.wangsong, 'overdue=true')).not.toContain(items.E.id);
  });

  it('finds an item by its number typed in lower case on both databases', async () => {
    expect(await allIds(c.supervisor, `q=${items.B.number.toLowerCase()}`)).toEqual([items.B.id]);
  });

  it('pages in number order, newest first, with the total on every page and an empty page past the end', async () => {
    const p1 = await list(c.supervisor, 'pageSize=5&page=1');
    const p2 = await list(c.supervisor, 'pageSize=5&page=2');
    expect(p1.items).toHaveLength(5);
    expect(p2.total).toBe(p1.total);
    const numbers = [...p1.items, ...p2.items].map((i) => i.number);
    expect(numbers).toEqual([...numbers].sort().reverse());
    const beyond = await list(c.supervisor, `pageSize=5&page=${Math.ceil(p1.total / 5) + 1}`);
    expect(beyond).toEqual({ items: [], total: p1.total });
  });
});

// -------------------------------------------------------------------------------- extensions and adjustments

describe.skipIf(!pgAvailable)(`extension and adjustment requests (${dialect})`, () => {
  let t: TestApp;
  const c = {} as Record<'supervisor' | 'dadongba' | 'xinxing' | 'leader' | 'reporter', string>;
  let ddb: string;
  let xx: string;

  const ask = (cookie: string, id: string, payload: Record<string, unknown>, lang?: string) =>
    t.as(cookie, {
      method: 'POST',
      url: `/api/items/${id}/requests`,
      payload,
      headers: lang ? { 'accept-language': lang } : {},
    });
  const decide = (cookie: string, id: string, requestId: string, payload: Record<string, unknown>) =>
    t.as(cookie, { method: 'POST', url: `/api/items/${id}/requests/${requestId}/decision`, payload });
  const extension = (proposedDueDate: string | undefined, reason = '汛期影响施工，申请延期') => ({
    kind: 'extension',
    reason,
    ...(proposedDueDate !== undefined && { proposedDueDate }),
  });
  const cookies = () => ({ supervisor: c.supervisor, manager: c.dadongba });

  beforeAll(async () => {
    t = await testApp();
    for (const name of ['supervisor', 'dadongba', 'xinxing', 'leader'] as const)
      c[name] = await t.login(name);
    ddb = await unitByName(t, c.supervisor, '大东坝镇');
    xx = await unitByName(t, c.supervisor, '新兴镇');
    await addUser(t, { username: 'ddb_reporter2', unit: '大东坝镇', roles: ['unit_reporter'] });
    c.reporter = await t.login('ddb_reporter2');
  });
  afterAll(() => t.close());

  it('lets only the lead unit manager ask; the supervisor, a reporter, a co-unit and the leader get 403', async () => {
    const item = await itemIn(t, cookies(), 'accepted', workBody(ddb, { coUnitIds: [xx] }));
    for (const who of ['supervisor', 'reporter', 'xinxing', 'leader'] as const) {
      expectError(await unchanged(t, () => ask(c[who], item.id, extension('2023-03-31'))), 403, 'forbidden');
    }
    const res = await ask(c.dadongba, item.id, extension('2023-03-31'));
    expect(res.statusCode, res.body).toBe(200);
  });

  it('takes requests only while the item is accepted or in progress, 409 request_not_open otherwise', async () => {
    // A draft is not there yet for the unit: 404 before any question of requests.
    const draft = await itemIn(t, cookies(), 'draft', workBody(ddb));
    expectError(
      await unchanged(t, () => ask(c.dadongba, draft.id, extension('2023-03-31'))),
      404,
      'not_found',
    );
    for (const state of ['assigned', 'completion_requested', 'completed', 'cancelled'] as const) {
      const item = await itemIn(t, cookies(), state, workBody(ddb));
      const res = await unchanged(t, () => ask(c.dadongba, item.id, extension('2023-03-31')));
      expect(expectError(res, 409, 'request_not_open').message, state).toMatch(HAN);
    }
    for (const state of ['accepted', 'in_progress'] as const) {
      const item = await itemIn(t, cookies(), state, workBody(ddb));
      const res = await ask(c.dadongba, item.id, extension('2023-03-31'));
      expect(res.statusCode, `${state}: ${res.body}`).toBe(200);
    }
  });

  it('needs a proposed due date later than the current one for an extension, and proposed changes for an adjustment', async () => {
    const item = await itemIn(t, cookies(), 'in_progress', workBody(ddb));
    expectError(
      await unchanged(t, () => ask(c.dadongba, item.id, extension(undefined))),
      400,
      'required',
      'proposedDueDate',
    );
    for (const date of ['2022-12-31', '2022-11-30']) {
      const zh = expectError(
        await unchanged(t, () => ask(c.dadongba, item.id, extension(date))),
        400,
        'extension_not_later',
      );
      expect(zh.field).toBe('proposedDueDate');
      expect(zh.message).toContain('2022-12-31');
      const en = expectError(
        await unchanged(t, () => ask(c.dadongba, item.id, extension(date), 'en-US')),
        400,
        'extension_not_later',
      );
      expect(en.message).toBe('The new due date must be after 2022-12-31');
    }
    expectError(
      await unchanged(t, () =>
        ask(c.dadongba, item.id, { kind: 'extension', proposedDueDate: '2023-03-31' }),
      ),
      400,
      'required',
      'reason',
    );
    expectError(
      await unchanged(t, () => ask(c.dadongba, item.id, { kind: 'adjustment', reason: '调整节点' })),
      400,
      'required',
      'proposedChanges',
    );
    expectError(
      await unchanged(t, () =>
        ask(c.dadongba, item.id, { kind: 'adjustment', reason: '调整节点', proposedChanges: {} }),
      ),
      400,
      'required',
      'proposedChanges',
    );
    expectError(
      await unchanged(t, () =>
        ask(c.dadongba, item.id, { kind: 'adjustment', reason: '调整', proposedChanges: { rowVersion: 3 } }),
      ),
      400,
      'unknown_field',
      'proposedChanges.rowVersion',
    );
  });

  it('keeps one pending request per item: a second one is 409 until the first is decided', async () => {
    const item = await itemIn(t, cookies(), 'in_progress', workBody(ddb));
    const first = await ask(c.dadongba, item.id, extension('2023-03-31'));
    expect(first.statusCode, first.body).toBe(200);
    const pending = (first.json() as ItemJson).requests;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      kind: 'extension',
      status: 'pending',
      proposedDueDate: '2023-03-31',
      reason: '汛期影响施工，申请延期',
      requestedBy: '吴镇长（虚构）',
      decidedBy: null,
    });
    for (const body of [
      extension('2023-06-30'),
      { kind: 'adjustment', reason: '调整标题', proposedChanges: { title: '新标题' } },
    ]) {
      expectError(await unchanged(t, () => ask(c.dadongba, item.id, body)), 409, 'request_pending');
    }
    expect(
      (await decide(c.supervisor, item.id, pending[0]!.id, { approve: false, reason: '理由不充分' }))
        .statusCode,
    ).toBe(200);
    t.clock.advanceMinutes(1);
    const again = await ask(c.dadongba, item.id, extension('2023-06-30', '再次申请'));
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as ItemJson).requests.map((r) => r.status)).toEqual(['pending', 'refused']);
  });

  it('moves the due date when the supervisor approves an extension, audits it and keeps the request in history', async () => {
    const item = await itemIn(t, cookies(), 'in_progress', workBody(ddb));
    const asked = (await ask(c.dadongba, item.id, extension('2023-03-31'))).json() as ItemJson;
    const requestId = asked.requests[0]!.id;
    expectError(
      await unchanged(t, () => decide(c.dadongba, item.id, requestId, { approve: true })),
      403,
      'forbidden',
    );
    t.clock.advanceMinutes(5);
    const res = await decide(c.supervisor, item.id, requestId, { approve: true, reason: '同意延期' });
    expect(res.statusCode, res.body).toBe(200);
    const decided = res.json() as ItemJson;
    expect(decided.dueDate).toBe('2023-03-31');
    expect(decided.status).toBe('in_progress');
    expect(decided.rowVersion).toBe(item.rowVersion + 1);
    expect(decided.requests).toHaveLength(1);
    expect(decided.requests[0]).toMatchObject({
      id: requestId,
      status: 'approved',
      decidedBy: '周督查（虚构）',
      decidedAt: t.clock.now().toISOString(),
      decisionReason: '同意延期',
      proposedDueDate: '2023-03-31',
    });
    expect((await getItem(t, c.dadongba, item.id)).dueDate).toBe('2023-03-31');
    const itemAudit = await auditOf(t, item.id);
    const approved = itemAudit.find((a) => a.action === 'item.extension_approved');
    expect(approved, JSON.stringify(itemAudit.map((a) => a.action))).toBeDefined();
    expect(JSON.parse(approved!.before_json!)).toMatchObject({ dueDate: '2022-12-31' });
    expect(JSON.parse(approved!.after_json!)).toEqual({ dueDate: '2023-03-31' });
    const requestAudit = await auditOf(t, requestId);
    expect(requestAudit.map((a) => a.action)).toEqual(['item.request_extension', 'item.request_approved']);
    expect(requestAudit[1]!.actor_id).toBe(await userId(t, 'supervisor'));
  });

  it('refuses a request only with a reason, leaving the item as it was; deciding twice is 409', async () => {
    const item = await itemIn(t, cookies(), 'accepted', workBody(ddb));
    const asked = (
      await ask(c.dadongba, item.id, {
        kind: 'adjustment',
        reason: '节点时间需要调整',
        proposedChanges: { title: '疫木清理（调整后）' },
      })
    ).json() as ItemJson;
    const requestId = asked.requests[0]!.id;
    expect(asked.requests[0]!.proposedChanges).toEqual({ title: '疫木清理（调整后）' });
    for (const reason of [undefined, '', '   ']) {
      expectError(
        await unchanged(t, () =>
          decide(c.supervisor, item.id, requestId, {
            approve: false,
            ...(reason !== undefined && { reason }),
          }),
        ),
        400,
        'reason_required',
        undefined,
      );
    }
    const refused = await decide(c.supervisor, item.id, requestId, {
      approve: false,
      reason: '不符合调整条件',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const after = refused.json() as ItemJson;
    expect(after.title).toBe(item.title);
    expect(after.rowVersion).toBe(item.rowVersion);
    expect(after.requests[0]).toMatchObject({ status: 'refused', decisionReason: '不符合调整条件' });
    for (const body of [{ approve: true }, { approve: false, reason: '再拒一次' }]) {
      expectError(
        await unchanged(t, () => decide(c.supervisor, item.id, requestId, body)),
        409,
        'request_decided',
      );
    }
    expect((await auditOf(t, requestId)).map((a) => a.action)).toEqual([
      'item.request_adjustment',
      'item.request_refused',
    ]);
  });

  it('applies an approved adjustment as a change of the item, checked like a PATCH', async () => {
    const item = await itemIn(t, cookies(), 'in_progress', workBody(ddb));
    const bad = (
      await ask(c.dadongba, item.id, {
        kind: 'adjustment',
        reason: '缩短工期',
        proposedChanges: { dueDate: '2022-10-31' },
      })
    ).json() as ItemJson;
    // The second milestone (31 December) would fall after the new due date: refused, and the request stays pending.
    expectError(
      await unchanged(t, () => decide(c.supervisor, item.id, bad.requests[0]!.id, { approve: true })),
      400,
      'date_out_of_range',
      'milestones.1.plannedDate',
    );
    expect((await getItem(t, c.supervisor, item.id)).requests[0]!.status).toBe('pending');
    await decide(c.supervisor, item.id, bad.requests[0]!.id, { approve: false, reason: '与节点冲突' });
    t.clock.advanceMinutes(1);

    const good = (
      await ask(c.dadongba, item.id, {
        kind: 'adjustment',
        reason: '调整节点权重',
        proposedChanges: {
          milestones: [
            { id: item.milestones[0]!.id, title: '完成疫木普查', plannedDate: '2022-06-01', weight: 50 },
            { id: item.milestones[1]!.id, title: '完成疫木清理', plannedDate: '2022-12-31', weight: 50 },
          ],
        },
      })
    ).json() as ItemJson;
    const res = await decide(c.supervisor, item.id, good.requests[0]!.id, { approve: true });
    expect(res.statusCode, res.body).toBe(200);
    const adjusted = res.json() as ItemJson;
    expect(adjusted.milestones.map((m) => m.weight)).toEqual([50, 50]);
    expect(adjusted.requests.map((r) => r.status)).toEqual(['approved', 'refused']);
    expect((await auditOf(t, item.id)).map((a) => a.action)).toContain('item.adjustment_approved');
  });

  it('answers 404 for a request that does not exist or belongs to another item', async () => {
    const one = await itemIn(t, cookies(), 'accepted', workBody(ddb));
    const other = await itemIn(t, cookies(), 'accepted', workBody(ddb));
    const asked = (await ask(c.dadongba, one.id, extension('2023-01-31'))).json() as ItemJson;
    const missing = expectError(
      await unchanged(t, () => decide(c.supervisor, other.id, asked.requests[0]!.id, { approve: true })),
      404,
      'not_found',
    );
    expect(missing.field).toBe('requestId');
    expect(missing.message).toBe('申请不存在');
    const unknown = expectError(
      await unchanged(t, () => decide(c.supervisor, one.id, 'no-such-request', { approve: true })),
      404,
      'not_found',
    );
    expect(unknown.field).toBe('requestId');
    expect(unknown.message).toBe('申请不存在');
    expect((await getItem(t, c.supervisor, one.id)).requests[0]!.status).toBe('pending');
  });
});

// ---------------------------------------------------------------------------------------------- progress

describe.skipIf(!pgAvailable)(`progress figures from the region's today (${dialect})`, () => {
  let t: TestApp;
  let supervisor: string;
  let ddb: string;

  /** Moves the test clock (forward only) and logs in again, the old session having gone idle. */
  const at = async (iso: string) => {
    expect(Date.parse(iso)).toBeGreaterThanOrEqual(t.clock.t.getTime());
    t.clock.t = new Date(iso);
    supervisor = await t.login('supervisor');
  };
  const progress = async (id: string) => (await getItem(t, supervisor, id)).progress;
  const listed = async (id: string) => {
    const res = await t.as(supervisor, { method: 'GET', url: '/api/items?pageSize=100' });
    return (res.json() as ItemList).items.find((i) => i.id === id)!.progress;
  };

  beforeAll(async () => {
    t = await testApp();
    supervisor = await t.login('supervisor');
    ddb = await unitByName(t, supervisor, '大东坝镇');
    // The clock decides "today" unless the region has a demo date.
    await clockIsToday(t);
  });
  afterAll(() => t.close());

  it('plans 40 once the first of two 40/60 milestones is due (Shanghai date), with actual 0 and lag 40', async () => {
    const work = await createItem(t, supervisor, workBody(ddb));
    const linear = await createItem(
      t,
      supervisor,
      workBody(ddb, { startDate: '2022-06-01', dueDate: '2022-06-21', milestones: [] }),
    );
    expect(work.progress).toMatchObject({
      asOf: '2022-04-15',
      planned: 0,
      actual: 0,
      lag: 0,
      overdue: false,
    });
    expect(linear.progress).toMatchObject({ planned: 0, actual: 0, lag: 0 });

    // 23:30 on 31 May in Shanghai: the milestone of 1 June is not due yet.
    await at('2022-05-31T15:30:00.000Z');
    expect(await progress(work.id)).toMatchObject({ asOf: '2022-05-31', planned: 0, actual: 0, lag: 0 });
    // 00:30 on 1 June in Shanghai, still 31 May in UTC.
    await at('2022-05-31T16:30:00.000Z');
    expect(await progress(work.id)).toMatchObject({ asOf: '2022-06-01', planned: 40, actual: 0, lag: 40 });
    expect(await listed(work.id)).toMatchObject({ asOf: '2022-06-01', planned: 40, actual: 0, lag: 40 });
    expect(await progress(linear.id)).toMatchObject({ planned: 0, actual: 0 });

    // Linear without milestones: 5 of 20 days.
    await at('2022-06-06T02:00:00.000Z');
    expect(await progress(linear.id)).toMatchObject({ asOf: '2022-06-06', planned: 25, actual: 0, lag: 25 });
    expect(await listed(linear.id)).toMatchObject({ planned: 25, lag: 25 });
    const detail = await getItem(t, supervisor, work.id);
    expect(detail.milestones.map((m) => m.overdueDays)).toEqual([5, 0]);
    expect(detail.progress).toMatchObject({ planned: 40, lag: 40, overdue: false });

    await at('2022-06-14T02:00:00.000Z');
    expect(await progress(linear.id)).toMatchObject({ planned: 65, lag: 65, overdue: false });
    await at('2022-06-21T02:00:00.000Z');
    expect(await progress(linear.id)).toMatchObject({ planned: 100, lag: 100, overdue: false });
    await at('2022-06-22T02:00:00.000Z');
    expect(await progress(linear.id)).toMatchObject({ planned: 100, lag: 100, overdue: true });
    const overdue = (
      await t.as(supervisor, { method: 'GET', url: '/api/items?overdue=true' })
    ).json() as ItemList;
    expect(overdue.items.map((i) => i.id)).toContain(linear.id);
    expect(overdue.items.map((i) => i.id)).not.toContain(work.id);
  });

  it("takes the region's demo date as today when one is set, whatever the clock says", async () => {
    const work = await createItem(t, supervisor, workBody(ddb));
    const region = (await t.database.db.selectFrom('regions').select('id').executeTakeFirstOrThrow()).id;
    const updated = await t.database.db
      .updateTable('region_settings')
      .set({ demo_today: '2022-12-31' })
      .where('region_id', '=', region)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await t.database.db
        .insertInto('region_settings')
        .values({ region_id: region, demo_today: '2022-12-31', updated_at: t.clock.now().toISOString() })
        .execute();
    try {
      expect(await progress(work.id)).toMatchObject({
        asOf: '2022-12-31',
        planned: 100,
        actual: 0,
        lag: 100,
      });
      await t.database.db.updateTable('region_settings').set({ demo_today: '2022-05-01' }).execute();
      expect(await progress(work.id)).toMatchObject({ asOf: '2022-05-01', planned: 0, lag: 0 });
    } finally {
      await t.database.db.updateTable('region_settings').set({ demo_today: null }).execute();
    }
    expect((await progress(work.id)).asOf).toBe('2022-06-22');
  });

  it('counts a completed item as 100 done and never overdue', async () => {
    const manager = await t.login('dadongba');
    const item = await itemIn(
      t,
      { supervisor, manager },
      'completed',
      workBody(ddb, { startDate: '2022-06-01', dueDate: '2022-06-10', milestones: [] }),
    );
    expect(item.progress).toMatchObject({ planned: 100, actual: 100, lag: 0, overdue: false });
    const cancelled = await itemIn(
      t,
      { supervisor, manager },
      'cancelled',
      workBody(ddb, { startDate: '2022-06-01', dueDate: '2022-06-10', milestones: [] }),
    );
    expect(cancelled.progress.overdue).toBe(false);
    expect(cancelled.progress.planned).toBe(100);
  });

  it('plans a project investment to date from its monthly plan', async () => {
    const project = await createItem(t, supervisor, projectBody(ddb));
    // As of June: January to June, six twelfths of 1.2 billion yuan.
    expect(project.progress.investment).toMatchObject({ plannedToDateFen: 60_000_000_000, completedFen: 0 });
  });
});
