import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../dates.ts';
import { evaluate, itemFactsAsOf } from './evaluate.ts';
import { defaultRuleSet } from './rules.ts';
import { cal, item, only, onTimeReports, report, warning, withRule } from './test-fixtures.ts';
import type { Colour, Finding, ItemFacts, RuleSet, TimetableStepFacts, WarningRecord } from './types.ts';

const units = [
  { id: 'u1', name: '大东坝镇' },
  { id: 'u2', name: '新兴镇' },
];

function run(
  ruleSet: RuleSet,
  asOf: CalendarDate,
  items: ItemFacts[],
  warnings: WarningRecord[] = [],
  scope?: { itemIds: ReadonlySet<string>; unitIds: ReadonlySet<string> },
): Finding[] {
  return evaluate({ ruleSet, asOf, calendar: cal, items, units, warnings, ...(scope && { scope }) });
}

/** [colour, metric, since] of the finding with this key, or null. */
function seen(findings: Finding[], key: string): [Colour, number, CalendarDate] | null {
  const f = findings.find((x) => x.key === key);
  return f ? [f.colour, f.metric, f.since] : null;
}

const text = (findings: Finding[], key: string) => {
  const f = findings.find((x) => x.key === key);
  return f ? [f.explanation['zh-CN'], f.explanation['en-US']] : null;
};

// ------------------------------------------------------------------------------------------- report_overdue

describe('report_overdue', () => {
  // March 2022 ends on Thursday 31st. Three working days later: Fri 1 Apr, Sat 2 Apr (调休 make-up day), then the
  // Qingming holiday 3–5 Apr, so Wed 6 Apr is the deadline. The unit then has Thu 7, Fri 8 and Mon 11 (the three
  // working days after the deadline); unfiled by the end of Mon 11, the report lights on Tue 12.
  const monthly = item({ reports: onTimeReports('2022-01', '2022-02') });
  const rules = only('report-overdue');
  const key = 'report-overdue|i1|2022-03';

  it('counts the deadline across Qingming and its make-up working day', () => {
    const f = run(rules, '2022-04-12', [monthly]).find((x) => x.key === key)!;
    expect(f.inputs).toEqual({
      periodKey: '2022-03',
      periodEnd: '2022-03-31',
      deadline: '2022-04-06',
      deadlineWorkingDays: 3,
    });
  });

  it.each<[CalendarDate, [Colour, number, CalendarDate] | null]>([
    ['2022-04-06', null], // the deadline itself
    ['2022-04-07', null], // 0 working days gone by
    ['2022-04-09', null], // Saturday: Thu and Fri gone by = 2
    ['2022-04-11', null], // the third working day, still under way: 2
    ['2022-04-12', ['yellow', 3, '2022-04-12']], // exactly at the threshold
    ['2022-04-13', ['yellow', 4, '2022-04-12']],
  ])('as of %s → %j', (asOf, expected) => {
    expect(seen(run(rules, asOf, [monthly]), key)).toEqual(expected);
  });

  it('counts the Sunday make-up working day of 24 April (weekly report of W15)', () => {
    // W15 ends Sun 17 Apr; deadline Wed 20 Apr; then Thu 21, Fri 22 and Sun 24 (调休) are the unit's three days.
    const weekly = item({
      frequency: 'weekly',
      startDate: '2022-04-11',
      reports: [],
    });
    const k = 'report-overdue|i1|2022-W15';
    expect(run(rules, '2022-04-24', [weekly]).find((f) => f.key === k)).toBeUndefined();
    const f = run(rules, '2022-04-25', [weekly]).find((x) => x.key === k)!;
    expect([f.inputs.deadline, f.metric, f.since]).toEqual(['2022-04-20', 3, '2022-04-25']);
  });

  it('a report filed on the third working day after the deadline never lights; a day later it did', () => {
    const filed = (on: CalendarDate) =>
      item({ reports: [...onTimeReports('2022-01', '2022-02'), report('2022-03', { submittedOn: on })] });
    expect(seen(run(rules, '2022-04-12', [filed('2022-04-11')]), key)).toBeNull();
    expect(seen(run(rules, '2022-04-12', [filed('2022-04-12')]), key)).toBeNull(); // filed today: known today
    // Filed on the 13th: as of the 12th it was not known yet.
    expect(seen(run(rules, '2022-04-12', [filed('2022-04-13')]), key)).toEqual(['yellow', 3, '2022-04-12']);
  });

  it('an accepted report counts as submitted', () => {
    const accepted = item({
      reports: [...onTimeReports('2022-01', '2022-02'), report('2022-03', { acceptedOn: '2022-04-08' })],
    });
    expect(seen(run(rules, '2022-04-20', [accepted]), key)).toBeNull();
  });

  it('picks the highest colour reached; since stays where the lowest began', () => {
    const rs = withRule('report-overdue', { thresholds: { yellow: 3, red: 10 } });
    const k = 'report-overdue|i1|2022-03';
    // 10 working days after 6 Apr: 7 8 11 12 13 14 15 18 19 20 → red from Thu 21.
    expect(seen(run(rs, '2022-04-20', [monthly]), k)).toEqual(['yellow', 9, '2022-04-12']);
    expect(seen(run(rs, '2022-04-21', [monthly]), k)).toEqual(['red', 10, '2022-04-12']);
  });

  it('threshold 0 lights the day after the deadline', () => {
    const rs = withRule('report-overdue', { thresholds: { yellow: 0 } });
    expect(seen(run(rs, '2022-04-06', [monthly]), key)).toBeNull();
    expect(seen(run(rs, '2022-04-07', [monthly]), key)).toEqual(['yellow', 0, '2022-04-07']);
  });

  it('owes only periods that ended while the item was in a reporting state', () => {
    const late = item({
      statusHistory: [
        { on: '2021-12-25', status: 'assigned' },
        { on: '2022-04-01', status: 'accepted' },
      ],
    });
    const keys = run(rules, '2022-05-20', [late]).map((f) => f.key);
    expect(keys).toEqual(['report-overdue|i1|2022-04']);
  });

  it('nothing for items not yet existing, in draft, completed or cancelled on the day', () => {
    const history = (...h: ItemFacts['statusHistory']) => item({ statusHistory: h });
    expect(run(rules, '2022-04-20', [history({ on: '2022-05-01', status: 'in_progress' })])).toEqual([]);
    expect(run(rules, '2022-04-20', [history({ on: '2022-01-01', status: 'draft' })])).toEqual([]);
    expect(
      run(rules, '2022-04-20', [
        history({ on: '2022-01-01', status: 'in_progress' }, { on: '2022-04-15', status: 'completed' }),
      ]),
    ).toEqual([]);
    expect(
      run(rules, '2022-04-20', [
        history({ on: '2022-01-01', status: 'in_progress' }, { on: '2022-04-15', status: 'cancelled' }),
      ]),
    ).toHaveLength(0);
    // Completed after the day: as of the day it was still in progress.
    expect(
      run(rules, '2022-04-12', [
        history({ on: '2022-01-01', status: 'in_progress' }, { on: '2022-04-15', status: 'completed' }),
      ]).length,
    ).toBeGreaterThan(0);
  });

  it('stops at the due date’s period', () => {
    const short = item({ dueDate: '2022-02-10', reports: onTimeReports('2022-01') });
    expect(run(rules, '2022-06-01', [short]).map((f) => f.key)).toEqual(['report-overdue|i1|2022-02']);
  });

  it('explains itself', () => {
    expect(text(run(rules, '2022-04-12', [monthly]), key)).toEqual([
      '2022-03 期报告截止于 2022-04-06，已逾期 3 个工作日仍未报送，达到黄灯阈值 3',
      'The report for 2022-03 was due on 2022-04-06 and is still missing 3 working days later, at the yellow threshold of 3',
    ]);
    expect(text(run(rules, '2022-04-13', [monthly]), key)![1]).toBe(
      'The report for 2022-03 was due on 2022-04-06 and is still missing 4 working days later, over the yellow threshold of 3',
    );
  });
});

