import { describe, expect, it } from 'vitest';
import type { Rule, RuleProblem, TimetableStepView, WarningView } from '../api/warnings';
import {
  COLOURS,
  CONSEQUENCES,
  WARNING_ACTIONS,
  WARNING_EVENT_TYPES,
  WARNING_KINDS,
  WARNING_STATE_FILTERS,
  WARNING_STATES,
} from '../api/warnings';
import enUS from '../locales/en-US';
import zhCN from '../locales/zh-CN';
import {
  canPlanTimetable,
  changedRules,
  countByColour,
  formatValue,
  groupByItem,
  inLocale,
  monthSeries,
  normaliseRule,
  otherProblems,
  planBody,
  planRowsOf,
  problemsByField,
  readBoardQuery,
  stepsInOrder,
  timetablePlannedOf,
  timetableProgress,
  timetableStepDoneOf,
} from './warnings';

function warning(patch: Partial<WarningView>): WarningView {
  return {
    id: 'w',
    kind: 'light',
    origin: 'rule',
    colour: 'yellow',
    issuedColour: 'yellow',
    state: 'active',
    ruleId: 'progress-lag',
    ruleVersion: 1,
    condition: 'progress_lag',
    itemId: 'i1',
    itemNumber: 'DB-2022-0017',
    itemTitle: '松材线虫病疫木清理',
    unitId: 'u1',
    unitName: '大东坝镇',
    issuedOn: '2022-04-08',
    since: '2022-04-08',
    rectifyBy: '2022-04-22',
    closedOn: null,
    wasRed: false,
    metric: 12,
    inputs: {},
    thresholds: { yellow: 10, red: 30 },
    explanation: { 'zh-CN': '进度滞后计划 12 个百分点', 'en-US': '12 points behind plan' },
    reason: null,
    appealState: null,
    actions: [],
    ...patch,
  };
}

const rule = (patch: Partial<Rule> = {}): Rule => ({
  id: 'progress-lag',
  condition: 'progress_lag',
  enabled: true,
  thresholds: { yellow: 10, red: 30 },
  rectifyWorkingDays: 10,
  params: {},
  ...patch,
});

