// Confidence limits shared by the methods: Wilson (proportions), Byar's and exact Poisson (counts).
// Confidence is a fraction (0.95); counts are on the count scale, Wilson on the 0–1 scale.
import { qchisq, zForConfidence } from './distributions.ts';
import { fail } from './errors.ts';

function checkCount(x: number): void {
  if (x < 0) fail('observed events must all be greater than or equal to zero');
}

function checkWilsonInputs(x: number, n: number): void {
  checkCount(x);
  if (n < 0) fail('sample sizes must all be greater than zero');
  if (x > n) fail('numerators must be less than or equal to denominator for a Wilson score to be calculated');
}

function wilson(x: number, n: number, z: number, sign: 1 | -1): number {
  return (2 * x + z * z + sign * z * Math.sqrt(z * z + 4 * x * (1 - x / n))) / 2 / (n + z * z);
}

/** Wilson score lower limit for x successes out of n (Wilson 1927). Confidence 1 gives 0. */
export function wilsonLower(x: number, n: number, confidence: number): number {
  checkWilsonInputs(x, n);
  if (confidence === 1) return 0;
  return wilson(x, n, zForConfidence(confidence), -1);
}

/** Wilson score upper limit for x successes out of n. Confidence 1 gives 1. */
export function wilsonUpper(x: number, n: number, confidence: number): number {
  checkWilsonInputs(x, n);
  if (confidence === 1) return 1;
  return wilson(x, n, zForConfidence(confidence), 1);
}

/** Byar's lower limit for an observed count (Breslow & Day 1987); NaN where the formula goes negative. */
export function byarsLower(x: number, confidence: number): number {
  checkCount(x);
  return byarsLowerZ(x, zForConfidence(confidence));
}

/** Byar's upper limit for an observed count. */
export function byarsUpper(x: number, confidence: number): number {
  checkCount(x);
  return byarsUpperZ(x, zForConfidence(confidence));
}

/** Byar's lower limit with a precomputed z (hot paths); no validation. */
export function byarsLowerZ(x: number, z: number): number {
  const limit = x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3;
  return limit < 0 ? NaN : limit;
}

/** Byar's upper limit with a precomputed z (hot paths); no validation. */
export function byarsUpperZ(x: number, z: number): number {
  const x1 = x + 1;
  return x1 * (1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1))) ** 3;
}

/** Exact Poisson lower limit χ²(α/2; 2x)/2; 0 when x = 0. */
export function exactPoissonLower(x: number, confidence: number): number {
  checkCount(x);
  if (x === 0) return 0;
  return qchisq((1 - confidence) / 2, 2 * x) / 2;
}

/** Exact Poisson upper limit χ²(1 − α/2; 2x + 2)/2. */
export function exactPoissonUpper(x: number, confidence: number): number {
  checkCount(x);
  return qchisq(confidence + (1 - confidence) / 2, 2 * x + 2) / 2;
}

/** The limits rates and ISRs use: exact below 10 observed events, Byar's otherwise. */
export function poissonCountLimits(
  x: number,
  confidence: number,
): { lower: number; upper: number; method: 'Exact' | 'Byars' } {
  if (x < 10) {
    return {
      lower: exactPoissonLower(x, confidence),
      upper: exactPoissonUpper(x, confidence),
      method: 'Exact',
    };
  }
  return { lower: byarsLower(x, confidence), upper: byarsUpper(x, confidence), method: 'Byars' };
}

/** Values with limits at one or more confidence levels, one entry of lower/upper per level. */
export interface IntervalSet {
  value: Float64Array;
  lower: Float64Array[];
  upper: Float64Array[];
}

export function emptyIntervalSet(length: number, levels: number): IntervalSet {
  return {
    value: new Float64Array(length),
    lower: Array.from({ length: levels }, () => new Float64Array(length)),
    upper: Array.from({ length: levels }, () => new Float64Array(length)),
  };
}

/** How multipliers read in statistic labels: plain digits, never scientific ("rate per 100000"). */
export function formatMultiplier(multiplier: number): string {
  return multiplier.toLocaleString('en-GB', { useGrouping: false, maximumFractionDigits: 20 });
}
