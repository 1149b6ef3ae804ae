// Facts → findings: what each enabled rule says about each item and unit on a day, as known on that day. A pure
// function: the same rule set, facts, records and day always give the same findings, in key order.
import type { WorkCalendar } from '../calendar.ts';
import {
  addDays,
  addMonths,
  civilOf,
  diffDays,
  formatCivil,
  fromDayNumber,
  minDate,
  toDayNumber,
  type CalendarDate,
} from '../dates.ts';
import { REPORTING_STATES } from '../lifecycle.ts';
import { deadlineOf, isPeriodKey, periodByKey, periodOf, type Frequency, type Period } from '../periods.ts';
import {
  actualProgress,
  compareToTarget,
  milestoneOverdue,
  plannedProgress,
  progressLag,
  projectStartStatus,
  round1,
  targetFor,
} from '../progress.ts';
import {
  APPLICABLE_ITEM_STATES,
  CLOSED_ITEM_STATES,
  COLOUR_RANK,
  firstDayPast,
  inScope,
  indexByKey,
  isOpen,
  statusEntryOn,
  statusOn,
  wouldIssue,
  workingDaysPast,
  type KeyIndex,
} from './records.ts';
import { CONDITIONS, explain } from './rules.ts';
import type {
  Colour,
  EvaluationScope,
  Finding,
  ItemFacts,
  Rule,
  RuleSet,
  TimetableStepFacts,
  UnitFacts,
  WarningKind,
  WarningRecord,
} from './types.ts';

export interface EvaluateInput {
  ruleSet: RuleSet;
  asOf: CalendarDate;
  calendar: WorkCalendar;
  items: ItemFacts[];
  units: UnitFacts[];
  /** Warnings on record (open and closed) as known on `asOf`. */
  warnings: WarningRecord[];
  /** Only these items' lights and these units' cards; all of them when absent. */
  scope?: EvaluationScope | undefined;
  /** Steps of cards' rectification timetables (in scope with their unit). */
  steps?: readonly TimetableStepFacts[] | undefined;
}

// ------------------------------------------------------------------------------------------------- thresholds

type Thresholds = Finding['thresholds'];
/** One frozen thresholds object per rule, shared by its findings. */
const thresholdsByRule = new WeakMap<Rule, Thresholds>();
function thresholdsOf(rule: Rule): Thresholds {
  const yellow = rule.thresholds.yellow ?? null;
  const red = rule.thresholds.red ?? null;
  let t = thresholdsByRule.get(rule);
  if (!t || t.yellow !== yellow || t.red !== red) {
    t = Object.freeze({ yellow, red });
    thresholdsByRule.set(rule, t);
  }
  return t;
}

const reaches = (metric: number, t: number | null | undefined, comparator: '>=' | '>') =>
  t !== null && t !== undefined && (comparator === '>' ? metric > t : metric >= t);

/** The highest colour whose threshold the metric reaches, or null. */
function colourOf(rule: Rule, metric: number): Colour | null {
  const { comparator } = CONDITIONS[rule.condition];
  if (reaches(metric, rule.thresholds.red, comparator)) return 'red';
  if (reaches(metric, rule.thresholds.yellow, comparator)) return 'yellow';
  return null;
}

/** The lowest threshold set: where the condition begins (validation guarantees at least one). */
function lowestThreshold(rule: Rule): number {
  return Math.min(rule.thresholds.yellow ?? Infinity, rule.thresholds.red ?? Infinity);
}

/** Builds a finding when the metric reaches a threshold; `since` is computed only then. */
function makeFinding(
  ctx: { rule: Rule; ruleVersion: number },
  subject: { kind: WarningKind; key: string; itemId: string | null; unitId: string },
  metric: number,
  since: () => CalendarDate,
  inputs: Finding['inputs'],
  persistent: boolean,
  words: Record<string, string | number | null> = {},
): Finding | null {
  const { rule } = ctx;
  const colour = colourOf(rule, metric);
  if (colour === null) return null;
  const thresholds = thresholdsOf(rule);
  return {
    key: subject.key,
    kind: subject.kind,
    ruleId: rule.id,
    ruleVersion: ctx.ruleVersion,
    condition: rule.condition,
    colour,
    itemId: subject.itemId,
    unitId: subject.unitId,
    since: since(),
    inputs,
    thresholds,
    metric,
    explanation: explain(rule.condition, colour, metric, thresholds[colour]!, inputs, words),
    persistent,
    rectifyWorkingDays: rule.rectifyWorkingDays,
  };
}

