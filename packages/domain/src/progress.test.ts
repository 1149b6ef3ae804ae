import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { builtinChineseCalendar, WorkCalendar } from './calendar.ts';
import { addDays, dayNumberOf, fromDayNumber } from './dates.ts';
import { DomainError } from './errors.ts';
import type { FieldProblem } from './problems.ts';
import {
  actualProgress,
  attainment,
  ATTAINMENT_CAP_PCT,
  compareToTarget,
  investmentCompletion,
  milestoneOverdue,
  plannedProgress,
  progressLag,
  projectStartStatus,
  ratioPct,
  round1,
  targetFor,
  validateIndicator,
  validateInvestment,
  validateMilestones,
  type Attainment,
  type Indicator,
  type IndicatorDirection,
  type Investment,
  type InvestmentCompletion,
  type Milestone,
  type ProjectStartStatus,
} from './progress.ts';

const cal = new WorkCalendar(builtinChineseCalendar());
const codes = (problems: FieldProblem[]) => problems.map((p) => [p.field, p.code]);

describe('round1', () => {
  it.each<[number, number]>([
    [0, 0],
    [100, 100],
    [33.333, 33.3],
    [66.666, 66.7],
    [1.25, 1.3],
    [1.35, 1.4],
    [1.45, 1.5], // stored as 1.4499999999999999556: rounds by its decimal reading
    [2.675, 2.7],
    [0.05, 0.1],
    [0.04999, 0],
    [99.95, 100],
    [99.94, 99.9],
    [-1.45, -1.5],
    [-0.05, -0.1],
    [-1.25, -1.3],
    [1e-10, 0],
    [0.1 + 0.2, 0.3],
    [12345.65, 12345.7],
  ])('round1(%s) = %s', (x, expected) => {
    expect(round1(x)).toBe(expected);
  });

  it('never returns −0', () => {
    expect(Object.is(round1(-0.04), 0)).toBe(true);
    expect(Object.is(round1(-0), 0)).toBe(true);
  });

  it.each([Number.NaN, Infinity, -Infinity])('refuses %s', (x) => {
    expect(() => round1(x)).toThrow(DomainError);
  });

  it('is within 0.05, idempotent, odd, and lands on tenths', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const r = round1(x);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(round1(r)).toBe(r);
        expect(round1(-x)).toBe(r === 0 ? 0 : -r);
        expect(Number.isInteger(Math.round(r * 10)) && Math.abs(r * 10 - Math.round(r * 10)) < 1e-6).toBe(
          true,
        );
      }),
    );
  });
});

describe('ratioPct', () => {
  it.each<[number, number, number]>([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [1, 16, 6.3], // 6.25: half away from zero
    [-1, 16, -6.3],
    [1, -16, -6.3],
    [-1, -16, 6.3],
    [0, 5, 0],
    [0, -5, 0],
    [1, 2000, 0.1], // 0.05 exactly
    [1, 2001, 0],
    [5, 4, 125],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1, 100],
    [Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER, 100],
    [1, Number.MAX_SAFE_INTEGER, 0],
    [0.5, 1, 50], // non-integers take the float path
  ])('%s / %s = %s%', (part, whole, pct) => {
    expect(ratioPct(part, whole)).toBe(pct);
  });

  it('refuses a zero whole', () => {
    expect(() => ratioPct(1, 0)).toThrow(expect.objectContaining({ code: 'division_by_zero' }));
  });

  it('equals an all-BigInt reference, small and huge', () => {
    const reference = (part: number, whole: number) => {
      const a = BigInt(Math.abs(part)) * 1000n;
      const b = BigInt(Math.abs(whole));
      const r = Number((2n * a + b) / (2n * b)) / 10;
      return part < 0 !== whole < 0 && r !== 0 ? -r : r;
    };
    const ints = fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.maxSafeInteger(), fc.integer());
    fc.assert(
      fc.property(ints, ints, (part, whole) => {
        fc.pre(whole !== 0);
        expect(ratioPct(part, whole)).toBe(reference(part, whole));
      }),
      { numRuns: 2000 },
    );
  });

  it('is within 0.05 of the exact ratio and lands on tenths', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (a, b) => {
        const r = ratioPct(a, b);
        expect(Math.abs(r - (a / b) * 100)).toBeLessThanOrEqual(0.05 + 1e-6);
        expect(round1(r)).toBe(r);
      }),
    );
  });
});

