// phe_mean: mean with a Student's t confidence interval (R/Means.R).
import { qt } from './distributions.ts';

export interface MeanSummary {
  /** value_sum, value_count and stdev in the reference's output. */
  sum: number;
  count: number;
  sd: number;
  value: number;
  /** One entry per confidence level. */
  lower: number[];
  upper: number[];
}

/** Sample standard deviation (n − 1); NaN for fewer than two values or any NA. */
export function sampleSd(values: ArrayLike<number>, mean: number): number {
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += ((values[i] as number) - mean) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** Mean ∓ |t(α/2, n−1)|·sd/√n for each confidence level (fractions). NA values propagate. */
export function meanWithT(values: ArrayLike<number>, confidence: readonly number[]): MeanSummary {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  const count = values.length;
  const value = sum / count;
  const sd = count > 1 ? sampleSd(values, value) : NaN;
  const standardError = sd / Math.sqrt(count);
  const halfWidths = confidence.map((level) => Math.abs(qt((1 - level) / 2, count - 1)) * standardError);
  return {
    sum,
    count,
    sd,
    value,
    lower: halfWidths.map((half) => value - half),
    upper: halfWidths.map((half) => value + half),
  };
}

export const MEAN_STATISTIC = 'mean';
export const MEAN_METHOD = "Student's t-distribution";

/**
 * The Student's t interval of a mean from pre-aggregated sums (count, Σx, Σx²), as SQL returns them:
 * the same value and limits as meanWithT on the values themselves. The variance is
 * (Σx² − (Σx)²/n)/(n − 1), clamped at 0 against rounding; fewer than two values give no limits.
 */
export function meanWithTFromSums(
  count: number,
  sum: number,
  sumOfSquares: number,
  confidence: readonly number[],
): MeanSummary {
  const value = sum / count;
  const variance = count > 1 ? Math.max(0, (sumOfSquares - (sum * sum) / count) / (count - 1)) : NaN;
  const sd = Math.sqrt(variance);
  const standardError = sd / Math.sqrt(count);
  const halfWidths = confidence.map((level) => Math.abs(qt((1 - level) / 2, count - 1)) * standardError);
  return {
    sum,
    count,
    sd,
    value,
    lower: halfWidths.map((half) => value - half),
    upper: halfWidths.map((half) => value + half),
  };
}
