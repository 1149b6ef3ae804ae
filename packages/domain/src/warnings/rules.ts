// Rules as data: the registry of condition types (what each measures, how it compares, its parameters and the
// sentences it explains itself with), the rule-set schema and its validation with per-rule problems, and the default
// rule set of PRODUCT.md "Default rules".
import { z } from 'zod';
import {
  CONDITION_TYPES,
  type Colour,
  type ConditionType,
  type Explanation,
  type Rule,
  type RuleSet,
  type WarningKind,
} from './types.ts';

// ------------------------------------------------------------------------------------------------- registry

/** `>=`: fires when the metric reaches the threshold; `>`: when it exceeds it (so 0 means "any shortfall"). */
export type Comparator = '>=' | '>';

/** One parameter of a condition, as the rule editor shows it and as validation checks it. */
export interface ParamSpec {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'enum';
  values?: string[];
  required: boolean;
}

export interface ConditionSpec {
  kind: WarningKind;
  name: Explanation;
  /** What the metric compared with the thresholds is, with its unit. */
  metric: Explanation;
  comparator: Comparator;
  /** The smallest meaningful threshold: counting conditions need at least one warning. */
  minThreshold: number;
  paramList: ParamSpec[];
  /** Validates a rule's `params` for this condition (strict: unknown parameters are refused). */
  params: z.ZodType<Record<string, string | number | boolean>>;
  /**
   * The explanation, with `{name}` filled from the finding's inputs and extra words, `{metric}`, `{clause}` (the
   * threshold sentence) and `{name|one|other}` choosing an English plural by a number.
   */
  explanation: Explanation;
}

const paramsSchema = (list: readonly ParamSpec[]) =>
  z.strictObject(
    Object.fromEntries(
      list.map((p) => {
        const base =
          p.type === 'enum'
            ? z.enum(p.values as [string, ...string[]])
            : p.type === 'number'
              ? z.number()
              : p.type === 'boolean'
                ? z.boolean()
                : z.string();
        return [p.name, p.required ? base : base.optional()];
      }),
    ),
  ) as unknown as z.ZodType<Record<string, string | number | boolean>>;

const PERIOD_COUNT_PARAMS = (colours: string[]): ParamSpec[] => [
  { name: 'colour', type: 'enum', values: colours, required: true },
  { name: 'period', type: 'enum', values: ['month', 'quarter'], required: true },
];

const spec = (s: Omit<ConditionSpec, 'params' | 'paramList' | 'minThreshold'> & Partial<ConditionSpec>) => {
  const paramList = s.paramList ?? [];
  return { minThreshold: 0, ...s, paramList, params: paramsSchema(paramList) } as ConditionSpec;
};

