import { describe, expect, it } from 'vitest';
import { indicatorSeries, investmentSeries, plannedAt, progressSeries, type ChartReport } from './planActual';

const q = (key: string, start: string, end: string) => ({ key, start, end });
const periods = [
  q('2022-01', '2022-01-01', '2022-01-31'),
  q('2022-02', '2022-02-01', '2022-02-28'),
  q('2022-03', '2022-03-01', '2022-03-31'),
  q('2022-04', '2022-04-01', '2022-04-30'),
];
const report = (periodKey: string, extra: Partial<ChartReport>): ChartReport => ({
  periodKey,
  status: 'accepted',
  current: true,
  progress: null,
  indicatorValue: null,
  completedInvestmentFen: null,
  ...extra,
});

describe('planned vs actual series', () => {
  it('plans linearly without milestones and by weights with them', () => {
    const linear = { start: '2022-01-01', due: '2022-01-11', milestones: [] };
    expect(plannedAt(linear, '2022-01-01')).toBe(0);
    expect(plannedAt(linear, '2022-01-06')).toBe(50);
    expect(plannedAt(linear, '2022-02-01')).toBe(100);
    const stepped = {
      start: '2022-01-01',
      due: '2022-12-31',
      milestones: [
        { plannedDate: '2022-02-15', weight: 30, doneDate: '2022-02-20' },
        { plannedDate: '2022-03-31', weight: 70, doneDate: null },
      ],
    };
    expect(plannedAt(stepped, '2022-02-14')).toBe(0);
    expect(plannedAt(stepped, '2022-02-15')).toBe(30);
    expect(plannedAt(stepped, '2022-03-31')).toBe(100);
  });

  it('takes actual progress from done milestones, nothing for periods not begun', () => {
    const s = progressSeries(
      {
        start: '2022-01-01',
        due: '2022-12-31',
        milestones: [
          { plannedDate: '2022-02-15', weight: 30, doneDate: '2022-02-20' },
          { plannedDate: '2022-03-31', weight: 70, doneDate: null },
        ],
      },
      periods,
      [],
      '2022-03-10',
    );
    expect(s.planned).toEqual([0, 30, 100, 100]);
    expect(s.actual).toEqual([0, 30, 30, null]);
  });

  it('takes actual progress from the latest accepted report without milestones', () => {
    const s = progressSeries(
      { start: '2022-01-01', due: '2022-12-31', milestones: [] },
      periods,
      [
        report('2022-01', { progress: 10 }),
        report('2022-02', { progress: 25, status: 'submitted' }),
        report('2022-03', { progress: 40 }),
      ],
      '2022-04-15',
    );
    expect(s.actual).toEqual([10, 10, 40, 40]);
  });

  it('pairs indicator values with cumulative targets, quarterly targets at quarter ends', () => {
    const s = indicatorSeries(
      periods,
      [{ periodKey: '2022-Q1', target: 25 }],
      [report('2022-03', { indicatorValue: 22.5 })],
    );
    expect(s.target).toEqual([null, null, 25, null]);
    expect(s.actual).toEqual([null, null, 22.5, null]);
  });

  it('accumulates the monthly investment plan within the year', () => {
    const s = investmentSeries(
      periods,
      [
        { month: '2022-01', fen: 100 },
        { month: '2022-03', fen: 50 },
        { month: '2021-12', fen: 999 },
      ],
      [report('2022-02', { completedInvestmentFen: 80 })],
    );
    expect(s.plannedFen).toEqual([100, 100, 150, 150]);
    expect(s.completedFen).toEqual([null, 80, null, null]);
  });
});
