// The warning engine's dated facts (warnings/types.ts `ItemFacts`, which the server already loads) → the running
// index's facts for one month, as known on a day. So the index reads the same data as the lights, and a province's
// benchmark facts serve both.
import type { WorkCalendar } from '../calendar.ts';
import { addDays, daysInMonth, isCalendarDate, isMonthKey, type CalendarDate } from '../dates.ts';
import { validationError } from '../errors.ts';
import {
  deadlineOf,
  isPeriodKey,
  periodByKey,
  periodsBetween,
  type Frequency,
  type Period,
} from '../periods.ts';
import { actualProgress, plannedProgress } from '../progress.ts';
import { APPLICABLE_ITEM_STATES, statusEntryOn } from '../warnings/records.ts';
import type { ItemFacts } from '../warnings/types.ts';
import type { IndexItemFacts } from './types.ts';

/** First and last day of a `YYYY-MM` month. */
export function monthBounds(month: string): { start: CalendarDate; end: CalendarDate } {
  if (!isMonthKey(month)) throw validationError('invalid_month', 'month', { value: String(month) });
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { start: `${month}-01`, end: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

/** Deadlines and parsed keys shared by the items of one conversion (a province repeats a few hundred of each). */
export class IndexFactsContext {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  private readonly deadlines = new Map<string, CalendarDate>();
  private readonly keys = new Map<string, Period | null>();
  private readonly due = new Map<string, { period: Period; deadline: CalendarDate }[]>();

  /**
   * @param month `YYYY-MM`
   * @param knownOn what was on record by the end of this day counts (reports submitted and accepted, milestones
   *   done, status changes): the day the month is computed (its closing), not before the month end. Recomputing with
   *   the same day gives the same facts.
   */
  constructor(
    readonly month: string,
    readonly knownOn: CalendarDate,
    readonly calendar: WorkCalendar,
  ) {
    const { start, end } = monthBounds(month);
    if (!isCalendarDate(knownOn)) throw validationError('invalid_date', 'knownOn');
    if (knownOn < end) throw validationError('before_month_end', 'knownOn', { monthEnd: end });
    this.start = start;
    this.end = end;
  }

  deadline(period: Period, workingDays: number): CalendarDate {
    const k = `${period.end}|${workingDays}`;
    let d = this.deadlines.get(k);
    if (!d)
      this.deadlines.set(
        k,
        (d = deadlineOf(period, { workingDaysAfterEnd: workingDays }, this.calendar).date),
      );
    return d;
  }

  /**
   * The periods of a frequency whose report deadline (n working days after their end) falls in the month, each with
   * its deadline; the same for every item of that frequency and deadline rule.
   */
  dueInMonth(
    frequency: Frequency,
    workingDays: number,
  ): readonly { period: Period; deadline: CalendarDate }[] {
    const k = `${frequency}|${workingDays}`;
    let list = this.due.get(k);
    if (!list) {
      list = [];
      // A deadline in the month belongs to a period ended at most this long before it (working days plus holidays).
      const from = addDays(this.start, -(2 * workingDays + 40));
      for (const period of periodsBetween(from, this.end, frequency)) {
        if (period.end > this.end) continue;
        const deadline = this.deadline(period, workingDays);
        if (deadline >= this.start && deadline <= this.end) list.push({ period, deadline });
      }
      this.due.set(k, list);
    }
    return list;
  }

  period(key: string): Period | null {
    let p = this.keys.get(key);
    if (p === undefined) this.keys.set(key, (p = isPeriodKey(key) ? periodByKey(key) : null));
    return p;
  }
}

/**
 * One item's facts for the month, or null when it is not scored in it: scored are the items open (assigned to
 * completion requested) at the month end, or completed during the month.
 * - progress (work and projects): planned as of the month end (milestones, else linear from start to due); actual
 *   from milestones done by the month end, else the latest accepted report of a period ended by then; a completed
 *   item 100;
 * - indicator: the cumulative target of the latest period ended by the month end, with the value of the accepted
 *   report for that same period (null: none);
 * - reports: those owed (one per period of the item's frequency from its start to its due date) whose deadline falls
 *   in the month, while the item was open, with the day each was submitted;
 * - milestones: those planned in the month, with the day each was done.
 */
export function indexItemFacts(item: ItemFacts, ctx: IndexFactsContext): IndexItemFacts | null {
  const { start, end, knownOn } = ctx;
  const known = (d: CalendarDate | null) => (d !== null && d <= knownOn ? d : null);
  const atEnd = statusEntryOn(item, end);
  const completed = atEnd?.status === 'completed' && atEnd.on >= start;
  if (!atEnd || (!APPLICABLE_ITEM_STATES.includes(atEnd.status) && !completed)) return null;

  // The indicator's period: the latest with a cumulative target, ended by the month end.
  let target: { period: Period; value: number } | null = null;
  if (item.indicator)
    for (const t of item.indicator.cumulativeTargets) {
      const p = ctx.period(t.periodKey);
      if (!p || p.end > end || (target && p.end <= target.period.end)) continue;
      target = { period: p, value: t.target };
    }

  // Reports owed with a deadline in the month: periods overlapping the item's [start, due], while it was open.
  const reports: IndexItemFacts['reports'] = [];
  for (const { period, deadline } of ctx.dueInMonth(item.frequency, item.deadlineWorkingDays)) {
    if (period.end < item.startDate || period.start > item.dueDate) continue;
    const status = statusEntryOn(item, deadline)?.status;
    if (!status || !APPLICABLE_ITEM_STATES.includes(status)) continue;
    reports.push({ periodKey: period.key, deadline, submittedOn: null });
  }

  // One pass over the reports (a weekly item has fifty a year): progress, the indicator's value, submissions.
  let reported: number | null = null;
  let reportedEnd = '';
  let indicatorValue: number | null = null;
  for (const r of item.reports) {
    const accepted = r.acceptedOn !== null && r.acceptedOn <= knownOn;
    if (accepted && r.progress !== null) {
      const p = ctx.period(r.periodKey);
      if (p && p.end <= end && p.end > reportedEnd) {
        reportedEnd = p.end;
        reported = r.progress;
      }
    }
    if (accepted && target && r.indicatorValue !== null && r.periodKey === target.period.key)
      indicatorValue = r.indicatorValue;
    for (const owed of reports)
      if (owed.periodKey === r.periodKey) owed.submittedOn = known(r.submittedOn ?? r.acceptedOn);
  }

  let progress: IndexItemFacts['progress'] = null;
  if (item.kind !== 'indicator') {
    const lateDone = item.milestones.some((m) => m.doneDate !== null && m.doneDate > knownOn);
    const milestones = lateDone
      ? item.milestones.map((m) => ({ ...m, doneDate: known(m.doneDate) }))
      : item.milestones;
    const planned = plannedProgress({ start: item.startDate, due: item.dueDate, milestones }, end);
    const actual = completed ? 100 : actualProgress({ milestones, reportedProgress: reported }, end);
    progress = { planned, actual };
  }

  const indicator: IndexItemFacts['indicator'] = item.indicator && {
    direction: item.indicator.direction,
    periodKey: target?.period.key ?? null,
    target: target?.value ?? null,
    actual: indicatorValue,
  };

  const milestones: IndexItemFacts['milestones'] = [];
  for (const m of item.milestones)
    if (m.plannedDate >= start && m.plannedDate <= end)
      milestones.push({ id: m.id, plannedDate: m.plannedDate, doneDate: known(m.doneDate) });

  return {
    id: item.id,
    number: item.number,
    title: item.title,
    leadUnitId: item.leadUnitId,
    kind: item.kind,
    progress,
    indicator,
    reports,
    milestones,
  };
}

/** Every item's facts for the month (those scored in it), in input order. */
export function indexItemFactsOf(items: readonly ItemFacts[], ctx: IndexFactsContext): IndexItemFacts[] {
  const out: IndexItemFacts[] = [];
  for (const item of items) {
    const f = indexItemFacts(item, ctx);
    if (f) out.push(f);
  }
  return out;
}