export const CONDITIONS: Record<ConditionType, ConditionSpec> = {
  report_overdue: spec({
    kind: 'light',
    name: { 'zh-CN': '报告逾期未报', 'en-US': 'Report overdue' },
    metric: {
      'zh-CN': '报告截止日后已过完的工作日数（未报送）',
      'en-US': 'Working days fully past the report deadline, not submitted',
    },
    comparator: '>=',
    explanation: {
      'zh-CN': '{periodKey} 期报告截止于 {deadline}，已逾期 {metric} 个工作日仍未报送{clause}',
      'en-US':
        'The report for {periodKey} was due on {deadline} and is still missing {metric} working {metric|day|days} later{clause}',
    },
  }),
  progress_lag: spec({
    kind: 'light',
    name: { 'zh-CN': '进度滞后', 'en-US': 'Progress behind plan' },
    metric: {
      'zh-CN': '最近一期已审核报告期末计划进度与实际进度之差（百分点）',
      'en-US': 'Percentage points behind plan at the end of the latest accepted period',
    },
    comparator: '>=',
    explanation: {
      'zh-CN': '进度滞后计划 {metric} 个百分点{clause}',
      'en-US': '{metric} {metric|point|points} behind plan{clause}',
    },
  }),
  indicator_below_target: spec({
    kind: 'light',
    name: { 'zh-CN': '指标低于累计目标', 'en-US': 'Indicator below its cumulative target' },
    metric: {
      'zh-CN': '最近一期已审核数值低于累计目标的差距（占目标 %）',
      'en-US': 'Shortfall of the latest accepted value against its cumulative target, % of target',
    },
    comparator: '>',
    explanation: {
      'zh-CN':
        '{periodKey} 累计值 {actual}，未达累计目标 {target}（完成 {attainmentPct}%，差 {metric}%）{clause}',
      'en-US':
        'The cumulative value for {periodKey} is {actual} against a target of {target} ({attainmentPct}% attained, {metric}% short){clause}',
    },
  }),
  quarterly_target_missed: spec({
    kind: 'light',
    name: { 'zh-CN': '季度目标未完成', 'en-US': 'Quarterly target missed' },
    metric: {
      'zh-CN': '季末累计值低于季度目标的差距（占目标 %）',
      'en-US': 'Shortfall against the quarter-end cumulative target, % of target',
    },
    comparator: '>',
    explanation: {
      'zh-CN':
        '{quarter} 季末累计值 {actual}，未完成季度目标 {target}（完成 {attainmentPct}%，差 {metric}%）{clause}',
      'en-US':
        'The cumulative value at the end of {quarter} is {actual}, missing the quarterly target of {target} ({attainmentPct}% attained, {metric}% short){clause}',
    },
  }),
  timetable_step_overdue: spec({
    kind: 'light',
    name: { 'zh-CN': '倒排时间表节点逾期', 'en-US': 'Rectification timetable step overdue' },
    metric: {
      'zh-CN': '整改倒排时间表中未完成节点逾期的天数',
      'en-US': 'Calendar days a step of a card’s rectification timetable is overdue',
    },
    comparator: '>=',
    explanation: {
      'zh-CN': '整改倒排时间表节点“{stepTitle}”计划于 {dueDate} 完成，已逾期 {metric} 天{clause}',
      'en-US':
        'Rectification timetable step "{stepTitle}" was due on {dueDate} and is {metric} {metric|day|days} overdue{clause}',
    },
  }),
  milestone_overdue: spec({
    kind: 'light',
    name: { 'zh-CN': '节点逾期', 'en-US': 'Milestone overdue' },
    metric: {
      'zh-CN': '未完成节点超过计划日期的天数',
      'en-US': 'Calendar days a milestone not yet reached is past its planned date',
    },
    comparator: '>=',
    explanation: {
      'zh-CN': '节点“{milestoneTitle}”计划于 {plannedDate} 完成，已逾期 {metric} 天{clause}',
      'en-US':
        'Milestone "{milestoneTitle}" was planned for {plannedDate} and is {metric} {metric|day|days} overdue{clause}',
    },
  }),
  item_past_due: spec({
    kind: 'light',
    name: { 'zh-CN': '事项超期未办结', 'en-US': 'Item past its due date' },
    metric: {
      'zh-CN': '超过办结期限的天数（未办结）',
      'en-US': 'Calendar days past the due date, not completed',
    },
    comparator: '>=',
    explanation: {
      'zh-CN': '事项办结期限为 {dueDate}，已超期 {metric} 天仍未办结{clause}',
      'en-US': 'The item was due on {dueDate} and is still open {metric} {metric|day|days} later{clause}',
    },
  }),
  project_start_missed: spec({
    kind: 'light',
    name: { 'zh-CN': '项目未按期开工', 'en-US': 'Project start missed' },
    metric: {
      'zh-CN': '超过计划开工日的整月数（首月为 0）',
      'en-US': 'Whole months since the missed planned start (0 in the first month)',
    },
    comparator: '>=',
    explanation: {
      'zh-CN': '项目计划于 {plannedStart} 开工，已逾期 {daysLate} 天（{metric} 个整月）仍未开工{clause}',
      'en-US':
        'The project was planned to start on {plannedStart} and has not started {daysLate} {daysLate|day|days} later ({metric} whole {metric|month|months}){clause}',
    },
  }),
  light_not_rectified: spec({
    kind: 'light',
    name: { 'zh-CN': '亮灯逾期未整改', 'en-US': 'Light not rectified in time' },
    metric: {
      'zh-CN': '整改期限后已过完的工作日数（未销号）',
      'en-US': 'Working days fully past the rectification deadline, not cleared',
    },
    comparator: '>=',
    paramList: [{ name: 'colour', type: 'enum', values: ['yellow', 'red'], required: true }],
    explanation: {
      'zh-CN': '{lightColourZh}灯整改期限为 {rectifyBy}，已过 {metric} 个工作日仍未销号{clause}',
      'en-US':
        'The {lightColour} light was due to be rectified by {rectifyBy} and is still open {metric} working {metric|day|days} later{clause}',
    },
  }),
  lights_in_period: spec({
    kind: 'card',
    name: { 'zh-CN': '期内亮灯次数', 'en-US': 'Lights in a period' },
    metric: {
      'zh-CN': '本月（或本季度）单位事项被亮灯次数',
      'en-US': "Lights issued to the unit's items in the month (or quarter)",
    },
    comparator: '>=',
    minThreshold: 1,
    paramList: PERIOD_COUNT_PARAMS(['yellow', 'red', 'any']),
    explanation: {
      'zh-CN': '{period} 该单位事项被亮{lightColourZh}灯 {metric} 次{clause}',
      'en-US': "{metric} {lightColourEn}{metric|light|lights} issued to the unit's items in {period}{clause}",
    },
  }),
  cards_in_period: spec({
    kind: 'card',
    name: { 'zh-CN': '期内亮牌次数', 'en-US': 'Cards in a period' },
    metric: {
      'zh-CN': '本季度（或本月）单位被亮牌次数',
      'en-US': 'Cards issued to the unit in the quarter (or month)',
    },
    comparator: '>=',
    minThreshold: 1,
    paramList: PERIOD_COUNT_PARAMS(['yellow', 'red', 'any']),
    explanation: {
      'zh-CN': '{period} 该单位被亮{cardColourZh}牌 {metric} 次{clause}',
      'en-US': '{metric} {cardColourEn}{metric|card|cards} issued to the unit in {period}{clause}',
    },
  }),
  red_light_unresolved: spec({
    kind: 'card',
    name: { 'zh-CN': '红灯逾期未解决', 'en-US': 'Red light unresolved' },
    metric: {
      'zh-CN': '红灯整改期限后已过完的工作日数（未销号）',
      'en-US': 'Working days a red light is fully past its rectification deadline',
    },
    comparator: '>=',
    explanation: {
      'zh-CN': '事项 {lightRef} 的红灯整改期限为 {rectifyBy}，已过 {metric} 个工作日仍未解决{clause}',
      'en-US':
        'The red light on {lightRef} was due to be rectified by {rectifyBy} and is unresolved {metric} working {metric|day|days} later{clause}',
    },
  }),
};

