import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  civilOf,
  dayNumberOf,
  diffDays,
  fromDayNumber,
  isCalendarDate,
  isMonthKey,
  isoWeekday,
  shanghaiDateOf,
  toDayNumber,
} from './dates.ts';
import { DomainError } from './errors.ts';

/** Day numbers of 1900-01-01 … 2199-12-31. */
const dayNumbers = fc.integer({ min: dayNumberOf(1900, 1, 1), max: dayNumberOf(2199, 12, 31) });

describe('day numbers', () => {
  it.each<[string, number]>([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2022-01-31', 19023],
    ['0001-01-01', -719162],
    ['9999-12-31', 2932896],
  ])('%s is day %i', (date, n) => {
    expect(toDayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it('agrees with Date.UTC on every day of 1900–2199', () => {
    fc.assert(
      fc.property(dayNumbers, (n) => {
        expect(fromDayNumber(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        const { year, month, day } = civilOf(n);
        expect(dayNumberOf(year, month, day)).toBe(n);
      }),
    );
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2022-02-28', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2022-02-29', false],
    ['1900-02-29', false],
    ['2022-04-31', false],
    ['2022-12-31', true],
    ['2022-13-01', false],
    ['2022-00-10', false],
    ['2022-01-00', false],
    ['2022-1-01', false],
    ['2022-01-01T00:00:00Z', false],
    [' 2022-01-01', false],
    ['0000-01-01', false],
    ['', false],
    [20220101, false],
    [null, false],
  ])('%s → %s', (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
  });

  it('invalid dates throw a validation error naming the field', () => {
    expect(() => toDayNumber('2022-02-30', 'due')).toThrow(DomainError);
    try {
      toDayNumber('2022-02-30', 'due');
    } catch (e) {
      expect(e).toMatchObject({ kind: 'validation', code: 'invalid_date', field: 'due' });
    }
  });
});

describe('arithmetic', () => {
  it.each<[string, number, string]>([
    ['2022-01-31', 1, '2022-02-01'],
    ['2022-12-31', 1, '2023-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2022-03-01', -1, '2022-02-28'],
    ['2022-01-01', 0, '2022-01-01'],
    ['2022-01-01', 365, '2023-01-01'],
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(diffDays(date, expected)).toBe(n);
  });

  it.each<[string, number]>([
    ['2022-02-14', 1], // Monday
    ['2022-02-19', 6],
    ['2022-02-20', 7],
    ['1970-01-01', 4],
    ['2022-10-08', 6],
  ])('%s has ISO weekday %i', (date, wd) => {
    expect(isoWeekday(date)).toBe(wd);
  });

  it.each<[string, number, string]>([
    ['2022-03-15', 3, '2022-06-15'],
    ['2022-11-30', 3, '2023-02-28'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2022-01-31', 1, '2022-02-28'],
    ['2022-10-31', 3, '2023-01-31'],
    ['2022-03-31', -1, '2022-02-28'],
    ['2022-01-15', -1, '2021-12-15'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('diffDays(a, addDays(a, n)) = n', () => {
    fc.assert(
      fc.property(dayNumbers, fc.integer({ min: -1000, max: 1000 }), (d, n) => {
        const a = fromDayNumber(d);
        expect(diffDays(a, addDays(a, n))).toBe(n);
      }),
    );
  });
});

describe('isMonthKey', () => {
  it.each([
    ['2022-01', true],
    ['2022-12', true],
    ['2022-13', false],
    ['2022-00', false],
    ['2022-1', false],
    ['2022-01-01', false],
  ])('%s → %s', (v, ok) => expect(isMonthKey(v)).toBe(ok));
});

describe('shanghaiDateOf', () => {
  it.each<[string, string]>([
    ['2022-01-31T15:59:59.999Z', '2022-01-31'],
    ['2022-01-31T16:00:00Z', '2022-02-01'],
    ['2022-12-31T16:00:00.000Z', '2023-01-01'],
    ['2022-02-01T00:30:00+08:00', '2022-02-01'],
    ['2022-01-31T23:30:00-01:00', '2022-02-01'],
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(shanghaiDateOf(instant)).toBe(date);
    expect(shanghaiDateOf(new Date(instant))).toBe(date);
  });

  it.each(['2022-01-31T10:00:00', '2022-01-31', 'yesterday', ''])(
    'refuses %j (no offset, not an instant)',
    (s) => {
      expect(() => shanghaiDateOf(s)).toThrow(DomainError);
    },
  );
});
