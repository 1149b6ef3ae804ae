import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { builtinChineseCalendar, mergeCalendars, WorkCalendar } from './calendar.ts';
import { addDays, dayNumberOf, fromDayNumber, isoWeekday } from './dates.ts';
import { DomainError } from './errors.ts';
import {
  deadlineOf,
  DEFAULT_DEADLINE_RULE,
  FREQUENCIES,
  isLate,
  isoWeeksInYear,
  isPeriodKey,
  nextPeriod,
  periodByKey,
  periodOf,
  periodsBetween,
  previousPeriod,
  workingDaysLate,
  type Frequency,
  type Period,
} from './periods.ts';

const cal = new WorkCalendar(builtinChineseCalendar());

describe('periodOf', () => {
  it.each<[string, Frequency, Omit<Period, 'frequency'>]>([
    ['2022-02-14', 'weekly', { key: '2022-W07', start: '2022-02-14', end: '2022-02-20' }],
    ['2022-02-20', 'weekly', { key: '2022-W07', start: '2022-02-14', end: '2022-02-20' }],
    ['2022-02-21', 'weekly', { key: '2022-W08', start: '2022-02-21', end: '2022-02-27' }],
    ['2022-01-01', 'weekly', { key: '2021-W52', start: '2021-12-27', end: '2022-01-02' }], // Saturday → last ISO year
    ['2022-01-03', 'weekly', { key: '2022-W01', start: '2022-01-03', end: '2022-01-09' }],
    ['2021-01-03', 'weekly', { key: '2020-W53', start: '2020-12-28', end: '2021-01-03' }],
    ['2019-12-30', 'weekly', { key: '2020-W01', start: '2019-12-30', end: '2020-01-05' }], // Monday → next ISO year
    ['2026-12-31', 'weekly', { key: '2026-W53', start: '2026-12-28', end: '2027-01-03' }],
    ['2022-03-15', 'monthly', { key: '2022-03', start: '2022-03-01', end: '2022-03-31' }],
    ['2024-02-10', 'monthly', { key: '2024-02', start: '2024-02-01', end: '2024-02-29' }],
    ['2023-02-28', 'monthly', { key: '2023-02', start: '2023-02-01', end: '2023-02-28' }],
    ['2022-12-31', 'monthly', { key: '2022-12', start: '2022-12-01', end: '2022-12-31' }],
    ['2022-01-01', 'quarterly', { key: '2022-Q1', start: '2022-01-01', end: '2022-03-31' }],
    ['2022-03-31', 'quarterly', { key: '2022-Q1', start: '2022-01-01', end: '2022-03-31' }],
    ['2022-04-01', 'quarterly', { key: '2022-Q2', start: '2022-04-01', end: '2022-06-30' }],
    ['2022-08-15', 'quarterly', { key: '2022-Q3', start: '2022-07-01', end: '2022-09-30' }],
    ['2022-12-31', 'quarterly', { key: '2022-Q4', start: '2022-10-01', end: '2022-12-31' }],
  ])('%s (%s) → %o', (date, frequency, expected) => {
    expect(periodOf(date, frequency)).toEqual({ ...expected, frequency });
    expect(periodByKey(expected.key)).toEqual({ ...expected, frequency });
  });

  it('refuses an unknown frequency and an invalid date', () => {
    expect(() => periodOf('2022-01-01', 'daily' as Frequency)).toThrow(DomainError);
    expect(() => periodOf('2022-02-30', 'monthly')).toThrow(DomainError);
  });
});

describe('periodByKey', () => {
  it.each([
    '2022-W00',
    '2022-W53', // 2022 has 52 ISO weeks
    '2022-W7',
    '2022-00',
    '2022-13',
    '2022-Q0',
    '2022-Q5',
    '2022',
    '2022-1',
    '2022-03-01',
    'W07-2022',
    '',
  ])('refuses %j', (key) => {
    expect(isPeriodKey(key)).toBe(false);
    expect(() => periodByKey(key)).toThrow(
      expect.objectContaining({ code: 'invalid_period_key', field: 'periodKey' }),
    );
  });

  it.each<[number, number]>([
    [2015, 53],
    [2020, 53],
    [2021, 52],
    [2022, 52],
    [2026, 53],
    [2032, 53],
  ])('%i has %i ISO weeks', (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
    expect(isPeriodKey(`${year}-W${weeks}`)).toBe(true);
  });
});

