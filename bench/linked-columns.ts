// Benchmark of a linked PostgreSQL table that leaves the age bands and the financial year for Parity
// to work out (datasets/linked-columns.ts), printed as JSON: the did-not-attend indicator by every
// breakdown over a table of ages and dates, and over the same rows with age_band, esp_band and period
// written in, and over the ages and dates held as text (dates written day first, 01/05/2024), each
// read as Parity reads a linked table (its sex read as an import reads it), against the table with
// the bands written in read as it is (the baseline), alternating in the same run; all must give the
// same rows.
// Run: npx tsx bench/linked-columns.ts [--rows 2000000] [--runs 3] [--database postgres://postgres@127.0.0.1:5432/postgres]
import pg from 'pg';
import { readLinkedAges } from '../src/analytics/datasets/linked-ages.ts';
import { linkedRelation } from '../src/analytics/datasets/linked-columns.ts';
import { readLinkedDates } from '../src/analytics/datasets/linked-dates.ts';
import { ageBandSql, espBandSql } from '../src/analytics/datasets/standardise.ts';
import { didNotAttendPack, linkedBenchOptions, llrWarehouse } from './throwaway-database.ts';

const { rows, runs, database: server } = linkedBenchOptions();
const since = (started: bigint) => Math.round(Number(process.hrtime.bigint() - started) / 1e6);

const warehouse = await llrWarehouse(server, 'parity_bench_columns');
const { store, database } = warehouse;
const { source } = database;
try {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(
    `CREATE TABLE standard AS SELECT c[1 + (i * 7919) % cardinality(c)] AS lsoa_code, age,
       ${ageBandSql('age')} AS age_band, ${espBandSql('age')} AS esp_band,
       CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END AS sex, 'A' AS ethnic_code, event_date,
       CASE WHEN event_date < DATE '2023-04-01' THEN '2022/23' ELSE '2023/24' END AS period,
       CASE WHEN i % 9 = 0 THEN 1 ELSE 0 END AS dna
     FROM generate_series(0::bigint, ${rows - 1}) i, (SELECT $1::text[] AS c) codes,
       LATERAL (SELECT CAST(i % 90 AS integer) AS age, DATE '2022-04-01' + CAST(i % 700 AS integer) AS event_date) a`,
    [warehouse.codes],
  );
  await client.query(
    'CREATE TABLE ages_and_dates AS SELECT lsoa_code, age, sex, ethnic_code, event_date, dna FROM standard',
  );
  await client.query(
    "CREATE TABLE text_ages_and_dates AS SELECT lsoa_code, CAST(age AS text) AS age, sex, ethnic_code, to_char(event_date, 'DD/MM/YYYY') AS event_date, dna FROM standard",
  );
  for (const table of ['standard', 'ages_and_dates', 'text_ages_and_dates'])
    await client.query(`ANALYZE ${table}`);
  await client.end();

  const reference = await source.copyReference(store);
  const pack = (activity: string) => didNotAttendPack(source, activity, reference.geography);
  const workedOut = linkedRelation('ages_and_dates', await source.columns('ages_and_dates'));
  // Read as a link reads them: the form of the dates, and the ages that are not whole numbers.
  const dates = await readLinkedDates(source, 'text_ages_and_dates');
  const ages = await readLinkedAges(source, store, 'text_ages_and_dates');
  const fromText = linkedRelation('text_ages_and_dates', await source.columns('text_ages_and_dates'), {
    eventDates: dates.read ?? undefined,
    ageValues: ages.read,
  });
  const standardRead = linkedRelation('standard', await source.columns('standard'));
  const packMs = {
    workedOut: [] as number[],
    fromText: [] as number[],
    standardRead: [] as number[],
    asItIs: [] as number[],
  };
  let sameRows = true;
  const timed = async (times: number[], activity: string) => {
    const started = process.hrtime.bigint();
    const rows = JSON.stringify((await pack(activity))[0]!.rows);
    times.push(since(started));
    return rows;
  };
  for (let run = 0; run < runs; run++) {
    const asItIs = await timed(packMs.asItIs, 'standard');
    sameRows &&= (await timed(packMs.standardRead, standardRead)) === asItIs;
    sameRows &&= (await timed(packMs.workedOut, workedOut)) === asItIs;
    sameRows &&= (await timed(packMs.fromText, fromText)) === asItIs;
  }
  const ratio = (times: number[]) =>
    Math.round((Math.min(...times) / Math.min(...packMs.asItIs)) * 100) / 100;
  console.log(
    JSON.stringify(
      {
        rows,
        packMs,
        ratioToAsItIs: {
          workedOut: ratio(packMs.workedOut),
          fromText: ratio(packMs.fromText),
          standardRead: ratio(packMs.standardRead),
        },
        sameRows,
      },
      null,
      2,
    ),
  );
} finally {
  await warehouse.close();
}
