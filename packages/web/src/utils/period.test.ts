import { describe, expect, it } from 'vitest';
import {
  estimatedYears,
  formatPct,
  monthKeysBetween,
  monthKeysOf,
  parsePeriodKey,
  periodLabel,
  quarterKeysOf,
  targetKeysOf,
} from './period';

describe('period labels', () => {
  it.each([
    ['2022-03', '2022年3月', 'Mar 2022'],
    ['2022-12', '2022年12月', 'Dec 2022'],
    ['2022-Q1', '2022年第一季度', 'Q1 2022'],
    ['2027-Q4', '2027年第四季度', 'Q4 2027'],
    ['2022-W07', '2022年第7周', 'Week 7, 2022'],
    ['2020-W53', '2020年第53周', 'Week 53, 2020'],
  ])('%s → %s | %s', (key, zh, en) => {
    expect(periodLabel(key, 'zh-CN')).toBe(zh);
    expect(periodLabel(key, 'en-US')).toBe(en);
  });

  it.each(['2022-13', '2022-00', '2022-Q5', '2022-W54', '2022-W00', 'x', ''])(
    '%j is shown as it is',
    (key) => {
      expect(parsePeriodKey(key)).toBeNull();
      expect(periodLabel(key, 'zh-CN')).toBe(key);
    },
  );
});

describe('period keys', () => {
  it('lists the months and quarters of a year', () => {
    expect(monthKeysOf(2022)).toHaveLength(12);
    expect(monthKeysOf(2022)[0]).toBe('2022-01');
    expect(monthKeysOf(2022)[11]).toBe('2022-12');
    expect(quarterKeysOf(2027)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(targetKeysOf(2022, 'quarterly')).toEqual(quarterKeysOf(2022));
    expect(targetKeysOf(2022, 'monthly')).toEqual(monthKeysOf(2022));
  });

  it('lists the months between two dates across a year end', () => {
    expect(monthKeysBetween('2022-11-15', '2023-02-01')).toEqual([
      '2022-11',
      '2022-12',
      '2023-01',
      '2023-02',
    ]);
    expect(monthKeysBetween('2022-03-01', '2022-03-31')).toEqual(['2022-03']);
    expect(monthKeysBetween('2023-01-01', '2022-12-31')).toEqual([]);
  });
});

describe('percentages', () => {
  it.each([
    [0, '0.0'],
    [45, '45.0'],
    [33.333, '33.3'],
    [66.66, '66.7'],
    [100, '100.0'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('formatPct(%s) = %s', (value, text) => {
    expect(formatPct(value)).toBe(text);
  });
});

describe('estimated deadlines', () => {
  it('names each year without holiday data once, in order', () => {
    expect(
      estimatedYears([
        { deadline: '2028-01-06', deadlineEstimated: true },
        { deadline: '2027-04-07', deadlineEstimated: true },
        { deadline: '2027-07-06', deadlineEstimated: true },
        { deadline: '2026-12-04', deadlineEstimated: false },
      ]),
    ).toEqual(['2027', '2028']);
    expect(estimatedYears([{ deadline: '2026-12-04', deadlineEstimated: false }])).toEqual([]);
  });
});
