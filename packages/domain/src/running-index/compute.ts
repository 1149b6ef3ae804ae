// Facts of one month → every unit's score, broken down to components and to the items that contributed, with the
// deductions and bonuses, ranked within its category. A pure function: the same model, month and facts always give
// the same result, whatever the order of the facts (items, ratings, warnings and bonuses are put in a fixed order
// before anything is summed).
//
// How a unit's score is made (PRODUCT.md "Default running-index model"):
// 1. Each component gives a 0–100 score from its method: the mean of its items' values (progress: actual / planned
//    × 100; indicators: the efficacy coefficient; timeliness: on-time share, weighted by the reports and milestones
//    due; service rating: the mean rating × 20), each value counted up to the component's cap, the mean clipped at
//    100.
// 2. A component without the unit's own data this month (no item scored by it, too few ratings) is *left out and the
//    other components re-weighted* to 100: points = score × weight / (sum of the weights scored). Full points for an
//    empty component would reward a unit for having no work of that kind (a department without indicators would get
//    25 free points against a town measured on hard ones); re-weighting scores every unit on what it is measured on.
//    The service rating may instead take the category's mean or a neutral score (the model's `belowMinimum`;
//    by default the category mean: a unit that few enterprises rated neither gains nor loses against its peers; when
//    no peer has enough ratings either, it is left out).
// 3. A unit with no component scored on its own data (no item due anything, no ratings) is not scored: total and rank
//    are null, it is listed after the ranked units. A score made only of its peers' mean would rank nothing it did.
// 4. total = base − deductions + bonuses. Deductions: per warning issued in the month and per admonition talk, at
//    most the model's monthly cap (none by default), in date then id order. Bonuses: each up to the maximum per
//    bonus, the month's sum up to the monthly cap, in date then id order. A total may fall below 0 and rise above
//    100 by the bonuses.
// 5. Internals stay unrounded; every published number is rounded by `round1` at the end, the total once from the
//    unrounded sum (so the rounded parts shown may differ from the total by 0.1). Ranks compare the rounded totals.
import { isCalendarDate, isMonthKey } from '../dates.ts';
import { validationError } from '../errors.ts';
import { round1 } from '../progress.ts';
import { componentName, METHOD_DEFAULTS } from './model.ts';
import {
  efficacyBounds,
  efficacyCoefficient,
  progressValue,
  INDEX_RATING_MAX,
  INDEX_RATING_MIN,
  ratingScore,
} from './methods.ts';
import { categoryRanking } from './ranking.ts';
import {
  INDEX_ITEM_KINDS,
  type BonusEntry,
  type ComponentHandling,
  type ComponentScore,
  type Contribution,
  type DeductionEntry,
  type IndexComponent,
  type IndexItemFacts,
  type IndexModel,
  type IndexUnit,
  type MethodParams,
  type MonthInput,
  type MonthResult,
  type UnitScore,
} from './types.ts';

// ------------------------------------------------------------------------------------------------ checks
// A province passes hundreds of thousands of facts: the field path (`items.12.progress.planned`) is built only when a
// check fails, from the list, the index and the rest of the path.

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const at = (list: string, i: number, rest: string) => `${list}.${i}${rest}`;

function str(v: unknown, list: string, i: number, rest: string): string {
  if (typeof v !== 'string' || v === '') throw validationError('required', at(list, i, rest));
  return v;
}
function num(v: unknown, list: string, i: number, rest: string, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw validationError('invalid_number', at(list, i, rest));
  if (v < min || v > max)
    throw validationError('out_of_range', at(list, i, rest), { minimum: min, maximum: max });
  return v;
}
function date(v: unknown, list: string, i: number, rest: string): string {
  if (!isCalendarDate(v)) throw validationError('invalid_date', at(list, i, rest));
  return v;
}
const inMonth = (d: string, month: string) => d.startsWith(month) && d.length === 10;