// ------------------------------------------------------------------------------------------- explanations

const COLOUR_ZH: Record<Colour, string> = { yellow: '黄', red: '红' };

/** A number as people write it: no trailing `.0`, never `-0`. */
export const formatNumber = (n: number): string => (Object.is(n, -0) ? '0' : String(n));

const TEMPLATE_RE = /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g;

/** A template split once into literal text and placeholders (`[name, one?, other?]`). */
type Compiled = (string | [string, string?, string?])[];
const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  let parts = compiled.get(template);
  if (parts) return parts;
  parts = [];
  let at = 0;
  for (const m of template.matchAll(TEMPLATE_RE)) {
    if (m.index > at) parts.push(template.slice(at, m.index));
    parts.push(m[2] === undefined ? [m[1]!] : [m[1]!, m[2], m[3]]);
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push(template.slice(at));
  compiled.set(template, parts);
  return parts;
}

type Vars = Record<string, string | number | null | undefined>;

/** Renders a compiled template, looking each name up in the sources in turn (no merged object per finding). */
function render(template: string, ...sources: Vars[]): string {
  // Joined, not `+=`: one flat string per explanation instead of a rope of pieces kept alive with every finding.
  const out: string[] = [];
  for (const part of compile(template)) {
    if (typeof part === 'string') {
      out.push(part);
      continue;
    }
    let v: string | number | null | undefined;
    for (const src of sources) if ((v = src[part[0]]) !== undefined) break;
    if (part.length > 1) out.push(v === 1 ? part[1]! : (part[2] ?? ''));
    else out.push(v === null || v === undefined ? '—' : typeof v === 'number' ? formatNumber(v) : v);
  }
  return out.join('');
}

