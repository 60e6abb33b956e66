// JSON adapter for calculate_ISRatio, and the input reading shared with israte.ts and smr.ts.
import { confidenceLabels, limitColumns } from '../confidence.ts';
import { fail } from '../errors.ts';
import { isRatio, isRatioStatistic, type IsrInput, type IsrResult } from '../isr.ts';
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
  type OutputType,
} from './fields.ts';
import { na, type JsonInput, type JsonMethod, type JsonOutput, type JsonRow } from './types.ts';

export interface IsrRequest {
  input: IsrInput;
  groups: GroupedRows;
  levels: number[];
  type: OutputType;
  params: Record<string, unknown>;
}

/** x_ref and n_ref: lists given once for every group (same rows per group), or fields in every row. */
function referenceColumns(params: Record<string, unknown>, rows: readonly JsonRow[], groups: GroupedRows) {
  const xList = numberList(params, 'x_ref');
  const nList = numberList(params, 'n_ref');
  if (!xList !== !nList) fail('x_ref and n_ref must both be lists, or both be fields in every row');
  if (!xList || !nList) {
    return {
      xRef: reorder(numberField(rows, 'x_ref', { allowNa: true }), groups.order),
      nRef: reorder(numberField(rows, 'n_ref', { allowNa: true }), groups.order),
    };
  }
  const sizes = new Set(
    groups.keys.map((_, g) => (groups.offsets[g + 1] as number) - (groups.offsets[g] as number)),
  );
  if (sizes.size > 1) fail('data must contain the same number of rows for each group');
  const size = [...sizes][0] ?? 0;
  if (size !== xList.length) fail('x_ref length must equal number of rows in each group within data');
  if (size !== nList.length) fail('n_ref length must equal number of rows in each group within data');
  const repeat = (list: number[]) => Float64Array.from(groups.order, (_, r) => list[r % size] as number);
  return { xRef: repeat(xList), nRef: repeat(nList) };
}

/** observed_totals: one object per group with the groupBy columns and x. */
function observedTotals(
  params: Record<string, unknown>,
  groupBy: readonly string[],
  groups: GroupedRows,
): Float64Array {
  const totals = params.observed_totals;
  if (!Array.isArray(totals)) fail('observed_totals must be a list of rows');
  const byKey = new Map<string, number>();
  totals.forEach((total: unknown, i) => {
    if (typeof total !== 'object' || total === null) fail(`observed_totals row ${i + 1} must be an object`);
    const row = total as JsonRow;
    if (!('x' in row)) fail('observed_totals is provided but x is not a field name in it');
    const x = row.x;
    if (x !== null && typeof x !== 'number') fail(`field x must be numeric (observed_totals row ${i + 1})`);
    byKey.set(JSON.stringify(groupBy.map((column) => row[column])), x ?? NaN);
  });
  return Float64Array.from(
    groups.keys,
    (key) => byKey.get(JSON.stringify(groupBy.map((c) => key[c]))) ?? NaN,
  );
}

export function readIsrRequest(json: JsonInput): IsrRequest {
  const { params, rows } = readInput(json);
  const groupBy = readGroupBy(params, rows);
  const levels = readRestrictedConfidence(params);
  const type = readOutputType(params);
  const groups = groupContiguous(rows, groupBy);
  const hasTotals = params.observed_totals !== undefined && params.observed_totals !== null;
  const input: IsrInput = {
    n: reorder(numberField(rows, 'n', { allowNa: true }), groups.order),
    ...referenceColumns(params, rows, groups),
    groupOffsets: groups.offsets,
    ...(hasTotals
      ? { observedTotals: observedTotals(params, groupBy, groups) }
      : { x: reorder(numberField(rows, 'x', { allowNa: true }), groups.order) }),
  };
  return { input, groups, levels, type, params };
}

export function isrRows(
  request: IsrRequest,
  result: IsrResult,
  statistic: string,
  withRefRate: boolean,
): JsonOutput {
  const { groups, levels, type } = request;
  const columns = limitColumns(levels);
  const confidence = confidenceLabels(levels);
  return {
    rows: groups.keys.map((key, g) => {
      const out: JsonRow = {
        ...key,
        observed: na(result.observed[g] as number),
        expected: na(result.expected[g] as number),
      };
      if (withRefRate) out.ref_rate = na(result.refRate[g] as number);
      out.value = na(result.value[g] as number);
      writeLimits(out, columns, result.lower, result.upper, g);
      Object.assign(out, { confidence, statistic, method: result.method[g] ?? null });
      return applyOutputType(out, type, levels, ['observed', 'expected', 'ref_rate']);
    }),
  };
}

export function runRatio(json: JsonInput, defaultRefvalue: number, allowed?: readonly number[]): JsonOutput {
  const request = readIsrRequest(json);
  const refvalue = readMultiplier(request.params, 'refvalue', defaultRefvalue);
  if (allowed && !allowed.includes(refvalue)) fail(`refvalue must be ${allowed.join(' or ')}`);
  const result = isRatio(request.input, { confidence: request.levels, refvalue });
  return isrRows(request, result, isRatioStatistic(refvalue), false);
}

/**
 * params: groupBy?, confidence?, refvalue? (1), type?, x_ref?/n_ref? (lists in stratum order, once
 * for every group; otherwise x_ref and n_ref fields in every row), observed_totals? (rows with the
 * groupBy columns and x, instead of x in the rows). rows: one per group and stratum with x (null = 0)
 * and n (null = 0).
 */
export const run: JsonMethod = (json) => runRatio(json, 1);
