import { describe, expect, it } from 'vitest';
import type { CategoryRanking, MonthResult, UnitScore } from '../../api/running-index';
import {
  boardMarks,
  chartBars,
  compareMonths,
  formatPoints,
  isMonthKey,
  isMonthOver,
  itemsOf,
  previousMonthKey,
  rankedInCategory,
  rankingRows,
} from './model';

function score(
  unitId: string,
  categoryId: string,
  total: number | null,
  rank: number | null,
  extra: Partial<UnitScore> = {},
): UnitScore {
  return {
    unitId,
    name: `unit ${unitId}`,
    categoryId,
    measured: total !== null,
    base: total,
    deductionPoints: 0,
    bonusPoints: 0,
    total,
    rank,
    previousRank: null,
    rankChange: null,
    components: {},
    deductions: [],
    bonuses: [],
    ...extra,
  };
}

function result(month: string, scores: UnitScore[]): MonthResult {
  return { month, modelVersion: 1, boardSize: 1, scores, categories: [] };
}

describe('month keys', () => {
  it.each([
    ['2022-03', '2022-02'],
    ['2022-01', '2021-12'],
    ['2022-12', '2022-11'],
  ])('%s comes after %s', (m, prev) => expect(previousMonthKey(m)).toBe(prev));

  it('refuses what is not a month', () => {
    expect(isMonthKey('2022-13')).toBe(false);
    expect(isMonthKey('2022-4')).toBe(false);
    expect(isMonthKey(null)).toBe(false);
    expect(isMonthKey('2022-04')).toBe(true);
    expect(() => previousMonthKey('2022-00')).toThrow();
  });

  it('knows when a month is over (publishable) by the region’s today', () => {
    expect(isMonthOver('2022-03', '2022-04-20')).toBe(true);
    expect(isMonthOver('2022-04', '2022-04-30')).toBe(false);
    expect(isMonthOver('2022-04', '2022-05-01')).toBe(true);
    expect(isMonthOver('2021-12', '2022-01-01')).toBe(true);
    expect(isMonthOver('2022-05', '2022-04-20')).toBe(false);
  });
});

describe('boards and rankings', () => {
  const category: CategoryRanking = {
    categoryId: 'towns',
    name: { 'zh-CN': '乡镇', 'en-US': 'Towns' },
    ranking: [
      { unitId: 'a', name: 'A', total: 90, rank: 1 },
      { unitId: 'b', name: 'B', total: 80, rank: 2 },
      { unitId: 'c', name: 'C', total: 70, rank: 3 },
      { unitId: 'd', name: 'D', total: null, rank: null },
    ],
    top: [{ unitId: 'a', name: 'A', total: 90, rank: 1 }],
    bottom: [
      { unitId: 'c', name: 'C', total: 70, rank: 3 },
      { unitId: 'a', name: 'A', total: 90, rank: 1 },
    ],
  };

  it('marks the red board before the black one, never both', () => {
    const marks = boardMarks(category);
    expect(marks.get('a')).toBe('red');
    expect(marks.get('c')).toBe('black');
    expect(marks.has('b')).toBe(false);
  });

  it('gives rows with the change of rank and the board, and bars of ranked units only', () => {
    const r = result('2022-04', [
      score('a', 'towns', 90, 1, { rankChange: 2 }),
      score('b', 'towns', 80, 2, { rankChange: -1 }),
      score('c', 'towns', 70, 3),
      score('d', 'towns', null, null),
    ]);
    const rows = rankingRows(r, category);
    expect(rows.map((x) => [x.unitId, x.rankChange, x.board])).toEqual([
      ['a', 2, 'red'],
      ['b', -1, null],
      ['c', null, 'black'],
      ['d', null, null],
    ]);
    expect(chartBars(rows)).toEqual({
      unitIds: ['a', 'b', 'c'],
      names: ['A', 'B', 'C'],
      totals: [90, 80, 70],
      marks: ['red', null, 'black'],
    });
    expect(rankedInCategory(r, 'towns')).toBe(3);
    expect(rankedInCategory(r, 'departments')).toBe(0);
  });
});

describe('compareMonths', () => {
  it('gives score and rank deltas, ranks only within the same category', () => {
    const before = result('2022-03', [
      score('a', 'towns', 80, 2),
      score('b', 'towns', 90.25, 1),
      score('c', 'departments', 60, 1),
      score('gone', 'towns', 50, 3),
    ]);
    const after = result('2022-04', [
      score('a', 'towns', 95.1, 1),
      score('b', 'towns', 85, 2),
      score('c', 'towns', 70, 3),
      score('new', 'departments', 40, 1),
    ]);
    const rows = compareMonths(after, before);
    expect(rows.map((r) => r.unitId)).toEqual(['a', 'b', 'c', 'new', 'gone']);
    expect(rows[0]).toMatchObject({ totalBefore: 80, totalAfter: 95.1, delta: 15.1, rankChange: 1 });
    expect(rows[1]).toMatchObject({ delta: -5.3, rankBefore: 1, rankAfter: 2, rankChange: -1 });
    // moved category: the scores compare, the ranks do not
    expect(rows[2]).toMatchObject({ delta: 10, rankBefore: 1, rankAfter: 3, rankChange: null });
    expect(rows[3]).toMatchObject({ totalBefore: null, delta: null, rankChange: null });
    expect(rows[4]).toMatchObject({ totalAfter: null, rankAfter: null, delta: null });
  });

  it('without a previous month every delta is empty', () => {
    const rows = compareMonths(result('2022-01', [score('a', 'towns', 80, 1)]), null);
    expect(rows).toEqual([expect.objectContaining({ unitId: 'a', delta: null, rankChange: null })]);
  });

  it('does not compare a unit that was not scored', () => {
    const rows = compareMonths(
      result('2022-04', [score('a', 'towns', 70, 1)]),
      result('2022-03', [score('a', 'towns', null, null)]),
    );
    expect(rows[0]).toMatchObject({ delta: null, rankChange: null, rankAfter: 1 });
  });
});

describe('itemsOf and formatPoints', () => {
  it('collects the items named in the components, once each', () => {
    const item = (itemId: string, n: string) => ({
      itemId,
      number: n,
      title: `title ${n}`,
      value: 50,
      counted: 50,
      points: 10,
      inputs: {},
    });
    const comp = (id: string, items: ReturnType<typeof item>[]) => ({
      id,
      method: 'progress' as const,
      weight: 40,
      max: 40,
      points: 20,
      score: 50,
      handling: 'measured' as const,
      inputs: {},
      items,
    });
    const s = score('a', 'towns', 50, 1, {
      components: {
        progress: comp('progress', [item('i1', 'DB-1'), item('i2', 'DB-2')]),
        timeliness: comp('timeliness', [item('i1', 'DB-1')]),
      },
    });
    const items = itemsOf(s);
    expect([...items.keys()]).toEqual(['i1', 'i2']);
    expect(items.get('i2')).toEqual({ number: 'DB-2', title: 'title DB-2' });
  });

  it.each([
    [55.94, false, '55.9'],
    [2, true, '+2'],
    [-1.5, true, '-1.5'],
    [0, true, '0'],
    [null, false, '—'],
  ])('%s (signed %s) → %s', (v, signed, text) => expect(formatPoints(v, signed)).toBe(text));
});
