import { describe, expect, it } from 'vitest';
import { cal } from './test-fixtures.ts';
import { backwardSchedule, workingDaysBefore } from './timetable.ts';

describe('workingDaysBefore', () => {
  // 2022: Qingming holiday 3–5 April, Saturday 2 April a make-up working day.
  it.each([
    ['2022-04-08', 0, '2022-04-08'],
    ['2022-04-08', 2, '2022-04-06'],
    ['2022-04-08', 3, '2022-04-02'], // across the holiday, onto the make-up Saturday
    ['2022-04-08', 4, '2022-04-01'],
    ['2022-04-05', 0, '2022-04-02'], // a deadline on a holiday counts from the last working day before it
    ['2022-04-10', 1, '2022-04-07'],
  ])('%s minus %i working days → %s', (deadline, n, expected) => {
    expect(workingDaysBefore(cal, deadline, n)).toBe(expected);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => workingDaysBefore(cal, '2022-04-08', -1)).toThrow();
    expect(() => workingDaysBefore(cal, '2022-04-08', 1.5)).toThrow();
  });
});

describe('backwardSchedule', () => {
  it('dates every step back from the deadline, earliest first', () => {
    expect(
      backwardSchedule(cal, '2022-05-06', [
        { title: '申请验收', workingDaysBefore: 0 },
        { title: '完成全部除治', workingDaysBefore: 5 },
        { title: '增派除治队', workingDaysBefore: 10 },
      ]),
    ).toEqual([
      // 30 April – 4 May is the Labour Day holiday, 24 April and 7 May make-up working days.
      { title: '增派除治队', workingDaysBefore: 10, dueDate: '2022-04-20' },
      { title: '完成全部除治', workingDaysBefore: 5, dueDate: '2022-04-26' },
      { title: '申请验收', workingDaysBefore: 0, dueDate: '2022-05-06' },
    ]);
  });
});
