// The region's working calendar (builtin Chinese data merged with the region's overrides) and its "today", and the
// administration of the region's overrides (calendar.manage): every write is audited and drops the cached calendar.
import {
  assertAuthorized,
  builtinChineseCalendar,
  conflict,
  mergeCalendars,
  notFound,
  shanghaiDateOf,
  WorkCalendar,
  type CalendarData,
} from '@benpao/domain';
import type { Db, Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context.ts';
import { recordAudit } from '../audit/service.ts';
import { actorOf } from '../units/service.ts';
import * as repo from './repository.ts';
import type { CalendarYearView, DayBody } from './schema.ts';
import { reevaluateRegion } from '../warnings/engine.ts';

let builtin: CalendarData | undefined;
const cache = new Map<string, { calendar: WorkCalendar; at: number }>();
/** Other processes may change a region's calendar: a cached one is trusted this long. */
const TTL_MS = 60_000;

/** The State Council's schedules shipped with Benpao (chinese-days), loaded once. */
export function builtinCalendarData(): CalendarData {
  builtin ??= builtinChineseCalendar();
  return builtin;
}

export async function regionCalendar(
  db: Queryable,
  regionId: string,
  now = Date.now(),
): Promise<WorkCalendar> {
  const hit = cache.get(regionId);
  if (hit && now - hit.at < TTL_MS) return hit.calendar;
  const [days, years] = await Promise.all([
    db
      .selectFrom('calendar_days')
      .select(['date', 'kind', 'name'])
      .where('region_id', '=', regionId)
      .execute(),
    db.selectFrom('calendar_years').select('year').where('region_id', '=', regionId).execute(),
  ]);
  const calendar = new WorkCalendar(
    mergeCalendars(builtinCalendarData(), {
      overrides: days.map((d) => ({ date: d.date, kind: d.kind, ...(d.name ? { name: d.name } : {}) })),
      yearsWithData: years.map((y) => y.year),
    }),
  );
  cache.set(regionId, { calendar, at: now });
  return calendar;
}

export function forgetRegionCalendar(regionId: string): void {
  cache.delete(regionId);
}

/** The calendar date a region lives in: Asia/Shanghai today, or the demo's configured day. */
export async function regionToday(db: Queryable, regionId: string, now: Date): Promise<string> {
  const s = await db
    .selectFrom('region_settings')
    .select('demo_today')
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  return s?.demo_today ?? shanghaiDateOf(now);
}

// ---------------------------------------------------------------------------------------- administration

/** One year of the region's calendar as the administration page shows it. */
export async function calendarYearOf(
  db: Queryable,
  regionId: string,
  year: number,
): Promise<CalendarYearView> {
  const [calendar, own, declared] = await Promise.all([
    regionCalendar(db, regionId),
    repo.daysOfYear(db, regionId, year),
    repo.findYear(db, regionId, year),
  ]);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const before = `${String(year - 1).padStart(4, '0')}-12-31`;
  const regionDates = new Set(own.map((d) => d.date));
  const days = calendar
    .toData()
    .overrides.filter((o) => o.date >= first && o.date <= last)
    .map((o) => ({
      date: o.date,
      kind: o.kind,
      name: o.name ?? null,
      source: regionDates.has(o.date) ? ('region' as const) : ('builtin' as const),
    }));
  return {
    year,
    hasData: calendar.hasData(year),
    estimated: calendar.isEstimatedBetween(before, last),
    builtin: builtinCalendarData().yearsWithData.includes(year),
    declared: declared !== undefined,
    days,
    workingDays: calendar.workingDaysBetween(before, last),
  };
}

export async function getCalendar(
  db: Db,
  ctx: RequestContext,
  year: number | undefined,
): Promise<CalendarYearView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'calendar.read', { regionId: actor.regionId });
  const y = year ?? Number((await regionToday(db, actor.regionId, ctx.now)).slice(0, 4));
  return calendarYearOf(db, actor.regionId, y);
}

const yearOfDate = (date: string) => Number(date.slice(0, 4));

