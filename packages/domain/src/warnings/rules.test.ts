import { describe, expect, it } from 'vitest';
import {
  CONDITIONS,
  defaultRuleSet,
  renderTemplate,
  RULE_PROBLEM_CODES,
  ruleSetSchema,
  thresholdClause,
  validateRuleSet,
  type RuleProblem,
} from './rules.ts';
import { CONDITION_TYPES } from './types.ts';

const good = () => ({
  rules: [
    {
      id: 'progress-lag',
      condition: 'progress_lag',
      enabled: true,
      thresholds: { yellow: 10, red: 30 },
      rectifyWorkingDays: 10,
      params: {},
    },
    {
      id: 'yellow-card-lights',
      condition: 'lights_in_period',
      enabled: true,
      thresholds: { yellow: 2 },
      rectifyWorkingDays: 15,
      params: { colour: 'yellow', period: 'month' },
    },
  ],
});

/** Validates the good set with one rule changed, returning [ruleIndex, ruleId, field, code, params]. */
function problems(change: (set: ReturnType<typeof good>) => void) {
  const set = good();
  change(set);
  return problemsOf(set);
}

function problemsOf(input: unknown) {
  const result = validateRuleSet(input);
  expect(result.ok).toBe(false);
  return (result as { problems: RuleProblem[] }).problems.map((p) => [
    p.ruleIndex,
    p.ruleId,
    p.field,
    p.code,
    p.params ?? {},
  ]);
}

