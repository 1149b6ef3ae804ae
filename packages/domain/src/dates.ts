// Calendar dates (`YYYY-MM-DD`, Asia/Shanghai) as plain civil dates. Arithmetic runs on day numbers (days since
// 1970-01-01, i.e. UTC midnights) computed with integer maths, so neither the host's time zone nor DST can
// shift a date. Instants (UTC ISO strings) become Shanghai dates only through `shanghaiDateOf`.
import { validationError } from './errors.ts';

/** A date `YYYY-MM-DD`; a plain string so that it crosses JSON and SQL unchanged. */
export type CalendarDate = string;

const MONTH_RE = /^(\d{4})-(\d{2})$/;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of `dayNumberOf` (civil_from_days). */
export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

/** Reads `count` ASCII digits at `at`, or −1. */
function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Day number of a valid `YYYY-MM-DD`, or NaN. Hand-parsed: the warning engine calls this millions of times. */
function parseDate(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-')
    return Number.NaN;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return dayNumberOf(year, month, day);
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  return !Number.isNaN(parseDate(value));
}

/** Day number of a `YYYY-MM-DD` date; throws a validation error naming `field` when it is not a real date. */
export function toDayNumber(date: CalendarDate, field = 'date'): number {
  const n = parseDate(date);
  if (Number.isNaN(n)) throw validationError('invalid_date', field, { value: String(date) });
  return n;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function formatCivil(year: number, month: number, day: number): CalendarDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  const { year, month, day } = civilOf(dayNumber);
  return formatCivil(year, month, day);
}

export function yearOf(date: CalendarDate): number {
  toDayNumber(date);
  return Number(date.slice(0, 4));
}

export const yearOfDayNumber = (dayNumber: number): number => civilOf(dayNumber).year;

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `to − from` in calendar days (negative when `to` is earlier). */
export function diffDays(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const isoWeekdayOfDayNumber = (dayNumber: number): number => ((((dayNumber + 3) % 7) + 7) % 7) + 1;

export function isoWeekday(date: CalendarDate): number {
  return isoWeekdayOfDayNumber(toDayNumber(date));
}

/** Adds calendar months, clamping to the month's last day (2022-01-31 + 1 month = 2022-02-28). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  toDayNumber(date);
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatCivil(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}

export function isMonthKey(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = MONTH_RE.exec(value);
  return m !== null && Number(m[1]) >= 1 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** The greater / lesser of two dates (ISO dates compare correctly as strings once validated). */
export const maxDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a >= b ? a : b);
export const minDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a <= b ? a : b);

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The Asia/Shanghai calendar date of an instant. China has kept UTC+8 without daylight saving since 1991, so a fixed
 * offset is exact for every instant this application records.
 */
export function shanghaiDateOf(instant: string | Date): CalendarDate {
  // A string must carry its offset: `Date.parse` reads an offset-less date-time in the host's zone.
  const ms =
    instant instanceof Date ? instant.getTime() : INSTANT_RE.test(instant) ? Date.parse(instant) : Number.NaN;
  if (!Number.isFinite(ms)) throw validationError('invalid_instant', 'instant', { value: String(instant) });
  return fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / 86_400_000));
}
