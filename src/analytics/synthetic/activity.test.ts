import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { syntheticLsoas } from './ics.ts';
import { writeSyntheticActivity } from './activity.ts';
import { syntheticPostcodes } from './postcodes.ts';
import { literal } from '../sql-text.ts';

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
    await writeSyntheticActivity(store, lsoas, 300_000, files[2]!, { seed: 2 });
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

  it('writes, when asked, one of the LSOA postcodes of each person instead of the LSOA code, as CSV', async () => {
    const lsoas = syntheticLsoas();
    const postcodes = syntheticPostcodes(lsoas);
    const [withLsoa, withPostcode] = [path.join(dir, 'd.parquet'), path.join(dir, 'd.csv')];
    await writeSyntheticActivity(store, lsoas, 20_000, withLsoa, { seed: 3 });
    await writeSyntheticActivity(store, lsoas, 20_000, withPostcode, { seed: 3, postcodes });
    const header = readFileSync(withPostcode, 'utf8').split('\n')[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['person_id', 'postcode', 'age']);
    expect(header).not.toContain('lsoa_code');
    const lookup = postcodes.map((p) => `(${literal(p.postcode)}, ${literal(p.lsoa_code)})`).join(', ');
    // Each person's postcode is in the LSOA the same seed gives them without postcodes.
    const [check] = await store.query<{ rows: string; people: string; matched: string; moving: string }>(
      `WITH a AS (SELECT DISTINCT person_id, lsoa_code FROM read_parquet(${literal(withLsoa)})),
            b AS (SELECT person_id, min(postcode) AS postcode, count(DISTINCT postcode) AS postcodes, count(*) AS rows
                  FROM read_csv(${literal(withPostcode)}, all_varchar = true) GROUP BY person_id)
       SELECT sum(b.rows) AS rows, count(*) AS people, count(*) FILTER (WHERE p.lsoa = a.lsoa_code) AS matched,
         count(*) FILTER (WHERE b.postcodes > 1) AS moving
       FROM b JOIN a USING (person_id) LEFT JOIN (VALUES ${lookup}) p(postcode, lsoa) ON p.postcode = b.postcode`,
    );
    expect(Number(check!.rows)).toBe(20_000);
    expect(Number(check!.matched)).toBe(Number(check!.people));
    expect(Number(check!.moving)).toBe(0);
  });
});
