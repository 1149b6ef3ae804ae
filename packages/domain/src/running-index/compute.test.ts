import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { computeMonth } from './compute.ts';
import { defaultIndexModel } from './model.ts';
import { seededRandom, syntheticMonthInput } from './synthetic.ts';
import type {
  BelowMinimumHandling,
  IndexItemFacts,
  IndexModel,
  IndexUnit,
  MonthInput,
  RatingFact,
  UnitScore,
} from './types.ts';

const MONTH = '2022-06';
const unit = (id: string, categoryId = 'towns'): IndexUnit => ({ id, name: `${id}镇`, categoryId });

let seq = 0;
function work(
  unitId: string,
  planned: number,
  actual: number,
  over: Partial<IndexItemFacts> = {},
): IndexItemFacts {
  seq++;
  return {
    id: `w${seq}`,
    number: `DB-2022-${String(seq).padStart(4, '0')}`,
    title: `事项 ${seq}`,
    leadUnitId: unitId,
    kind: 'work',
    progress: { planned, actual },
    indicator: null,
    reports: [],
    milestones: [],
    ...over,
  };
}
function indicator(
  unitId: string,
  target: number | null,
  actual: number | null,
  direction: 'higher_better' | 'lower_better' = 'higher_better',
): IndexItemFacts {
  return work(unitId, 0, 0, {
    kind: 'indicator',
    progress: null,
    indicator: { direction, periodKey: MONTH, target, actual },
  });
}
const ratings = (unitId: string, ...scores: number[]): RatingFact[] =>
  scores.map((score, i) => ({ id: `${unitId}-r${i}`, unitId, score, ratedOn: '2022-06-10' }));

/** The default model with the service rating handled as given and other changes. */
function model(
  belowMinimum: BelowMinimumHandling = 'reweight',
  change?: (m: IndexModel) => void,
): IndexModel {
  const m = defaultIndexModel();
  const rating = m.components.find((c) => c.method === 'service_rating')!;
  if (rating.method === 'service_rating') rating.params.belowMinimum = belowMinimum;
  change?.(m);
  return m;
}

const input = (over: Partial<MonthInput>): MonthInput => ({
  model: model(),
  month: MONTH,
  units: [unit('a')],
  items: [],
  ...over,
});
const scoreOf = (r: { scores: UnitScore[] }, id: string) => r.scores.find((s) => s.unitId === id)!;

