import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  axisCeiling,
  axisFloor,
  axisPoints,
  calculateFunnelLimits,
  proportionFunnelLimit,
} from './funnel.ts';
import { poissonFunnel, poissonRangeProbability } from './poisson-bisection.ts';
import { StatsInputError } from './errors.ts';

describe('funnel building blocks', () => {
  it('rounds the axis to one significant figure below and two above', () => {
    expect(axisFloor(10600)).toBe(10000); // 95% = 10,070
    expect(axisFloor(10526)).toBe(9000); // 95% = 9,999.7
    expect(axisFloor(0)).toBe(0);
    expect(axisCeiling(30976)).toBe(33000);
    expect(axisCeiling(0)).toBe(0);
  });
  it('spaces 100 points from max(1, minimum) up to the maximum, each at least one more', () => {
    const points = axisPoints(0, 50000, false);
    expect(points).toHaveLength(100);
    expect(points[0]).toBe(1);
    expect(points[99]).toBe(50000);
    expect(points.every((p, i) => i === 0 || p >= (points[i - 1] as number) + 1)).toBe(true);
  });
  it('sums Poisson probabilities', () => {
    expect(poissonRangeProbability(3, 0, 1e10)).toBeCloseTo(1, 12);
    expect(poissonRangeProbability(2, 0, 0)).toBeCloseTo(Math.exp(-2), 9); // the sum stops at terms < 1e-10 of the total
    expect(poissonRangeProbability(5000, 0, 5000)).toBeGreaterThan(0.5);
  });
  it('finds the Poisson mean at the funnel edge', () => {
    const mean = poissonFunnel(1, 0.025, 'high');
    expect(poissonRangeProbability(mean, 0, 1)).toBeCloseTo(0.025, 6);
  });
  it('property: proportion limits bracket the average and the 99.8% limits lie outside the 95% ones', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 10, max: 1e6 }),
        (average, n) => {
          const l2 = proportionFunnelLimit(0.975, n, average, 'low', 1);
          const u2 = proportionFunnelLimit(0.975, n, average, 'high', 1);
          const l3 = proportionFunnelLimit(0.999, n, average, 'low', 1);
          const u3 = proportionFunnelLimit(0.999, n, average, 'high', 1);
          return l3 <= l2 && l2 <= average && average <= u2 && u2 <= u3;
        },
      ),
    );
  });
  it('property: the funnel narrows as the population grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer({ min: 10, max: 1e5 }),
        (average, n) => {
          const width = (m: number): number =>
            proportionFunnelLimit(0.975, m, average, 'high', 1) -
            proportionFunnelLimit(0.975, m, average, 'low', 1);
          return width(n * 4) < width(n);
        },
      ),
    );
  });
  it('rate limits bracket the baseline', () => {
    const rows = [120, 340, 95, 410, 60].map((numerator, i) => ({ numerator, rate: 150 + 20 * i }));
    const table = calculateFunnelLimits(rows, {
      statistic: 'rate',
      rateType: 'crude',
      multiplier: 1e5,
      yearsOfData: 1,
    });
    for (const row of table) {
      const baseline = row.baseline as number;
      expect(row.lower_3s_limit as number).toBeLessThanOrEqual(row.lower_2s_limit as number);
      expect(row.lower_2s_limit as number).toBeLessThanOrEqual(baseline);
      expect(row.upper_2s_limit as number).toBeGreaterThanOrEqual(baseline);
      expect(row.upper_3s_limit as number).toBeGreaterThanOrEqual(row.upper_2s_limit as number);
    }
  });
  it('refuses an unknown statistic', () => {
    expect(() =>
      calculateFunnelLimits([{ numerator: 1, denominator: 2 }], { statistic: 'mean' as 'rate' }),
    ).toThrow(StatsInputError);
  });
});