describe('plannedProgress', () => {
  describe('linear between start and due (no milestones)', () => {
    const item = { start: '2022-01-01', due: '2022-01-11' };
    it.each<[string, number]>([
      ['2021-06-01', 0],
      ['2021-12-31', 0],
      ['2022-01-01', 0], // exactly at start
      ['2022-01-02', 10],
      ['2022-01-06', 50],
      ['2022-01-10', 90],
      ['2022-01-11', 100], // exactly at due
      ['2022-01-12', 100],
      ['2030-01-01', 100],
    ])('as of %s: %s', (asOf, pct) => {
      expect(plannedProgress(item, asOf)).toBe(pct);
      expect(plannedProgress({ ...item, milestones: [] }, asOf)).toBe(pct);
      expect(plannedProgress({ ...item, milestones: null }, asOf)).toBe(pct);
    });

    it.each<[string, string, string, number]>([
      ['2022-01-01', '2022-01-04', '2022-01-02', 33.3],
      ['2022-01-01', '2022-01-04', '2022-01-03', 66.7],
      ['2022-01-01', '2022-12-31', '2022-07-02', 50], // 182 / 364
      ['2022-01-01', '2022-12-31', '2022-07-03', 50.3], // 183 / 364 = 50.27
      ['2022-03-01', '2022-03-01', '2022-02-28', 0], // start = due
      ['2022-03-01', '2022-03-01', '2022-03-01', 100],
    ])('%s → %s as of %s: %s', (start, due, asOf, pct) => {
      expect(plannedProgress({ start, due }, asOf)).toBe(pct);
    });

    it('refuses a due date before the start', () => {
      expect(() => plannedProgress({ start: '2022-02-01', due: '2022-01-01' }, '2022-01-15')).toThrow(
        expect.objectContaining({ code: 'due_before_start', field: 'due' }),
      );
    });
  });

  describe('with milestones: a milestone counts on its date, no interpolation', () => {
    const milestones: Milestone[] = [
      { id: 'design', plannedDate: '2022-03-31', weight: 30 },
      { id: 'build', plannedDate: '2022-06-30', weight: 30 },
      { id: 'accept', plannedDate: '2022-12-31', weight: 40 },
    ];
    const item = { start: '2022-01-01', due: '2022-12-31', milestones };
    it.each<[string, number]>([
      ['2021-12-31', 0],
      ['2022-01-01', 0],
      ['2022-03-30', 0],
      ['2022-03-31', 30],
      ['2022-04-01', 30],
      ['2022-06-29', 30],
      ['2022-06-30', 60],
      ['2022-12-30', 60], // not 99.x: nothing between milestones
      ['2022-12-31', 100],
      ['2023-06-01', 100],
    ])('as of %s: %s', (asOf, pct) => {
      expect(plannedProgress(item, asOf)).toBe(pct);
    });

    it('sums decimal weights without float noise', () => {
      const thirds: Milestone[] = [
        { id: 'a', plannedDate: '2022-02-01', weight: 33.3 },
        { id: 'b', plannedDate: '2022-03-01', weight: 33.3 },
        { id: 'c', plannedDate: '2022-04-01', weight: 33.4 },
      ];
      const s = { start: '2022-01-01', due: '2022-04-01', milestones: thirds };
      expect([
        plannedProgress(s, '2022-02-01'),
        plannedProgress(s, '2022-03-01'),
        plannedProgress(s, '2022-04-01'),
      ]).toEqual([33.3, 66.6, 100]);
      const tenths = Array.from({ length: 10 }, (_, i) => ({
        id: `m${i}`,
        plannedDate: '2022-02-01',
        weight: 10,
      }));
      expect(
        plannedProgress({ start: '2022-01-01', due: '2022-04-01', milestones: tenths }, '2022-02-01'),
      ).toBe(100);
    });
  });

  it('is monotonic non-decreasing in asOf and within [0, 100]', () => {
    const schedules = fc
      .record({
        start: fc.integer({ min: dayNumberOf(2004, 1, 1), max: dayNumberOf(2030, 1, 1) }),
        length: fc.integer({ min: 0, max: 800 }),
        milestones: fc.option(
          fc.array(
            fc.record({
              at: fc.double({ min: 0, max: 1, noNaN: true }),
              share: fc.integer({ min: 1, max: 50 }),
            }),
            {
              minLength: 1,
              maxLength: 8,
            },
          ),
        ),
      })
      .map(({ start, length, milestones }) => {
        const total = milestones?.reduce((s, m) => s + m.share, 0) ?? 1;
        return {
          start: fromDayNumber(start),
          due: fromDayNumber(start + length),
          milestones:
            milestones?.map((m, i) => ({
              id: `m${i}`,
              plannedDate: fromDayNumber(start + Math.floor(m.at * length)),
              weight: (m.share * 100) / total,
            })) ?? null,
        };
      });
    fc.assert(
      fc.property(
        schedules,
        fc.integer({ min: -30, max: 900 }),
        fc.integer({ min: 0, max: 400 }),
        (s, a, k) => {
          const asOf = addDays(s.start, a);
          const later = addDays(asOf, k);
          const p = plannedProgress(s, asOf);
          const q = plannedProgress(s, later);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(q).toBeLessThanOrEqual(100);
          expect(q).toBeGreaterThanOrEqual(p);
          expect(plannedProgress(s, s.due)).toBe(100);
          if (!s.milestones) expect(plannedProgress(s, addDays(s.start, -1))).toBe(0);
        },
      ),
    );
  });
});