// ------------------------------------------------------------------------------------------------------ memo

/**
 * Periods depend on nothing but their dates, so one table per frequency serves every evaluation. Periods are numbered
 * (ISO weeks from the Monday 1970-01-05, months and quarters from year 0): an item's reporting periods are a range of
 * numbers, and no evaluation formats a key or a date again (a province has 45,000 items of a hundred periods each).
 */
const A_MONDAY = 4; // 1970-01-05
const PERIOD_TABLES: Record<Frequency, Map<number, Period>> = {
  weekly: new Map(),
  monthly: new Map(),
  quarterly: new Map(),
};

/** The number of the period of `frequency` holding `date` (as `periodOf` finds it). */
function periodNumber(date: CalendarDate, frequency: Frequency, field: string): number {
  const d = toDayNumber(date, field);
  if (frequency === 'weekly') return Math.floor((d - A_MONDAY) / 7);
  const { year, month } = civilOf(d);
  if (frequency === 'monthly') return year * 12 + month - 1;
  if (frequency === 'quarterly') return year * 4 + Math.floor((month - 1) / 3);
  periodOf(date, frequency); // not a frequency: periodOf names the error
  throw new Error(`invalid frequency ${String(frequency)}`);
}

/** The period numbered `n` (see `periodNumber`). */
function periodAt(n: number, frequency: Frequency): Period {
  const table = PERIOD_TABLES[frequency];
  let p = table.get(n);
  if (!p) {
    const date =
      frequency === 'weekly'
        ? fromDayNumber(A_MONDAY + 7 * n)
        : frequency === 'monthly'
          ? formatCivil(Math.floor(n / 12), (n % 12) + 1, 1)
          : formatCivil(Math.floor(n / 4), 3 * (n % 4) + 1, 1);
    table.set(n, (p = Object.freeze(periodOf(date, frequency))));
  }
  return p;
}

/**
 * Per-evaluation caches. Items share their period keys and deadlines, and a province holds tens of thousands of items
 * with millions of reports: parsing a key or walking the calendar once per distinct value keeps a full evaluation
 * within its budget.
 */
class Memo {
  private readonly keys = new Map<string, Period | null>();
  private readonly deadlines = new Map<string, CalendarDate>();
  constructor(private readonly calendar: WorkCalendar) {}

  /** The period a key names, or null for a key that names none. */
  period(key: string): Period | null {
    let v = this.keys.get(key);
    if (v === undefined) this.keys.set(key, (v = isPeriodKey(key) ? periodByKey(key) : null));
    return v;
  }

  deadline(period: Period, workingDaysAfterEnd: number): CalendarDate {
    const k = `${period.end}|${workingDaysAfterEnd}`;
    let v = this.deadlines.get(k);
    if (!v) this.deadlines.set(k, (v = deadlineOf(period, { workingDaysAfterEnd }, this.calendar).date));
    return v;
  }
}

// ------------------------------------------------------------------------------------------------------ facts

type Report = ItemFacts['reports'][number];
const acceptedBy = (r: Report, asOf: CalendarDate) => r.acceptedOn !== null && r.acceptedOn <= asOf;
const submittedBy = (r: Report, asOf: CalendarDate) =>
  (r.submittedOn !== null && r.submittedOn <= asOf) || acceptedBy(r, asOf);

