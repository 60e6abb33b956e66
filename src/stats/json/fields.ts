// Reading and checking the {params, rows} of the JSON adapters; shared by the PHE method adapters.
import { limitColumns, normaliseConfidence, restrictedConfidence } from '../confidence.ts';
import { fail, StatsInputError } from '../errors.ts';
import { na, type JsonInput, type JsonRow } from './types.ts';

export type OutputType = 'full' | 'standard' | 'value' | 'lower' | 'upper';
const OUTPUT_TYPES: readonly OutputType[] = ['full', 'standard', 'value', 'lower', 'upper'];
const METADATA_COLUMNS = ['confidence', 'statistic', 'method'];

export function readInput(input: JsonInput): { params: Record<string, unknown>; rows: JsonRow[] } {
  if (typeof input !== 'object' || input === null)
    fail('the input must be an object with "params" and "rows"');
  const params = input.params ?? {};
  if (typeof params !== 'object' || Array.isArray(params)) fail('"params" must be an object');
  if (!Array.isArray(input.rows)) fail('"rows" must be an array of objects');
  input.rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) fail(`row ${i + 1} must be an object`);
  });
  return { params, rows: input.rows };
}

export function readGroupBy(params: Record<string, unknown>, rows: readonly JsonRow[]): string[] {
  const groupBy = params.groupBy ?? [];
  if (!Array.isArray(groupBy) || !groupBy.every((c) => typeof c === 'string')) {
    fail('groupBy must be a list of column names');
  }
  for (const column of groupBy) {
    for (let i = 0; i < rows.length; i++) {
      if (!(column in (rows[i] as JsonRow)))
        fail(`row ${i + 1} has no "${column}" field, which groupBy names`);
    }
  }
  return groupBy;
}

function confidenceList(value: unknown): number[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  if (!list.every((v) => typeof v === 'number')) fail('confidence must be numeric');
  return list;
}

/** One level or the pair 0.95/0.998 (fractions or percentages); null/NA gives [] when allowed. */
export function readRestrictedConfidence(
  params: Record<string, unknown>,
  options: { allowNone?: boolean } = {},
): number[] {
  const value = params.confidence === undefined ? 0.95 : params.confidence;
  if (value === null && options.allowNone) return [];
  return restrictedConfidence(confidenceList(value));
}

/** Any number of levels, each 0.9–1 or 90–100 (life expectancy). */
export function readAnyConfidence(params: Record<string, unknown>): number[] {
  const list = confidenceList(params.confidence === undefined ? 0.95 : params.confidence);
  if (list.length === 0) fail('at least one confidence level must be provided');
  try {
    return list.map(normaliseConfidence);
  } catch (error) {
    if (error instanceof StatsInputError)
      fail('all confidence levels must be between 90 and 100 or between 0.9 and 1');
    throw error;
  }
}