describe('actualProgress', () => {
  const milestones: Milestone[] = [
    { id: 'a', plannedDate: '2022-03-31', weight: 30, doneDate: '2022-03-20' }, // early
    { id: 'b', plannedDate: '2022-06-30', weight: 30, doneDate: '2022-07-15' }, // late
    { id: 'c', plannedDate: '2022-09-30', weight: 25, doneDate: null },
    { id: 'd', plannedDate: '2022-12-31', weight: 15 },
  ];
  it.each<[string, number]>([
    ['2022-03-19', 0],
    ['2022-03-20', 30],
    ['2022-07-14', 30],
    ['2022-07-15', 60],
    ['2023-12-31', 60],
  ])('milestones done by %s: %s', (asOf, pct) => {
    expect(actualProgress({ milestones, reportedProgress: 99 }, asOf)).toBe(pct); // milestones win over reports
  });

  it.each<[number | null | undefined, number]>([
    [45.55, 45.6],
    [45.54, 45.5],
    [0, 0],
    [100, 100],
    [null, 0],
    [undefined, 0],
    [120, 100],
    [-5, 0],
  ])('without milestones, the latest report: %s → %s', (reported, pct) => {
    expect(actualProgress({ reportedProgress: reported }, '2022-06-01')).toBe(pct);
    expect(actualProgress({ milestones: [], reportedProgress: reported }, '2022-06-01')).toBe(pct);
  });
});

describe('progressLag', () => {
  it.each<[number, number, number]>([
    [60, 45.5, 14.5],
    [30, 40, -10],
    [50, 50, 0],
    [33.3, 33.2, 0.1],
    [100, 0, 100],
    [10, 0, 10], // exactly the yellow threshold of the default rules
    [40, 10, 30], // exactly the red threshold
  ])('planned %s, actual %s: %s points behind', (planned, actual, lag) => {
    expect(progressLag(planned, actual)).toBe(lag);
  });
});