describe('computeMonth: components', () => {
  it('scores progress as actual vs planned, each item capped at 100 %, with the items that contributed', () => {
    const items = [work('a', 50, 40), work('a', 50, 65), work('a', 0, 10)];
    const s = scoreOf(computeMonth(input({ items })), 'a');
    const p = s.components.progress!;
    // The only component scored: re-weighted to 100.
    expect([p.handling, p.max, p.score, p.points]).toEqual(['measured', 100, 90, 90]);
    expect(p.items.map((i) => [i.number, i.value, i.counted, i.points, i.inputs])).toEqual([
      [items[0]!.number, 80, 80, 40, { planned: 50, actual: 40 }],
      [items[1]!.number, 130, 100, 50, { planned: 50, actual: 65 }],
    ]);
    // Nothing planned yet: not scored on progress.
    expect(p.items.some((i) => i.itemId === items[2]!.id)).toBe(false);
    expect(s.total).toBe(90);
    for (const id of ['indicators', 'timeliness', 'serviceRating'])
      expect([s.components[id]!.handling, s.components[id]!.max, s.components[id]!.points]).toEqual([
        'reweighted',
        0,
        0,
      ]);
  });

  it('lets a cap above 100 offset lags within the component, never beyond its weight', () => {
    const m = model('reweight', (x) => (x.components[0]!.cap = 150));
    const items = [work('a', 50, 40), work('a', 50, 65)];
    const p = scoreOf(computeMonth(input({ model: m, items })), 'a').components.progress!;
    expect(p.items.map((i) => i.counted)).toEqual([80, 130]);
    expect(p.score).toBe(100);
    expect(p.points).toBe(100);
    // Shares scaled by the clip: 80/210 and 130/210 of 100.
    expect(p.items.map((i) => i.points)).toEqual([38.1, 61.9]);
    const low = model('reweight', (x) => (x.components[0]!.cap = 50));
    expect(scoreOf(computeMonth(input({ model: low, items })), 'a').components.progress!.score).toBe(50);
  });

  it('scores indicators by the efficacy coefficient, a missing value as 0, no target as not scored', () => {
    const items = [
      indicator('a', 1000, 800), // 80
      indicator('a', 35, 42, 'lower_better'), // 80
      indicator('a', 100, null), // 0: nothing reported
      indicator('a', null, 5), // no target yet
    ];
    const c = scoreOf(computeMonth(input({ items })), 'a').components.indicators!;
    expect(c.items.map((i) => [i.value, i.counted, i.inputs.floor, i.inputs.satisfactory])).toEqual([
      [80, 80, 600, 1000],
      [80, 80, 49, 35],
      [null, 0, 60, 100],
    ]);
    expect(c.score).toBeCloseTo(53.3, 10);
    expect(c.inputs).toEqual({ items: 3 });
  });

  it('scores timeliness as the share of reports and milestones due in the month done on time', () => {
    const item = work('a', 0, 0, {
      reports: [
        { periodKey: '2022-05', deadline: '2022-06-07', submittedOn: '2022-06-07' }, // on time
        { periodKey: '2022-W23', deadline: '2022-06-14', submittedOn: '2022-06-15' }, // late
        { periodKey: '2022-W24', deadline: '2022-06-21', submittedOn: null }, // missing
        { periodKey: '2022-W25', deadline: '2022-07-01', submittedOn: null }, // next month: ignored
      ],
      milestones: [
        { id: 'm1', plannedDate: '2022-06-20', doneDate: '2022-06-18' }, // on time
        { id: 'm2', plannedDate: '2022-06-25', doneDate: '2022-07-02' }, // late
        { id: 'm3', plannedDate: '2022-05-25', doneDate: null }, // last month: ignored
      ],
    });
    const other = work('a', 0, 0, {
      reports: [{ periodKey: '2022-05', deadline: '2022-06-07', submittedOn: '2022-06-01' }],
    });
    const c = scoreOf(computeMonth(input({ items: [item, other] })), 'a').components.timeliness!;
    expect(c.inputs).toEqual({ due: 6, onTime: 3 });
    expect(c.score).toBe(50);
    expect(c.items.map((i) => [i.value, i.inputs])).toEqual([
      [40, { reportsDue: 3, reportsOnTime: 1, milestonesDue: 2, milestonesOnTime: 1 }],
      [100, { reportsDue: 1, reportsOnTime: 1, milestonesDue: 0, milestonesOnTime: 0 }],
    ]);
    // Weighted by what was due: 2 of 5 and 1 of 1, out of 100.
    expect(c.items.map((i) => i.points)).toEqual([33.3, 16.7]);
    const noMilestones = model('reweight', (m) => {
      const t = m.components[2]!;
      if (t.method === 'timeliness') t.params.milestones = false;
    });
    expect(
      scoreOf(computeMonth(input({ model: noMilestones, items: [item, other] })), 'a').components.timeliness!
        .inputs,
    ).toEqual({ due: 4, onTime: 2 });
  });

  it('adds the components by their weights', () => {
    const items = [
      work('a', 50, 40), // progress 80
      indicator('a', 100, 90), // indicators 90
      work('a', 0, 0, {
        progress: null,
        reports: [{ periodKey: 'x', deadline: '2022-06-07', submittedOn: null }],
      }),
    ];
    items[0]!.reports = [{ periodKey: 'y', deadline: '2022-06-07', submittedOn: '2022-06-07' }]; // timeliness 50
    const r = computeMonth(input({ items, ratings: ratings('a', 4, 5, 4.5) })); // 4.5 → 90
    const s = scoreOf(r, 'a');
    expect(Object.values(s.components).map((c) => [c.id, c.max, c.score, c.points])).toEqual([
      ['progress', 40, 80, 32],
      ['indicators', 25, 90, 22.5],
      ['timeliness', 15, 50, 7.5],
      ['serviceRating', 20, 90, 18],
    ]);
    expect(s.components.serviceRating!.inputs).toEqual({ ratings: 3, meanRating: 4.5, minRatings: 3 });
    expect([s.base, s.total]).toEqual([80, 80]);
  });
});

