// Builds the exact median query of one indicator (queries/median-strata.sql) for the groups whose
// counts the strata query has given, with the ranks of each group's confidence limits.
import type { Dimension } from '../indicators/dimensions.ts';
import type { IndicatorDefinition } from '../indicators/schema.ts';
import { ident, literal } from '../sql-text.ts';
import { conditionsSql, type Relations } from './indicator-aggregates.ts';
import { breakdownColumns, breakdowns, labelsSql, strataKeys, stratumSql } from './strata-common.ts';
import { fillTemplate } from './template.ts';

export interface GroupRanks {
  dimension: string;
  group: string;
  period: string;
  n: number;
  middle: [number, number];
  /** Lower and upper rank for each confidence level; 0 where there is no interval. */
  limits: [number, number][];
}

/** Column names of the limit values, e.g. lower_0 and upper_0 for the first confidence level. */
export const limitColumns = (level: number): [string, string] => [`lower_${level}`, `upper_${level}`];

/** Rows with the value: the indicator's denominator and numerator, and the value present. */
export function medianRowsSql(indicator: IndicatorDefinition): string {
  const field = ident((indicator.value as { field: string }).field);
  const denominator = 'where' in indicator.denominator ? conditionsSql(indicator.denominator.where) : '1 = 1';
  return `${denominator} AND ${conditionsSql(indicator.numerator.where)} AND ${field} IS NOT NULL`;
}

export function medianStrataSql(options: {
  indicator: IndicatorDefinition;
  dimensions: Dimension[];
  relations: Relations;
  vintage: string;
  ranks: GroupRanks[];
  levels: number;
  /** Whether LSOAs outside the configured places are one "Elsewhere" place and ward. */
  residentsOnly?: boolean;
}): string {
  if (options.ranks.length === 0) throw new Error('medianStrataSql: no groups to compute');
  const keys = strataKeys(options.dimensions);
  const allKeys = [...new Set([...keys.values()].flat())];
  const groups = breakdowns(options.dimensions, false);
  const columns = breakdownColumns(groups.list, 'v');
  const levels = Array.from({ length: options.levels }, (_v, i) => i);
  const rankNames = levels.flatMap((i) => [`rank_lower_${i}`, `rank_upper_${i}`]);
  const valueAt = (rank: string, name: string) =>
    `MIN(CASE WHEN r.${rank} > 0 AND c.cumulative >= r.${rank} THEN c.v END) AS ${name}`;
  return fillTemplate('median-strata', {
    stratum: stratumSql(keys),
    keys: allKeys.map(ident).join(', '),
    value: ident((options.indicator.value as { field: string }).field),
    activity: options.relations.activity,
    where: medianRowsSql(options.indicator),
    fine_sets: [...keys.values()].map((c) => `(period, ${c.map(ident).join(', ')}, v)`).join(', '),
    linked: labelsSql(
      keys,
      options.relations.geography,
      options.vintage,
      options.dimensions,
      options.residentsOnly,
    ),
    masked_groups: groups.masked.join(',\n    '),
    dimension_label: columns.label,
    group_value: columns.value,
    grouping_sets: columns.sets,
    limit_ranks: rankNames.join(', '),
    ranks: options.ranks
      .map((g) =>
        [
          literal(g.dimension),
          literal(g.group),
          literal(g.period),
          g.n,
          ...g.middle,
          ...levels.flatMap((i) => g.limits[i] ?? [0, 0]),
        ].join(', '),
      )
      .map((row) => `(${row})`)
      .join(',\n    '),
    limit_values: levels
      .flatMap((i) => {
        const [lower, upper] = limitColumns(i);
        return [valueAt(`rank_lower_${i}`, lower), valueAt(`rank_upper_${i}`, upper)];
      })
      .join(',\n  '),
  });
}
