// phe_rate: crude rates with exact Poisson limits below 10 events and Byar's from 10 (R/Rates.R).
import { fail } from './errors.ts';
import {
  emptyIntervalSet,
  exactPoissonLower,
  exactPoissonUpper,
  byarsLower,
  byarsUpper,
  formatMultiplier,
  type IntervalSet,
} from './limits.ts';

export type CountLimitMethod = 'Exact' | 'Byars';

export interface RateOptions {
  confidence: readonly number[];
  /** Default 100,000. */
  multiplier?: number;
}

export interface RateResult extends IntervalSet {
  /** Per row: "Exact" when x < 10, "Byars" otherwise, null when x is NA. */
  method: (CountLimitMethod | null)[];
}

export function validateRateInputs(x: ArrayLike<number>, n: ArrayLike<number>): void {
  for (let i = 0; i < x.length; i++)
    if ((x[i] as number) < 0) fail('numerators must be greater than or equal to zero');
  for (let i = 0; i < n.length; i++)
    if ((n[i] as number) <= 0) fail('denominators must be greater than zero');
}

/** Method the reference uses for an observed count. */
export function countLimitMethod(x: number): CountLimitMethod | null {
  if (Number.isNaN(x)) return null;
  return x < 10 ? 'Exact' : 'Byars';
}

/** Lower limit of an observed count: exact below 10, Byar's otherwise. */
export function countLower(x: number, confidence: number): number {
  if (Number.isNaN(x)) return NaN;
  return x < 10 ? exactPoissonLower(x, confidence) : byarsLower(x, confidence);
}

/** Upper limit of an observed count: exact below 10, Byar's otherwise. */
export function countUpper(x: number, confidence: number): number {
  if (Number.isNaN(x)) return NaN;
  return x < 10 ? exactPoissonUpper(x, confidence) : byarsUpper(x, confidence);
}

/** x/n × multiplier with count limits divided by n, row by row. x may exceed n. */
export function crudeRates(x: ArrayLike<number>, n: ArrayLike<number>, options: RateOptions): RateResult {
  validateRateInputs(x, n);
  const multiplier = options.multiplier ?? 100000;
  const out: RateResult = { ...emptyIntervalSet(x.length, options.confidence.length), method: [] };
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const scale = multiplier / (n[i] as number);
    out.value[i] = xi * scale;
    out.method.push(countLimitMethod(xi));
    options.confidence.forEach((level, l) => {
      (out.lower[l] as Float64Array)[i] = countLower(xi, level) * scale;
      (out.upper[l] as Float64Array)[i] = countUpper(xi, level) * scale;
    });
  }
  return out;
}

/** "rate per 100000". */
export function rateStatistic(multiplier: number): string {
  return `rate per ${formatMultiplier(multiplier)}`;
}
