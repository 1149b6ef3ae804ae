import { describe, expect, it } from 'vitest';
import {
  categoryForUnitKind,
  defaultIndexModel,
  INDEX_MODEL_PROBLEM_CODES,
  indexModelSchema,
  unplacedUnitKinds,
  validateBonusPoints,
  validateIndexModel,
  type IndexModelProblem,
} from './model.ts';

type Draft = Record<string, unknown> & {
  components: Record<string, unknown>[];
  deductions: Record<string, unknown>;
  bonuses: Record<string, unknown>;
  ranking: { categories: Record<string, unknown>[]; boardSize: unknown };
};
const draft = (): Draft => JSON.parse(JSON.stringify(defaultIndexModel())) as Draft;

/** Validates the default model with one change, returning [field, code, params]. */
function problems(change: (m: Draft) => void) {
  const m = draft();
  change(m);
  return problemsOf(m);
}
function problemsOf(input: unknown) {
  const result = validateIndexModel(input);
  expect(result.ok).toBe(false);
  return (result as { problems: IndexModelProblem[] }).problems.map((p) => [p.field, p.code, p.params ?? {}]);
}

describe('validateIndexModel', () => {
  it('accepts the default model as it is', () => {
    const d = defaultIndexModel();
    expect(validateIndexModel(d)).toEqual({ ok: true, model: d });
  });

  it('is PRODUCT.md’s default: 40/25/15/20, deductions 1/2/3/5/0.5, bonuses 0.5–2', () => {
    const d = defaultIndexModel();
    expect(d.components.map((c) => [c.id, c.method, c.weight])).toEqual([
      ['progress', 'progress', 40],
      ['indicators', 'indicators', 25],
      ['timeliness', 'timeliness', 15],
      ['serviceRating', 'service_rating', 20],
    ]);
    expect(d.deductions).toEqual({
      yellowLight: 1,
      redLight: 2,
      yellowCard: 3,
      redCard: 5,
      admonition: 0.5,
      monthlyCap: null,
    });
    expect(d.bonuses).toEqual({ minPoints: 0.5, maxPoints: 2, monthlyCap: 3 });
    expect(categoryForUnitKind(d, 'township')).toBe('towns');
    expect(categoryForUnitKind(d, 'department')).toBe('departments');
    expect(unplacedUnitKinds(d)).toEqual([]);
  });

  it('fills in caps and method parameters left out, and keeps item kinds in their order without repeats', () => {
    const m = draft();
    for (const c of m.components) {
      delete c.cap;
      delete c.params;
      delete c.name;
    }
    m.components[0]!.params = { kinds: ['project', 'work', 'project'] };
    const result = validateIndexModel(m);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.model.components.map((c) => [c.cap, c.params])).toEqual([
      [100, { kinds: ['work', 'project'] }],
      [100, { floorFraction: 0.6 }],
      [100, { reports: true, milestones: true }],
      [100, { minRatings: 3, belowMinimum: 'category_mean', neutralScore: 60 }],
    ]);
  });

  it('refuses weights that do not sum to 100, naming the components and the sum', () => {
    expect(problems((m) => (m.components[0]!.weight = 35))).toEqual([
      ['components', 'weights_sum', { sum: 95, expected: 100 }],
    ]);
    // Floating sums within tolerance are fine.
    const ok = draft();
    ok.components[0]!.weight = 40.1;
    ok.components[1]!.weight = 24.9;
    expect(validateIndexModel(ok).ok).toBe(true);
  });

  it('refuses a cap below zero, a negative weight and a negative deduction, naming each field', () => {
    expect(
      problems((m) => {
        m.components[1]!.cap = -1;
        m.deductions.redCard = -5;
      }),
    ).toEqual([
      ['components.1.cap', 'too_small', { minimum: 0 }],
      ['deductions.redCard', 'too_small', { minimum: 0 }],
    ]);
    expect(problems((m) => (m.components[2]!.weight = -15))).toEqual([
      ['components.2.weight', 'too_small', { minimum: 0 }],
    ]);
    expect(problems((m) => (m.bonuses.monthlyCap = -1))).toEqual([
      ['bonuses.monthlyCap', 'too_small', { minimum: 0 }],
    ]);
  });

  it('refuses an unknown method, listing the known ones', () => {
    expect(problems((m) => (m.components[3]!.method = 'popularity'))).toEqual([
      [
        'components.3.method',
        'unknown_method',
        { value: 'popularity', allowed: 'progress, indicators, timeliness, service_rating' },
      ],
    ]);
  });

  it('refuses wrong types, naming the field and the type expected', () => {
    expect(
      problems((m) => {
        m.components[0]!.weight = '40';
        m.deductions.monthlyCap = 'none';
        m.ranking.boardSize = 2.5;
        m.components[2]!.params = { reports: 'yes' };
      }),
    ).toEqual([
      ['components.0.weight', 'invalid_type', { expected: 'number' }],
      ['deductions.monthlyCap', 'invalid_type', { expected: 'number' }],
      ['ranking.boardSize', 'not_integer', {}],
      ['components.2.params.reports', 'invalid_type', { expected: 'boolean' }],
    ]);
    expect(problemsOf(null)).toEqual([['', 'invalid_type', { expected: 'object' }]]);
    expect(problems((m) => (m.components = 'all' as never))).toEqual([
      ['components', 'invalid_type', { expected: 'array' }],
    ]);
  });

  it('refuses missing fields and unknown ones', () => {
    expect(
      problems((m) => {
        delete m.bonuses.maxPoints;
        delete m.components[0]!.weight;
        m.extra = 1;
        m.components[1]!.colour = 'red';
      }),
    ).toEqual([
      ['components.0.weight', 'required', {}],
      ['components.1.colour', 'unknown_field', { name: 'colour' }],
      ['bonuses.maxPoints', 'required', {}],
      ['extra', 'unknown_field', { name: 'extra' }],
    ]);
  });

  it('checks each method’s parameters', () => {
    expect(
      problems((m) => {
        m.components[0]!.params = { kinds: [], pace: 2 };
        m.components[1]!.params = { floorFraction: 1.5 };
        m.components[3]!.params = { minRatings: 0, belowMinimum: 'average', neutralScore: 101 };
      }),
    ).toEqual([
      ['components.0.params.kinds', 'too_small', { minimum: 1 }],
      ['components.0.params.pace', 'invalid_param', { method: 'progress', param: 'pace', allowed: 'kinds' }],
      ['components.1.params.floorFraction', 'too_big', { maximum: 1 }],
      ['components.3.params.minRatings', 'too_small', { minimum: 1 }],
      ['components.3.params.belowMinimum', 'invalid_value', { allowed: 'category_mean, neutral, reweight' }],
      ['components.3.params.neutralScore', 'too_big', { maximum: 100 }],
    ]);
    expect(problems((m) => (m.components[2]!.params = { reports: false, milestones: false }))).toEqual([
      ['components.2.params', 'no_inputs', {}],
    ]);
  });

  it('refuses duplicate ids, a unit kind in two categories, bad ids and a bonus minimum above its maximum', () => {
    expect(
      problems((m) => {
        m.components[1]!.id = 'progress';
        m.ranking.categories[1]!.unitKinds = ['department', 'town'];
        m.ranking.categories.push({ id: 'towns', name: { 'zh-CN': '镇', 'en-US': 'Towns' }, unitKinds: [] });
        m.bonuses.minPoints = 3;
      }),
    ).toEqual([
      ['components.1.id', 'duplicate_component_id', { id: 'progress', first: 0 }],
      ['ranking.categories.1.unitKinds.1', 'duplicate_unit_kind', { kind: 'town', first: 0 }],
      ['ranking.categories.2.id', 'duplicate_category_id', { id: 'towns', first: 0 }],
      ['bonuses.minPoints', 'min_above_max', { min: 3, max: 2 }],
    ]);
    expect(problems((m) => (m.components[0]!.id = 'Progress!'))).toEqual([
      ['components.0.id', 'invalid_id', {}],
    ]);
    expect(problems((m) => (m.ranking.categories = []))).toEqual([
      ['ranking.categories', 'too_small', { minimum: 1 }],
    ]);
  });

  it('returns only codes of the published list', () => {
    const codes = new Set<string>(INDEX_MODEL_PROBLEM_CODES);
    const all = [
      ...problemsOf({
        components: [{ id: 'X', method: 'x', weight: 'a', cap: -1, params: { a: 1 } }],
        foo: 1,
      }),
      ...problems((m) => (m.components[0]!.weight = 1)),
    ];
    for (const [, code] of all) expect(codes.has(code as string)).toBe(true);
  });

  it('has a request-body schema with the same checks', () => {
    expect(indexModelSchema.safeParse(defaultIndexModel()).success).toBe(true);
    const m = draft();
    m.components[0]!.weight = 10;
    const parsed = indexModelSchema.safeParse(m);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['components', 'weights_sum'],
    ]);
  });
});

describe('validateBonusPoints', () => {
  const model = defaultIndexModel();
  it('accepts +0.5 to +2 and refuses the rest, naming points', () => {
    expect(validateBonusPoints(model, 0.5)).toEqual([]);
    expect(validateBonusPoints(model, 2)).toEqual([]);
    expect(validateBonusPoints(model, 0.4)).toEqual([
      { field: 'points', code: 'too_small', params: { minimum: 0.5 } },
    ]);
    expect(validateBonusPoints(model, 2.5)).toEqual([
      { field: 'points', code: 'too_big', params: { maximum: 2 } },
    ]);
    expect(validateBonusPoints(model, '1')).toEqual([
      { field: 'points', code: 'invalid_type', params: { expected: 'number' } },
    ]);
  });
});
