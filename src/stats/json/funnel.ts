// JSON adapter for the funnel-plot methods. params.function chooses calculate_funnel_limits (default),
// assign_funnel_significance or calculate_funnel_points; rows carry numerator, denominator and rate.
import { fail } from '../errors.ts';
import { assignFunnelSignificance, calculateFunnelPoints } from '../funnel-significance.ts';
import {
  calculateFunnelLimits,
  type FunnelOptions,
  type FunnelRow,
  type FunnelStatistic,
} from '../funnel.ts';
import { na, type JsonInput, type JsonMethod, type JsonRow } from './types.ts';
import { optionalNumber, paramNumber, paramString, requiredNumber, requireRows } from './row-fields.ts';

const FUNCTIONS = [
  'calculate_funnel_limits',
  'assign_funnel_significance',
  'calculate_funnel_points',
] as const;

function toFunnelRow(row: JsonRow, index: number): FunnelRow {
  return {
    numerator: requiredNumber(row, 'numerator', index),
    denominator: optionalNumber(row, 'denominator', index),
    rate: optionalNumber(row, 'rate', index),
  };
}

function optionsFrom(input: JsonInput, statistic: FunnelStatistic): FunnelOptions {
  const text = (name: string): string | undefined => {
    const value = input.params[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') fail(`params.${name} must be text`);
    return value;
  };
  return {
    statistic,
    multiplier: paramNumber(input, 'multiplier'),
    ratioType: text('ratio_type') as 'count' | 'isr' | undefined,
    rateType: text('rate_type') as 'dsr' | 'crude' | undefined,
    yearsOfData: paramNumber(input, 'years_of_data'),
  };
}

function jsonValue(value: number | string): number | string | null {
  return typeof value === 'number' ? na(value) : value;
}

export const run: JsonMethod = (input) => {
  const rows = requireRows(input);
  const fn = paramString(input, 'function', FUNCTIONS, 'calculate_funnel_limits');
  const statistic =
    fn === 'calculate_funnel_points'
      ? 'rate'
      : paramString<FunnelStatistic>(input, 'statistic', ['proportion', 'ratio', 'rate']);
  const options = optionsFrom(input, statistic);
  const funnelRows = rows.map(toFunnelRow);
  if (fn === 'calculate_funnel_limits') {
    const type = paramString(input, 'type', ['full', 'standard'], 'full');
    const table = calculateFunnelLimits(funnelRows, options, type);
    return {
      rows: table.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, jsonValue(v)]))),
    };
  }
  if (fn === 'assign_funnel_significance') {
    const labels = assignFunnelSignificance(funnelRows, options);
    return { rows: rows.map((row, i) => ({ ...row, significance: labels[i] ?? null })) };
  }
  const points = calculateFunnelPoints(funnelRows, options);
  return {
    rows: rows.map((row, i) => ({
      ...row,
      rate_chart: na(points[i]?.rateChart ?? NaN),
      denominator_derived: na(points[i]?.denominatorDerived ?? NaN),
    })),
  };
};
