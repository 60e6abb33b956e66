// Indirect standardisation: calculate_ISRatio, calculate_ISRate and the SMR (R/ISRatio.R, R/ISRate.R).
import { fail } from './errors.ts';
import { formatMultiplier } from './limits.ts';
import { countLimitMethod, countLower, countUpper, type CountLimitMethod } from './rate.ts';

/** Rows of all groups, one per stratum; group g spans rows groupOffsets[g] … groupOffsets[g+1] − 1. */
export interface IsrInput {
  /** Observed events per stratum (NA counts as 0). Omit when observedTotals is given. */
  x?: ArrayLike<number>;
  /** Observed totals per group, instead of x (the reference's observed_totals). */
  observedTotals?: ArrayLike<number>;
  /** Population per stratum (NA counts as 0). */
  n: ArrayLike<number>;
  /** Reference events and population per stratum (NA reference events count as 0). */
  xRef: ArrayLike<number>;
  nRef: ArrayLike<number>;
  groupOffsets: ArrayLike<number>;
}

export interface IsrResult {
  observed: Float64Array;
  expected: Float64Array;
  /** Σx_ref/Σn_ref × multiplier for ISRate; NaN for ISRatio. */
  refRate: Float64Array;
  value: Float64Array;
  lower: Float64Array[];
  upper: Float64Array[];
  method: (CountLimitMethod | null)[];
}

const zeroIfNa = (v: number): number => (v === v ? v : 0);

export function validateIsrInputs(input: IsrInput): void {
  const observed = input.observedTotals ?? input.x ?? [];
  for (let i = 0; i < observed.length; i++) {
    if ((observed[i] as number) < 0) fail('numerators must all be greater than or equal to zero');
  }
  for (let i = 0; i < input.n.length; i++) {
    if ((input.n[i] as number) < 0) fail('denominators must all be greater than or equal to zero');
  }
}

/** O, E = Σ(x_ref/n_ref)·n and the crude reference rate Σx_ref/Σn_ref, per group. */
function observedAndExpected(input: IsrInput): {
  observed: Float64Array;
  expected: Float64Array;
  refRate: Float64Array;
} {
  const groups = Math.max(input.groupOffsets.length - 1, 0);
  const observed = new Float64Array(groups);
  const expected = new Float64Array(groups);
  const refRate = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    let o = 0;
    let e = 0;
    let refEvents = 0;
    let refPop = 0;
    for (let i = input.groupOffsets[g] as number; i < (input.groupOffsets[g + 1] as number); i++) {
      const xRef = zeroIfNa(input.xRef[i] as number);
      if (input.x) o += zeroIfNa(input.x[i] as number);
      e += (xRef / (input.nRef[i] as number)) * zeroIfNa(input.n[i] as number);
      refEvents += xRef;
      refPop += input.nRef[i] as number;
    }
    observed[g] = input.observedTotals ? (input.observedTotals[g] as number) : o;
    expected[g] = e;
    refRate[g] = refEvents / refPop;
  }
  return { observed, expected, refRate };
}

/** Scales O/E and the count limits of O divided by E by scale[g] (refvalue, or the reference rate). */
function standardise(
  parts: { observed: Float64Array; expected: Float64Array },
  confidence: readonly number[],
  scaleOf: (g: number) => number,
): Pick<IsrResult, 'value' | 'lower' | 'upper' | 'method'> {
  const groups = parts.observed.length;
  const value = new Float64Array(groups);
  const lower = confidence.map(() => new Float64Array(groups));
  const upper = confidence.map(() => new Float64Array(groups));
  const method: (CountLimitMethod | null)[] = [];
  for (let g = 0; g < groups; g++) {
    const o = parts.observed[g] as number;
    const factor = scaleOf(g) / (parts.expected[g] as number);
    value[g] = o * factor;
    method.push(countLimitMethod(o));
    confidence.forEach((level, l) => {
      (lower[l] as Float64Array)[g] = countLower(o, level) * factor;
      (upper[l] as Float64Array)[g] = countUpper(o, level) * factor;
    });
  }
  return { value, lower, upper, method };
}

/** Indirectly standardised ratio O/E × refvalue with exact (O < 10) or Byar's limits. */
export function isRatio(
  input: IsrInput,
  options: { confidence: readonly number[]; refvalue?: number },
): IsrResult {
  validateIsrInputs(input);
  const refvalue = options.refvalue ?? 1;
  const parts = observedAndExpected(input);
  const scaled = standardise(parts, options.confidence, () => refvalue);
  return { observed: parts.observed, expected: parts.expected, refRate: parts.refRate.fill(NaN), ...scaled };
}

/** Indirectly standardised rate O/E × reference rate (Σx_ref/Σn_ref × multiplier). */
export function isRate(
  input: IsrInput,
  options: { confidence: readonly number[]; multiplier?: number },
): IsrResult {
  validateIsrInputs(input);
  const multiplier = options.multiplier ?? 100000;
  const parts = observedAndExpected(input);
  const refRate = parts.refRate.map((rate) => rate * multiplier);
  const scaled = standardise(parts, options.confidence, (g) => refRate[g] as number);
  return { observed: parts.observed, expected: parts.expected, refRate, ...scaled };
}

/** Standardised mortality (or morbidity) ratio: the ISRatio with refvalue 1 or 100. */
export function smr(
  input: IsrInput,
  options: { confidence: readonly number[]; refvalue?: 1 | 100 },
): IsrResult {
  return isRatio(input, { confidence: options.confidence, refvalue: options.refvalue ?? 100 });
}

export function isRatioStatistic(refvalue: number): string {
  return `indirectly standardised ratio x ${formatMultiplier(refvalue)}`;
}

export function isRateStatistic(multiplier: number): string {
  return `indirectly standardised rate per ${formatMultiplier(multiplier)}`;
}