// --------------------------------------------------------------------------------------------- progress_lag

describe('progress_lag', () => {
  const rules = only('progress-lag');
  const key = 'progress-lag|i1|';
  /** Two milestones: the first (weight w, planned in February) not done, the second at year end. */
  const lagging = (w: number, overrides: Partial<ItemFacts> = {}) =>
    item({
      milestones: [
        { id: 'm1', title: '完成调查', plannedDate: '2022-02-15', weight: w, doneDate: null },
        { id: 'm2', title: '全部清理', plannedDate: '2022-12-31', weight: 100 - w, doneDate: null },
      ],
      reports: [report('2022-03', { submittedOn: '2022-04-01', acceptedOn: '2022-04-07', progress: 0 })],
      ...overrides,
    });

  it.each<[number, Colour | null, string | null, string | null]>([
    [
      32.5,
      'red',
      '进度滞后计划 32.5 个百分点，超过红灯阈值 30',
      '32.5 points behind plan, over the red threshold of 30',
    ],
    [
      30,
      'red',
      '进度滞后计划 30 个百分点，达到红灯阈值 30',
      '30 points behind plan, at the red threshold of 30',
    ],
    [
      29.9,
      'yellow',
      '进度滞后计划 29.9 个百分点，超过黄灯阈值 10',
      '29.9 points behind plan, over the yellow threshold of 10',
    ],
    [
      10,
      'yellow',
      '进度滞后计划 10 个百分点，达到黄灯阈值 10',
      '10 points behind plan, at the yellow threshold of 10',
    ],
    [9.9, null, null, null],
  ])('%s points behind → %s', (w, colour, zh, en) => {
    const f = run(rules, '2022-04-20', [lagging(w)]).find((x) => x.key === key);
    if (colour === null) return expect(f).toBeUndefined();
    expect(f!.colour).toBe(colour);
    expect(f!.metric).toBe(w);
    expect(f!.since).toBe('2022-04-07'); // the accepted report's day
    expect([f!.explanation['zh-CN'], f!.explanation['en-US']]).toEqual([zh, en]);
    expect(f!.inputs).toEqual({
      periodKey: '2022-03',
      periodEnd: '2022-03-31',
      acceptedOn: '2022-04-07',
      planned: w,
      actual: 0,
      basis: 'milestones',
    });
  });

  it('needs a report accepted by the day', () => {
    expect(run(rules, '2022-04-06', [lagging(40)])).toEqual([]);
    expect(seen(run(rules, '2022-04-07', [lagging(40)]), key)).toEqual(['red', 40, '2022-04-07']);
  });

  it('counts milestones done by the period end and known by the day', () => {
    const doneOn = (d: CalendarDate) =>
      lagging(40, {
        milestones: [
          { id: 'm1', title: '完成调查', plannedDate: '2022-02-15', weight: 40, doneDate: d },
          { id: 'm2', title: '全部清理', plannedDate: '2022-12-31', weight: 60, doneDate: null },
        ],
      });
    expect(seen(run(rules, '2022-04-20', [doneOn('2022-03-20')]), key)).toBeNull(); // 40 − 40
    expect(seen(run(rules, '2022-04-20', [doneOn('2022-04-02')]), key)).toEqual(['red', 40, '2022-04-07']); // after the period
  });

  it('without milestones compares the linear plan with the reported progress', () => {
    // 1 Jan → 31 Dec 2022: 31 March is 89 of 364 days = 24.5 %.
    const linear = (progress: number) =>
      item({
        reports: [report('2022-03', { submittedOn: '2022-04-01', acceptedOn: '2022-04-07', progress })],
      });
    expect(seen(run(rules, '2022-04-20', [linear(14.5)]), key)).toEqual(['yellow', 10, '2022-04-07']);
    expect(seen(run(rules, '2022-04-20', [linear(14.6)]), key)).toBeNull();
    expect(run(rules, '2022-04-20', [linear(14.5)])[0]!.inputs.basis).toBe('reported');
  });

  it('reads the latest accepted period only', () => {
    const it2 = item({
      reports: [
        report('2022-03', { submittedOn: '2022-04-01', acceptedOn: '2022-04-07', progress: 0 }),
        report('2022-04', { submittedOn: '2022-05-05', acceptedOn: '2022-05-06', progress: 33 }),
      ],
    });
    expect(seen(run(rules, '2022-05-05', [it2]), key)).toEqual(['yellow', 24.5, '2022-04-07']);
    expect(seen(run(rules, '2022-05-06', [it2]), key)).toBeNull(); // 30 Apr: 119/364 = 32.7 planned, 33 done
  });

  it('not for indicators', () => {
    expect(run(rules, '2022-04-20', [lagging(40, { kind: 'indicator' })])).toEqual([]);
  });
});