describe('computeMonth: service ratings below the minimum', () => {
  const units = [unit('a'), unit('b'), unit('c'), unit('d', 'departments')];
  const items = units.map((u) => work(u.id, 50, 50)); // progress 100 for all
  const facts = [...ratings('a', 5, 5, 5), ...ratings('b', 4, 4, 4), ...ratings('c', 1)];

  it('takes the category’s mean by default: neither gain nor loss against peers', () => {
    const r = computeMonth(input({ model: defaultIndexModel(), units, items, ratings: facts }));
    const c = scoreOf(r, 'c').components.serviceRating!;
    expect([c.handling, c.score, c.max, c.points]).toEqual(['category_mean', 90, 33.3, 30]);
    expect(c.inputs).toEqual({ ratings: 1, meanRating: 1, minRatings: 3, categoryUnits: 2 });
    // progress 40 of 60 scored weight → 66.7 points; rating 90 % of 33.3 → 30.
    expect(scoreOf(r, 'c').total).toBe(96.7);
    // No peer in the category has enough ratings: left out, the rest re-weighted.
    const d = scoreOf(r, 'd').components.serviceRating!;
    expect([d.handling, d.max, d.points]).toEqual(['reweighted', 0, 0]);
    expect(scoreOf(r, 'd').total).toBe(100);
  });

  it('takes the neutral score when the model says so', () => {
    const r = computeMonth(input({ model: model('neutral'), units, items, ratings: facts }));
    const c = scoreOf(r, 'c').components.serviceRating!;
    expect([c.handling, c.score]).toEqual(['neutral', 60]);
    // 40 + 20 × 60 % = 52 of 60.
    expect(scoreOf(r, 'c').total).toBeCloseTo(86.7, 10);
  });

  it('re-weights the other components when the model says so', () => {
    const r = computeMonth(input({ model: model('reweight'), units, items, ratings: facts }));
    expect(scoreOf(r, 'c').components.serviceRating!.handling).toBe('reweighted');
    expect(scoreOf(r, 'c').total).toBe(100);
  });

  it('scores a unit with enough ratings on its own mean, ignoring ratings outside the month', () => {
    const late = { id: 'late', unitId: 'a', score: 1, ratedOn: '2022-07-01' };
    const r = computeMonth(input({ model: defaultIndexModel(), units, items, ratings: [...facts, late] }));
    expect(scoreOf(r, 'a').components.serviceRating!.score).toBe(100);
  });
});

describe('computeMonth: units with nothing to be scored on', () => {
  it('neither scores nor ranks them, lists them last, and still lists their deductions', () => {
    const r = computeMonth(
      input({
        model: defaultIndexModel(),
        units: [unit('a'), unit('b'), unit('z')],
        items: [work('a', 50, 25), work('b', 10, 10)],
        ratings: ratings('a', 5, 5, 5),
        warnings: [
          { id: 'c1', unitId: 'z', kind: 'card', colour: 'yellow', itemId: null, issuedOn: '2022-06-03' },
        ],
      }),
    );
    expect(r.scores.map((s) => [s.unitId, s.total, s.rank])).toEqual([
      ['b', 100, 1],
      ['a', 66.7, 2],
      ['z', null, null],
    ]);
    const z = scoreOf(r, 'z');
    expect([z.measured, z.base, z.deductionPoints]).toEqual([false, null, 3]);
    expect(z.components.serviceRating!.handling).toBe('category_mean');
    expect(z.components.serviceRating!.points).toBe(0);
  });
});

