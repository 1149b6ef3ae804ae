import { describe, expect, it } from 'vitest';
import { categoryRanking, competitionRanks, type Rankable } from './ranking.ts';

const units = (...totals: (number | null)[]): Rankable[] =>
  totals.map((total, i) => ({ unitId: `u${i}`, name: `U${i}`, total }));
const name = { 'zh-CN': '乡镇', 'en-US': 'Towns' };
const ids = (entries: { unitId: string }[]) => entries.map((e) => e.unitId);

describe('competitionRanks', () => {
  it('gives equal totals one rank and skips the next (1, 2, 2, 4)', () => {
    const ranks = competitionRanks(units(100, 90, 90, 80));
    expect([...ranks.entries()]).toEqual([
      ['u0', 1],
      ['u1', 2],
      ['u2', 2],
      ['u3', 4],
    ]);
    expect([...competitionRanks(units(70, 90, 90, 90, 95)).entries()].sort()).toEqual([
      ['u0', 5],
      ['u1', 2],
      ['u2', 2],
      ['u3', 2],
      ['u4', 1],
    ]);
  });

  it('ranks nothing without a total and handles negative totals', () => {
    const ranks = competitionRanks(units(null, -3, 0, null));
    expect([...ranks.entries()]).toEqual([
      ['u2', 1],
      ['u1', 2],
    ]);
  });
});

describe('categoryRanking', () => {
  it('puts the best three on the red board and the worst three on the black board, worst first', () => {
    const r = categoryRanking('towns', name, units(50, 90, 70, 60, 80, 40, 30), 3);
    expect(r.ranking.map((e) => [e.unitId, e.rank])).toEqual([
      ['u1', 1],
      ['u4', 2],
      ['u2', 3],
      ['u3', 4],
      ['u0', 5],
      ['u5', 6],
      ['u6', 7],
    ]);
    expect(ids(r.top)).toEqual(['u1', 'u4', 'u2']);
    expect(ids(r.bottom)).toEqual(['u6', 'u5', 'u0']);
  });

  it('takes a whole tie at the edge of a board', () => {
    const r = categoryRanking('towns', name, units(90, 80, 70, 70, 60, 50, 50, 40), 3);
    expect(ids(r.top)).toEqual(['u0', 'u1', 'u2', 'u3']);
    // 40 (none below), 50 and 50 (one below each); 60 has three below.
    expect(ids(r.bottom)).toEqual(['u7', 'u5', 'u6']);
  });

  it('puts no unit on both boards, and nobody on the black board when all tie', () => {
    const small = categoryRanking('towns', name, units(90, 80, 70, 60), 3);
    expect(ids(small.top)).toEqual(['u0', 'u1', 'u2']);
    expect(ids(small.bottom)).toEqual(['u3']);
    const tied = categoryRanking('towns', name, units(75, 75, 75, 75, 75), 3);
    expect(tied.ranking.every((e) => e.rank === 1)).toBe(true);
    expect(ids(tied.top)).toHaveLength(5);
    expect(tied.bottom).toEqual([]);
  });

  it('lists units without a total last, unranked and on no board', () => {
    const r = categoryRanking('towns', name, units(null, 60, null, 80), 3);
    expect(r.ranking.map((e) => [e.unitId, e.rank])).toEqual([
      ['u3', 1],
      ['u1', 2],
      ['u0', null],
      ['u2', null],
    ]);
    expect(ids(r.top)).toEqual(['u3', 'u1']);
    expect(r.bottom).toEqual([]);
  });
});