describe('validateMilestones', () => {
  const ms = (...specs: [string, string, number][]): Milestone[] =>
    specs.map(([id, plannedDate, weight]) => ({ id, plannedDate, weight }));
  const start = '2022-01-01';
  const due = '2022-12-31';

  it.each<[string, Milestone[], [string, string][]]>([
    ['no milestones', [], []],
    [
      'weights summing to 100',
      ms(['a', '2022-03-31', 30], ['b', '2022-06-30', 30], ['c', '2022-12-31', 40]),
      [],
    ],
    [
      'decimal weights summing to 100',
      ms(['a', '2022-03-31', 33.3], ['b', '2022-06-30', 33.3], ['c', due, 33.4]),
      [],
    ],
    ['dates exactly at start and due', ms(['a', start, 50], ['b', due, 50]), []],
    [
      'weights summing to 99.9',
      ms(['a', '2022-03-31', 30], ['b', '2022-06-30', 30], ['c', due, 39.9]),
      [['milestones', 'weights_sum']],
    ],
    [
      'weights summing to 100.1',
      ms(['a', '2022-03-31', 50], ['b', due, 50.1]),
      [['milestones', 'weights_sum']],
    ],
    [
      'a zero weight',
      ms(['a', '2022-03-31', 0], ['b', due, 100]),
      [['milestones.0.weight', 'weight_not_positive']],
    ],
    [
      'a negative weight',
      ms(['a', '2022-03-31', -10], ['b', due, 110]),
      [['milestones.0.weight', 'weight_not_positive']],
    ],
    [
      'a NaN weight',
      ms(['a', '2022-03-31', Number.NaN], ['b', due, 100]),
      [['milestones.0.weight', 'invalid_number']],
    ],
    [
      'a date before start',
      ms(['a', '2021-12-31', 50], ['b', due, 50]),
      [['milestones.0.plannedDate', 'date_out_of_range']],
    ],
    [
      'a date after due',
      ms(['a', '2022-03-31', 50], ['b', '2023-01-01', 50]),
      [['milestones.1.plannedDate', 'date_out_of_range']],
    ],
    [
      'an invalid date',
      ms(['a', '2022-02-30', 50], ['b', due, 50]),
      [['milestones.0.plannedDate', 'invalid_date']],
    ],
    ['duplicate ids', ms(['a', '2022-03-31', 50], ['a', due, 50]), [['milestones.1.id', 'duplicate_id']]],
    ['an empty id', ms([' ', '2022-03-31', 50], ['b', due, 50]), [['milestones.0.id', 'required']]],
  ])('%s', (_name, milestones, expected) => {
    expect(codes(validateMilestones(milestones, start, due))).toEqual(expected);
  });

  it('reports the sum it found', () => {
    const [p] = validateMilestones(ms(['a', '2022-03-31', 30], ['b', due, 69.9]), start, due);
    expect(p).toEqual({ field: 'milestones', code: 'weights_sum', params: { sum: 99.9, expected: 100 } });
  });

  it('checks the schedule itself', () => {
    expect(codes(validateMilestones([], '2022-12-31', '2022-01-01'))).toEqual([['due', 'due_before_start']]);
    expect(codes(validateMilestones([], '2022-13-01', '2022-01-01'))).toEqual([['start', 'invalid_date']]);
  });

  it('checks a done date', () => {
    const m: Milestone[] = [{ id: 'a', plannedDate: due, weight: 100, doneDate: '2022-06-31' }];
    expect(codes(validateMilestones(m, start, due))).toEqual([['milestones.0.doneDate', 'invalid_date']]);
  });
});

describe('milestoneOverdue', () => {
  it.each<[string | null, string, number]>([
    [null, '2022-03-30', 0],
    [null, '2022-03-31', 0], // on the planned date: not overdue
    [null, '2022-04-01', 1],
    [null, '2022-04-30', 30], // the red threshold of the default rules
    [null, '2022-05-01', 31],
    ['2022-03-20', '2022-05-01', 0], // done early
    ['2022-03-31', '2022-05-01', 0], // done on time
    ['2022-04-10', '2022-05-01', 10], // done late: frozen at its lateness
    ['2022-04-10', '2022-04-05', 5], // not yet done as of 5 April
  ])('done %s, as of %s: %i days', (doneDate, asOf, days) => {
    expect(milestoneOverdue({ plannedDate: '2022-03-31', doneDate }, asOf)).toBe(days);
  });
});

