// Tables of rows in a throwaway PostgreSQL database, for tests that run the analytics SQL there as
// well as on DuckDB.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase } from './test-db.ts';

/** Table name → its rows and its column definitions ("lsoa_code text, age integer, …"). */
export type TableRows = Record<string, readonly [rows: readonly Record<string, unknown>[], columns: string]>;

/** The SQL runner computePack takes, over a PostgreSQL client. */
export const runOn =
  (client: pg.Client) =>
  async (sql: string): Promise<Record<string, unknown>[]> =>
    (await client.query(sql)).rows as Record<string, unknown>[];

/**
 * Creates the tables in a schema of a new database (an empty string becomes NULL, as a blank CSV
 * cell does), passes `use` the client and the schema, then drops it all.
 */
export async function withPostgresTables<T>(
  tables: TableRows,
  use: (client: pg.Client, schema: string) => Promise<T>,
): Promise<T> {
  const database = await createTestDatabase('postgres', { migrate: false });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const schema = `parity_analytics_${process.pid}`;
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
    for (const [table, [rows, columns]] of Object.entries(tables)) {
      await client.query(`CREATE TABLE ${schema}.${table} (${columns})`);
      for (const row of rows) {
        const placeholders = Object.keys(row).map((_k, n) => `$${n + 1}`);
        await client.query(
          `INSERT INTO ${schema}.${table} VALUES (${placeholders.join(', ')})`,
          Object.values(row).map((v) => (v === '' ? null : v)),
        );
      }
    }
    return await use(client, schema);
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
    await database.drop();
  }
}

/** The standard columns of an imported dataset, then one number column per measure. */
export const activityColumns = (measures: string[]): string =>
  [
    'person_id text, lsoa_code text, age integer, age_band text, esp_band integer, sex text, ethnic_code text, event_date date, period text',
    ...measures.map((m) => `${m} double precision`),
  ].join(', ');

/** The reference geography's columns, then any more (a domain's decile: "income_decile integer"). */
export const geographyColumns = (...more: string[]): string =>
  [
    'lsoa_code text, vintage text, lsoa_name text, ward_code text, ward_name text, la_code text, la_name text, place text, imd_version text, imd_rank integer, imd_decile integer, imd_quintile integer, core20 integer',
    ...more,
  ].join(', ');

export const populationColumns =
  'lsoa_code text, vintage text, sex text, age integer, population integer, mid_year integer';

/**
 * A reference geography row (the columns above) for test LSOA `T0100000{index}` in Testland, in
 * national IMD decile `decile`; `more` adds or replaces columns (a ward, a domain's decile).
 */
export const testLsoa = (index: number, decile: number, more: Record<string, unknown> = {}) => ({
  lsoa_code: `T0100000${index}`,
  vintage: '2021',
  lsoa_name: `Testland ${index}`,
  ward_code: 'T05000001',
  ward_name: 'Middle',
  la_code: 'T06000001',
  la_name: 'Testland',
  place: 'Test place',
  imd_version: 'test',
  imd_rank: (decile - 1) * 3000 + 1,
  imd_decile: decile,
  imd_quintile: Math.ceil(decile / 2),
  core20: decile <= 2 ? 1 : 0,
  ...more,
});

/** The relations computePack reads, as the tables withPostgresTables made in `schema`. */
export const schemaRelations = (schema: string) => ({
  activity: `${schema}.activity`,
  geography: `${schema}.lsoa_geography`,
  population: `${schema}.lsoa_population`,
});

/**
 * Writes the same rows as CSV files in `dir` (activity.csv, geography.csv, population.csv) and
 * returns the relations DuckDB reads them by.
 */
export function csvRelations(
  dir: string,
  rows: { activity: object[]; geography: object[]; population: object[] },
): { activity: string; geography: string; population: string } {
  for (const [name, table] of Object.entries(rows)) {
    const records = table as Record<string, unknown>[];
    const lines = [Object.keys(records[0]!).join(','), ...records.map((r) => Object.values(r).join(','))];
    writeFileSync(path.join(dir, `${name}.csv`), lines.join('\n'));
  }
  const read = (name: string, types: string) =>
    `read_csv('${path.join(dir, `${name}.csv`)}', header = true${types})`;
  return {
    activity: read('activity', ''),
    geography: read('geography', ", types = {'vintage': 'VARCHAR'}"),
    population: read('population', ", types = {'vintage': 'VARCHAR', 'mid_year': 'INTEGER'}"),
  };
}

/**
 * The rows csvRelations takes (activity with the `measures` named, geography with any `more`
 * columns, population) as tables of a throwaway PostgreSQL database, for `compute` to run the same
 * SQL there: it is given the SQL runner and the relations.
 */
export function onPostgresTables<T>(
  rows: { activity: object[]; geography: object[]; population: object[] },
  columns: { measures: string[]; more?: string[] },
  compute: (on: {
    run: ReturnType<typeof runOn>;
    relations: ReturnType<typeof schemaRelations>;
    /** The schema the tables are in, for any `otherTables`. */
    schema: string;
  }) => Promise<T>,
  otherTables: TableRows = {},
): Promise<T> {
  const records = (list: object[]) => list as Record<string, unknown>[];
  const tables = {
    activity: [records(rows.activity), activityColumns(columns.measures)],
    lsoa_geography: [records(rows.geography), geographyColumns(...(columns.more ?? []))],
    lsoa_population: [records(rows.population), populationColumns],
    ...otherTables,
  } as const;
  return withPostgresTables(tables, (client, schema) =>
    compute({ run: runOn(client), relations: schemaRelations(schema), schema }),
  );
}

/**
 * A table of an imported dataset's rows (its standard columns, measures and flags), as a warehouse
 * would hold them, for linking: ages, ESP bands and flags as integers, the date as a date.
 */
export async function createActivityTable(
  client: pg.Client,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const columns = Object.keys(rows[0]!);
  const typeOf = (c: string) =>
    ['esp_band', 'age'].includes(c) || c.startsWith('flag_')
      ? 'integer'
      : c === 'event_date'
        ? 'date'
        : typeof rows.find((r) => r[c] !== null)?.[c] === 'number'
          ? 'double precision'
          : 'text';
  await client.query(`CREATE TABLE ${table} (${columns.map((c) => `${c} ${typeOf(c)}`).join(', ')})`);
  for (let start = 0; start < rows.length; start += 500) {
    const values: unknown[] = [];
    const tuples = rows
      .slice(start, start + 500)
      .map((row) => `(${columns.map((c) => `$${values.push(row[c] ?? null)}`).join(', ')})`);
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}
