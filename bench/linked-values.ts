// Benchmark of a linked PostgreSQL table that holds values Parity reads when it is linked: ethnic
// groups as descriptions ("Indian", "White British") rather than codes (datasets/linked-ethnicity.ts),
// and whether each appointment was attended as the Data Dictionary's attendance codes rather than
// dna 1/0 (datasets/linked-codes.ts). Printed as JSON: the did-not-attend indicator by every
// breakdown over a table of codes and dna (the baseline), and over the same rows held either way,
// alternating in the same run; all must give the same rows. Also the time of each link, which reads
// the values.
// Run: npx tsx bench/linked-values.ts [--rows 2000000] [--runs 3] [--database postgres://postgres@127.0.0.1:5432/postgres]
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

const warehouse = await llrWarehouse(server, 'parity_bench_values');
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
  await client.query(
    `CREATE TABLE attendance AS SELECT lsoa_code, age, sex, ethnic_code, event_date,
       CASE dna WHEN 1 THEN '3' ELSE '5' END AS attended_or_did_not_attend FROM coded`,
  );
  for (const table of ['coded', 'described', 'attendance']) await client.query(`ANALYZE ${table}`);
  await client.end();

  const reference = await source.copyReference(store);
  const linkMs: Record<string, number> = {};
  const link = async (table: string) => {
    const started = process.hrtime.bigint();
    const linked = await linkTable(source, store, table, reference.geography, '2021', null);
    linkMs[table] = since(started);
    return linkedRelation(table, await source.columns(table), linked.fields);
  };
  const relations = {
    codes: linkedRelation('coded', await source.columns('coded')),
    descriptions: await link('described'),
    attendanceCodes: await link('attendance'),
  };
  const packMs = { codes: [] as number[], descriptions: [] as number[], attendanceCodes: [] as number[] };
  let sameRows = true;
  for (let run = 0; run < runs; run++) {
    const result: Record<string, string> = {};
    for (const [kind, relation] of Object.entries(relations)) {
      const started = process.hrtime.bigint();
      result[kind] = JSON.stringify((await didNotAttendPack(source, relation, reference.geography))[0]!.rows);
      packMs[kind as keyof typeof packMs].push(since(started));
    }
    sameRows &&= result.codes === result.descriptions && result.codes === result.attendanceCodes;
  }
  const ratio = (times: number[]) => Math.round((Math.min(...times) / Math.min(...packMs.codes)) * 100) / 100;
  console.log(
    JSON.stringify(
      {
        rows,
        packMs,
        ratioToCodes: {
          descriptions: ratio(packMs.descriptions),
          attendanceCodes: ratio(packMs.attendanceCodes),
        },
        sameRows,
        linkMs,
      },
      null,
      2,
    ),
  );
} finally {
  await warehouse.close();
}
