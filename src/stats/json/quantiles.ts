// JSON adapter for phe_quantile. Rows carry `values` (or `value`); params: nquantiles, invert
// (true/false, or with inverttype "field" read from each row's `invert` field, which may hold the
// Fingertips polarity "RAG - Low is good" / "RAG - High is good"), type and groupBy.
import { fail } from '../errors.ts';
import { groupRows } from '../grouping.ts';
import { parseInvert, quantileGroups } from '../quantiles.ts';
import { na, type JsonMethod, type JsonOutput, type JsonRow } from './types.ts';
import { groupByColumns, optionalNumber, paramNumber, paramString, requireRows } from './row-fields.ts';

function valueOf(row: JsonRow, index: number): number {
  const field = 'values' in row ? 'values' : 'value';
  if (!(field in row)) fail(`row ${index + 1}: values is missing`);
  try {
    return optionalNumber(row, field, index) ?? NaN;
  } catch {
    return fail(`values argument must be a numeric field from data (row ${index + 1})`);
  }
}

function invertOf(row: JsonRow, index: number): boolean {
  const field = 'invert' in row ? 'invert' : 'polarity';
  if (!(field in row)) fail('invert is not a field name from data');
  const flag = parseInvert(row[field]);
  if (flag === undefined) {
    fail(
      `row ${index + 1}: invert must be TRUE/FALSE, "RAG - Low is good" or "RAG - High is good" (got ${JSON.stringify(row[field])})`,
    );
  }
  return flag;
}

function logicalInvert(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'boolean') return value;
  if (value === 'TRUE' || value === 'FALSE') return value === 'TRUE';
  return fail('invert expressed as a logical must equal TRUE or FALSE');
}

export const run: JsonMethod = (input) => {
  const rows = requireRows(input);
  const by = groupByColumns(input);
  const nquantiles = paramNumber(input, 'nquantiles', 10);
  const inverttype = input.params.inverttype ?? 'logical';
  if (inverttype !== 'logical' && inverttype !== 'field')
    fail('valid values for inverttype are logical and field');
  const type = paramString(input, 'type', ['full', 'standard'], 'full');
  const indexOf = new Map(rows.map((row, i) => [row, i]));
  const groups = groupRows(rows, by);
  const fixedInvert = inverttype === 'logical' ? logicalInvert(input.params.invert) : undefined;
  const { results, warnings } = quantileGroups(
    groups.map((g) => ({
      key: g,
      values: g.rows.map((row) => valueOf(row, indexOf.get(row) ?? 0)),
      invert: fixedInvert ?? g.rows.map((row) => invertOf(row, indexOf.get(row) ?? 0)),
    })),
    nquantiles,
  );
  const quantileOf = new Map<JsonRow, { quantile: number; inverted: boolean }>();
  for (const { key, quantiles, inverted } of results) {
    key.rows.forEach((row, i) => quantileOf.set(row, { quantile: quantiles[i] ?? NaN, inverted }));
  }
  const output: JsonOutput & { warnings?: string[] } = {
    rows: rows.map((row) => {
      const assigned = quantileOf.get(row) ?? { quantile: NaN, inverted: false };
      const out: JsonRow = { ...row, quantile: na(assigned.quantile) };
      if (type === 'full') {
        out.nquantiles = nquantiles;
        out.groupvars = by.join(', ');
        out.qinverted = assigned.inverted
          ? 'lowest quantile represents highest values'
          : 'lowest quantile represents lowest values';
      }
      return out;
    }),
  };
  if (warnings.length > 0) output.warnings = warnings;
  return output;
};
