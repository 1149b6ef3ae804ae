// The index model as data: its schema, validation on save with every problem naming its field (as the warning
// engine's rule sets do), and the default model of PRODUCT.md "Default running-index model".
import { z } from 'zod';
import { UNIT_KINDS, type UnitKind } from '../access.ts';
import type { FieldProblem } from '../problems.ts';
import {
  BELOW_MINIMUM_HANDLINGS,
  INDEX_ITEM_KINDS,
  INDEX_METHODS,
  type IndexComponent,
  type Localised,
  type IndexMethod,
  type IndexModel,
  type MethodParams,
} from './types.ts';

// ------------------------------------------------------------------------------------------------- limits

export const INDEX_ID_RE = /^[a-z][a-zA-Z0-9_-]{0,31}$/;
export const WEIGHT_TOTAL = 100;
const WEIGHT_TOLERANCE = 1e-9;
/** The highest item cap: 10 × plan. */
export const MAX_COMPONENT_CAP = 1000;
export const MAX_COMPONENTS = 20;
export const MAX_CATEGORIES = 50;
export const MAX_BOARD_SIZE = 50;
export const MAX_MIN_RATINGS = 1000;
/** No single deduction or bonus, nor a month's cap of either, can exceed the whole score. */
export const MAX_POINTS = 100;

/** Each method's parameters with their defaults (a model may leave any of them out). */
export const METHOD_DEFAULTS: { [M in IndexMethod]: MethodParams[M] } = {
  progress: { kinds: ['work', 'project'] },
  indicators: { floorFraction: 0.6 },
  timeliness: { reports: true, milestones: true },
  service_rating: { minRatings: 3, belowMinimum: 'category_mean', neutralScore: 60 },
};

const methodParamsShape = {
  progress: z.strictObject({ kinds: z.array(z.enum(INDEX_ITEM_KINDS)).min(1).optional() }),
  indicators: z.strictObject({ floorFraction: z.number().min(0).max(1).optional() }),
  timeliness: z.strictObject({ reports: z.boolean().optional(), milestones: z.boolean().optional() }),
  service_rating: z.strictObject({
    minRatings: z.number().int().min(1).max(MAX_MIN_RATINGS).optional(),
    belowMinimum: z.enum(BELOW_MINIMUM_HANDLINGS).optional(),
    neutralScore: z.number().min(0).max(100).optional(),
  }),
} satisfies Record<IndexMethod, z.ZodType>;

// ------------------------------------------------------------------------------------------------- schema

const localised = z.strictObject({
  'zh-CN': z.string().trim().min(1).max(100),
  'en-US': z.string().trim().min(1).max(100),
});
const points = z.number().min(0).max(MAX_POINTS);

