import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGeography } from '../geography/geo-import.ts';
import { literal } from '../sql-text.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { importDataset } from './import.ts';

const shared = path.resolve(import.meta.dirname, '../../../../shared/data');
const crosswalk = path.join(shared, 'lookup_lsoa11_lsoa21_lad22_ew.csv.gz');
const LLR = `LAD22CD IN ('E06000016', 'E06000017') OR LAD22CD LIKE 'E0700013%'`;

describe('LSOA codes of both vintages in one file', () => {
  let dir: string;
  let store: AnalyticsStore;
  /** Leicester, Leicestershire and Rutland's areas by how they changed, read from the lookup itself. */
  let merged: { lsoa11: string; lsoa21: string }[];
  let split: { lsoa11: string; parts: string[] }[];
  let unchanged: string[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-mixed-vintages-'));
    store = await analyticsStore(dir);
    const lookup = `read_csv(${literal(crosswalk)}, all_varchar = true)`;
    merged = await store.query(
      `SELECT LSOA11CD AS lsoa11, LSOA21CD AS lsoa21 FROM ${lookup} WHERE CHGIND = 'M' AND (${LLR}) ORDER BY 1`,
    );
    split = await store.query(
      `SELECT LSOA11CD AS lsoa11, list(LSOA21CD ORDER BY LSOA21CD) AS parts FROM ${lookup} WHERE CHGIND = 'S' AND (${LLR}) GROUP BY 1 ORDER BY 1 LIMIT 2`,
    );
    unchanged = (
      await store.query<{ code: string }>(
        `SELECT LSOA11CD AS code FROM ${lookup} WHERE CHGIND = 'U' AND (${LLR}) ORDER BY 1 LIMIT 3`,
      )
    ).map((r) => r.code);
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const importRows = (id: string, codes: string[], mapping?: unknown) => {
    const file = path.join(dir, `${id}.csv`);
    const rows = codes.map((code, i) => `P${i},${code},40,F,A,2023-05-01,1`);
    writeFileSync(file, ['person_id,LSOA code,age,sex,ethnic_code,event_date,dna', ...rows].join('\n'));
    return importDataset(store, { id, file, outFile: store.datasetPath(`${id}.parquet`), mapping });
  };
  const storedCodes = async (id: string) =>
    (
      await store.query<{ person_id: string; lsoa_code: string }>(
        `SELECT person_id, lsoa_code FROM read_parquet(${literal(store.datasetPath(`${id}.parquet`))})`,
      )
    ).reduce<Record<string, string>>((all, r) => ({ ...all, [r.person_id]: r.lsoa_code }), {});

  it('keeps the lookup, imported on its own, beside the geography, and counts what it holds', async () => {
    await importGeography(store, {
      imd: path.join(shared, 'iod2025_imd_lsoa21_llr.csv'),
      lookups: [path.join(shared, 'lookup_lsoa21_ward24_lad24_llr.csv')],
    });
    const geography = () =>
      store.query(
        `SELECT * FROM read_parquet(${literal(store.geographyPath('lsoa_geography'))}) ORDER BY lsoa_code`,
      );
    const before = await geography();
    const summary = await importGeography(store, { lookups: [crosswalk] });
    expect(await geography()).toEqual(before);
    const [counted] = await store.query<{ pairs: string; lsoas2011: string; lsoas2021: string }>(
      `SELECT count(*) AS pairs, count(DISTINCT LSOA11CD) AS lsoas2011, count(DISTINCT LSOA21CD) AS lsoas2021 FROM read_csv(${literal(crosswalk)}, all_varchar = true)`,
    );
    expect(summary.lsoaLookup).toEqual({
      pairs: Number(counted!.pairs),
      lsoas2011: Number(counted!.lsoas2011),
      lsoas2021: Number(counted!.lsoas2021),
    });
  });

  it('reads a merged 2011 code as the 2021 area it became, and reports a split one', async () => {
    expect(merged.length).toBeGreaterThan(0);
    expect(split.length).toBe(2);
    // Mostly 2021 codes (the newer records, some in split areas' parts), then older records coded 2011.
    const codes = [
      ...unchanged,
      ...split.flatMap((s) => s.parts),
      ...merged.map((m) => m.lsoa11.toLowerCase()),
      split[0]!.lsoa11,
      split[1]!.lsoa11,
      split[1]!.lsoa11,
    ];
    const result = await importRows('mixed', codes);
    expect(result.mapping.lsoaVintage).toBe('2021');
    const stored = await storedCodes('mixed');
    const first = unchanged.length + split.flatMap((s) => s.parts).length;
    merged.forEach((m, i) => expect(stored[`P${first + i}`]).toBe(m.lsoa21));
    expect(stored.P0).toBe(unchanged[0]);
    // The split areas' rows keep their codes, and are named at their rows (the headings are row 1).
    const splitRows = [first + merged.length, first + merged.length + 1, first + merged.length + 2];
    expect(stored[`P${splitRows[0]}`]).toBe(split[0]!.lsoa11);
    expect(result.report.problems).toEqual([
      {
        column: 'LSOA code',
        problem:
          'an LSOA 2011 code of an area split at the 2021 census: which LSOA 2021 the row is in cannot be told from it',
        rows: 3,
        firstRow: splitRows[0]! + 2,
      },
    ]);
    expect(result.report.examples.map((e) => [e.row, e.value])).toEqual(
      splitRows.map((r, i) => [r + 2, i === 0 ? split[0]!.lsoa11 : split[1]!.lsoa11]),
    );
    const warnings = result.report.warnings.join('\n');
    expect(warnings).toContain(
      `${merged.length} rows had LSOA 2011 codes of areas changed at the 2021 census (${merged.length} different codes), in a file read as LSOA 2021 codes: each was read as the LSOA 2021 area it became, through the ONS LSOA 2011 → 2021 lookup imported with the reference geography (lookup_lsoa11_lsoa21_lad22_ew.csv.gz).`,
    );
    expect(warnings).toContain(
      '3 rows have LSOA 2011 codes of areas split into several LSOA 2021 areas at the 2021 census (2 different codes)',
    );
  });

  it('reads the parts of a split area as the 2011 area they were, in a file of 2011 codes', async () => {
    await importGeography(store, { imd: path.join(shared, 'iod2019_imd_lsoa11_llr.csv') });
    const parts = split[0]!.parts;
    const codes = [...unchanged, split[1]!.lsoa11, ...parts, merged[0]!.lsoa21];
    const result = await importRows('older', codes, { lsoaVintage: '2011' });
    const stored = await storedCodes('older');
    parts.forEach((_p, i) => expect(stored[`P${unchanged.length + 1 + i}`]).toBe(split[0]!.lsoa11));
    const mergedRow = unchanged.length + 1 + parts.length;
    expect(stored[`P${mergedRow}`]).toBe(merged[0]!.lsoa21);
    expect(result.report.problems).toEqual([
      {
        column: 'LSOA code',
        problem:
          'an LSOA 2021 code of an area made of several LSOA 2011 areas: which one the row is in cannot be told from it',
        rows: 1,
        firstRow: mergedRow + 2,
      },
    ]);
    expect(result.report.warnings.join('\n')).toContain(
      `${parts.length} rows had LSOA 2021 codes of areas changed at the 2021 census (${parts.length} different codes), in a file read as LSOA 2011 codes: each was read as the LSOA 2011 area it was part of`,
    );
  });

  it('leaves a file of one vintage as it was', async () => {
    const result = await importRows('recent', [...unchanged, ...split[0]!.parts]);
    expect(result.report.problems).toEqual([]);
    expect(result.report.warnings.join('\n')).not.toContain('changed at the 2021 census');
  });
});