describe('nextPeriod / previousPeriod', () => {
  it.each<[string, string]>([
    ['2022-W07', '2022-W08'],
    ['2021-W52', '2022-W01'],
    ['2020-W52', '2020-W53'],
    ['2020-W53', '2021-W01'],
    ['2022-01', '2022-02'],
    ['2022-12', '2023-01'],
    ['2022-Q1', '2022-Q2'],
    ['2022-Q4', '2023-Q1'],
  ])('%s → %s', (key, next) => {
    expect(nextPeriod({ key }).key).toBe(next);
    expect(previousPeriod({ key: next }).key).toBe(key);
  });
});

describe('periodsBetween', () => {
  it.each<[string, string, Frequency, string[]]>([
    ['2022-01-15', '2022-04-01', 'monthly', ['2022-01', '2022-02', '2022-03', '2022-04']],
    ['2022-01-01', '2022-01-31', 'monthly', ['2022-01']],
    ['2022-01-31', '2022-01-31', 'monthly', ['2022-01']],
    ['2022-02-01', '2022-01-31', 'monthly', []],
    ['2021-12-31', '2022-01-03', 'weekly', ['2021-W52', '2022-W01']],
    ['2022-03-31', '2022-04-01', 'quarterly', ['2022-Q1', '2022-Q2']],
    ['2022-01-01', '2022-12-31', 'quarterly', ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']],
  ])('%s … %s %s', (start, end, frequency, keys) => {
    expect(periodsBetween(start, end, frequency).map((p) => p.key)).toEqual(keys);
  });

  it('covers the range without gaps or overlaps', () => {
    const days = fc.integer({ min: dayNumberOf(1990, 1, 1), max: dayNumberOf(2060, 12, 31) });
    fc.assert(
      fc.property(
        days,
        fc.integer({ min: 0, max: 800 }),
        fc.constantFrom(...FREQUENCIES),
        (d, len, frequency) => {
          const start = fromDayNumber(d);
          const end = addDays(start, len);
          const ps = periodsBetween(start, end, frequency);
          expect(ps.length).toBeGreaterThan(0);
          expect(ps[0]!.start <= start && start <= ps[0]!.end).toBe(true);
          expect(ps.at(-1)!.start <= end && end <= ps.at(-1)!.end).toBe(true);
          ps.forEach((p, i) => {
            expect(p.frequency).toBe(frequency);
            expect(p.start <= p.end).toBe(true);
            expect(periodByKey(p.key)).toEqual(p);
            if (i > 0) expect(p.start).toBe(addDays(ps[i - 1]!.end, 1));
          });
          expect(new Set(ps.map((p) => p.key)).size).toBe(ps.length);
        },
      ),
    );
  });

  it('weeks run Monday to Sunday; every date lies in its own period', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumberOf(1990, 1, 1), max: dayNumberOf(2060, 12, 31) }), (d) => {
        const date = fromDayNumber(d);
        const w = periodOf(date, 'weekly');
        expect(isoWeekday(w.start)).toBe(1);
        expect(w.end).toBe(addDays(w.start, 6));
        for (const f of FREQUENCIES) {
          const p = periodOf(date, f);
          expect(p.start <= date && date <= p.end).toBe(true);
        }
      }),
    );
  });
});

