import { describe, expect, it } from 'vitest';
import { limitCoverage, lowerLimitRank, medianRanks, medianWithLimits } from './median.ts';
import { zForConfidence } from './distributions.ts';

describe('distribution-free confidence interval for a median', () => {
  it('reproduces the ranks tabulated by Campbell & Gardner (BMJ 1988; Statistics with Confidence, table 18.4)', () => {
    // n → lower rank for 95%; the upper rank is n − r + 1.
    const table: [number, number][] = [
      [6, 1],
      [10, 2],
      [20, 6],
      [30, 10],
      [50, 18],
      [100, 40],
    ];
    for (const [n, r] of table) expect(lowerLimitRank(n, 0.95), `n = ${n}`).toBe(r);
    expect(medianRanks(100, [0.95]).limits[0]).toEqual({ lower: 40, upper: 61 });
  });

  it('chooses the narrowest interval that still covers at least the confidence level', () => {
    for (const confidence of [0.95, 0.998]) {
      for (let n = 1; n <= 400; n++) {
        const r = lowerLimitRank(n, confidence);
        if (r >= 1) expect(limitCoverage(n, r)).toBeGreaterThanOrEqual(confidence);
        if (r + 1 <= (n + 1) / 2) expect(limitCoverage(n, r + 1)).toBeLessThan(confidence);
      }
    }
  });

  it('agrees with the large-sample ranks n/2 − z√n/2 for large n', () => {
    for (const n of [1_000, 40_000, 1_400_000]) {
      const z = zForConfidence(0.95);
      expect(Math.abs(lowerLimitRank(n, 0.95) - (n / 2 - (z * Math.sqrt(n)) / 2))).toBeLessThan(1.5);
    }
  });

  it('gives no interval when there are too few values for the confidence level', () => {
    expect(medianRanks(5, [0.95, 0.998]).limits).toEqual([null, null]);
    expect(medianRanks(6, [0.95, 0.998]).limits).toEqual([{ lower: 1, upper: 6 }, null]);
  });

  it('averages the two middle values of an even count, as percentile_cont(0.5) does', () => {
    const result = medianWithLimits([9, 1, 4, 7, 3, 12, 5, 8, 2, 6], [0.95]);
    expect(result.value).toBe(5.5);
    expect(result.lower).toEqual([2]);
    expect(result.upper).toEqual([9]);
  });

  it('refuses counts and levels it cannot use', () => {
    expect(() => medianRanks(0, [0.95])).toThrow(/at least 1/);
    expect(() => medianRanks(10, [95])).toThrow(/between 0 and 1/);
  });
});
