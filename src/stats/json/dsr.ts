// JSON adapter for calculate_dsr.
import { confidenceLabels, limitColumns } from '../confidence.ts';
import {
  DSR_METHOD,
  DSR_NONINDEPENDENT_METHOD,
  DSR_SUPPRESSED_STATISTIC,
  directlyStandardisedRates,
  directlyStandardisedRatesNonIndependent,
  dsrStatistic,
  type DsrResult,
} from '../dsr.ts';
import { fail } from '../errors.ts';
import { STANDARD_POPULATIONS } from '../standard-populations.ts';
import {
  applyOutputType,
  groupContiguous,
  numberField,
  numberList,
  readGroupBy,
  readInput,
  readMultiplier,
  readOutputType,
  readRestrictedConfidence,
  reorder,
  writeLimits,
  type GroupedRows,
} from './fields.ts';
import { na, type JsonMethod, type JsonRow } from './types.ts';

function readIndependentEvents(params: Record<string, unknown>): boolean {
  const value = params.independent_events ?? true;
  if (typeof value !== 'boolean') fail('independent_events must be TRUE or FALSE');
  return value;
}

/** The standard weights given once for every group: a list, or the name of a packaged standard. */
function stdpopVector(params: Record<string, unknown>): { name: string; weights: readonly number[] } {
  const list = Array.isArray(params.stdpop) ? numberList(params, 'stdpop') : undefined;
  if (list) return { name: 'stdpop', weights: list };
  const name = params.stdpop ?? 'esp2013';
  const standard = typeof name === 'string' ? STANDARD_POPULATIONS[name.toLowerCase()] : undefined;
  if (!standard) fail('stdpop must be a field in every row, a list of numbers, or one of esp2013, esp1976');
  return { name: standard.name, weights: standard.weights };
}

function describeGroup(key: Record<string, unknown>): string {
  return Object.keys(key).length === 0 ? 'the data' : `group ${JSON.stringify(key)}`;
}

/** Assigns the standard weights by position in each group, or by distinct ageband when bands are given. */
function positionalStdpop(
  groups: GroupedRows,
  params: Record<string, unknown>,
  ageband: readonly (string | number | null)[] | undefined,
): Float64Array {
  const { name, weights } = stdpopVector(params);
  const out = new Float64Array(groups.order.length);
  groups.keys.forEach((key, g) => {
    const from = groups.offsets[g] as number;
    const to = groups.offsets[g + 1] as number;
    const bands = new Map<unknown, number>();
    for (let r = from; r < to; r++) {
      const band = ageband ? ageband[r] : r - from;
      if (!bands.has(band)) bands.set(band, bands.size);
      out[r] = weights[bands.get(band) as number] ?? NaN;
    }
    if (bands.size !== weights.length) {
      fail(
        `${describeGroup(key)} has ${bands.size} age bands but ${name} has ${weights.length}: ` +
          'give one row per age band in the standard order, or a stdpop field in every row',
      );
    }
  });
  return out;
}

function readAgebands(rows: readonly JsonRow[], order: readonly number[]): (string | number | null)[] {
  return order.map((i) => {
    const band = (rows[i] as JsonRow).ageband;
    if (band === undefined) fail(`row ${i + 1} has no "ageband" field`);
    if (band === null) fail('ageband field must not have any missing values');
    if (typeof band !== 'string' && typeof band !== 'number') fail('ageband must be text or a number');
    return band;
  });
}

function checkNonIndependentFields(rows: readonly JsonRow[]): void {
  if (!rows.every((row) => 'eventfreq' in row)) {
    fail(
      'function calculate_dsr requires an eventfreq column to be specified when independent_events is FALSE',
    );
  }
  if (!rows.every((row) => 'ageband' in row)) {
    fail(
      'function calculate_dsr requires an ageband column to be specified when independent_events is FALSE',
    );
  }
}

function compute(
  rows: readonly JsonRow[],
  groups: GroupedRows,
  params: Record<string, unknown>,
  levels: number[],
): DsrResult {
  const independent = readIndependentEvents(params);
  const multiplier = readMultiplier(params, 'multiplier', 100000);
  if (!independent) checkNonIndependentFields(rows);
  const ageband = independent ? undefined : readAgebands(rows, groups.order);
  const x = reorder(numberField(rows, 'x', { allowNa: true }), groups.order);
  const n = reorder(numberField(rows, 'n', { allowNa: false }), groups.order);
  const stdpopIsField = rows.length > 0 && rows.every((row) => 'stdpop' in row);
  const stdpop = stdpopIsField
    ? reorder(numberField(rows, 'stdpop', { allowNa: false }), groups.order)
    : positionalStdpop(groups, params, ageband);
  const base = { x, n, stdpop, groupOffsets: groups.offsets };
  if (!ageband) return directlyStandardisedRates(base, { confidence: levels, multiplier });
  const eventfreq = reorder(numberField(rows, 'eventfreq', { allowNa: true }), groups.order);
  return directlyStandardisedRatesNonIndependent(
    { ...base, eventfreq, ageband },
    { confidence: levels, multiplier },
  );
}

/**
 * params: groupBy?, stdpop? ("esp2013" default, "esp1976", or a list of weights in band order; ignored
 * when every row has a stdpop field), confidence?, multiplier? (100000), independent_events? (true),
 * type?. rows: one per group and age band with x (null = 0), n and optionally stdpop; for
 * non-independent events one per group, age band and event frequency with x = persons, eventfreq and
 * ageband.
 */
export const run: JsonMethod = (input) => {
  const { params, rows } = readInput(input);
  const groupBy = readGroupBy(params, rows);
  const levels = readRestrictedConfidence(params);
  const type = readOutputType(params);
  const groups = groupContiguous(rows, groupBy);
  const result = compute(rows, groups, params, levels);
  const statistic = dsrStatistic(readMultiplier(params, 'multiplier', 100000));
  const method = readIndependentEvents(params) ? DSR_METHOD : DSR_NONINDEPENDENT_METHOD;
  const columns = limitColumns(levels);
  const confidence = confidenceLabels(levels);
  return {
    rows: groups.keys.map((key, g) => {
      const out: JsonRow = { ...key, total_count: result.totalCount[g], total_pop: result.totalPop[g] };
      out.value = na(result.value[g] as number);
      writeLimits(out, columns, result.lower, result.upper, g);
      out.confidence = confidence;
      out.statistic = result.suppressed[g] ? DSR_SUPPRESSED_STATISTIC : statistic;
      out.method = method;
      return applyOutputType(out, type, levels, ['total_count', 'total_pop']);
    }),
  };
};
