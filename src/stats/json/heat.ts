// JSON adapter for the WHO HEAT summary measures. Rows carry HEAT's / healthequal's field names:
// subgroup, estimate, se (or lowerci/upperci, also lower_95ci/upper_95ci or lower/upper), population,
// subgroup_order, reference_subgroup, favourable_indicator, ordered_dimension, indicator_scale,
// setting_average. params: measure or measures ("all" by default), confidence, simulations,
// seed, mode ("sound" | "heat"), groupBy (setting, year, indicator, dimension…).
import { fail } from '../errors.ts';
import { groupRows } from '../grouping.ts';
import { heatMeasures, type HeatMode, type HeatSetting, type HeatSubgroup } from '../heat.ts';
import { na, type JsonInput, type JsonMethod, type JsonRow } from './types.ts';
import {
  groupByColumns,
  optionalNumber,
  paramNumber,
  paramString,
  requiredNumber,
  requireRows,
} from './row-fields.ts';

function flag(row: JsonRow, field: string, index: number): boolean | undefined {
  const value = optionalNumber(row, field, index);
  if (value === undefined || Number.isNaN(value)) return undefined;
  if (value !== 0 && value !== 1) fail(`row ${index + 1}: ${field} must be 0 or 1`);
  return value === 1;
}

function firstOf(row: JsonRow, fields: string[], index: number): number | undefined {
  for (const field of fields) {
    const value = optionalNumber(row, field, index);
    if (value !== undefined) return value;
  }
  return undefined;
}

function toSubgroup(row: JsonRow, index: number): HeatSubgroup {
  if (
    row.population !== undefined &&
    row.population !== null &&
    (optionalNumber(row, 'population', index) ?? 0) < 0
  ) {
    fail(`row ${index + 1}: population must not be negative`);
  }
  return {
    subgroup:
      typeof row.subgroup === 'string' || typeof row.subgroup === 'number' ? String(row.subgroup) : undefined,
    estimate: requiredNumber(row, 'estimate', index),
    se: optionalNumber(row, 'se', index),
    lower: firstOf(row, ['lowerci', 'lower_95ci', 'lower'], index),
    upper: firstOf(row, ['upperci', 'upper_95ci', 'upper'], index),
    population: optionalNumber(row, 'population', index),
    order: optionalNumber(row, 'subgroup_order', index),
    reference: flag(row, 'reference_subgroup', index) ?? false,
  };
}

/** A per-row setting field that must be the same on every row of the group (params give a default). */
function settingValue(
  input: JsonInput,
  rows: JsonRow[],
  indexOf: Map<JsonRow, number>,
  field: string,
): number | undefined {
  const values = new Set<number>();
  for (const row of rows) {
    const value = optionalNumber(row, field, indexOf.get(row) ?? 0);
    if (value !== undefined && !Number.isNaN(value)) values.add(value);
  }
  if (values.size > 1)
    fail(`${field} must be the same for every subgroup of one setting, indicator and dimension`);
  const [only] = values;
  return only ?? paramNumber(input, field);
}

function settingOf(input: JsonInput, rows: JsonRow[], indexOf: Map<JsonRow, number>): HeatSetting {
  const read = (field: string): number | undefined => settingValue(input, rows, indexOf, field);
  const favourable = read('favourable_indicator');
  const ordered = read('ordered_dimension');
  const scale = read('indicator_scale');
  if (favourable === undefined) fail('favourable_indicator is missing (1 favourable, 0 adverse)');
  if (ordered === undefined) fail('ordered_dimension is missing (1 ordered, 0 non-ordered)');
  if (scale === undefined) fail('indicator_scale is missing (for example 100 for percentages)');
  return {
    subgroups: rows.map((row) => toSubgroup(row, indexOf.get(row) ?? 0)),
    favourable: favourable === 1,
    ordered: ordered === 1,
    scale,
    settingAverage: read('setting_average'),
  };
}

function requestedMeasures(input: JsonInput): string[] | undefined {
  const raw = input.params.measures ?? input.params.measure;
  if (raw === undefined || raw === null || raw === 'all') return undefined;
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  if (list.some((m) => typeof m !== 'string'))
    fail('params.measures must be a measure name or a list of measure names');
  return list as string[];
}

export const run: JsonMethod = (input) => {
  const rows = requireRows(input);
  const indexOf = new Map(rows.map((row, i) => [row, i]));
  const mode = paramString<HeatMode>(input, 'mode', ['sound', 'heat'], 'sound');
  const confidence = paramNumber(input, 'confidence', 0.95);
  const level = confidence >= 90 ? confidence / 100 : confidence;
  if (!(level >= 0.5 && level < 1)) fail('confidence must be a level such as 0.95 (or 95)');
  const measures = requestedMeasures(input);
  const out: JsonRow[] = [];
  for (const group of groupRows(rows, groupByColumns(input))) {
    const results = heatMeasures(settingOf(input, group.rows, indexOf), measures, {
      confidence: level,
      simulations: paramNumber(input, 'simulations', 1000),
      seed: paramNumber(input, 'seed'),
      mode,
    });
    for (const r of results) {
      out.push({
        ...group.key,
        measure: r.measure,
        estimate: na(r.estimate),
        se: na(r.se),
        lowerci: na(r.lower),
        upperci: na(r.upper),
        ci_method: r.ciMethod,
        mode,
      });
    }
  }
  return { rows: out };
};