describe('computeMonth: deductions and bonuses', () => {
  const w = (id: string, kind: 'light' | 'card', colour: 'yellow' | 'red', issuedOn = '2022-06-10') => ({
    id,
    unitId: 'a',
    kind,
    colour,
    itemId: kind === 'light' ? 'i1' : null,
    issuedOn,
  });
  const warnings = [
    w('l1', 'light', 'yellow', '2022-06-02'),
    w('l2', 'light', 'red', '2022-06-05'),
    w('c1', 'card', 'yellow', '2022-06-09'),
    w('c2', 'card', 'red', '2022-06-20'),
    w('old', 'light', 'red', '2022-05-31'),
  ];
  const admonitions = [{ id: 't1', unitId: 'a', heldOn: '2022-06-15' }];

  it('deducts 1, 2, 3, 5 and 0.5 per yellow light, red light, yellow card, red card and talk in the month', () => {
    const s = scoreOf(computeMonth(input({ items: [work('a', 50, 50)], warnings, admonitions })), 'a');
    expect(s.deductions.map((d) => [d.id, d.reason, d.points])).toEqual([
      ['l1', 'yellowLight', 1],
      ['l2', 'redLight', 2],
      ['c1', 'yellowCard', 3],
      ['t1', 'admonition', 0.5],
      ['c2', 'redCard', 5],
    ]);
    expect([s.base, s.deductionPoints, s.total]).toEqual([100, 11.5, 88.5]);
  });

  it('deducts at most the monthly cap, in date order', () => {
    const m = model('reweight', (x) => (x.deductions.monthlyCap = 4));
    const s = scoreOf(
      computeMonth(input({ model: m, items: [work('a', 50, 50)], warnings, admonitions })),
      'a',
    );
    expect(s.deductions.map((d) => d.points)).toEqual([1, 2, 1, 0, 0]);
    expect(s.total).toBe(96);
  });

  it('counts each bonus up to its maximum and the month’s up to the cap', () => {
    const b = (id: string, points: number, awardedOn = '2022-06-10') => ({
      id,
      unitId: 'a',
      points,
      reason: '省级表彰',
      awardedOn,
    });
    const s = scoreOf(
      computeMonth(
        input({
          items: [work('a', 50, 40)],
          bonuses: [
            b('b2', 1.5, '2022-06-20'),
            b('b1', 2.5, '2022-06-01'),
            b('b3', 1),
            b('x', 2, '2022-07-01'),
          ],
        }),
      ),
      'a',
    );
    expect(s.bonuses.map((x) => [x.id, x.entered, x.points])).toEqual([
      ['b1', 2.5, 2],
      ['b3', 1, 1],
      ['b2', 1.5, 0],
    ]);
    expect([s.base, s.bonusPoints, s.total]).toEqual([80, 3, 83]);
  });

  it('can go below 0 and above 100', () => {
    const many = Array.from({ length: 30 }, (_, i) => w(`r${i}`, 'card', 'red'));
    const low = scoreOf(computeMonth(input({ items: [work('a', 50, 5)], warnings: many })), 'a');
    expect(low.total).toBe(10 - 150);
    const high = scoreOf(
      computeMonth(
        input({
          items: [work('a', 50, 50)],
          bonuses: [{ id: 'b', unitId: 'a', points: 2, reason: '', awardedOn: '2022-06-02' }],
        }),
      ),
      'a',
    );
    expect(high.total).toBe(102);
  });
});

