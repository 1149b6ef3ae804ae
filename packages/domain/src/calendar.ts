// The Chinese working-day calendar: Monday–Friday work, Saturday and Sunday rest, except where the State Council's
// yearly notice says otherwise (statutory holidays and 调休 make-up workdays). The builtin data comes from the
// chinese-days package (2004–2026); later years come from an admin-editable table merged in by the server. A year
// without data still works (plain Monday–Friday) but every answer that leaned on it says `estimated`.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import {
  dayNumberOf,
  fromDayNumber,
  isCalendarDate,
  isoWeekdayOfDayNumber,
  toDayNumber,
  yearOfDayNumber,
  type CalendarDate,
} from './dates.ts';
import { validationError } from './errors.ts';
import { assertNoProblems, type FieldProblem } from './problems.ts';

/**
 * A day that departs from the Monday–Friday rule. `holiday`: a statutory rest day (on a weekday it is what makes the
 * day a rest day; on a weekend it only names the day); `workday`: a make-up working day (调休上班) on a weekend (on a
 * weekday it cancels a holiday, e.g. a region overriding the builtin data).
 */
export type DayOverride = { date: CalendarDate; kind: 'holiday' | 'workday'; name?: string };

/** What a calendar is built from; also what the server stores and merges. */
export type CalendarData = { overrides: DayOverride[]; yearsWithData: number[] };

export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'workday';

/** `estimated`: the date's year has no statutory schedule and the date has no override, so Monday–Friday applied. */
export type DayInfo = { working: boolean; kind: DayKind; name?: string; estimated: boolean };

const isWeekend = (dayNumber: number) => isoWeekdayOfDayNumber(dayNumber) >= 6;

export function validateCalendarData(data: CalendarData): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  data.overrides.forEach((o, i) => {
    if (!isCalendarDate(o.date)) problems.push({ field: `overrides.${i}.date`, code: 'invalid_date' });
    else if (seen.has(o.date))
      problems.push({
        field: `overrides.${i}.date`,
        code: 'duplicate_date',
        params: { first: seen.get(o.date)! },
      });
    else seen.set(o.date, i);
    if (o.kind !== 'holiday' && o.kind !== 'workday')
      problems.push({ field: `overrides.${i}.kind`, code: 'invalid_kind' });
  });
  data.yearsWithData.forEach((y, i) => {
    if (!Number.isInteger(y) || y < 1 || y > 9999)
      problems.push({ field: `yearsWithData.${i}`, code: 'invalid_year' });
  });
  return problems;
}

/** Index of the first element of the sorted `xs` that is greater than `x` (= how many are ≤ x). */
function upperBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mon–Fri days in [origin, origin + k) counted from a Monday origin; differences give counts in any range. */
const weekdaysBefore = (k: number) => 5 * Math.floor(k / 7) + Math.min(((k % 7) + 7) % 7, 5);
const A_MONDAY = 4; // 1970-01-05
/** Bounds the day-by-day walk of `addWorkingDays` (about 400 years). */
const MAX_WORKING_DAYS = 100_000;

/** An immutable working-day calendar. Every method is a pure function of the data it was built from. */
export class WorkCalendar {
  private readonly byDay: ReadonlyMap<number, DayOverride>;
  private readonly years: ReadonlySet<number>;
  /** Sorted day numbers of all overrides (for counting overridden days in a range). */
  private readonly overrideDays: readonly number[];
  /** Sorted day numbers of overrides that change the Monday–Friday answer, with prefix sums of their effect. */
  private readonly changeDays: readonly number[];
  private readonly changePrefix: readonly number[];

  constructor(data: CalendarData) {
    assertNoProblems(validateCalendarData(data));
    const byDay = new Map<number, DayOverride>();
    for (const o of data.overrides) {
      byDay.set(
        toDayNumber(o.date),
        Object.freeze(
          o.name === undefined
            ? { date: o.date, kind: o.kind }
            : { date: o.date, kind: o.kind, name: o.name },
        ),
      );
    }
    this.byDay = byDay;
    this.years = new Set(data.yearsWithData);
    this.overrideDays = [...byDay.keys()].sort((a, b) => a - b);
    const changes = this.overrideDays
      .map((d) => {
        const kind = byDay.get(d)!.kind;
        return [
          d,
          kind === 'holiday' && !isWeekend(d) ? -1 : kind === 'workday' && isWeekend(d) ? 1 : 0,
        ] as const;
      })
      .filter(([, delta]) => delta !== 0);
    this.changeDays = changes.map(([d]) => d);
    const prefix = [0];
    for (const [, delta] of changes) prefix.push(prefix[prefix.length - 1]! + delta);
    this.changePrefix = prefix;
    Object.freeze(this);
  }

  /** The Monday–Friday calendar with no statutory data at all: every answer is estimated. */
  static weekdaysOnly(): WorkCalendar {
    return new WorkCalendar({ overrides: [], yearsWithData: [] });
  }

  /** The data back, sorted (for display, export, or merging again). */
  toData(): CalendarData {
    return {
      overrides: this.overrideDays.map((d) => ({ ...this.byDay.get(d)! })),
      yearsWithData: [...this.years].sort((a, b) => a - b),
    };
  }

