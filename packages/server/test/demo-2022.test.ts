// The demo county's 2022 story (seed/demo-2022.ts), read back through the real API and the database: the facts
// that the warning engine and the running index will turn into lights, cards and scores.
import {
  actualProgress,
  builtinChineseCalendar,
  deadlineOf,
  investmentCompletion,
  isLate,
  periodByKey,
  plannedProgress,
  shanghaiDateOf,
  validateIndicator,
  validateInvestment,
  validateMilestones,
  WorkCalendar,
  workingDaysLate,
} from '@benpao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/bootstrap.ts';
import { DEMO_2022, DEMO_TODAY } from '../src/seed/demo-2022.ts';
import { dialect, pgAvailable, testApp, type TestApp } from './helpers.ts';

interface Detail {
  id: string;
  number: string;
  kind: 'work' | 'project' | 'indicator';
  title: string;
  status: string;
  description: string | null;
  basisType: string;
  leadUnitId: string;
  leadUnitName: string;
  coUnitIds: string[];
  coUnits: { id: string; name: string }[];
  leaderName: string | null;
  startDate: string;
  dueDate: string;
  frequency: string;
  deadlineWorkingDays: number;
  milestones: {
    id: string;
    title: string;
    plannedDate: string;
    weight: number;
    doneDate: string | null;
    overdueDays: number;
  }[];
  phase: string | null;
  plannedStart: string | null;
  actualStart: string | null;
  plannedCompletion: string | null;
  totalInvestmentFen: number | null;
  annualPlanFen: number | null;
  monthlyPlan: { month: string; fen: number }[];
  direction: 'higher_better' | 'lower_better' | null;
  annualTarget: number | null;
  targetFrequency: string | null;
  targets: { periodKey: string; target: number }[];
  transitions: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actorName: string | null;
    at: string;
  }[];
  progress: {
    asOf: string;
    planned: number;
    actual: number;
    lag: number;
    indicator: { periodKey: string; target: number; actual: number; met: boolean } | null;
  };
  access: { relation: string; canReport: boolean };
}

const calendar = new WorkCalendar(builtinChineseCalendar());
const MARCH_END = '2022-03-31';

/** Planned minus actual progress of an item's milestones at a date, as the items service computes it. */
function lagAt(d: Detail, date: string): number {
  const milestones = d.milestones;
  return (
    plannedProgress({ start: d.startDate, due: d.dueDate, milestones }, date) -
    actualProgress({ milestones }, date)
  );
}

