// Benchmark of a linked PostgreSQL table whose LSOA codes mix the two vintages, printed as JSON: one
// row in twenty carries an LSOA 2011 code of an area of Leicester, Leicestershire and Rutland changed
// at the 2021 census, the rest 2021 codes. The did-not-attend indicator by every breakdown is
// computed there joining the table to the geography read through the ONS LSOA 2011 → 2021 lookup
// (postgres-source.ts, copyReadAs) and, alternating in the same run, to the geography alone (the
// baseline); so is the link's count of the table. Reads the official files in ../shared/data.
// Run: npx tsx bench/linked-vintages.ts [--rows 2000000] [--runs 3] [--database postgres://postgres@127.0.0.1:5432/postgres]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { linkTable } from '../src/analytics/datasets/link.ts';
import { ageBandSql, espBandSql } from '../src/analytics/datasets/standardise.ts';
import { importGeography } from '../src/analytics/geography/geo-import.ts';
import { literal } from '../src/analytics/sql-text.ts';
import { analyticsStore, closeAnalyticsStore } from '../src/analytics/store.ts';
import { imd, LLR, lookup, wards } from './llr-files.ts';
import { didNotAttendPack, linkedBenchOptions, throwawayDatabase } from './throwaway-database.ts';

const { rows, runs, database: server } = linkedBenchOptions();
const table = 'bench_linked.activity';

const since = (started: bigint) => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [result, since(started)];
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-bench-linked-'));
const store = await analyticsStore(dir);
const database = await throwawayDatabase(server, 'parity_bench_linked');
const { source } = database;
try {
  await importGeography(store, { imd, lookups: [wards, lookup] });
  const [codes] = await store.query<{ current: string[]; old: string[] }>(
    `SELECT (SELECT list(lsoa21_code ORDER BY lsoa21_code) FROM read_csv(${literal(imd)})) AS current,
      (SELECT list(LSOA11CD ORDER BY LSOA11CD) FROM read_csv(${literal(lookup)}) WHERE CHGIND <> 'U' AND ${LLR}) AS old`,
  );
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query('CREATE SCHEMA bench_linked');
  await client.query(
    `CREATE TABLE ${table} AS SELECT 'P' || (i % 300000) AS person_id,
       CASE WHEN i % 20 = 0 THEN o[1 + (i / 20) % cardinality(o)] ELSE c[1 + (i * 7919) % cardinality(c)] END AS lsoa_code,
       age, ${ageBandSql('age')} AS age_band, ${espBandSql('age')} AS esp_band,
       CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END AS sex, 'A' AS ethnic_code,
       CASE WHEN i % 3 = 0 THEN '2022-23' ELSE '2023-24' END AS period, CASE WHEN i % 9 = 0 THEN 1 ELSE 0 END AS dna
     FROM generate_series(0::bigint, ${rows - 1}) i, (SELECT $1::text[] AS c, $2::text[] AS o) codes,
       LATERAL (SELECT CAST(i % 90 AS integer) AS age) a`,
    [codes!.current, codes!.old],
  );
  await client.query(`ANALYZE ${table}`);
  await client.end();

  const reference = await source.copyReference(store);
  const readAs = reference.lookup!.readAs['2021'];
  const pack = (geography: string) => didNotAttendPack(source, table, geography);
  const notKnown = (results: Awaited<ReturnType<typeof pack>>) =>
    results[0]!.rows.find((r) => r.dimension === 'imd_decile' && r.group === 'Not known')?.denominator;
  const times = { pack: { withLookup: [] as number[], asItIs: [] as number[] } };
  const linkMs = { withLookup: [] as number[], asItIs: [] as number[] };
  let notKnownRows = {};
  let linkWarnings: string[] = [];
  for (let run = 0; run < runs; run++) {
    const [plain, plainMs] = await timed(() => pack(reference.geography));
    const [read, readMs] = await timed(() => pack(reference.lookup!.geography));
    times.pack.asItIs.push(plainMs);
    times.pack.withLookup.push(readMs);
    notKnownRows = { withLookup: notKnown(read), asItIs: notKnown(plain) };
    const [, plainLinkMs] = await timed(() =>
      linkTable(source, store, table, reference.geography, '2021', null),
    );
    const [linked, readLinkMs] = await timed(() =>
      linkTable(source, store, table, reference.geography, '2021', {
        ...reference.lookup!,
        readAs,
        file: path.basename(lookup),
      }),
    );
    linkMs.asItIs.push(plainLinkMs);
    linkMs.withLookup.push(readLinkMs);
    linkWarnings = linked.report.warnings;
  }
  const ratio = (t: { withLookup: number[]; asItIs: number[] }) =>
    Math.round((Math.min(...t.withLookup) / Math.min(...t.asItIs)) * 100) / 100;
  console.log(
    JSON.stringify(
      {
        rows,
        packMs: times.pack,
        packRatioToAsItIs: ratio(times.pack),
        linkMs,
        linkRatioToAsItIs: ratio(linkMs),
        notKnownDeprivationRows: notKnownRows,
        linkWarnings,
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