  /** Whether the year's statutory schedule is known (builtin or declared by the region). */
  hasData(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: CalendarDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  dayInfo(date: CalendarDate): DayInfo {
    const d = toDayNumber(date);
    const o = this.byDay.get(d);
    const weekend = isWeekend(d);
    if (o) {
      const kind: DayKind = o.kind === 'holiday' ? 'holiday' : weekend ? 'workday' : 'weekday';
      const info: DayInfo = { working: o.kind === 'workday', kind, estimated: false };
      if (o.name !== undefined) info.name = o.name;
      return info;
    }
    return {
      working: !weekend,
      kind: weekend ? 'weekend' : 'weekday',
      estimated: !this.years.has(yearOfDayNumber(d)),
    };
  }

  /**
   * n = 0: the date itself if it is a working day, else the next working day. n ≥ 1: the n-th working day strictly
   * after the date.
   */
  addWorkingDays(date: CalendarDate, n: number): CalendarDate {
    if (!Number.isSafeInteger(n) || n < 0 || n > MAX_WORKING_DAYS)
      throw validationError('invalid_working_days', 'n', { value: n });
    let d = toDayNumber(date);
    if (n === 0) {
      while (!this.isWorkingDayNumber(d)) d++;
      return fromDayNumber(d);
    }
    for (let left = n; left > 0;) {
      d++;
      if (this.isWorkingDayNumber(d)) left--;
    }
    return fromDayNumber(d);
  }

  /** Working days in (from, to]; negative (the count in (to, from]) when `to` is before `from`. */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
    const a = toDayNumber(from, 'from');
    const b = toDayNumber(to, 'to');
    if (b < a) return 0 - this.countWorking(b, a); // never -0
    return this.countWorking(a, b);
  }

  /** Whether any day in (from, to] was answered by the Monday–Friday estimate (see `DayInfo.estimated`). */
  isEstimatedBetween(from: CalendarDate, to: CalendarDate): boolean {
    return this.anyEstimated(toDayNumber(from, 'from') + 1, toDayNumber(to, 'to'));
  }

  /** Whether any day in [first, last] is estimated. */
  private anyEstimated(first: number, last: number): boolean {
    if (last < first) return false;
    const y0 = yearOfDayNumber(first);
    const y1 = yearOfDayNumber(last);
    for (let y = y0; y <= y1; y++) {
      if (this.years.has(y)) continue;
      const lo = y === y0 ? first : dayNumberOf(y, 1, 1);
      const hi = y === y1 ? last : dayNumberOf(y, 12, 31);
      const overridden = upperBound(this.overrideDays, hi) - upperBound(this.overrideDays, lo - 1);
      if (overridden < hi - lo + 1) return true;
    }
    return false;
  }

  private isWorkingDayNumber(d: number): boolean {
    const o = this.byDay.get(d);
    return o ? o.kind === 'workday' : !isWeekend(d);
  }

  /** Working days in (a, b] for a ≤ b: weekdays, plus the overrides' effects, in O(log n). */
  private countWorking(a: number, b: number): number {
    const weekdays = weekdaysBefore(b + 1 - A_MONDAY) - weekdaysBefore(a + 1 - A_MONDAY);
    const p = this.changePrefix;
    return weekdays + p[upperBound(this.changeDays, b)]! - p[upperBound(this.changeDays, a)]!;
  }
}

type ChineseDaysJson = { holidays: Record<string, string>; workdays: Record<string, string> };

/** "Spring Festival,春节,3" → "春节" (English name, Chinese name, statutory days). */
const chineseName = (entry: string): string => entry.split(',')[1] ?? entry;

/**
 * Statutory holidays (every rest day of each holiday period, weekends included, so that they carry a name) and
 * 调休 make-up workdays from the chinese-days package, for every year it covers.
 */
export function builtinChineseCalendar(): CalendarData {
  const { holidays, workdays } = chineseDays as ChineseDaysJson;
  const overrides: DayOverride[] = [
    ...Object.entries(holidays).map(([date, v]): DayOverride => ({
      date,
      kind: 'holiday',
      name: chineseName(v),
    })),
    ...Object.entries(workdays).map(([date, v]): DayOverride => ({
      date,
      kind: 'workday',
      name: chineseName(v),
    })),
  ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const yearsWithData = [...new Set(Object.keys(holidays).map((d) => Number(d.slice(0, 4))))].sort(
    (a, b) => a - b,
  );
  return { overrides, yearsWithData };
}

/**
 * A region's calendar: its overrides (an admin-editable table) replace the base's entry for the same date, and its
 * `yearsWithData` declares years whose schedule it has entered in full. Duplicates within the region's own list are
 * left for `WorkCalendar` / `validateCalendarData` to report.
 */
export function mergeCalendars(
  base: CalendarData,
  region: { overrides: DayOverride[]; yearsWithData?: number[] },
): CalendarData {
  const regionDates = new Set(region.overrides.map((o) => o.date));
  const overrides = [...base.overrides.filter((o) => !regionDates.has(o.date)), ...region.overrides].sort(
    (x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0),
  );
  const yearsWithData = [...new Set([...base.yearsWithData, ...(region.yearsWithData ?? [])])].sort(
    (a, b) => a - b,
  );
  return { overrides, yearsWithData };
}
