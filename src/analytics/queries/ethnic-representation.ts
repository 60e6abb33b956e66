// Builds the query counting the Census 2021 usual residents of the places by broad or detailed ethnic
// group, and sets them beside the people a dataset reaches (people-reached.ts). The census counts
// residents in 2021 LSOAs, so a dataset on 2011 codes is set beside the residents of the same places'
// 2021 areas. A group no resident is counted in ("Asian or Asian British: category not recorded", by
// detailed group) comes with no residents.
import { core20PairSql, core20Parts } from '../indicators/dimensions.ts';
import { NOT_KNOWN_BROAD } from '../datasets/ethnicity.ts';
import type { SqlRow } from '../store.ts';
import type { Relations } from './indicator-aggregates.ts';
import type { PeopleReached, ReachedCount } from './people-reached.ts';

export interface GroupReach {
  group: string;
  people: number;
  residents: number;
}

/** A group's people reached and residents, and how many of each live in the Core20. */
export interface Core20Within extends GroupReach {
  core20People: number;
  core20Residents: number;
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

/**
 * The places' census residents by broad ethnic group in the Core20 and in the rest ("Core20: White",
 * columns `ethnic_group`, `residents`), by the deprivation of their 2021 LSOAs.
 */
export function core20EthnicResidentsSql(relations: Pick<Relations, 'geography'>, byLsoa: string): string {
  const core20Group =
    "CASE WHEN area.core20 = 1 THEN 'Core20' WHEN area.core20 = 0 THEN 'Rest of the population' END";
  const group = core20PairSql(core20Group, 'e.ethnic_broad', NOT_KNOWN_BROAD);
  const censusArea = `SELECT lsoa_code, core20 FROM ${relations.geography} WHERE vintage = '2021' AND in_area = 1`;
  return `WITH census_area AS (${censusArea}) SELECT ${group} AS ethnic_group, SUM(e.people) AS residents FROM ${byLsoa} e JOIN census_area area ON area.lsoa_code = e.lsoa_code GROUP BY ${group}`;
}

/** The places' census residents by group (columns `ethnic_group`, `residents`). */
export function censusResidentsSql(
  relations: Pick<Relations, 'geography'>,
  census: CensusResidents,
  level: 'broad' | 'detailed' = 'broad',
): string {
  const censusArea = `SELECT lsoa_code, la_code FROM ${relations.geography} WHERE vintage = '2021' AND in_area = 1`;
  return `WITH census_area AS (${censusArea}) ${residentsSql(census, level)}`;
}

/** The people reached in each group (of all ages) beside its residents: every group of either. */
export function groupReach(reached: ReachedCount[], residentRows: SqlRow[]): GroupReach[] {
  const groups = new Map<string, GroupReach>();
  const of = (group: string) =>
    groups.get(group) ?? groups.set(group, { group, people: 0, residents: 0 }).get(group)!;
  for (const r of residentRows) of(String(r.ethnic_group)).residents = Number(r.residents);
  for (const r of reached) if (r.allAges && r.group !== null) of(r.group).people = r.people;
  return [...groups.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/**
 * Each broad group's people reached (of all ages) and those of them living in the Core20, beside its
 * residents in the Core20 and in the rest (core20EthnicResidentsSql's rows): every group of either.
 */
export function core20GroupReach(
  reached: Pick<PeopleReached, 'broad' | 'core20Broad'>,
  residentRows: SqlRow[],
): Core20Within[] {
  const groups = new Map<string, Core20Within>();
  const of = (group: string) =>
    groups.get(group) ??
    groups.set(group, { group, people: 0, core20People: 0, residents: 0, core20Residents: 0 }).get(group)!;
  for (const r of residentRows) {
    const parts = core20Parts(String(r.ethnic_group));
    if (!parts || parts.within === NOT_KNOWN_BROAD) continue;
    const group = of(parts.within);
    group.residents += Number(r.residents);
    if (parts.series === 'Core20') group.core20Residents += Number(r.residents);
  }
  for (const r of reached.broad) if (r.allAges && r.group !== null) of(r.group).people = r.people;
  for (const r of reached.core20Broad) if (r.allAges && r.group !== null) of(r.group).core20People = r.people;
  return [...groups.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
