import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onsLabelToCode } from '../datasets/ethnicity.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { importGeography } from './geo-import.ts';

// The official file as published, read where it is (never copied into the project).
const shared = path.resolve(import.meta.dirname, '../../../../shared/data');
const detailedFile = path.join(shared, 'census2021_ethnic_group_detailed_ltla21_ew.csv.gz');

/** A Nomis TS021 download: the area's code, the total, then a column per high-level and detailed group. */
function nomisFile(file: string, rows: [code: string, counts: number[]][]): string {
  const labels = Object.keys(onsLabelToCode);
  const high = [...new Set(labels.map((l) => l.split(': ')[0]!))];
  const headings = [
    'date',
    'geography',
    'geography code',
    'Ethnic group: Total: All usual residents',
    ...high.map((h) => `Ethnic group: ${h}`),
    ...labels.map((l) => `Ethnic group: ${l}`),
  ];
  const lines = rows.map(([code, counts]) => {
    const total = counts.reduce((a, b) => a + b, 0);
    const byHigh = high.map((h) =>
      labels.reduce((sum, l, i) => sum + (l.startsWith(`${h}:`) ? counts[i]! : 0), 0),
    );
    return ['2021', `Area ${code}`, code, total, ...byHigh, ...counts].join(',');
  });
  writeFileSync(file, [headings.map((h) => `"${h}"`).join(','), ...lines].join('\n'));
  return file;
}

describe('the Census 2021 detailed ethnic groups by local authority', () => {
  let dir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-census-detailed-'));
    store = await analyticsStore(dir);
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });
  const table = () => `read_parquet('${store.geographyPath('la_ethnicity')}')`;

  it("keeps each local authority's residents by NHS ethnic category, as ONS publishes the table", async () => {
    const summary = await importGeography(store, { ethnicity: detailedFile });
    const [fromFile] = await store.query<{ las: number; residents: number }>(
      `SELECT count(DISTINCT ltla21_code) AS las, sum(value) AS residents FROM read_csv('${detailedFile}') WHERE ethnic_group LIKE '%(number)'`,
    );
    expect(summary.censusEthnicityDetailed).toEqual({
      localAuthorities: Number(fromFile!.las),
      residents: Number(fromFile!.residents),
    });
    expect(summary.censusEthnicity).toBeNull();
    const leicester = await store.query<{ ethnic_detailed: string; ethnic_broad: string; people: number }>(
      `SELECT ethnic_detailed, ethnic_broad, people FROM ${table()} WHERE la_code = 'E06000016'`,
    );
    const total = leicester.reduce((sum, r) => sum + r.people, 0);
    const share = (group: string) =>
      Math.round((1000 * leicester.find((r) => r.ethnic_detailed === group)!.people) / total) / 10;
    // domain.md §7.4: Leicester is 34.3% Indian, 3.4% Pakistani, 5.8% African, 33.2% White British.
    expect(
      [
        'Asian or Asian British: Indian',
        'Asian or Asian British: Pakistani',
        'Black or Black British: African',
        'White: British',
      ].map(share),
    ).toEqual([34.3, 3.4, 5.8, 33.2]);
    // Gypsy or Irish Traveller, Roma and Other White (457, 839 and 25,177 in the file) are one category.
    expect(leicester.find((r) => r.ethnic_detailed === 'White: Any other White background')?.people).toBe(
      457 + 839 + 25_177,
    );
    expect(leicester).toHaveLength(16);
    expect(leicester.find((r) => r.ethnic_detailed === 'Other ethnic groups: Chinese')?.ethnic_broad).toBe(
      'Asian or Asian British',
    );
  });

  it("reads Nomis's download by local authority, and takes one by LSOA as the broad groups by LSOA", async () => {
    const counts = (k: number) => Object.keys(onsLabelToCode).map((_l, i) => (i + 1) * k);
    const byAuthority = nomisFile(path.join(dir, 'ts021-ltla.csv'), [
      ['E06000016', counts(10)],
      ['E06000017', counts(1)],
    ]);
    const summary = await importGeography(store, { ethnicity: byAuthority });
    expect(summary.censusEthnicityDetailed).toEqual({ localAuthorities: 2, residents: 190 * 11 });
    const rutland = await store.query<{ ethnic_detailed: string; people: number }>(
      `SELECT ethnic_detailed, people FROM ${table()} WHERE la_code = 'E06000017' ORDER BY ethnic_detailed`,
    );
    // The labels' order in onsLabelToCode: Gypsy or Irish Traveller, Roma and Other White are 3rd to 5th.
    expect(rutland.find((r) => r.ethnic_detailed === 'White: Any other White background')?.people).toBe(
      3 + 4 + 5,
    );

    const byLsoa = nomisFile(path.join(dir, 'ts021-lsoa.csv'), [['E01000001', counts(2)]]);
    const lsoa = await importGeography(store, { ethnicity: byLsoa });
    expect(lsoa.censusEthnicity).toEqual({ lsoas: 1, residents: 380 });
    expect(lsoa.censusEthnicityDetailed).toBeNull();
  });
});
