// Benchmark of copying the reference geography and populations into PostgreSQL for linked tables
// (src/analytics/postgres-source.ts), printed as JSON: a national-sized copy against the floor,
// PostgreSQL inserting the same number of rows of the same shape that it generates itself.
// Run: npx tsx bench/reference-copy.ts [--lsoas 35000] [--database postgres://postgres@127.0.0.1:5432/postgres]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyticsStore, closeAnalyticsStore } from '../src/analytics/store.ts';
import { throwawayDatabase } from './throwaway-database.ts';

const { values } = parseArgs({
  options: {
    lsoas: { type: 'string', default: '35000' },
    database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const lsoas = Number(values.lsoas);
const ages = 91;

const peakMemoryMb = (): number => {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
};
const since = (started: bigint) => Math.round(Number(process.hrtime.bigint() - started) / 1e6);

const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-bench-copy-'));
const store = await analyticsStore(dir, { threads: 2 });
const database = await throwawayDatabase(values.database, 'parity_bench_copy');
const { source } = database;
try {
  const code = (i: string) => `'E0' || lpad(CAST(${i} AS VARCHAR), 7, '0')`;
  await store.run(
    `COPY (SELECT ${code('i')} AS lsoa_code, '2021' AS vintage, 'LSOA ' || i AS lsoa_name,
        'E05' || (i // 6) AS ward_code, 'Ward ' || (i // 6) AS ward_name, 'E06' || (i // 200) AS la_code,
        'Authority ' || (i // 200) AS la_name, 'Place ' || (i // 2000) AS place, '2025' AS imd_version,
        i + 1 AS imd_rank, i * 10 // ${lsoas} + 1 AS imd_decile, i * 5 // ${lsoas} + 1 AS imd_quintile,
        CASE WHEN i * 10 // ${lsoas} < 2 THEN 1 ELSE 0 END AS core20
      FROM range(${lsoas}) t(i)) TO '${store.geographyPath('lsoa_geography')}' (FORMAT parquet)`,
  );
  await store.run(
    `COPY (SELECT ${code('i')} AS lsoa_code, '2021' AS vintage, 'P' AS sex, CAST(a AS INTEGER) AS age,
        CAST((i + a) % 40 + 1 AS DOUBLE) AS population
      FROM range(${lsoas}) t(i), range(${ages}) s(a)) TO '${store.geographyPath('lsoa_population')}' (FORMAT parquet)`,
  );
  const copyStarted = process.hrtime.bigint();
  await source.copyReference(store);
  const copyMs = since(copyStarted);

  const floorStarted = process.hrtime.bigint();
  await source.run(
    `CREATE TABLE floor_population AS SELECT 'E0' || lpad(CAST(i / ${ages} AS text), 7, '0') AS lsoa_code,
        '2021'::text AS vintage, 'P'::text AS sex, i % ${ages} AS age, CAST(i % 40 + 1 AS double precision) AS population
      FROM generate_series(0, ${lsoas * ages - 1}) i`,
  );
  const floorMs = since(floorStarted);
  console.log(
    JSON.stringify(
      {
        lsoas,
        populationRows: lsoas * ages,
        ms: { copyReference: copyMs, floorInsert: floorMs },
        ratioToFloor: Number((copyMs / floorMs).toFixed(2)),
        peakMemoryMb: peakMemoryMb(),
      },
      null,
      2,
    ),
  );
} finally {
  await database.drop();
  await closeAnalyticsStore(dir);
  rmSync(dir, { recursive: true, force: true });
}
