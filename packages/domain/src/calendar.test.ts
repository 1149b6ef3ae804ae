import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isWorkday as libraryIsWorkday } from 'chinese-days';
import {
  builtinChineseCalendar,
  mergeCalendars,
  validateCalendarData,
  WorkCalendar,
  type CalendarData,
  type DayInfo,
} from './calendar.ts';
import { addDays, dayNumberOf, fromDayNumber, isoWeekday } from './dates.ts';
import { DomainError } from './errors.ts';

const builtin = builtinChineseCalendar();
const cal = new WorkCalendar(builtin);

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

describe('builtinChineseCalendar', () => {
  it('covers 2004–2026 and nothing else', () => {
    expect(builtin.yearsWithData).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    for (const y of builtin.yearsWithData) expect(cal.hasData(y)).toBe(true);
    expect(cal.hasData(2003)).toBe(false);
    expect(cal.hasData(2027)).toBe(false);
  });

  it('lists each date once, sorted, holidays and make-up workdays only', () => {
    const dates = builtin.overrides.map((o) => o.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    expect(validateCalendarData(builtin)).toEqual([]);
    for (const o of builtin.overrides) expect(o.name).toMatch(/\p{Script=Han}/u);
  });

  it('puts every make-up workday (调休上班) on a weekend', () => {
    const workdays = builtin.overrides.filter((o) => o.kind === 'workday');
    expect(workdays.length).toBeGreaterThan(100);
    for (const o of workdays) expect(isoWeekday(o.date)).toBeGreaterThanOrEqual(6);
  });

  it.each<[string, string, string]>([
    ['2022 Spring Festival', '2022-01-31', '2022-02-06'],
    ['2022 Qingming', '2022-04-03', '2022-04-05'],
    ['2022 Labour Day', '2022-04-30', '2022-05-04'],
    ['2022 National Day', '2022-10-01', '2022-10-07'],
    ['2025 Spring Festival (4 statutory days from 2025)', '2025-01-28', '2025-02-04'],
    ['2025 National Day and Mid-autumn', '2025-10-01', '2025-10-08'],
    ['2026 Spring Festival', '2026-02-15', '2026-02-23'],
    ['2020 Spring Festival extended for COVID-19 to 2 February', '2020-01-24', '2020-02-02'],
    ['2019 New Year starting on 30 December 2018', '2018-12-30', '2019-01-01'],
  ])('%s: %s … %s are rest days', (_name, from, to) => {
    for (const d of range(from, to)) {
      expect(cal.isWorkingDay(d), d).toBe(false);
      expect(cal.dayInfo(d).kind, d).toBe('holiday');
    }
    expect(cal.isWorkingDay(addDays(from, -1)) || isoWeekday(addDays(from, -1)) >= 6).toBe(true);
  });

  it.each<[string, string]>([
    ['2022-01-29', '春节'],
    ['2022-01-30', '春节'],
    ['2022-04-02', '清明'],
    ['2022-04-24', '劳动节'],
    ['2022-05-07', '劳动节'],
    ['2022-10-08', '国庆节'],
    ['2022-10-09', '国庆节'],
    ['2018-12-29', '元旦'],
    ['2025-01-26', '春节'],
    ['2025-02-08', '春节'],
    ['2026-02-14', '春节'],
    ['2026-02-28', '春节'],
  ])('%s is a make-up workday (%s)', (date, name) => {
    expect(cal.dayInfo(date)).toEqual<DayInfo>({ working: true, kind: 'workday', name, estimated: false });
  });

  it.each<[string, DayInfo]>([
    ['2022-02-01', { working: false, kind: 'holiday', name: '春节', estimated: false }],
    ['2022-10-01', { working: false, kind: 'holiday', name: '国庆节', estimated: false }], // a Saturday, named
    ['2022-04-05', { working: false, kind: 'holiday', name: '清明', estimated: false }],
    [
      '2015-09-03',
      { working: false, kind: 'holiday', name: expect.stringContaining('70周年'), estimated: false },
    ],
    ['2022-10-10', { working: true, kind: 'weekday', estimated: false }],
    ['2022-10-15', { working: false, kind: 'weekend', estimated: false }],
    ['2020-02-03', { working: true, kind: 'weekday', estimated: false }],
    ['2027-01-01', { working: true, kind: 'weekday', estimated: true }], // a Friday: New Year is unknown to the data
    ['2027-01-02', { working: false, kind: 'weekend', estimated: true }],
    ['2003-12-31', { working: true, kind: 'weekday', estimated: true }],
  ])('dayInfo(%s)', (date, info) => {
    expect(cal.dayInfo(date)).toEqual(info);
    expect(cal.isWorkingDay(date)).toBe(info.working);
  });

  it.each<[number, number]>([
    [2022, 249],
    [2023, 249],
    [2024, 251],
    [2025, 248],
  ])('%i has %i working days', (year, n) => {
    expect(cal.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(n);
    expect(range(`${year}-01-01`, `${year}-12-31`).filter((d) => cal.isWorkingDay(d))).toHaveLength(n);
  });

  it('agrees with the chinese-days API on every day of 2004–2026', () => {
    for (let d = dayNumberOf(2004, 1, 1); d <= dayNumberOf(2026, 12, 31); d++) {
      const date = fromDayNumber(d);
      const [y, m, day] = date.split('-').map(Number) as [number, number, number];
      // A local-midnight Date: the library reads local getters (a `YYYY-MM-DD` string is off by a day west of UTC).
      expect(cal.isWorkingDay(date), date).toBe(libraryIsWorkday(new Date(y, m - 1, day)));
    }
  });
});

describe('WorkCalendar', () => {
  const small = new WorkCalendar({
    overrides: [
      { date: '2030-10-01', kind: 'holiday', name: '国庆节' }, // Tuesday
      { date: '2030-10-02', kind: 'holiday' }, // Wednesday
      { date: '2030-10-05', kind: 'holiday' }, // Saturday: already a rest day
      { date: '2030-09-29', kind: 'workday', name: '国庆节' }, // Sunday
      { date: '2030-10-03', kind: 'workday' }, // Thursday: already a working day
    ],
    yearsWithData: [2030],
  });

  it.each<[string, number, string]>([
    ['2030-09-27', 0, '2030-09-27'], // Friday, working
    ['2030-09-28', 0, '2030-09-29'], // Saturday → the make-up Sunday
    ['2030-09-28', 1, '2030-09-29'],
    ['2030-09-29', 0, '2030-09-29'],
    ['2030-09-29', 1, '2030-09-30'],
    ['2030-09-30', 1, '2030-10-03'],
    ['2030-09-30', 2, '2030-10-04'],
    ['2030-09-30', 3, '2030-10-07'],
    ['2030-10-01', 0, '2030-10-03'],
    ['2030-10-04', 1, '2030-10-07'], // Friday → Monday
    ['2030-10-04', 5, '2030-10-11'],
    ['2030-10-04', 6, '2030-10-14'],
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(small.addWorkingDays(date, n)).toBe(expected);
    if (n > 0) expect(small.workingDaysBetween(date, expected)).toBe(n);
  });

  it.each<[string, string, number]>([
    ['2030-09-27', '2030-09-27', 0],
    ['2030-09-27', '2030-09-28', 0],
    ['2030-09-27', '2030-09-29', 1],
    ['2030-09-27', '2030-10-06', 4], // 29, 30, 3, 4
    ['2030-10-06', '2030-09-27', -4],
    ['2030-09-30', '2030-10-02', 0],
    ['2030-09-29', '2030-09-30', 1],
    ['2030-09-28', '2030-09-29', 1],
  ])('workingDaysBetween(%s, %s) = %i', (from, to, n) => {
    expect(small.workingDaysBetween(from, to)).toBe(n);
  });

  it('names the kinds of overridden days by their effect', () => {
    expect(small.dayInfo('2030-10-05')).toEqual({ working: false, kind: 'holiday', estimated: false });
    expect(small.dayInfo('2030-10-03')).toEqual({ working: true, kind: 'weekday', estimated: false });
    expect(small.dayInfo('2030-09-29')).toEqual({
      working: true,
      kind: 'workday',
      name: '国庆节',
      estimated: false,
    });
  });

  it('refuses negative or fractional counts', () => {
    for (const n of [-1, 1.5, Number.NaN, 100_001])
      expect(() => small.addWorkingDays('2030-10-01', n)).toThrow(DomainError);
  });

  it('refuses invalid data with the offending field', () => {
    const bad: [CalendarData, string, string][] = [
      [
        { overrides: [{ date: '2030-02-30', kind: 'holiday' }], yearsWithData: [] },
        'overrides.0.date',
        'invalid_date',
      ],
      [
        {
          overrides: [
            { date: '2030-10-01', kind: 'holiday' },
            { date: '2030-10-01', kind: 'workday' },
          ],
          yearsWithData: [],
        },
        'overrides.1.date',
        'duplicate_date',
      ],
      [
        { overrides: [{ date: '2030-10-01', kind: 'rest' as 'holiday' }], yearsWithData: [] },
        'overrides.0.kind',
        'invalid_kind',
      ],
      [{ overrides: [], yearsWithData: [2030.5] }, 'yearsWithData.0', 'invalid_year'],
    ];
    for (const [data, field, code] of bad) {
      expect(validateCalendarData(data)).toEqual([expect.objectContaining({ field, code })]);
      expect(() => new WorkCalendar(data)).toThrow(expect.objectContaining({ field, code }));
    }
  });

  it('is immutable: later changes to the input do not leak in', () => {
    const data: CalendarData = {
      overrides: [{ date: '2030-10-01', kind: 'holiday' }],
      yearsWithData: [2030],
    };
    const c = new WorkCalendar(data);
    data.overrides[0]!.kind = 'workday';
    data.overrides.push({ date: '2030-10-02', kind: 'holiday' });
    data.yearsWithData.push(2031);
    expect(c.isWorkingDay('2030-10-01')).toBe(false);
    expect(c.isWorkingDay('2030-10-02')).toBe(true);
    expect(c.hasData(2031)).toBe(false);
    expect(Object.isFrozen(c)).toBe(true);
    expect(c.toData()).toEqual({
      overrides: [{ date: '2030-10-01', kind: 'holiday' }],
      yearsWithData: [2030],
    });
    // Only the override's own fields are kept (a database row may carry more).
    const row = { date: '2030-10-01', kind: 'holiday' as const, name: '县庆', region_id: 'songyang' };
    expect(new WorkCalendar({ overrides: [row], yearsWithData: [] }).toData().overrides).toEqual([
      { date: '2030-10-01', kind: 'holiday', name: '县庆' },
    ]);
  });

  it('without data is the Monday–Friday calendar, every day estimated', () => {
    const plain = WorkCalendar.weekdaysOnly();
    expect(plain.addWorkingDays('2022-01-31', 3)).toBe('2022-02-03');
    expect(plain.dayInfo('2022-02-01')).toEqual({ working: true, kind: 'weekday', estimated: true });
  });

  it.each<[string, string, boolean]>([
    ['2026-12-28', '2026-12-31', false],
    ['2026-12-30', '2027-01-01', true],
    ['2026-12-31', '2026-12-31', false], // empty range
    ['2003-12-30', '2004-01-05', true],
    ['2004-01-01', '2026-12-31', false],
  ])('isEstimatedBetween(%s, %s) = %s', (from, to, estimated) => {
    expect(cal.isEstimatedBetween(from, to)).toBe(estimated);
  });

  it('a year without data but with a region override: that day is known, the others estimated', () => {
    const c = new WorkCalendar(
      mergeCalendars(builtin, { overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] }),
    );
    expect(c.dayInfo('2027-01-01')).toEqual({
      working: false,
      kind: 'holiday',
      name: '元旦',
      estimated: false,
    });
    expect(c.dayInfo('2027-01-04').estimated).toBe(true);
    expect(c.isEstimatedBetween('2026-12-31', '2027-01-01')).toBe(false);
    expect(c.isEstimatedBetween('2026-12-31', '2027-01-04')).toBe(true);
  });
});

describe('mergeCalendars', () => {
  it('region overrides win over the builtin data for the same date', () => {
    const merged = mergeCalendars(builtin, {
      overrides: [
        { date: '2022-10-08', kind: 'holiday', name: '县庆' }, // builtin: make-up workday
        { date: '2022-10-07', kind: 'workday' }, // builtin: holiday (a Friday)
        { date: '2022-11-11', kind: 'holiday', name: '县庆' },
      ],
    });
    const c = new WorkCalendar(merged);
    expect(c.dayInfo('2022-10-08')).toEqual({
      working: false,
      kind: 'holiday',
      name: '县庆',
      estimated: false,
    });
    expect(c.isWorkingDay('2022-10-07')).toBe(true);
    expect(c.isWorkingDay('2022-11-11')).toBe(false);
    expect(merged.overrides.filter((o) => o.date === '2022-10-08')).toHaveLength(1);
    expect(merged.overrides.length).toBe(builtin.overrides.length + 1);
    expect(cal.isWorkingDay('2022-10-08')).toBe(true); // the base is untouched
  });

  it('a region may declare a whole year as having data', () => {
    const c = new WorkCalendar(
      mergeCalendars(builtin, {
        overrides: [
          { date: '2027-01-01', kind: 'holiday', name: '元旦' },
          { date: '2027-02-05', kind: 'holiday', name: '春节' },
        ],
        yearsWithData: [2027],
      }),
    );
    expect(c.hasData(2027)).toBe(true);
    expect(c.dayInfo('2027-03-01')).toEqual({ working: true, kind: 'weekday', estimated: false });
    expect(c.toData().yearsWithData.at(-1)).toBe(2027);
  });

  it('leaves duplicates within the region list for the calendar to refuse', () => {
    const merged = mergeCalendars(builtin, {
      overrides: [
        { date: '2027-01-01', kind: 'holiday' },
        { date: '2027-01-01', kind: 'workday' },
      ],
    });
    expect(() => new WorkCalendar(merged)).toThrow(expect.objectContaining({ code: 'duplicate_date' }));
  });
});

describe('properties', () => {
  const dates = fc
    .integer({ min: dayNumberOf(2003, 6, 1), max: dayNumberOf(2028, 6, 30) })
    .map(fromDayNumber);
  const calendars = fc.constantFrom(cal, WorkCalendar.weekdaysOnly());

  it('addWorkingDays lands on a working day, after the date for n ≥ 1', () => {
    fc.assert(
      fc.property(calendars, dates, fc.integer({ min: 0, max: 60 }), (c, d, n) => {
        const r = c.addWorkingDays(d, n);
        expect(c.isWorkingDay(r)).toBe(true);
        if (n >= 1) expect(r > d).toBe(true);
        else expect(r >= d).toBe(true);
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) = n for n ≥ 1', () => {
    fc.assert(
      fc.property(calendars, dates, fc.integer({ min: 1, max: 400 }), (c, d, n) => {
        expect(c.workingDaysBetween(d, c.addWorkingDays(d, n))).toBe(n);
      }),
    );
  });

  it('workingDaysBetween counts day by day, is antisymmetric and additive', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 }), (a, k, j) => {
        const b = addDays(a, k);
        const c = addDays(b, j);
        const count = range(addDays(a, 1), b).filter((d) => cal.isWorkingDay(d)).length;
        expect(cal.workingDaysBetween(a, b)).toBe(count);
        expect(cal.workingDaysBetween(b, a)).toBe(0 - count);
        expect(cal.workingDaysBetween(a, c)).toBe(
          cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c),
        );
      }),
    );
  });

  it('addWorkingDays(d, 0) is d exactly when d is a working day', () => {
    fc.assert(
      fc.property(dates, (d) => {
        expect(cal.addWorkingDays(d, 0) === d).toBe(cal.isWorkingDay(d));
      }),
    );
  });
});
