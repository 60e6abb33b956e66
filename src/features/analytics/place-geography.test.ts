import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGeography } from '../../analytics/geography/geo-import.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../../analytics/store.ts';
import { readPlaceWards } from './place-geography.ts';

const shared = path.resolve(import.meta.dirname, '../../../../shared/data');

describe('the wards other features are offered', () => {
  let dir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-place-wards-'));
    store = await analyticsStore(dir);
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('are the wards of the configured places, not every ward of the deprivation file', async () => {
    const files = {
      imd: path.join(shared, 'iod2025_imd_lsoa21_llr.csv'),
      lookups: [path.join(shared, 'lookup_lsoa21_ward24_lad24_llr.csv')],
    };
    await importGeography(store, files);
    const everyWard = await readPlaceWards(store);
    expect(new Set(everyWard.map((w) => w.laCode)).size).toBe(9);

    await importGeography(store, { ...files, places: { Rutland: ['E06000017'] } });
    const rutland = await readPlaceWards(store);
    expect(rutland.length).toBeGreaterThan(5);
    expect(rutland.every((w) => w.place === 'Rutland' && w.laCode === 'E06000017')).toBe(true);
    expect(rutland).toEqual(
      everyWard.filter((w) => w.laCode === 'E06000017').map((w) => ({ ...w, place: 'Rutland' })),
    );
  });
});
