// Inputs of the funnel-plot methods and their validation, with the reference's wording.
import { fail } from './errors.ts';

export type FunnelStatistic = 'proportion' | 'ratio' | 'rate';

/** One area. A field left undefined was not supplied; NaN means supplied but missing. */
export interface FunnelRow {
  numerator: number;
  /** Proportions: the population; ratios: the expected count; rates: the population (needed when 0 events). */
  denominator?: number;
  /** Rates only: the crude rate or DSR per `multiplier`. */
  rate?: number;
}

export interface FunnelOptions {
  statistic: FunnelStatistic;
  multiplier?: number;
  ratioType?: 'count' | 'isr';
  rateType?: 'dsr' | 'crude';
  /** Rates: how many years the data cover (the x-axis is per year). */
  yearsOfData?: number;
}

type Use = 'limits' | 'significance' | 'points';

function hasDenominator(rows: readonly FunnelRow[]): boolean {
  return rows.some((r) => r.denominator !== undefined);
}

function validateRates(rows: readonly FunnelRow[], options: FunnelOptions, use: Use): void {
  const needsYears = use !== 'significance';
  if (
    options.multiplier === undefined ||
    options.rateType === undefined ||
    (needsYears && options.yearsOfData === undefined)
  ) {
    fail(
      use === 'significance'
        ? 'the following arguments are required for rates: data, numerator, rate, rate_type, multiplier'
        : 'the following arguments are required for rates: data, numerator, rate, rate_type, multiplier, years_of_data',
    );
  }
  if (options.rateType !== 'dsr' && options.rateType !== 'crude')
    fail('rate_type should be one of "dsr", "crude"');
  if (rows.some((r) => Number.isNaN(r.numerator))) {
    fail('for rates, numerators must be provided for all records, even when their values are zero');
  }
  const missingRate = (r: FunnelRow): boolean => r.rate === undefined || Number.isNaN(r.rate);
  const missingDenominator = (r: FunnelRow): boolean =>
    r.denominator === undefined || Number.isNaN(r.denominator);
  if (rows.some((r) => missingRate(r) && (!hasDenominator(rows) || missingDenominator(r)))) {
    fail(
      'for rates, rates must be provided for all records, or a denominator must be provided if the rate is zero',
    );
  }
  const zeros = rows.filter((r) => r.numerator === 0);
  if (zeros.length > 0 && !hasDenominator(rows)) {
    fail(
      'for rates, where there are 0 events for a record, the denominator field needs to be provided using the denominator argument',
    );
  }
  if (zeros.some((r) => missingDenominator(r) || (r.denominator as number) <= 0)) {
    fail('for rates, where there are 0 events for a record, the denominator must be provided');
  }
}

function validateCounts(rows: readonly FunnelRow[], statistic: FunnelStatistic): void {
  if (rows.some((r) => r.numerator < 0)) fail('numerators must be greater than or equal to zero');
  if (rows.some((r) => r.denominator !== undefined && r.denominator <= 0))
    fail('denominators must be greater than zero');
  if (
    statistic === 'proportion' &&
    rows.some((r) => r.denominator !== undefined && r.numerator > r.denominator)
  ) {
    fail('numerators must be less than or equal to denominator for a proportion statistic');
  }
}

export function validateFunnelInputs(rows: readonly FunnelRow[], options: FunnelOptions, use: Use): void {
  const { statistic } = options;
  if (!['proportion', 'ratio', 'rate'].includes(statistic))
    fail('statistic must be provided as proportion, rate or ratio');
  if (rows.length === 0) fail('at least one record is needed');
  if (statistic === 'rate') validateRates(rows, options, use);
  if (statistic === 'ratio') {
    if (
      !hasDenominator(rows) ||
      (use === 'limits' && (options.ratioType === undefined || options.multiplier === undefined))
    ) {
      fail(
        use === 'limits'
          ? 'the following arguments are required for ratios: data, numerator, denominator, ratio_type, multiplier'
          : 'the following arguments are required for ratios and proportions: data, numerator, denominator',
      );
    }
    if (use === 'limits' && options.ratioType !== 'count' && options.ratioType !== 'isr') {
      fail('ratio_type should be one of "count", "isr"');
    }
  }
  if (statistic === 'proportion') {
    if (!hasDenominator(rows) || (use === 'limits' && options.multiplier === undefined)) {
      fail(
        use === 'limits'
          ? 'the following arguments are required for proportions: data, numerator, denominator, multiplier'
          : 'the following arguments are required for ratios and proportions: data, numerator, denominator',
      );
    }
    if (
      rows.some(
        (r) => Number.isNaN(r.numerator) || r.denominator === undefined || Number.isNaN(r.denominator),
      )
    ) {
      fail(
        'for proportions, numerators and denominators must be provided for all records, even when their values are zero',
      );
    }
  }
  if (use !== 'points') validateCounts(rows, statistic);
}