/** Fills `{name}` and `{name|one|other}` (English plural by the number `name`); a missing value shows as `—`. */
export const renderTemplate = (template: string, vars: Vars): string => render(template, vars);

/**
 * The threshold sentence: "，超过红灯阈值 30" / ", over the red threshold of 30", "达到 / at" when the metric equals the
 * threshold; cards say 黄牌/红牌 and "yellow-card"; the shortfall conditions say "any shortfall" for a 0 threshold.
 */
export function thresholdClause(
  condition: ConditionType,
  colour: Colour,
  metric: number,
  threshold: number,
): Explanation {
  // Few distinct clauses exist (condition × colour × at/over × threshold): build each once.
  const k = `${condition}|${colour}|${metric === threshold}|${threshold}`;
  let clause = clauses.get(k);
  if (!clause) clauses.set(k, (clause = Object.freeze(buildClause(condition, colour, metric, threshold))));
  return clause;
}
const clauses = new Map<string, Explanation>();

function buildClause(
  condition: ConditionType,
  colour: Colour,
  metric: number,
  threshold: number,
): Explanation {
  const s = CONDITIONS[condition];
  const t = formatNumber(threshold);
  const zhColour = COLOUR_ZH[colour];
  if (s.comparator === '>') {
    if (threshold === 0)
      return { 'zh-CN': `，未达目标即亮${zhColour}灯`, 'en-US': `; any shortfall lights ${colour}` };
    return {
      'zh-CN': `，差距超过${zhColour}灯阈值 ${t}%`,
      'en-US': `, a shortfall over the ${colour} threshold of ${t}%`,
    };
  }
  const at = metric === threshold;
  const zhName = s.kind === 'card' ? `${zhColour}牌阈值` : `${zhColour}灯阈值`;
  const enName = s.kind === 'card' ? `${colour}-card threshold` : `${colour} threshold`;
  return {
    'zh-CN': `，${at ? '达到' : '超过'}${zhName} ${t}`,
    'en-US': `, ${at ? 'at' : 'over'} the ${enName} of ${t}`,
  };
}

/** A finding's explanation in both languages from its condition's templates. */
export function explain(
  condition: ConditionType,
  colour: Colour,
  metric: number,
  threshold: number,
  inputs: Record<string, string | number | null>,
  words: Record<string, string | number | null> = {},
): Explanation {
  const clause = thresholdClause(condition, colour, metric, threshold);
  const t = CONDITIONS[condition].explanation;
  return {
    'zh-CN': render(t['zh-CN'], { metric, clause: clause['zh-CN'] }, inputs, words),
    'en-US': render(t['en-US'], { metric, clause: clause['en-US'] }, inputs, words),
  };
}

// ----------------------------------------------------------------------------------------- schema and checks

export const RULE_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const MAX_RULES = 200;
export const MAX_RECTIFY_WORKING_DAYS = 366;

const threshold = z.number().min(0).nullable().optional();

