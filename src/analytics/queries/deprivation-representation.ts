// Builds the query setting the people a dataset reaches beside the residents of the places, by
// national IMD quintile or by place (queries/deprivation-representation.sql).
import { literal } from '../sql-text.ts';
import type { SqlRow } from '../store.ts';
import type { GroupReach } from './ethnic-representation.ts';
import type { Relations } from './indicator-aggregates.ts';
import { fillTemplate } from './template.ts';

/** `midYear`: the population estimates' mid-year (null: estimates whose year was not recorded). */
export function deprivationRepresentationSql(
  relations: Relations,
  vintage: string,
  midYear: number | null,
  by: 'quintile' | 'place' = 'quintile',
): string {
  return fillTemplate('deprivation-representation', {
    group: by === 'quintile' ? 'imd_quintile' : 'place',
    activity: relations.activity,
    geography: relations.geography,
    population: relations.population,
    vintage: literal(vintage),
    mid_year: midYear === null ? 'p.mid_year IS NULL' : `p.mid_year = ${Number(midYear)}`,
  });
}

/** The quintiles' labels: 1 is the most deprived fifth of England's areas, the Core20. */
const quintileLabel = (quintile: number): string =>
  quintile === 1 ? '1 (most deprived: the Core20)' : quintile === 5 ? '5 (least deprived)' : String(quintile);

export const readQuintileReach = (rows: SqlRow[]): GroupReach[] =>
  rows.map((r) => ({
    group: quintileLabel(Number(r.area_group)),
    people: Number(r.people),
    residents: Number(r.residents),
  }));

export const readPlaceReach = (rows: SqlRow[]): GroupReach[] =>
  rows.map((r) => ({
    group: String(r.area_group),
    people: Number(r.people),
    residents: Number(r.residents),
  }));
