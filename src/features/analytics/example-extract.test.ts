import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../../analytics/store.ts';
import { writeLsoaRows } from '../../analytics/geography/geography-store.ts';
import { loadSyntheticGeography } from '../../analytics/synthetic/demo-geography.ts';
import { syntheticLsoas } from '../../analytics/synthetic/ics.ts';
import { loadSyntheticPostcodes, syntheticPostcodes } from '../../analytics/synthetic/postcodes.ts';
import { EXAMPLE_ROWS, exampleExtract, hasExampleExtract } from './example-extract.ts';

describe('the example extract of the demo', () => {
  let dir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-example-'));
    store = await analyticsStore(dir, { threads: 2 });
    await loadSyntheticGeography(store);
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is offered only while both the postcodes and the areas are the demo’s', async () => {
    // The demo's areas without its postcodes: the example's postcodes would not be found.
    expect(await hasExampleExtract(store)).toBe(false);
    expect(await exampleExtract(store)).toBeNull();

    await loadSyntheticPostcodes(store, syntheticLsoas());
    expect(await hasExampleExtract(store)).toBe(true);
    const csv = (await exampleExtract(store))!;
    const [header, ...rows] = csv.trimEnd().split('\n');
    expect(header).toMatch(/^person_id,postcode,age,sex,ethnic_code,event_date,/);
    expect(rows).toHaveLength(EXAMPLE_ROWS);
    const demoPostcodes = new Set(syntheticPostcodes(syntheticLsoas()).map((p) => p.postcode));
    expect(rows.filter((r) => !demoPostcodes.has(r.split(',')[1]!))).toEqual([]);

    // Real deprivation files imported since the demo: its postcodes are left, its areas are not.
    const real = syntheticLsoas().map((l) => ({ ...l, imd_version: 'IoD2025' }));
    await writeLsoaRows(store, real, '2021');
    expect(await hasExampleExtract(store)).toBe(false);
    expect(await exampleExtract(store)).toBeNull();
  });
});
