// Progress maths read by the warning engine and the running index: planned vs actual progress, milestones,
// indicators against cumulative targets, project investment and start dates. Percentages are numbers rounded to one
// decimal (`round1`, half away from zero); money is integer fen, and ratios of money are computed exactly.
import type { WorkCalendar } from './calendar.ts';
import { addMonths, isCalendarDate, isMonthKey, toDayNumber, type CalendarDate } from './dates.ts';
import { validationError } from './errors.ts';
import type { FieldProblem } from './problems.ts';
import { isPeriodKey, periodByKey } from './periods.ts';

// ---------------------------------------------------------------------------------------------------- rounding

/**
 * Rounds to one decimal, half away from zero, by the number's shortest decimal reading: 1.45 → 1.5 and −0.05 → −0.1
 * although 1.45 is stored as 1.4499999999999999556. Never returns −0.
 */
export function round1(x: number): number {
  if (!Number.isFinite(x)) throw validationError('not_finite', 'value', { value: String(x) });
  const scaled = Number((Math.abs(x) * 10).toPrecision(15));
  const r = Math.floor(scaled + 0.5) / 10;
  return x < 0 && r !== 0 ? -r : r;
}

/**
 * `part / whole × 100`, rounded by `round1`; exact (BigInt) when both are safe integers, as fen and day counts are.
 * Throws `division_by_zero` when `whole` is 0: callers define their own zero cases.
 */
export function ratioPct(part: number, whole: number): number {
  if (whole === 0) throw validationError('division_by_zero', 'whole');
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole)) return round1((part / whole) * 100);
  const negative = part < 0 !== whole < 0 && part !== 0;
  const a = Math.abs(part) * 1000;
  const b = Math.abs(whole);
  // Tenths of a percent, rounded half up on magnitudes (= half away from zero): floor((2a + b) / 2b). In doubles
  // this is exact while 2a + b < 2^53 (the quotient's error stays below its distance to the next integer).
  const tenths =
    2 * a + b < 2 ** 53
      ? Math.floor((2 * a + b) / (2 * b))
      : Number((2n * BigInt(Math.abs(part)) * 1000n + BigInt(b)) / (2n * BigInt(b)));
  const r = tenths / 10;
  return negative && r !== 0 ? -r : r;
}

const clampPct = (x: number) => Math.min(100, Math.max(0, x));

// --------------------------------------------------------------------------------------------- item progress

/** A checkpoint of an item; weights of an item's milestones sum to 100. */
export type Milestone = {
  id: string;
  plannedDate: CalendarDate;
  weight: number;
  doneDate?: CalendarDate | null;
};

export type Schedule = { start: CalendarDate; due: CalendarDate; milestones?: readonly Milestone[] | null };

/**
 * Planned progress as of a date. With milestones: the weights of those planned on or before `asOf` (a milestone
 * counts on its date; nothing is interpolated between them). Without: linear in calendar days from 0 on `start` to
 * 100 on `due`. Always within [0, 100].
 */
export function plannedProgress(schedule: Schedule, asOf: CalendarDate): number {
  const t = toDayNumber(asOf, 'asOf');
  const milestones = schedule.milestones ?? [];
  if (milestones.length > 0) {
    let sum = 0;
    for (const m of milestones) if (toDayNumber(m.plannedDate, 'plannedDate') <= t) sum += m.weight;
    return clampPct(round1(sum));
  }
  const a = toDayNumber(schedule.start, 'start');
  const b = toDayNumber(schedule.due, 'due');
  if (b < a) throw validationError('due_before_start', 'due');
  if (t >= b) return 100;
  if (t <= a) return 0;
  return ratioPct(t - a, b - a);
}

/**
 * Actual progress as of a date. With milestones: the weights of those done on or before `asOf`. Without: the latest
 * reported progress (the caller passes the latest report as of `asOf`), 0 when nothing was reported.
 */
export function actualProgress(
  input: { milestones?: readonly Milestone[] | null; reportedProgress?: number | null },
  asOf: CalendarDate,
): number {
  const t = toDayNumber(asOf, 'asOf');
  const milestones = input.milestones ?? [];
  if (milestones.length > 0) {
    let sum = 0;
    for (const m of milestones) if (m.doneDate && toDayNumber(m.doneDate, 'doneDate') <= t) sum += m.weight;
    return clampPct(round1(sum));
  }
  const reported = input.reportedProgress ?? 0;
  return clampPct(round1(reported));
}

/** Percentage points behind plan (negative: ahead). */
export function progressLag(planned: number, actual: number): number {
  return round1(planned - actual);
}

export const MILESTONE_WEIGHT_TOTAL = 100;
const WEIGHT_TOLERANCE = 1e-9;

