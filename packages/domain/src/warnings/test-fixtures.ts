// Builders shared by the warning engine's tests (not exported from the package).
import { builtinChineseCalendar, WorkCalendar } from '../calendar.ts';
import { defaultRuleSet } from './rules.ts';
import type { Finding, ItemFacts, Rule, RuleSet, WarningRecord } from './types.ts';

export const cal = new WorkCalendar(builtinChineseCalendar());

export function item(overrides: Partial<ItemFacts> = {}): ItemFacts {
  return {
    id: 'i1',
    number: 'DB-2022-0001',
    title: '松材线虫病疫木清理',
    kind: 'work',
    leadUnitId: 'u1',
    startDate: '2022-01-01',
    dueDate: '2022-12-31',
    frequency: 'monthly',
    deadlineWorkingDays: 3,
    statusHistory: [
      { on: '2021-12-20', status: 'draft' },
      { on: '2021-12-25', status: 'assigned' },
      { on: '2021-12-28', status: 'accepted' },
      { on: '2022-01-01', status: 'in_progress' },
    ],
    milestones: [],
    reports: [],
    indicator: null,
    project: null,
    ...overrides,
  };
}

export type ReportFacts = ItemFacts['reports'][number];
export function report(periodKey: string, overrides: Partial<ReportFacts> = {}): ReportFacts {
  return {
    periodKey,
    submittedOn: null,
    acceptedOn: null,
    progress: null,
    indicatorValue: null,
    completedInvestmentFen: null,
    ...overrides,
  };
}

/** Monthly reports of Jan–Feb filed on time, so that only what a test sets up is overdue. */
export const onTimeReports = (...keys: string[]) =>
  keys.map((k) => report(k, { submittedOn: `${k}-28`, acceptedOn: `${k}-28` }));

/** The default rule set with only the rules named kept (and others' thresholds untouched). */
export function only(...ids: string[]): RuleSet {
  const d = defaultRuleSet();
  return { version: d.version, rules: d.rules.filter((r) => ids.includes(r.id)) };
}

/** One rule set of a single rule, overriding parts of the default one with that id. */
export function withRule(id: string, overrides: Partial<Rule>): RuleSet {
  const d = defaultRuleSet();
  const base = d.rules.find((r) => r.id === id)!;
  return { version: 7, rules: [{ ...base, ...overrides }] };
}

export function warning(overrides: Partial<WarningRecord> = {}): WarningRecord {
  return {
    id: 'w1',
    key: 'report-overdue|i1|2022-03',
    kind: 'light',
    origin: 'rule',
    ruleId: 'report-overdue',
    itemId: 'i1',
    unitId: 'u1',
    colour: 'yellow',
    issuedColour: 'yellow',
    state: 'active',
    issuedOn: '2022-04-12',
    since: '2022-04-12',
    rectifyBy: '2022-04-19',
    wasRed: false,
    persistent: false,
    closedOn: null,
    ...overrides,
  };
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    key: 'report-overdue|i1|2022-03',
    kind: 'light',
    ruleId: 'report-overdue',
    ruleVersion: 1,
    condition: 'report_overdue',
    colour: 'yellow',
    itemId: 'i1',
    unitId: 'u1',
    since: '2022-04-12',
    inputs: { periodKey: '2022-03' },
    thresholds: { yellow: 3, red: null },
    metric: 3,
    explanation: { 'zh-CN': '说明', 'en-US': 'explanation' },
    persistent: false,
    rectifyWorkingDays: 5,
    ...overrides,
  };
}
