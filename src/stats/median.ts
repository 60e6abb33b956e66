// The median and its distribution-free confidence interval from order statistics: for n values in
// order x(1) ≤ … ≤ x(n), [x(r), x(n − r + 1)] holds the population median with probability
// 1 − 2·P(B ≤ r − 1), B ~ Binomial(n, ½), whatever the distribution. r is the largest rank that
// keeps that probability at least the confidence level (Conover 1999 §3.2; Campbell & Gardner,
// BMJ 1988; docs/methods/median.md).
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import binomialQuantile from '@stdlib/stats-base-dists-binomial-quantile';
import { fail } from './errors.ts';

export const MEDIAN_STATISTIC = 'median';
export const MEDIAN_METHOD = 'Distribution-free (binomial order statistics)';

export interface MedianRanks {
  /** 1-based ranks whose values average to the median (equal when n is odd). */
  middle: [number, number];
  /** 1-based ranks of the limits for each confidence level; null when n is too small for it. */
  limits: ({ lower: number; upper: number } | null)[];
}

/** The largest r with 2·P(B ≤ r − 1) ≤ 1 − confidence, B ~ Binomial(n, ½); 0 when none exists. */
export function lowerLimitRank(n: number, confidence: number): number {
  const tail = (1 - confidence) / 2;
  // The quantile is the smallest k with P(B ≤ k) ≥ tail, so P(B ≤ k − 1) < tail: r = k, or k + 1
  // in the (measure-zero) case that P(B ≤ k) equals the tail exactly.
  const k = binomialQuantile(tail, n, 0.5);
  return binomialCdf(k, n, 0.5) <= tail ? k + 1 : k;
}

export function medianRanks(n: number, confidence: readonly number[]): MedianRanks {
  if (!Number.isInteger(n) || n < 1) fail('The number of values must be a whole number of at least 1.');
  for (const c of confidence) {
    if (!(c > 0 && c < 1)) fail('Each confidence level must be between 0 and 1, for example 0.95.');
  }
  const middle: [number, number] = n % 2 ? [(n + 1) / 2, (n + 1) / 2] : [n / 2, n / 2 + 1];
  return {
    middle,
    limits: confidence.map((c) => {
      const r = lowerLimitRank(n, c);
      return r >= 1 ? { lower: r, upper: n - r + 1 } : null;
    }),
  };
}

/** Coverage of [x(r), x(n − r + 1)]: 1 − 2·P(B ≤ r − 1). */
export function limitCoverage(n: number, r: number): number {
  return 1 - 2 * binomialCdf(r - 1, n, 0.5);
}

/** The median and limits of values (any order), by the same ranks, for small in-memory samples. */
export function medianWithLimits(
  values: readonly number[],
  confidence: readonly number[],
): { value: number; lower: number[]; upper: number[] } {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.some((v) => !Number.isFinite(v))) fail('Every value must be a finite number.');
  const ranks = medianRanks(sorted.length, confidence);
  const at = (rank: number) => sorted[rank - 1] as number;
  return {
    value: (at(ranks.middle[0]) + at(ranks.middle[1])) / 2,
    lower: ranks.limits.map((l) => (l ? at(l.lower) : NaN)),
    upper: ranks.limits.map((l) => (l ? at(l.upper) : NaN)),
  };
}