// ------------------------------------------------------------------------------- indicator targets

const indicatorItem = (
  overrides: Partial<ItemFacts> = {},
  direction: 'higher_better' | 'lower_better' = 'higher_better',
) =>
  item({
    kind: 'indicator',
    indicator: {
      direction,
      annualTarget: 400,
      cumulativeTargets: [
        { periodKey: '2022-03', target: 100 },
        { periodKey: '2022-Q2', target: 200 },
      ],
    },
    ...overrides,
  });

describe('indicator_below_target', () => {
  const rules = only('indicator-below-target');
  const key = 'indicator-below-target|i1|';
  const valued = (value: number, direction: 'higher_better' | 'lower_better' = 'higher_better') =>
    indicatorItem(
      {
        reports: [
          report('2022-03', { submittedOn: '2022-04-02', acceptedOn: '2022-04-08', indicatorValue: value }),
        ],
      },
      direction,
    );

  it.each<[number, number | null]>([
    [80, 20],
    [99.96, 0.1], // attainment rounds to 100.0 but the target is missed
    [100, null], // met
    [120, null],
  ])('value %s of 100 → shortfall %s', (value, metric) => {
    const f = run(rules, '2022-04-20', [valued(value)]).find((x) => x.key === key);
    expect(f?.metric ?? null).toBe(metric);
    if (f) expect([f.colour, f.since]).toEqual(['yellow', '2022-04-08']);
  });

  it('compares with > so that a threshold is a shortfall to exceed', () => {
    const rs = withRule('indicator-below-target', { thresholds: { yellow: 20 } });
    expect(run(rs, '2022-04-20', [valued(80)])).toEqual([]); // exactly 20 % short
    expect(seen(run(rs, '2022-04-20', [valued(79.9)]), key)).toEqual(['yellow', 20.1, '2022-04-08']);
    expect(text(run(rs, '2022-04-20', [valued(79.9)]), key)).toEqual([
      '2022-03 累计值 79.9，未达累计目标 100（完成 79.9%，差 20.1%），差距超过黄灯阈值 20%',
      'The cumulative value for 2022-03 is 79.9 against a target of 100 (79.9% attained, 20.1% short), a shortfall over the yellow threshold of 20%',
    ]);
  });

  it('lower is better', () => {
    expect(seen(run(rules, '2022-04-20', [valued(125, 'lower_better')]), key)).toEqual([
      'yellow',
      20,
      '2022-04-08',
    ]);
    expect(run(rules, '2022-04-20', [valued(100, 'lower_better')])).toEqual([]);
  });

  it('uses the latest accepted report that has a target', () => {
    const two = indicatorItem({
      reports: [
        report('2022-03', { acceptedOn: '2022-04-08', indicatorValue: 80 }),
        report('2022-04', { acceptedOn: '2022-05-08', indicatorValue: 10 }), // no target for April
      ],
    });
    expect(seen(run(rules, '2022-05-20', [two]), key)).toEqual(['yellow', 20, '2022-04-08']);
  });

  it('explains itself', () => {
    expect(text(run(rules, '2022-04-20', [valued(80)]), key)).toEqual([
      '2022-03 累计值 80，未达累计目标 100（完成 80%，差 20%），未达目标即亮黄灯',
      'The cumulative value for 2022-03 is 80 against a target of 100 (80% attained, 20% short); any shortfall lights yellow',
    ]);
  });
});