describe('validateRuleSet', () => {
  it('accepts the default rule set and a good draft, normalising thresholds and params', () => {
    const d = defaultRuleSet();
    const result = validateRuleSet(d);
    expect(result).toEqual({ ok: true, ruleSet: { rules: d.rules } });
    const noParams = validateRuleSet({
      rules: [
        {
          id: 'a',
          condition: 'item_past_due',
          enabled: false,
          thresholds: { red: 1 },
          rectifyWorkingDays: 0,
        },
      ],
    });
    expect(noParams.ok && noParams.ruleSet.rules[0]).toEqual({
      id: 'a',
      condition: 'item_past_due',
      enabled: false,
      thresholds: { yellow: null, red: 1 },
      rectifyWorkingDays: 0,
      params: {},
    });
  });

  it('refuses an unknown condition, listing the known ones', () => {
    expect(
      problems((s) => {
        s.rules[1]!.condition = 'weather';
      }),
    ).toEqual([
      [
        1,
        'yellow-card-lights',
        'rules.1.condition',
        'unknown_condition',
        { value: 'weather', allowed: CONDITION_TYPES.join(', ') },
      ],
    ]);
  });

  it('refuses yellow above red', () => {
    expect(
      problems((s) => {
        s.rules[0]!.thresholds = { yellow: 31, red: 30 };
      }),
    ).toEqual([
      [0, 'progress-lag', 'rules.0.thresholds.yellow', 'yellow_above_red', { yellow: 31, red: 30 }],
    ]);
  });

  it('allows yellow equal to red (red wins)', () => {
    const s = good();
    s.rules[0]!.thresholds = { yellow: 30, red: 30 };
    expect(validateRuleSet(s).ok).toBe(true);
  });

  it.each<[unknown, string, Record<string, number>]>([
    [-1, 'too_small', { minimum: 0 }],
    [2.5, 'not_integer', {}],
    [367, 'too_big', { maximum: 366 }],
  ])('refuses a rectification deadline of %s', (value, code, params) => {
    expect(
      problems((s) => {
        (s.rules[0] as Record<string, unknown>).rectifyWorkingDays = value;
      }),
    ).toEqual([[0, 'progress-lag', 'rules.0.rectifyWorkingDays', code, params]]);
  });

  it('refuses a parameter of the wrong type or value, an unknown one, and a missing one', () => {
    expect(
      problems((s) => {
        s.rules[1]!.params = { colour: 'blue', period: 3 } as never;
      }),
    ).toEqual([
      [
        1,
        'yellow-card-lights',
        'rules.1.params.colour',
        'invalid_param',
        { condition: 'lights_in_period', param: 'colour', allowed: 'yellow, red, any' },
      ],
      [
        1,
        'yellow-card-lights',
        'rules.1.params.period',
        'invalid_param',
        { condition: 'lights_in_period', param: 'period', allowed: 'month, quarter' },
      ],
    ]);
    expect(
      problems((s) => {
        s.rules[0]!.params = { colour: 'yellow' } as never;
      }),
    ).toEqual([
      [
        0,
        'progress-lag',
        'rules.0.params.colour',
        'invalid_param',
        { condition: 'progress_lag', param: 'colour', allowed: '—' },
      ],
    ]);
    expect(
      problems((s) => {
        s.rules[1]!.params = { colour: 'yellow' } as never;
      }),
    ).toEqual([[1, 'yellow-card-lights', 'rules.1.params.period', 'required', {}]]);
    expect(
      problems((s) => {
        s.rules[1]!.params = { colour: 'yellow', period: 'month', nested: { a: 1 } } as never;
      }),
    ).toEqual([
      // One problem per field and code: the value's type is named first.
      [
        1,
        'yellow-card-lights',
        'rules.1.params.nested',
        'invalid_param',
        { condition: 'lights_in_period', param: 'nested', allowed: 'string, number, boolean' },
      ],
    ]);
  });

  it('refuses a rule with neither threshold', () => {
    for (const thresholds of [{}, { yellow: null, red: null }])
      expect(
        problems((s) => {
          s.rules[0]!.thresholds = thresholds as never;
        }),
      ).toEqual([[0, 'progress-lag', 'rules.0.thresholds', 'threshold_required', {}]]);
  });

  it('refuses negative, infinite and non-numeric thresholds', () => {
    expect(
      problems((s) => {
        s.rules[0]!.thresholds = { yellow: -1, red: 'x' } as never;
      }),
    ).toEqual([
      [0, 'progress-lag', 'rules.0.thresholds.yellow', 'too_small', { minimum: 0 }],
      [0, 'progress-lag', 'rules.0.thresholds.red', 'invalid_type', { expected: 'number' }],
    ]);
    expect(
      problems((s) => {
        s.rules[0]!.thresholds = { red: Infinity } as never;
      })[0]!.slice(2, 4),
    ).toEqual(['rules.0.thresholds.red', 'invalid_type']);
  });

  it('refuses a count threshold below one', () => {
    expect(
      problems((s) => {
        s.rules[1]!.thresholds = { yellow: 0.5 } as never;
      }),
    ).toEqual([[1, 'yellow-card-lights', 'rules.1.thresholds.yellow', 'too_small', { minimum: 1 }]]);
  });

  it('refuses duplicate rule ids, naming the first', () => {
    expect(
      problems((s) => {
        s.rules[1]!.id = 'progress-lag';
      }),
    ).toEqual([[1, 'progress-lag', 'rules.1.id', 'duplicate_rule_id', { id: 'progress-lag', first: 0 }]]);
  });

  it('maps what the shape refuses to a few codes', () => {
    expect(
      problems((s) => {
        const r = s.rules[0] as Record<string, unknown>;
        r.id = 'Progress Lag';
        delete r.enabled;
        r.extra = 1;
        (r.thresholds as Record<string, unknown>).orange = 5;
        r.name = { 'zh-CN': '', 'en-US': 'x'.repeat(101) };
      }),
    ).toEqual([
      [0, 'Progress Lag', 'rules.0.id', 'invalid_id', {}],
      [0, 'Progress Lag', 'rules.0.enabled', 'required', {}],
      [0, 'Progress Lag', 'rules.0.thresholds.orange', 'unknown_field', { name: 'orange' }],
      [0, 'Progress Lag', 'rules.0.name.zh-CN', 'too_small', { minimum: 1 }],
      [0, 'Progress Lag', 'rules.0.name.en-US', 'too_big', { maximum: 100 }],
      [0, 'Progress Lag', 'rules.0.extra', 'unknown_field', { name: 'extra' }],
    ]);
    expect(problemsOf(null)).toEqual([[null, null, '', 'invalid_type', { expected: 'object' }]]);
    expect(problemsOf({})).toEqual([[null, null, 'rules', 'required', {}]]);
    expect(problemsOf({ rules: [1] })).toEqual([
      [0, null, 'rules.0', 'invalid_type', { expected: 'object' }],
    ]);
    expect(
      problems((s) => {
        (s.rules[0] as Record<string, unknown>).enabled = 'yes';
      }),
    ).toEqual([[0, 'progress-lag', 'rules.0.enabled', 'invalid_type', { expected: 'boolean' }]]);
  });

  it('reports every problem of every rule at once, by rule', () => {
    const result = validateRuleSet({
      rules: [
        {
          id: 'a',
          condition: 'nope',
          enabled: true,
          thresholds: { yellow: 5, red: 1 },
          rectifyWorkingDays: -2,
        },
        { id: 'a', condition: 'progress_lag', enabled: true, thresholds: {}, rectifyWorkingDays: 1.5 },
      ],
    });
    expect(result.ok).toBe(false);
    const ps = (result as { problems: RuleProblem[] }).problems;
    expect(ps.map((p) => [p.ruleIndex, p.field, p.code])).toEqual([
      [0, 'rules.0.rectifyWorkingDays', 'too_small'],
      [0, 'rules.0.condition', 'unknown_condition'],
      [0, 'rules.0.thresholds.yellow', 'yellow_above_red'],
      [1, 'rules.1.rectifyWorkingDays', 'not_integer'],
      [1, 'rules.1.id', 'duplicate_rule_id'],
      [1, 'rules.1.thresholds', 'threshold_required'],
    ]);
    for (const p of ps) expect(RULE_PROBLEM_CODES).toContain(p.code);
  });

  it('the schema for request bodies carries the same checks as custom issues', () => {
    const s = good();
    s.rules[0]!.thresholds = { yellow: 31, red: 30 };
    const r = ruleSetSchema.safeParse(s);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['rules.0.thresholds.yellow', 'yellow_above_red'],
    ]);
    expect(ruleSetSchema.safeParse(defaultRuleSet()).success).toBe(true);
  });
});

