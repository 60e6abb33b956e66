import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { importGeography } from './geo-import.ts';

// The official files as published, read where they are (never copied into the project).
const shared = path.resolve(import.meta.dirname, '../../../../shared/data');
const llrPlaces = {
  'Leicester City': ['E06000016'],
  Leicestershire: ['E07000129', 'E07000130', 'E07000131', 'E07000132', 'E07000133', 'E07000134', 'E07000135'],
  Rutland: ['E06000017'],
};

describe('geography import of the official formats', () => {
  let dir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-geo-'));
    store = await analyticsStore(dir);
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const llrCore20 = (vintage: string) =>
    store.query(
      `SELECT place, count(*) AS lsoas, sum(core20) AS core20, count(DISTINCT ward_code) AS wards FROM read_parquet('${store.geographyPath('lsoa_geography')}') WHERE vintage = '${vintage}' AND place IN ('Leicester City', 'Leicestershire', 'Rutland') GROUP BY place ORDER BY place`,
    );

  it('reads IoD2019 (LSOA 2011) with the ward lookup and population by single year of age', async () => {
    const summary = await importGeography(store, {
      imd: path.join(shared, 'iod2019_imd_lsoa11_llr.csv'),
      lookups: [path.join(shared, 'lookup_lsoa11_ward19_lad19_llr.csv')],
      population: path.join(shared, 'population_mid2020_lsoa11_single_year_age_llr.csv'),
      places: llrPlaces,
    });
    expect(summary).toMatchObject({
      vintage: '2011',
      imdVersion: 'IoD2019',
      lsoas: 611,
      withWard: 611,
      populationRows: 611 * 91,
    });
    // domain.md §7.3: Core20 LSOAs on IoD2019 — Leicester 68 of 192, Leicestershire 7 of 396, Rutland 0 of 23.
    expect(await llrCore20('2011')).toEqual([
      { place: 'Leicester City', lsoas: '192', core20: '68', wards: '21' },
      { place: 'Leicestershire', lsoas: '396', core20: '7', wards: expect.any(String) as string },
      { place: 'Rutland', lsoas: '23', core20: '0', wards: expect.any(String) as string },
    ]);
    const [total] = await store.query(
      `SELECT sum(population) AS n FROM read_parquet('${store.geographyPath('lsoa_population')}') WHERE vintage = '2011'`,
    );
    expect(Number(total!.n)).toBe(354_036 + 713_085 + 40_476);
  });

  it('reads the England-wide IoD2025 file (LSOA 2021, gzipped) and derives LSOA 2011 deprivation through the ONS lookup', async () => {
    const summary = await importGeography(store, {
      imd: path.join(shared, 'iod2025_imd_domains_lsoa21_england.csv.gz'),
      lookups: [
        path.join(shared, 'lookup_lsoa21_ward24_lad24_ew.csv.gz'),
        path.join(shared, 'lookup_lsoa11_lsoa21_lad22_ew.csv.gz'),
      ],
      places: llrPlaces,
    });
    expect(summary).toMatchObject({
      vintage: '2021',
      imdVersion: 'IoD2025',
      lsoas: 33_755,
      withWard: 33_755,
    });
    // IoD2019 was imported by the test before, so the official 2011 deprivation is kept.
    expect(summary.derived2011From2021).toBe(0);
    // domain.md §7.3: IoD2025 — Leicester 101 of 200, Leicestershire 10 of 408, Rutland 0 of 26.
    const rows = await llrCore20('2021');
    expect(rows.map((r) => [r.place, r.lsoas, r.core20])).toEqual([
      ['Leicester City', '200', '101'],
      ['Leicestershire', '408', '10'],
      ['Rutland', '26', '0'],
    ]);
    const [deciles] = await store.query(
      `SELECT min(n) AS least, max(n) AS most FROM (SELECT imd_decile, count(*) AS n FROM read_parquet('${store.geographyPath('lsoa_geography')}') WHERE vintage = '2021' GROUP BY imd_decile)`,
    );
    expect(deciles).toEqual({ least: '3375', most: '3376' });
  });

  it('derives LSOA 2011 deprivation from IoD2025 through the ONS lookup when IoD2019 is absent', async () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'parity-geo-'));
    const fresh = await analyticsStore(other);
    try {
      const summary = await importGeography(fresh, {
        imd: path.join(shared, 'iod2025_imd_lsoa21_llr.csv'),
        lookups: [path.join(shared, 'lookup_lsoa11_lsoa21_lad22_ew.csv.gz')],
      });
      expect(summary.lsoas).toBe(634);
      // Every LLR LSOA 2011 has a 2021 successor in LLR.
      expect(summary.derived2011From2021).toBe(611);
    } finally {
      await closeAnalyticsStore(other);
      rmSync(other, { recursive: true, force: true });
    }
  });
});
