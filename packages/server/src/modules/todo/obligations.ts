// Reporting obligations (报送义务): for every open item (accepted, in progress, completion requested) and each of its
// reporting periods, the deadline in the region's working calendar, and whether a report is owed: not yet submitted
// or accepted, with its deadline passed (overdue) or within `horizon` working days. The to-do list and the reminder
// job (催办) both read this, so that what a unit is reminded of is exactly what its to-do list shows.
import {
  addDays,
  deadlineOf,
  minDate,
  periodsBetween,
  REPORTING_STATES,
  type Frequency,
  type ReportState,
} from '@benpao/domain';
import type { Queryable } from '../../db/index.ts';
import { regionCalendar } from '../calendar/service.ts';

export interface Obligation {
  itemId: string;
  itemNumber: string;
  itemTitle: string;
  leadUnitId: string;
  periodKey: string;
  deadline: string;
  /** The deadline leaned on a year without statutory data (Monday–Friday assumed). */
  deadlineEstimated: boolean;
  overdue: boolean;
  /** Working days left until the deadline, or (when overdue) working days since it. */
  workingDays: number;
  /** The report in force for the period (a draft, pending approval or returned), if one exists. */
  reportId: string | null;
  reportStatus: ReportState | null;
}

/** Periods whose report is done: submitted (waiting for review) or accepted, in any version. */
const DONE: readonly string[] = ['submitted', 'accepted'];
/** Periods starting this far ahead cannot be due yet, even across the longest holiday. */
const LOOKAHEAD_DAYS = 62;
const CHUNK = 500;

export async function reportObligations(
  db: Queryable,
  regionId: string,
  opts: { today: string; horizon: number; unitId?: string | undefined },
): Promise<Obligation[]> {
  let q = db
    .selectFrom('items')
    .select([
      'id',
      'number',
      'title',
      'lead_unit_id',
      'start_date',
      'due_date',
      'frequency',
      'deadline_working_days',
    ])
    .where('region_id', '=', regionId)
    .where('status', 'in', [...REPORTING_STATES]);
  if (opts.unitId) q = q.where('lead_unit_id', '=', opts.unitId);
  const items = await q.orderBy('number').execute();
  if (items.length === 0) return [];

  const reports = new Map<string, { id: string; version: number; current: number; status: string }[]>();
  for (let i = 0; i < items.length; i += CHUNK) {
    const rows = await db
      .selectFrom('reports')
      .select(['id', 'item_id', 'period_key', 'version', 'current', 'status'])
      .where('region_id', '=', regionId)
      .where(
        'item_id',
        'in',
        items.slice(i, i + CHUNK).map((it) => it.id),
      )
      .execute();
    for (const r of rows) {
      const key = `${r.item_id}|${r.period_key}`;
      const list = reports.get(key) ?? [];
      list.push({ id: r.id, version: Number(r.version), current: Number(r.current), status: r.status });
      reports.set(key, list);
    }
  }

  const calendar = await regionCalendar(db, regionId);
  const lookahead = addDays(opts.today, LOOKAHEAD_DAYS);
  const out: Obligation[] = [];
  for (const item of items) {
    const rule = { workingDaysAfterEnd: item.deadline_working_days };
    const last = minDate(item.due_date, lookahead);
    for (const period of periodsBetween(item.start_date, last, item.frequency as Frequency)) {
      const deadline = deadlineOf(period, rule, calendar);
      const overdue = deadline.date < opts.today;
      const workingDays = overdue
        ? calendar.workingDaysBetween(deadline.date, opts.today)
        : calendar.workingDaysBetween(opts.today, deadline.date);
      if (!overdue && workingDays > opts.horizon) continue;
      const versions = reports.get(`${item.id}|${period.key}`) ?? [];
      if (versions.some((r) => DONE.includes(r.status))) continue;
      const inForce =
        versions.find((r) => r.current === 1) ?? [...versions].sort((a, b) => b.version - a.version)[0];
      out.push({
        itemId: item.id,
        itemNumber: item.number,
        itemTitle: item.title,
        leadUnitId: item.lead_unit_id,
        periodKey: period.key,
        deadline: deadline.date,
        deadlineEstimated: deadline.estimated,
        overdue,
        workingDays,
        reportId: inForce?.id ?? null,
        reportStatus: (inForce?.status as ReportState | undefined) ?? null,
      });
    }
  }
  return out.sort(
    (a, b) =>
      a.deadline.localeCompare(b.deadline) ||
      a.itemNumber.localeCompare(b.itemNumber) ||
      a.periodKey.localeCompare(b.periodKey),
  );
}