describe('indicators', () => {
  it.each<[IndicatorDirection, number, number, number, boolean]>([
    ['higher_better', 100, 100, 100, true], // exactly on target
    ['higher_better', 100, 99.9, 99.9, false],
    ['higher_better', 100, 150, 150, true],
    ['higher_better', 100, 250, ATTAINMENT_CAP_PCT, true],
    ['higher_better', 100, 0, 0, false],
    ['higher_better', 100, -10, 0, false],
    ['higher_better', 3, 1, 33.3, false],
    ['higher_better', 0, 0, 100, true], // a zero target is met by anything ≥ 0
    ['higher_better', 0, 5, 100, true],
    ['higher_better', 0, -1, 0, false],
    ['higher_better', -5, -3, 100, true], // e.g. a growth rate allowed to fall by 5 points
    ['higher_better', -5, -6, 0, false],
    ['lower_better', 50, 50, 100, true], // exactly on target
    ['lower_better', 50, 40, 125, true],
    ['lower_better', 50, 25, 200, true],
    ['lower_better', 50, 20, ATTAINMENT_CAP_PCT, true],
    ['lower_better', 50, 0, ATTAINMENT_CAP_PCT, true], // none at all against an allowance: the cap
    ['lower_better', 50, 60, 83.3, false],
    ['lower_better', 50, 100, 50, false],
    ['lower_better', 0, 0, 100, true], // zero tolerance, met
    ['lower_better', 0, 3, 0, false],
    ['lower_better', -1, -2, 100, true],
    ['lower_better', -1, 0, 0, false],
  ])('%s target %s, actual %s: %s%, met %s', (direction, target, actual, attainmentPct, met) => {
    expect(compareToTarget(direction, target, actual)).toEqual<Attainment>({
      target,
      actual,
      attainmentPct,
      met,
    });
  });

  it('refuses non-finite numbers and unknown directions', () => {
    expect(() => compareToTarget('higher_better', Number.NaN, 1)).toThrow(DomainError);
    expect(() => compareToTarget('higher_better', 1, Infinity)).toThrow(DomainError);
    expect(() => compareToTarget('sideways' as IndicatorDirection, 1, 1)).toThrow(DomainError);
  });

  const gdp: Indicator = {
    direction: 'higher_better',
    annualTarget: 120,
    cumulativeTargets: [
      { periodKey: '2022-01', target: 8 },
      { periodKey: '2022-02', target: 18 },
      { periodKey: '2022-Q1', target: 30 },
      { periodKey: '2022-06', target: 60 },
    ],
  };

  it('looks the target up by period', () => {
    expect(attainment(gdp, 30, '2022-Q1')).toEqual({ target: 30, actual: 30, attainmentPct: 100, met: true });
    expect(attainment(gdp, 17, '2022-02')).toEqual({
      target: 18,
      actual: 17,
      attainmentPct: 94.4,
      met: false,
    });
    expect(targetFor(gdp, '2022-03')).toBeUndefined();
    expect(() => attainment(gdp, 30, '2022-03')).toThrow(
      expect.objectContaining({ code: 'no_target_for_period', field: 'periodKey' }),
    );
  });

  it('attainment is bounded, agrees with met, and is monotonic in the actual value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<IndicatorDirection>('higher_better', 'lower_better'),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (direction, target, actual, more) => {
          const a = compareToTarget(direction, target, actual);
          const b = compareToTarget(direction, target, actual + more);
          expect(a.attainmentPct).toBeGreaterThanOrEqual(0);
          expect(a.attainmentPct).toBeLessThanOrEqual(ATTAINMENT_CAP_PCT);
          expect(a.met).toBe(direction === 'higher_better' ? actual >= target : actual <= target);
          if (direction === 'higher_better') expect(b.attainmentPct).toBeGreaterThanOrEqual(a.attainmentPct);
          else expect(b.attainmentPct).toBeLessThanOrEqual(a.attainmentPct);
          if (a.met && target > 0) expect(a.attainmentPct).toBeGreaterThanOrEqual(100);
          if (!a.met) expect(a.attainmentPct).toBeLessThanOrEqual(100);
        },
      ),
    );
  });

  const monthly = (targets: number[]) =>
    targets.map((target, i) => ({ periodKey: `2022-${String(i + 1).padStart(2, '0')}`, target }));

  it.each<[string, Indicator, [string, string][]]>([
    [
      'valid monthly targets',
      {
        direction: 'higher_better',
        annualTarget: 120,
        cumulativeTargets: monthly([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]),
      },
      [],
    ],
    [
      'a flat month is fine',
      { direction: 'higher_better', annualTarget: 30, cumulativeTargets: monthly([10, 10, 30]) },
      [],
    ],
    ['mixed frequencies, listed out of order', gdp, []],
    [
      'listed out of order but increasing in period order',
      {
        direction: 'higher_better',
        annualTarget: 100,
        cumulativeTargets: [
          { periodKey: '2022-Q2', target: 50 },
          { periodKey: '2022-Q1', target: 20 },
        ],
      },
      [],
    ],
    [
      'a decreasing target',
      { direction: 'higher_better', annualTarget: 120, cumulativeTargets: monthly([10, 20, 15, 40]) },
      [['cumulativeTargets.2.target', 'not_monotonic']],
    ],
    [
      'decreasing in period order',
      {
        direction: 'higher_better',
        annualTarget: 100,
        cumulativeTargets: [
          { periodKey: '2022-Q2', target: 20 },
          { periodKey: '2022-Q1', target: 50 },
        ],
      },
      [['cumulativeTargets.0.target', 'not_monotonic']],
    ],
    [
      'above the annual target',
      { direction: 'higher_better', annualTarget: 100, cumulativeTargets: monthly([50, 100, 101]) },
      [['cumulativeTargets.2.target', 'exceeds_annual_target']],
    ],
    [
      'lower_better targets may move either way',
      { direction: 'lower_better', annualTarget: 35, cumulativeTargets: monthly([40, 38, 36, 37]) },
      [],
    ],
    [
      'an invalid period key',
      {
        direction: 'higher_better',
        annualTarget: 100,
        cumulativeTargets: [
          { periodKey: '2022-01', target: 1 },
          { periodKey: '2022-13', target: 2 },
        ],
      },
      [['cumulativeTargets.1.periodKey', 'invalid_period_key']],
    ],
    [
      'a duplicate period',
      {
        direction: 'higher_better',
        annualTarget: 100,
        cumulativeTargets: [
          { periodKey: '2022-01', target: 1 },
          { periodKey: '2022-01', target: 2 },
        ],
      },
      [['cumulativeTargets.1.periodKey', 'duplicate_period']],
    ],
    [
      'two years',
      {
        direction: 'higher_better',
        annualTarget: 100,
        cumulativeTargets: [
          { periodKey: '2022-12', target: 100 },
          { periodKey: '2023-01', target: 100 },
        ],
      },
      [['cumulativeTargets.1.periodKey', 'mixed_years']],
    ],
    [
      'a NaN target',
      {
        direction: 'higher_better',
        annualTarget: 100,
        cumulativeTargets: [{ periodKey: '2022-01', target: Number.NaN }],
      },
      [['cumulativeTargets.0.target', 'invalid_number']],
    ],
    [
      'a NaN annual target',
      { direction: 'lower_better', annualTarget: Number.NaN, cumulativeTargets: [] },
      [['annualTarget', 'invalid_number']],
    ],
    [
      'an unknown direction',
      { direction: 'up' as IndicatorDirection, annualTarget: 1, cumulativeTargets: [] },
      [['direction', 'invalid_direction']],
    ],
  ])('validateIndicator: %s', (_name, indicator, expected) => {
    expect(codes(validateIndicator(indicator))).toEqual(expected);
  });
});

