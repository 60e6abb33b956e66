import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../test/test-db.ts';
import { openPostgresSource, type PostgresSource } from './postgres-source.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from './store.ts';

// Names that a hand-rolled array or CSV encoding would get wrong: separators, quotes, braces,
// backslashes, the word NULL, and a real NULL.
const awkwardWards = [
  'Abbey, North',
  'St "Mary\'s"',
  '{Braces}',
  'Back\\slash',
  'NULL',
  null,
  'Ysgol Gymraeg',
];

describe.runIf(dialectsUnderTest().includes('postgres'))('reference geography copied to PostgreSQL', () => {
  let dir: string;
  let store: AnalyticsStore;
  let warehouse: TestDatabase;
  let source: PostgresSource;
  const lsoas = 1_500;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-reference-copy-'));
    store = await analyticsStore(dir);
    const wards = `[${awkwardWards.map((w) => (w === null ? 'NULL' : `'${w.replace(/'/g, "''")}'`)).join(', ')}]`;
    await store.run(
      `COPY (SELECT 'E0' || lpad(CAST(i AS VARCHAR), 7, '0') AS lsoa_code, '2021' AS vintage,
          ${wards}[1 + i % ${awkwardWards.length}] AS ward_name, i % 10 + 1 AS imd_decile
        FROM range(${lsoas}) t(i)) TO '${store.geographyPath('lsoa_geography')}' (FORMAT parquet)`,
    );
    // 91 ages × 1,500 LSOAs: several pages of the copy, the last one partly filled.
    await store.run(
      `COPY (SELECT 'E0' || lpad(CAST(i AS VARCHAR), 7, '0') AS lsoa_code, '2021' AS vintage, 'P' AS sex,
          CAST(a AS INTEGER) AS age, CAST((i * 7 + a) % 97 AS DOUBLE) + 0.5 AS population
        FROM range(${lsoas}) t(i), range(91) s(a)) TO '${store.geographyPath('lsoa_population')}' (FORMAT parquet)`,
    );
    warehouse = await createTestDatabase('postgres', { migrate: false });
    source = openPostgresSource(warehouse.url);
  }, 60_000);
  afterAll(async () => {
    await source.close();
    await warehouse.drop();
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every row and value unchanged, awkward names and NULLs included', async () => {
    const copied = await source.copyReference(store);
    expect(copied.population).not.toBeNull();
    const wards = await source.run(
      `SELECT ward_name, count(*) AS n FROM ${copied.geography} GROUP BY ward_name`,
    );
    const expected = await store.query(
      `SELECT ward_name, count(*) AS n FROM read_parquet('${store.geographyPath('lsoa_geography')}') GROUP BY ward_name`,
    );
    const counts = (rows: Record<string, unknown>[]) =>
      rows.map((w) => JSON.stringify([w.ward_name, Number(w.n)])).sort();
    expect(counts(wards)).toEqual(counts(expected));
    expect(new Set(wards.map((w) => w.ward_name))).toEqual(new Set(awkwardWards));

    const summary = (rows: Record<string, unknown>[]) =>
      rows.map((r) => [Number(r.n), Number(r.lsoas), Number(r.total), Number(r.weighted)]);
    const populationSql = (relation: string) =>
      `SELECT count(*) AS n, count(DISTINCT lsoa_code) AS lsoas, sum(population) AS total,
          sum(population * age) AS weighted FROM ${relation}`;
    expect(summary(await source.run(populationSql(copied.population!)))).toEqual(
      summary(await store.query(populationSql(`read_parquet('${store.geographyPath('lsoa_population')}')`))),
    );
    expect(Number((await source.run(populationSql(copied.population!)))[0]?.n)).toBe(lsoas * 91);
  });

  it('survives the server closing its idle connections, and carries on with new ones', async () => {
    // Two queries at once leave two idle connections in the pool.
    await Promise.all([source.run('SELECT pg_sleep(0.05)'), source.run('SELECT pg_sleep(0.05)')]);
    const admin = openPostgresSource(warehouse.url);
    const [killed] = await admin.run(
      `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    await admin.close();
    expect(Number(killed?.n)).toBeGreaterThanOrEqual(2);
    // Whether the pool has heard of it yet (an error event, which without a handler would end the
    // process) or not (the query goes down a closed connection and is sent again), it carries on.
    expect(await source.run('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(await source.run('SELECT 2 AS two')).toEqual([{ two: 2 }]);
    // New connections too have Parity's settings for aggregate queries, as every one does.
    const settings =
      "SELECT current_setting('jit') AS jit, current_setting('hash_mem_multiplier') AS hash_mem";
    expect(await Promise.all([source.run(settings), source.run(settings)])).toEqual([
      [{ jit: 'off', hash_mem: '16' }],
      [{ jit: 'off', hash_mem: '16' }],
    ]);
  });
});