/** Every code `computeMonth` may throw with (a DomainError of kind `validation`, naming the field). */
export const INDEX_INPUT_ERROR_CODES = [
  'invalid_month', // month: not `YYYY-MM`
  'required', // an id, name or other string missing
  'invalid_number', // not a finite number
  'out_of_range', // params: { minimum, maximum } (progress 0–100, a rating 1–5, a bonus above 0)
  'invalid_date', // not a valid `YYYY-MM-DD`
  'invalid_value', // params: { allowed } (an item kind, a warning kind or colour, a direction)
  'duplicate_id', // params: { id } (two units, or two items, with one id)
  'unknown_unit', // params: { id } (a fact of a unit not among the units)
  'unknown_category', // params: { id } (a unit's category not in the model)
  'unknown_method', // params: { value } (a model that validateIndexModel would refuse)
] as const;

// ------------------------------------------------------------------------------------------------ working state

interface Row {
  item: IndexItemFacts;
  value: number | null;
  counted: number;
  weight: number;
  inputs: Record<string, string | number | null>;
}

interface RawComponent {
  component: IndexComponent;
  handling: ComponentHandling;
  /** 0–100, unrounded; null when left out. */
  score: number | null;
  rows: Row[];
  /** Scales rows' shares when the mean was clipped at 100. */
  clip: number;
  inputs: Record<string, string | number | null>;
}

interface UnitState {
  unit: IndexUnit;
  items: IndexItemFacts[];
  ratings: number[];
  deductions: { entry: DeductionEntry; points: number }[];
  bonuses: { id: string; reason: string; on: string; entered: number }[];
  components: RawComponent[];
}

/** The model's parameters for a component, defaults filled in (an older stored model may lack a newer one). */
function paramsOf<M extends IndexComponent['method']>(c: IndexComponent & { method: M }): MethodParams[M] {
  return { ...METHOD_DEFAULTS[c.method], ...(c.params as object) } as MethodParams[M];
}
const capOf = (c: IndexComponent) => (typeof c.cap === 'number' && c.cap >= 0 ? c.cap : 100);

/** Rows → the component's score: the weighted mean of the counted values, clipped at 100. */
function scoreRows(component: IndexComponent, rows: Row[], inputs: RawComponent['inputs']): RawComponent {
  let sum = 0;
  let weight = 0;
  for (const r of rows) {
    sum += r.counted * r.weight;
    weight += r.weight;
  }
  if (weight === 0) return { component, handling: 'reweighted', score: null, rows, clip: 1, inputs };
  const mean = sum / weight;
  return {
    component,
    handling: 'measured',
    score: Math.min(100, mean),
    rows,
    clip: mean > 100 ? 100 / mean : 1,
    inputs,
  };
}

const counted = (value: number | null, cap: number) =>
  value === null ? 0 : Math.min(Math.max(0, value), cap);

// ------------------------------------------------------------------------------------------------ methods

function progressComponent(c: IndexComponent & { method: 'progress' }, items: IndexItemFacts[]) {
  const { kinds } = paramsOf(c);
  const cap = capOf(c);
  const rows: Row[] = [];
  for (const item of items) {
    if (!item.progress || !kinds.includes(item.kind)) continue;
    const { planned, actual } = item.progress;
    const value = progressValue(planned, actual);
    if (value === null) continue;
    rows.push({ item, value, counted: counted(value, cap), weight: 1, inputs: { planned, actual } });
  }
  return scoreRows(c, rows, { items: rows.length });
}

function indicatorsComponent(c: IndexComponent & { method: 'indicators' }, items: IndexItemFacts[]) {
  const { floorFraction } = paramsOf(c);
  const cap = capOf(c);
  const rows: Row[] = [];
  for (const item of items) {
    const ind = item.indicator;
    if (!ind || ind.target === null) continue;
    const bounds = efficacyBounds(ind.direction, ind.target, floorFraction);
    const value = ind.actual === null ? null : efficacyCoefficient(ind.actual, bounds);
    rows.push({
      item,
      value,
      counted: counted(value, cap),
      weight: 1,
      inputs: {
        direction: ind.direction,
        periodKey: ind.periodKey ?? null,
        target: ind.target,
        actual: ind.actual,
        floor: roundNumber(bounds.floor),
        satisfactory: roundNumber(bounds.satisfactory),
      },
    });
  }
  return scoreRows(c, rows, { items: rows.length });
}

