import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { computeMonth } from './compute.ts';
import { diffResults } from './diff.ts';
import { defaultIndexModel } from './model.ts';
import type { IndexItemFacts, IndexUnit, IndexWarningFact, MonthInput } from './types.ts';

const units: IndexUnit[] = [
  { id: 'a', name: '大东坝镇', categoryId: 'towns' },
  { id: 'b', name: '新兴镇', categoryId: 'towns' },
  { id: 'c', name: '古市镇', categoryId: 'towns' },
];
const work = (id: string, unitId: string, planned: number, actual: number): IndexItemFacts => ({
  id,
  number: `DB-2022-${id}`,
  title: '松材线虫病疫木清理（虚构）',
  leadUnitId: unitId,
  kind: 'work',
  progress: { planned, actual },
  indicator: null,
  reports: [],
  milestones: [],
});
const card: IndexWarningFact = {
  id: 'card-1',
  unitId: 'a',
  kind: 'card',
  colour: 'yellow',
  itemId: null,
  issuedOn: '2022-06-08',
};
const published: MonthInput = {
  model: defaultIndexModel(),
  month: '2022-06',
  units,
  items: [work('1', 'a', 50, 40), work('2', 'b', 50, 45), work('3', 'c', 50, 30)],
  warnings: [card],
};

describe('diffResults', () => {
  it('finds nothing between a month and its recomputation on the same facts', () => {
    const d = diffResults(computeMonth(published), computeMonth(published));
    expect(d).toEqual({
      month: '2022-06',
      modelVersionBefore: 1,
      modelVersionAfter: 1,
      units: [],
      unchanged: 3,
      changed: false,
    });
  });

  it('shows per unit the totals, ranks, components, items and deductions that moved', () => {
    // A corrected report for item 1, the card revoked on appeal, a new item for c.
    const after = computeMonth({
      ...published,
      items: [work('1', 'a', 50, 50), work('2', 'b', 50, 45), work('3', 'c', 50, 30), work('4', 'c', 20, 20)],
      warnings: [],
    });
    const d = diffResults(computeMonth(published), after);
    expect(d.changed).toBe(true);
    expect(d.unchanged).toBe(0);
    expect(
      d.units.map((u) => [
        u.unitId,
        u.change,
        u.totalBefore,
        u.totalAfter,
        u.delta,
        u.rankBefore,
        u.rankAfter,
      ]),
    ).toEqual([
      ['a', 'changed', 77, 100, 23, 2, 1],
      ['b', 'changed', 90, 90, 0, 1, 2],
      ['c', 'changed', 60, 80, 20, 3, 3],
    ]);
    const a = d.units[0]!;
    expect(a.components).toEqual([
      {
        id: 'progress',
        before: { points: 80, max: 100, score: 80, handling: 'measured' },
        after: { points: 100, max: 100, score: 100, handling: 'measured' },
        items: [
          {
            itemId: '1',
            number: 'DB-2022-1',
            before: { value: 80, points: 80 },
            after: { value: 100, points: 100 },
          },
        ],
      },
    ]);
    expect(a.entries).toEqual([{ source: 'warning', id: 'card-1', before: 3, after: null }]);
    // b moved only in rank.
    expect(d.units[1]!.components).toEqual([]);
    const c = d.units[2]!;
    expect(c.components[0]!.items).toEqual([
      {
        itemId: '3',
        number: 'DB-2022-3',
        before: { value: 60, points: 60 },
        after: { value: 60, points: 30 },
      },
      { itemId: '4', number: 'DB-2022-4', before: null, after: { value: 100, points: 50 } },
    ]);
  });

  it('lists units added and removed', () => {
    const after = computeMonth({
      ...published,
      units: [units[0]!, units[1]!, { id: 'd', name: '玉岩镇', categoryId: 'towns' }],
      items: [work('1', 'a', 50, 40), work('2', 'b', 50, 45), work('5', 'd', 50, 50)],
    });
    const d = diffResults(computeMonth(published), after);
    expect(
      d.units.map((u) => [u.unitId, u.change, u.totalBefore, u.totalAfter, u.rankBefore, u.rankAfter]),
    ).toEqual([
      ['d', 'added', null, 100, null, 1],
      ['b', 'changed', 90, 90, 1, 2],
      ['a', 'changed', 77, 77, 2, 3],
      ['c', 'removed', 60, null, 3, null],
    ]);
  });

  it('refuses revisions of different months', () => {
    const other = computeMonth({ ...published, month: '2022-07' });
    expect(() => diffResults(computeMonth(published), other)).toThrow(DomainError);
  });
});
