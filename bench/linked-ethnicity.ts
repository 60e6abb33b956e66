// Benchmark of a linked PostgreSQL table that holds ethnic groups as descriptions ("Indian",
// "White British") rather than codes (datasets/linked-ethnicity.ts), printed as JSON: the
// did-not-attend indicator by every breakdown over a table of codes (the baseline), and over the same
// rows with descriptions read through the values found when it is linked, alternating in the same
// run; both must give the same rows. Also the time of the link itself, which reads the values.
// Run: npx tsx bench/linked-ethnicity.ts [--rows 2000000] [--runs 3] [--database postgres://postgres@127.0.0.1:5432/postgres]
import pg from 'pg';
import { linkTable } from '../src/analytics/datasets/link.ts';
import { linkedRelation } from '../src/analytics/datasets/linked-columns.ts';
import { literal } from '../src/analytics/sql-text.ts';
import { didNotAttendPack, linkedBenchOptions, llrWarehouse } from './throwaway-database.ts';

const { rows, runs, database: server } = linkedBenchOptions();
const since = (started: bigint) => Math.round(Number(process.hrtime.bigint() - started) / 1e6);

/** Codes and the descriptions the table holds instead (the Data Dictionary's words, or shorter). */
const described: [code: string, description: string][] = [
  ['A', 'White British'],
  ['B', 'White - Irish'],
  ['H', 'Asian or Asian British - Indian'],
  ['J', 'Pakistani'],
  ['N', 'Black African'],
  ['R', 'Chinese'],
  ['S', 'Any other ethnic group'],
  ['Z', 'Not stated'],
];

const warehouse = await llrWarehouse(server, 'parity_bench_ethnicity');
const { store, database } = warehouse;
const { source } = database;
try {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const array = (texts: string[]) => `ARRAY[${texts.map((t) => literal(t)).join(', ')}]`;
  await client.query(
    `CREATE TABLE coded AS SELECT c[1 + (i * 7919) % cardinality(c)] AS lsoa_code, CAST(i % 90 AS integer) AS age,
       CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END AS sex,
       (${array(described.map(([code]) => code))})[1 + i % ${described.length}] AS ethnic_code,
       DATE '2022-04-01' + CAST(i % 700 AS integer) AS event_date, CASE WHEN i % 9 = 0 THEN 1 ELSE 0 END AS dna
     FROM generate_series(0::bigint, ${rows - 1}) i, (SELECT $1::text[] AS c) codes`,
    [warehouse.codes],
  );
  await client.query(
    `CREATE TABLE described AS SELECT lsoa_code, age, sex,
       (${array(described.map(([, words]) => words))})[array_position(${array(described.map(([code]) => code))}, ethnic_code)] AS ethnic_code,
       event_date, dna FROM coded`,
  );
  await client.query('ANALYZE coded');
  await client.query('ANALYZE described');
  await client.end();

  const reference = await source.copyReference(store);
  let started = process.hrtime.bigint();
  const linked = await linkTable(source, store, 'described', reference.geography, '2021', null);
  const linkMs = since(started);
  const relations = {
    codes: linkedRelation('coded', await source.columns('coded')),
    descriptions: linkedRelation('described', await source.columns('described'), linked.fields.ethnicValues),
  };
  const packMs = { codes: [] as number[], descriptions: [] as number[] };
  let sameRows = true;
  for (let run = 0; run < runs; run++) {
    const result: Record<string, string> = {};
    for (const [kind, relation] of Object.entries(relations)) {
      started = process.hrtime.bigint();
      result[kind] = JSON.stringify((await didNotAttendPack(source, relation, reference.geography))[0]!.rows);
      packMs[kind as keyof typeof packMs].push(since(started));
    }
    sameRows &&= result.codes === result.descriptions;
  }
  const ratio = Math.round((Math.min(...packMs.descriptions) / Math.min(...packMs.codes)) * 100) / 100;
  console.log(
    JSON.stringify(
      { rows, packMs, ratioToCodes: ratio, sameRows, linkMs, valuesRead: linked.fields.ethnicValues },
      null,
      2,
    ),
  );
} finally {
  await warehouse.close();
}