describe('computeMonth: ranking', () => {
  it('ranks within each category with ties (1, 2, 2, 4) and boards', () => {
    const units = [
      unit('t1'),
      unit('t2'),
      unit('t3'),
      unit('t4'),
      unit('d1', 'departments'),
      unit('d2', 'departments'),
    ];
    const items = [
      work('t1', 50, 50),
      work('t2', 50, 45),
      work('t3', 50, 45),
      work('t4', 50, 30),
      work('d1', 50, 10),
      work('d2', 50, 20),
    ];
    const r = computeMonth(input({ units, items }));
    expect(r.scores.map((s) => [s.unitId, s.categoryId, s.total, s.rank])).toEqual([
      ['t1', 'towns', 100, 1],
      ['t2', 'towns', 90, 2],
      ['t3', 'towns', 90, 2],
      ['t4', 'towns', 60, 4],
      ['d2', 'departments', 40, 1],
      ['d1', 'departments', 20, 2],
    ]);
    const towns = r.categories[0]!;
    expect(towns.top.map((e) => e.unitId)).toEqual(['t1', 't2', 't3']);
    expect(towns.bottom.map((e) => e.unitId)).toEqual(['t4']);
    expect(r.categories[1]!.top.map((e) => e.unitId)).toEqual(['d2', 'd1']);
  });

  it('ties on the published total even when the unrounded ones differ', () => {
    // 2/3 → 66.67 and 2001/3000 → 66.70: both published as 66.7.
    const r = computeMonth(
      input({ units: [unit('a'), unit('b')], items: [work('a', 75, 50), work('b', 30, 20.01)] }),
    );
    expect(r.scores.map((s) => [s.total, s.rank])).toEqual([
      [66.7, 1],
      [66.7, 1],
    ]);
  });

  it('reports the change of rank since last month, within the same category', () => {
    const units = [unit('a'), unit('b'), unit('c')];
    const first = computeMonth(
      input({ units, items: [work('a', 50, 50), work('b', 50, 40), work('c', 50, 30)] }),
    );
    const moved = [unit('a'), unit('b'), unit('c', 'departments')];
    const second = computeMonth(
      input({
        month: '2022-07',
        units: moved,
        items: [work('a', 50, 30), work('b', 50, 50), work('c', 50, 50)],
        previous: first,
      }),
    );
    expect(second.scores.map((s) => [s.unitId, s.rank, s.previousRank, s.rankChange])).toEqual([
      ['b', 1, 2, 1],
      ['a', 2, 1, -1],
      ['c', 1, null, null],
    ]);
  });
});

describe('computeMonth: facts it refuses, naming the field', () => {
  const refuses = (over: Partial<MonthInput>, code: string, field: string) => {
    try {
      computeMonth(input(over));
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect([(e as DomainError).code, (e as DomainError).field]).toEqual([code, field]);
      return;
    }
    throw new Error('not refused');
  };
  it('refuses bad months, units, items, ratings, warnings and bonuses', () => {
    refuses({ month: '2022-13' }, 'invalid_month', 'month');
    refuses({ units: [unit('a'), unit('a')] }, 'duplicate_id', 'units.1.id');
    refuses({ units: [unit('a', 'villages')] }, 'unknown_category', 'units.0.categoryId');
    refuses({ items: [work('a', 1, 1), work('x', 1, 1)] }, 'unknown_unit', 'items.1.leadUnitId');
    refuses({ items: [work('a', 50, 120)] }, 'out_of_range', 'items.0.progress.actual');
    refuses({ items: [work('a', Number.NaN, 1)] }, 'invalid_number', 'items.0.progress.planned');
    refuses(
      {
        items: [
          work('a', 1, 1, { reports: [{ periodKey: 'x', deadline: '2022-06-31', submittedOn: null }] }),
        ],
      },
      'invalid_date',
      'items.0.reports.0.deadline',
    );
    refuses({ items: [indicator('a', 1, 1, 'up' as never)] }, 'invalid_value', 'items.0.indicator.direction');
    refuses({ ratings: ratings('a', 4, 6) }, 'out_of_range', 'ratings.1.score');
    refuses({ ratings: ratings('a', 0.5) }, 'out_of_range', 'ratings.0.score');
    refuses(
      {
        warnings: [
          {
            id: 'w',
            unitId: 'a',
            kind: 'light',
            colour: 'green' as never,
            itemId: null,
            issuedOn: '2022-06-01',
          },
        ],
      },
      'invalid_value',
      'warnings.0.colour',
    );
    refuses(
      { bonuses: [{ id: 'b', unitId: 'a', points: -1, reason: '', awardedOn: '2022-06-01' }] },
      'out_of_range',
      'bonuses.0.points',
    );
    refuses(
      { admonitions: [{ id: 't', unitId: 'q', heldOn: '2022-06-01' }] },
      'unknown_unit',
      'admonitions.0.unitId',
    );
  });
});