describe('quarterly_target_missed', () => {
  const rules = only('quarterly-target-missed');
  const q1 = 'quarterly-target-missed|i1|2022-Q1';

  it('reads a quarter-end target keyed by its last month, once the quarter has ended', () => {
    const missed = indicatorItem({
      reports: [report('2022-03', { acceptedOn: '2022-03-31', indicatorValue: 80 })],
    });
    expect(run(rules, '2022-03-30', [missed])).toEqual([]);
    expect(seen(run(rules, '2022-03-31', [missed]), q1)).toEqual(['red', 20, '2022-03-31']);
    expect(text(run(rules, '2022-04-01', [missed]), q1)).toEqual([
      '2022-Q1 季末累计值 80，未完成季度目标 100（完成 80%，差 20%），未达目标即亮红灯',
      'The cumulative value at the end of 2022-Q1 is 80, missing the quarterly target of 100 (80% attained, 20% short); any shortfall lights red',
    ]);
  });

  it('reads a target keyed by the quarter against the last month’s report', () => {
    const q2 = indicatorItem({
      reports: [
        report('2022-03', { acceptedOn: '2022-04-08', indicatorValue: 100 }),
        report('2022-06', { acceptedOn: '2022-07-08', indicatorValue: 150 }),
      ],
    });
    const f = run(rules, '2022-07-10', [q2]);
    expect(f.map((x) => [x.key, x.colour, x.metric, x.inputs.targetKey, x.inputs.periodKey])).toEqual([
      ['quarterly-target-missed|i1|2022-Q2', 'red', 25, '2022-Q2', '2022-06'],
    ]);
  });

  it('a threshold is a shortfall to exceed', () => {
    const rs = withRule('quarterly-target-missed', { thresholds: { red: 20 } });
    const valued = (v: number) =>
      indicatorItem({ reports: [report('2022-03', { acceptedOn: '2022-04-08', indicatorValue: v })] });
    expect(run(rs, '2022-04-10', [valued(80)])).toEqual([]);
    expect(seen(run(rs, '2022-04-10', [valued(79.9)]), q1)).toEqual(['red', 20.1, '2022-04-08']);
  });

  it('nothing when met, or when no value was accepted by the day', () => {
    const met = indicatorItem({
      reports: [report('2022-03', { acceptedOn: '2022-04-08', indicatorValue: 100 })],
    });
    expect(run(rules, '2022-05-01', [met])).toEqual([]);
    const pending = indicatorItem({
      reports: [report('2022-03', { acceptedOn: '2022-04-08', indicatorValue: 50 })],
    });
    expect(run(rules, '2022-04-07', [pending])).toEqual([]);
  });
});

// --------------------------------------------------------------------------------------------- milestones

describe('milestone_overdue', () => {
  const rules = only('milestone-overdue');
  const key = 'milestone-overdue|i1|m1';
  const withMilestone = (doneDate: CalendarDate | null = null) =>
    item({
      milestones: [
        { id: 'm1', title: '完成疫木除治', plannedDate: '2022-03-15', weight: 50, doneDate },
        { id: 'm2', title: '验收', plannedDate: '2022-12-31', weight: 50, doneDate: null },
      ],
    });

  it.each<[CalendarDate, [Colour, number, CalendarDate] | null]>([
    ['2022-03-15', null],
    ['2022-03-16', ['yellow', 1, '2022-03-16']],
    ['2022-04-13', ['yellow', 29, '2022-03-16']],
    ['2022-04-14', ['red', 30, '2022-03-16']],
  ])('as of %s → %j', (asOf, expected) => {
    expect(seen(run(rules, asOf, [withMilestone()]), key)).toEqual(expected);
  });

  it('a milestone done late stops firing the day it is done', () => {
    expect(seen(run(rules, '2022-03-19', [withMilestone('2022-03-20')]), key)).toEqual([
      'yellow',
      4,
      '2022-03-16',
    ]);
    expect(seen(run(rules, '2022-03-20', [withMilestone('2022-03-20')]), key)).toBeNull();
  });

  it('explains itself', () => {
    expect(text(run(rules, '2022-04-14', [withMilestone()]), key)).toEqual([
      '节点“完成疫木除治”计划于 2022-03-15 完成，已逾期 30 天，达到红灯阈值 30',
      'Milestone "完成疫木除治" was planned for 2022-03-15 and is 30 days overdue, at the red threshold of 30',
    ]);
    expect(text(run(rules, '2022-03-16', [withMilestone()]), key)![1]).toBe(
      'Milestone "完成疫木除治" was planned for 2022-03-15 and is 1 day overdue, at the yellow threshold of 1',
    );
  });
});