/** The shape of one rule; the condition-dependent checks are in `ruleSetProblems`. */
const ruleShape = z.strictObject({
  id: z.string().regex(RULE_ID_RE),
  condition: z.string(),
  enabled: z.boolean(),
  thresholds: z.strictObject({ yellow: threshold, red: threshold }),
  rectifyWorkingDays: z.number().int().min(0).max(MAX_RECTIFY_WORKING_DAYS),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  name: z
    .strictObject({
      'zh-CN': z.string().trim().min(1).max(100),
      'en-US': z.string().trim().min(1).max(100),
    })
    .optional(),
});

const ruleSetShape = z.strictObject({
  /** Accepted and ignored: the server numbers versions. */
  version: z.number().int().min(1).optional(),
  rules: z.array(ruleShape).max(MAX_RULES),
});

/** Every code `validateRuleSet` may return (the server translates each). */
export const RULE_PROBLEM_CODES = [
  'required', // a field is missing
  'invalid_type', // params: { expected }
  'not_integer', // a whole number was expected
  'too_small', // params: { minimum }
  'too_big', // params: { maximum }
  'invalid_value', // params: { allowed? } (comma-separated)
  'invalid_id', // a rule id that is not a slug /^[a-z0-9][a-z0-9-]{0,63}$/
  'unknown_field', // params: { name }
  'unknown_condition', // params: { value, allowed }
  'invalid_param', // params: { condition, param, allowed }
  'threshold_required', // neither yellow nor red set
  'yellow_above_red', // params: { yellow, red }
  'duplicate_rule_id', // params: { id, first } (index of the first rule with that id)
] as const;
export type RuleProblemCode = (typeof RULE_PROBLEM_CODES)[number];

export interface RuleProblem {
  ruleIndex: number | null;
  ruleId: string | null;
  /** Dotted path into the rule set, e.g. `rules.3.thresholds.yellow`. */
  field: string;
  code: RuleProblemCode;
  params?: Record<string, string | number>;
}

type Path = readonly PropertyKey[];
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const valueAt = (root: unknown, path: Path): unknown => {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
};
const pathString = (path: Path) => path.map(String).join('.');
/** A problem located by its path, before it is named by rule and field. */
type RawProblem = { path: Path; code: RuleProblemCode; params?: Record<string, string | number> };

/** Problems beyond the shape: the condition, its parameters, the thresholds together, unique ids. */
function ruleSetProblems(input: unknown): RawProblem[] {
  const out: RawProblem[] = [];
  const rules = isRecord(input) ? input.rules : undefined;
  if (!Array.isArray(rules)) return out;
  const firstById = new Map<string, number>();
  rules.forEach((rule: unknown, i) => {
    if (!isRecord(rule)) return;
    const at = ['rules', i];
    if (typeof rule.id === 'string') {
      const first = firstById.get(rule.id);
      if (first !== undefined)
        out.push({ path: [...at, 'id'], code: 'duplicate_rule_id', params: { id: rule.id, first } });
      else firstById.set(rule.id, i);
    }
    const condition = rule.condition;
    const known = typeof condition === 'string' && (CONDITION_TYPES as readonly string[]).includes(condition);
    if (typeof condition === 'string' && !known)
      out.push({
        path: [...at, 'condition'],
        code: 'unknown_condition',
        params: { value: condition, allowed: CONDITION_TYPES.join(', ') },
      });
    const spec = known ? CONDITIONS[condition as ConditionType] : undefined;
    if (spec && (rule.params === undefined || isRecord(rule.params))) {
      const result = spec.params.safeParse(rule.params ?? {});
      if (!result.success)
        out.push(
          ...paramProblems(
            result.error.issues,
            rule.params ?? {},
            [...at, 'params'],
            condition as ConditionType,
          ),
        );
    }
    const th = rule.thresholds;
    if (isRecord(th)) {
      const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
      const yellow = num(th.yellow);
      const red = num(th.red);
      if ((th.yellow === undefined || th.yellow === null) && (th.red === undefined || th.red === null))
        out.push({ path: [...at, 'thresholds'], code: 'threshold_required' });
      if (yellow !== null && red !== null && yellow > red)
        out.push({
          path: [...at, 'thresholds', 'yellow'],
          code: 'yellow_above_red',
          params: { yellow, red },
        });
      // Below 0 is the shape's complaint; between 0 and the condition's minimum is ours.
      for (const [colour, v] of [
        ['yellow', yellow],
        ['red', red],
      ] as const)
        if (spec && v !== null && v >= 0 && v < spec.minThreshold)
          out.push({
            path: [...at, 'thresholds', colour],
            code: 'too_small',
            params: { minimum: spec.minThreshold },
          });
    }
  });
  return out;
}