/** Of reports accepted by `asOf` that pass `usable`, the one of the latest period (by end, then start). */
function latestAccepted(
  memo: Memo,
  item: ItemFacts,
  asOf: CalendarDate,
  usable: (r: Report) => boolean,
): { report: Report; period: Period } | null {
  // Reports usually come in period order, each the new best: no object per candidate, one for the winner.
  let bestReport: Report | null = null;
  let bestPeriod: Period | null = null;
  for (const report of item.reports) {
    if (!acceptedBy(report, asOf) || !usable(report)) continue;
    const period = memo.period(report.periodKey);
    if (!period) continue;
    if (
      !bestPeriod ||
      period.end > bestPeriod.end ||
      (period.end === bestPeriod.end && period.start > bestPeriod.start)
    ) {
      bestReport = report;
      bestPeriod = period;
    }
  }
  return bestPeriod && { report: bestReport!, period: bestPeriod };
}

/**
 * The item as known on a day: later status changes, submissions, acceptances, milestone completions and project
 * starts removed. Evaluating the full facts as of D gives the same findings as evaluating these (a tested property);
 * useful to a caller that wants to show "what was known then".
 */
export function itemFactsAsOf(item: ItemFacts, asOf: CalendarDate): ItemFacts {
  return {
    ...item,
    statusHistory: item.statusHistory.filter((h) => h.on <= asOf),
    milestones: item.milestones.map((m) => ({
      ...m,
      doneDate: m.doneDate !== null && m.doneDate <= asOf ? m.doneDate : null,
    })),
    reports: item.reports
      .filter((r) => submittedBy(r, asOf))
      .map((r) => ({
        ...r,
        submittedOn: r.submittedOn !== null && r.submittedOn <= asOf ? r.submittedOn : null,
        acceptedOn: acceptedBy(r, asOf) ? r.acceptedOn : null,
      })),
    project: item.project && {
      ...item.project,
      actualStart:
        item.project.actualStart !== null && item.project.actualStart <= asOf
          ? item.project.actualStart
          : null,
    },
  };
}

// ---------------------------------------------------------------------------------------- item conditions

interface ItemContext {
  memo: Memo;
  rule: Rule;
  ruleVersion: number;
  item: ItemFacts;
  asOf: CalendarDate;
  calendar: WorkCalendar;
}

const lightKey = (rule: Rule, item: ItemFacts, discriminator: string) =>
  `${rule.id}|${item.id}|${discriminator}`;
const light = (c: ItemContext, discriminator: string) => ({
  kind: 'light' as const,
  key: lightKey(c.rule, c.item, discriminator),
  itemId: c.item.id,
  unitId: c.item.leadUnitId,
});

/** Appends the item's findings under one rule to `out` (no array per call: a province has 45,000 items). */
type ItemCondition = (c: ItemContext, out: Finding[]) => void;
const push = (out: Finding[], f: Finding | null) => {
  if (f) out.push(f);
};

/**
 * A report per period of the item's frequency, from its start to its due date's period, is owed once the period has
 * ended while the item was in a reporting state (as the to-do list's obligations count them: a period that ended
 * before the unit accepted the item is not owed).
 */
