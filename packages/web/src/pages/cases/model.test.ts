import { describe, expect, it } from 'vitest';
import type { CasePlan } from '../../api/cases';
import {
  approvedPlan,
  currentPlan,
  normaliseReceiptInput,
  publicStepIndex,
  PUBLIC_STEPS,
  subjectOf,
} from './model';

const plan = (version: number, status: CasePlan['status']): CasePlan => ({
  id: `p${version}`,
  version,
  status,
  summary: '',
  submittedByName: '',
  submittedAt: '',
  decidedByName: null,
  decidedAt: null,
  returnReason: null,
  measures: [],
});

describe('case page helpers', () => {
  it('puts a returned plan on the plan step and every other state on its own', () => {
    expect(publicStepIndex('plan_returned')).toBe(publicStepIndex('plan_submitted'));
    expect(publicStepIndex('received')).toBe(0);
    expect(publicStepIndex('closed')).toBe(PUBLIC_STEPS.length - 1);
    expect(publicStepIndex('rectifying')).toBeGreaterThan(publicStepIndex('plan_submitted'));
  });

  it('takes the highest version as the current plan and the latest approved one as the plan at work', () => {
    const plans = [plan(1, 'returned'), plan(3, 'submitted'), plan(2, 'approved')];
    expect(currentPlan(plans)?.version).toBe(3);
    expect(approvedPlan(plans)?.version).toBe(2);
    expect(currentPlan([])).toBeUndefined();
    expect(approvedPlan([plan(1, 'returned')])).toBeUndefined();
  });

  it('folds a receipt number typed on a phone', () => {
    expect(normaliseReceiptInput(' ｔｓ20220420－ab12 cd34 ')).toBe('TS20220420-AB12CD34');
    expect(normaliseReceiptInput('TS20220420-AB12CD34')).toBe('TS20220420-AB12CD34');
  });

  it('sends only the chosen subject', () => {
    const values = { itemId: 'i1', unitId: 'u1', place: '  望松街道王村桥  ' };
    expect(subjectOf('item', values)).toEqual({ itemId: 'i1' });
    expect(subjectOf('unit', values)).toEqual({ unitId: 'u1' });
    expect(subjectOf('place', values)).toEqual({ place: '望松街道王村桥' });
    expect(subjectOf('place', { place: '   ' })).toEqual({});
  });
});