describe('item_past_due', () => {
  const rules = only('item-past-due');
  const key = 'item-past-due|i1|';
  const due = (...extra: ItemFacts['statusHistory']) =>
    item({
      dueDate: '2022-06-30',
      statusHistory: [{ on: '2022-01-01', status: 'in_progress' }, ...extra],
    });

  it.each<[CalendarDate, [Colour, number, CalendarDate] | null]>([
    ['2022-06-30', null],
    ['2022-07-01', ['red', 1, '2022-07-01']],
    ['2022-07-10', ['red', 10, '2022-07-01']],
  ])('as of %s → %j', (asOf, expected) => {
    expect(seen(run(rules, asOf, [due()]), key)).toEqual(expected);
  });

  it('a completion requested by the due date waits for the task force without lighting', () => {
    expect(
      seen(run(rules, '2022-07-05', [due({ on: '2022-06-28', status: 'completion_requested' })]), key),
    ).toBeNull();
    expect(
      seen(run(rules, '2022-07-05', [due({ on: '2022-07-02', status: 'completion_requested' })]), key),
    ).toEqual(['red', 5, '2022-07-01']);
    // Sent back after the due date: it lights again, from the day after the due date.
    expect(
      seen(
        run(rules, '2022-07-05', [
          due(
            { on: '2022-06-28', status: 'completion_requested' },
            { on: '2022-07-03', status: 'in_progress' },
          ),
        ]),
        key,
      ),
    ).toEqual(['red', 5, '2022-07-01']);
  });

  it('chooses the colour by the days past due', () => {
    const rs = withRule('item-past-due', { thresholds: { yellow: 1, red: 5 } });
    expect(seen(run(rs, '2022-07-04', [due()]), key)).toEqual(['yellow', 4, '2022-07-01']);
    expect(seen(run(rs, '2022-07-05', [due()]), key)).toEqual(['red', 5, '2022-07-01']);
  });

  it('nothing once completed', () => {
    expect(run(rules, '2022-07-10', [due({ on: '2022-07-05', status: 'completed' })])).toEqual([]);
  });

  it('explains itself', () => {
    expect(text(run(rules, '2022-07-01', [due()]), key)).toEqual([
      '事项办结期限为 2022-06-30，已超期 1 天仍未办结，达到红灯阈值 1',
      'The item was due on 2022-06-30 and is still open 1 day later, at the red threshold of 1',
    ]);
  });
});

describe('project_start_missed', () => {
  const rules = only('project-start-missed');
  const key = 'project-start-missed|i1|';
  const project = (plannedStart: CalendarDate, actualStart: CalendarDate | null = null) =>
    item({ kind: 'project', project: { plannedStart, actualStart } });

  it.each<[CalendarDate, [Colour, number, CalendarDate] | null]>([
    ['2022-03-01', null], // the planned day itself
    ['2022-03-02', ['yellow', 0, '2022-03-02']],
    ['2022-03-31', ['yellow', 0, '2022-03-02']],
    ['2022-04-01', ['yellow', 1, '2022-03-02']],
    ['2022-05-31', ['yellow', 2, '2022-03-02']],
    ['2022-06-01', ['red', 3, '2022-03-02']], // three months later: projectStartStatus says missed_3_months
  ])('planned 2022-03-01, as of %s → %j', (asOf, expected) => {
    expect(seen(run(rules, asOf, [project('2022-03-01')]), key)).toEqual(expected);
  });

  it('moves a planned start on a rest day to the next working day (Qingming)', () => {
    // Planned Sun 3 Apr (Qingming): it can still be made on Wed 6 Apr. Three months on, Sun 3 Jul → Mon 4 Jul.
    expect(seen(run(rules, '2022-04-06', [project('2022-04-03')]), key)).toBeNull();
    expect(seen(run(rules, '2022-04-07', [project('2022-04-03')]), key)).toEqual(['yellow', 0, '2022-04-07']);
    expect(seen(run(rules, '2022-07-03', [project('2022-04-03')]), key)).toEqual(['yellow', 2, '2022-04-07']);
    expect(seen(run(rules, '2022-07-04', [project('2022-04-03')]), key)).toEqual(['red', 3, '2022-04-07']);
  });

  it('an actual start is known from its day', () => {
    expect(seen(run(rules, '2022-03-09', [project('2022-03-01', '2022-03-10')]), key)).toEqual([
      'yellow',
      0,
      '2022-03-02',
    ]);
    expect(run(rules, '2022-03-10', [project('2022-03-01', '2022-03-10')])).toEqual([]);
  });

  it('explains itself', () => {
    expect(text(run(rules, '2022-06-01', [project('2022-03-01')]), key)).toEqual([
      '项目计划于 2022-03-01 开工，已逾期 92 天（3 个整月）仍未开工，达到红灯阈值 3',
      'The project was planned to start on 2022-03-01 and has not started 92 days later (3 whole months), at the red threshold of 3',
    ]);
  });
});

// -------------------------------------------------------------------------------------- deadline escalation

