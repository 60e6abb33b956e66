import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanWithT, meanWithTFromSums } from './mean.ts';

describe('meanWithT', () => {
  it('gives the sum, count, sample SD and t interval', () => {
    const out = meanWithT([2, 4, 4, 4, 5, 5, 7, 9], [0.95]);
    expect(out).toMatchObject({ sum: 40, count: 8, value: 5 });
    expect(out.sd).toBeCloseTo(2.138089935299395, 12);
    // qt(0.975, 7) = 2.364624251592785
    expect(out.upper[0]).toBeCloseTo(5 + (2.364624251592785 * 2.138089935299395) / Math.sqrt(8), 10);
  });

  it('propagates NA and gives no interval for a single value', () => {
    expect(Number.isNaN(meanWithT([1, NaN, 3], [0.95]).value)).toBe(true);
    const single = meanWithT([4], [0.95]);
    expect(single.value).toBe(4);
    expect(Number.isNaN(single.lower[0])).toBe(true);
  });

  it('the interval brackets the mean and widens with the confidence level', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }),
        (values) => {
          const out = meanWithT(values, [0.95, 0.998]);
          const tolerance = 1e-9 * Math.max(1, Math.abs(out.value));
          expect(out.lower[0]).toBeLessThanOrEqual(out.value + tolerance);
          expect(out.upper[0]).toBeGreaterThanOrEqual(out.value - tolerance);
          expect(out.lower[1]).toBeLessThanOrEqual((out.lower[0] as number) + tolerance);
          expect(out.upper[1]).toBeGreaterThanOrEqual((out.upper[0] as number) - tolerance);
        },
      ),
    );
  });
});

describe('meanWithTFromSums', () => {
  const sums = (values: number[]) => ({
    n: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    squares: values.reduce((a, b) => a + b * b, 0),
  });

  it('equals meanWithT on the same data to 1e-9, but for what the sums lose to rounding', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 2, maxLength: 200 }),
        (values) => {
          const direct = meanWithT(values, [0.95, 0.998]);
          const { n, sum, squares } = sums(values);
          const fromSums = meanWithTFromSums(n, sum, squares, [0.95, 0.998]);
          const scale = Math.max(1, Math.abs(direct.value), direct.sd);
          expect(Math.abs(fromSums.value - direct.value)).toBeLessThanOrEqual(1e-9 * scale);
          // The variance from sums of squares cancels: nearly equal large values (-999.9946 and
          // -999.9810, say) lose digits of the standard deviation that the limits then multiply by
          // t (318 for two values at 99.8%). Allow that loss, bounded from the sum of squares.
          const varianceLoss = (8 * Number.EPSILON * squares) / (n - 1);
          const sdLoss =
            direct.sd > 0
              ? Math.min(Math.sqrt(varianceLoss), varianceLoss / (2 * direct.sd))
              : Math.sqrt(varianceLoss);
          const limitsLoss = 1e-9 * scale + (320 * sdLoss) / Math.sqrt(n);
          for (const level of [0, 1]) {
            expect(Math.abs(fromSums.lower[level]! - direct.lower[level]!)).toBeLessThanOrEqual(limitsLoss);
            expect(Math.abs(fromSums.upper[level]! - direct.upper[level]!)).toBeLessThanOrEqual(limitsLoss);
          }
        },
      ),
    );
  });

  it('is within the rounding bound for the values that once failed the comparison', () => {
    const values = [-999.9945902452205, -999.9809674689988];
    const direct = meanWithT(values, [0.998]);
    const { n, sum, squares } = sums(values);
    const fromSums = meanWithTFromSums(n, sum, squares, [0.998]);
    expect(fromSums.value).toBeCloseTo(direct.value, 9);
    // 5.2e-6 apart: more than 1e-9 of the values' size, less than 1e-4 of the interval's width.
    const width = direct.upper[0]! - direct.lower[0]!;
    expect(Math.abs(fromSums.upper[0]! - direct.upper[0]!)).toBeLessThan(1e-4 * width);
  });

  it('gives the worked example of the reference and no limits for one value', () => {
    const { n, sum, squares } = sums([7.1, 6.4, 8, 7.5]);
    const out = meanWithTFromSums(n, sum, squares, [0.95]);
    expect(out.value).toBeCloseTo(7.25, 12);
    expect(out.lower[0]).toBeCloseTo(6.174697277281142, 9);
    expect(out.upper[0]).toBeCloseTo(8.325302722718858, 9);
    const single = meanWithTFromSums(1, 4, 16, [0.95]);
    expect(single.value).toBe(4);
    expect(Number.isNaN(single.lower[0])).toBe(true);
  });

  it('gives a zero-width interval when every value is the same', () => {
    const out = meanWithTFromSums(3, 0.3, 0.03, [0.95]);
    expect(out.sd).toBeGreaterThanOrEqual(0);
    expect(out.lower[0]).toBeCloseTo(0.1, 9);
  });
});
