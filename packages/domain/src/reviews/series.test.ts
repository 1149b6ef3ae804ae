import { describe, expect, it } from 'vitest';
import { lastDayOf, plannedActual, seriesMonths, SERIES_MAX_MONTHS, type SeriesInput } from './series.ts';

const base: SeriesInput = {
  kind: 'work',
  startDate: '2022-01-01',
  dueDate: '2022-04-30',
  completedOn: null,
  asOf: '2022-03-15',
  milestones: [],
  reports: [],
  investmentPlan: [],
  indicatorTargets: [],
};
const report = (periodKey: string, r: Partial<SeriesInput['reports'][number]> = {}) => ({
  periodKey,
  progress: null,
  completedInvestmentFen: null,
  indicatorValue: null,
  ...r,
});

describe('seriesMonths and lastDayOf', () => {
  it('runs from the start month to the due month, or to a later completion', () => {
    expect(seriesMonths(base)).toEqual(['2022-01', '2022-02', '2022-03', '2022-04']);
    expect(seriesMonths({ ...base, completedOn: '2022-06-02' })).toEqual([
      '2022-01',
      '2022-02',
      '2022-03',
      '2022-04',
      '2022-05',
      '2022-06',
    ]);
    expect(seriesMonths({ ...base, startDate: '2021-11-20', dueDate: '2022-01-10' })).toEqual([
      '2021-11',
      '2021-12',
      '2022-01',
    ]);
  });

  it('is bounded', () => {
    expect(seriesMonths({ ...base, dueDate: '2099-12-31' })).toHaveLength(SERIES_MAX_MONTHS);
  });

  it('knows month ends, leap years included', () => {
    expect(lastDayOf('2022-02')).toBe('2022-02-28');
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2022-12')).toBe('2022-12-31');
  });
});

describe('plannedActual', () => {
  it('plans by milestones and measures the milestones done; no actual for a month not begun', () => {
    const s = plannedActual({
      ...base,
      milestones: [
        { id: 'a', plannedDate: '2022-01-25', weight: 40, doneDate: '2022-01-20' },
        { id: 'b', plannedDate: '2022-02-25', weight: 30, doneDate: '2022-03-10' },
        { id: 'c', plannedDate: '2022-04-25', weight: 30, doneDate: null },
      ],
    });
    expect(s.progress).toEqual([
      { month: '2022-01', planned: 40, actual: 40 },
      { month: '2022-02', planned: 70, actual: 40 },
      // March is under way: measured as of the 15th.
      { month: '2022-03', planned: 70, actual: 70 },
      { month: '2022-04', planned: 100, actual: null },
    ]);
    expect(s.investment).toBeNull();
    expect(s.indicator).toBeNull();
  });

  it('plans linearly without milestones and takes the latest accepted report of a period ended by then', () => {
    const s = plannedActual({
      ...base,
      asOf: '2022-05-10',
      reports: [
        report('2022-01', { progress: 20 }),
        report('2022-03', { progress: 55 }),
        report('2022-04', { progress: 90 }),
      ],
    });
    expect(s.progress!.map((p) => [p.month, p.actual])).toEqual([
      ['2022-01', 20],
      ['2022-02', 20],
      ['2022-03', 55],
      ['2022-04', 90],
    ]);
    // Linear from 1 January to 30 April: 30/119 of the way at the end of January.
    expect(s.progress![0]!.planned).toBeCloseTo(25.2, 1);
    expect(s.progress![3]!.planned).toBe(100);
  });

  it('counts a completed item as done from its completion on', () => {
    const s = plannedActual({
      ...base,
      asOf: '2022-04-20',
      completedOn: '2022-03-30',
      reports: [report('2022-02', { progress: 60 })],
    });
    expect(s.progress!.map((p) => p.actual)).toEqual([0, 60, 100, 100]);
  });

  it('charts a project’s cumulative investment plan within its year against the completed investment', () => {
    const s = plannedActual({
      ...base,
      kind: 'project',
      startDate: '2021-03-01',
      dueDate: '2022-03-31',
      asOf: '2022-02-15',
      investmentPlan: [
        { month: '2022-02', fen: 3_500 },
        { month: '2022-01', fen: 4_000 },
        { month: '2022-03', fen: 2_500 },
      ],
      reports: [
        report('2022-01', { completedInvestmentFen: 3_900 }),
        report('2022-02', { completedInvestmentFen: 7_600 }),
      ],
    });
    expect(s.investment).toEqual([
      { month: '2022-01', plannedFen: 4_000, completedFen: 3_900 },
      // February is the current month: its report (accepted early) counts.
      { month: '2022-02', plannedFen: 7_500, completedFen: 7_600 },
      { month: '2022-03', plannedFen: 10_000, completedFen: null },
    ]);
    expect(s.progress).toHaveLength(13);
  });

  it('charts an indicator’s cumulative targets against the values reported for the same period end', () => {
    const s = plannedActual({
      ...base,
      kind: 'indicator',
      indicatorTargets: [
        { periodKey: '2022-Q1', target: 30 },
        { periodKey: '2022-01', target: 8 },
        { periodKey: '2022-02', target: 18 },
      ],
      reports: [report('2022-01', { indicatorValue: 9 }), report('2022-03', { indicatorValue: 27 })],
    });
    expect(s.progress).toBeNull();
    expect(s.indicator).toEqual([
      { periodKey: '2022-01', target: 8, actual: 9 },
      { periodKey: '2022-02', target: 18, actual: null },
      { periodKey: '2022-Q1', target: 30, actual: 27 },
    ]);
  });
});