function paramProblems(
  issues: readonly z.core.$ZodIssue[],
  params: unknown,
  at: Path,
  condition: ConditionType,
): RawProblem[] {
  const list = CONDITIONS[condition].paramList;
  const names = list.map((p) => p.name).join(', ') || '—';
  return issues.flatMap((issue): RawProblem[] => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        path: [...at, key],
        code: 'invalid_param' as const,
        params: { condition, param: key, allowed: names },
      }));
    const name = String(issue.path[0] ?? '');
    const p = list.find((x) => x.name === name);
    if (valueAt(params, issue.path) === undefined)
      return [{ path: [...at, name], code: 'required' as const }];
    return [
      {
        path: [...at, name],
        code: 'invalid_param' as const,
        params: { condition, param: name, allowed: p?.values?.join(', ') ?? p?.type ?? names },
      },
    ];
  });
}

/** One zod issue of the shape as problems (an unrecognised-keys issue names each key). */
function shapeProblems(issue: z.core.$ZodIssue, input: unknown): RawProblem[] {
  const path = issue.path;
  const one = (code: RuleProblemCode, params?: Record<string, string | number>): RawProblem[] => [
    { path, code, ...(params && { params }) },
  ];
  // A bad value inside params: the condition-aware check names it; here it is only a wrong type.
  const inParams = path.length >= 4 && path[0] === 'rules' && path[2] === 'params';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((name) => ({
        path: [...path, name],
        code: 'unknown_field' as const,
        params: { name },
      }));
    case 'invalid_type':
      if (valueAt(input, path) === undefined) return one('required');
      if (issue.expected === 'int') return one('not_integer');
      return one('invalid_type', { expected: String(issue.expected) });
    case 'too_small':
      return one('too_small', { minimum: Number(issue.minimum) });
    case 'too_big':
      return one('too_big', { maximum: Number(issue.maximum) });
    case 'invalid_format':
      return path[path.length - 1] === 'id' ? one('invalid_id') : one('invalid_value');
    case 'invalid_value':
      return one('invalid_value', { allowed: issue.values.map(String).join(', ') });
    case 'invalid_union':
      if (inParams) {
        const rule = valueAt(input, path.slice(0, 2));
        const condition = isRecord(rule) ? String(rule.condition) : '';
        return one('invalid_param', {
          condition,
          param: String(path[3]),
          allowed: 'string, number, boolean',
        });
      }
      return one('invalid_value');
    default:
      return one('invalid_value');
  }
}

export type RuleSetValidation =
  { ok: true; ruleSet: Omit<RuleSet, 'version'> } | { ok: false; problems: RuleProblem[] };

/**
 * Validates a rule set (as the editor sends it: `{ rules: [...] }`), returning every problem at once, each naming
 * its rule (index and id) and field. The result's rules carry `params` ({} when left out).
 */
