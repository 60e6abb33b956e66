import { ageBandSql } from '../datasets/standardise.ts';
import { domainColumnsSql, type Dimension } from '../indicators/dimensions.ts';
import { literal } from '../sql-text.ts';
import type { Relations } from './indicator-aggregates.ts';
import { dimensionColumns, fillTemplate } from './template.ts';

/** Population by each population-capable dimension × ESP2013 band × mid-year, for ages ageFrom–ageTo. */
export function populationAggregatesSql(options: {
  dimensions: Dimension[];
  relations: Relations;
  vintage: string;
  ageFrom: number;
  ageTo: number;
  residentsOnly?: boolean;
}): string {
  const dimensions = options.dimensions.filter((d) => d.population);
  const columns = dimensionColumns(dimensions);
  return fillTemplate('population-aggregates', {
    dimension_label: columns.label,
    group_value: columns.value,
    age_band: ageBandSql('p.age'),
    domain_columns: domainColumnsSql(dimensions, 'g'),
    population: options.relations.population,
    geography: options.relations.geography,
    vintage: literal(options.vintage),
    age_from: String(Math.trunc(options.ageFrom)),
    age_to: String(Math.trunc(options.ageTo)),
    residents: options.residentsOnly ? ' AND g.in_area = 1' : '',
    grouping_sets: dimensions
      .map((d) => (d.column ? `(${d.column}, esp_band, mid_year)` : '(esp_band, mid_year)'))
      .join(', '),
  });
}
