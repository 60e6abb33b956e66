// Builds the two-phase aggregate query of an indicator pack (queries/indicator-strata.sql): one pass
// to fine strata keyed by codes, then the breakdowns with their labels over that small table.
import { ethnicLabelSql } from '../datasets/ethnicity.ts';
import type { Dimension, Stratum } from '../indicators/dimensions.ts';
import type { IndicatorDefinition } from '../indicators/schema.ts';
import { ident, literal } from '../sql-text.ts';
import type { Relations } from './indicator-aggregates.ts';
import { measureBits, patternSql, valueSum, valueSumOfSquares, type MeasureBits } from './measure-bits.ts';
import { fillTemplate } from './template.ts';

const stratumCode: Record<Stratum, number> = { geo: 1, age: 2, person: 3 };

/** The key columns of each fine stratum the chosen breakdowns need (the LSOA one always: overall). */
function strataKeys(dimensions: Dimension[]): Map<Stratum, string[]> {
  const keys = new Map<Stratum, string[]>([['geo', ['lsoa_code']]]);
  for (const d of dimensions) {
    const list = keys.get(d.stratum) ?? [];
    if (!list.includes(d.key)) list.push(d.key);
    keys.set(d.stratum, list);
  }
  return keys;
}

function stratumSql(keys: Map<Stratum, string[]>): string {
  const whens = [...keys.entries()].map(
    ([stratum, columns]) => `WHEN GROUPING(${ident(columns[0] as string)}) = 0 THEN ${stratumCode[stratum]}`,
  );
  return whens.length === 1 ? String(stratumCode.geo) : `CASE ${whens.join(' ')} END`;
}

function valueSumsSql(bits: MeasureBits): string {
  return bits.valueFields
    .map(
      (f) =>
        `,\n    SUM(${ident(f)}) AS ${valueSum(f)}, SUM(${ident(f)} * ${ident(f)}) AS ${valueSumOfSquares(f)}`,
    )
    .join('');
}

/** ESP2013 band of a row counted by a directly standardised rate (-1: age unknown); NULL otherwise. */
function espKeySql(bits: MeasureBits): string {
  if (bits.banded.length === 0) return 'CAST(NULL AS INTEGER)';
  return `CASE WHEN ${bits.banded.map((c) => `(${c})`).join(' OR ')} THEN COALESCE(esp_band, -1) END`;
}

const groupValue = (d: Dimension): string =>
  d.column === null ? "'All'" : `COALESCE(CAST(${d.column} AS VARCHAR(200)), 'Not known')`;

interface Breakdown {
  id: string;
  column: string;
  banded: boolean;
}

function breakdowns(dimensions: Dimension[], banded: boolean): { masked: string[]; list: Breakdown[] } {
  const masked: string[] = [];
  const list: Breakdown[] = [];
  for (const d of dimensions) {
    masked.push(`CASE WHEN stratum = ${stratumCode[d.stratum]} THEN ${groupValue(d)} END AS d_${d.id}`);
    list.push({ id: d.id, column: `d_${d.id}`, banded: false });
  }
  if (banded) {
    for (const d of dimensions.filter((x) => x.population)) {
      masked.push(
        `CASE WHEN stratum = ${stratumCode[d.stratum]} AND esp_band IS NOT NULL THEN ${groupValue(d)} END AS b_${d.id}`,
      );
      list.push({ id: d.id, column: `b_${d.id}`, banded: true });
    }
  }
  return { masked, list };
}

const ethnicLabel = (keys: string[], level: 'broad' | 'detailed'): string =>
  keys.includes('ethnic_code') ? ethnicLabelSql('f.ethnic_code', level) : 'CAST(NULL AS VARCHAR(200))';

const measureName = (expression: string): string => expression.slice(expression.lastIndexOf(' AS ') + 4);

export function indicatorStrataSql(options: {
  indicators: IndicatorDefinition[];
  dimensions: Dimension[];
  relations: Relations;
  vintage: string;
}): string {
  const bits = measureBits(options.indicators);
  const keys = strataKeys(options.dimensions);
  const allKeys = [...new Set([...keys.values()].flat())];
  const banded = bits.banded.length > 0;
  const bandedStrata = new Set(options.dimensions.filter((d) => d.population).map((d) => d.stratum));
  const groups = breakdowns(options.dimensions, banded);
  const names = bits.decoded.map(measureName);
  const fineSets = [...keys.entries()].map(([stratum, columns]) => {
    const espKey = banded && bandedStrata.has(stratum) ? ['esp_key'] : [];
    return `(period, ${[...columns.map(ident), ...espKey, ...bits.patternColumns].join(', ')})`;
  });
  return fillTemplate('indicator-strata', {
    patterns: patternSql(bits).join(',\n    '),
    activity: options.relations.activity,
    stratum: stratumSql(keys),
    keys: allKeys.map(ident).join(', '),
    pattern_columns: bits.patternColumns.join(', '),
    value_sums: valueSumsSql(bits),
    esp_key: espKeySql(bits),
    esp_column: banded ? 'esp_key' : 'CAST(NULL AS INTEGER)',
    fine_sets: fineSets.join(', '),
    geography: options.relations.geography,
    vintage: literal(options.vintage),
    ethnic_broad: ethnicLabel(allKeys, 'broad'),
    ethnic_detailed: ethnicLabel(allKeys, 'detailed'),
    masked_groups: groups.masked.join(',\n    '),
    decoded: bits.decoded.length ? bits.decoded.join(',\n    ') : '0 AS no_measure',
    measure_names: names.length ? names.join(', ') : 'no_measure',
    dimension_label: `CASE ${groups.list.map((b) => `WHEN GROUPING(${b.column}) = 0 THEN '${b.id}'`).join(' ')} END`,
    group_value: `CASE ${groups.list.map((b) => `WHEN GROUPING(${b.column}) = 0 THEN ${b.column}`).join(' ')} END`,
    esp_band: banded ? 'CASE WHEN GROUPING(esp_band) = 0 THEN esp_band END' : 'CAST(NULL AS INTEGER)',
    measure_sums: (names.length ? names : ['no_measure']).map((m) => `SUM(${m}) AS ${m}`).join(',\n    '),
    grouping_sets: groups.list
      .map((b) => (b.banded ? `(period, ${b.column}, esp_band)` : `(period, ${b.column})`))
      .join(', '),
  });
}
