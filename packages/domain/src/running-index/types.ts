// The running index's vocabulary (PRODUCT.md "Running index", "Default running-index model"): the index model as
// data, the facts of one month it reads, and the results it produces. Everything here is data; the functions live in
// model.ts (schema, validation, defaults), methods.ts (one value per item or input), compute.ts (facts → a month's
// scores and rankings), rollup.ts (quarter and year), diff.ts (revisions) and from-engine-facts.ts (the warning
// engine's dated facts → this month's facts).
import type { UnitKind } from '../access.ts';
import type { CalendarDate } from '../dates.ts';
import type { IndicatorDirection } from '../progress.ts';

export const INDEX_METHODS = ['progress', 'indicators', 'timeliness', 'service_rating'] as const;
export type IndexMethod = (typeof INDEX_METHODS)[number];

export const INDEX_ITEM_KINDS = ['work', 'project', 'indicator'] as const;
export type IndexItemKind = (typeof INDEX_ITEM_KINDS)[number];

/** What a unit whose ratings are fewer than the minimum gets for the service-rating component. */
export const BELOW_MINIMUM_HANDLINGS = ['category_mean', 'neutral', 'reweight'] as const;
export type BelowMinimumHandling = (typeof BELOW_MINIMUM_HANDLINGS)[number];

export type Localised = { 'zh-CN': string; 'en-US': string };

// ------------------------------------------------------------------------------------------------------ model

export interface ProgressParams {
  /** Item kinds scored on actual vs planned progress (indicators are scored by the indicators method). */
  kinds: IndexItemKind[];
}
export interface IndicatorsParams {
  /**
   * floor = satisfactory − (1 − floorFraction) × |satisfactory| (higher is better; + for lower is better), where
   * satisfactory is the indicator's cumulative target at the month end. In [0, 1]; 1 makes floor = satisfactory.
   */
  floorFraction: number;
}
export interface TimelinessParams {
  /** Count reports due in the month (on time: submitted by the deadline). */
  reports: boolean;
  /** Count milestones planned in the month (on time: done by the planned date). */
  milestones: boolean;
}
export interface ServiceRatingParams {
  /** Fewer ratings than this in the month: the unit's own mean is not used (one angry enterprise sinks no unit). */
  minRatings: number;
  belowMinimum: BelowMinimumHandling;
  /** The score (0–100) given by `neutral`; 60 = a rating of 3 of 5, the middle of the scale. */
  neutralScore: number;
}
export type MethodParams = {
  progress: ProgressParams;
  indicators: IndicatorsParams;
  timeliness: TimelinessParams;
  service_rating: ServiceRatingParams;
};

interface ComponentBase<M extends IndexMethod> {
  /** Stable key, unique in the model; results are keyed by it (`progress`, `serviceRating`). */
  id: string;
  method: M;
  name?: Localised | undefined;
  /** Points out of 100; the components' weights sum to 100. */
  weight: number;
  /**
   * The highest value (on the component's 0–100 scale; % of plan for progress) one item or input counts for; 100 by
   * default. 100 means over-achievement on one item cannot hide a lagging one; above 100 lets it offset lags within the
   * component, whose score is still clipped at 100 so that a component never gives more than its weight.
   */
  cap: number;
  params: MethodParams[M];
}
export type IndexComponent = { [M in IndexMethod]: ComponentBase<M> }[IndexMethod];

/** Points deducted per warning issued and per admonition talk held in the month (positive numbers). */
export interface DeductionRules {
  yellowLight: number;
  redLight: number;
  yellowCard: number;
  redCard: number;
  admonition: number;
  /** The most a unit can lose in one month; null: no limit. */
  monthlyCap: number | null;
}

/** Commendations (争先创优) entered by supervisors, each between min and max points, at most monthlyCap a month. */
export interface BonusRules {
  minPoints: number;
  maxPoints: number;
  monthlyCap: number;
}

/** Units race within a category (赛马): towns race towns, departments race departments. */
export interface RankingCategory {
  id: string;
  name: Localised;
  /** The unit kinds placed in this category by `categoryForUnitKind` (each kind in at most one category). */
  unitKinds: UnitKind[];
}

export interface RankingRules {
  categories: RankingCategory[];
  /** How many lead and lag on the red and black boards (红黑榜) per category. */
  boardSize: number;
}

export interface IndexModel {
  /** Numbered by the server per region; results cite it. */
  version?: number | undefined;
  components: IndexComponent[];
  deductions: DeductionRules;
  bonuses: BonusRules;
  ranking: RankingRules;
}

// ------------------------------------------------------------------------------------------------------ facts

export interface IndexUnit {
  id: string;
  name: string;
  categoryId: string;
}

/**
 * One item as its lead unit (牵头单位) is scored on it for one month; co-units are not scored on it. The server passes
 * the items that were open (assigned to completion requested) at some time in the month or completed in it. Dated, so
 * that the same facts give the same month whenever it is computed: reports and milestones outside the month are
 * ignored, and a submission or completion after the month end is late whatever it is.
 */
export interface IndexItemFacts {
  id: string;
  number: string;
  title: string;
  leadUnitId: string;
  kind: IndexItemKind;
  /** Planned and actual progress (0–100) at the month end; null: not scored on progress this month. */
  progress: { planned: number; actual: number } | null;
  /**
   * The indicator at the month end: the cumulative target of the latest period with one (null: none yet, not scored)
   * and the value reported for that period (null: none reported, scores 0: missing data never beats bad data).
   */
  indicator: {
    direction: IndicatorDirection;
    periodKey?: string | null | undefined;
    target: number | null;
    actual: number | null;
  } | null;
  /** Reports owed whose deadline falls in the month; submittedOn null: not submitted. */
  reports: { periodKey: string; deadline: CalendarDate; submittedOn: CalendarDate | null }[];
  /** Milestones (节点) planned in the month; doneDate null: not reached. */
  milestones: { id: string; plannedDate: CalendarDate; doneDate: CalendarDate | null }[];
}

