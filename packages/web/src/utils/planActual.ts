// Series for the planned-vs-actual chart of an item, per reporting period (end of period). Display only: it
// follows packages/domain/src/progress.ts (milestone weights by date, else linear in calendar days; actual from
// done milestones, else the latest accepted report) while the item's own figures come from the server.

export interface ChartMilestone {
  plannedDate: string;
  weight: number;
  doneDate: string | null;
}

export interface ChartReport {
  periodKey: string;
  status: string;
  current: boolean;
  progress: number | null;
  indicatorValue: number | null;
  completedInvestmentFen: number | null;
}

export interface ChartPeriod {
  key: string;
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number) => Math.min(100, Math.max(0, x));

export function plannedAt(
  schedule: { start: string; due: string; milestones: readonly ChartMilestone[] },
  asOf: string,
): number {
  if (schedule.milestones.length > 0) {
    const sum = schedule.milestones.filter((m) => m.plannedDate <= asOf).reduce((s, m) => s + m.weight, 0);
    return clamp(round1(sum));
  }
  const a = dayNumber(schedule.start);
  const b = dayNumber(schedule.due);
  const t = dayNumber(asOf);
  if (t >= b) return 100;
  if (t <= a || b <= a) return 0;
  return round1(((t - a) / (b - a)) * 100);
}

/** The accepted, current report of each period. */
export function acceptedByPeriod(reports: readonly ChartReport[]): Map<string, ChartReport> {
  const out = new Map<string, ChartReport>();
  for (const r of reports) if (r.status === 'accepted' && r.current) out.set(r.periodKey, r);
  return out;
}

export interface ProgressSeries {
  periods: string[];
  planned: number[];
  /** null for periods that have not begun by `today` */
  actual: (number | null)[];
}

export function progressSeries(
  schedule: { start: string; due: string; milestones: readonly ChartMilestone[] },
  periods: readonly ChartPeriod[],
  reports: readonly ChartReport[],
  today: string,
): ProgressSeries {
  const accepted = acceptedByPeriod(reports);
  const useMilestones = schedule.milestones.length > 0;
  let lastReported = 0;
  const actual: (number | null)[] = [];
  for (const p of periods) {
    const asOf = p.end < today ? p.end : today;
    const reported = accepted.get(p.key)?.progress;
    if (typeof reported === 'number') lastReported = reported;
    if (p.start > today) {
      actual.push(null);
      continue;
    }
    if (useMilestones) {
      const sum = schedule.milestones
        .filter((m) => m.doneDate && m.doneDate <= asOf)
        .reduce((s, m) => s + m.weight, 0);
      actual.push(clamp(round1(sum)));
    } else actual.push(clamp(round1(lastReported)));
  }
  return {
    periods: periods.map((p) => p.key),
    planned: periods.map((p) => plannedAt(schedule, p.end)),
    actual,
  };
}

/** Indicator: cumulative target and the accepted value per period (null where none). */
export function indicatorSeries(
  periods: readonly ChartPeriod[],
  targets: readonly { periodKey: string; target: number }[],
  reports: readonly ChartReport[],
): { periods: string[]; target: (number | null)[]; actual: (number | null)[] } {
  const byKey = new Map(targets.map((t) => [t.periodKey, t.target]));
  const accepted = acceptedByPeriod(reports);
  // Targets may be quarterly while reports are monthly: a month takes the target of its quarter's end only.
  const targetOf = (key: string) => {
    if (byKey.has(key)) return byKey.get(key)!;
    const m = /^(\d{4})-(\d{2})$/.exec(key);
    if (m && Number(m[2]) % 3 === 0) return byKey.get(`${m[1]}-Q${Number(m[2]) / 3}`) ?? null;
    return null;
  };
  return {
    periods: periods.map((p) => p.key),
    target: periods.map((p) => targetOf(p.key)),
    actual: periods.map((p) => accepted.get(p.key)?.indicatorValue ?? null),
  };
}

/** Project: cumulative planned investment to the period's month and completed investment reported (fen). */
export function investmentSeries(
  periods: readonly ChartPeriod[],
  monthlyPlan: readonly { month: string; fen: number }[],
  reports: readonly ChartReport[],
): { periods: string[]; plannedFen: number[]; completedFen: (number | null)[] } {
  const accepted = acceptedByPeriod(reports);
  return {
    periods: periods.map((p) => p.key),
    plannedFen: periods.map((p) => {
      const month = p.end.slice(0, 7);
      const year = month.slice(0, 4);
      return monthlyPlan
        .filter((m) => m.month.startsWith(year) && m.month <= month)
        .reduce((s, m) => s + m.fen, 0);
    }),
    completedFen: periods.map((p) => accepted.get(p.key)?.completedInvestmentFen ?? null),
  };
}
