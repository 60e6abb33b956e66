// assign_funnel_significance and calculate_funnel_points (PHEindicatormethods R/Funnels.R).
import { exactPoissonLower, exactPoissonUpper, byarsLower, byarsUpper } from './limits.ts';
import { derivedDenominators, proportionFunnelLimit } from './funnel.ts';
import { validateFunnelInputs, type FunnelOptions, type FunnelRow } from './funnel-inputs.ts';

export type Significance =
  | 'High (0.001)'
  | 'High (0.025)'
  | 'Low (0.001)'
  | 'Low (0.025)'
  | 'Not significant'
  | 'Not applicable for events less than 10 for dsrs';

/**
 * The observed count's limit divided by the expected count (funnel_ratio_significance): exact
 * Poisson below 10 events, Byar's from 10; a zero count has lower limit 0.
 */
function countLimitRatio(
  observed: number,
  expected: number,
  confidence: number,
  side: 'low' | 'high',
): number {
  let limit: number;
  if (observed < 10) {
    limit =
      side === 'low' ? exactPoissonLower(observed, confidence) : exactPoissonUpper(observed, confidence);
  } else {
    limit = side === 'low' ? byarsLower(observed, confidence) : byarsUpper(observed, confidence);
  }
  return limit / expected;
}

function label(
  isHigh: (confidence: number) => boolean,
  isLow: (confidence: number) => boolean,
): Significance {
  if (isHigh(0.998)) return 'High (0.001)';
  if (isHigh(0.95)) return 'High (0.025)';
  if (isLow(0.998)) return 'Low (0.001)';
  if (isLow(0.95)) return 'Low (0.025)';
  return 'Not significant';
}

function proportionSignificance(rows: readonly FunnelRow[]): Significance[] {
  const average =
    rows.reduce((sum, r) => sum + r.numerator, 0) /
    rows.reduce((sum, r) => sum + (r.denominator as number), 0);
  return rows.map((r) => {
    const n = r.denominator as number;
    const p = r.numerator / n;
    const tail = (confidence: number): number => (confidence === 0.998 ? 0.999 : 0.975);
    const limit = (confidence: number, side: 'low' | 'high'): number =>
      proportionFunnelLimit(tail(confidence), n, average, side, 1);
    // The reference tests the low side first for proportions.
    if (p < limit(0.998, 'low')) return 'Low (0.001)';
    if (p < limit(0.95, 'low')) return 'Low (0.025)';
    if (p > limit(0.998, 'high')) return 'High (0.001)';
    if (p > limit(0.95, 'high')) return 'High (0.025)';
    return 'Not significant';
  });
}

/** Label each area "High (0.001)", "High (0.025)", "Low (0.001)", "Low (0.025)" or "Not significant". */
export function assignFunnelSignificance(rows: readonly FunnelRow[], options: FunnelOptions): Significance[] {
  validateFunnelInputs(rows, options, 'significance');
  if (options.statistic === 'proportion') return proportionSignificance(rows);
  if (options.statistic === 'ratio') {
    return rows.map((r) => {
      const expected = r.denominator as number;
      return label(
        (c) => 1 < countLimitRatio(r.numerator, expected, c, 'low'),
        (c) => 1 > countLimitRatio(r.numerator, expected, c, 'high'),
      );
    });
  }
  const denominators = derivedDenominators(rows, options);
  const average =
    rows.reduce((sum, r) => sum + r.numerator, 0) /
    denominators.reduce((sum, d) => (Number.isNaN(d) ? sum : sum + d), 0);
  return rows.map((r, i) => {
    if (options.rateType === 'dsr' && r.numerator < 10)
      return 'Not applicable for events less than 10 for dsrs';
    const denominator = denominators[i] as number;
    return label(
      (c) => average < countLimitRatio(r.numerator, denominator, c, 'low'),
      (c) => average > countLimitRatio(r.numerator, denominator, c, 'high'),
    );
  });
}

/** Rates: the value to chart and the annual denominator; DSRs with fewer than 10 events are not charted. */
export function calculateFunnelPoints(
  rows: readonly FunnelRow[],
  options: FunnelOptions,
): { rateChart: number; denominatorDerived: number }[] {
  validateFunnelInputs(rows, { ...options, statistic: 'rate' }, 'points');
  const multiplier = options.multiplier as number;
  const years = options.yearsOfData as number;
  const withDenominator = rows.some((r) => r.denominator !== undefined);
  return rows.map((r) => {
    const rate = r.rate ?? NaN;
    if (options.rateType === 'dsr') {
      if (r.numerator < 10) return { rateChart: NaN, denominatorDerived: NaN };
      return { rateChart: rate, denominatorDerived: (multiplier * r.numerator) / rate / years };
    }
    if (withDenominator && r.numerator === 0) {
      return { rateChart: rate, denominatorDerived: (r.denominator ?? NaN) / years };
    }
    return { rateChart: rate, denominatorDerived: (multiplier * r.numerator) / rate / years };
  });
}
