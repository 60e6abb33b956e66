// Benchmark of the analytics pipeline, printed as JSON: generate synthetic activity, import it,
// compute the full indicator pack, and, in the same run, the time DuckDB takes merely to scan the
// same columns of the same Parquet file (the floor). Compare ratios, not seconds.
// CPU time (user + system, all threads) is printed beside each wall time, since a loaded machine
// stretches the wall times of every stage alike.
// Run: npx tsx bench/analytics.ts [--rows 10000000] [--threads <cores>]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyticsStore, closeAnalyticsStore } from '../src/analytics/store.ts';
import { literal } from '../src/analytics/sql-text.ts';
import { loadSyntheticGeography } from '../src/analytics/synthetic/demo-geography.ts';
import { syntheticLsoas } from '../src/analytics/synthetic/ics.ts';
import { writeSyntheticActivity } from '../src/analytics/synthetic/activity.ts';
import { importDataset } from '../src/analytics/datasets/import.ts';
import { builtInIndicators } from '../src/analytics/indicators/catalogue.ts';
import {
  applicableIndicators,
  computePack,
  fieldsOfDataset,
  standardFields,
} from '../src/analytics/indicators/compute.ts';
import { core20PairDimensions, dimensionsFor } from '../src/analytics/indicators/dimensions.ts';
import { fieldsUsed } from '../src/analytics/indicators/schema.ts';
import { residentArea } from '../src/analytics/geography/geography-store.ts';
import { geographyTables } from '../src/analytics/geography/model.ts';
import { areaResidentsSql } from '../src/analytics/queries/deprivation-representation.ts';
import {
  censusResidentsSql,
  core20EthnicResidentsSql,
} from '../src/analytics/queries/ethnic-representation.ts';
import { peopleReachedSql } from '../src/analytics/queries/people-reached.ts';
import { recordingQualitySql } from '../src/analytics/queries/recording-quality.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    threads: { type: 'string', default: String(os.availableParallelism()) },
  },
});
const rows = Number(values.rows);
const threads = Number(values.threads);

/** Peak resident memory of this process (DuckDB runs inside it), from the kernel. */
function peakMemoryMb(): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

const cpu: Record<string, number> = {};
const peakAfter: Record<string, number> = {};