describe('computeMonth: determinism and bounds', () => {
  const shuffle = <T>(xs: readonly T[], seed: number): T[] => {
    const rnd = seededRandom(seed);
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };

  it('gives the same result twice and whatever the order of the facts', () => {
    const base = syntheticMonthInput({ seed: 7, units: 40, items: 600 });
    const once = computeMonth(base);
    expect(computeMonth(base)).toEqual(once);
    const shuffled: MonthInput = {
      ...base,
      units: shuffle(base.units, 1),
      items: shuffle(base.items, 2),
      warnings: shuffle(base.warnings!, 3),
      bonuses: shuffle(base.bonuses!, 4),
      ratings: shuffle(base.ratings!, 5),
      admonitions: shuffle(base.admonitions!, 6),
    };
    expect(JSON.stringify(computeMonth(shuffled))).toBe(JSON.stringify(once));
  });

  it('keeps totals within [0 − deductions, 100 + bonus cap] and ranks consistent with totals (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 200 }),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 4, maxLength: 4 }),
        fc.constantFrom<BelowMinimumHandling>('category_mean', 'neutral', 'reweight'),
        (seed, unitCount, itemCount, deductionCap, caps, belowMinimum) => {
          const m = model(belowMinimum, (x) => {
            x.deductions.monthlyCap = deductionCap;
            x.components.forEach((c, i) => (c.cap = caps[i]!));
          });
          const facts = syntheticMonthInput({ seed, units: unitCount, items: itemCount, model: m });
          const r = computeMonth(facts);
          expect(r.scores).toHaveLength(unitCount);
          for (const s of r.scores) {
            const entered = s.deductions.reduce((sum, d) => sum + m.deductions[d.reason], 0);
            const maxDeductions = deductionCap === null ? entered : Math.min(deductionCap, entered);
            expect(s.deductionPoints).toBeLessThanOrEqual(maxDeductions + 1e-9);
            expect(s.bonusPoints).toBeLessThanOrEqual(m.bonuses.monthlyCap);
            if (s.total === null) {
              expect(s.measured).toBe(false);
              continue;
            }
            expect(s.base!).toBeGreaterThanOrEqual(0);
            expect(s.base!).toBeLessThanOrEqual(100);
            expect(s.total).toBeGreaterThanOrEqual(0 - maxDeductions - 0.05);
            expect(s.total).toBeLessThanOrEqual(100 + m.bonuses.monthlyCap + 0.05);
            for (const c of Object.values(s.components)) expect(c.points).toBeLessThanOrEqual(c.max);
          }
          for (const cat of r.categories) {
            const members = r.scores.filter((s) => s.categoryId === cat.categoryId);
            expect(cat.ranking.map((e) => e.unitId).sort()).toEqual(members.map((s) => s.unitId).sort());
            const ranked = members.filter((s) => s.total !== null);
            for (const s of ranked) {
              // Rank = 1 + the number of units with a strictly higher total.
              const above = ranked.filter((o) => o.total! > s.total!).length;
              expect(s.rank).toBe(above + 1);
            }
            for (const s of members.filter((x) => x.total === null)) expect(s.rank).toBeNull();
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('computes a province-sized region set (45,000 items) in one pass', () => {
    // Not a timing assertion (bench/ times it): a guard against anything quadratic in the number of units or items.
    let items = 0;
    for (let region = 0; region < 90; region++) {
      const facts = syntheticMonthInput({ seed: region, units: 40, items: 500 });
      items += facts.items.length;
      const r = computeMonth(facts);
      expect(r.scores).toHaveLength(40);
    }
    expect(items).toBe(45_000);
    const big = computeMonth(syntheticMonthInput({ seed: 1, units: 3000, items: 45_000 }));
    expect(big.scores).toHaveLength(3000);
  });
});