const reportOverdue: ItemCondition = (c, out) => {
  const { item, asOf, calendar, rule, memo } = c;
  const frequency = item.frequency;
  // The periods overlapping [start, min(due, asOf)], numbered from..to (none when it is empty). Each ends before the
  // next begins, so all but the last have ended by the day; the last has when it ends before the day.
  const end = minDate(item.dueDate, asOf);
  if (toDayNumber(end, 'end') < toDayNumber(item.startDate, 'start')) return;
  const from = periodNumber(item.startDate, frequency, 'start');
  const to = periodNumber(end, frequency, 'end');
  const ended = to - from + (periodAt(to, frequency).end < asOf ? 1 : 0);
  if (ended === 0) return;
  // Usually every ended period has its report: count those first and build a set only when one is missing.
  const first = periodAt(from, frequency).start;
  const last = periodAt(from + ended - 1, frequency).end;
  let filed = 0;
  for (const r of item.reports) {
    if (!submittedBy(r, asOf)) continue;
    const p = memo.period(r.periodKey);
    if (p && p.frequency === item.frequency && p.start >= first && p.end <= last) filed++;
  }
  if (filed >= ended) return;
  const submitted = new Set<string>();
  for (const r of item.reports) if (submittedBy(r, asOf)) submitted.add(r.periodKey);
  const lowest = lowestThreshold(rule);
  for (let i = 0; i < ended; i++) {
    const period = periodAt(from + i, frequency);
    if (submitted.has(period.key)) continue;
    const status = statusOn(item, period.end);
    if (status === null || !REPORTING_STATES.includes(status)) continue;
    const deadline = memo.deadline(period, item.deadlineWorkingDays);
    const metric = workingDaysPast(calendar, deadline, asOf);
    if (metric === null) continue;
    const f = makeFinding(
      c,
      light(c, period.key),
      metric,
      () => firstDayPast(calendar, deadline, lowest),
      {
        periodKey: period.key,
        periodEnd: period.end,
        deadline,
        deadlineWorkingDays: item.deadlineWorkingDays,
      },
      false,
    );
    push(out, f);
  }
};

/** Planned vs actual at the end of the latest accepted period: milestones when the item has them, else the report. */
const progressLagCondition: ItemCondition = (c, out) => {
  const { item, asOf } = c;
  if (item.kind !== 'work' && item.kind !== 'project') return;
  const withMilestones = item.milestones.length > 0;
  const latest = latestAccepted(c.memo, item, asOf, (r) => withMilestones || r.progress !== null);
  if (!latest) return;
  const { report, period } = latest;
  const planned = plannedProgress(
    { start: item.startDate, due: item.dueDate, milestones: item.milestones },
    period.end,
  );
  // A milestone counts when done by the period's end and known (recorded as done) by the evaluated day.
  const actual = withMilestones
    ? actualProgress({ milestones: item.milestones }, minDate(period.end, asOf))
    : actualProgress({ reportedProgress: report.progress }, period.end);
  const metric = progressLag(planned, actual);
  if (colourOf(c.rule, metric) === null) return; // most items: no key, inputs or finding to build
  push(
    out,
    makeFinding(
      c,
      light(c, ''),
      metric,
      () => report.acceptedOn!,
      {
        periodKey: period.key,
        periodEnd: period.end,
        acceptedOn: report.acceptedOn,
        planned,
        actual,
        basis: withMilestones ? 'milestones' : 'reported',
      },
      false,
    ),
  );
};

/** Shortfall as a percentage of the target; at least 0.1 when missed, so that a rounding never hides a miss. */
const shortfallPct = (attainmentPct: number) => Math.max(0.1, round1(100 - attainmentPct));

const indicatorBelowTarget: ItemCondition = (c, out) => {
  const { item, asOf } = c;
  const indicator = item.indicator;
  if (item.kind !== 'indicator' || !indicator) return;
  const latest = latestAccepted(
    c.memo,
    item,
    asOf,
    (r) => r.indicatorValue !== null && targetFor(indicator, r.periodKey) !== undefined,
  );
  if (!latest) return;
  const { report } = latest;
  const target = targetFor(indicator, report.periodKey)!;
  const a = compareToTarget(indicator.direction, target, report.indicatorValue!);
  if (a.met) return;
  push(
    out,
    makeFinding(
      c,
      light(c, ''),
      shortfallPct(a.attainmentPct),
      () => report.acceptedOn!,
      {
        periodKey: report.periodKey,
        acceptedOn: report.acceptedOn,
        direction: indicator.direction,
        target,
        actual: a.actual,
        attainmentPct: a.attainmentPct,
      },
      false,
    ),
  );
};