describe('registry', () => {
  it('describes every condition in both languages', () => {
    expect(Object.keys(CONDITIONS).sort()).toEqual([...CONDITION_TYPES].sort());
    for (const spec of Object.values(CONDITIONS)) {
      for (const text of [spec.name, spec.metric, spec.explanation]) {
        expect(text['zh-CN']).toMatch(/\S/);
        expect(text['en-US']).toMatch(/\S/);
      }
      expect(spec.explanation['zh-CN']).toContain('{clause}');
      expect(spec.explanation['en-US']).toContain('{clause}');
    }
    expect(CONDITIONS.indicator_below_target.comparator).toBe('>');
    expect(CONDITIONS.quarterly_target_missed.comparator).toBe('>');
    expect(CONDITIONS.progress_lag.comparator).toBe('>=');
    expect(CONDITIONS.lights_in_period.kind).toBe('card');
    expect(CONDITIONS.lights_in_period.paramList).toEqual([
      { name: 'colour', type: 'enum', values: ['yellow', 'red', 'any'], required: true },
      { name: 'period', type: 'enum', values: ['month', 'quarter'], required: true },
    ]);
  });

  it('default rules are PRODUCT.md’s, with the agreed ids', () => {
    expect(
      defaultRuleSet().rules.map((r) => [
        r.id,
        r.condition,
        r.thresholds.yellow,
        r.thresholds.red,
        r.rectifyWorkingDays,
      ]),
    ).toEqual([
      ['report-overdue', 'report_overdue', 3, null, 5],
      ['progress-lag', 'progress_lag', 10, 30, 15],
      ['indicator-below-target', 'indicator_below_target', 0, null, 15],
      ['quarterly-target-missed', 'quarterly_target_missed', null, 0, 15],
      ['milestone-overdue', 'milestone_overdue', 1, 30, 15],
      ['item-past-due', 'item_past_due', null, 1, 10],
      ['project-start-missed', 'project_start_missed', 0, 3, 15],
      ['light-not-rectified', 'light_not_rectified', null, 1, 10],
      ['timetable-step-overdue', 'timetable_step_overdue', 1, 10, 5],
      ['yellow-card-lights', 'lights_in_period', 2, null, 20],
      ['red-card-red-light', 'red_light_unresolved', null, 1, 20],
      ['red-card-yellow-cards', 'cards_in_period', null, 2, 20],
    ]);
    expect(defaultRuleSet().version).toBe(1);
  });

  it('renders templates with plurals and without trailing zeros', () => {
    expect(renderTemplate('{n} {n|day|days}, {x}, {missing}', { n: 1, x: 32.5 })).toBe('1 day, 32.5, —');
    expect(renderTemplate('{n} {n|day|days}', { n: 30 })).toBe('30 days');
    expect(thresholdClause('progress_lag', 'red', 30, 30)).toEqual({
      'zh-CN': '，达到红灯阈值 30',
      'en-US': ', at the red threshold of 30',
    });
    expect(thresholdClause('cards_in_period', 'red', 3, 2)).toEqual({
      'zh-CN': '，超过红牌阈值 2',
      'en-US': ', over the red-card threshold of 2',
    });
  });
});