/** The shape; method-dependent and cross-field checks are in `modelProblems`. */
const componentShape = z.strictObject({
  id: z.string().regex(INDEX_ID_RE),
  method: z.string(),
  name: localised.optional(),
  weight: z.number().min(0).max(WEIGHT_TOTAL),
  cap: z.number().min(0).max(MAX_COMPONENT_CAP).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

const modelShape = z.strictObject({
  /** Kept when given (results cite it); the server numbers the versions it saves. */
  version: z.number().int().min(1).optional(),
  components: z.array(componentShape).min(1).max(MAX_COMPONENTS),
  deductions: z.strictObject({
    yellowLight: points,
    redLight: points,
    yellowCard: points,
    redCard: points,
    admonition: points,
    monthlyCap: points.nullable(),
  }),
  bonuses: z.strictObject({ minPoints: points, maxPoints: points, monthlyCap: points }),
  ranking: z.strictObject({
    categories: z
      .array(
        z.strictObject({
          id: z.string().regex(INDEX_ID_RE),
          name: localised,
          unitKinds: z.array(z.enum(UNIT_KINDS)).max(UNIT_KINDS.length),
        }),
      )
      .min(1)
      .max(MAX_CATEGORIES),
    boardSize: z.number().int().min(1).max(MAX_BOARD_SIZE),
  }),
});

/** Every code `validateIndexModel` may return (the server translates each), with its params. */
export const INDEX_MODEL_PROBLEM_CODES = [
  'required', // a field is missing
  'invalid_type', // params: { expected }
  'not_integer', // a whole number was expected
  'too_small', // params: { minimum } (a number, or the fewest entries of a list)
  'too_big', // params: { maximum }
  'invalid_value', // params: { allowed? } (comma-separated)
  'invalid_id', // an id that is not /^[a-z][a-zA-Z0-9_-]{0,31}$/
  'unknown_field', // params: { name }
  'unknown_method', // params: { value, allowed }
  'invalid_param', // params: { method, param, allowed } (an unknown parameter of the method)
  'weights_sum', // field `components`; params: { sum, expected } (the weights must sum to 100)
  'duplicate_component_id', // params: { id, first } (index of the first component with that id)
  'duplicate_category_id', // params: { id, first }
  'duplicate_unit_kind', // params: { kind, first } (index of the category that already holds the kind)
  'no_inputs', // a timeliness component counting neither reports nor milestones
  'min_above_max', // field `bonuses.minPoints`; params: { min, max }
] as const;
export type IndexModelProblemCode = (typeof INDEX_MODEL_PROBLEM_CODES)[number];

export interface IndexModelProblem extends FieldProblem {
  /** Dotted path into the model, e.g. `components.2.weight`. */
  field: string;
  code: IndexModelProblemCode;
}

type Path = readonly PropertyKey[];
type RawProblem = { path: Path; code: IndexModelProblemCode; params?: Record<string, string | number> };

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
const isMethod = (v: unknown): v is IndexMethod =>
  typeof v === 'string' && (INDEX_METHODS as readonly string[]).includes(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** One zod issue as problems, its path under `at` (an unrecognised-keys issue names each key). */
function issueProblems(
  issue: z.core.$ZodIssue,
  root: unknown,
  at: Path = [],
  unknownKey?: (key: string) => RawProblem,
): RawProblem[] {
  const path = [...at, ...issue.path];
  const one = (code: IndexModelProblemCode, params?: Record<string, string | number>): RawProblem[] => [
    { path, code, ...(params && { params }) },
  ];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map(
        (name) =>
          unknownKey?.(name) ?? { path: [...path, name], code: 'unknown_field' as const, params: { name } },
      );
    case 'invalid_type':
      if (valueAt(root, path) === undefined) return one('required');
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
    default:
      return one('invalid_value');
  }
}

/** Problems beyond the shape: methods and their parameters, the weights together, unique ids and kinds, bonus range. */
function modelProblems(input: unknown): RawProblem[] {
  const out: RawProblem[] = [];
  if (!isRecord(input)) return out;
  const components = input.components;
  if (Array.isArray(components)) {
    const firstById = new Map<string, number>();
    let sum = 0;
    let weightsOk = components.length > 0;
    components.forEach((c: unknown, i) => {
      if (!isRecord(c)) {
        weightsOk = false;
        return;
      }
      const at = ['components', i];
      if (typeof c.id === 'string') {
        const first = firstById.get(c.id);
        if (first !== undefined)
          out.push({ path: [...at, 'id'], code: 'duplicate_component_id', params: { id: c.id, first } });
        else firstById.set(c.id, i);
      }
      if (finite(c.weight) && c.weight >= 0) sum += c.weight;
      else weightsOk = false;
      if (typeof c.method === 'string' && !isMethod(c.method))
        out.push({
          path: [...at, 'method'],
          code: 'unknown_method',
          params: { value: c.method, allowed: INDEX_METHODS.join(', ') },
        });
      if (isMethod(c.method) && (c.params === undefined || isRecord(c.params))) {
        const method = c.method;
        const params = c.params ?? {};
        const result = methodParamsShape[method].safeParse(params);
        const allowed = Object.keys(METHOD_DEFAULTS[method]).join(', ');
        if (!result.success)
          for (const issue of result.error.issues)
            out.push(
              ...issueProblems(issue, input, [...at, 'params'], (param) => ({
                path: [...at, 'params', param],
                code: 'invalid_param',
                params: { method, param, allowed },
              })),
            );
        else if (method === 'timeliness') {
          const p = { ...METHOD_DEFAULTS.timeliness, ...(result.data as object) };
          if (!p.reports && !p.milestones) out.push({ path: [...at, 'params'], code: 'no_inputs' });
        }
      }
    });
    if (weightsOk && Math.abs(sum - WEIGHT_TOTAL) > WEIGHT_TOLERANCE)
      out.push({
        path: ['components'],
        code: 'weights_sum',
        params: { sum: Number(sum.toFixed(4)), expected: WEIGHT_TOTAL },
      });
  }
  const categories = isRecord(input.ranking) ? input.ranking.categories : undefined;
  if (Array.isArray(categories)) {
    const firstById = new Map<string, number>();
    const categoryOfKind = new Map<string, number>();
    categories.forEach((c: unknown, i) => {
      if (!isRecord(c)) return;
      const at = ['ranking', 'categories', i];
      if (typeof c.id === 'string') {
        const first = firstById.get(c.id);
        if (first !== undefined)
          out.push({ path: [...at, 'id'], code: 'duplicate_category_id', params: { id: c.id, first } });
        else firstById.set(c.id, i);
      }
      if (Array.isArray(c.unitKinds))
        c.unitKinds.forEach((kind: unknown, j) => {
          if (typeof kind !== 'string') return;
          const first = categoryOfKind.get(kind);
          if (first !== undefined)
            out.push({
              path: [...at, 'unitKinds', j],
              code: 'duplicate_unit_kind',
              params: { kind, first },
            });
          else categoryOfKind.set(kind, i);
        });
    });
  }
  const bonuses = input.bonuses;
  if (isRecord(bonuses) && finite(bonuses.minPoints) && finite(bonuses.maxPoints))
    if (bonuses.minPoints > bonuses.maxPoints)
      out.push({
        path: ['bonuses', 'minPoints'],
        code: 'min_above_max',
        params: { min: bonuses.minPoints, max: bonuses.maxPoints },
      });
  return out;
}

export type IndexModelValidation =
  { ok: true; model: IndexModel } | { ok: false; problems: IndexModelProblem[] };

/**
 * Validates an index model (as the editor sends it), returning every problem at once, each naming its field by a
 * dotted path (`components.1.weight`, `ranking.categories.0.unitKinds.2`). The valid model comes back normalised:
 * every component with its cap (100 when left out) and all its method's parameters (defaults filled in).
 */
export function validateIndexModel(input: unknown): IndexModelValidation {
  const parsed = modelShape.safeParse(input);
  const raw = [
    ...(parsed.success ? [] : parsed.error.issues.flatMap((i) => issueProblems(i, input))),
    ...modelProblems(input),
  ];
  if (raw.length === 0 && parsed.success) return { ok: true, model: normalise(parsed.data) };
  const seen = new Set<string>();
  const problems: IndexModelProblem[] = [];
  for (const p of raw) {
    const field = p.path.map(String).join('.');
    if (seen.has(`${field}|${p.code}`)) continue;
    seen.add(`${field}|${p.code}`);
    problems.push({ field, code: p.code, ...(p.params && { params: p.params }) });
  }
  return { ok: false, problems };
}

function normalise(data: z.infer<typeof modelShape>): IndexModel {
  const components = data.components.map((c): IndexComponent => {
    const method = c.method as IndexMethod;
    const params = { ...METHOD_DEFAULTS[method], ...(c.params as object) } as MethodParams[typeof method];
    if (method === 'progress') {
      const p = params as MethodParams['progress'];
      p.kinds = INDEX_ITEM_KINDS.filter((k) => p.kinds.includes(k));
    }
    return {
      id: c.id,
      method,
      ...(c.name && { name: { ...c.name } }),
      weight: c.weight,
      cap: c.cap ?? 100,
      params,
    } as IndexComponent;
  });
  return {
    ...(data.version !== undefined && { version: data.version }),
    components,
    deductions: { ...data.deductions },
    bonuses: { ...data.bonuses },
    ranking: {
      categories: data.ranking.categories.map((c) => ({
        id: c.id,
        name: { ...c.name },
        unitKinds: [...c.unitKinds],
      })),
      boardSize: data.ranking.boardSize,
    },
  };
}

/**
 * The model schema for request bodies and OpenAPI: the shape plus the same checks as custom issues (`params.code`
 * holds the problem code). `validateIndexModel` is the one to call for the problems and the normalised model.
 */
export const indexModelSchema = modelShape.superRefine((value, ctx) => {
  for (const p of modelProblems(value))
    ctx.addIssue({
      code: 'custom',
      path: [...p.path],
      message: p.code,
      params: { code: p.code, ...p.params },
    });
});

/** Problems of a bonus's points against the model, as `points`: a number within [minPoints, maxPoints]. */
export function validateBonusPoints(
  model: Pick<IndexModel, 'bonuses'>,
  points: unknown,
): IndexModelProblem[] {
  if (typeof points !== 'number' || Number.isNaN(points))
    return [{ field: 'points', code: 'invalid_type', params: { expected: 'number' } }];
  if (!(points >= model.bonuses.minPoints))
    return [{ field: 'points', code: 'too_small', params: { minimum: model.bonuses.minPoints } }];
  if (!(points <= model.bonuses.maxPoints))
    return [{ field: 'points', code: 'too_big', params: { maximum: model.bonuses.maxPoints } }];
  return [];
}

/** The category a unit of this kind races in, or null when the model places the kind in none. */
export function categoryForUnitKind(model: Pick<IndexModel, 'ranking'>, kind: UnitKind): string | null {
  return model.ranking.categories.find((c) => c.unitKinds.includes(kind))?.id ?? null;
}

// ------------------------------------------------------------------------------------------------- defaults

/** What each method is called when a component has no name of its own. */
export const METHOD_NAMES: { [M in IndexMethod]: Localised } = {
  progress: { 'zh-CN': '工作进度', 'en-US': 'Progress' },
  indicators: { 'zh-CN': '指标完成', 'en-US': 'Indicators' },
  timeliness: { 'zh-CN': '按时报送', 'en-US': 'Timeliness' },
  service_rating: { 'zh-CN': '服务评议', 'en-US': 'Service rating' },
};

/** A component's name in both languages: its own, else its method's. */
export const componentName = (c: Pick<IndexComponent, 'method' | 'name'>): Localised =>
  c.name ?? METHOD_NAMES[c.method];

/**
 * PRODUCT.md "Default running-index model", as version 1 of every region's model: progress 40, indicators 25,
 * timeliness 15, service rating 20; yellow light −1, red light −2, yellow card −3, red card −5, admonition −0.5 (no
 * monthly limit); commendations +0.5 to +2 each, at most +3 a month (less than the smallest component can swing, so a
 * commendation rewards without overturning the race); towns, townships and streets race one another, departments
 * (and other units) one another; three on each board.
 */
export function defaultIndexModel(): IndexModel {
  return {
    version: 1,
    components: [
      {
        id: 'progress',
        method: 'progress',
        name: { ...METHOD_NAMES.progress },
        weight: 40,
        cap: 100,
        params: { kinds: [...METHOD_DEFAULTS.progress.kinds] },
      },
      {
        id: 'indicators',
        method: 'indicators',
        name: { ...METHOD_NAMES.indicators },
        weight: 25,
        cap: 100,
        params: { ...METHOD_DEFAULTS.indicators },
      },
      {
        id: 'timeliness',
        method: 'timeliness',
        name: { ...METHOD_NAMES.timeliness },
        weight: 15,
        cap: 100,
        params: { ...METHOD_DEFAULTS.timeliness },
      },
      {
        id: 'serviceRating',
        method: 'service_rating',
        name: { ...METHOD_NAMES.service_rating },
        weight: 20,
        cap: 100,
        params: { ...METHOD_DEFAULTS.service_rating },
      },
    ],
    deductions: { yellowLight: 1, redLight: 2, yellowCard: 3, redCard: 5, admonition: 0.5, monthlyCap: null },
    bonuses: { minPoints: 0.5, maxPoints: 2, monthlyCap: 3 },
    ranking: {
      categories: [
        {
          id: 'towns',
          name: { 'zh-CN': '乡镇（街道）', 'en-US': 'Towns, townships and streets' },
          unitKinds: ['town', 'township', 'street'],
        },
        {
          id: 'departments',
          name: { 'zh-CN': '县直部门', 'en-US': 'County departments' },
          unitKinds: ['department', 'other'],
        },
      ],
      boardSize: 3,
    },
  };
}

/** The unit kinds a model places in no category (their units cannot be ranked until it does). */
export function unplacedUnitKinds(model: Pick<IndexModel, 'ranking'>): UnitKind[] {
  return UNIT_KINDS.filter((k) => categoryForUnitKind(model, k) === null);
}
