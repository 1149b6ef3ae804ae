// Service ratings (服务评议): an enterprise rates a unit's service on three dimensions, 1–5 each, once per unit and
// month (a later rating in the same month replaces the earlier one; both are kept). A low rating opens a
// follow-up (待回应) that the unit answers and the task force closes.

export const RATING_DIMENSIONS = ['efficiency', 'attitude', 'compliance'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];
export type RatingScores = Record<RatingDimension, number>;

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const RATING_COMMENT_MAX = 500;

/**
 * A rating is low when any one dimension is at or below this. Any dimension rather than the mean: a 5-5-1
 * (quick and friendly, but against the rules) is exactly what the unit should answer for, and a mean would hide it.
 */
export const LOW_RATING_THRESHOLD = 2;

/** The services an enterprise picks from (the form's choice; names are in the UI's locales). */
export const RATING_SERVICES = [
  'approval', // 行政审批
  'registration', // 登记注册
  'tax_fees', // 税费办理
  'policy', // 惠企政策兑现
  'project', // 项目代办服务
  'inspection', // 执法检查
  'consultation', // 咨询答复
  'other', // 其他
] as const;
export type RatingService = (typeof RATING_SERVICES)[number];

/**
 * open (待回应) → answered (已回应) by the unit manager → closed (已关闭) by the task force, who may also close an
 * open one. A rating replaced while its follow-up is still open leaves it superseded (已被新评议替代).
 */
export const FOLLOW_UP_STATES = ['open', 'answered', 'closed', 'superseded'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export function isRatingScore(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= RATING_MIN && (value as number) <= RATING_MAX;
}

export function isLowRating(scores: RatingScores): boolean {
  return RATING_DIMENSIONS.some((d) => scores[d] <= LOW_RATING_THRESHOLD);
}

/** The mean of the three dimensions, to two decimals. */
export function ratingMean(scores: RatingScores): number {
  const sum = RATING_DIMENSIONS.reduce((s, d) => s + scores[d], 0);
  return Math.round((sum / RATING_DIMENSIONS.length) * 100) / 100;
}

/** The month (`YYYY-MM`) a rating counts for: the month of the region's day it was given on. */
export const ratingMonthOf = (regionDate: string): string => regionDate.slice(0, 7);

export interface RatingSummary {
  count: number;
  /** Means per dimension and overall, to two decimals; null without ratings. */
  efficiency: number | null;
  attitude: number | null;
  compliance: number | null;
  mean: number | null;
  low: number;
}

/** Counts and means of a unit's ratings (e.g. its current ratings of one month). */
export function summariseRatings(ratings: readonly RatingScores[]): RatingSummary {
  const round = (x: number) => Math.round(x * 100) / 100;
  if (ratings.length === 0)
    return { count: 0, efficiency: null, attitude: null, compliance: null, mean: null, low: 0 };
  const avg = (d: RatingDimension) => ratings.reduce((s, r) => s + r[d], 0) / ratings.length;
  const [efficiency, attitude, compliance] = RATING_DIMENSIONS.map(avg) as [number, number, number];
  return {
    count: ratings.length,
    efficiency: round(efficiency),
    attitude: round(attitude),
    compliance: round(compliance),
    mean: round((efficiency + attitude + compliance) / 3),
    low: ratings.filter(isLowRating).length,
  };
}
