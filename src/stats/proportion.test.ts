import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proportionStatistic, proportions } from './proportion.ts';

describe('proportions', () => {
  it('computes x/n × multiplier with Wilson limits and propagates NA', () => {
    const out = proportions([65, NaN, 3], [100, 10, NaN], { confidence: [0.95], multiplier: 100 });
    expect(out.value[0]).toBe(65);
    expect(out.lower[0]?.[0]).toBeCloseTo(55.254443296888, 10);
    expect(out.upper[0]?.[0]).toBeCloseTo(73.6357517569025, 10);
    expect(Number.isNaN(out.value[1])).toBe(true);
    expect(Number.isNaN(out.lower[0]?.[2])).toBe(true);
  });

  it('no confidence levels gives values only', () => {
    const out = proportions([1], [4], { confidence: [] });
    expect(out.value[0]).toBe(0.25);
    expect(out.lower).toHaveLength(0);
  });

  it.each([
    [[-1], [10], 'numerators must be greater than or equal to zero'],
    [[1], [0], 'denominators must be greater than zero'],
    [[11], [10], 'numerators must be less than or equal to denominator for a proportion statistic'],
  ])('refuses x=%j n=%j', (x, n, message) => {
    expect(() => proportions(x, n, { confidence: [0.95] })).toThrow(message);
  });

  it('labels the statistic as the reference does', () => {
    expect(proportionStatistic(100)).toBe('percentage');
    expect(proportionStatistic(1)).toBe('proportion of 1');
    expect(proportionStatistic(100000)).toBe('proportion of 100000');
  });

  it('limits bracket the value and widen with the confidence level', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e7 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const x = Math.round(n * share);
          const out = proportions([x], [n], { confidence: [0.95, 0.998], multiplier: 100 });
          const value = out.value[0] as number;
          const [lo95, lo998] = [out.lower[0]?.[0] as number, out.lower[1]?.[0] as number];
          const [hi95, hi998] = [out.upper[0]?.[0] as number, out.upper[1]?.[0] as number];
          expect(lo998).toBeLessThanOrEqual(lo95 + 1e-9);
          expect(lo95).toBeLessThanOrEqual(value + 1e-9);
          expect(value).toBeLessThanOrEqual(hi95 + 1e-9);
          expect(hi95).toBeLessThanOrEqual(hi998 + 1e-9);
        },
      ),
    );
  });
});
