// The analytics part of `parity demo`: the fictional ICS as reference geography with a postcode
// lookup of its own, 200,000 synthetic events imported like any extract, the indicator pack
// computed and published.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { analyticsStore } from '../../analytics/store.ts';
import { loadSyntheticGeography } from '../../analytics/synthetic/demo-geography.ts';
import { syntheticLsoas } from '../../analytics/synthetic/ics.ts';
import { loadSyntheticPostcodes } from '../../analytics/synthetic/postcodes.ts';
import { writeSyntheticActivity } from '../../analytics/synthetic/activity.ts';
import { systemActor } from '../audit/audit.ts';
import type { AnalyticsService } from './analytics.service.ts';

export const DEMO_ROWS = 200_000;
export const demoDatasetName = 'Synthetic service activity (demo)';

export async function loadAnalyticsDemo(
  analytics: AnalyticsService,
  dataDir: string,
  rows = DEMO_ROWS,
): Promise<void> {
  const store = await analyticsStore(dataDir);
  await loadSyntheticGeography(store);
  const lsoas = syntheticLsoas();
  await loadSyntheticPostcodes(store, lsoas);
  const file = path.join(store.root, 'tmp', 'demo-activity.parquet');
  try {
    await writeSyntheticActivity(store, lsoas, rows, file);
    await analytics.importDataset(systemActor, {
      name: demoDatasetName,
      file,
      sourceName: 'demo-activity.parquet',
    });
  } finally {
    rmSync(file, { force: true });
  }
  // With the optional breakdowns of the Core20 and the rest within each ethnic group and each place,
  // so that the demo shows them.
  await analytics.compute(systemActor, {
    datasetName: demoDatasetName,
    alsoBy: ['core20_ethnic', 'core20_place'],
  });
  for (const result of await analytics.listResults(true)) {
    if (result.status === 'draft') await analytics.publish(systemActor, result.id);
  }
}