/** Problems of an item's milestones; an empty list (no milestones: linear plan) is valid. */
export function validateMilestones(
  milestones: readonly Milestone[],
  start: CalendarDate,
  due: CalendarDate,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const startOk = isCalendarDate(start);
  const dueOk = isCalendarDate(due);
  if (!startOk) problems.push({ field: 'start', code: 'invalid_date' });
  if (!dueOk) problems.push({ field: 'due', code: 'invalid_date' });
  if (startOk && dueOk && due < start) problems.push({ field: 'due', code: 'due_before_start' });
  const ids = new Map<string, number>();
  let sum = 0;
  let weightsOk = true;
  milestones.forEach((m, i) => {
    const at = `milestones.${i}`;
    if (typeof m.id !== 'string' || m.id.trim() === '')
      problems.push({ field: `${at}.id`, code: 'required' });
    else if (ids.has(m.id))
      problems.push({ field: `${at}.id`, code: 'duplicate_id', params: { first: ids.get(m.id)! } });
    else ids.set(m.id, i);
    if (typeof m.weight !== 'number' || !Number.isFinite(m.weight)) {
      problems.push({ field: `${at}.weight`, code: 'invalid_number' });
      weightsOk = false;
    } else {
      if (m.weight <= 0) problems.push({ field: `${at}.weight`, code: 'weight_not_positive' });
      sum += m.weight;
    }
    if (!isCalendarDate(m.plannedDate)) problems.push({ field: `${at}.plannedDate`, code: 'invalid_date' });
    else if (startOk && dueOk && (m.plannedDate < start || m.plannedDate > due))
      problems.push({ field: `${at}.plannedDate`, code: 'date_out_of_range', params: { start, due } });
    if (m.doneDate != null && !isCalendarDate(m.doneDate))
      problems.push({ field: `${at}.doneDate`, code: 'invalid_date' });
  });
  if (milestones.length > 0 && weightsOk && Math.abs(sum - MILESTONE_WEIGHT_TOTAL) > WEIGHT_TOLERANCE)
    problems.push({
      field: 'milestones',
      code: 'weights_sum',
      params: { sum: Number(sum.toFixed(4)), expected: MILESTONE_WEIGHT_TOTAL },
    });
  return problems;
}

/**
 * Calendar days a milestone is overdue as of a date: 0 before or on its planned date and when done on time. Done
 * late, it stays overdue by the days it was late (frozen on its done date), so that history replays the same.
 */
export function milestoneOverdue(m: Pick<Milestone, 'plannedDate' | 'doneDate'>, asOf: CalendarDate): number {
  const planned = toDayNumber(m.plannedDate, 'plannedDate');
  const t = toDayNumber(asOf, 'asOf');
  const done = m.doneDate ? toDayNumber(m.doneDate, 'doneDate') : null;
  const until = done !== null && done <= t ? done : t;
  return Math.max(0, until - planned);
}

// ------------------------------------------------------------------------------------------------ indicators

export type IndicatorDirection = 'higher_better' | 'lower_better';

/** A target indicator (e.g. GDP, fiscal revenue, PM2.5) with cumulative (year-to-date) targets per period. */
export type Indicator = {
  direction: IndicatorDirection;
  annualTarget: number;
  cumulativeTargets: { periodKey: string; target: number }[];
};

export type Attainment = { target: number; actual: number; attainmentPct: number; met: boolean };

/** Above twice the target, more over-achievement tells a supervisor nothing and would swamp index averages. */
export const ATTAINMENT_CAP_PCT = 200;

/**
 * Direction-aware attainment. `met`: actual ≥ target (higher_better) or actual ≤ target (lower_better).
 * `attainmentPct` in [0, ATTAINMENT_CAP_PCT]:
 * - higher_better: actual / target × 100 when target > 0; a target ≤ 0 has no meaningful ratio: 100 if met, else 0.
 * - lower_better: target / actual × 100 when both > 0; target > 0 and actual ≤ 0 (e.g. zero accidents against an
 *   allowance of 5) beats any ratio: the cap; target ≤ 0 (zero tolerance): 100 if met, else 0.
 */
export function compareToTarget(direction: IndicatorDirection, target: number, actual: number): Attainment {
  if (!Number.isFinite(target)) throw validationError('invalid_number', 'target');
  if (!Number.isFinite(actual)) throw validationError('invalid_number', 'actual');
  let met: boolean;
  let pct: number;
  if (direction === 'higher_better') {
    met = actual >= target;
    pct = target > 0 ? (actual / target) * 100 : met ? 100 : 0;
  } else if (direction === 'lower_better') {
    met = actual <= target;
    if (target <= 0) pct = met ? 100 : 0;
    else pct = actual <= 0 ? ATTAINMENT_CAP_PCT : (target / actual) * 100;
  } else {
    throw validationError('invalid_direction', 'direction', { value: String(direction) });
  }
  // Clamp before rounding: a tiny target or actual makes the ratio overflow to ±Infinity.
  return { target, actual, attainmentPct: round1(Math.min(ATTAINMENT_CAP_PCT, Math.max(0, pct))), met };
}

