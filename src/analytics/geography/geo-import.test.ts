import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { importGeography } from './geo-import.ts';
import { populationSources, populationYears } from './population-vintages.ts';
import { residentArea, summariseGeography, upgradeGeographyFiles } from './geography-store.ts';

// The official files as published, read where they are (never copied into the project).
const shared = path.resolve(import.meta.dirname, '../../../../shared/data');
const llrPlaces = {
  'Leicester City': ['E06000016'],
  Leicestershire: ['E07000129', 'E07000130', 'E07000131', 'E07000132', 'E07000133', 'E07000134', 'E07000135'],
  Rutland: ['E06000017'],
};

/** A store of its own for one test, removed after it. */
async function withFreshStore(use: (store: AnalyticsStore, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-geo-'));
  try {
    await use(await analyticsStore(dir), dir);
  } finally {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}

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

  it('keeps the other vintage of a geography written before the domains were imported', async () => {
    await withFreshStore(async (fresh) => {
      // A 2011 table as earlier versions of Parity wrote it: no domain columns.
      await fresh.run(
        `COPY (SELECT 'E01000001' AS lsoa_code, '2011' AS vintage, 'Old 001A' AS lsoa_name, NULL AS ward_code, NULL AS ward_name, 'E09000001' AS la_code, 'Old' AS la_name, 'Old' AS place, 'IoD2019' AS imd_version, 5 AS imd_rank, 1 AS imd_decile, 1 AS imd_quintile, 1 AS core20) TO '${fresh.geographyPath('lsoa_geography')}' (FORMAT parquet)`,
      );
      await importGeography(fresh, { imd: path.join(shared, 'iod2025_imd_lsoa21_llr.csv') });
      const kept = await fresh.query(
        `SELECT lsoa_code, imd_decile, income_decile FROM read_parquet('${fresh.geographyPath('lsoa_geography')}') WHERE vintage = '2011'`,
      );
      expect(kept).toEqual([{ lsoa_code: 'E01000001', imd_decile: 1, income_decile: null }]);
    });
  });

  it('brings files written before places and mid-years were recorded up to date', async () => {
    await withFreshStore(async (fresh) => {
      const file = fresh.geographyPath('lsoa_geography');
      const population = fresh.geographyPath('lsoa_population');
      await fresh.run(
        `COPY (SELECT 'E01000001' AS lsoa_code, '2011' AS vintage, 'Old 001A' AS lsoa_name, NULL AS ward_code, NULL AS ward_name, 'E09000001' AS la_code, 'Old' AS la_name, 'Old' AS place, 'IoD2019' AS imd_version, 5 AS imd_rank, 1 AS imd_decile, 1 AS imd_quintile, 1 AS core20) TO '${file}' (FORMAT parquet)`,
      );
      await fresh.run(
        `COPY (SELECT 'E01000001' AS lsoa_code, '2011' AS vintage, 'P' AS sex, 40 AS age, 12 AS population) TO '${population}' (FORMAT parquet)`,
      );
      await upgradeGeographyFiles(fresh);
      expect(await residentArea(fresh, '2011')).toEqual({ places: ['Old'] });
      // Rewritten with every column, so that the rates' SQL (here or in PostgreSQL) finds them.
      const [row] = await fresh.query(
        `SELECT lsoa_code, in_area, income_decile FROM read_parquet('${file}')`,
      );
      expect(row).toEqual({ lsoa_code: 'E01000001', in_area: 1, income_decile: null });
      const [people] = await fresh.query(`SELECT population, mid_year FROM read_parquet('${population}')`);
      expect(people).toEqual({ population: 12, mid_year: null });
      expect(await populationYears(fresh, '2011')).toEqual([null]);
    });
  });

  it('reads population estimates in five-year bands, spreading each band evenly over its years', async () => {
    await withFreshStore(async (fresh) => {
      const bandFile = path.join(shared, 'population_mid2020_lsoa11_5yr_band_llr.csv');
      const summary = await importGeography(fresh, {
        imd: path.join(shared, 'iod2019_imd_lsoa11_llr.csv'),
        population: bandFile,
      });
      expect(summary.populationRows).toBe(611 * 91);
      // Each LSOA's band, read from the file itself, against the single years it became.
      const bands = await fresh.query<{ lsoa: string; band: string; people: number }>(
        `UNPIVOT (SELECT lsoa11_code AS lsoa, COLUMNS('^[0-9]') FROM read_csv('${bandFile}', all_varchar = true)) ON COLUMNS(* EXCLUDE (lsoa)) INTO NAME band VALUE people`,
      );
      const years = await fresh.query<{ lsoa_code: string; age: number; population: number }>(
        `SELECT lsoa_code, age, population FROM read_parquet('${fresh.geographyPath('lsoa_population')}')`,
      );
      const byLsoa = new Map<string, typeof years>();
      for (const y of years) byLsoa.set(y.lsoa_code, [...(byLsoa.get(y.lsoa_code) ?? []), y]);
      expect(bands.length).toBe(611 * 19);
      for (const { lsoa, band, people } of bands) {
        const [from, to] = band === '90+' ? [90, 90] : band.split('-').map(Number);
        const shares = byLsoa
          .get(lsoa)!
          .filter((y) => y.age >= from! && y.age <= to!)
          .map((y) => y.population);
        expect(shares.length).toBe(to! - from! + 1);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(Number(people));
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
      }
    });
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
      // Leicester 200, Leicestershire 408 and Rutland 26 LSOAs (domain.md §7.3): the area rates count.
      inPlaces: 200 + 408 + 26,
    });
    expect(await residentArea(store, '2021')).toEqual({
      places: ['Leicester City', 'Leicestershire', 'Rutland'],
    });
    // The LLR IoD2019 file imported before holds the places' LSOAs only: they are all in the area.
    expect(await residentArea(store, '2011')).toEqual({
      places: ['Leicester City', 'Leicestershire', 'Rutland'],
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
    // The seven domains come with it: each LSOA's rank, decile and score as the file gives them.
    const file = path.join(shared, 'iod2025_imd_domains_lsoa21_england.csv.gz');
    const [fromFile] = await store.query<Record<string, number | string>>(
      `SELECT lsoa21_code, Income_decile, Health_rank, Housing_and_Services_score, Environment_decile, IMD_score FROM read_csv('${file}') ORDER BY lsoa21_code LIMIT 1 OFFSET 1000`,
    );
    const [stored] = await store.query<Record<string, number | string>>(
      `SELECT income_decile, health_rank, housing_score, environment_decile, imd_score FROM read_parquet('${store.geographyPath('lsoa_geography')}') WHERE vintage = '2021' AND lsoa_code = '${fromFile!.lsoa21_code}'`,
    );
    expect(stored).toEqual({
      income_decile: Number(fromFile!.Income_decile),
      health_rank: Number(fromFile!.Health_rank),
      housing_score: Number(fromFile!.Housing_and_Services_score),
      environment_decile: Number(fromFile!.Environment_decile),
      imd_score: Number(fromFile!.IMD_score),
    });
    // The summary staff see: all seven domains for 2021 LSOAs, none from the LLR IoD2019 extract.
    const summaries = await summariseGeography(store);
    expect(summaries.map((v) => [v.vintage, v.domains])).toEqual([
      ['2011', 0],
      ['2021', 7],
    ]);
  });

  it('derives LSOA 2011 deprivation from IoD2025 through the ONS lookup when IoD2019 is absent', async () => {
    await withFreshStore(async (fresh) => {
      const summary = await importGeography(fresh, {
        imd: path.join(shared, 'iod2025_imd_lsoa21_llr.csv'),
        lookups: [path.join(shared, 'lookup_lsoa11_lsoa21_lad22_ew.csv.gz')],
      });
      expect(summary.lsoas).toBe(634);
      // Every LLR LSOA 2011 has a 2021 successor in LLR.
      expect(summary.derived2011From2021).toBe(611);
      // Without places, every LSOA is in the area.
      expect(summary.inPlaces).toBe(634);
      // Each of the nine local authorities of LLR is its own place.
      expect((await residentArea(fresh, '2011'))?.places).toHaveLength(9);
      // No LSOA of a vintage not imported, so no area.
      expect(await residentArea(fresh, '2031')).toBeNull();
    });
  });

  it('keeps the LSOAs outside the places for their deprivation, and refuses a place none of whose codes is in the file', async () => {
    await withFreshStore(async (fresh) => {
      const imd = path.join(shared, 'iod2025_imd_lsoa21_llr.csv');
      const crosswalk = path.join(shared, 'lookup_lsoa11_lsoa21_lad22_ew.csv.gz');
      const summary = await importGeography(fresh, {
        imd,
        lookups: [crosswalk],
        places: { Rutland: ['E06000017'] },
      });
      expect(summary).toMatchObject({ lsoas: 634, inPlaces: 26 });
      // The 2011 LSOAs worked out through the lookup keep whether they are in the area.
      const [derived] = await fresh.query(
        `SELECT sum(in_area) AS in_area, count(*) AS lsoas FROM read_parquet('${fresh.geographyPath('lsoa_geography')}') WHERE vintage = '2011'`,
      );
      expect(derived).toEqual({ in_area: '23', lsoas: '611' });
      expect(await residentArea(fresh, '2011')).toEqual({ places: ['Rutland'] });
      // The datasets page counts the configured places and their LSOAs, not every authority's.
      expect(
        (await summariseGeography(fresh)).map((v) => [v.vintage, v.lsoas, v.inPlaces, v.places]),
      ).toEqual([
        ['2011', 611, 23, 1],
        ['2021', 634, 26, 1],
      ]);
      const before = await fresh.query(
        `SELECT * FROM read_parquet('${fresh.geographyPath('lsoa_geography')}') ORDER BY vintage, lsoa_code`,
      );
      await expect(
        importGeography(fresh, {
          imd,
          places: { Rutland: ['E06000017'], Nottingham: ['E06000018'], Typo: ['E0700013', 'E07000999'] },
        }),
      ).rejects.toMatchObject({
        role: 'places',
        message:
          "No local authority of these places is in iod2025_imd_lsoa21_llr.csv: Nottingham (E06000018); Typo (E0700013, E07000999). Local authority codes change when councils are reorganised: use the codes of the deprivation file's year.",
      });
      expect(
        await fresh.query(
          `SELECT * FROM read_parquet('${fresh.geographyPath('lsoa_geography')}') ORDER BY vintage, lsoa_code`,
        ),
      ).toEqual(before);
    });
  });

  it('derives LSOA 2021 populations from LSOA 2011 estimates through the ONS lookup, never over official ones', async () => {
    await withFreshStore(async (fresh, other) => {
      const crosswalk = path.join(shared, 'lookup_lsoa11_lsoa21_lad22_ew.csv.gz');
      const populationOf = (vintage: string, codes: string[]) =>
        fresh.query<{ lsoa_code: string; age: number; population: number }>(
          `SELECT lsoa_code, age, population FROM read_parquet('${fresh.geographyPath('lsoa_population')}') WHERE vintage = '${vintage}' AND lsoa_code IN (${codes.map((c) => `'${c}'`).join(', ')}) ORDER BY age, lsoa_code`,
        );
      const summary = await importGeography(fresh, {
        imd: path.join(shared, 'iod2025_imd_lsoa21_llr.csv'),
        lookups: [crosswalk],
        population: path.join(shared, 'population_mid2020_lsoa11_single_year_age_llr.csv'),
      });
      // Every LLR LSOA 2021 comes from LLR LSOAs 2011, so each gets all 91 ages and nobody is lost.
      expect(summary.populationDerived2021From2011).toBe(634 * 91);
      const totals = await fresh.query<{ vintage: string; n: number }>(
        `SELECT vintage, CAST(sum(population) AS INTEGER) AS n FROM read_parquet('${fresh.geographyPath('lsoa_population')}') GROUP BY vintage ORDER BY vintage`,
      );
      expect(totals).toEqual([
        { vintage: '2011', n: 1_107_597 },
        { vintage: '2021', n: 1_107_597 },
      ]);
      // A split LSOA, read from the lookup itself: its parts add up to it at every age, within one person of each other.
      const [split] = await fresh.query<{ lsoa11: string; parts: string[] }>(
        `SELECT LSOA11CD AS lsoa11, list(LSOA21CD ORDER BY LSOA21CD) AS parts FROM read_csv('${crosswalk}') WHERE CHGIND = 'S' AND LAD22CD = 'E06000016' GROUP BY LSOA11CD ORDER BY LSOA11CD LIMIT 1`,
      );
      const parent = await populationOf('2011', [split!.lsoa11]);
      const children = await populationOf('2021', split!.parts);
      for (const { age, population } of parent) {
        const shares = children.filter((c) => c.age === age).map((c) => c.population);
        expect(shares.length).toBe(split!.parts.length);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(population);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
      }
      const [unchanged] = await fresh.query<{ code: string }>(
        `SELECT LSOA11CD AS code FROM read_csv('${crosswalk}') WHERE CHGIND = 'U' AND LAD22CD = 'E06000017' ORDER BY LSOA11CD LIMIT 1`,
      );
      expect((await populationOf('2021', [unchanged!.code])).map((r) => r.population)).toEqual(
        (await populationOf('2011', [unchanged!.code])).map((r) => r.population),
      );

      // Official LSOA 2021 estimates as ONS publishes them from mid-2021 (by sex: F0 … F90, M0 … M90)
      // are read by sex, and once imported are kept when the lookup is given again.
      const ages = Array.from({ length: 91 }, (_v, age) => (age === 90 ? '90+' : String(age)));
      const official = path.join(other, 'population_lsoa21.csv');
      writeFileSync(
        official,
        [
          ['LAD 2021 Code', 'LAD 2021 Name', 'LSOA 2021 Code', 'LSOA 2021 Name', 'Total']
            .concat(
              ages.map((a) => `F${a}`),
              ages.map((a) => `M${a}`),
            )
            .join(','),
          ['E06000017', 'Rutland', unchanged!.code, 'Rutland 001A', '637']
            .concat(
              ages.map(() => '3'),
              ages.map(() => '4'),
            )
            .join(','),
        ].join('\n'),
      );
      await importGeography(fresh, {
        imd: path.join(shared, 'iod2025_imd_lsoa21_llr.csv'),
        population: official,
      });
      const again = await importGeography(fresh, {
        imd: path.join(shared, 'iod2025_imd_lsoa21_llr.csv'),
        lookups: [crosswalk],
      });
      expect(again.populationDerived2021From2011).toBe(0);
      // Of a mid-year neither the file nor the import said: the vintage's only estimates.
      expect(populationSources(fresh)['2021']).toEqual([{ midYear: null, file: 'population_lsoa21.csv' }]);
      const officialFigures = await populationOf('2021', [unchanged!.code]);
      // Kept by sex, for rates by sex: 91 ages of women (3 each) and of men (4 each).
      expect(officialFigures.length).toBe(182);
      expect(officialFigures.reduce((sum, r) => sum + r.population, 0)).toBe(91 * 7);
    });
  });

  it('keeps estimates of each mid-year, from the file name or as given, and derives 2021 ones for each', async () => {
    await withFreshStore(async (fresh) => {
      const single = path.join(shared, 'population_mid2020_lsoa11_single_year_age_llr.csv');
      const bands = path.join(shared, 'population_mid2020_lsoa11_5yr_band_llr.csv');
      const crosswalk = path.join(shared, 'lookup_lsoa11_lsoa21_lad22_ew.csv.gz');
      await importGeography(fresh, {
        imd: path.join(shared, 'iod2019_imd_lsoa11_llr.csv'),
        population: single,
      });
      // The banded file given as another year's (its name says mid-2020), with the lookup.
      const summary = await importGeography(fresh, {
        population: bands,
        populationYear: 2021,
        lookups: [crosswalk],
      });
      expect(summary).toMatchObject({ populationMidYear: 2021, populationRows: 611 * 91 });
      expect(await populationYears(fresh, '2011')).toEqual([2020, 2021]);
      expect(await populationYears(fresh, '2021')).toEqual([2020, 2021]);
      const people = await fresh.query(
        `SELECT vintage, mid_year, CAST(sum(population) AS INTEGER) AS n FROM read_parquet('${fresh.geographyPath('lsoa_population')}') GROUP BY ALL ORDER BY ALL`,
      );
      // The same people each year here (domain.md §7.2: 1,107,597 in mid-2020), none lost in deriving.
      expect(people).toEqual(
        ['2011', '2021'].flatMap((vintage) =>
          [2020, 2021].map((year) => ({ vintage, mid_year: year, n: 1_107_597 })),
        ),
      );
      expect(populationSources(fresh)['2021']).toEqual(
        [2020, 2021].map((midYear) => ({ midYear, file: path.basename(crosswalk), derivedFrom: '2011' })),
      );
    });
  });

  it('imports population estimates on their own, keeping the deprivation, and replaces nothing when a file cannot be used', async () => {
    await withFreshStore(async (fresh) => {
      await importGeography(fresh, {
        imd: path.join(shared, 'iod2019_imd_lsoa11_llr.csv'),
        lookups: [path.join(shared, 'lookup_lsoa11_ward19_lad19_llr.csv')],
        population: path.join(shared, 'population_mid2020_lsoa11_single_year_age_llr.csv'),
        places: llrPlaces,
      });
      const geography = () =>
        fresh.query(
          `SELECT * FROM read_parquet('${fresh.geographyPath('lsoa_geography')}') ORDER BY lsoa_code`,
        );
      const before = await geography();
      const children = () =>
        fresh.query<{ n: number }>(
          `SELECT CAST(sum(population) AS INTEGER) AS n FROM read_parquet('${fresh.geographyPath('lsoa_population')}') WHERE age <= 10`,
        );
      const singleYears = await children();

      // A newer mid-year, say: here the same people in five-year bands, whose 10–14 band is spread.
      const bands = path.join(shared, 'population_mid2020_lsoa11_5yr_band_llr.csv');
      const summary = await importGeography(fresh, { population: bands });
      expect(summary).toMatchObject({
        vintage: '2011',
        imdVersion: null,
        lsoas: 0,
        populationRows: 611 * 91,
      });
      expect(await geography()).toEqual(before);
      // The same mid-year as the single-year file's (mid2020 in both names): replaced.
      expect(populationSources(fresh)['2011']).toEqual([{ midYear: 2020, file: path.basename(bands) }]);
      expect(await children()).not.toEqual(singleYears);

      const ward = path.join(shared, 'lookup_lsoa11_ward19_lad19_llr.csv');
      await expect(importGeography(fresh, { population: bands, lookups: [ward] })).rejects.toMatchObject({
        role: 'lookup',
        message:
          'lookup_lsoa11_ward19_lad19_llr.csv is a ward lookup, which is imported with the deprivation file of its LSOA vintage: give that file too',
      });
      // A deprivation file given with population estimates that cannot be read: nothing is replaced.
      await expect(
        importGeography(fresh, { imd: path.join(shared, 'iod2019_imd_lsoa11_llr.csv'), population: ward }),
      ).rejects.toMatchObject({
        role: 'population',
        message: expect.stringContaining(
          'lookup_lsoa11_ward19_lad19_llr.csv: expected one column per year of age',
        ) as string,
      });
      // A lookup that is not one Parity reads, or a ward lookup of the other vintage, is not passed over.
      const icb = path.join(shared, 'lookup_lsoa21_sicbl24_icb24_england.csv.gz');
      const imd2011 = path.join(shared, 'iod2019_imd_lsoa11_llr.csv');
      await expect(importGeography(fresh, { imd: imd2011, lookups: [icb] })).rejects.toMatchObject({
        role: 'lookup',
        message: expect.stringMatching(
          /^lookup_lsoa21_sicbl24_icb24_england\.csv\.gz is neither an ONS LSOA → ward lookup .* Its columns: LSOA21NM, LSOA21CD, SICBL24NM/,
        ) as string,
      });
      const ward2021 = path.join(shared, 'lookup_lsoa21_ward24_lad24_llr.csv');
      await expect(importGeography(fresh, { imd: imd2011, lookups: [ward2021] })).rejects.toMatchObject({
        role: 'lookup',
        message:
          'lookup_lsoa21_ward24_lad24_llr.csv is a ward lookup for LSOA 2021 areas, but the deprivation file is on LSOA 2011 areas: give the lookup of the same vintage',
      });
      await expect(importGeography(fresh, {})).rejects.toMatchObject({
        role: 'imd',
        message:
          'Give a deprivation file (--imd), population estimates (--population), the Census 2021 ethnic groups (--ethnicity), the postcode directory (--postcodes), the LSOA 2011 → 2021 lookup (--lookup), or more than one',
      });
      expect(await geography()).toEqual(before);
    });
  });
});
