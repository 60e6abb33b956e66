import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLimitMethod, crudeRates, rateStatistic } from './rate.ts';

describe('crudeRates', () => {
  it('uses exact limits below 10 and Byar from 10, per row', () => {
    const out = crudeRates([9, 10, NaN], [100, 100, 100], { confidence: [0.95], multiplier: 100 });
    expect(out.method).toEqual(['Exact', 'Byars', null]);
    expect(out.value[0]).toBe(9);
    expect(Number.isNaN(out.lower[0]?.[2])).toBe(true);
    expect(countLimitMethod(0)).toBe('Exact');
  });

  it('x = 0 gives a lower limit of 0', () => {
    const out = crudeRates([0], [50], { confidence: [0.95] });
    expect(out.lower[0]?.[0]).toBe(0);
    expect(out.upper[0]?.[0]).toBeGreaterThan(0);
  });

  it('allows x above n', () => {
    expect(crudeRates([250], [220], { confidence: [0.95] }).value[0]).toBeCloseTo(113636.363636364, 6);
  });

  it.each([
    [[-1], [10], 'numerators must be greater than or equal to zero'],
    [[1], [0], 'denominators must be greater than zero'],
  ])('refuses x=%j n=%j', (x, n, message) => {
    expect(() => crudeRates(x, n, { confidence: [0.95] })).toThrow(message);
  });

  it('labels the statistic', () => {
    expect(rateStatistic(100000)).toBe('rate per 100000');
    expect(rateStatistic(1e6)).toBe('rate per 1000000');
  });

  it('limits bracket the rate and widen with the confidence level', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1e8 }), (x, n) => {
        const out = crudeRates([x], [n], { confidence: [0.95, 0.998] });
        const value = out.value[0] as number;
        const lower = [out.lower[0]?.[0] as number, out.lower[1]?.[0] as number];
        const upper = [out.upper[0]?.[0] as number, out.upper[1]?.[0] as number];
        const tolerance = 1e-9 * Math.max(1, value);
        expect(lower[0]).toBeLessThanOrEqual(value + tolerance);
        expect(upper[0]).toBeGreaterThanOrEqual(value - tolerance);
        expect(lower[1]).toBeLessThanOrEqual((lower[0] as number) + tolerance);
        expect(upper[1]).toBeGreaterThanOrEqual((upper[0] as number) - tolerance);
      }),
    );
  });
});