/** The cumulative target set for exactly this period, if any. */
export function targetFor(
  indicator: Pick<Indicator, 'cumulativeTargets'>,
  periodKey: string,
): number | undefined {
  return indicator.cumulativeTargets.find((t) => t.periodKey === periodKey)?.target;
}

/** Attainment against the period's cumulative target; `no_target_for_period` when none is set for that key. */
export function attainment(indicator: Indicator, actual: number, periodKey: string): Attainment {
  const target = targetFor(indicator, periodKey);
  if (target === undefined) throw validationError('no_target_for_period', 'periodKey', { periodKey });
  return compareToTarget(indicator.direction, target, actual);
}

/**
 * Problems of an indicator. Cumulative targets are year-to-date values of one year: periods must be valid, distinct
 * and in one year. For higher_better they must not go the wrong way: non-decreasing in period order and not above
 * the annual target. lower_better targets are not ordered: a year-to-date count rises while a year-to-date average
 * or rate (PM2.5, unemployment) may move either way.
 */
export function validateIndicator(indicator: Indicator): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { direction, annualTarget, cumulativeTargets } = indicator;
  if (direction !== 'higher_better' && direction !== 'lower_better')
    problems.push({ field: 'direction', code: 'invalid_direction' });
  if (typeof annualTarget !== 'number' || !Number.isFinite(annualTarget))
    problems.push({ field: 'annualTarget', code: 'invalid_number' });
  const seen = new Map<string, number>();
  const ordered: { i: number; start: string; end: string; target: number }[] = [];
  let year: string | undefined;
  cumulativeTargets.forEach((t, i) => {
    const at = `cumulativeTargets.${i}`;
    const targetOk = typeof t.target === 'number' && Number.isFinite(t.target);
    if (!targetOk) problems.push({ field: `${at}.target`, code: 'invalid_number' });
    if (!isPeriodKey(t.periodKey)) {
      problems.push({ field: `${at}.periodKey`, code: 'invalid_period_key' });
      return;
    }
    if (seen.has(t.periodKey)) {
      problems.push({
        field: `${at}.periodKey`,
        code: 'duplicate_period',
        params: { first: seen.get(t.periodKey)! },
      });
      return;
    }
    seen.set(t.periodKey, i);
    const y = t.periodKey.slice(0, 4);
    year ??= y;
    if (y !== year) problems.push({ field: `${at}.periodKey`, code: 'mixed_years', params: { year } });
    const p = periodByKey(t.periodKey);
    if (targetOk) ordered.push({ i, start: p.start, end: p.end, target: t.target });
  });
  if (direction === 'higher_better') {
    ordered.sort((a, b) =>
      a.end !== b.end ? (a.end < b.end ? -1 : 1) : a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
    );
    let best: { i: number; target: number } | undefined;
    for (const t of ordered) {
      if (best && t.target < best.target)
        problems.push({
          field: `cumulativeTargets.${t.i}.target`,
          code: 'not_monotonic',
          params: { previous: cumulativeTargets[best.i]!.periodKey },
        });
      if (!best || t.target > best.target) best = t;
      if (Number.isFinite(annualTarget) && t.target > annualTarget)
        problems.push({ field: `cumulativeTargets.${t.i}.target`, code: 'exceeds_annual_target' });
    }
    problems.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
  }
  return problems;
}

/** Keeps problems in input order (by the index in their field) after the ordered pass appended some. */
function fieldOrder(field: string): number {
  const m = /^cumulativeTargets\.(\d+)\./.exec(field);
  return m ? Number(m[1]) : -1;
}

// -------------------------------------------------------------------------------------------------- projects

export type MonthlyPlan = { month: string; fen: number };
export type Investment = {
  annualPlanFen: number;
  monthlyPlanFen: readonly MonthlyPlan[];
  completedFen: number;
};

/** `completionRatePct`: completed / planned to date (null when nothing is planned yet); `annualRatePct`: of the year's plan (null when it is 0). Rates can exceed 100. */
export type InvestmentCompletion = {
  plannedToDateFen: number;
  completedFen: number;
  completionRatePct: number | null;
  annualRatePct: number | null;
};