function timelinessComponent(
  c: IndexComponent & { method: 'timeliness' },
  items: IndexItemFacts[],
  month: string,
) {
  const p = paramsOf(c);
  const cap = capOf(c);
  const rows: Row[] = [];
  let due = 0;
  let onTime = 0;
  for (const item of items) {
    let reportsDue = 0;
    let reportsOnTime = 0;
    let milestonesDue = 0;
    let milestonesOnTime = 0;
    if (p.reports)
      for (const r of item.reports) {
        if (!inMonth(r.deadline, month)) continue;
        reportsDue++;
        if (r.submittedOn !== null && r.submittedOn <= r.deadline) reportsOnTime++;
      }
    if (p.milestones)
      for (const m of item.milestones) {
        if (!inMonth(m.plannedDate, month)) continue;
        milestonesDue++;
        if (m.doneDate !== null && m.doneDate <= m.plannedDate) milestonesOnTime++;
      }
    const n = reportsDue + milestonesDue;
    if (n === 0) continue;
    const value = ((reportsOnTime + milestonesOnTime) / n) * 100;
    due += n;
    onTime += reportsOnTime + milestonesOnTime;
    rows.push({
      item,
      value,
      counted: counted(value, cap),
      weight: n,
      inputs: { reportsDue, reportsOnTime, milestonesDue, milestonesOnTime },
    });
  }
  return scoreRows(c, rows, { due, onTime });
}

function ratingComponent(c: IndexComponent & { method: 'service_rating' }, ratings: number[]): RawComponent {
  const p = paramsOf(c);
  let sum = 0;
  for (const r of ratings) sum += r;
  const n = ratings.length;
  const mean = n > 0 ? sum / n : null;
  const inputs = {
    ratings: n,
    meanRating: mean === null ? null : Math.round(mean * 100) / 100,
    minRatings: p.minRatings,
  };
  if (n >= p.minRatings && mean !== null) {
    const value = ratingScore(mean);
    const score = counted(value, capOf(c));
    return { component: c, handling: 'measured', score: Math.min(100, score), rows: [], clip: 1, inputs };
  }
  if (p.belowMinimum === 'neutral')
    return { component: c, handling: 'neutral', score: p.neutralScore, rows: [], clip: 1, inputs };
  // category_mean is resolved once every unit's own score is known; reweight leaves it out.
  return {
    component: c,
    handling: p.belowMinimum === 'category_mean' ? 'category_mean' : 'reweighted',
    score: null,
    rows: [],
    clip: 1,
    inputs,
  };
}

// ------------------------------------------------------------------------------------------------ facts

const DEDUCTION_REASON = {
  light: { yellow: 'yellowLight', red: 'redLight' },
  card: { yellow: 'yellowCard', red: 'redCard' },
} as const;