describe('investment', () => {
  const yuan = (n: number) => n * 100; // fen
  const plan = (completedFen: number, annualPlanFen = yuan(12_000_000)): Investment => ({
    annualPlanFen,
    monthlyPlanFen: Array.from({ length: 12 }, (_, i) => ({
      month: `2022-${String(i + 1).padStart(2, '0')}`,
      fen: annualPlanFen / 12,
    })),
    completedFen,
  });

  it.each<[Investment, string, InvestmentCompletion]>([
    [
      plan(yuan(2_500_000)),
      '2022-03',
      {
        plannedToDateFen: yuan(3_000_000),
        completedFen: yuan(2_500_000),
        completionRatePct: 83.3,
        annualRatePct: 20.8,
      },
    ],
    [
      plan(yuan(2_500_000)),
      '2022-01',
      {
        plannedToDateFen: yuan(1_000_000),
        completedFen: yuan(2_500_000),
        completionRatePct: 250,
        annualRatePct: 20.8,
      },
    ],
    [
      plan(yuan(3_000_000)),
      '2022-03',
      {
        plannedToDateFen: yuan(3_000_000),
        completedFen: yuan(3_000_000),
        completionRatePct: 100,
        annualRatePct: 25,
      },
    ],
    [
      plan(yuan(12_000_000)),
      '2022-12',
      {
        plannedToDateFen: yuan(12_000_000),
        completedFen: yuan(12_000_000),
        completionRatePct: 100,
        annualRatePct: 100,
      },
    ],
    [
      plan(yuan(12_000_000)),
      '2023-06',
      {
        plannedToDateFen: yuan(12_000_000),
        completedFen: yuan(12_000_000),
        completionRatePct: 100,
        annualRatePct: 100,
      },
    ],
    [plan(0), '2021-12', { plannedToDateFen: 0, completedFen: 0, completionRatePct: null, annualRatePct: 0 }], // nothing planned yet
    [
      plan(0, 0),
      '2022-06',
      { plannedToDateFen: 0, completedFen: 0, completionRatePct: null, annualRatePct: null },
    ],
    [
      { annualPlanFen: 3, monthlyPlanFen: [{ month: '2022-01', fen: 3 }], completedFen: 1 },
      '2022-01',
      { plannedToDateFen: 3, completedFen: 1, completionRatePct: 33.3, annualRatePct: 33.3 },
    ],
    [
      { annualPlanFen: 2000, monthlyPlanFen: [{ month: '2022-01', fen: 2000 }], completedFen: 1 },
      '2022-01',
      { plannedToDateFen: 2000, completedFen: 1, completionRatePct: 0.1, annualRatePct: 0.1 }, // 0.05%: half away from zero
    ],
    [
      {
        annualPlanFen: Number.MAX_SAFE_INTEGER,
        monthlyPlanFen: [{ month: '2022-06', fen: Number.MAX_SAFE_INTEGER }],
        completedFen: Number.MAX_SAFE_INTEGER - 1,
      },
      '2022-06',
      {
        plannedToDateFen: Number.MAX_SAFE_INTEGER,
        completedFen: Number.MAX_SAFE_INTEGER - 1,
        completionRatePct: 100,
        annualRatePct: 100,
      },
    ],
  ])('investmentCompletion #%#', (p, asOfMonth, expected) => {
    expect(validateInvestment(p)).toEqual([]);
    expect(investmentCompletion(p, asOfMonth)).toEqual(expected);
  });

  it('refuses fractional fen and invalid months', () => {
    expect(() => investmentCompletion(plan(0.5), '2022-01')).toThrow(
      expect.objectContaining({ code: 'not_integer_fen', field: 'completedFen' }),
    );
    expect(() => investmentCompletion(plan(0), '2022-13')).toThrow(
      expect.objectContaining({ code: 'invalid_month', field: 'asOfMonth' }),
    );
    expect(() =>
      investmentCompletion(
        { annualPlanFen: 1, monthlyPlanFen: [{ month: '2022-01', fen: 0.5 }], completedFen: 0 },
        '2022-01',
      ),
    ).toThrow(expect.objectContaining({ field: 'monthlyPlanFen.0.fen' }));
  });

  const months = (...fens: number[]) =>
    fens.map((fen, i) => ({ month: `2022-${String(i + 1).padStart(2, '0')}`, fen }));

  it.each<[string, Investment, [string, string][]]>([
    ['a valid plan', { annualPlanFen: 600, monthlyPlanFen: months(100, 200, 300), completedFen: 50 }, []],
    ['no plan at all', { annualPlanFen: 0, monthlyPlanFen: [], completedFen: 0 }, []],
    [
      'a negative annual plan',
      { annualPlanFen: -600, monthlyPlanFen: [], completedFen: 0 },
      [['annualPlanFen', 'negative_amount']],
    ],
    [
      'negative completion',
      { annualPlanFen: 600, monthlyPlanFen: months(100, 200, 300), completedFen: -1 },
      [['completedFen', 'negative_amount']],
    ],
    [
      'a negative month',
      { annualPlanFen: 200, monthlyPlanFen: months(100, -100, 200), completedFen: 0 },
      [['monthlyPlanFen.1.fen', 'negative_amount']],
    ],
    [
      'fractional fen',
      { annualPlanFen: 600.5, monthlyPlanFen: months(100, 200, 300.5), completedFen: 0 },
      [
        ['annualPlanFen', 'not_integer_fen'],
        ['monthlyPlanFen.2.fen', 'not_integer_fen'],
      ],
    ],
    [
      'months short of the annual plan',
      { annualPlanFen: 600, monthlyPlanFen: months(100, 200, 299), completedFen: 0 },
      [['monthlyPlanFen', 'monthly_sum_mismatch']],
    ],
    [
      'months above the annual plan',
      { annualPlanFen: 600, monthlyPlanFen: months(100, 200, 301), completedFen: 0 },
      [['monthlyPlanFen', 'monthly_sum_mismatch']],
    ],
    [
      'an invalid month',
      { annualPlanFen: 100, monthlyPlanFen: [{ month: '2022-13', fen: 100 }], completedFen: 0 },
      [['monthlyPlanFen.0.month', 'invalid_month']],
    ],
    [
      'a duplicate month',
      {
        annualPlanFen: 200,
        monthlyPlanFen: [
          { month: '2022-01', fen: 100 },
          { month: '2022-01', fen: 100 },
        ],
        completedFen: 0,
      },
      [['monthlyPlanFen.1.month', 'duplicate_month']],
    ],
    [
      'two years',
      {
        annualPlanFen: 200,
        monthlyPlanFen: [
          { month: '2022-12', fen: 100 },
          { month: '2023-01', fen: 100 },
        ],
        completedFen: 0,
      },
      [['monthlyPlanFen.1.month', 'mixed_years']],
    ],
    [
      'a sum beyond safe integers is still compared exactly',
      {
        annualPlanFen: Number.MAX_SAFE_INTEGER,
        monthlyPlanFen: months(Number.MAX_SAFE_INTEGER, 1),
        completedFen: 0,
      },
      [['monthlyPlanFen', 'monthly_sum_mismatch']],
    ],
  ])('validateInvestment: %s', (_name, p, expected) => {
    expect(codes(validateInvestment(p))).toEqual(expected);
  });

  it('names the sums in the mismatch', () => {
    expect(
      validateInvestment({ annualPlanFen: 600, monthlyPlanFen: months(100, 200, 299), completedFen: 0 }),
    ).toEqual([
      { field: 'monthlyPlanFen', code: 'monthly_sum_mismatch', params: { sum: '599', annual: '600' } },
    ]);
  });
});

