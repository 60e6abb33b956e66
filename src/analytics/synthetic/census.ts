// The fictional ICS's Census 2021 usual residents by broad ethnic group (and by detailed group for
// each local authority): each LSOA's people (its synthetic population at mid-2021) shared out by its
// place's ethnic mix, the one the synthetic
// activity draws from, but with Black and "other" residents three fifths more common than among the
// people the services see: the demo's services under-reach them, as the dataset page then shows.
import { ethnicCategories } from '../datasets/ethnicity.ts';
import type { LsoaGeographyRow } from '../geography/model.ts';
import { ethnicityMix } from './ethnicity-mix.ts';
import { syntheticPopulation } from './ics.ts';

const underReached = new Set(['Black, Black British, Caribbean or African', 'Other ethnic group']);

export interface CensusEthnicityRow {
  lsoa_code: string;
  ethnic_broad: string;
  people: number;
}

const broadOf = new Map(ethnicCategories.map((c) => [c.code, c.broad]));

/** Each place's residents' weights by NHS code (not stated left out), the under-reached made larger. */
const residentWeights = new Map(
  Object.entries(ethnicityMix).map(([place, mix]) => {
    const weights = mix
      .filter(([code]) => code !== 'Z')
      .map(([code, weight]): [string, number] => [
        code,
        weight * (underReached.has(broadOf.get(code)!) ? 1.6 : 1),
      ]);
    return [place, weights];
  }),
);

/** Each LSOA's people at mid-2021. */
function residentsOf(lsoas: LsoaGeographyRow[]): Map<string, number> {
  const residents = new Map<string, number>();
  for (const row of syntheticPopulation(lsoas, 2021))
    residents.set(row.lsoa_code, (residents.get(row.lsoa_code) ?? 0) + row.population);
  return residents;
}

/** `people` shared out by `weights`, added up by `key` of each code. */
function sharedOut(people: number, weights: [string, number][], key: (code: string) => string) {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  const shares = new Map<string, number>();
  for (const [code, weight] of weights) shares.set(key(code), (shares.get(key(code)) ?? 0) + weight / total);
  return [...shares].map(([group, share]): [string, number] => [group, Math.round(people * share)]);
}

export function syntheticCensusEthnicity(lsoas: LsoaGeographyRow[]): CensusEthnicityRow[] {
  const residents = residentsOf(lsoas);
  return lsoas.flatMap((lsoa) =>
    sharedOut(residents.get(lsoa.lsoa_code) ?? 0, residentWeights.get(lsoa.place)!, (code) =>
      broadOf.get(code)!,
    ).map(([broad, people]) => ({ lsoa_code: lsoa.lsoa_code, ethnic_broad: broad, people })),
  );
}

/** The same residents by local authority and NHS code: the census's detailed groups. */
export function syntheticCensusDetailed(
  lsoas: LsoaGeographyRow[],
): { la_code: string; ethnic_code: string; people: number }[] {
  const residents = residentsOf(lsoas);
  const byAuthority = new Map<string, { place: string; people: number }>();
  for (const lsoa of lsoas) {
    const authority = byAuthority.get(lsoa.la_code) ?? { place: lsoa.place, people: 0 };
    authority.people += residents.get(lsoa.lsoa_code) ?? 0;
    byAuthority.set(lsoa.la_code, authority);
  }
  return [...byAuthority].flatMap(([la_code, { place, people }]) =>
    sharedOut(people, residentWeights.get(place)!, (code) => code).map(([ethnic_code, n]) => ({
      la_code,
      ethnic_code,
      people: n,
    })),
  );
}
