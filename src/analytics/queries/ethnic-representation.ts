// Builds the query setting the people a dataset reaches beside the Census 2021 residents of the
// places, by broad or detailed ethnic group (queries/ethnic-representation.sql).
import { ethnicLabelSql } from '../datasets/ethnicity.ts';
import { literal } from '../sql-text.ts';
import type { SqlRow } from '../store.ts';
import type { Relations } from './indicator-aggregates.ts';
import { fillTemplate } from './template.ts';

export interface GroupReach {
  group: string;
  people: number;
  residents: number;
}

/**
 * Where the residents come from: the broad groups by LSOA, or the groups by local authority, both
 * of the places' 2021 LSOA areas (the census's).
 */
export type CensusResidents = { byLsoa: string } | { byLocalAuthority: string };

function residentsSql(census: CensusResidents, level: 'broad' | 'detailed'): string {
  if ('byLsoa' in census && level === 'detailed')
    throw new Error(
      'The census table by LSOA has the broad groups only: detailed ones are by local authority',
    );
  if ('byLsoa' in census)
    return `SELECT e.ethnic_broad AS ethnic_group, SUM(e.people) AS residents FROM ${census.byLsoa} e JOIN census_area area ON area.lsoa_code = e.lsoa_code GROUP BY e.ethnic_broad`;
  const column = `e.ethnic_${level}`;
  return `SELECT ${column} AS ethnic_group, SUM(e.people) AS residents FROM ${census.byLocalAuthority} e WHERE e.la_code IN (SELECT DISTINCT la_code FROM census_area) GROUP BY ${column}`;
}

export function ethnicRepresentationSql(
  relations: Relations,
  census: CensusResidents,
  vintage: string,
  level: 'broad' | 'detailed' = 'broad',
): string {
  return fillTemplate('ethnic-representation', {
    activity: relations.activity,
    geography: relations.geography,
    residents: residentsSql(census, level),
    vintage: literal(vintage),
    label: ethnicLabelSql('a.ethnic_code', level),
  });
}

export const readGroupReach = (rows: SqlRow[]): GroupReach[] =>
  rows.map((r) => ({
    group: String(r.ethnic_group),
    people: Number(r.people),
    residents: Number(r.residents),
  }));
