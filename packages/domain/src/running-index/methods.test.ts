import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { efficacyBounds, efficacyCoefficient, progressValue, ratingScore } from './methods.ts';

const d = (x: number, ...b: Parameters<typeof efficacyBounds>) =>
  efficacyCoefficient(x, efficacyBounds(...b));

describe('efficacy coefficient', () => {
  it('derives satisfactory = target and floor = 0.6 × target (higher is better)', () => {
    expect(efficacyBounds('higher_better', 1000, 0.6)).toEqual({
      direction: 'higher_better',
      floor: 600,
      satisfactory: 1000,
    });
    expect(efficacyBounds('lower_better', 35, 0.6)).toEqual({
      direction: 'lower_better',
      floor: 49,
      satisfactory: 35,
    });
  });

  it('gives 60 at the floor and 100 at satisfactory, linear between', () => {
    expect(d(600, 'higher_better', 1000, 0.6)).toBe(60);
    expect(d(1000, 'higher_better', 1000, 0.6)).toBe(100);
    expect(d(800, 'higher_better', 1000, 0.6)).toBeCloseTo(80, 12);
    // With 0.6 the score is the attainment itself.
    expect(d(450, 'higher_better', 1000, 0.6)).toBeCloseTo(45, 12);
    // A higher floor fraction is steeper: 80 % of target is the pass mark.
    expect(d(800, 'higher_better', 1000, 0.8)).toBeCloseTo(60, 12);
    expect(d(900, 'higher_better', 1000, 0.8)).toBeCloseTo(80, 12);
  });

  it('clips beyond its bounds: above satisfactory 100, far below the floor 0', () => {
    expect(d(1500, 'higher_better', 1000, 0.6)).toBe(100);
    expect(d(0, 'higher_better', 1000, 0.6)).toBe(0);
    expect(d(-50, 'higher_better', 1000, 0.6)).toBe(0);
    expect(d(200, 'higher_better', 1000, 0.8)).toBe(0);
    expect(d(1e300, 'higher_better', 1e-300, 0.6)).toBe(100);
  });

  it('scores lower is better the other way round', () => {
    // PM2.5 target 35: 35 → 100, 49 → 60, 42 → 80, 20 → 100 (clipped), 80 → 0 (clipped).
    expect(d(35, 'lower_better', 35, 0.6)).toBe(100);
    expect(d(49, 'lower_better', 35, 0.6)).toBeCloseTo(60, 12);
    expect(d(42, 'lower_better', 35, 0.6)).toBeCloseTo(80, 12);
    expect(d(20, 'lower_better', 35, 0.6)).toBe(100);
    expect(d(80, 'lower_better', 35, 0.6)).toBe(0);
  });

  it('keeps the floor on the losing side of a negative target', () => {
    // A growth target of −2 %: floor −2.8 %.
    const b = efficacyBounds('higher_better', -2, 0.6);
    expect(b.floor).toBeCloseTo(-2.8, 12);
    expect(efficacyCoefficient(-2, b)).toBe(100);
    expect(efficacyCoefficient(-2.8, b)).toBeCloseTo(60, 12);
    expect(efficacyCoefficient(-5, b)).toBe(0);
    const lower = efficacyBounds('lower_better', -2, 0.6);
    expect(lower.floor).toBeCloseTo(-1.2, 12);
    expect(efficacyCoefficient(-1.2, lower)).toBeCloseTo(60, 12);
  });

  it('with floor equal to satisfactory (a zero target, or fraction 1): met → 100, not met → 0, no division by zero', () => {
    expect(efficacyBounds('higher_better', 0, 0.6)).toEqual({
      direction: 'higher_better',
      floor: 0,
      satisfactory: 0,
    });
    expect(d(0, 'higher_better', 0, 0.6)).toBe(100);
    expect(d(0.1, 'higher_better', 0, 0.6)).toBe(100);
    expect(d(-0.1, 'higher_better', 0, 0.6)).toBe(0);
    // Zero accidents allowed: none → 100, one → 0.
    expect(d(0, 'lower_better', 0, 0.6)).toBe(100);
    expect(d(1, 'lower_better', 0, 0.6)).toBe(0);
    // Fraction 1: all or nothing against a positive target.
    expect(d(1000, 'higher_better', 1000, 1)).toBe(100);
    expect(d(999.9, 'higher_better', 1000, 1)).toBe(0);
    expect(d(35, 'lower_better', 35, 1)).toBe(100);
    expect(d(35.1, 'lower_better', 35, 1)).toBe(0);
  });

  it('refuses what it cannot score', () => {
    expect(() => d(Number.NaN, 'higher_better', 1, 0.6)).toThrow(DomainError);
    expect(() => efficacyBounds('higher_better', Infinity, 0.6)).toThrow(DomainError);
    expect(() => efficacyBounds('higher_better', 1, 1.2)).toThrow(DomainError);
    expect(() => efficacyBounds('sideways' as never, 1, 0.6)).toThrow(DomainError);
  });

  it('stays within [0, 100] and moves the right way (property)', () => {
    const num = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(
        fc.constantFrom('higher_better' as const, 'lower_better' as const),
        num,
        fc.double({ min: 0, max: 1, noNaN: true }),
        num,
        num,
        (direction, target, f, x, y) => {
          const b = efficacyBounds(direction, target, f);
          const dx = efficacyCoefficient(x, b);
          const dy = efficacyCoefficient(y, b);
          expect(dx).toBeGreaterThanOrEqual(0);
          expect(dx).toBeLessThanOrEqual(100);
          const better = direction === 'higher_better' ? x >= y : x <= y;
          if (better) expect(dx).toBeGreaterThanOrEqual(dy);
          // Meeting the target is always full marks.
          expect(efficacyCoefficient(target, b)).toBe(100);
        },
      ),
    );
  });
});

describe('progress and rating values', () => {
  it('is actual as % of planned, null when nothing is planned yet', () => {
    expect(progressValue(50, 40)).toBe(80);
    expect(progressValue(50, 65)).toBe(130);
    expect(progressValue(0, 10)).toBeNull();
  });
  it('scales a mean rating of 1–5 by 20', () => {
    expect(ratingScore(5)).toBe(100);
    expect(ratingScore(3)).toBe(60);
    expect(ratingScore(1)).toBe(20);
  });
});
