// Builds the two-phase aggregate query of an indicator pack (queries/indicator-strata.sql): one pass
// to fine strata keyed by codes, then the breakdowns with their labels over that small table.
import type { Dimension } from '../indicators/dimensions.ts';
import { usesPopulation, type IndicatorDefinition } from '../indicators/schema.ts';
import { ident, literal, squareSql } from '../sql-text.ts';
import type { Relations } from './indicator-aggregates.ts';
import { measureBits, patternSql, valueSum, valueSumOfSquares, type MeasureBits } from './measure-bits.ts';
import { fillTemplate } from './template.ts';
import { breakdownColumns, breakdowns, labelsSql, strataKeys, stratumSql } from './strata-common.ts';

function valueSumsSql(bits: MeasureBits): string {
  return bits.valueFields
    .map(
      (f) =>
        `,\n    SUM(${ident(f)}) AS ${valueSum(f)}, SUM(${squareSql(ident(f))}) AS ${valueSumOfSquares(f)}`,
    )
    .join('');
}

/** ESP2013 band of a row counted by a directly standardised rate (-1: age unknown); NULL otherwise. */
function espKeySql(bits: MeasureBits): string {
  if (bits.banded.length === 0) return 'CAST(NULL AS INTEGER)';
  return `CASE WHEN ${bits.banded.map((c) => `(${c})`).join(' OR ')} THEN COALESCE(esp_band, -1) END`;
}

/** A decoded measure ("CASE … THEN n ELSE 0 END AS m0_num") added up over a group's patterns. */
const summed = (expression: string): string => {
  const at = expression.lastIndexOf(' AS ');
  return `SUM(${expression.slice(0, at)}) AS ${expression.slice(at + 4)}`;
};

/** Whether a row's LSOA is in the configured places (with residentJoinSql). */
const residentTerm = 'resident.lsoa_code IS NOT NULL';

/** The LSOAs of the configured places, joined to each row so that rates count their residents only. */
function residentJoinSql(geography: string, vintage: string): string {
  return `
    LEFT JOIN (SELECT lsoa_code FROM ${geography} WHERE vintage = ${literal(vintage)} AND in_area = 1) resident
      ON resident.lsoa_code = a.lsoa_code`;
}

export function indicatorStrataSql(options: {
  indicators: IndicatorDefinition[];
  dimensions: Dimension[];
  relations: Relations;
  vintage: string;
  /** Whether rates count only the people living in the configured places. */
  residentsOnly?: boolean;
}): string {
  // Only rates join the area's LSOAs: a pack without one needs no join.
  const joined = Boolean(options.residentsOnly) && options.indicators.some(usesPopulation);
  const bits = measureBits(options.indicators, joined ? residentTerm : undefined);
  const keys = strataKeys(options.dimensions);
  const allKeys = [...new Set([...keys.values()].flat())];
  const banded = bits.banded.length > 0;
  const bandedStrata = new Set(options.dimensions.filter((d) => d.population).map((d) => d.stratum));
  const groups = breakdowns(options.dimensions, banded);
  // The breakdowns keep each fine stratum's pattern, which the measures are decoded from last.
  const columns = breakdownColumns(groups.list, bits.patternColumns.join(', '));
  const sums = ['n', ...bits.valueFields.flatMap((f) => [valueSum(f), valueSumOfSquares(f)])];
  const carried = [...bits.patternColumns, ...sums];
  const fineSets = [...keys.entries()].map(([stratum, columns]) => {
    const espKey = banded && bandedStrata.has(stratum) ? ['esp_key'] : [];
    return `(period, ${[...columns.map(ident), ...espKey, ...bits.patternColumns].join(', ')})`;
  });
  return fillTemplate('indicator-strata', {
    patterns: patternSql(bits).join(',\n    '),
    activity: options.relations.activity,
    resident_join: joined ? residentJoinSql(options.relations.geography, options.vintage) : '',
    stratum: stratumSql(keys),
    keys: allKeys.map(ident).join(', '),
    pattern_columns: bits.patternColumns.join(', '),
    value_sums: valueSumsSql(bits),
    esp_key: espKeySql(bits),
    esp_column: banded ? 'esp_key' : 'CAST(NULL AS INTEGER)',
    fine_sets: fineSets.join(', '),
    linked: labelsSql(
      keys,
      options.relations.geography,
      options.vintage,
      options.dimensions,
      options.residentsOnly,
    ),
    masked_groups: groups.masked.join(',\n    '),
    carried: carried.join(', '),
    decoded_sums: (bits.decoded.length ? bits.decoded : ['0 AS no_measure']).map(summed).join(',\n  '),
    dimension_label: columns.label,
    group_value: columns.value,
    esp_band: banded ? 'CASE WHEN GROUPING(esp_band) = 0 THEN esp_band END' : 'CAST(NULL AS INTEGER)',
    carried_sums: [...bits.patternColumns, ...sums.map((c) => `SUM(${c}) AS ${c}`)].join(', '),
    grouping_sets: columns.sets,
  });
}
