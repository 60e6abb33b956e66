// phe_proportion: proportions with Wilson score limits (PHEindicatormethods R/Proportions.R).
import { fail } from './errors.ts';
import { emptyIntervalSet, formatMultiplier, wilsonLower, wilsonUpper, type IntervalSet } from './limits.ts';

export interface ProportionOptions {
  /** Confidence levels as fractions; empty for no limits (the reference's confidence = NA). */
  confidence: readonly number[];
  /** 1 for proportions, 100 for percentages; default 1. */
  multiplier?: number;
}

/** Refuses the inputs the reference refuses; NA (NaN) numerators and denominators are allowed. */
export function validateProportionInputs(x: ArrayLike<number>, n: ArrayLike<number>): void {
  for (let i = 0; i < x.length; i++)
    if ((x[i] as number) < 0) fail('numerators must be greater than or equal to zero');
  for (let i = 0; i < n.length; i++)
    if ((n[i] as number) <= 0) fail('denominators must be greater than zero');
  for (let i = 0; i < x.length; i++) {
    if ((x[i] as number) > (n[i] as number)) {
      fail('numerators must be less than or equal to denominator for a proportion statistic');
    }
  }
}

/** x/n × multiplier with Wilson limits, row by row; NA inputs give NA outputs. */
export function proportions(
  x: ArrayLike<number>,
  n: ArrayLike<number>,
  options: ProportionOptions,
): IntervalSet {
  validateProportionInputs(x, n);
  const multiplier = options.multiplier ?? 1;
  const out = emptyIntervalSet(x.length, options.confidence.length);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const ni = n[i] as number;
    out.value[i] = (xi / ni) * multiplier;
    const missing = Number.isNaN(xi) || Number.isNaN(ni);
    options.confidence.forEach((level, l) => {
      (out.lower[l] as Float64Array)[i] = missing ? NaN : wilsonLower(xi, ni, level) * multiplier;
      (out.upper[l] as Float64Array)[i] = missing ? NaN : wilsonUpper(xi, ni, level) * multiplier;
    });
  }
  return out;
}

/** "percentage" for ×100, otherwise "proportion of <multiplier>". */
export function proportionStatistic(multiplier: number): string {
  return multiplier === 100 ? 'percentage' : `proportion of ${formatMultiplier(multiplier)}`;
}
