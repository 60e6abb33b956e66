// The fictional ICS's Census 2021 usual residents by broad ethnic group: each LSOA's people (its
// synthetic population at mid-2021) shared out by its place's ethnic mix, the one the synthetic
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

export function syntheticCensusEthnicity(lsoas: LsoaGeographyRow[]): CensusEthnicityRow[] {
  const residents = new Map<string, number>();
  for (const row of syntheticPopulation(lsoas, 2021))
    residents.set(row.lsoa_code, (residents.get(row.lsoa_code) ?? 0) + row.population);
  const broadOf = new Map(ethnicCategories.map((c) => [c.code, c.broad]));
  const weightsOf = new Map(
    Object.entries(ethnicityMix).map(([place, mix]) => {
      const weights = new Map<string, number>();
      for (const [code, weight] of mix) {
        const broad = broadOf.get(code)!;
        if (code === 'Z') continue;
        weights.set(broad, (weights.get(broad) ?? 0) + weight * (underReached.has(broad) ? 1.6 : 1));
      }
      return [place, weights];
    }),
  );
  return lsoas.flatMap((lsoa) => {
    const weights = weightsOf.get(lsoa.place)!;
    const total = [...weights.values()].reduce((a, b) => a + b, 0);
    const people = residents.get(lsoa.lsoa_code) ?? 0;
    return [...weights].map(([broad, weight]) => ({
      lsoa_code: lsoa.lsoa_code,
      ethnic_broad: broad,
      people: Math.round((people * weight) / total),
    }));
  });
}
