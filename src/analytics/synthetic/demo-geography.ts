import type { AnalyticsStore } from '../store.ts';
import { writeLsoaRows, writePopulationRows } from '../geography/geography-store.ts';
import { recordPopulationSource } from '../geography/population-vintages.ts';
import { syntheticLsoas, syntheticPopulation } from './ics.ts';

/** Loads the fictional ICS as the LSOA 2021 reference geography of the store. */
export async function loadSyntheticGeography(store: AnalyticsStore): Promise<{ lsoas: number }> {
  const lsoas = syntheticLsoas();
  const count = await writeLsoaRows(store, lsoas, '2021');
  await writePopulationRows(store, syntheticPopulation(lsoas), '2021');
  recordPopulationSource(store, '2021', { file: 'synthetic populations of the demo' });
  return { lsoas: count };
}
