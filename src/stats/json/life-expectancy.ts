// JSON adapter for phe_life_expectancy.
import { confidenceLabels, limitColumns } from '../confidence.ts';
import { fail } from '../errors.ts';
import { LE_AGE_BANDS, LE_METHOD, lifeExpectancy, type LifeExpectancyResult } from '../life-expectancy.ts';
import {
  groupContiguous,
  numberField,
  readAnyConfidence,
  readGroupBy,
  readInput,
  reorder,
  type GroupedRows,
} from './fields.ts';
import { na, type JsonMethod, type JsonRow } from './types.ts';

type AgeLabel = string | number;

/** The first whole number in a band label: "1-4" → 1, "90 +" → 90, 85 → 85. */
function startOf(label: AgeLabel): number {
  if (typeof label === 'number') return label;
  const match = /\d+/.exec(label);
  return match ? Number(match[0]) : NaN;
}

function readAgeContents(params: Record<string, unknown>): AgeLabel[] {
  const contents = params.age_contents ?? LE_AGE_BANDS;
  if (!Array.isArray(contents) || !contents.every((v) => typeof v === 'number' || typeof v === 'string')) {
    fail('age_contents must be a list of start ages or age band labels');
  }
  const starts = contents.map(startOf);
  if (starts[0] !== 0) fail('first age band in age_contents must be 0');
  const sorted = [...starts].sort((a, b) => a - b);
  const misplaced = contents.filter((_, i) => starts[i] !== sorted[i]);
  if (misplaced.length > 0) {
    fail(
      "age_contents doesn't appear to be in ascending order; the following age bands appear out of position: " +
        misplaced.join(', '),
    );
  }
  return contents;
}

function readStartAges(rows: readonly JsonRow[], contents: readonly AgeLabel[]): AgeLabel[] {
  const labels = rows.map((row, i) => {
    const label = row.startage;
    if (label === undefined) fail(`row ${i + 1} has no "startage" field`);
    if (typeof label !== 'number' && typeof label !== 'string')
      fail(`field startage must be an age or a label (row ${i + 1})`);
    return label;
  });
  const present = [...new Set(labels.map(String))].sort();
  const expected = [...new Set(contents.map(String))].sort();
  if (present.length !== expected.length || present.some((label, i) => label !== expected[i])) {
    fail('the contents in the startage field do not match the contents of the age_contents vector');
  }
  return labels;
}

/** Groups rows and orders each group's rows by start age, as the reference does. */
function orderByAge(grouped: GroupedRows, starts: readonly number[]): GroupedRows {
  const order: number[] = [];
  grouped.keys.forEach((_, g) => {
    const members = grouped.order.slice(grouped.offsets[g], grouped.offsets[g + 1]);
    order.push(...members.sort((a, b) => (starts[a] as number) - (starts[b] as number)));
  });
  return { ...grouped, order };
}

function readLeAges(params: Record<string, unknown>, contents: readonly AgeLabel[]): Set<string> | undefined {
  const leAge = params.le_age ?? 'all';
  const list = (Array.isArray(leAge) ? leAge : [leAge]).map(String);
  if (list.length === 1 && list[0] === 'all') return undefined;
  const known = new Set(contents.map(String));
  // The reference warns and returns every age when none of le_age is a band.
  return list.some((age) => known.has(age)) ? new Set(list) : undefined;
}

interface OutputContext {
  result: LifeExpectancyResult;
  columns: { lower: string; upper: string }[];
  full: boolean;
  confidence: string;
}

/** One output row, built key by key in a fixed order so that V8 shares one shape for every row. */
function outputRow(row: JsonRow, label: AgeLabel, r: number, context: OutputContext): JsonRow {
  const { result, columns } = context;
  const out: JsonRow = {};
  for (const key in row) if (key !== 'deaths' && key !== 'population') out[key] = row[key];
  out.value = na(result.value[r] as number);
  columns.forEach((names, l) => (out[names.lower] = na((result.lower[l] as Float64Array)[r] as number)));
  columns.forEach((names, l) => (out[names.upper] = na((result.upper[l] as Float64Array)[r] as number)));
  if (context.full) {
    out.pops_used = result.popsUsed[r];
    out.dths_used = result.deathsUsed[r];
    out.confidence = context.confidence;
    out.statistic = `life expectancy at ${label}`;
    out.method = LE_METHOD;
  }
  return out;
}

/**
 * params: groupBy?, confidence? (any levels, fractions or percentages), age_contents? (start ages or
 * labels, ascending from 0; default 0, 1, 5, …, 90), le_age? ("all" or a list of start ages),
 * type? ("full" or "standard"). rows: one per group and age band with startage, deaths, population.
 */
export const run: JsonMethod = (input) => {
  const { params, rows } = readInput(input);
  const groupBy = readGroupBy(params, rows);
  const levels = readAnyConfidence(params);
  const type = params.type ?? 'full';
  if (type !== 'full' && type !== 'standard')
    fail('type must be either full or standard for life expectancy');
  const contents = readAgeContents(params);
  const labels = readStartAges(rows, contents);
  const grouped = orderByAge(groupContiguous(rows, groupBy), labels.map(startOf));
  const result = lifeExpectancy(
    {
      deaths: reorder(numberField(rows, 'deaths', { allowNa: false }), grouped.order),
      population: reorder(numberField(rows, 'population', { allowNa: false }), grouped.order),
      groupOffsets: grouped.offsets,
      startAges: contents.map(startOf),
    },
    { confidence: levels },
  );
  const leAges = readLeAges(params, contents);
  const context = {
    result,
    columns: limitColumns(levels),
    full: type === 'full',
    confidence: confidenceLabels(levels),
  };
  const out: JsonRow[] = [];
  grouped.order.forEach((i, r) => {
    const label = labels[i] as AgeLabel;
    if (!leAges || leAges.has(String(label))) out.push(outputRow(rows[i] as JsonRow, label, r, context));
  });
  return { rows: out };
};
