// Builds the straightforward one-pass aggregate query of an indicator pack from
// queries/indicator-aggregates.sql: every indicator by every breakdown, row by row. The pack itself
// uses the two-phase query (indicator-strata.ts); this one computes medians (over the rows that have
// the value only) and is the reference the two-phase query is tested against.
import { ethnicLabelSql } from '../datasets/ethnicity.ts';
import type { Condition, IndicatorDefinition } from '../indicators/schema.ts';
import { usesPopulation } from '../indicators/schema.ts';
import { domainColumnsSql, type Dimension } from '../indicators/dimensions.ts';
import { ident, literal, squareSql } from '../sql-text.ts';
import { dimensionColumns, fillTemplate } from './template.ts';
import { placeLabelsSql } from './strata-common.ts';

export interface Relations {
  activity: string;
  geography: string;
  population: string;
}

const operators: Record<Condition['op'], string> = {
  eq: '=',
  ne: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
  in: 'IN',
  startsWith: '',
  present: '',
  absent: '',
};

export function conditionSql(condition: Condition): string {
  const column = ident(condition.field);
  if (condition.op === 'present') return `${column} IS NOT NULL`;
  if (condition.op === 'absent') return `${column} IS NULL`;
  if (condition.op === 'in') {
    const values = (condition.value as (string | number)[]).map((v) => literal(v));
    return `${column} IN (${values.join(', ')})`;
  }
  if (condition.op === 'startsWith') {
    // Portable (DuckDB, PostgreSQL, Spark), and in any case: "j44" is J44.
    const starts = (condition.value as string[]).map(
      (v) => `UPPER(SUBSTR(CAST(${column} AS VARCHAR(200)), 1, ${v.length})) = ${literal(v.toUpperCase())}`,
    );
    return `(${starts.join(' OR ')})`;
  }
  return `${column} ${operators[condition.op]} ${literal(condition.value as string | number)}`;
}

/** All the conditions of a list ('1 = 1' for none). */
export const conditionsSql = (conditions: Condition[]): string =>
  conditions.length ? conditions.map(conditionSql).join(' AND ') : '1 = 1';
const allOf = conditionsSql;

/** Column-name prefix of indicator number k in the result. */
export const measurePrefix = (k: number): string => `m${k}`;

/** A rate's events wherever the person lives, when <prefix>_num counts the area's residents only. */
export const allEvents = (prefix: string): string => `${prefix}_num_all`;

function measuresOf(indicator: IndicatorDefinition, k: number, residentsOnly: boolean): string[] {
  const p = measurePrefix(k);
  const numerator = allOf(indicator.numerator.where);
  if (usesPopulation(indicator)) {
    if (!residentsOnly) return [`SUM(CASE WHEN ${numerator} THEN 1 ELSE 0 END) AS ${p}_num`];
    return [
      `SUM(CASE WHEN ${numerator} AND resident = 1 THEN 1 ELSE 0 END) AS ${p}_num`,
      `SUM(CASE WHEN ${numerator} THEN 1 ELSE 0 END) AS ${allEvents(p)}`,
    ];
  }
  const denominator = 'where' in indicator.denominator ? allOf(indicator.denominator.where) : '1 = 1';
  if (indicator.statistic === 'proportion') {
    return [
      `SUM(CASE WHEN ${denominator} AND ${numerator} THEN 1 ELSE 0 END) AS ${p}_num`,
      `SUM(CASE WHEN ${denominator} THEN 1 ELSE 0 END) AS ${p}_den`,
    ];
  }
  const value = ident((indicator.value as { field: string }).field);
  const within = `CASE WHEN ${denominator} AND ${numerator} THEN ${value} END`;
  if (indicator.statistic === 'median') {
    return [
      `COUNT(${within}) AS ${p}_n`,
      `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${within}) AS ${p}_median`,
    ];
  }
  return [
    `COUNT(${within}) AS ${p}_n`,
    `SUM(${within}) AS ${p}_sum`,
    `SUM(${squareSql(within)}) AS ${p}_sumsq`,
  ];
}

function groupingSets(dimensions: Dimension[], withAgeStandardisation: boolean): string {
  const sets: string[] = [];
  for (const d of dimensions) sets.push(d.column ? `(period, ${d.column})` : '(period)');
  if (withAgeStandardisation) {
    for (const d of dimensions.filter((x) => x.population)) {
      sets.push(d.column ? `(period, ${d.column}, esp_band)` : '(period, esp_band)');
    }
  }
  return sets.join(', ');
}

export function indicatorAggregatesSql(options: {
  indicators: IndicatorDefinition[];
  dimensions: Dimension[];
  relations: Relations;
  vintage: string;
  /** A condition on the dataset's rows (default: every row). */
  where?: string;
  /** Whether rates count only the people living in the configured places. */
  residentsOnly?: boolean;
}): string {
  const { indicators, dimensions, relations } = options;
  const standardised = indicators.some((i) => i.statistic === 'dsr');
  const columns = dimensionColumns(dimensions);
  return fillTemplate('indicator-aggregates', {
    dimension_label: columns.label,
    group_value: columns.value,
    esp_band: standardised
      ? 'CASE WHEN GROUPING(esp_band) = 0 THEN COALESCE(esp_band, -1) END'
      : 'CAST(NULL AS INTEGER)',
    measures: indicators.flatMap((i, k) => measuresOf(i, k, options.residentsOnly ?? false)).join(',\n  '),
    activity: relations.activity,
    geography: relations.geography,
    vintage: literal(options.vintage),
    domain_columns: domainColumnsSql(dimensions, 'g'),
    ethnic_broad: ethnicLabelSql('a.ethnic_code', 'broad'),
    ethnic_detailed: ethnicLabelSql('a.ethnic_code', 'detailed'),
    grouping_sets: groupingSets(dimensions, standardised),
    where: options.where ?? '1 = 1',
    ...placeLabelsSql(options.residentsOnly ?? false),
    resident: options.residentsOnly ? ',\n    CASE WHEN g.in_area = 1 THEN 1 ELSE 0 END AS resident' : '',
  });
}