/** Runs `work`, returning its result and wall milliseconds; its CPU milliseconds go to cpu[label]. */
async function timed<T>(label: string, work: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const usage = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(usage);
  cpu[label] = Math.round((used.user + used.system) / 1000);
  peakAfter[label] = peakMemoryMb();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-bench-'));
const store = await analyticsStore(dir, { threads, memoryLimit: '1500MB' });
try {
  await loadSyntheticGeography(store);
  const source = path.join(dir, 'activity.parquet');
  const dataset = store.datasetPath('bench.parquet');
  const [, generateMs] = await timed('generate', () =>
    writeSyntheticActivity(store, syntheticLsoas(), rows, source),
  );
  const [imported, importMs] = await timed('import', () =>
    importDataset(store, { id: 'bench', file: source, outFile: dataset }),
  );
  const indicators = applicableIndicators(builtInIndicators(), fieldsOfDataset(imported.fields), true);
  const dimensions = dimensionsFor(imported.fields.flags);
  const relations = {
    activity: `read_parquet(${literal(dataset)})`,
    geography: `read_parquet(${literal(store.geographyPath('lsoa_geography'))})`,
    population: `read_parquet(${literal(store.geographyPath('lsoa_population'))})`,
  };
  // Each statement of the pack is timed and named by the template it came from; the statistics in
  // JavaScript run while the median statements do, so "notInStatements" is the JavaScript work
  // that did not overlap them.
  const statementMs: Record<string, number> = {};
  const timedQuery = async (sql: string) => {
    const kind = sql.startsWith('-- One median indicator')
      ? 'medianQueries'
      : sql.startsWith('-- Population')
        ? 'populationQueries'
        : 'strataQuery';
    const started = process.hrtime.bigint();
    const rows = await store.query(sql);
    statementMs[kind] = (statementMs[kind] ?? 0) + Number(process.hrtime.bigint() - started) / 1e6;
    return rows;
  };
  // As the application computes it: rates count the people living in the places.
  const area = await residentArea(store, '2021');
  const run = () =>
    computePack({
      run: timedQuery,
      relations,
      vintage: '2021',
      indicators,
      dimensions,
      hasPopulation: true,
      residentArea: area,
      ethnicity: `read_parquet(${literal(store.geographyPath(geographyTables.ethnicity))})`,
    });
  const [results, computeMs] = await timed('computePack', run);
  // The same pack with the breakdowns given only when asked for that set the Core20 beside the rest
  // within each ethnic group (a fine stratum keyed by LSOA and ethnic code together) and each place:
  // what asking for them costs.
  const [, withCore20PairsMs] = await timed('computePackWithCore20Pairs', () =>
    computePack({
      run: (sql) => store.query(sql),
      relations,
      vintage: '2021',
      indicators,
      dimensions: [...dimensions, ...core20PairDimensions],
      hasPopulation: true,
      residentArea: area,
      ethnicity: `read_parquet(${literal(store.geographyPath(geographyTables.ethnicity))})`,
    }),
  );
  const columns = [
    ...new Set([
      ...indicators.flatMap(fieldsUsed),
      ...standardFields.filter((f) => f !== 'person_id' && f !== 'event_date'),
      ...imported.fields.flags,
    ]),
  ];
  const [, floorMs] = await timed('floorScan', () =>
    store.query(
      `SELECT ${columns.map((c) => `count("${c}")`).join(', ')} FROM read_parquet(${literal(dataset)})`,
    ),
  );
  // What a dataset's pages count beside the pack: its reach page's people (one scan, by quintile,
  // place, broad and detailed ethnic group, and place and broad group in the Core20) and the residents it sets them beside (reference
  // tables only), and its recording quality (one scan).
  const parquet = (table: string) => `read_parquet(${literal(store.geographyPath(table))})`;
  const [latest] = await store.query(`SELECT max(mid_year) AS y FROM ${relations.population}`);
  const midYear = Number(latest?.y);
  const datasetPageSql: Record<string, string> = {
    peopleReached: peopleReachedSql(relations, '2021'),
    residentsByQuintile: areaResidentsSql(relations, '2021', midYear),
    residentsByPlace: areaResidentsSql(relations, '2021', midYear, 'place'),
    residentsByPlaceInTheCore20: areaResidentsSql(relations, '2021', midYear, 'core20Place'),
    residentsByEthnicGroup: censusResidentsSql(relations, { byLsoa: parquet(geographyTables.ethnicity) }),
    residentsByEthnicGroupInTheCore20: core20EthnicResidentsSql(
      relations,
      parquet(geographyTables.ethnicity),
    ),
    residentsByDetailedEthnicGroup: censusResidentsSql(
      relations,
      { byLocalAuthority: parquet(geographyTables.ethnicityDetailed) },
      'detailed',
    ),
    recordingQuality: recordingQualitySql(relations, '2021'),
  };
  const datasetPageMs: Record<string, number> = {};
  for (const [name, sql] of Object.entries(datasetPageSql))
    datasetPageMs[name] = (await timed(name, () => store.query(sql)))[1];
  const round = (v: number) => Math.round(v);
  const ratio = (v: number) => Number((v / floorMs).toFixed(2));
  console.log(
    JSON.stringify(
      {
        rows,
        threads,
        indicators: results.length,
        breakdowns: dimensions.length,
        scannedColumns: columns.length,
        ms: {
          generate: round(generateMs),
          import: round(importMs),
          computePack: round(computeMs),
          computePackWithCore20Pairs: round(withCore20PairsMs),
          floorScan: round(floorMs),
        },
        computePackParts: {
          ...Object.fromEntries(Object.entries(statementMs).map(([k, v]) => [k, round(v)])),
          notInStatements: round(computeMs - Object.values(statementMs).reduce((a, b) => a + b, 0)),
        },
        datasetPageMs: Object.fromEntries(Object.entries(datasetPageMs).map(([k, v]) => [k, round(v)])),
        cpuMs: cpu,
        ratiosToFloor: {
          generate: ratio(generateMs),
          import: ratio(importMs),
          computePack: ratio(computeMs),
          computePackWithCore20Pairs: ratio(withCore20PairsMs),
          importAndCompute: ratio(importMs + computeMs),
          endToEnd: ratio(generateMs + importMs + computeMs),
          reachPage: ratio(
            Object.entries(datasetPageMs)
              .filter(([name]) => name !== 'recordingQuality')
              .reduce((sum, [, ms]) => sum + ms, 0),
          ),
        },
        goals: {
          packWithin3xFloor: computeMs <= 3 * floorMs,
          computeUnder10s: computeMs < 10_000,
          importAndComputeUnder10s: importMs + computeMs < 10_000,
          endToEndUnder10s: generateMs + importMs + computeMs < 10_000,
          peakUnder2GB: peakMemoryMb() < 2048,
        },
        peakMemoryMb: peakMemoryMb(),
        peakMemoryMbAfter: peakAfter,
      },
      null,
      2,
    ),
  );
} finally {
  await closeAnalyticsStore(dir);
  rmSync(dir, { recursive: true, force: true });
}