const assertFen = (value: number, field: string) => {
  if (!Number.isSafeInteger(value)) throw validationError('not_integer_fen', field, { value: String(value) });
};

/** Investment completed against the plan to the end of `asOfMonth` (`YYYY-MM`, inclusive). */
export function investmentCompletion(plan: Investment, asOfMonth: string): InvestmentCompletion {
  if (!isMonthKey(asOfMonth))
    throw validationError('invalid_month', 'asOfMonth', { value: String(asOfMonth) });
  assertFen(plan.annualPlanFen, 'annualPlanFen');
  assertFen(plan.completedFen, 'completedFen');
  let planned = 0n;
  plan.monthlyPlanFen.forEach((m, i) => {
    assertFen(m.fen, `monthlyPlanFen.${i}.fen`);
    if (!isMonthKey(m.month)) throw validationError('invalid_month', `monthlyPlanFen.${i}.month`);
    if (m.month <= asOfMonth) planned += BigInt(m.fen);
  });
  if (planned > BigInt(Number.MAX_SAFE_INTEGER) || planned < BigInt(Number.MIN_SAFE_INTEGER))
    throw validationError('not_integer_fen', 'monthlyPlanFen', { value: String(planned) });
  const plannedToDateFen = Number(planned);
  return {
    plannedToDateFen,
    completedFen: plan.completedFen,
    completionRatePct: plannedToDateFen === 0 ? null : ratioPct(plan.completedFen, plannedToDateFen),
    annualRatePct: plan.annualPlanFen === 0 ? null : ratioPct(plan.completedFen, plan.annualPlanFen),
  };
}

/** Amounts are non-negative integer fen; months valid, distinct and in one year; monthly plans sum to the annual plan. */
export function validateInvestment(plan: Investment): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const amount = (value: unknown, field: string): boolean => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      problems.push({ field, code: 'not_integer_fen' });
      return false;
    }
    if (value < 0) {
      problems.push({ field, code: 'negative_amount' });
      return false;
    }
    return true;
  };
  const annualOk = amount(plan.annualPlanFen, 'annualPlanFen');
  amount(plan.completedFen, 'completedFen');
  let sum = 0n;
  let monthsOk = true;
  const seen = new Map<string, number>();
  let year: string | undefined;
  plan.monthlyPlanFen.forEach((m, i) => {
    const at = `monthlyPlanFen.${i}`;
    if (amount(m.fen, `${at}.fen`)) sum += BigInt(m.fen);
    else monthsOk = false;
    if (!isMonthKey(m.month)) problems.push({ field: `${at}.month`, code: 'invalid_month' });
    else if (seen.has(m.month))
      problems.push({ field: `${at}.month`, code: 'duplicate_month', params: { first: seen.get(m.month)! } });
    else {
      seen.set(m.month, i);
      year ??= m.month.slice(0, 4);
      if (m.month.slice(0, 4) !== year)
        problems.push({ field: `${at}.month`, code: 'mixed_years', params: { year } });
    }
  });
  if (annualOk && monthsOk && sum !== BigInt(plan.annualPlanFen))
    problems.push({
      field: 'monthlyPlanFen',
      code: 'monthly_sum_mismatch',
      params: { sum: String(sum), annual: String(plan.annualPlanFen) },
    });
  return problems;
}

export type ProjectStartStatus = 'not_due' | 'started' | 'missed' | 'missed_3_months';

/**
 * A project's start as of a date (PRODUCT.md: planned start missed → yellow; not started 3 months later → red).
 * - `started`: an actual start on or before `asOf` (a later one is not known yet as of that date);
 * - `not_due`: up to and including the planned start day;
 * - `missed`: from the day after it; `missed_3_months`: from the same day three calendar months later
 *   (month ends clamp: 30 Nov → 28 Feb).
 * With a calendar, both points move forward to the next working day when they fall on a rest day: a start planned
 * for a Saturday can still be made on Monday.
 */
export function projectStartStatus(
  project: { plannedStart: CalendarDate; actualStart?: CalendarDate | null },
  asOf: CalendarDate,
  calendar?: WorkCalendar,
): ProjectStartStatus {
  const t = toDayNumber(asOf, 'asOf');
  toDayNumber(project.plannedStart, 'plannedStart');
  if (project.actualStart && toDayNumber(project.actualStart, 'actualStart') <= t) return 'started';
  const onWorkingDay = (d: CalendarDate) => (calendar ? calendar.addWorkingDays(d, 0) : d);
  if (t <= toDayNumber(onWorkingDay(project.plannedStart))) return 'not_due';
  if (t >= toDayNumber(onWorkingDay(addMonths(project.plannedStart, 3)))) return 'missed_3_months';
  return 'missed';
}