/** Validates the facts and groups them by unit; facts dated outside the month are left out. */
function gather(input: MonthInput): { states: Map<string, UnitState>; order: UnitState[] } {
  const { model, month } = input;
  const categories = new Set(model.ranking.categories.map((c) => c.id));
  const states = new Map<string, UnitState>();
  if (!Array.isArray(input.units)) throw validationError('required', 'units');
  input.units.forEach((u, i) => {
    const id = str(u?.id, 'units', i, '.id');
    if (states.has(id)) throw validationError('duplicate_id', at('units', i, '.id'), { id });
    const categoryId = str(u.categoryId, 'units', i, '.categoryId');
    if (!categories.has(categoryId))
      throw validationError('unknown_category', at('units', i, '.categoryId'), { id: categoryId });
    states.set(id, {
      unit: { id, name: typeof u.name === 'string' ? u.name : '', categoryId },
      items: [],
      ratings: [],
      deductions: [],
      bonuses: [],
      components: [],
    });
  });
  const stateOf = (unitId: unknown, list: string, i: number) => {
    const s = states.get(str(unitId, list, i, '.unitId'));
    if (!s) throw validationError('unknown_unit', at(list, i, '.unitId'), { id: String(unitId) });
    return s;
  };

  const itemIds = new Set<string>();
  const items = input.items ?? [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const id = str(item?.id, 'items', i, '.id');
    if (itemIds.has(id)) throw validationError('duplicate_id', at('items', i, '.id'), { id });
    itemIds.add(id);
    str(item.number, 'items', i, '.number');
    if (!(INDEX_ITEM_KINDS as readonly string[]).includes(item.kind))
      throw validationError('invalid_value', at('items', i, '.kind'), {
        allowed: INDEX_ITEM_KINDS.join(', '),
      });
    const state = states.get(str(item.leadUnitId, 'items', i, '.leadUnitId'));
    if (!state)
      throw validationError('unknown_unit', at('items', i, '.leadUnitId'), { id: String(item.leadUnitId) });
    if (item.progress) {
      num(item.progress.planned, 'items', i, '.progress.planned', 0, 100);
      num(item.progress.actual, 'items', i, '.progress.actual', 0, 100);
    }
    if (item.indicator) {
      const d = item.indicator.direction;
      if (d !== 'higher_better' && d !== 'lower_better')
        throw validationError('invalid_value', at('items', i, '.indicator.direction'), {
          allowed: 'higher_better, lower_better',
        });
      if (item.indicator.target !== null) num(item.indicator.target, 'items', i, '.indicator.target');
      if (item.indicator.actual !== null) num(item.indicator.actual, 'items', i, '.indicator.actual');
    }
    if (!Array.isArray(item.reports)) throw validationError('required', at('items', i, '.reports'));
    if (!Array.isArray(item.milestones)) throw validationError('required', at('items', i, '.milestones'));
    for (let j = 0; j < item.reports.length; j++) {
      const r = item.reports[j]!;
      if (!isCalendarDate(r.deadline))
        throw validationError('invalid_date', `items.${i}.reports.${j}.deadline`);
      if (r.submittedOn != null && !isCalendarDate(r.submittedOn))
        throw validationError('invalid_date', `items.${i}.reports.${j}.submittedOn`);
    }
    for (let j = 0; j < item.milestones.length; j++) {
      const m = item.milestones[j]!;
      if (!isCalendarDate(m.plannedDate))
        throw validationError('invalid_date', `items.${i}.milestones.${j}.plannedDate`);
      if (m.doneDate != null && !isCalendarDate(m.doneDate))
        throw validationError('invalid_date', `items.${i}.milestones.${j}.doneDate`);
    }
    state.items.push(item);
  }

  const { deductions: d } = model;
  (input.warnings ?? []).forEach((w, i) => {
    const id = str(w?.id, 'warnings', i, '.id');
    const state = stateOf(w.unitId, 'warnings', i);
    const on = date(w.issuedOn, 'warnings', i, '.issuedOn');
    if (w.kind !== 'light' && w.kind !== 'card')
      throw validationError('invalid_value', at('warnings', i, '.kind'), { allowed: 'light, card' });
    if (w.colour !== 'yellow' && w.colour !== 'red')
      throw validationError('invalid_value', at('warnings', i, '.colour'), { allowed: 'yellow, red' });
    if (!inMonth(on, month)) return;
    const reason = DEDUCTION_REASON[w.kind][w.colour];
    state.deductions.push({
      entry: { source: 'warning', id, reason, itemId: w.itemId ?? null, on, points: 0 },
      points: d[reason],
    });
  });
  (input.admonitions ?? []).forEach((a, i) => {
    const id = str(a?.id, 'admonitions', i, '.id');
    const state = stateOf(a.unitId, 'admonitions', i);
    const on = date(a.heldOn, 'admonitions', i, '.heldOn');
    if (!inMonth(on, month)) return;
    state.deductions.push({
      entry: { source: 'admonition', id, reason: 'admonition', itemId: null, on, points: 0 },
      points: d.admonition,
    });
  });
  (input.bonuses ?? []).forEach((b, i) => {
    const id = str(b?.id, 'bonuses', i, '.id');
    const state = stateOf(b.unitId, 'bonuses', i);
    const on = date(b.awardedOn, 'bonuses', i, '.awardedOn');
    const entered = num(b.points, 'bonuses', i, '.points', 0, Infinity);
    if (entered === 0)
      throw validationError('out_of_range', at('bonuses', i, '.points'), { minimum: 0, maximum: Infinity });
    if (!inMonth(on, month)) return;
    state.bonuses.push({ id, reason: typeof b.reason === 'string' ? b.reason : '', on, entered });
  });
  (input.ratings ?? []).forEach((r, i) => {
    str(r?.id, 'ratings', i, '.id');
    const state = stateOf(r.unitId, 'ratings', i);
    const on = date(r.ratedOn, 'ratings', i, '.ratedOn');
    const score = num(r.score, 'ratings', i, '.score', INDEX_RATING_MIN, INDEX_RATING_MAX);
    if (inMonth(on, month)) state.ratings.push(score);
  });

  const order = [...states.values()].sort((a, b) => (a.unit.id < b.unit.id ? -1 : 1));
  for (const s of order) {
    s.items.sort((a, b) =>
      a.number !== b.number ? (a.number < b.number ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    s.ratings.sort((a, b) => a - b);
    s.deductions.sort((a, b) =>
      a.entry.on !== b.entry.on
        ? a.entry.on < b.entry.on
          ? -1
          : 1
        : a.entry.id < b.entry.id
          ? -1
          : a.entry.id > b.entry.id
            ? 1
            : 0,
    );
    s.bonuses.sort((a, b) =>
      a.on !== b.on ? (a.on < b.on ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
  }
  return { states, order };
}

// ------------------------------------------------------------------------------------------------ the month

/**
 * Scores, breaks down and ranks every unit for one month (see the top of this file for how). Throws a validation
 * DomainError naming the field for facts that cannot be scored (see `INDEX_INPUT_ERROR_CODES`); expects a model that
 * `validateIndexModel` accepted. Linear in the facts plus a sort of each unit's items: a province's regions are
 * computed one `computeMonth` call per region.
 */
export function computeMonth(input: MonthInput): MonthResult {
  const { model, month } = input;
  if (!isMonthKey(month)) throw validationError('invalid_month', 'month', { value: String(month) });
  const { order } = gather(input);

  // 1. Each component on each unit's own data.
  for (const s of order)
    s.components = model.components.map((c) => {
      switch (c.method) {
        case 'progress':
          return progressComponent(c, s.items);
        case 'indicators':
          return indicatorsComponent(c, s.items);
        case 'timeliness':
          return timelinessComponent(c, s.items, month);
        case 'service_rating':
          return ratingComponent(c, s.ratings);
        default:
          throw validationError('unknown_method', 'model.components', {
            value: String((c as { method: unknown }).method),
          });
      }
    });

  // 2. Category means of the components that need them (units in id order: one summation order).
  model.components.forEach((c, k) => {
    if (c.method !== 'service_rating') return;
    const sums = new Map<string, { sum: number; n: number }>();
    for (const s of order) {
      const raw = s.components[k]!;
      if (raw.handling !== 'measured') continue;
      const m = sums.get(s.unit.categoryId) ?? { sum: 0, n: 0 };
      m.sum += raw.score!;
      m.n++;
      sums.set(s.unit.categoryId, m);
    }
    for (const s of order) {
      const raw = s.components[k]!;
      if (raw.handling !== 'category_mean') continue;
      const m = sums.get(s.unit.categoryId);
      raw.inputs = { ...raw.inputs, categoryUnits: m?.n ?? 0 };
      if (m) raw.score = m.sum / m.n;
      else raw.handling = 'reweighted';
    }
  });

  // 3. Points, deductions, bonuses and totals.
  const scores: UnitScore[] = [];
  for (const s of order) {
    const measured = s.components.some((r) => r.handling === 'measured' && r.component.weight > 0);
    let scoredWeight = 0;
    for (const r of s.components) if (r.score !== null) scoredWeight += r.component.weight;
    const factor = measured && scoredWeight > 0 ? 100 / scoredWeight : 0;
    let base = 0;
    const components: Record<string, ComponentScore> = {};
    for (const r of s.components) {
      const c = r.component;
      const max = r.score === null ? 0 : c.weight * factor;
      const points = r.score === null ? 0 : (r.score / 100) * max;
      base += points;
      let rowWeight = 0;
      for (const row of r.rows) rowWeight += row.weight;
      components[c.id] = {
        id: c.id,
        method: c.method,
        name: componentName(c),
        weight: c.weight,
        max: r1(max),
        points: r1(points),
        score: measured && r.score !== null ? r1(r.score) : null,
        handling: r.handling,
        inputs: r.inputs,
        items: r.rows.map((row): Contribution => {
          const value = row.value === null ? null : r1(row.value);
          return {
            itemId: row.item.id,
            number: row.item.number,
            title: row.item.title,
            value,
            counted: row.counted === row.value ? value! : r1(row.counted),
            points: r1(((row.counted * row.weight) / rowWeight / 100) * r.clip * max),
            inputs: row.inputs,
          };
        }),
      };
    }

    const cap = model.deductions.monthlyCap;
    let deducted = 0;
    const deductions = s.deductions.map(({ entry, points }) => {
      const p = cap === null ? points : Math.max(0, Math.min(points, cap - deducted));
      deducted += p;
      return { ...entry, points: r1(p) };
    });
    let awarded = 0;
    const bonuses = s.bonuses.map((b): BonusEntry => {
      const p = Math.max(0, Math.min(b.entered, model.bonuses.maxPoints, model.bonuses.monthlyCap - awarded));
      awarded += p;
      return { id: b.id, reason: b.reason, on: b.on, entered: b.entered, points: r1(p) };
    });

    scores.push({
      unitId: s.unit.id,
      name: s.unit.name,
      categoryId: s.unit.categoryId,
      measured,
      base: measured ? r1(base) : null,
      deductionPoints: r1(deducted),
      bonusPoints: r1(awarded),
      total: measured ? r1(base - deducted + awarded) : null,
      rank: null,
      previousRank: null,
      rankChange: null,
      components,
      deductions,
      bonuses,
    });
  }
  return rank(model, month, scores, input.previous ?? null);
}

/** Derived inputs as published: 12 significant digits (a floor of 0.6 × 35.1 shows as 21.06, not 21.060000000000002). */
const roundNumber = (v: number) => (Number.isInteger(v) ? v : Number(v.toPrecision(12)));

/** `round1`, without its decimal conversion for whole numbers (most values: 0, 100, 80). Never −0. */
const r1 = (x: number) => (Number.isInteger(x) ? x + 0 : round1(x));

/** Ranks, boards and changes of rank; orders the scores by category, rank and unit id. */
function rank(
  model: IndexModel,
  month: string,
  scores: UnitScore[],
  previous: MonthResult | null,
): MonthResult {
  const prev = new Map<string, { rank: number | null; categoryId: string }>();
  if (isRecord(previous) && Array.isArray(previous.scores))
    for (const p of previous.scores) prev.set(p.unitId, { rank: p.rank, categoryId: p.categoryId });
  const byId = new Map(scores.map((s) => [s.unitId, s]));
  const categories = model.ranking.categories.map((c) => {
    const members = scores.filter((s) => s.categoryId === c.id);
    const ranking = categoryRanking(c.id, { ...c.name }, members, model.ranking.boardSize);
    for (const e of ranking.ranking) {
      const s = byId.get(e.unitId)!;
      s.rank = e.rank;
      const p = prev.get(e.unitId);
      s.previousRank = p && p.categoryId === c.id ? p.rank : null;
      s.rankChange = s.rank !== null && s.previousRank !== null ? s.previousRank - s.rank : null;
    }
    return ranking;
  });
  const ordered = categories.flatMap((c) => c.ranking.map((e) => byId.get(e.unitId)!));
  return {
    month,
    modelVersion: model.version ?? null,
    boardSize: model.ranking.boardSize,
    scores: ordered,
    categories,
  };
}
