import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { computeMonth } from './compute.ts';
import { defaultIndexModel } from './model.ts';
import { rollUp } from './rollup.ts';
import type { IndexItemFacts, IndexUnit, MonthResult } from './types.ts';

const units: IndexUnit[] = [
  { id: 'a', name: '古市镇', categoryId: 'towns' },
  { id: 'b', name: '象溪镇', categoryId: 'towns' },
  { id: 'c', name: '县林业局', categoryId: 'departments' },
];
const work = (unitId: string, actual: number | null): IndexItemFacts => ({
  id: `i-${unitId}`,
  number: `DB-2022-${unitId}`,
  title: '虚构事项',
  leadUnitId: unitId,
  kind: 'work',
  progress: actual === null ? null : { planned: 100, actual },
  indicator: null,
  reports: [],
  milestones: [],
});
const model = defaultIndexModel();
const month = (m: string, a: number | null, b: number | null, c: number | null): MonthResult =>
  computeMonth({ model, month: m, units, items: [work('a', a), work('b', b), work('c', c)] });

describe('rollUp', () => {
  const q1 = [month('2022-01', 90, 80, 70), month('2022-02', 70, 80, null), month('2022-03', 80, 86, 50)];

  it('averages the published monthly totals over the months scored, and ranks', () => {
    const r = rollUp(q1, 'quarter');
    expect([r.key, r.months]).toEqual(['2022-Q1', ['2022-01', '2022-02', '2022-03']]);
    expect(r.scores.map((s) => [s.unitId, s.total, s.monthsScored, s.rank])).toEqual([
      ['b', 82, 3, 1],
      ['a', 80, 3, 2],
      ['c', 60, 2, 1],
    ]);
    expect(r.scores.find((s) => s.unitId === 'c')!.monthly).toEqual([
      { month: '2022-01', total: 70 },
      { month: '2022-02', total: null },
      { month: '2022-03', total: 50 },
    ]);
    expect(r.categories.map((c) => [c.categoryId, c.top.map((e) => e.unitId)])).toEqual([
      ['towns', ['b', 'a']],
      ['departments', ['c']],
    ]);
  });

  it('takes months in any order, a period under way, ties and the change since the previous period', () => {
    const year = rollUp([q1[2]!, q1[0]!], 'year');
    expect(year.key).toBe('2022');
    expect(year.months).toEqual(['2022-01', '2022-03']);
    expect(
      year.scores.filter((s) => s.categoryId === 'towns').map((s) => [s.unitId, s.total, s.rank]),
    ).toEqual([
      ['a', 85, 1],
      ['b', 83, 2],
    ]);
    const q2 = rollUp([month('2022-04', 80, 80, 10)], 'quarter', { previous: rollUp(q1, 'quarter') });
    expect(q2.scores.map((s) => [s.unitId, s.rank, s.previousRank, s.rankChange])).toEqual([
      ['a', 1, 2, 1],
      ['b', 1, 1, 0],
      ['c', 1, 1, 0],
    ]);
  });

  it('refuses no months, a month twice, and months of two periods, naming the month', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        return [(e as DomainError).code, (e as DomainError).field];
      }
      return null;
    };
    expect(code(() => rollUp([], 'year'))).toEqual(['required', 'months']);
    expect(code(() => rollUp([q1[0]!, q1[0]!], 'quarter'))).toEqual(['duplicate_month', 'months.1']);
    expect(code(() => rollUp([q1[0]!, month('2022-04', 1, 1, 1)], 'quarter'))).toEqual([
      'mixed_periods',
      'months.1',
    ]);
    expect(code(() => rollUp(q1, 'month' as never))).toEqual(['invalid_value', 'period']);
  });
});