/** Each quarter ended by the day whose cumulative target (keyed by the quarter or its last month) the accepted value missed. */
const quarterlyTargetMissed: ItemCondition = (c, out) => {
  const { item, asOf } = c;
  const indicator = item.indicator;
  if (item.kind !== 'indicator' || !indicator) return;
  const quarters = new Set<string>();
  for (const t of indicator.cumulativeTargets) {
    const p = c.memo.period(t.periodKey);
    if (!p || p.end > asOf) continue;
    if (p.frequency === 'quarterly') quarters.add(p.key);
    else if (p.frequency === 'monthly' && Number(p.key.slice(5, 7)) % 3 === 0)
      quarters.add(periodOf(p.end, 'quarterly').key);
  }
  if (quarters.size === 0) return;
  const accepted = new Map<string, Report>();
  for (const r of item.reports)
    if (acceptedBy(r, asOf) && r.indicatorValue !== null) accepted.set(r.periodKey, r);
  for (const quarterKey of [...quarters].sort()) {
    const quarter = c.memo.period(quarterKey)!;
    // Values and targets are cumulative, so the quarter's and its last month's keys name the same figure: a pair
    // under one key wins, else a quarterly target is read against the last month's report (or the other way).
    const keys = [quarterKey, quarter.end.slice(0, 7)];
    const paired = keys.find((k) => targetFor(indicator, k) !== undefined && accepted.has(k));
    const targetKey = paired ?? keys.find((k) => targetFor(indicator, k) !== undefined);
    const valueKey = paired ?? keys.find((k) => accepted.has(k));
    if (targetKey === undefined || valueKey === undefined) continue;
    const report = accepted.get(valueKey)!;
    const target = targetFor(indicator, targetKey)!;
    const a = compareToTarget(indicator.direction, target, report.indicatorValue!);
    if (a.met) continue;
    const f = makeFinding(
      c,
      light(c, quarterKey),
      shortfallPct(a.attainmentPct),
      () => report.acceptedOn!,
      {
        quarter: quarterKey,
        periodKey: valueKey,
        targetKey,
        acceptedOn: report.acceptedOn,
        direction: indicator.direction,
        target,
        actual: a.actual,
        attainmentPct: a.attainmentPct,
      },
      false,
    );
    push(out, f);
  }
};

/** Milestones not done by the day; one done late stops firing the day it is done. */
const milestoneOverdueCondition: ItemCondition = (c, out) => {
  const { item, asOf, rule } = c;
  for (const m of item.milestones) {
    if (m.doneDate !== null && m.doneDate <= asOf) continue;
    const metric = milestoneOverdue({ plannedDate: m.plannedDate, doneDate: null }, asOf);
    if (metric <= 0) continue;
    const f = makeFinding(
      c,
      light(c, m.id),
      metric,
      () => addDays(m.plannedDate, Math.max(1, Math.ceil(lowestThreshold(rule)))),
      { milestoneId: m.id, milestoneTitle: m.title, plannedDate: m.plannedDate, weight: m.weight },
      false,
    );
    push(out, f);
  }
};

/**
 * Calendar days past the due date while open. A completion requested on or before the due date does not light: the
 * unit finished in time and the task force's review is pending (sent back later, the item lights from due + 1).
 */
const itemPastDue: ItemCondition = (c, out) => {
  const { item, asOf, rule } = c;
  if (asOf <= item.dueDate) return;
  const entry = statusEntryOn(item, asOf);
  if (entry?.status === 'completion_requested' && entry.on <= item.dueDate) return;
  push(
    out,
    makeFinding(
      c,
      light(c, ''),
      diffDays(item.dueDate, asOf),
      () => addDays(item.dueDate, Math.max(1, Math.ceil(lowestThreshold(rule)))),
      { dueDate: item.dueDate, status: entry?.status ?? null },
      false,
    ),
  );
};

