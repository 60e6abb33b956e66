// The example extract the demo offers on its Import a dataset page: synthetic events with the
// demo's postcodes in the place of LSOA codes, so that someone trying Parity can take a file through
// the import, the postcode link and the validation report without data of their own.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AnalyticsStore } from '../../analytics/store.ts';
import { summarisePostcodes } from '../../analytics/geography/postcodes.ts';
import { summariseGeography } from '../../analytics/geography/geography-store.ts';
import { writeSyntheticActivity } from '../../analytics/synthetic/activity.ts';
import { syntheticImdVersion, syntheticLsoas } from '../../analytics/synthetic/ics.ts';
import { demoPostcodeSource, syntheticPostcodes } from '../../analytics/synthetic/postcodes.ts';

export const EXAMPLE_ROWS = 5000;
/** Not the demo dataset's seed, so that the example's rows are not the demo's first ones. */
const EXAMPLE_SEED = 2;

/**
 * Whether the example would import: the postcode lookup is the demo's, whose postcodes the example
 * holds, and the demo's areas are still the reference geography (real files imported since
 * replace them, and may leave the demo's postcodes behind).
 */
export async function hasExampleExtract(store: AnalyticsStore): Promise<boolean> {
  if ((await summarisePostcodes(store))?.file !== demoPostcodeSource) return false;
  return (await summariseGeography(store)).some((g) => g.imdVersion === syntheticImdVersion);
}

/** The example extract as CSV text (about 0.4 MB), or null when the example's postcodes would not be found. */
export async function exampleExtract(store: AnalyticsStore): Promise<string | null> {
  if (!(await hasExampleExtract(store))) return null;
  const folder = mkdtempSync(path.join(store.root, 'tmp', 'example-'));
  try {
    const file = path.join(folder, 'example-extract.csv');
    const lsoas = syntheticLsoas();
    await writeSyntheticActivity(store, lsoas, EXAMPLE_ROWS, file, {
      seed: EXAMPLE_SEED,
      postcodes: syntheticPostcodes(lsoas),
    });
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