export function readMultiplier(params: Record<string, unknown>, name: string, fallback: number): number {
  const value = params[name] ?? fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${name} must be numeric`);
  if (value <= 0) fail(`${name} must be greater than 0`);
  return value;
}

export function readOutputType(params: Record<string, unknown>): OutputType {
  const type = params.type ?? 'full';
  if (!OUTPUT_TYPES.includes(type as OutputType))
    fail('type must be one of value, lower, upper, standard or full');
  return type as OutputType;
}

/**
 * A numeric column. A row without the field is an error naming the row; null is NA (NaN) when
 * allowed, otherwise "field <name> cannot have missing values".
 */
export function numberField(
  rows: readonly JsonRow[],
  field: string,
  options: { allowNa: boolean },
): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as JsonRow;
    const value = row[field];
    if (typeof value === 'number' && Number.isFinite(value)) out[i] = value;
    else if (value === null && options.allowNa) out[i] = NaN;
    else if (value === null) fail(`field ${field} cannot have missing values (row ${i + 1})`);
    else if (value === undefined) fail(`row ${i + 1} has no "${field}" field`);
    else fail(`field ${field} must be numeric (row ${i + 1} has ${JSON.stringify(value)})`);
  }
  return out;
}

/** A list parameter of numbers, e.g. stdpop or x_ref given once for every group. */
export function numberList(params: Record<string, unknown>, name: string): number[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' || v === null)) {
    fail(`${name} must be a list of numbers`);
  }
  return value.map((v: number | null) => (v === null ? NaN : v));
}

export interface GroupedRows {
  /** Original row indices, reordered so that each group is contiguous; groups in order of first appearance. */
  order: number[];
  offsets: number[];
  keys: Record<string, unknown>[];
}

/** A map key for one grouping value; text is kept apart from numbers and other JSON values. */
function keyPart(value: unknown): string {
  return typeof value === 'string' ? `s${value}` : `j${JSON.stringify(value)}`;
}

/** Groups row indices by the groupBy columns (groups in order of first appearance, as grouping.ts). */
export function groupContiguous(rows: readonly JsonRow[], groupBy: readonly string[]): GroupedRows {
  if (groupBy.length === 0) return { order: rows.map((_, i) => i), offsets: [0, rows.length], keys: [{}] };
  const groupOf = new Map<string, number>();
  const keys: Record<string, unknown>[] = [];
  const groupIds = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as JsonRow;
    let id = keyPart(row[groupBy[0] as string]);
    for (let c = 1; c < groupBy.length; c++) id += `\u0001${keyPart(row[groupBy[c] as string])}`;
    let g = groupOf.get(id);
    if (g === undefined) {
      g = keys.length;
      groupOf.set(id, g);
      keys.push(Object.fromEntries(groupBy.map((column) => [column, row[column]])));
    }
    groupIds[i] = g;
  }
  return countingSort(groupIds, keys);
}

/** Row indices ordered by group (stable), with each group's offsets. */
function countingSort(groupIds: Int32Array, keys: Record<string, unknown>[]): GroupedRows {
  const offsets = new Array<number>(keys.length + 1).fill(0);
  for (const g of groupIds) offsets[g + 1] = (offsets[g + 1] as number) + 1;
  for (let g = 0; g < keys.length; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
  const next = offsets.slice(0, keys.length);
  const order = new Array<number>(groupIds.length);
  groupIds.forEach((g, i) => {
    order[next[g] as number] = i;
    next[g] = (next[g] as number) + 1;
  });
  return { order, offsets, keys };
}

/** Picks the values at the given row indices. */
export function reorder(values: Float64Array, order: readonly number[]): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i] as number] as number;
  return out;
}

/** Copies a row's columns into a new object (key by key, so that rows of one shape share a V8 shape). */
export function copyRow(row: JsonRow, omit: readonly string[] = []): JsonRow {
  const out: JsonRow = {};
  for (const key in row) if (!omit.includes(key)) out[key] = row[key];
  return out;
}

/** Adds the limit columns of row i: lowercl/uppercl, or lower95_0cl, upper95_0cl, lower99_8cl, upper99_8cl. */
export function writeLimits(
  out: JsonRow,
  columns: readonly { lower: string; upper: string }[],
  lower: readonly Float64Array[],
  upper: readonly Float64Array[],
  i: number,
): void {
  columns.forEach((names, l) => {
    out[names.lower] = na((lower[l] as Float64Array)[i] as number);
    out[names.upper] = na((upper[l] as Float64Array)[i] as number);
  });
}

/**
 * Drops columns as the reference's `type` does: "standard" drops the metadata; "value", "lower" and
 * "upper" keep the input columns plus only that statistic. `computed` names the added summary columns
 * (e.g. total_count) that only "full" and "standard" keep.
 */
export function applyOutputType(
  row: JsonRow,
  type: OutputType,
  levels: readonly number[],
  computed: readonly string[],
): JsonRow {
  if (type === 'full') return row;
  const limits = levels.length === 0 ? [] : limitColumns(levels);
  const drop = new Set(METADATA_COLUMNS);
  if (type !== 'standard') {
    computed.forEach((c) => drop.add(c));
    if (type !== 'value') drop.add('value');
    limits.forEach((names) => {
      if (type !== 'lower') drop.add(names.lower);
      if (type !== 'upper') drop.add(names.upper);
    });
  }
  return Object.fromEntries(Object.entries(row).filter(([column]) => !drop.has(column)));
}

/**
 * phe_proportion and phe_rate sum x and n within groups only when there is more than one group; with
 * no grouping, or a single group, they work row by row and keep every input column.
 */
export function aggregateWhenGrouped(
  rows: readonly JsonRow[],
  groupBy: readonly string[],
  x: Float64Array,
  n: Float64Array,
): { rows: readonly JsonRow[]; x: Float64Array; n: Float64Array } {
  const groups = groupContiguous(rows, groupBy);
  if (groups.keys.length <= 1) return { rows, x, n };
  const count = groups.keys.length;
  const sumX = new Float64Array(count);
  const sumN = new Float64Array(count);
  for (let g = 0; g < count; g++) {
    for (let r = groups.offsets[g] as number; r < (groups.offsets[g + 1] as number); r++) {
      const i = groups.order[r] as number;
      sumX[g] = (sumX[g] as number) + (x[i] as number);
      sumN[g] = (sumN[g] as number) + (n[i] as number);
    }
  }
  const summary = groups.keys.map((key, g) => ({
    ...key,
    x: na(sumX[g] as number),
    n: na(sumN[g] as number),
  }));
  return { rows: summary, x: sumX, n: sumN };
}

/** Re-raises the shared confidence message with the wording a method uses. */
export function withConfidenceWording<T>(wording: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof StatsInputError && error.message.startsWith('confidence level must be'))
      fail(wording);
    throw error;
  }
}

/**
 * The frame of a method that summarises one value per row (x) by group: the groups with their values,
 * the confidence levels and the output type. `summarise` gives each group's columns (value and limits
 * included); `computed` names those that the output types other than "full" drop.
 */
export function summariseValues(
  input: JsonInput,
  summarise: (values: Float64Array, levels: number[]) => JsonRow,
  computed: readonly string[],
): JsonRow[] {
  const { params, rows } = readInput(input);
  const groupBy = readGroupBy(params, rows);
  const levels = readRestrictedConfidence(params);
  const type = readOutputType(params);
  const groups = groupContiguous(rows, groupBy);
  const x = reorder(numberField(rows, 'x', { allowNa: true }), groups.order);
  return groups.keys.map((key, g) =>
    applyOutputType(
      { ...key, ...summarise(x.subarray(groups.offsets[g], groups.offsets[g + 1]), levels) },
      type,
      levels,
      computed,
    ),
  );
}

/** The limit columns of a summary (lowercl/uppercl, or lower95_0cl … for several levels). */
export function limitValues(
  levels: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): JsonRow {
  const row: JsonRow = {};
  limitColumns(levels).forEach((names, l) => {
    row[names.lower] = na(lower[l] as number);
    row[names.upper] = na(upper[l] as number);
  });
  return row;
}