/** Whole months since a missed planned start, counted like projectStartStatus (month ends clamp, rest days move on). */
const projectStartMissed: ItemCondition = (c, out) => {
  const { item, asOf, calendar, rule } = c;
  const plannedStart = item.project?.plannedStart;
  if (item.kind !== 'project' || !plannedStart) return;
  const status = projectStartStatus(
    { plannedStart, actualStart: item.project?.actualStart ?? null },
    asOf,
    calendar,
  );
  if (status !== 'missed' && status !== 'missed_3_months') return;
  const startBy = (months: number) => calendar.addWorkingDays(addMonths(plannedStart, months), 0);
  let months = 0;
  while (startBy(months + 1) <= asOf) months++;
  const lowest = Math.ceil(lowestThreshold(rule));
  const daysLate = diffDays(startBy(0), asOf);
  push(
    out,
    makeFinding(
      c,
      light(c, ''),
      months,
      () => (lowest <= 0 ? addDays(startBy(0), 1) : startBy(lowest)),
      { plannedStart, startDeadline: startBy(0), daysLate, status },
      false,
    ),
  );
};

const ITEM_CONDITIONS: Partial<Record<Rule['condition'], ItemCondition>> = {
  report_overdue: reportOverdue,
  progress_lag: progressLagCondition,
  indicator_below_target: indicatorBelowTarget,
  quarterly_target_missed: quarterlyTargetMissed,
  milestone_overdue: milestoneOverdueCondition,
  item_past_due: itemPastDue,
  project_start_missed: projectStartMissed,
};

// ------------------------------------------------------------------------------------------------- evaluate

const COLOUR_ZH: Record<string, string> = { yellow: '黄', red: '红', any: '' };
const COLOUR_EN: Record<string, string> = { yellow: 'yellow ', red: 'red ', any: '' };

/** Of two findings with one key: the higher colour; on a tie the condition's own (non-persistent) one, then by rule id. */
function better(a: Finding, b: Finding): Finding {
  if (a.colour !== b.colour) return COLOUR_RANK[a.colour] > COLOUR_RANK[b.colour] ? a : b;
  if (a.persistent !== b.persistent) return a.persistent ? b : a;
  return a.ruleId <= b.ruleId ? a : b;
}

/** One finding per key (see `better`), in first-seen key order. */
export function dedupeFindings(findings: Iterable<Finding>): Map<string, Finding> {
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    const current = byKey.get(f.key);
    byKey.set(f.key, current ? better(current, f) : f);
  }
  return byKey;
}

const byIssue = (a: { issuedOn: CalendarDate; key: string }, b: { issuedOn: CalendarDate; key: string }) =>
  a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/**
 * Counts warnings issued to a unit in the period of `asOf` (records, not revoked, plus today's would-be issues) and
 * returns the card finding; `since` is the issue day of the warning that reached the lowest threshold.
 */
function countingFinding(
  ctx: { rule: Rule; ruleVersion: number; asOf: CalendarDate },
  unitId: string,
  counted: { issuedOn: CalendarDate; key: string }[],
  period: Period,
  words: Record<string, string>,
): Finding | null {
  counted.sort(byIssue);
  const nth = Math.max(1, Math.ceil(lowestThreshold(ctx.rule)));
  return makeFinding(
    ctx,
    { kind: 'card', key: `${ctx.rule.id}|${unitId}|${period.key}`, itemId: null, unitId },
    counted.length,
    () => counted[nth - 1]?.issuedOn ?? ctx.asOf,
    {
      period: period.key,
      colour: String(ctx.rule.params.colour),
      warnings: counted.map((w) => w.key).join(','),
    },
    true,
    words,
  );
}

const colourMatches = (param: unknown, colour: Colour) => param === 'any' || param === colour;
const periodOfParam = (asOf: CalendarDate, param: unknown) =>
  periodOf(asOf, param === 'quarter' ? 'quarterly' : 'monthly');

/**
 * Evaluates every enabled rule as known on `asOf`: item conditions on items in an applicable state then (assigned
 * to completion requested), deadline escalations of open lights, and the unit cards, which also count the lights
 * and cards this same evaluation would issue today. Sorted by key; one finding per key.
 */