/** A light (on an item of the unit) or card (on the unit) issued in the month; not revoked. */
export interface IndexWarningFact {
  id: string;
  unitId: string;
  kind: 'light' | 'card';
  /** Its colour for the month (a light escalated in the month counts red, once). */
  colour: 'yellow' | 'red';
  itemId: string | null;
  issuedOn: CalendarDate;
}

/** An admonition talk (约谈/谈话提醒) of the unit held in the month. */
export interface AdmonitionFact {
  id: string;
  unitId: string;
  heldOn: CalendarDate;
}

/** A commendation (争先创优) entered by a supervisor. */
export interface BonusFact {
  id: string;
  unitId: string;
  points: number;
  reason: string;
  awardedOn: CalendarDate;
}

/** One enterprise's rating of the unit: the mean of efficiency, attitude and compliance, 1–5. */
export interface RatingFact {
  id: string;
  unitId: string;
  score: number;
  ratedOn: CalendarDate;
}

export interface MonthInput {
  model: IndexModel;
  /** `YYYY-MM`. */
  month: string;
  units: readonly IndexUnit[];
  items: readonly IndexItemFacts[];
  warnings?: readonly IndexWarningFact[] | undefined;
  admonitions?: readonly AdmonitionFact[] | undefined;
  bonuses?: readonly BonusFact[] | undefined;
  ratings?: readonly RatingFact[] | undefined;
  /** Last month's result, for the change of rank. */
  previous?: MonthResult | null | undefined;
}

// ---------------------------------------------------------------------------------------------------- results

/**
 * How a component was scored: on the unit's own data (`measured`), or, without it, at the category's mean
 * (`category_mean`), at the neutral score (`neutral`), or left out with the other components re-weighted to 100
 * (`reweighted`).
 */
export type ComponentHandling = 'measured' | 'category_mean' | 'neutral' | 'reweighted';

/** One item's (or input's) part in a component. */
export interface Contribution {
  itemId: string;
  number: string;
  title: string;
  /** The value the method computed (0–100 scale; % of plan for progress); null when it could not be. */
  value: number | null;
  /** The value after the component's cap. */
  counted: number;
  /** Its share of the component's points (rounded separately: shares may not add up by ±0.1). */
  points: number;
  inputs: Record<string, string | number | null>;
}

export interface ComponentScore {
  id: string;
  method: IndexMethod;
  /** The component's name (snapshots published before names were kept lack it). */
  name?: Localised;
  /** The model's weight. */
  weight: number;
  /** The points it could give this unit: the weight, re-weighted when other components were left out; 0 when this one was. */
  max: number;
  points: number;
  /** The component's 0–100 score (points / max × 100); null when left out. */
  score: number | null;
  handling: ComponentHandling;
  inputs: Record<string, string | number | null>;
  items: Contribution[];
}

export interface DeductionEntry {
  source: 'warning' | 'admonition';
  id: string;
  /** `yellowLight` … `redCard`, `admonition`. */
  reason: 'yellowLight' | 'redLight' | 'yellowCard' | 'redCard' | 'admonition';
  itemId: string | null;
  on: CalendarDate;
  /** Points deducted (positive), after the monthly cap. */
  points: number;
}

export interface BonusEntry {
  id: string;
  reason: string;
  on: CalendarDate;
  entered: number;
  /** Points counted, after the per-bonus maximum and the monthly cap. */
  points: number;
}

export interface UnitScore {
  unitId: string;
  name: string;
  categoryId: string;
  /** At least one weighted component was scored on the unit's own data; otherwise it is not scored or ranked. */
  measured: boolean;
  /** Sum of the components' points (0–100); null when not measured. */
  base: number | null;
  deductionPoints: number;
  bonusPoints: number;
  /** base − deductions + bonuses, rounded once from the unrounded parts; null when not measured. */
  total: number | null;
  rank: number | null;
  previousRank: number | null;
  /** previousRank − rank: positive moved up; null without both ranks in the same category. */
  rankChange: number | null;
  components: Record<string, ComponentScore>;
  deductions: DeductionEntry[];
  bonuses: BonusEntry[];
}

export interface RankedEntry {
  unitId: string;
  name: string;
  total: number | null;
  rank: number | null;
}

export interface CategoryRanking {
  categoryId: string;
  name: Localised;
  /** Ranked units by rank then unit id; units not measured follow with rank null. */
  ranking: RankedEntry[];
  /** 红榜: rank ≤ boardSize (more on a tie). */
  top: RankedEntry[];
  /** 黑榜: fewer than boardSize units ranked strictly below, and not on the red board. Worst first. */
  bottom: RankedEntry[];
}

export interface MonthResult {
  month: string;
  modelVersion: number | null;
  /** The model's board size, which roll-ups keep. */
  boardSize: number;
  /** By category (model order), rank, then unit id. */
  scores: UnitScore[];
  categories: CategoryRanking[];
}

export interface PeriodScore {
  unitId: string;
  name: string;
  categoryId: string;
  /** Mean of the published monthly totals of the months the unit was scored in; null if none. */
  total: number | null;
  monthsScored: number;
  monthly: { month: string; total: number | null }[];
  rank: number | null;
  previousRank: number | null;
  rankChange: number | null;
}

export interface PeriodResult {
  period: 'quarter' | 'year';
  /** `2022-Q1` or `2022`. */
  key: string;
  months: string[];
  scores: PeriodScore[];
  categories: CategoryRanking[];
}
