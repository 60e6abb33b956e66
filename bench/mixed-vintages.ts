// Benchmark of importing an extract whose LSOA codes mix the two vintages, printed as JSON: one row
// in twenty carries an LSOA 2011 code of an area changed at the 2021 census (the rest 2021 codes of
// Leicester, Leicestershire and Rutland), imported with the ONS LSOA 2011 → 2021 lookup kept, which
// reads those codes as the file's (datasets/lsoa-other-vintage.ts), and, in the same run, without it
// (the baseline), alternating. Reads the official files in ../shared/data.
// Run: npx tsx bench/mixed-vintages.ts [--rows 2000000] [--runs 2]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importDataset } from '../src/analytics/datasets/import.ts';
import { importGeography } from '../src/analytics/geography/geo-import.ts';
import { literal } from '../src/analytics/sql-text.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../src/analytics/store.ts';
import { imd, LLR, lookup, wards } from './llr-files.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '2000000' }, runs: { type: 'string', default: '2' } },
});
const rows = Number(values.rows);

const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-bench-vintages-'));

async function writeExtract(store: AnalyticsStore, file: string): Promise<void> {
  await store.run(`COPY (
    WITH codes AS (SELECT list(lsoa21_code ORDER BY lsoa21_code) AS c FROM read_csv(${literal(imd)})),
      old AS (SELECT list(LSOA11CD ORDER BY LSOA11CD) AS o FROM read_csv(${literal(lookup)}) WHERE CHGIND <> 'U' AND ${LLR})
    SELECT 'P' || (i % 300000) AS person_id,
      CASE WHEN i % 20 = 0 THEN o[1 + (i // 20) % len(o)] ELSE c[1 + (i * 7919) % len(c)] END AS lsoa_code,
      i % 90 AS age, CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END AS sex, 'A' AS ethnic_code,
      DATE '2022-04-01' + CAST(i % 700 AS INTEGER) AS event_date, CASE WHEN i % 9 = 0 THEN 1 ELSE 0 END AS dna
    FROM range(${rows}) t(i), codes, old) TO ${literal(file)} (HEADER)`);
}

async function storeWith(withLookup: boolean): Promise<{ store: AnalyticsStore; root: string }> {
  const root = path.join(dir, withLookup ? 'with-lookup' : 'without');
  const store = await analyticsStore(root);
  await importGeography(store, { imd, lookups: [wards, ...(withLookup ? [lookup] : [])] });
  return { store, root };
}

async function timedImport(store: AnalyticsStore, file: string, id: string) {
  const started = process.hrtime.bigint();
  const result = await importDataset(store, { id, file, outFile: store.datasetPath(`${id}.parquet`) });
  const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  const problems = Object.fromEntries(result.report.problems.map((p) => [p.problem, p.rows]));
  return { ms, problems };
}

try {
  const file = path.join(dir, 'mixed.csv');
  const withLookup = await storeWith(true);
  const without = await storeWith(false);
  await writeExtract(without.store, file);
  const times = { withLookup: [] as number[], withoutLookup: [] as number[] };
  let problems = {};
  let baselineProblems = {};
  for (let run = 0; run < Number(values.runs); run++) {
    const base = await timedImport(without.store, file, `without${run}`);
    const read = await timedImport(withLookup.store, file, `with${run}`);
    times.withoutLookup.push(base.ms);
    times.withLookup.push(read.ms);
    baselineProblems = base.problems;
    problems = read.problems;
  }
  const best = (list: number[]) => Math.min(...list);
  console.log(
    JSON.stringify(
      {
        rows,
        importMs: times,
        ratioToWithoutLookup: Math.round((best(times.withLookup) / best(times.withoutLookup)) * 100) / 100,
        problemsWithLookup: problems,
        problemsWithoutLookup: baselineProblems,
      },
      null,
      2,
    ),
  );
  await closeAnalyticsStore(withLookup.root);
  await closeAnalyticsStore(without.root);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