describe('light_not_rectified', () => {
  const rules = only('light-not-rectified');
  // Due to be rectified by Fri 1 Apr; Sat 2 Apr is a make-up working day, so it has gone by on Sun 3 Apr.
  const lit = (overrides: Partial<WarningRecord> = {}) =>
    warning({ issuedOn: '2022-03-25', since: '2022-03-25', rectifyBy: '2022-04-01', ...overrides });
  const key = 'report-overdue|i1|2022-03';

  it.each<[CalendarDate, [Colour, number, CalendarDate] | null]>([
    ['2022-04-01', null],
    ['2022-04-02', null], // 0 working days gone by
    ['2022-04-03', ['red', 1, '2022-04-03']],
    ['2022-04-06', ['red', 1, '2022-04-03']], // Qingming 3–5 Apr
    ['2022-04-07', ['red', 2, '2022-04-03']],
  ])('as of %s → %j', (asOf, expected) => {
    expect(seen(run(rules, asOf, [item()], [lit()]), key)).toEqual(expected);
  });

  it('keys the finding to the light itself, persistent, on its item and unit', () => {
    const f = run(rules, '2022-04-07', [item()], [lit({ unitId: 'u2' })])[0]!;
    expect(f).toMatchObject({
      key,
      kind: 'light',
      itemId: 'i1',
      unitId: 'u2',
      persistent: true,
      ruleId: 'light-not-rectified',
      inputs: { lightId: 'w1', lightColour: 'yellow', issuedOn: '2022-03-25', rectifyBy: '2022-04-01' },
    });
    expect([f.explanation['zh-CN'], f.explanation['en-US']]).toEqual([
      '黄灯整改期限为 2022-04-01，已过 2 个工作日仍未销号，超过红灯阈值 1',
      'The yellow light was due to be rectified by 2022-04-01 and is still open 2 working days later, over the red threshold of 1',
    ]);
  });

  it('escalates manual lights too, but not red, rectifying, closed, or closed-item lights', () => {
    expect(
      run(rules, '2022-04-06', [item()], [lit({ origin: 'manual', key: 'manual|w1', ruleId: null })])[0]!.key,
    ).toBe('manual|w1');
    expect(run(rules, '2022-04-06', [item()], [lit({ colour: 'red' })])).toEqual([]);
    // Rectification submitted, waiting for the re-check: not the unit's lateness.
    expect(run(rules, '2022-04-06', [item()], [lit({ state: 'rectifying' })])).toEqual([]);
    expect(run(rules, '2022-04-06', [item()], [lit({ state: 'cleared', closedOn: '2022-04-02' })])).toEqual(
      [],
    );
    const done = item({
      statusHistory: [
        { on: '2022-01-01', status: 'in_progress' },
        { on: '2022-04-02', status: 'completed' },
      ],
    });
    expect(run(rules, '2022-04-06', [done], [lit()])).toEqual([]);
  });

  it('wins over the yellow finding of the light’s own condition', () => {
    const rs: RuleSet = { version: 1, rules: [...only('report-overdue').rules, ...rules.rules] };
    const monthly = item({ reports: onTimeReports('2022-01', '2022-02') });
    const f = run(rs, '2022-04-20', [monthly], [lit({ rectifyBy: '2022-04-15' })]).filter(
      (x) => x.key === key,
    );
    expect(f.map((x) => [x.ruleId, x.colour])).toEqual([['light-not-rectified', 'red']]);
  });
});

// ---------------------------------------------------------------------------------------------------- cards

describe('lights_in_period', () => {
  const rules: RuleSet = { version: 1, rules: [...only('report-overdue', 'yellow-card-lights').rules] };
  const card = 'yellow-card-lights|u1|2022-04';
  const monthly = item({ reports: onTimeReports('2022-01', '2022-02') });
  const earlier = (overrides: Partial<WarningRecord> = {}) =>
    warning({
      id: 'w0',
      key: 'milestone-overdue|i9|m1',
      itemId: 'i9',
      issuedOn: '2022-04-05',
      since: '2022-04-05',
      ...overrides,
    });

  it('counts lights on record and the lights this evaluation would issue today', () => {
    expect(seen(run(rules, '2022-04-11', [monthly], [earlier()]), card)).toBeNull(); // one light
    const f = run(rules, '2022-04-12', [monthly], [earlier()]).find((x) => x.key === card)!;
    expect([f.colour, f.metric, f.since, f.kind, f.itemId, f.persistent]).toEqual([
      'yellow',
      2,
      '2022-04-12',
      'card',
      null,
      true,
    ]);
    expect(f.inputs).toEqual({
      period: '2022-04',
      colour: 'yellow',
      warnings: 'milestone-overdue|i9|m1,report-overdue|i1|2022-03',
    });
    expect([f.explanation['zh-CN'], f.explanation['en-US']]).toEqual([
      '2022-04 该单位事项被亮黄灯 2 次，达到黄牌阈值 2',
      "2 yellow lights issued to the unit's items in 2022-04, at the yellow-card threshold of 2",
    ]);
  });

  it('once on record a light is not counted twice', () => {
    const issued = warning({ issuedOn: '2022-04-12', since: '2022-04-12' });
    expect(seen(run(rules, '2022-04-13', [monthly], [earlier(), issued]), card)).toEqual([
      'yellow',
      2,
      '2022-04-12',
    ]);
  });

  it.each<[string, Partial<WarningRecord>]>([
    ['revoked', { state: 'revoked', closedOn: '2022-04-08' }],
    ['issued last month', { issuedOn: '2022-03-30' }],
    ['issued red', { issuedColour: 'red', colour: 'red' }],
    ['on another unit', { unitId: 'u2' }],
    ['a card', { kind: 'card' }],
  ])('does not count a light %s', (_, overrides) => {
    expect(seen(run(rules, '2022-04-12', [monthly], [earlier(overrides)]), card)).toBeNull();
  });

  it('counts cleared lights (they were issued) and any colour when asked', () => {
    expect(
      seen(
        run(rules, '2022-04-12', [monthly], [earlier({ state: 'cleared', closedOn: '2022-04-08' })]),
        card,
      ),
    ).not.toBeNull();
    const any: RuleSet = {
      version: 1,
      rules: rules.rules.map((r) =>
        r.id === 'yellow-card-lights' ? { ...r, params: { colour: 'any', period: 'quarter' } } : r,
      ),
    };
    const f = run(any, '2022-04-12', [monthly], [earlier({ colour: 'red', issuedColour: 'red' })]).find((x) =>
      x.key.startsWith('yellow-card-lights'),
    )!;
    expect([f.key, f.metric]).toEqual(['yellow-card-lights|u1|2022-Q2', 2]);
    expect(f.explanation['zh-CN']).toBe('2022-Q2 该单位事项被亮灯 2 次，达到黄牌阈值 2');
    expect(f.explanation['en-US']).toBe(
      "2 lights issued to the unit's items in 2022-Q2, at the yellow-card threshold of 2",
    );
  });

  it('does not count a finding whose episode people already closed (it will not be issued)', () => {
    const closed = warning({ id: 'wc', state: 'cleared', closedOn: '2022-04-12', issuedOn: '2022-03-30' });
    expect(seen(run(rules, '2022-04-13', [monthly], [earlier(), closed]), card)).toBeNull();
  });
});