describe.skipIf(!pgAvailable)(`demo county 2022 (${dialect})`, () => {
  let t: TestApp;
  let supervisor: string;
  const details = new Map<string, Detail>();
  const byTitle = (title: string) => {
    const d = [...details.values()].find((x) => x.title === title);
    if (!d) throw new Error(`no item ${title}`);
    return d;
  };
  const reportsOf = (itemId: string) =>
    t.database.db
      .selectFrom('reports')
      .selectAll()
      .where('item_id', '=', itemId)
      .orderBy('period_key')
      .orderBy('version')
      .execute();

  beforeAll(async () => {
    t = await testApp();
    supervisor = await t.login('supervisor');
    const list = await t.as(supervisor, { method: 'GET', url: '/api/items?pageSize=100' });
    expect(list.statusCode, list.body).toBe(200);
    for (const { id } of (list.json() as { items: { id: string }[] }).items) {
      const res = await t.as(supervisor, { method: 'GET', url: `/api/items/${id}` });
      expect(res.statusCode, res.body).toBe(200);
      details.set(id, res.json() as Detail);
    }
  });
  afterAll(() => t.close());

  it('lives on 2022-04-20, without approval of reports, reminding 2 working days ahead', async () => {
    const s = await t.database.db.selectFrom('region_settings').selectAll().executeTakeFirstOrThrow();
    expect(s).toMatchObject({
      demo_today: '2022-04-20',
      report_approval_required: 0,
      reminder_days_before: 2,
    });
    expect(DEMO_TODAY).toBe('2022-04-20');
    for (const d of details.values()) expect(d.progress.asOf).toBe('2022-04-20');
  });

  it('numbers its items DB-2022-0001… in a stable order, the 13 good-start projects first', () => {
    const numbers = [...details.values()].map((d) => d.number).sort();
    expect(numbers).toEqual(
      Array.from({ length: DEMO_2022.itemCount }, (_, i) => `DB-2022-${String(i + 1).padStart(4, '0')}`),
    );
    const sorted = [...details.values()].sort((a, b) => (a.number < b.number ? -1 : 1));
    expect(sorted.slice(0, 13).map((d) => d.title)).toEqual(DEMO_2022.goodStartProjects);
  });

  it('holds the 13 good-start projects, all started, monthly plans summing to the annual plan, weights to 100', async () => {
    expect(DEMO_2022.goodStartProjects).toHaveLength(13);
    const behind: string[] = [];
    for (const title of DEMO_2022.goodStartProjects) {
      const d = byTitle(title);
      expect(d.kind).toBe('project');
      expect(d.status).toBe('in_progress');
      expect(d.phase).toBe('construction');
      expect(d.actualStart! <= MARCH_END, title).toBe(true);
      expect(d.leaderName).toMatch(/县长（虚构）$/);
      expect(d.description).toContain('（演示数据，虚构）');
      expect(d.totalInvestmentFen! >= d.annualPlanFen!).toBe(true);
      expect(d.monthlyPlan.every((m) => Number.isSafeInteger(m.fen) && m.month.startsWith('2022-'))).toBe(
        true,
      );
      expect(d.monthlyPlan.reduce((s, m) => s + m.fen, 0)).toBe(d.annualPlanFen);
      expect(d.milestones.length).toBeGreaterThanOrEqual(3);
      expect(d.milestones.length).toBeLessThanOrEqual(5);
      expect(d.milestones.reduce((s, m) => s + m.weight, 0)).toBe(100);
      // On schedule by their milestones: nothing overdue, nothing behind.
      expect(
        d.milestones.every((m) => m.overdueDays === 0),
        title,
      ).toBe(true);
      expect(d.progress.lag, title).toBeLessThanOrEqual(0);
      // Investment as of the March report.
      const march = (await reportsOf(d.id)).find(
        (r) => r.period_key === '2022-03' || r.period_key === '2022-Q1',
      );
      expect(march?.status).toBe('accepted');
      const rate = investmentCompletion(
        {
          annualPlanFen: d.annualPlanFen!,
          monthlyPlanFen: d.monthlyPlan,
          completedFen: Number(march!.completed_investment_fen),
        },
        '2022-03',
      ).completionRatePct!;
      if (rate < 90) behind.push(title);
    }
    expect(behind).toEqual(['古市至大东坝公路改建工程（一期）', '松阳县人民医院医技综合楼建设工程']);
  });

  it('passes the validation the API applies to every item it stores', () => {
    expect(details.size).toBe(DEMO_2022.itemCount);
    for (const d of details.values()) {
      const at = `${d.number} ${d.title}`;
      expect(d.dueDate >= d.startDate, at).toBe(true);
      expect(validateMilestones(d.milestones, d.startDate, d.dueDate), at).toEqual([]);
      expect(d.coUnitIds).not.toContain(d.leadUnitId);
      expect(new Set(d.coUnitIds).size).toBe(d.coUnitIds.length);
      expect(d.leaderName, at).not.toBeNull();
      expect(d.description, at).toContain('虚构');
      if (d.kind === 'project') {
        expect(d.plannedCompletion! >= d.plannedStart!, at).toBe(true);
        expect(
          validateInvestment({
            annualPlanFen: d.annualPlanFen!,
            monthlyPlanFen: d.monthlyPlan,
            completedFen: 0,
          }),
          at,
        ).toEqual([]);
      } else {
        expect(d.monthlyPlan).toEqual([]);
      }
      if (d.kind === 'indicator') {
        expect(d.targetFrequency).toBe('monthly');
        expect(d.targets.every((x) => /^2022-\d{2}$/.test(x.periodKey))).toBe(true);
        expect(
          validateIndicator({
            direction: d.direction!,
            annualTarget: d.annualTarget!,
            cumulativeTargets: d.targets,
          }),
          at,
        ).toEqual([]);
      } else {
        expect(d.targets).toEqual([]);
        expect(
          d.milestones.reduce((s, m) => s + m.weight, 0),
          at,
        ).toBe(100);
      }
    }
  });

  it('shows pine-wilt tree removal in 大东坝镇 and 新兴镇 10 to 30 points behind plan (yellow), with a late and a returned report', async () => {
    expect(DEMO_2022.pineWilt).toHaveLength(2);
    for (const [title, town] of DEMO_2022.pineWilt.map((x, i) => [x, ['大东坝镇', '新兴镇'][i]!] as const)) {
      const d = byTitle(title);
      expect(d.leadUnitName).toBe(town);
      expect(d.coUnits.map((u) => u.name)).toEqual(['县林业局']);
      expect(d.kind).toBe('work');
      expect(d.progress.lag).toBeGreaterThanOrEqual(10);
      expect(d.progress.lag).toBeLessThan(30);
      expect(lagAt(d, MARCH_END)).toBeGreaterThanOrEqual(10);
      expect(lagAt(d, MARCH_END)).toBeLessThan(30);
      // On time until February: the lights come in April.
      expect(lagAt(d, '2022-02-28')).toBeLessThan(10);
      const reports = await reportsOf(d.id);
      const march = reports.find((r) => r.period_key === '2022-03')!;
      expect(march.status).toBe('accepted');
      // The unit's own figure tells the same story.
      expect(
        plannedProgress({ start: d.startDate, due: d.dueDate, milestones: d.milestones }, MARCH_END) -
          march.progress!,
      ).toBeGreaterThanOrEqual(10);
      expect(reports.filter((r) => r.late === 1)).toHaveLength(1);
      const returned = reports.filter((r) => r.return_reason !== null);
      expect(returned).toHaveLength(1);
      expect(returned[0]!.status).toBe('accepted');
      expect(reports.find((r) => r.period_key === '2022-04')?.status).toBe('draft');
    }
  });

  it("shows the Natural Resources and Planning Bureau's assistance to the towns behind, with an overdue milestone", () => {
    const d = byTitle(DEMO_2022.zrzyAssistance);
    expect(d.leadUnitName).toBe('县自然资源和规划局');
    // Behind, but less than the 10 points that would light a second lamp beside the overdue milestone's.
    expect(d.progress.lag).toBeGreaterThan(0);
    expect(d.progress.lag).toBeLessThan(10);
    expect(lagAt(d, MARCH_END)).toBeGreaterThan(0);
    const overdue = d.milestones.filter((m) => m.doneDate === null && m.overdueDays > 0);
    expect(overdue).toHaveLength(1);
    // Yellow, not red: overdue for less than 30 days on the demo's today.
    expect(overdue[0]!.overdueDays).toBeLessThan(30);
  });

  it('finishes the Wangcun Bridge widening under 望松街道 before its planned completion of 2022-03-31', async () => {
    const d = byTitle(DEMO_2022.wangcunBridge);
    expect(d).toMatchObject({
      status: 'completed',
      kind: 'project',
      phase: 'completed',
      basisType: 'complaint',
      leadUnitName: '望松街道',
      plannedCompletion: '2022-03-31',
      dueDate: '2022-03-31',
      actualStart: '2021-03-08',
    });
    expect(d.coUnits.map((u) => u.name).sort()).toEqual(['县交通运输局', '县住房和城乡建设局'].sort());
    expect(d.progress).toMatchObject({ actual: 100, lag: 0 });
    const requested = d.transitions.find((x) => x.action === 'request_completion')!;
    const completed = d.transitions.find((x) => x.action === 'complete')!;
    expect(shanghaiDateOf(requested.at)).toBe('2022-03-28');
    expect(requested.actorName).toBe('叶主任（虚构）');
    expect(shanghaiDateOf(completed.at)).toBe('2022-03-30');
    expect(completed.actorName).toBe('周督查（虚构）');
    expect(d.milestones.every((m) => m.doneDate !== null && m.doneDate <= '2022-03-31')).toBe(true);
    const reports = await reportsOf(d.id);
    expect(reports.map((r) => [r.period_key, r.status])).toEqual([
      ['2022-01', 'accepted'],
      ['2022-02', 'accepted'],
      ['2022-03', 'accepted'],
    ]);
    expect(reports[1]!.return_reason).toContain('群众');
  });

  it('has five key indicators with monthly cumulative targets, one below its target in March', () => {
    const indicators = DEMO_2022.indicators.map(byTitle);
    expect(indicators).toHaveLength(5);
    expect(indicators.map((d) => d.direction)).toContain('lower_better');
    for (const d of indicators) {
      expect(d.targets).toHaveLength(12);
      expect(d.progress.indicator?.periodKey).toBe('2022-03');
    }
    const missed = indicators.filter((d) => !d.progress.indicator!.met);
    expect(missed.map((d) => d.title)).toEqual(['规模以上工业增加值增速']);
  });

  it('dates every report by deadlineOf() in the Chinese calendar, and marks it late exactly when submitted after', async () => {
    const rows = await t.database.db
      .selectFrom('reports')
      .innerJoin('items', 'items.id', 'reports.item_id')
      .selectAll('reports')
      .select(['items.deadline_working_days', 'items.lead_unit_id', 'items.kind'])
      .execute();
    expect(rows.length).toBeGreaterThan(60);
    for (const r of rows) {
      const at = `${r.item_id} ${r.period_key}`;
      const deadline = deadlineOf(
        periodByKey(r.period_key),
        { workingDaysAfterEnd: r.deadline_working_days },
        calendar,
      );
      expect(r.deadline, at).toBe(deadline.date);
      expect(r.deadline_estimated).toBe(0);
      expect(r.unit_id).toBe(r.lead_unit_id);
      expect(r.version).toBe(1);
      expect(r.current).toBe(1);
      if (r.submitted_on === null) {
        expect(r.status).toBe('draft');
        expect([r.late, r.working_days_late, r.submitted_at]).toEqual([null, null, null]);
        continue;
      }
      expect(shanghaiDateOf(r.submitted_at!), at).toBe(r.submitted_on);
      expect(r.late, at).toBe(isLate(r.submitted_on, deadline) ? 1 : 0);
      expect(r.working_days_late, at).toBe(workingDaysLate(r.submitted_on, deadline, calendar));
      expect(r.submitted_on <= DEMO_TODAY).toBe(true);
      if (r.status === 'accepted') expect(r.reviewed_at! >= r.submitted_at!, at).toBe(true);
      // What the reports module requires of a submission.
      expect(r.work_progress, at).toBeTruthy();
      if (r.kind === 'indicator') expect([r.progress, r.indicator_value !== null]).toEqual([null, true]);
      else expect(r.progress, at).not.toBeNull();
      expect(r.completed_investment_fen !== null, at).toBe(r.kind === 'project');
    }
    // January's monthly reports were due on the 3rd working day after the Spring Festival holiday.
    const january = rows.filter((r) => r.period_key === '2022-01' && r.deadline_working_days === 3);
    expect(new Set(january.map((r) => r.deadline))).toEqual(new Set(['2022-02-09']));
    expect(rows.filter((r) => r.late === 1).length).toBeGreaterThanOrEqual(4);
    expect(
      rows.filter((r) => r.return_reason !== null && r.status === 'accepted').length,
    ).toBeGreaterThanOrEqual(3);
    // The periods that have ended are all accepted; April's are drafts or waiting for review.
    for (const r of rows) {
      if (r.period_key === '2022-04') {
        expect(['draft', 'submitted']).toContain(r.status);
        expect(r.deadline > DEMO_TODAY).toBe(true);
      } else expect(r.status).toBe('accepted');
    }
  });

  it('marks milestones done by the accepted report of the period that reached them', async () => {
    const done = await t.database.db
      .selectFrom('milestones')
      .innerJoin('reports', 'reports.id', 'milestones.done_report_id')
      .innerJoin('report_milestones', (j) =>
        j
          .onRef('report_milestones.report_id', '=', 'reports.id')
          .onRef('report_milestones.milestone_id', '=', 'milestones.id'),
      )
      .select([
        'milestones.item_id',
        'milestones.done_date',
        'reports.item_id as report_item',
        'reports.status',
        'reports.period_key',
        'reports.submitted_on',
        'report_milestones.done_date as reported_date',
      ])
      .execute();
    const all = await t.database.db
      .selectFrom('milestones')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('done_date', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(done.length).toBe(Number(all.n));
    expect(done.length).toBeGreaterThan(30);
    for (const m of done) {
      expect(m.report_item).toBe(m.item_id);
      expect(m.status).toBe('accepted');
      expect(m.reported_date).toBe(m.done_date);
      const p = periodByKey(m.period_key);
      expect(m.done_date! >= p.start && m.done_date! <= p.end).toBe(true);
      expect(m.done_date! <= m.submitted_on!).toBe(true);
    }
  });

  it("records each item's history: registered and assigned by the task force, accepted by the unit's head", () => {
    for (const d of details.values()) {
      const steps = d.transitions;
      expect(
        steps.slice(0, 3).map((s) => s.action),
        d.title,
      ).toEqual(['create', 'assign', 'accept']);
      expect(steps[0]!.actorName).toBe('周督查（虚构）');
      expect(steps[2]!.actorName).toMatch(/（虚构）$/);
      expect(steps.map((s) => s.action)).toContain('start');
      steps.forEach((s, i) => {
        expect(s.fromStatus).toBe(i === 0 ? null : steps[i - 1]!.toStatus);
        if (i > 0) expect(s.at >= steps[i - 1]!.at).toBe(true);
      });
      expect(steps.at(-1)!.toStatus).toBe(d.status);
    }
  });

  it("lets a town's clerk see and report on the town's own items", async () => {
    const clerk = await t.login('dadongba_tb');
    const res = await t.as(clerk, { method: 'GET', url: '/api/items?pageSize=100' });
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Detail[] }).items;
    const own = items.filter((i) => i.access.relation === 'lead');
    expect(own.map((i) => i.title).sort()).toEqual(
      ['松材线虫病疫木除治（大东坝镇）', '石仓古民居保护利用与文旅融合提升工程'].sort(),
    );
    expect(own.every((i) => i.access.canReport)).toBe(true);
    // Co-operating on the road through the town.
    expect(items.map((i) => i.title)).toContain('古市至大东坝公路改建工程（一期）');
  });

  it('does nothing when seeded again', async () => {
    const count = async (table: 'items' | 'reports' | 'milestones' | 'item_transitions' | 'users') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const tables = ['items', 'reports', 'milestones', 'item_transitions', 'users'] as const;
    const before = await Promise.all(tables.map(count));
    expect(await seedDemo(t.database.db)).toBe(false);
    expect(await Promise.all(tables.map(count))).toEqual(before);
    const counter = await t.database.db.selectFrom('item_counters').selectAll().execute();
    expect(counter.map((c) => [c.year, Number(c.last)])).toEqual([[2022, DEMO_2022.itemCount]]);
  });
});
