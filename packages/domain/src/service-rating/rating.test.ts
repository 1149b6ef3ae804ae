import { describe, expect, it } from 'vitest';
import {
  isLowRating,
  isRatingScore,
  LOW_RATING_THRESHOLD,
  ratingMean,
  ratingMonthOf,
  summariseRatings,
} from './rating.ts';

describe('rating rules', () => {
  it('knows a score: an integer 1–5', () => {
    for (const v of [1, 2, 3, 4, 5]) expect(isRatingScore(v)).toBe(true);
    for (const v of [0, 6, 2.5, '3', null, Number.NaN]) expect(isRatingScore(v)).toBe(false);
  });

  it('calls a rating low when any dimension is 2 or lower, not by its mean', () => {
    expect(LOW_RATING_THRESHOLD).toBe(2);
    expect(isLowRating({ efficiency: 5, attitude: 5, compliance: 1 })).toBe(true);
    expect(isLowRating({ efficiency: 2, attitude: 5, compliance: 5 })).toBe(true);
    expect(isLowRating({ efficiency: 3, attitude: 3, compliance: 3 })).toBe(false);
    expect(isLowRating({ efficiency: 5, attitude: 4, compliance: 3 })).toBe(false);
  });

  it('averages the three dimensions to two decimals', () => {
    expect(ratingMean({ efficiency: 5, attitude: 4, compliance: 4 })).toBe(4.33);
    expect(ratingMean({ efficiency: 1, attitude: 1, compliance: 2 })).toBe(1.33);
  });

  it("counts for the month of the region's day", () => {
    expect(ratingMonthOf('2022-04-20')).toBe('2022-04');
  });

  it('summarises ratings per dimension', () => {
    expect(summariseRatings([])).toEqual({
      count: 0,
      efficiency: null,
      attitude: null,
      compliance: null,
      mean: null,
      low: 0,
    });
    expect(
      summariseRatings([
        { efficiency: 5, attitude: 4, compliance: 3 },
        { efficiency: 2, attitude: 4, compliance: 4 },
      ]),
    ).toEqual({ count: 2, efficiency: 3.5, attitude: 4, compliance: 3.5, mean: 3.67, low: 1 });
  });
});
