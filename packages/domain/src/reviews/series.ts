// Planned against actual, month by month, for the chart of a post-mortem review (复盘): progress planned by the
// milestones (or linearly without them) against the progress reached (milestones done, else the accepted reports);
// for a project, the monthly investment plan (cumulative) against the completed investment reported; for an
// indicator, the cumulative targets against the values reported. Pure: a function of the recorded facts.
import { addMonths, type CalendarDate } from '../dates.ts';
import { periodByKey } from '../periods.ts';
import { actualProgress, plannedProgress, type Milestone } from '../progress.ts';

/** At most this many months are charted (five years): an item's span is bounded, a chart must be too. */
export const SERIES_MAX_MONTHS = 60;

export interface SeriesReport {
  periodKey: string;
  progress: number | null;
  completedInvestmentFen: number | null;
  indicatorValue: number | null;
}

export interface SeriesInput {
  kind: 'work' | 'project' | 'indicator';
  startDate: CalendarDate;
  dueDate: CalendarDate;
  /** The day the item was completed (办结), if it was. */
  completedOn: CalendarDate | null;
  /** Actual values stop here (the region's today): a month not begun has none. */
  asOf: CalendarDate;
  milestones: readonly Milestone[];
  /** Accepted reports only, the version in force of each period. */
  reports: readonly SeriesReport[];
  investmentPlan: readonly { month: string; fen: number }[];
  indicatorTargets: readonly { periodKey: string; target: number }[];
}

export interface ProgressPoint {
  month: string;
  planned: number;
  /** Null for a month that has not begun. */
  actual: number | null;
}

export interface InvestmentPoint {
  month: string;
  /** The plan to the end of the month, cumulative within its year. */
  plannedFen: number;
  /** The year-to-date completed investment of the accepted report for the month; null when none. */
  completedFen: number | null;
}

export interface IndicatorPoint {
  periodKey: string;
  target: number;
  actual: number | null;
}

export interface PlannedActual {
  /** Null for an indicator: it has no schedule, only targets. */
  progress: ProgressPoint[] | null;
  investment: InvestmentPoint[] | null;
  indicator: IndicatorPoint[] | null;
}

/** The last day of a `YYYY-MM`. */
export function lastDayOf(month: string): CalendarDate {
  const next = addMonths(`${month}-01`, 1);
  const t = Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 0);
  return new Date(t).toISOString().slice(0, 10);
}

/** The months from the item's start to its due date or completion, whichever is later (bounded). */
export function seriesMonths(input: Pick<SeriesInput, 'startDate' | 'dueDate' | 'completedOn'>): string[] {
  const first = input.startDate.slice(0, 7);
  const lastDay = input.completedOn && input.completedOn > input.dueDate ? input.completedOn : input.dueDate;
  const last = lastDay.slice(0, 7);
  const out: string[] = [];
  for (let m = first; m <= last && out.length < SERIES_MAX_MONTHS; m = addMonths(`${m}-01`, 1).slice(0, 7))
    out.push(m);
  return out;
}

const endOf = (periodKey: string): CalendarDate | null => {
  try {
    return periodByKey(periodKey).end;
  } catch {
    return null;
  }
};

/** The accepted report of the latest period ending on or before `day`. */
function latestBy<T extends SeriesReport>(reports: readonly T[], day: CalendarDate): T | undefined {
  let best: { r: T; end: CalendarDate } | undefined;
  for (const r of reports) {
    const end = endOf(r.periodKey);
    if (end === null || end > day) continue;
    if (!best || end > best.end || (end === best.end && r.periodKey > best.r.periodKey)) best = { r, end };
  }
  return best?.r;
}

export function plannedActual(input: SeriesInput): PlannedActual {
  const months = seriesMonths(input);
  const asOfMonth = input.asOf.slice(0, 7);
  const schedule = { start: input.startDate, due: input.dueDate, milestones: input.milestones };

  let progress: ProgressPoint[] | null = null;
  if (input.kind !== 'indicator') {
    progress = months.map((month) => {
      const end = lastDayOf(month);
      const planned = plannedProgress(schedule, end);
      if (month > asOfMonth) return { month, planned, actual: null };
      const day = end < input.asOf ? end : input.asOf;
      let actual: number;
      if (input.completedOn && input.completedOn <= day) actual = 100;
      else if (input.milestones.length > 0) actual = actualProgress({ milestones: input.milestones }, day);
      else actual = actualProgress({ reportedProgress: latestBy(input.reports, day)?.progress ?? 0 }, day);
      return { month, planned, actual };
    });
  }

  let investment: InvestmentPoint[] | null = null;
  if (input.kind === 'project' && input.investmentPlan.length > 0) {
    const plan = [...input.investmentPlan].sort((a, b) =>
      a.month < b.month ? -1 : a.month > b.month ? 1 : 0,
    );
    const cumulative = new Map<string, number>();
    for (const p of plan) {
      const year = p.month.slice(0, 4);
      cumulative.set(year, (cumulative.get(year) ?? 0) + p.fen);
      const byMonth = cumulative.get(year)!;
      investment ??= [];
      const reported = input.reports.filter(
        (r) => r.completedInvestmentFen !== null && endOf(r.periodKey)?.slice(0, 7) === p.month,
      );
      const latest = latestBy(reported, lastDayOf(p.month));
      investment.push({
        month: p.month,
        plannedFen: byMonth,
        completedFen: p.month > asOfMonth ? null : (latest?.completedInvestmentFen ?? null),
      });
    }
  }

  let indicator: IndicatorPoint[] | null = null;
  if (input.kind === 'indicator') {
    const targets = [...input.indicatorTargets]
      .filter((t) => endOf(t.periodKey) !== null)
      .sort((a, b) => {
        const ea = endOf(a.periodKey)!;
        const eb = endOf(b.periodKey)!;
        if (ea !== eb) return ea < eb ? -1 : 1;
        return a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : 0;
      });
    indicator = targets.map((t) => {
      const end = endOf(t.periodKey)!;
      const r = input.reports.find((x) => x.indicatorValue !== null && endOf(x.periodKey) === end);
      return { periodKey: t.periodKey, target: t.target, actual: r ? r.indicatorValue : null };
    });
  }
  return { progress, investment, indicator };
}
