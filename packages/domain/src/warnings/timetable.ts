// A card's rectification timetable (倒排时间表): steps scheduled backwards from the rectification deadline, each a
// number of working days before it, so that "three working days before the deadline" lands on a working day
// whatever holidays lie between.
import type { WorkCalendar } from '../calendar.ts';
import { addDays, type CalendarDate } from '../dates.ts';
import { validationError } from '../errors.ts';

export const MAX_TIMETABLE_STEPS = 30;

/** The working day `n` working days before `deadline` (n = 0: the deadline, or the last working day before it). */
export function workingDaysBefore(calendar: WorkCalendar, deadline: CalendarDate, n: number): CalendarDate {
  if (!Number.isSafeInteger(n) || n < 0 || n > 366)
    throw validationError('invalid_working_days', 'workingDaysBefore', { value: n });
  let d = deadline;
  while (!calendar.isWorkingDay(d)) d = addDays(d, -1);
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (calendar.isWorkingDay(d)) left--;
  }
  return d;
}

/** Dates the steps of a timetable, earliest first (ties keep their order). */
export function backwardSchedule(
  calendar: WorkCalendar,
  deadline: CalendarDate,
  steps: readonly { title: string; workingDaysBefore: number }[],
): { title: string; workingDaysBefore: number; dueDate: CalendarDate }[] {
  return steps
    .map((s, i) => ({ ...s, dueDate: workingDaysBefore(calendar, deadline, s.workingDaysBefore), i }))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.i - b.i))
    .map(({ i: _i, ...s }) => s);
}
