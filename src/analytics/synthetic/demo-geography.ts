import type { AnalyticsStore } from '../store.ts';
import { writeLsoaRows, writePopulationRows } from '../geography/geography-store.ts';
import { recordPopulationSources } from '../geography/population-vintages.ts';
import { syntheticLsoas, syntheticPopulation } from './ics.ts';
import { writeCensusDetailedRows } from '../geography/census-detailed.ts';
import { writeCensusEthnicityRows } from '../geography/census-ethnicity.ts';
import { syntheticCensusDetailed, syntheticCensusEthnicity } from './census.ts';

/** The mid-years of the demo's population estimates, one for each financial year of its activity. */
export const demoMidYears = [2022, 2023, 2024];

/** Loads the fictional ICS as the LSOA 2021 reference geography of the store, with its census ethnic groups. */
export async function loadSyntheticGeography(store: AnalyticsStore): Promise<{ lsoas: number }> {
  const lsoas = syntheticLsoas();
  const count = await writeLsoaRows(store, lsoas, '2021');
  await writePopulationRows(
    store,
    demoMidYears.flatMap((year) => syntheticPopulation(lsoas, year)),
    '2021',
  );
  recordPopulationSources(
    store,
    '2021',
    demoMidYears.map((midYear) => ({ midYear, file: 'synthetic populations of the demo' })),
  );
  await writeCensusEthnicityRows(store, syntheticCensusEthnicity(lsoas));
  await writeCensusDetailedRows(store, syntheticCensusDetailed(lsoas));
  return { lsoas: count };
}
