// Funnel plots: control limits (calculate_funnel_limits), outlier labels (assign_funnel_significance)
// and chart points (calculate_funnel_points), as PHEindicatormethods R/Funnels.R computes them
// following the Fingertips technical guidance. See docs/methods/funnel.md.
import { qnorm } from './distributions.ts';
import { fail } from './errors.ts';
import { poissonFunnel } from './poisson-bisection.ts';
import { roundHalfEven } from './order-statistics.ts';
import { validateFunnelInputs, type FunnelOptions, type FunnelRow } from './funnel-inputs.ts';

export type { FunnelOptions, FunnelRow, FunnelStatistic } from './funnel-inputs.ts';

export type FunnelLimitRow = Record<string, number | string>;

/** The denominators the limits use: rates derive them as multiplier × events / rate. */
export function derivedDenominators(rows: readonly FunnelRow[], options: FunnelOptions): number[] {
  const multiplier = options.multiplier ?? NaN;
  return rows.map((row) => {
    if (options.statistic !== 'rate') return row.denominator ?? NaN;
    if (row.numerator === 0) return options.rateType === 'dsr' ? NaN : (row.denominator ?? NaN);
    return (multiplier * row.numerator) / (row.rate ?? NaN);
  });
}

/**
 * The proportion at which a Wilson interval around it would just reach the average p̄, for
 * population N and tail probability p (0.975 or 0.999), times the multiplier (sigma_adjustment).
 */
export function proportionFunnelLimit(
  p: number,
  population: number,
  average: number,
  side: 'low' | 'high',
  multiplier: number,
): number {
  const z2 = qnorm(p) ** 2;
  const first = average * (population / z2 + 1);
  const adjustment = Math.sqrt(
    (-8 * average * (population / z2 + 1)) ** 2 -
      64 *
        (1 / z2 + 1 / population) *
        average *
        (population * (average * (population / z2 + 2) - 1) + z2 * (average - 1)),
  );
  const last = 1 / z2 + 1 / population;
  const limit = side === 'low' ? (first - adjustment / 8) / last : (first + adjustment / 8) / last;
  return (limit / population) * multiplier;
}

function digitCount(x: number): number {
  return String(Math.abs(Math.trunc(x))).length;
}

/** Round 95% of x down to one significant figure (axis minimum). */
export function axisFloor(x: number): number {
  if (x === 0) return 0;
  const n = digitCount(Math.floor(x * 0.95)) - 1;
  return Math.floor((x * 0.95) / 10 ** n) * 10 ** n;
}

/** Round 105% of x up to two significant figures (axis maximum). */
export function axisCeiling(x: number): number {
  if (x === 0) return 0;
  const n = digitCount(Math.ceil(x * 1.05)) - 2;
  return Math.ceil((x * 1.05) / 10 ** n) * 10 ** n;
}

/** 100 x-axis points spaced geometrically from max(1, minimum) to the maximum, each at least +1. */
export function axisPoints(minimum: number, maximum: number, ratio: boolean): number[] {
  const points = [Math.max(1, minimum)];
  for (let j = 2; j <= 100; j++) {
    const previous = points[j - 2] as number;
    const offset = ratio ? j - 1 : j;
    points.push(
      Math.max(roundHalfEven((maximum / previous) ** (1 / (101 - offset)) * previous), previous + 1),
    );
  }
  return points;
}

function axisRange(denominators: number[], options: FunnelOptions, average: number): [number, number] {
  const present = denominators.filter((d) => !Number.isNaN(d));
  const min = Math.min(...present);
  const max = Math.max(...present);
  const years = options.statistic === 'rate' ? (options.yearsOfData as number) : 1;
  const lowest = max > 2 * min ? 0 : axisFloor(min / years) * years;
  const highest = axisCeiling(max / years) * years;
  if (options.statistic !== 'rate') return [lowest, highest];
  return [Math.floor(lowest * average), Math.ceil(highest * average)];
}

function proportionRow(population: number, average: number, multiplier: number): FunnelLimitRow {
  const limit = (p: number, side: 'low' | 'high'): number =>
    proportionFunnelLimit(p, population, average, side, multiplier);
  return {
    Population: population,
    lower_2s_limit: Math.max(0, limit(0.975, 'low')),
    upper_2s_limit: Math.min(100, limit(0.975, 'high')),
    lower_3s_limit: Math.max(0, limit(0.999, 'low')),
    upper_3s_limit: Math.min(100, limit(0.999, 'high')),
    baseline: average * multiplier,
  };
}

function ratioRow(observed: number, ratioType: 'count' | 'isr'): FunnelLimitRow {
  const out: FunnelLimitRow = { Observed_events: observed };
  const adjust = (ratio: number): number => (ratioType === 'count' ? ratio - 1 : ratio * 100);
  for (const [band, p] of [
    ['2s', 0.025],
    ['3s', 0.001],
  ] as const) {
    const lowerExpected = poissonFunnel(observed, p, 'high');
    const upperExpected = poissonFunnel(observed, p, 'low');
    out[`lower_${band}_exp_events`] = lowerExpected;
    out[`lower_${band}_limit`] = adjust(observed / lowerExpected);
    out[`upper_${band}_exp_events`] = upperExpected;
    out[`upper_${band}_limit`] = adjust(observed / upperExpected);
  }
  return out;
}

function rateRow(events: number, average: number, multiplier: number, years: number): FunnelLimitRow {
  const out: FunnelLimitRow = { Events: events };
  for (const [band, p] of [
    ['2s', 0.025],
    ['3s', 0.001],
  ] as const) {
    for (const [edge, side] of [
      ['lower', 'high'],
      ['upper', 'low'],
    ] as const) {
      const population = poissonFunnel(events, p, side) / average;
      out[`${edge}_${band}_population_1_year`] = population / years;
      out[`${edge}_${band}_limit`] = (events / population) * multiplier;
    }
  }
  out.baseline = average * multiplier;
  return out;
}

function statisticLabel(options: FunnelOptions): string {
  if (options.statistic === 'ratio') return `ratio (${options.ratioType ?? ''})`;
  if (options.statistic === 'rate') {
    const per = (options.multiplier as number).toLocaleString('en-GB', { maximumFractionDigits: 20 });
    return `rate (${options.rateType ?? ''} per ${per})`;
  }
  return 'proportion';
}

/** The 100-row table of funnel limits (95% "2s" and 99.8% "3s") around the baseline average. */
export function calculateFunnelLimits(
  rows: readonly FunnelRow[],
  options: FunnelOptions,
  type: 'full' | 'standard' = 'full',
): FunnelLimitRow[] {
  validateFunnelInputs(rows, options, 'limits');
  const denominators = derivedDenominators(rows, options);
  const numerator = rows.reduce((sum, r) => sum + r.numerator, 0);
  const average = numerator / denominators.reduce((sum, d) => (Number.isNaN(d) ? sum : sum + d), 0);
  const [minimum, maximum] = axisRange(denominators, options, average);
  const points = axisPoints(minimum, maximum, options.statistic === 'ratio');
  const multiplier = options.multiplier as number;
  const table = points.map((x) => {
    if (options.statistic === 'proportion') return proportionRow(x, average, multiplier);
    if (options.statistic === 'ratio')
      return ratioRow(x, options.ratioType ?? fail('ratio_type is required'));
    return rateRow(x, average, multiplier, options.yearsOfData as number);
  });
  if (type === 'standard') return table;
  const statistic = statisticLabel(options);
  const method = options.statistic === 'proportion' ? 'Wilson' : 'Poisson';
  return table.map((row) => ({ ...row, statistic, method }));
}
