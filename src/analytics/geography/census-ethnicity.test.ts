import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { importGeography } from './geo-import.ts';

// The official files as published, read where they are (never copied into the project).
const shared = path.resolve(import.meta.dirname, '../../../../shared/data');
const ts021 = path.join(shared, 'census2021_ts021_ethnic_group_lsoa21_ew.csv.gz');
const leicester = { 'Leicester City': ['E06000016'] };

describe('the Census 2021 ethnic group table by LSOA', () => {
  let dir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-census-'));
    store = await analyticsStore(dir);
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });
  const table = () => `read_parquet('${store.geographyPath('lsoa_ethnicity')}')`;

  it('keeps the residents of each LSOA in each of the five groups, named as the NHS broad groups', async () => {
    const summary = await importGeography(store, {
      imd: path.join(shared, 'iod2025_imd_lsoa21_llr.csv'),
      ethnicity: ts021,
      places: leicester,
    });
    // England and Wales at the Census 2021: 59,597,576 usual residents in 35,672 LSOAs.
    expect(summary.censusEthnicity).toEqual({ lsoas: 35_672, residents: 59_597_576 });
    // Leicester's residents by group, summed here from the file itself.
    const fromFile = await store.query<{ ethnic_group: string; n: string }>(
      `SELECT ethnic_group, sum(n) AS n FROM read_csv('${ts021}') WHERE lsoa21_code IN (SELECT lsoa21_code FROM read_csv('${path.join(shared, 'iod2025_imd_lsoa21_llr.csv')}') WHERE lad24_code = 'E06000016') GROUP BY ethnic_group ORDER BY ethnic_group`,
    );
    const stored = await store.query<{ ethnic_broad: string; n: string }>(
      `SELECT ethnic_broad, sum(people) AS n FROM ${table()} e JOIN read_parquet('${store.geographyPath('lsoa_geography')}') g ON g.lsoa_code = e.lsoa_code WHERE g.in_area = 1 GROUP BY ethnic_broad ORDER BY ethnic_broad`,
    );
    expect(stored.map((r) => r.n)).toEqual(fromFile.map((r) => r.n));
    expect(stored.map((r) => r.ethnic_broad)).toEqual([
      'Asian or Asian British',
      'Black, Black British, Caribbean or African',
      'Mixed or multiple',
      'Other ethnic group',
      'White',
    ]);
    // domain.md §7.4: Leicester is 43.4% Asian, 40.9% White, 7.8% Black, 4.1% Other, 3.8% Mixed.
    const total = stored.reduce((sum, r) => sum + Number(r.n), 0);
    expect(stored.map((r) => Math.round((1000 * Number(r.n)) / total) / 10)).toEqual([
      43.4, 7.8, 3.8, 4.1, 40.9,
    ]);
  });

  it("reads Nomis's download, a column per group, passing over the subgroups", async () => {
    const nomis = path.join(dir, 'census2021-ts021-lsoa.csv');
    writeFileSync(
      nomis,
      [
        'date,geography,geography code,Ethnic group: Total: All usual residents,Ethnic group: Asian, Asian British or Asian Welsh,Ethnic group: Asian, Asian British or Asian Welsh: Indian,Ethnic group: Black, Black British, Black Welsh, Caribbean or African,Ethnic group: Mixed or Multiple ethnic groups,Ethnic group: White,Ethnic group: White: English, Welsh, Scottish, Northern Irish or British,Ethnic group: Other ethnic group',
        '2021,City 001A,E01000001,1000,300,250,100,50,500,400,50',
      ]
        .map((line, i) =>
          i === 0
            ? line
                .split(',Ethnic')
                .map((h, j) => (j ? `"Ethnic${h}"` : h))
                .join(',')
            : line,
        )
        .join('\n'),
    );
    const summary = await importGeography(store, { ethnicity: nomis });
    expect(summary).toMatchObject({
      vintage: '2021',
      imdVersion: null,
      censusEthnicity: { lsoas: 1, residents: 1000 },
    });
    const rows = await store.query(`SELECT ethnic_broad, people FROM ${table()} ORDER BY ethnic_broad`);
    expect(rows).toEqual([
      { ethnic_broad: 'Asian or Asian British', people: 300 },
      { ethnic_broad: 'Black, Black British, Caribbean or African', people: 100 },
      { ethnic_broad: 'Mixed or multiple', people: 50 },
      { ethnic_broad: 'Other ethnic group', people: 50 },
      { ethnic_broad: 'White', people: 500 },
    ]);
  });

  it('refuses a file that is not the table, keeping the groups imported before', async () => {
    const before = await store.query(`SELECT count(*) AS n FROM ${table()}`);
    await expect(
      importGeography(store, { ethnicity: path.join(shared, 'census2021_disability_lsoa21_ew.csv.gz') }),
    ).rejects.toMatchObject({
      role: 'ethnicity',
      message: expect.stringContaining('is not the Census 2021 ethnic group table by LSOA (TS021)') as string,
    });
    expect(await store.query(`SELECT count(*) AS n FROM ${table()}`)).toEqual(before);
  });
});
