import { describe, expect, it } from 'vitest';
import { formPathOf, type NamePath } from './formPath';

const values = {
  title: 'x',
  annualPlanWan: '1',
  milestones: [
    { title: 'a', weight: 50 },
    { title: 'b', weight: 50 },
  ],
  monthlyPlan: [{ month: '2022-01', wan: '1' }],
};

function exists(path: NamePath): boolean {
  let v: unknown = values;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !(seg in (v as object))) return false;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return true;
}

describe('formPathOf: server error fields → form items', () => {
  it.each([
    ['title', ['title']],
    ['milestones.1.weight', ['milestones', 1, 'weight']],
    ['milestones.1.id', ['milestones', 1]],
    ['milestones', ['milestones']],
    ['body.title', ['title']],
    ['annualPlanFen', ['annualPlanWan']],
    ['monthlyPlan.0.fen', ['monthlyPlan', 0, 'wan']],
    ['milestones.7.weight', ['milestones']],
  ])('%s → %j', (field, path) => {
    expect(
      formPathOf(field, exists, { annualPlanFen: 'annualPlanWan', fen: 'wan', totalInvestmentFen: 'x' }),
    ).toEqual(path);
  });

  it('is undefined for fields the form does not have', () => {
    expect(formPathOf('rowVersion', exists)).toBeUndefined();
    expect(formPathOf(undefined, exists)).toBeUndefined();
  });
});