describe('cards_in_period and red_light_unresolved', () => {
  it('counts yellow cards on record plus the yellow cards this evaluation would issue', () => {
    const rules: RuleSet = {
      version: 1,
      rules: only('report-overdue', 'yellow-card-lights', 'red-card-yellow-cards').rules,
    };
    const monthly = item({ reports: onTimeReports('2022-01', '2022-02') });
    const records = [
      // A manual yellow card (a spot check) earlier in the quarter, since cleared: it was issued, so it counts.
      warning({
        id: 'c1',
        kind: 'card',
        key: 'manual|c1',
        origin: 'manual',
        itemId: null,
        ruleId: null,
        issuedOn: '2022-04-01',
        persistent: true,
        state: 'cleared',
        closedOn: '2022-04-05',
      }),
      warning({ id: 'w0', key: 'milestone-overdue|i9|m1', itemId: 'i9', issuedOn: '2022-04-06' }),
    ];
    // Two yellow lights in April make a yellow card today → two yellow cards in the quarter.
    const findings = run(rules, '2022-04-12', [monthly], records);
    expect(findings.map((f) => [f.key, f.colour, f.metric])).toEqual([
      ['red-card-yellow-cards|u1|2022-Q2', 'red', 2],
      ['report-overdue|i1|2022-03', 'yellow', 3],
      ['yellow-card-lights|u1|2022-04', 'yellow', 2],
    ]);
    // One yellow card only (no manual card before): below the threshold of 2.
    expect(run(rules, '2022-04-12', [monthly], records.slice(1)).map((f) => f.key)).not.toContain(
      'red-card-yellow-cards|u1|2022-Q2',
    );
    const red = findings[0]!;
    expect(red.since).toBe('2022-04-12');
    expect([red.explanation['zh-CN'], red.explanation['en-US']]).toEqual([
      '2022-Q2 该单位被亮黄牌 2 次，达到红牌阈值 2',
      '2 yellow cards issued to the unit in 2022-Q2, at the red-card threshold of 2',
    ]);
  });

  it('a red light past its deadline makes a red card keyed by the light', () => {
    const rules = only('red-card-red-light');
    const red = warning({
      id: 'wr',
      colour: 'red',
      wasRed: true,
      issuedOn: '2022-03-20',
      rectifyBy: '2022-04-01',
    });
    expect(run(rules, '2022-04-02', [item()], [red])).toEqual([]);
    const f = run(rules, '2022-04-03', [item()], [red]);
    expect(f.map((x) => [x.key, x.kind, x.colour, x.metric, x.since, x.persistent])).toEqual([
      ['red-card-red-light|u1|wr', 'card', 'red', 1, '2022-04-03', true],
    ]);
    expect([f[0]!.explanation['zh-CN'], f[0]!.explanation['en-US']]).toEqual([
      '事项 DB-2022-0001 的红灯整改期限为 2022-04-01，已过 1 个工作日仍未解决，达到红牌阈值 1',
      'The red light on DB-2022-0001 was due to be rectified by 2022-04-01 and is unresolved 1 working day later, at the red-card threshold of 1',
    ]);
    // Re-evaluated for other items only, the light's item is not among the facts: its number comes with the record.
    const other = item({ id: 'i2', number: 'DB-2022-0002' });
    const [alone] = run(rules, '2022-04-03', [other], [{ ...red, itemNumber: 'DB-2022-0001' }]);
    expect(alone!.explanation['en-US']).toContain('The red light on DB-2022-0001 ');
    expect(alone!.inputs.itemNumber).toBe('DB-2022-0001');
    expect(run(rules, '2022-04-06', [item()], [{ ...red, colour: 'yellow' }])).toEqual([]);
    expect(
      run(rules, '2022-04-06', [item()], [{ ...red, state: 'cleared', closedOn: '2022-04-05' }]),
    ).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------ whole evaluation

describe('evaluate', () => {
  const lagging = item({
    milestones: [
      { id: 'm1', title: 'a', plannedDate: '2022-02-15', weight: 50, doneDate: null },
      { id: 'm2', title: 'b', plannedDate: '2022-12-31', weight: 50, doneDate: null },
    ],
    reports: [
      ...onTimeReports('2022-01', '2022-02'),
      report('2022-03', { submittedOn: '2022-04-01', acceptedOn: '2022-04-07', progress: 0 }),
    ],
  });
  const other = item({ id: 'i2', leadUnitId: 'u2', reports: onTimeReports('2022-01', '2022-02') });

  it('is sorted by key, cites the rule version and the rule’s rectification days', () => {
    const rs = { ...defaultRuleSet(), version: 4 };
    const f = run(rs, '2022-04-20', [lagging, other]);
    expect(f.map((x) => x.key)).toEqual([...f.map((x) => x.key)].sort());
    expect(f.every((x) => x.ruleVersion === 4)).toBe(true);
    expect(f.find((x) => x.ruleId === 'progress-lag')!.rectifyWorkingDays).toBe(15);
    expect(f.find((x) => x.ruleId === 'progress-lag')!.thresholds).toEqual({ yellow: 10, red: 30 });
  });

  it('skips disabled rules', () => {
    const rs = defaultRuleSet();
    const off = { ...rs, rules: rs.rules.map((r) => ({ ...r, enabled: false })) };
    expect(run(off, '2022-04-20', [lagging, other])).toEqual([]);
  });

  it('is limited to the scope', () => {
    const scope = { itemIds: new Set(['i2']), unitIds: new Set(['u2']) };
    const f = run(defaultRuleSet(), '2022-04-20', [lagging, other], [], scope);
    expect(new Set(f.map((x) => x.itemId ?? x.unitId))).toEqual(new Set(['i2']));
  });

  it('ignores records issued after the day', () => {
    const future = warning({ issuedOn: '2022-05-01', rectifyBy: '2022-04-01' });
    expect(run(only('light-not-rectified'), '2022-04-20', [item()], [future])).toEqual([]);
  });

  it('gives the same findings on the facts as known then', () => {
    const later = item({
      ...lagging,
      milestones: lagging.milestones.map((m) => ({ ...m, doneDate: '2022-04-25' })),
      statusHistory: [...lagging.statusHistory, { on: '2022-05-01', status: 'completion_requested' }],
    });
    expect(run(defaultRuleSet(), '2022-04-20', [later])).toEqual(
      run(defaultRuleSet(), '2022-04-20', [itemFactsAsOf(later, '2022-04-20')]),
    );
  });
});

// ------------------------------------------------------------------------------------ timetable_step_overdue

describe('timetable_step_overdue', () => {
  const rules = only('timetable-step-overdue');
  const key = 'timetable-step-overdue|u1|s1';
  const card = warning({
    id: 'c1',
    key: 'yellow-card-lights|u1|2022-04',
    kind: 'card',
    ruleId: 'yellow-card-lights',
    itemId: null,
    issuedOn: '2022-04-06',
    persistent: true,
  });
  const step = (doneDate: CalendarDate | null = null): TimetableStepFacts => ({
    id: 's1',
    warningId: 'c1',
    unitId: 'u1',
    title: '完成剩余疫木除治',
    dueDate: '2022-04-25',
    doneDate,
    plannedOn: '2022-04-08',
  });
  const runSteps = (asOf: CalendarDate, steps: TimetableStepFacts[], warnings = [card]) =>
    evaluate({ ruleSet: rules, asOf, calendar: cal, items: [], units, warnings, steps });

  it.each<[CalendarDate, [Colour, number, CalendarDate] | null]>([
    ['2022-04-25', null],
    ['2022-04-26', ['yellow', 1, '2022-04-26']],
    ['2022-05-04', ['yellow', 9, '2022-04-26']],
    ['2022-05-05', ['red', 10, '2022-04-26']],
  ])('as of %s → %j', (asOf, expected) => {
    expect(seen(runSteps(asOf, [step()]), key)).toEqual(expected);
  });

  it('lights the card’s unit, not an item, and explains itself', () => {
    const [f] = runSteps('2022-04-27', [step()]);
    expect(f).toMatchObject({ kind: 'light', itemId: null, unitId: 'u1', persistent: false });
    expect(text([f!], key)).toEqual([
      '整改倒排时间表节点“完成剩余疫木除治”计划于 2022-04-25 完成，已逾期 2 天，超过黄灯阈值 1',
      'Rectification timetable step "完成剩余疫木除治" was due on 2022-04-25 and is 2 days overdue, over the yellow threshold of 1',
    ]);
  });

  it('stops the day the step is done, once the card is closed, and before the step existed', () => {
    expect(runSteps('2022-04-28', [step('2022-04-28')])).toEqual([]);
    expect(runSteps('2022-04-28', [step()], [{ ...card, state: 'cleared', closedOn: '2022-04-27' }])).toEqual(
      [],
    );
    expect(runSteps('2022-04-28', [{ ...step(), plannedOn: '2022-04-29' }])).toEqual([]);
    expect(
      evaluate({
        ruleSet: rules,
        asOf: '2022-04-28',
        calendar: cal,
        items: [],
        units,
        warnings: [card],
        steps: [step()],
        scope: { itemIds: new Set(), unitIds: new Set(['u2']) },
      }),
    ).toEqual([]);
  });
});