describe('warning helpers', () => {
  it('picks the explanation in the UI language, falling back to the other', () => {
    const text = { 'zh-CN': '中文', 'en-US': 'English' };
    expect(inLocale(text, 'zh-CN')).toBe('中文');
    expect(inLocale(text, 'en-US')).toBe('English');
    expect(inLocale({ 'zh-CN': '中文', 'en-US': '' }, 'en-US')).toBe('中文');
    expect(inLocale(null, 'zh-CN')).toBe('');
  });

  it('groups only open lights by item, red first', () => {
    const groups = groupByItem([
      warning({ id: 'a', colour: 'yellow', issuedOn: '2022-04-01' }),
      warning({ id: 'b', colour: 'red', issuedOn: '2022-03-01' }),
      warning({ id: 'c', state: 'cleared' }),
      warning({ id: 'd', kind: 'card', itemId: null }),
      warning({ id: 'e', itemId: 'i2', state: 'rectifying' }),
    ]);
    expect([...groups.keys()].sort()).toEqual(['i1', 'i2']);
    expect(groups.get('i1')!.map((w) => w.id)).toEqual(['b', 'a']);
    expect(groups.get('i2')!.map((w) => w.id)).toEqual(['e']);
  });

  it('counts by kind and colour', () => {
    expect(
      countByColour([
        warning({ colour: 'red' }),
        warning({ colour: 'yellow' }),
        warning({ kind: 'card', colour: 'yellow' }),
        warning({ kind: 'card', colour: 'yellow' }),
      ]),
    ).toEqual({ light: { yellow: 1, red: 1 }, card: { yellow: 2, red: 0 } });
  });

  it('reads the board filters from the URL: open by default, "all" for any state, junk ignored', () => {
    expect(readBoardQuery(new URLSearchParams(''))).toMatchObject({
      state: 'open',
      stateParam: 'open',
      page: 1,
    });
    expect(readBoardQuery(new URLSearchParams('state=all'))).toMatchObject({
      state: undefined,
      stateParam: 'all',
    });
    const q = readBoardQuery(
      new URLSearchParams(
        'kind=card&colour=red&state=escalated&month=2022-04&asOf=2022-04-30&unitId=u1&leaderUserId=l3&page=2',
      ),
    );
    expect(q).toMatchObject({
      leaderUserId: 'l3',
      kind: 'card',
      colour: 'red',
      state: 'escalated',
      month: '2022-04',
      asOf: '2022-04-30',
      unitId: 'u1',
      page: 2,
      pageSize: 20,
    });
    expect(
      readBoardQuery(new URLSearchParams('kind=lamp&colour=green&state=lit&month=April&asOf=yesterday')),
    ).toMatchObject({ kind: undefined, colour: undefined, state: 'open', month: undefined, asOf: undefined });
  });

  it('puts each validation message on its field, and keeps the rest for the rule', () => {
    const problems: RuleProblem[] = [
      {
        ruleIndex: 1,
        ruleId: 'progress-lag',
        field: 'rules.1.thresholds.yellow',
        code: 'yellow_above_red',
        message: '黄色阈值 40 高于红色阈值 30',
      },
      {
        ruleIndex: 1,
        ruleId: 'progress-lag',
        field: 'rules.1.foo',
        code: 'unknown_field',
        message: '未知字段 foo',
      },
      {
        ruleIndex: 2,
        ruleId: 'x',
        field: 'rules.2.params.period',
        code: 'invalid_param',
        message: '参数 period 只能是 month、quarter',
      },
    ];
    const byField = problemsByField(problems);
    expect(byField.get('rules.1.thresholds.yellow')).toEqual(['黄色阈值 40 高于红色阈值 30']);
    expect(byField.get('rules.2.params.period')).toHaveLength(1);
    expect(otherProblems(problems, 1, ['thresholds', 'params']).map((p) => p.field)).toEqual(['rules.1.foo']);
    expect(otherProblems(problems, 2, ['thresholds', 'params'])).toEqual([]);
  });

  it('normalises drafts and finds the changed rules', () => {
    expect(normaliseRule(rule({ thresholds: { yellow: 3 } })).thresholds).toEqual({ yellow: 3, red: null });
    const active = [
      rule(),
      rule({ id: 'report-overdue', condition: 'report_overdue', thresholds: { yellow: 3 } }),
    ];
    const draft = [
      rule({ thresholds: { yellow: 5, red: 30 } }),
      rule({ id: 'report-overdue', condition: 'report_overdue', thresholds: { yellow: 3, red: null } }),
    ];
    expect([...changedRules(draft, active)]).toEqual([0]);
    expect([...changedRules([...draft, rule({ id: 'new-one' })], active)]).toEqual([0, 2]);
  });

  it('formats input values and the per-month series', () => {
    expect(formatValue(32.5)).toBe('32.5');
    expect(formatValue(null)).toBe('—');
    expect(formatValue('2022-03')).toBe('2022-03');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    const s = monthSeries([
      { month: '2022-03', lights: { yellow: 2, red: 1 }, cards: { yellow: 1, red: 0 }, cleared: 1 },
      { month: '2022-04', lights: { yellow: 0, red: 0 }, cards: { yellow: 0, red: 1 }, cleared: 3 },
    ]);
    expect(s.months).toEqual(['2022-03', '2022-04']);
    expect(s.yellowLights).toEqual([2, 0]);
    expect(s.redCards).toEqual([0, 1]);
    expect(s.cleared).toEqual([1, 3]);
  });

  it('offers the timetable to the warned unit on its open cards only', () => {
    const card = warning({ kind: 'card', itemId: null, unitId: 'u1' });
    const unit = { unitId: 'u1', unitWriter: true };
    const county = { unitId: null, unitWriter: false };
    expect(canPlanTimetable({ ...card, actions: ['rectify', 'appeal'] }, county)).toBe(true);
    expect(canPlanTimetable({ ...card, actions: ['appeal'] }, county)).toBe(true);
    expect(canPlanTimetable({ ...card, state: 'rectifying', actions: [] }, unit)).toBe(true);
    expect(canPlanTimetable({ ...card, state: 'rectifying', actions: [] }, { ...unit, unitId: 'u2' })).toBe(
      false,
    );
    expect(canPlanTimetable({ ...card, actions: ['recheck', 'consequence'] }, county)).toBe(false);
    expect(canPlanTimetable({ ...card, state: 'cleared', actions: ['consequence'] }, unit)).toBe(false);
    expect(canPlanTimetable(warning({ actions: ['rectify'] }), unit)).toBe(false);
  });

  it('orders, counts and re-plans the steps of a timetable', () => {
    const step = (patch: Partial<TimetableStepView>): TimetableStepView => ({
      id: 's',
      seq: 1,
      title: '排查',
      workingDaysBefore: 5,
      dueDate: '2022-04-15',
      doneDate: null,
      doneNote: null,
      late: false,
      ...patch,
    });
    const steps = [
      step({ id: 'c', seq: 3, title: '验收', workingDaysBefore: 0, dueDate: '2022-04-22' }),
      step({ id: 'a', seq: 2, title: '排查', workingDaysBefore: 8, dueDate: '2022-04-12', late: true }),
      step({
        id: 'd',
        seq: 1,
        title: '方案',
        workingDaysBefore: 10,
        dueDate: '2022-04-08',
        doneDate: '2022-04-08',
      }),
      step({ id: 'b', seq: 4, title: '整治', workingDaysBefore: 8, dueDate: '2022-04-12' }),
    ];
    expect(stepsInOrder(steps).map((s) => s.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(timetableProgress(steps)).toEqual({ total: 4, done: 1, late: 1 });
    expect(planRowsOf(steps)).toEqual([
      { title: '排查', workingDaysBefore: 8 },
      { title: '整治', workingDaysBefore: 8 },
      { title: '验收', workingDaysBefore: 0 },
    ]);
    expect(planRowsOf([])).toEqual([{ title: '', workingDaysBefore: null }]);
    expect(planBody([{ title: ' 验收 ', workingDaysBefore: null }])).toEqual([
      { title: '验收', workingDaysBefore: 0 },
    ]);
  });

  it('reads the data of the timetable events, and nothing else', () => {
    expect(
      timetablePlannedOf({
        deadline: '2022-04-22',
        steps: [{ title: '验收', workingDaysBefore: 0, dueDate: '2022-04-22' }, { title: 3 }],
      }),
    ).toEqual({
      deadline: '2022-04-22',
      steps: [{ title: '验收', workingDaysBefore: 0, dueDate: '2022-04-22' }],
    });
    expect(timetablePlannedOf({ consequence: 'bulletin' })).toBeNull();
    expect(timetablePlannedOf(null)).toBeNull();
    expect(timetableStepDoneOf({ stepId: 's1', title: '排查', dueDate: '2022-04-12', late: true })).toEqual({
      stepId: 's1',
      title: '排查',
      dueDate: '2022-04-12',
      late: true,
    });
    expect(timetableStepDoneOf('done')).toBeNull();
  });

  it('has words in both languages for every value of the warning enums the API sends', () => {
    const needed = [
      ...WARNING_KINDS.flatMap((k) => [`warningKind.${k}`, ...COLOURS.map((c) => `warningBadge.${k}.${c}`)]),
      ...COLOURS.map((c) => `warningColour.${c}`),
      ...WARNING_STATES.map((s) => `warningState.${s}`),
      ...WARNING_STATE_FILTERS.map((s) => `warningStateFilter.${s}`),
      ...CONSEQUENCES.map((c) => `consequence.${c}`),
      ...WARNING_EVENT_TYPES.map((e) => `warningEvent.${e}`),
      ...WARNING_ACTIONS.flatMap((a) => [
        `warningAction.${a}`,
        `warningAction.${a}.ok`,
        `warningAction.${a}.hint`,
        `warningAction.${a}.text`,
        `warningAction.${a}.done`,
      ]),
      ...['pending', 'upheld', 'rejected'].map((s) => `appealState.${s}`),
      ...['active', 'draft', 'retired'].map((s) => `ruleSetStatus.${s}`),
      'notification.warning_issued',
      'notification.warning_escalated',
    ];
    expect(needed.filter((k) => !(k in zhCN))).toEqual([]);
    expect(needed.filter((k) => !(k in enUS))).toEqual([]);
  });
});
