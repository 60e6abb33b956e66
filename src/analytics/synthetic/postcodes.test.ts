import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { FULL_POSTCODE } from '../datasets/identifying-values.ts';
import { postcodeKey, postcodeLookupFile, summarisePostcodes } from '../geography/postcodes.ts';
import { literal } from '../sql-text.ts';
import { syntheticLsoas } from './ics.ts';
import { demoPostcodeSource, loadSyntheticPostcodes, syntheticPostcodes } from './postcodes.ts';

describe('the postcodes of the fictional ICS', () => {
  let dir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-synthetic-postcodes-'));
    store = await analyticsStore(dir, { threads: 2 });
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('are full postcodes in areas starting with X, each in one LSOA, several to every LSOA', () => {
    const lsoas = syntheticLsoas();
    const postcodes = syntheticPostcodes(lsoas);
    const full = new RegExp(`^${FULL_POSTCODE}$`);
    expect(postcodes.filter((p) => !full.test(postcodeKey(p.postcode)))).toEqual([]);
    expect(postcodes.filter((p) => !/^X[A-Z]\d{1,2} \d[A-Z]{2}$/.test(p.postcode))).toEqual([]);
    expect(new Set(postcodes.map((p) => p.postcode)).size).toBe(postcodes.length);
    const perLsoa = new Map<string, number>();
    for (const p of postcodes) perLsoa.set(p.lsoa_code, (perLsoa.get(p.lsoa_code) ?? 0) + 1);
    expect([...perLsoa.keys()].sort()).toEqual(lsoas.map((l) => l.lsoa_code).sort());
    expect(Math.min(...perLsoa.values())).toBeGreaterThanOrEqual(5);
    // One postcode area to each local authority.
    const areaOf = new Map(lsoas.map((l) => [l.lsoa_code, l.la_code]));
    const areas = new Map<string, Set<string>>();
    for (const p of postcodes) {
      const la = areaOf.get(p.lsoa_code)!;
      areas.set(la, (areas.get(la) ?? new Set()).add(p.postcode.slice(0, 2)));
    }
    expect([...areas.values()].filter((a) => a.size !== 1)).toEqual([]);
    expect(new Set([...areas.values()].flatMap((a) => [...a])).size).toBe(areas.size);
  });

  it('become the postcode lookup, read as a directory file is', async () => {
    const lsoas = syntheticLsoas();
    const counts = await loadSyntheticPostcodes(store, lsoas);
    const expected = syntheticPostcodes(lsoas);
    expect(counts).toEqual({ postcodes: expected.length, withLsoa2011: 0, withLsoa2021: expected.length });
    expect(await summarisePostcodes(store)).toMatchObject({ file: demoPostcodeSource });
    const rows = await store.query<{ postcode: string; lsoa_2021: string }>(
      `SELECT postcode, lsoa_2021 FROM read_parquet(${literal(postcodeLookupFile(store))})`,
    );
    const looked = new Map(rows.map((r) => [r.postcode, r.lsoa_2021]));
    expect(expected.filter((p) => looked.get(postcodeKey(p.postcode)) !== p.lsoa_code)).toEqual([]);
  });
});