/** Sets (creates or replaces) the region's override for one date. */
export async function setCalendarDay(
  db: Db,
  ctx: RequestContext,
  date: string,
  body: DayBody,
): Promise<CalendarYearView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'calendar.manage', { regionId: actor.regionId });
  const name = body.name?.trim() ? body.name.trim() : null;
  await db.transaction().execute(async (trx) => {
    const before = await repo.findDay(trx, actor.regionId, date);
    await repo.upsertDay(trx, {
      region_id: actor.regionId,
      date,
      kind: body.kind,
      name,
      created_by: actor.id,
      created_at: ctx.now.toISOString(),
    });
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'calendar.day_set',
      entity: 'calendar_day',
      entityId: date,
      before: before ?? null,
      after: { date, kind: body.kind, name },
    });
  });
  forgetRegionCalendar(actor.regionId);
  await reevaluateRegion(db, ctx, actor.regionId);
  return calendarYearOf(db, actor.regionId, yearOfDate(date));
}

/** Removes the region's override: the builtin answer (or Monday–Friday) applies to the date again. */
export async function deleteCalendarDay(
  db: Db,
  ctx: RequestContext,
  date: string,
): Promise<CalendarYearView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'calendar.manage', { regionId: actor.regionId });
  await db.transaction().execute(async (trx) => {
    const before = await repo.findDay(trx, actor.regionId, date);
    if (!before || !(await repo.deleteDay(trx, actor.regionId, date))) throw notFound('calendar_day', 'date');
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'calendar.day_delete',
      entity: 'calendar_day',
      entityId: date,
      before,
    });
  });
  forgetRegionCalendar(actor.regionId);
  await reevaluateRegion(db, ctx, actor.regionId);
  return calendarYearOf(db, actor.regionId, yearOfDate(date));
}

/**
 * Declares the region's overrides a full statutory schedule for a year the builtin data does not cover (2027 on):
 * its deadlines stop being estimates. Needs the year's holidays entered first. Declaring again changes nothing.
 */
export async function declareCalendarYear(
  db: Db,
  ctx: RequestContext,
  year: number,
): Promise<CalendarYearView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'calendar.manage', { regionId: actor.regionId });
  if (builtinCalendarData().yearsWithData.includes(year))
    throw conflict('calendar_year_builtin', { year }, 'year');
  await db.transaction().execute(async (trx) => {
    const own = await repo.daysOfYear(trx, actor.regionId, year);
    if (!own.some((d) => d.kind === 'holiday')) throw conflict('calendar_year_empty', { year }, 'year');
    const inserted = await repo.insertYear(trx, {
      region_id: actor.regionId,
      year,
      created_by: actor.id,
      created_at: ctx.now.toISOString(),
    });
    if (!inserted) return; // already declared: nothing changed, nothing to audit
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'calendar.year_declare',
      entity: 'calendar_year',
      entityId: String(year),
      after: { year, holidays: own.filter((d) => d.kind === 'holiday').length, overrides: own.length },
    });
  });
  forgetRegionCalendar(actor.regionId);
  await reevaluateRegion(db, ctx, actor.regionId);
  return calendarYearOf(db, actor.regionId, year);
}

/** Withdraws a declaration: the year's days not overridden go back to being estimates. */
export async function undeclareCalendarYear(
  db: Db,
  ctx: RequestContext,
  year: number,
): Promise<CalendarYearView> {
  const actor = actorOf(ctx);
  assertAuthorized(actor, 'calendar.manage', { regionId: actor.regionId });
  await db.transaction().execute(async (trx) => {
    const before = await repo.findYear(trx, actor.regionId, year);
    if (!before || !(await repo.deleteYear(trx, actor.regionId, year)))
      throw notFound('calendar_year', 'year');
    await recordAudit(trx, ctx, {
      regionId: actor.regionId,
      action: 'calendar.year_undeclare',
      entity: 'calendar_year',
      entityId: String(year),
      before,
    });
  });
  forgetRegionCalendar(actor.regionId);
  await reevaluateRegion(db, ctx, actor.regionId);
  return calendarYearOf(db, actor.regionId, year);
}
