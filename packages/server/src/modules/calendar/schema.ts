// The calendar administration contract: a year of the region's working calendar, and the overrides an
// administrator enters (statutory holidays and 调休 make-up workdays for years the builtin data does not cover).
import { isCalendarDate } from '@benpao/domain';
import { z } from 'zod';

export const CALENDAR_YEAR_MIN = 2000;
export const CALENDAR_YEAR_MAX = 2100;

const yearInRange = (date: string) => {
  const y = Number(date.slice(0, 4));
  return y >= CALENDAR_YEAR_MIN && y <= CALENDAR_YEAR_MAX;
};

/** A `YYYY-MM-DD` date of a year the calendar administration accepts (2000–2100). */
export const calendarAdminDate = z
  .string()
  .refine(isCalendarDate, { params: { code: 'invalid_date' } })
  .refine(yearInRange, { params: { code: 'year_out_of_range' } });

export const calendarYear = z.coerce.number().int().min(CALENDAR_YEAR_MIN).max(CALENDAR_YEAR_MAX);

export const calendarQuery = z.strictObject({ year: calendarYear.optional() });
export const dayParams = z.strictObject({ date: calendarAdminDate });
export const yearParams = z.strictObject({ year: calendarYear });

export const DAY_KINDS = ['holiday', 'workday'] as const;

/**
 * A region override. `kind` is always stated: a workday on a weekday (cancelling a builtin holiday) or a holiday on
 * a weekend (naming a rest day) is accepted, but never inferred from the day of the week.
 */
export const dayBody = z.strictObject({
  kind: z.enum(DAY_KINDS),
  name: z.string().trim().max(100).nullable().optional(),
});
export type DayBody = z.infer<typeof dayBody>;

export const calendarDayView = z.object({
  date: z.string(),
  kind: z.enum(DAY_KINDS),
  name: z.string().nullable(),
  /** builtin: the State Council's schedule shipped with Benpao; region: entered by this region's administrator. */
  source: z.enum(['builtin', 'region']),
});

export const calendarYearView = z.object({
  year: z.number().int(),
  /** Whether the year's statutory schedule is known (builtin, or declared complete by the region). */
  hasData: z.boolean(),
  /** Some day of the year is answered by the plain Monday–Friday estimate. */
  estimated: z.boolean(),
  /** The builtin data covers this year. */
  builtin: z.boolean(),
  /** The region declared its overrides a full schedule for this year. */
  declared: z.boolean(),
  /** The days that depart from the Monday–Friday rule (and named holidays on weekends), by date. */
  days: z.array(calendarDayView),
  workingDays: z.number().int(),
});
export type CalendarYearView = z.infer<typeof calendarYearView>;
