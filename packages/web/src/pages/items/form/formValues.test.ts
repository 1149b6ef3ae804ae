import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { createBody, defaultValues, planSumFen, spreadEvenly, weightSum } from './formValues';

describe('item form values', () => {
  it('sums milestone weights without floating noise', () => {
    expect(weightSum([{ weight: 33.33 }, { weight: 33.33 }, { weight: 33.34 }])).toBe(100);
    expect(weightSum([{ weight: 0.1 }, { weight: 0.2 }])).toBe(0.3);
    expect(weightSum([{ weight: null }, { weight: 40 }])).toBe(40);
    expect(weightSum(undefined)).toBe(0);
  });

  it('spreads an annual plan over the months exactly', () => {
    const rows = spreadEvenly(1_000_000_007, 2022);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ month: '2022-01', wan: '83.333333' });
    expect(planSumFen(rows)).toBe(1_000_000_007n);
  });

  it('refuses to sum a plan holding an invalid amount', () => {
    expect(planSumFen([{ month: '2022-01', wan: 'abc' }])).toBeNull();
    expect(planSumFen([{ month: '2022-01', wan: '' }])).toBe(0n);
  });

  it('builds a project body in fen, only months with an amount', () => {
    const v = {
      ...defaultValues(dayjs('2022-01-10')),
      kind: 'project' as const,
      title: ' 松阳县城北污水管网改造 ',
      leadUnitId: 'u1',
      coUnitIds: ['u1', 'u2'],
      plannedStart: dayjs('2022-02-01'),
      plannedCompletion: dayjs('2022-11-30'),
      totalInvestmentWan: '1,200.5',
      annualPlanWan: '0.3',
      monthlyPlan: [
        { month: '2022-01', wan: '0.1' },
        { month: '2022-02', wan: '0.2' },
        { month: '2022-03', wan: '' },
      ],
    };
    const body = createBody(v);
    expect(body).toMatchObject({
      kind: 'project',
      title: '松阳县城北污水管网改造',
      coUnitIds: ['u2'],
      startDate: '2022-01-10',
      dueDate: '2022-12-31',
      plannedStart: '2022-02-01',
      totalInvestmentFen: 1_200_500_000,
      annualPlanFen: 300_000,
      monthlyPlan: [
        { month: '2022-01', fen: 100_000 },
        { month: '2022-02', fen: 200_000 },
      ],
    });
  });

  it('keeps only the fields of the kind', () => {
    const body = createBody({ ...defaultValues(dayjs('2022-01-10')), title: 'x', leadUnitId: 'u1' });
    expect(body.kind).toBe('work');
    expect('measure' in body || 'totalInvestmentFen' in body).toBe(false);
  });
});
