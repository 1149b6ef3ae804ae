// Reporting periods (ISO weeks, months, quarters) and their deadlines in working days. A period is identified by its
// key (`2022-W07`, `2022-03`, `2022-Q1`): one progress report per item per key.
import type { WorkCalendar } from './calendar.ts';
import {
  addDays,
  dayNumberOf,
  daysInMonth,
  formatCivil,
  fromDayNumber,
  isoWeekdayOfDayNumber,
  toDayNumber,
  yearOfDayNumber,
  type CalendarDate,
} from './dates.ts';
import { validationError } from './errors.ts';

export const FREQUENCIES = ['weekly', 'monthly', 'quarterly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** `start` and `end` are inclusive. */
export type Period = { key: string; frequency: Frequency; start: CalendarDate; end: CalendarDate };

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

/** Day number of the Monday of ISO week 1 of `year` (the week holding 4 January). */
function isoWeekOneMonday(year: number): number {
  const jan4 = dayNumberOf(year, 1, 4);
  return jan4 - (isoWeekdayOfDayNumber(jan4) - 1);
}

/** 52 or 53: the ISO week of 28 December. */
export function isoWeeksInYear(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / 7;
}

function weekPeriod(year: number, week: number): Period {
  const start = isoWeekOneMonday(year) + (week - 1) * 7;
  return {
    key: `${pad4(year)}-W${pad2(week)}`,
    frequency: 'weekly',
    start: fromDayNumber(start),
    end: fromDayNumber(start + 6),
  };
}

function monthPeriod(year: number, month: number): Period {
  return {
    key: `${pad4(year)}-${pad2(month)}`,
    frequency: 'monthly',
    start: formatCivil(year, month, 1),
    end: formatCivil(year, month, daysInMonth(year, month)),
  };
}

function quarterPeriod(year: number, quarter: number): Period {
  const last = quarter * 3;
  return {
    key: `${pad4(year)}-Q${quarter}`,
    frequency: 'quarterly',
    start: formatCivil(year, last - 2, 1),
    end: formatCivil(year, last, daysInMonth(year, last)),
  };
}

/** The period of `frequency` that contains `date`. */
export function periodOf(date: CalendarDate, frequency: Frequency): Period {
  const d = toDayNumber(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (frequency) {
    case 'weekly': {
      const monday = d - (isoWeekdayOfDayNumber(d) - 1);
      const isoYear = yearOfDayNumber(monday + 3); // the week belongs to the year of its Thursday
      return weekPeriod(isoYear, (monday - isoWeekOneMonday(isoYear)) / 7 + 1);
    }
    case 'monthly':
      return monthPeriod(year, month);
    case 'quarterly':
      return quarterPeriod(year, Math.ceil(month / 3));
    default:
      throw validationError('invalid_frequency', 'frequency', { value: String(frequency) });
  }
}

/** The period a key names; throws `invalid_period_key` for anything else (`2022-W54`, `2022-13`, `2022-Q5`). */
export function periodByKey(key: string): Period {
  const p = tryPeriodByKey(key);
  if (!p) throw validationError('invalid_period_key', 'periodKey', { value: String(key) });
  return p;
}

export function isPeriodKey(key: unknown): key is string {
  return typeof key === 'string' && tryPeriodByKey(key) !== null;
}

function tryPeriodByKey(key: string): Period | null {
  if (typeof key !== 'string') return null;
  let m = WEEK_RE.exec(key);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    return year >= 1 && week >= 1 && week <= isoWeeksInYear(year) ? weekPeriod(year, week) : null;
  }
  m = MONTH_RE.exec(key);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return year >= 1 && month >= 1 && month <= 12 ? monthPeriod(year, month) : null;
  }
  m = QUARTER_RE.exec(key);
  if (m) return Number(m[1]) >= 1 ? quarterPeriod(Number(m[1]), Number(m[2])) : null;
  return null;
}

/** The period right after (same frequency). */
export function nextPeriod(period: Pick<Period, 'key'>): Period {
  const p = periodByKey(period.key);
  return periodOf(addDays(p.end, 1), p.frequency);
}

/** The period right before (same frequency). */
export function previousPeriod(period: Pick<Period, 'key'>): Period {
  const p = periodByKey(period.key);
  return periodOf(addDays(p.start, -1), p.frequency);
}

/** Every period of `frequency` that overlaps [start, end], in order; empty when end < start. */
export function periodsBetween(start: CalendarDate, end: CalendarDate, frequency: Frequency): Period[] {
  const last = toDayNumber(end, 'end');
  if (last < toDayNumber(start, 'start')) return [];
  const out: Period[] = [];
  for (
    let p = periodOf(start, frequency);
    toDayNumber(p.start) <= last;
    p = periodOf(addDays(p.end, 1), frequency)
  ) {
    out.push(p);
  }
  return out;
}

/** A report is due on the n-th working day after its period ends (n = 0: the end itself or the next working day). */
export type DeadlineRule = { workingDaysAfterEnd: number };
export const DEFAULT_DEADLINE_RULE: Readonly<DeadlineRule> = Object.freeze({ workingDaysAfterEnd: 3 });

/** `estimated`: some day counted lies in a year without statutory data (Monday–Friday was assumed). */
export type Deadline = { date: CalendarDate; estimated: boolean };

export function deadlineOf(
  period: Pick<Period, 'end'>,
  rule: DeadlineRule | undefined,
  calendar: WorkCalendar,
): Deadline {
  const n = (rule ?? DEFAULT_DEADLINE_RULE).workingDaysAfterEnd;
  if (!Number.isSafeInteger(n) || n < 0 || n > 366)
    throw validationError('invalid_deadline_rule', 'workingDaysAfterEnd', { value: n });
  const date = calendar.addWorkingDays(period.end, n);
  // Days counted: (end, date]; with n = 0 the end itself was looked at too.
  const from = n === 0 ? addDays(period.end, -1) : period.end;
  return { date, estimated: calendar.isEstimatedBetween(from, date) };
}

const deadlineDate = (deadline: Deadline | CalendarDate) =>
  typeof deadline === 'string' ? deadline : deadline.date;

/** Submitted on a date after the deadline's date (on the deadline itself is on time). */
export function isLate(submittedOn: CalendarDate, deadline: Deadline | CalendarDate): boolean {
  return toDayNumber(submittedOn, 'submittedOn') > toDayNumber(deadlineDate(deadline), 'deadline');
}

/**
 * Working days in (deadline, submittedOn]; 0 when on time. A submission on a rest day right after the deadline is
 * late (`isLate`) by 0 working days.
 */
export function workingDaysLate(
  submittedOn: CalendarDate,
  deadline: Deadline | CalendarDate,
  calendar: WorkCalendar,
): number {
  return Math.max(0, calendar.workingDaysBetween(deadlineDate(deadline), submittedOn));
}