describe('projectStartStatus', () => {
  it.each<[string, string | null, string, ProjectStartStatus]>([
    ['2022-03-15', null, '2022-03-01', 'not_due'],
    ['2022-03-15', null, '2022-03-15', 'not_due'], // the planned day itself
    ['2022-03-15', null, '2022-03-16', 'missed'], // → yellow
    ['2022-03-15', null, '2022-06-14', 'missed'],
    ['2022-03-15', null, '2022-06-15', 'missed_3_months'], // → red
    ['2022-03-15', '2022-03-20', '2022-03-19', 'missed'],
    ['2022-03-15', '2022-03-20', '2022-03-20', 'started'], // started late
    ['2022-03-15', '2022-03-01', '2022-03-01', 'started'], // started early
    ['2022-03-15', '2022-03-01', '2022-02-28', 'not_due'], // as of a date before the start was made
    ['2022-03-15', '2022-09-01', '2022-08-31', 'missed_3_months'],
    ['2022-11-30', null, '2023-02-27', 'missed'],
    ['2022-11-30', null, '2023-02-28', 'missed_3_months'], // month end clamps
  ])('planned %s, actual %s, as of %s: %s', (plannedStart, actualStart, asOf, status) => {
    expect(projectStartStatus({ plannedStart, actualStart }, asOf)).toBe(status);
  });

  it.each<[string, string, ProjectStartStatus, ProjectStartStatus]>([
    // Planned for National Day 2022 (a Saturday holiday): can still start on the make-up Saturday 8 October.
    ['2022-10-01', '2022-10-02', 'missed', 'not_due'],
    ['2022-10-01', '2022-10-08', 'missed', 'not_due'],
    ['2022-10-01', '2022-10-09', 'missed', 'missed'],
    // Three months later is 1 January 2023, New Year (31 Dec – 2 Jan): red from Tuesday 3 January with a calendar.
    ['2022-10-01', '2023-01-01', 'missed_3_months', 'missed'],
    ['2022-10-01', '2023-01-02', 'missed_3_months', 'missed'],
    ['2022-10-01', '2023-01-03', 'missed_3_months', 'missed_3_months'],
  ])(
    'planned %s, as of %s: %s without a calendar, %s with one',
    (plannedStart, asOf, plain, withCalendar) => {
      expect(projectStartStatus({ plannedStart }, asOf)).toBe(plain);
      expect(projectStartStatus({ plannedStart }, asOf, cal)).toBe(withCalendar);
    },
  );

  it('refuses invalid dates', () => {
    expect(() => projectStartStatus({ plannedStart: '2022-02-30' }, '2022-03-01')).toThrow(
      expect.objectContaining({ field: 'plannedStart' }),
    );
  });
});
