// Builds the query counting the places' residents by national IMD quintile or by place, and by age
// band (queries/area-residents.sql), and sets them beside the people a dataset reaches
// (people-reached.ts).
import { literal } from '../sql-text.ts';
import type { SqlRow } from '../store.ts';
import type { Core20Within, GroupReach } from './ethnic-representation.ts';
import type { Relations } from './indicator-aggregates.ts';
import type { PeopleReached, ReachedCount } from './people-reached.ts';
import { fillTemplate } from './template.ts';

/**
 * `midYear`: the population estimates' mid-year (null: estimates whose year was not recorded).
 * `core20Place`: the residents of each place's Core20 LSOAs (those of its other LSOAs in group NULL).
 */
export function areaResidentsSql(
  relations: Pick<Relations, 'geography' | 'population'>,
  vintage: string,
  midYear: number | null,
  by: 'quintile' | 'place' | 'core20Place' = 'quintile',
): string {
  return fillTemplate('area-residents', {
    group: { quintile: 'imd_quintile', place: 'place', core20Place: 'CASE WHEN core20 = 1 THEN place END' }[
      by
    ],
    geography: relations.geography,
    population: relations.population,
    vintage: literal(vintage),
    mid_year: midYear === null ? 'p.mid_year IS NULL' : `p.mid_year = ${Number(midYear)}`,
  });
}

/** The quintiles' labels: 1 is the most deprived fifth of England's areas, the Core20. */
const quintileLabel = (quintile: number | null): string =>
  quintile === null
    ? 'Not known'
    : quintile === 1
      ? '1 (most deprived: the Core20)'
      : quintile === 5
        ? '5 (least deprived)'
        : String(quintile);

/** A group's people and residents in one ESP2013 five-year age band (0: 0–4 … 18: 90 and over). */
export interface BandReach extends GroupReach {
  band: number;
}

export interface AreaReach {
  /** Every group with residents, in the query's group order; people of all ages. */
  groups: GroupReach[];
  /** The same by age band: people whose age is not known are in no band. */
  byAge: BandReach[];
}

function readAreaReach(
  reached: ReachedCount[],
  residentRows: SqlRow[],
  label: (group: string | null) => string,
): AreaReach {
  const counts = [
    ...reached.map((r) => ({ residents: false, ...r, n: r.people })),
    ...residentRows.map((r) => ({
      residents: true,
      allAges: false,
      group: r.area_group === null ? null : String(r.area_group as string | number),
      band: r.esp_band === null ? null : Number(r.esp_band),
      n: Number(r.residents),
    })),
  ];
  const people = new Map<string, number>();
  const residents = new Map<string, number>();
  const add = (key: string, n: number) => residents.set(key, (residents.get(key) ?? 0) + n);
  const key = (group: string | null, band: number | 'all' | null) => `${group}\u0000${band}`;
  for (const c of counts) {
    if (c.residents) {
      add(key(c.group, c.band), c.n);
      add(key(c.group, 'all'), c.n);
    } else if (c.allAges) people.set(key(c.group, 'all'), c.n);
    else if (c.band !== null) people.set(key(c.group, c.band), c.n);
  }
  // Quintiles in number order, places by name (the databases' collations may differ), not known last.
  const order = (a: string | null, b: string | null) =>
    a === null || b === null
      ? Number(a === null) - Number(b === null)
      : Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
  const groupsOf = (all: boolean) =>
    [...new Set(counts.filter((c) => (all ? c.residents : c.band !== null)).map((c) => c.group))].sort(order);
  const groups = groupsOf(true).map((g) => ({
    group: label(g),
    people: people.get(key(g, 'all')) ?? 0,
    residents: residents.get(key(g, 'all')) ?? 0,
  }));
  const byAge: BandReach[] = [];
  for (const g of groupsOf(false))
    for (let band = 0; band <= 18; band++) {
      const reached = people.get(key(g, band)) ?? 0;
      const living = residents.get(key(g, band)) ?? 0;
      if (reached > 0 || living > 0)
        byAge.push({ group: label(g), band, people: reached, residents: living });
    }
  return { groups, byAge };
}

/** The people reached by quintile beside the residents (rows of `areaResidentsSql` by quintile). */
export const quintileReach = (reached: ReachedCount[], residents: SqlRow[]): AreaReach =>
  readAreaReach(reached, residents, (quintile) => quintileLabel(quintile === null ? null : Number(quintile)));

/** The people reached by place beside the residents (rows of `areaResidentsSql` by place). */
export const placeReach = (reached: ReachedCount[], residents: SqlRow[]): AreaReach =>
  readAreaReach(reached, residents, (place) => place ?? 'Not known');

/** A group's people reached and residents in one ESP2013 band, and how many of each in the Core20. */
export interface Core20WithinBand extends Core20Within {
  band: number;
}

/**
 * Each place's people reached and residents, and those of each living in its Core20 LSOAs, of all
 * ages and by age band: from the people reached by place and by place in the Core20, and the rows of
 * `areaResidentsSql` by place and by `core20Place`.
 */
export function core20PlaceReach(
  reached: Pick<PeopleReached, 'place' | 'core20Place'>,
  placeResidents: SqlRow[],
  core20Residents: SqlRow[],
): { groups: Core20Within[]; byAge: Core20WithinBand[] } {
  const all = placeReach(reached.place, placeResidents);
  const core20 = placeReach(
    reached.core20Place,
    core20Residents.filter((r) => r.area_group !== null),
  );
  const of = <T extends GroupReach>(list: T[], match: (g: T) => boolean) => {
    const found = list.find(match);
    return { core20People: found?.people ?? 0, core20Residents: found?.residents ?? 0 };
  };
  return {
    groups: all.groups.map((g) => ({ ...g, ...of(core20.groups, (c) => c.group === g.group) })),
    byAge: all.byAge.map((b) => ({
      ...b,
      ...of(core20.byAge, (c) => c.group === b.group && c.band === b.band),
    })),
  };
}
