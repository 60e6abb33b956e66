// Benchmark of importing an extract written as trusts' systems write it, printed as JSON: the same
// synthetic rows are imported from a CSV file as Parity writes them (NHS ethnic category codes,
// ISO dates: the baseline) and from CSV files with the ethnic categories written out ("Asian or
// Asian British - Indian"), with dates written day first (01/05/2024), in words (1 May 2024), as
// a data warehouse writes them (20240501) or day first with a time of day (01/05/2024 14:37, nearly
// every one different). Each is timed in the same run; compare the ratios.
// Run: npx tsx bench/written-extract.ts [--rows 1000000]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importDataset } from '../src/analytics/datasets/import.ts';
import { ethnicCategories } from '../src/analytics/datasets/ethnicity.ts';
import { literal } from '../src/analytics/sql-text.ts';
import { analyticsStore, closeAnalyticsStore } from '../src/analytics/store.ts';
import { loadSyntheticGeography } from '../src/analytics/synthetic/demo-geography.ts';
import { syntheticLsoas } from '../src/analytics/synthetic/ics.ts';
import { writeSyntheticActivity } from '../src/analytics/synthetic/activity.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const rows = Number(values.rows);

/** Each code's Data Dictionary description as extracts write it ("White - British"). */
const describedSql = (column: string): string =>
  `CASE ${column} ${ethnicCategories
    .filter((c) => /^([A-S]|Z|99)$/.test(c.code))
    .map((c) => `WHEN ${literal(c.code)} THEN ${literal(c.detailed.replace(': ', ' - '))}`)
    .join(' ')} ELSE ${column} END`;

/** A time of day for each row, from its person and date: nearly every date and time differs. */
const withTime = 'event_date + to_minutes(CAST(hash(person_id, event_date, activity) % 1440 AS BIGINT))';

/** The rows with ethnicity written out and the date in `dateFormat` (strftime), or as they are. */
const writtenSql = (source: string, dateFormat: string | null, timed = false) =>
  `SELECT * REPLACE (${describedSql('ethnic_code')} AS ethnic_code${
    dateFormat ? `, strftime(${timed ? withTime : 'event_date'}, ${literal(dateFormat)}) AS event_date` : ''
  }) FROM read_parquet(${literal(source)})`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-bench-written-'));
const store = await analyticsStore(dir, { memoryLimit: '1500MB' });
try {
  await loadSyntheticGeography(store);
  const source = path.join(dir, 'activity.parquet');
  await writeSyntheticActivity(store, syntheticLsoas(), rows, source);
  const files: Record<string, string> = {
    coded: `SELECT * FROM read_parquet(${literal(source)})`,
    ethnicityWrittenOut: writtenSql(source, null),
    datesDayFirst: writtenSql(source, '%d/%m/%Y'),
    datesInWords: writtenSql(source, '%-d %B %Y'),
    datesAsWarehouseNumbers: writtenSql(source, '%Y%m%d'),
    datesWithTimes: writtenSql(source, '%d/%m/%Y %H:%M', true),
  };
  const ms: Record<string, number> = {};
  const stored: Record<string, number> = {};
  for (const [name, select] of Object.entries(files)) {
    const file = path.join(dir, `${name}.csv`);
    await store.run(`COPY (${select}) TO ${literal(file)} (FORMAT csv, HEADER true)`);
    const started = process.hrtime.bigint();
    const imported = await importDataset(store, {
      id: name.toLowerCase(),
      file,
      outFile: store.datasetPath(`${name.toLowerCase()}.parquet`),
    });
    ms[name] = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
    stored[name] = imported.rowsStored;
    rmSync(file);
  }
  const baseline = ms.coded!;
  console.log(
    JSON.stringify(
      {
        rows,
        importMs: ms,
        rowsStored: stored,
        ratiosToCoded: Object.fromEntries(
          Object.entries(ms).map(([name, v]) => [name, Number((v / baseline).toFixed(2))]),
        ),
      },
      null,
      2,
    ),
  );
} finally {
  await closeAnalyticsStore(dir);
  rmSync(dir, { recursive: true, force: true });
}
