import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { syntheticLsoas } from './ics.ts';
import { writeSyntheticActivity } from './activity.ts';

describe('synthetic activity', () => {
  let dir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-synthetic-'));
    store = await analyticsStore(dir, { threads: 2 });
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });
  const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  it('writes the same file for the same rows and seed, and another for another seed', async () => {
    const lsoas = syntheticLsoas();
    const files = ['a', 'b', 'c'].map((n) => path.join(dir, `${n}.parquet`));
    await writeSyntheticActivity(store, lsoas, 300_000, files[0]!);
    await writeSyntheticActivity(store, lsoas, 300_000, files[1]!);
    await writeSyntheticActivity(store, lsoas, 300_000, files[2]!, 2);
    expect(digest(files[1]!)).toBe(digest(files[0]!));
    expect(digest(files[2]!)).not.toBe(digest(files[0]!));
  });

  it('puts more outpatient appointments not attended in the more deprived LSOAs', async () => {
    const file = path.join(dir, 'a.parquet');
    const lsoas = syntheticLsoas();
    const values = lsoas.map((l) => `('${l.lsoa_code}', ${l.imd_decile})`).join(', ');
    const rows = await store.query<{ decile: number; rate: number; n: string }>(
      `SELECT d.decile, avg(a.dna) AS rate, count(*) AS n FROM read_parquet('${file}') a JOIN (VALUES ${values}) d(lsoa_code, decile) USING (lsoa_code) WHERE a.dna IS NOT NULL AND d.decile IN (1, 10) GROUP BY d.decile ORDER BY d.decile`,
    );
    expect(rows.map((r) => r.decile)).toEqual([1, 10]);
    expect(rows[0]!.rate).toBeGreaterThan(rows[1]!.rate);
  });
});