export function validateRuleSet(input: unknown): RuleSetValidation {
  const parsed = ruleSetShape.safeParse(input);
  const raw = [
    ...(parsed.success ? [] : parsed.error.issues.flatMap((i) => shapeProblems(i, input))),
    ...ruleSetProblems(input),
  ];
  if (raw.length === 0 && parsed.success) {
    const rules = parsed.data.rules.map((r) => {
      const rule: Rule = {
        id: r.id,
        condition: r.condition as ConditionType,
        enabled: r.enabled,
        thresholds: { yellow: r.thresholds.yellow ?? null, red: r.thresholds.red ?? null },
        rectifyWorkingDays: r.rectifyWorkingDays,
        params: r.params ?? {},
      };
      if (r.name) rule.name = r.name;
      return rule;
    });
    return { ok: true, ruleSet: { rules } };
  }
  const rules = isRecord(input) && Array.isArray(input.rules) ? input.rules : [];
  const seen = new Set<string>();
  const problems: RuleProblem[] = [];
  for (const p of raw) {
    const field = pathString(p.path);
    if (seen.has(`${field}|${p.code}`)) continue;
    seen.add(`${field}|${p.code}`);
    const ruleIndex = p.path[0] === 'rules' && typeof p.path[1] === 'number' ? p.path[1] : null;
    const id = ruleIndex === null ? undefined : valueAt(rules, [ruleIndex, 'id']);
    problems.push({
      ruleIndex,
      ruleId: typeof id === 'string' ? id : null,
      field,
      code: p.code,
      ...(p.params && { params: p.params }),
    });
  }
  // By rule, keeping each rule's problems in the order found (the sort is stable).
  problems.sort((a, b) => (a.ruleIndex ?? -1) - (b.ruleIndex ?? -1));
  return { ok: false, problems };
}

/**
 * The rule-set schema for request bodies and OpenAPI: the shape plus the same condition-aware checks as custom issues
 * (`params.code` holds the problem code). `validateRuleSet` is the one to call for per-rule problems.
 */
export const ruleSetSchema = ruleSetShape.superRefine((value, ctx) => {
  for (const p of ruleSetProblems(value))
    ctx.addIssue({
      code: 'custom',
      path: [...p.path],
      message: p.code,
      params: { code: p.code, ...p.params },
    });
});

// ------------------------------------------------------------------------------------------------- defaults

/** PRODUCT.md "Default rules", as version 1 of every region's rule set. */
export function defaultRuleSet(): RuleSet {
  const rule = (
    id: string,
    condition: ConditionType,
    thresholds: Rule['thresholds'],
    rectifyWorkingDays: number,
    params: Rule['params'] = {},
  ): Rule => ({
    id,
    condition,
    enabled: true,
    thresholds: { yellow: thresholds.yellow ?? null, red: thresholds.red ?? null },
    rectifyWorkingDays,
    params,
  });
  return {
    version: 1,
    rules: [
      // Rectification periods (整改期限) in working days: three weeks for a lagging item to catch up before its
      // yellow light turns red, one week for a missing report, four weeks for a unit's card.
      rule('report-overdue', 'report_overdue', { yellow: 3 }, 5),
      rule('progress-lag', 'progress_lag', { yellow: 10, red: 30 }, 15),
      rule('indicator-below-target', 'indicator_below_target', { yellow: 0 }, 15),
      rule('quarterly-target-missed', 'quarterly_target_missed', { red: 0 }, 15),
      rule('milestone-overdue', 'milestone_overdue', { yellow: 1, red: 30 }, 15),
      rule('item-past-due', 'item_past_due', { red: 1 }, 10),
      rule('project-start-missed', 'project_start_missed', { yellow: 0, red: 3 }, 15),
      rule('light-not-rectified', 'light_not_rectified', { red: 1 }, 10, { colour: 'yellow' }),
      rule('timetable-step-overdue', 'timetable_step_overdue', { yellow: 1, red: 10 }, 5),
      rule('yellow-card-lights', 'lights_in_period', { yellow: 2 }, 20, {
        colour: 'yellow',
        period: 'month',
      }),
      rule('red-card-red-light', 'red_light_unresolved', { red: 1 }, 20),
      rule('red-card-yellow-cards', 'cards_in_period', { red: 2 }, 20, {
        colour: 'yellow',
        period: 'quarter',
      }),
    ],
  };
}