describe('deadlineOf', () => {
  it('defaults to the 3rd working day after the period', () => {
    expect(DEFAULT_DEADLINE_RULE).toEqual({ workingDaysAfterEnd: 3 });
  });

  it.each<[string, number, string, boolean]>([
    // January 2022 ends on the first day of the Spring Festival holiday (31 Jan – 6 Feb): 7, 8, 9 February.
    ['2022-01', 3, '2022-02-09', false],
    // September 2022: 1–7 October rest; 8 and 9 October (Sat, Sun) are make-up workdays, then Monday 10 October.
    ['2022-09', 3, '2022-10-10', false],
    ['2022-Q3', 3, '2022-10-10', false],
    ['2022-09', 1, '2022-10-08', false],
    ['2022-09', 0, '2022-09-30', false],
    // March 2022: 1 April (Fri), 2 April (make-up Saturday), then Qingming 3–5 April, then 6 April.
    ['2022-03', 3, '2022-04-06', false],
    // April 2022 ends on the Labour Day holiday (30 Apr – 4 May); 7 May is a make-up Saturday.
    ['2022-04', 3, '2022-05-07', false],
    ['2022-W07', 3, '2022-02-23', false],
    ['2022-W05', 3, '2022-02-09', false], // the week of 31 Jan – 6 Feb
    ['2025-09', 3, '2025-10-11', false], // 1–8 October 2025; 11 October is a make-up Saturday
    ['2020-01', 3, '2020-02-05', false], // Spring Festival 2020 extended to 2 February
    ['2022-05', 0, '2022-05-31', false], // 31 May is a Tuesday: n = 0 is the end itself
    ['2022-04', 0, '2022-05-05', false], // 30 April is a holiday: n = 0 is the next working day
    // December 2026: the days counted lie in 2027, which has no data; 1 January 2027 is assumed to be a working day.
    ['2026-12', 3, '2027-01-05', true],
    ['2026-11', 3, '2026-12-03', false],
    ['2026-W53', 3, '2027-01-06', true],
    ['2027-03', 3, '2027-04-05', true],
  ])('%s with n = %i → %s (estimated: %s)', (key, n, date, estimated) => {
    expect(deadlineOf(periodByKey(key), { workingDaysAfterEnd: n }, cal)).toEqual({ date, estimated });
    if (n === 3) expect(deadlineOf(periodByKey(key), undefined, cal)).toEqual({ date, estimated });
  });

  it('is no longer estimated once the region enters the year', () => {
    const region = new WorkCalendar(
      mergeCalendars(builtinChineseCalendar(), {
        overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
        yearsWithData: [2027],
      }),
    );
    expect(deadlineOf(periodByKey('2026-12'), undefined, region)).toEqual({
      date: '2027-01-06',
      estimated: false,
    });
  });

  it.each([-1, 1.5, Number.NaN, 1000])('refuses workingDaysAfterEnd = %s', (n) => {
    expect(() => deadlineOf(periodByKey('2022-01'), { workingDaysAfterEnd: n }, cal)).toThrow(
      expect.objectContaining({ code: 'invalid_deadline_rule', field: 'workingDaysAfterEnd' }),
    );
  });

  it('is a working day after the period end, counting exactly n working days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberOf(2004, 1, 1), max: dayNumberOf(2026, 11, 30) }),
        fc.constantFrom(...FREQUENCIES),
        fc.integer({ min: 1, max: 10 }),
        (d, f, n) => {
          const p = periodOf(fromDayNumber(d), f);
          const dl = deadlineOf(p, { workingDaysAfterEnd: n }, cal);
          expect(dl.date > p.end).toBe(true);
          expect(cal.isWorkingDay(dl.date)).toBe(true);
          expect(cal.workingDaysBetween(p.end, dl.date)).toBe(n);
        },
      ),
    );
  });
});

describe('lateness', () => {
  const deadline = deadlineOf(periodByKey('2022-01'), undefined, cal); // 2022-02-09, a Wednesday

  it.each<[string, boolean, number]>([
    ['2022-01-31', false, 0],
    ['2022-02-08', false, 0],
    ['2022-02-09', false, 0], // on the deadline: on time
    ['2022-02-10', true, 1],
    ['2022-02-11', true, 2],
    ['2022-02-12', true, 2], // Saturday: no working day passes
    ['2022-02-14', true, 3], // the third working day after the deadline: the report-overdue yellow light's N
    ['2022-03-01', true, 14],
  ])('submitted on %s: late %s, %i working days late', (submittedOn, late, days) => {
    expect(isLate(submittedOn, deadline)).toBe(late);
    expect(isLate(submittedOn, deadline.date)).toBe(late);
    expect(workingDaysLate(submittedOn, deadline, cal)).toBe(days);
  });

  it('counts holidays out: a report due before National Day and filed after it', () => {
    // Due Friday 2022-09-30; filed Monday 2022-10-10: 8 and 9 October are make-up workdays.
    expect(workingDaysLate('2022-10-10', '2022-09-30', cal)).toBe(3);
    expect(workingDaysLate('2022-10-07', '2022-09-30', cal)).toBe(0);
    expect(isLate('2022-10-07', '2022-09-30')).toBe(true);
  });

  it('refuses an instant where a date is expected', () => {
    expect(() => isLate('2022-02-09T10:00:00Z', deadline)).toThrow(
      expect.objectContaining({ code: 'invalid_date', field: 'submittedOn' }),
    );
  });
});
