// JSON adapter for disclosure control of a result table. Each input row is a table row.
// params: count_columns (the cells), level ("subnational" | "national"), row_totals,
// column_totals, label_column (gets "Total" in the totals row), percentages
// [{name, numerator, denominator, decimals?}], rates [{value, events, kind: "dsr" | "crude"}],
// thresholds (overrides of the NHS defaults), keep_unrounded.
// Output: published values (null when suppressed) with `<column>_display`, `<column>_sdc` (reason)
// and, for rates, `<column>_flag`.
import { fail } from '../errors.ts';
import {
  disclosePercentage,
  discloseRate,
  thresholdsWith,
  type DisclosedValue,
  type GeographyLevel,
  type SdcThresholds,
} from '../disclosure.ts';
import { discloseTable } from '../disclosure-table.ts';
import type { JsonInput, JsonMethod, JsonRow } from './types.ts';
import { optionalNumber, paramBoolean, paramString, requireRows } from './row-fields.ts';

interface PercentageSpec {
  name: string;
  numerator: string;
  denominator: string;
  decimals: number;
}
interface RateSpec {
  value: string;
  events: string;
  kind: 'dsr' | 'crude';
}

function stringList(input: JsonInput, name: string): string[] {
  const value = input.params[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    fail(`params.${name} must be a list of column names`);
  return value as string[];
}

function specs<T>(input: JsonInput, name: string, read: (spec: Record<string, unknown>) => T): T[] {
  const value = input.params[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(`params.${name} must be a list`);
  return (value as unknown[]).map((spec, i) => {
    if (typeof spec !== 'object' || spec === null) fail(`params.${name}[${String(i)}] must be an object`);
    return read(spec as Record<string, unknown>);
  });
}

function column(spec: Record<string, unknown>, key: string, where: string): string {
  const value = spec[key];
  if (typeof value !== 'string') fail(`${where}.${key} must name a column`);
  return value;
}

function thresholdsFrom(input: JsonInput): SdcThresholds {
  const raw = input.params.thresholds;
  if (raw === undefined || raw === null) return thresholdsWith();
  if (typeof raw !== 'object') fail('params.thresholds must be an object');
  return thresholdsWith(raw);
}

function put(row: JsonRow, name: string, d: DisclosedValue, keep: boolean): void {
  row[name] = d.published;
  row[`${name}_display`] = d.display;
  row[`${name}_sdc`] = d.reason;
  if (keep) row[`${name}_unrounded`] = Number.isFinite(d.value) ? d.value : null;
}

interface Request {
  counts: string[];
  keep: boolean;
  thresholds: SdcThresholds;
  percentages: PercentageSpec[];
  rates: RateSpec[];
}

function readRequest(input: JsonInput): Request {
  return {
    counts: stringList(input, 'count_columns'),
    keep: paramBoolean(input, 'keep_unrounded', false),
    thresholds: thresholdsFrom(input),
    percentages: specs<PercentageSpec>(input, 'percentages', (s) => ({
      name: column(s, 'name', 'percentages'),
      numerator: column(s, 'numerator', 'percentages'),
      denominator: column(s, 'denominator', 'percentages'),
      decimals: typeof s.decimals === 'number' ? s.decimals : 1,
    })),
    rates: specs<RateSpec>(input, 'rates', (s) => ({
      value: column(s, 'value', 'rates'),
      events: column(s, 'events', 'rates'),
      kind: s.kind === 'dsr' || s.kind === 'crude' ? s.kind : fail('rates[].kind must be "dsr" or "crude"'),
    })),
  };
}

/** The disclosed counts of each output row (the table rows, then the totals row if any). */
function disclosedCounts(
  input: JsonInput,
  rows: JsonRow[],
  request: Request,
  out: JsonRow[],
): Record<string, DisclosedValue>[] {
  const { counts } = request;
  const cells = rows.map((row, i) =>
    counts.map((c) => {
      const value = optionalNumber(row, c, i);
      if (value === undefined) fail(`row ${i + 1}: ${c} is missing`);
      return value;
    }),
  );
  const level = paramString<GeographyLevel>(input, 'level', ['subnational', 'national'], 'subnational');
  const rowTotals = paramBoolean(input, 'row_totals', false);
  const columnTotals = paramBoolean(input, 'column_totals', false);
  const table = discloseTable({ cells, level, rowTotals, columnTotals }, request.thresholds);
  const disclosed: Record<string, DisclosedValue>[] = rows.map((_row, i) =>
    Object.fromEntries(counts.map((c, j) => [c, table.cells[i]?.[j] as DisclosedValue])),
  );
  table.rowTotals?.forEach((t, i) => ((disclosed[i] as Record<string, DisclosedValue>).total = t));
  if (table.columnTotals) {
    const labelColumn = input.params.label_column;
    out.push(typeof labelColumn === 'string' ? { [labelColumn]: 'Total' } : {});
    disclosed.push({
      ...Object.fromEntries(counts.map((c, j) => [c, table.columnTotals?.[j] as DisclosedValue])),
      ...(table.grandTotal ? { total: table.grandTotal } : {}),
    });
  }
  return disclosed;
}

export const run: JsonMethod = (input) => {
  const rows = requireRows(input);
  const request = readRequest(input);
  const out: JsonRow[] = rows.map((row) => ({ ...row }));
  const disclosedRows = disclosedCounts(input, rows, request, out);
  out.forEach((row, i) => {
    const disclosed = disclosedRows[i] as Record<string, DisclosedValue>;
    for (const [name, d] of Object.entries(disclosed)) put(row, name, d, request.keep);
    for (const p of request.percentages) {
      const num = disclosed[p.numerator];
      const den = disclosed[p.denominator];
      if (!num || !den) fail(`percentages: ${p.numerator} and ${p.denominator} must both be count columns`);
      put(row, p.name, disclosePercentage(num, den, p.decimals), request.keep);
    }
    const source = rows[i];
    if (!source) return;
    for (const r of request.rates) {
      const d = discloseRate(
        optionalNumber(source, r.value, i) ?? NaN,
        optionalNumber(source, r.events, i) ?? NaN,
        r.kind,
        request.thresholds,
      );
      put(row, r.value, d, request.keep);
      row[`${r.value}_flag`] = d.flag;
    }
  });
  return { rows: out };
};