export function evaluate(input: EvaluateInput): Finding[] {
  const { ruleSet, asOf, calendar, items, units, warnings, scope } = input;
  const rules = ruleSet.rules.filter((r) => r.enabled);
  const ctxOf = (rule: Rule) => ({ rule, ruleVersion: ruleSet.version });
  const itemsById = new Map(items.map((i) => [i.id, i]));
  const memo = new Memo(calendar);
  // Records as known on the day (a caller replaying the past may pass later ones too).
  const known = warnings.filter((w) => w.issuedOn <= asOf);
  const index: KeyIndex = indexByKey(known);
  const itemClosed = (itemId: string | null) => {
    const item = itemId === null ? undefined : itemsById.get(itemId);
    const status = item ? statusOn(item, asOf) : null;
    return status !== null && CLOSED_ITEM_STATES.includes(status);
  };

  // 1. Lights from the items' facts.
  const lights: Finding[] = [];
  const itemRules = rules.flatMap((rule) => {
    const condition = ITEM_CONDITIONS[rule.condition];
    return condition ? [{ rule, condition }] : [];
  });
  for (const item of items) {
    if (itemRules.length === 0) break;
    if (scope && !scope.itemIds.has(item.id)) continue;
    const status = statusOn(item, asOf);
    if (status === null || !APPLICABLE_ITEM_STATES.includes(status)) continue;
    // One context per item, its rule swapped in turn (conditions do not keep it).
    const ctx: ItemContext = {
      memo,
      rule: itemRules[0]!.rule,
      ruleVersion: ruleSet.version,
      item,
      asOf,
      calendar,
    };
    for (const { rule, condition } of itemRules) {
      ctx.rule = rule;
      condition(ctx, lights);
    }
  }

  // 1b. Lights on a unit for the late steps of its cards' rectification timetables, like overdue milestones. A step
  // stops counting the day it is done, or once its card is closed.
  const openCards = new Set(known.filter((w) => w.kind === 'card' && isOpen(w)).map((w) => w.id));
  for (const rule of rules.filter((r) => r.condition === 'timetable_step_overdue')) {
    for (const step of input.steps ?? []) {
      if (scope && !scope.unitIds.has(step.unitId)) continue;
      if (step.plannedOn > asOf || !openCards.has(step.warningId)) continue;
      if (step.doneDate !== null && step.doneDate <= asOf) continue;
      push(
        lights,
        makeFinding(
          ctxOf(rule),
          { kind: 'light', key: `${rule.id}|${step.unitId}|${step.id}`, itemId: null, unitId: step.unitId },
          Math.max(0, diffDays(step.dueDate, asOf)),
          () => addDays(step.dueDate, Math.max(1, Math.ceil(lowestThreshold(rule)))),
          { stepId: step.id, cardId: step.warningId, dueDate: step.dueDate },
          false,
          { stepTitle: step.title },
        ),
      );
    }
  }

  // 2. Lights past their rectification deadline: the finding carries the light's own key, so that it escalates it.
  // Lights on items closed by then wait for a supervisor instead, and so do lights whose unit has submitted its
  // rectification (rectifying): the wait for the re-check is the task force's, not the unit's lateness.
  for (const rule of rules.filter((r) => r.condition === 'light_not_rectified')) {
    for (const w of known) {
      if (w.kind !== 'light' || !isOpen(w) || w.colour !== rule.params.colour || !inScope(w, scope)) continue;
      if (w.state === 'rectifying') continue;
      if (itemClosed(w.itemId)) continue;
      const metric = workingDaysPast(calendar, w.rectifyBy, asOf);
      if (metric === null) continue;
      const f = makeFinding(
        ctxOf(rule),
        { kind: 'light', key: w.key, itemId: w.itemId, unitId: w.unitId },
        metric,
        () => firstDayPast(calendar, w.rectifyBy, lowestThreshold(rule)),
        { lightId: w.id, lightColour: w.colour, issuedOn: w.issuedOn, rectifyBy: w.rectifyBy },
        true,
        { lightColourZh: COLOUR_ZH[w.colour]! },
      );
      if (f) lights.push(f);
    }
  }
  const lightFindings = dedupeFindings(lights);

  // 3. Cards. The units counted: those in scope, else every unit.
  const unitIds = scope ? [...scope.unitIds].sort() : units.map((u) => u.id).sort();
  const recordsByUnit = new Map<string, WarningRecord[]>();
  for (const w of known) {
    const list = recordsByUnit.get(w.unitId);
    if (list) list.push(w);
    else recordsByUnit.set(w.unitId, [w]);
  }
  const pendingByUnit = (findings: Iterable<Finding>) => {
    const out = new Map<string, Finding[]>();
    for (const f of findings) {
      if (!wouldIssue(f, index)) continue;
      const list = out.get(f.unitId);
      if (list) list.push(f);
      else out.set(f.unitId, [f]);
    }
    return out;
  };
  const pendingLights = pendingByUnit(lightFindings.values());

  const countCards: Finding[] = [];
  for (const rule of rules.filter((r) => r.condition === 'lights_in_period')) {
    const period = periodOfParam(asOf, rule.params.period);
    const c = String(rule.params.colour);
    for (const unitId of unitIds) {
      const counted = [
        ...(recordsByUnit.get(unitId) ?? []).filter(
          (w) =>
            w.kind === 'light' &&
            w.state !== 'revoked' &&
            w.issuedOn >= period.start &&
            colourMatches(c, w.issuedColour),
        ),
        ...(pendingLights.get(unitId) ?? [])
          .filter((f) => colourMatches(c, f.colour))
          .map((f) => ({ issuedOn: asOf, key: f.key })),
      ];
      const f = countingFinding({ ...ctxOf(rule), asOf }, unitId, counted, period, {
        lightColourZh: COLOUR_ZH[c] ?? '',
        lightColourEn: COLOUR_EN[c] ?? '',
      });
      if (f) countCards.push(f);
    }
  }
  const pendingCards = pendingByUnit(dedupeFindings(countCards).values());

  const cards: Finding[] = [...countCards];
  for (const rule of rules.filter((r) => r.condition === 'cards_in_period')) {
    const period = periodOfParam(asOf, rule.params.period);
    const c = String(rule.params.colour);
    for (const unitId of unitIds) {
      // A rule does not count its own cards.
      const counted = [
        ...(recordsByUnit.get(unitId) ?? []).filter(
          (w) =>
            w.kind === 'card' &&
            w.state !== 'revoked' &&
            w.ruleId !== rule.id &&
            w.issuedOn >= period.start &&
            colourMatches(c, w.issuedColour),
        ),
        ...(pendingCards.get(unitId) ?? [])
          .filter((f) => colourMatches(c, f.colour))
          .map((f) => ({ issuedOn: asOf, key: f.key })),
      ];
      const f = countingFinding({ ...ctxOf(rule), asOf }, unitId, counted, period, {
        cardColourZh: COLOUR_ZH[c] ?? '',
        cardColourEn: COLOUR_EN[c] ?? '',
      });
      if (f) cards.push(f);
    }
  }

  for (const rule of rules.filter((r) => r.condition === 'red_light_unresolved')) {
    for (const unitId of unitIds) {
      for (const w of recordsByUnit.get(unitId) ?? []) {
        if (w.kind !== 'light' || w.colour !== 'red' || !isOpen(w) || itemClosed(w.itemId)) continue;
        const metric = workingDaysPast(calendar, w.rectifyBy, asOf);
        if (metric === null) continue;
        const item = w.itemId === null ? undefined : itemsById.get(w.itemId);
        const f = makeFinding(
          ctxOf(rule),
          { kind: 'card', key: `${rule.id}|${unitId}|${w.id}`, itemId: null, unitId },
          metric,
          () => firstDayPast(calendar, w.rectifyBy, lowestThreshold(rule)),
          {
            lightId: w.id,
            itemId: w.itemId,
            itemNumber: item?.number ?? w.itemNumber ?? null,
            rectifyBy: w.rectifyBy,
          },
          true,
          { lightRef: item?.number ?? w.itemNumber ?? w.itemId ?? w.id },
        );
        if (f) cards.push(f);
      }
    }
  }

  return [...dedupeFindings([...lightFindings.values(), ...cards]).values()].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
}
