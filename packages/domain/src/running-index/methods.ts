// The methods' arithmetic, one value per item or input on a 0–100 scale, unrounded (compute.ts rounds once at the
// end). Pure functions of numbers, tested at and beyond their bounds.
import { validationError } from '../errors.ts';
import type { IndicatorDirection } from '../progress.ts';

const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

// ----------------------------------------------------------------------------------- efficacy coefficient

/** The two reference values of the efficacy-coefficient method (功效系数法): 60 points at the floor, 100 at satisfactory. */
export interface EfficacyBounds {
  direction: IndicatorDirection;
  /** 不允许值 / 及格值: the value that earns 60. */
  floor: number;
  /** 满意值: the value that earns 100 (the cumulative target). */
  satisfactory: number;
}

/**
 * The bounds derived from an indicator's cumulative target T at the month end:
 * - satisfactory = T;
 * - floor = T − (1 − f) × |T| when higher is better, T + (1 − f) × |T| when lower is better (f = floorFraction,
 *   default 0.6). For T > 0 and higher is better this is f × T, so with f = 0.6 the score is exactly the attainment
 *   x / T × 100 (0 at nothing, 60 at 60 % of target, 100 at target). Using |T| keeps the floor on the losing side of
 *   the target for a negative target (a growth rate of −2 %), and T = 0 or f = 1 give floor = satisfactory.
 */
export function efficacyBounds(
  direction: IndicatorDirection,
  target: number,
  floorFraction: number,
): EfficacyBounds {
  if (!Number.isFinite(target)) throw validationError('invalid_number', 'target');
  if (!(floorFraction >= 0 && floorFraction <= 1))
    throw validationError('out_of_range', 'floorFraction', { minimum: 0, maximum: 1 });
  const spread = (1 - floorFraction) * Math.abs(target);
  if (direction === 'higher_better') return { direction, floor: target - spread, satisfactory: target };
  if (direction === 'lower_better') return { direction, floor: target + spread, satisfactory: target };
  throw validationError('invalid_direction', 'direction', { value: String(direction) });
}

/**
 * d = (x − floor) / (satisfactory − floor) × 40 + 60, clipped to [0, 100] (PRODUCT.md, after Chuzhou). The formula
 * is direction-agnostic: for lower is better the floor lies above satisfactory, so the denominator is negative and a
 * lower x scores higher.
 *
 * floor = satisfactory (a zero target, or floorFraction 1) leaves no room between pass and full marks: the formula's
 * own limit applies, with no division by zero — met (x ≥ satisfactory, or ≤ when lower is better) → 100, not met → 0.
 */
export function efficacyCoefficient(x: number, bounds: EfficacyBounds): number {
  if (!Number.isFinite(x)) throw validationError('invalid_number', 'actual');
  const { floor, satisfactory, direction } = bounds;
  if (floor === satisfactory) {
    const met = direction === 'lower_better' ? x <= satisfactory : x >= satisfactory;
    return met ? 100 : 0;
  }
  const d = ((x - floor) / (satisfactory - floor)) * 40 + 60;
  // A tiny spread overflows to ±Infinity, which the clip turns into 0 or 100; NaN cannot arise (x, bounds finite).
  return clip(d, 0, 100);
}

// ------------------------------------------------------------------------------------------------- progress

/**
 * Actual vs planned progress at the month end, as % of plan (unclipped: 130 means 30 % ahead; the component's cap
 * bounds what it counts for). Null when nothing is planned yet (planned 0): an item not yet due for any progress is
 * not scored on it, neither rewarded nor punished.
 */
export function progressValue(planned: number, actual: number): number | null {
  if (planned <= 0) return null;
  return (Math.max(0, actual) / planned) * 100;
}

// ---------------------------------------------------------------------------------------------- service rating

export const INDEX_RATING_MIN = 1;
export const INDEX_RATING_MAX = 5;

/** A mean rating of 1–5 on the 0–100 scale: × 20 (5 → 100, 3 → 60, 1 → 20). */
export function ratingScore(meanRating: number): number {
  return (meanRating / INDEX_RATING_MAX) * 100;
}
