// Datasets that live in a PostgreSQL table: the same indicator SQL runs there instead of in DuckDB.
// Parity reads the table's column list and runs aggregate queries; no patient-level row comes back.
// The reference geography (deprivation, wards, places, populations) is copied from the analytics
// store into the schema `parity_reference`, so that the queries can join to it where the data is.
// With it goes the ONS LSOA 2011 → 2021 lookup, when imported, and from it the codes of each vintage
// to read as the other's, for tables whose LSOA codes mix the vintages (datasets/link.ts).
import { existsSync, statSync } from 'node:fs';
import pg from 'pg';
import { otherVintageCodesSql } from './geography/lsoa-lookup.ts';
import { geographyTables, type LsoaVintage } from './geography/model.ts';
import { literal } from './sql-text.ts';
import type { AnalyticsStore, SqlRow } from './store.ts';

export const REFERENCE_SCHEMA = 'parity_reference';

/** A table or view named as `table` or `schema.table`, in lower snake case. */
export const relationPattern = /^(?:[a-z_][a-z0-9_]{0,62}\.)?[a-z_][a-z0-9_]{0,62}$/;

export class PostgresSourceError extends Error {
  override readonly name = 'PostgresSourceError';
}

export interface TableColumn {
  name: string;
  /** PostgreSQL's data type, e.g. "text", "integer", "double precision". */
  type: string;
}

export interface PostgresSource {
  run(sql: string): Promise<SqlRow[]>;
  columns(relation: string): Promise<TableColumn[]>;
  /** Copies the store's reference geography to `parity_reference`, unless the copy there is current. */
  copyReference(store: AnalyticsStore): Promise<{
    geography: string;
    population: string | null;
    ethnicity: string | null;
    ethnicityDetailed: string | null;
    /** From the LSOA 2011 → 2021 lookup, when imported (copyReadAs). */
    lookup: {
      /** Per vintage, the codes of the other to read as it: code, area, areas. */
      readAs: Record<LsoaVintage, string>;
      /** The geography with those codes that became one area read as it, for the indicators. */
      geography: string;
    } | null;
  }>;
  close(): Promise<void>;
}

/**
 * An error PostgreSQL gave (no permission, a table dropped, a column of a type Parity cannot use) as
 * one the pages show to whoever asked, saying what Parity was `doing`; any other error as it is.
 */
function asSourceError(error: unknown, doing: string): unknown {
  return error instanceof pg.DatabaseError
    ? new PostgresSourceError(`PostgreSQL could not ${doing}: ${error.message}`)
    : error;
}

/** The relation as SQL (each part double-quoted), after checking it is a plain name. */
export function relationSql(relation: string): string {
  if (!relationPattern.test(relation))
    throw new PostgresSourceError(
      `"${relation}" is not a table name Parity can use: give schema.table in lower case letters, digits and underscores`,
    );
  return relation
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');
}

const duckToPostgres = (type: string): string => {
  const t = type.toUpperCase();
  if (t === 'VARCHAR') return 'text';
  if (t === 'BIGINT' || t === 'HUGEINT') return 'bigint';
  if (t === 'INTEGER' || t === 'SMALLINT' || t === 'TINYINT') return 'integer';
  if (t === 'DOUBLE' || t === 'FLOAT' || t.startsWith('DECIMAL')) return 'double precision';
  if (t === 'DATE') return 'date';
  return 'text';
};

const COPY_PAGE_ROWS = 50_000;

async function copyTable(client: pg.PoolClient, store: AnalyticsStore, table: string): Promise<void> {
  const file = `read_parquet(${literal(store.geographyPath(table))})`;
  const columns = await store.query<{ column_name: string; column_type: string }>(
    `DESCRIBE SELECT * FROM ${file}`,
  );
  const names = columns.map((c) => `"${c.column_name}"`);
  const target = `${REFERENCE_SCHEMA}."${table}"`;
  await client.query(`DROP TABLE IF EXISTS ${target}`);
  await client.query(
    `CREATE TABLE ${target} (${columns.map((c) => `"${c.column_name}" ${duckToPostgres(c.column_type)}`).join(', ')})`,
  );
  // Page by page, each page one INSERT of whole columns as arrays: a national population table
  // (millions of rows) is neither held in memory at once nor sent as millions of parameters.
  const arrays = columns.map((c, i) => `$${i + 1}::${duckToPostgres(c.column_type)}[]`);
  const insert = `INSERT INTO ${target} (${names.join(', ')}) SELECT * FROM unnest(${arrays.join(', ')})`;
  const numbered = `read_parquet(${literal(store.geographyPath(table))}, file_row_number = true)`;
  const readPage = (start: number) =>
    store.queryColumns(
      `SELECT ${names.join(', ')} FROM ${numbered} WHERE file_row_number >= ${start} AND file_row_number < ${start + COPY_PAGE_ROWS}`,
    );
  // The next page is read from DuckDB while PostgreSQL inserts this one.
  let next = readPage(0);
  try {
    for (let start = 0; ; start += COPY_PAGE_ROWS) {
      const page = await next;
      const values = columns.map((c) => page[c.column_name] ?? []);
      if ((values[0]?.length ?? 0) === 0) break;
      next = readPage(start + COPY_PAGE_ROWS);
      await client.query(insert, values);
    }
  } finally {
    await next.catch(() => undefined);
  }
  // Without statistics the planner takes the new tables for tiny ones and joins them row by row.
  await client.query(`ANALYZE ${target}`);
}

const referenceTables = [
  geographyTables.lsoa,
  geographyTables.population,
  geographyTables.ethnicity,
  geographyTables.ethnicityDetailed,
  geographyTables.lsoaLookup,
];

const readAsTable = (vintage: LsoaVintage) => `${REFERENCE_SCHEMA}.lsoa_read_as_${vintage}`;
const geographyThroughLookup = `${REFERENCE_SCHEMA}.lsoa_geography_through_lookup`;

/**
 * From the lookup, once as it is copied: the codes of each vintage to read as the other's, and the
 * geography with a row more for each code that became, or was part of, one area of the other
 * vintage: that area's row under the code. Joined to that, a table's rows of such codes count as
 * the area's, without touching the table, which costs its queries nothing (a join rewriting the
 * table's codes made PostgreSQL misjudge its groups, and plan, sort and JIT-compile for millions).
 */
async function copyReadAs(client: pg.PoolClient): Promise<void> {
  const lookup = `${REFERENCE_SCHEMA}."${geographyTables.lsoaLookup}"`;
  const geography = `${REFERENCE_SCHEMA}."${geographyTables.lsoa}"`;
  const { rows } = await client.query<{ column_name: string }>(
    'SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
    [REFERENCE_SCHEMA, geographyTables.lsoa],
  );
  const columns = rows.map((r) => (r.column_name === 'lsoa_code' ? 'o.code' : `g."${r.column_name}"`));
  const readRows: string[] = [];
  for (const vintage of ['2011', '2021'] as const) {
    await client.query(`DROP TABLE IF EXISTS ${readAsTable(vintage)}`);
    await client.query(`CREATE TABLE ${readAsTable(vintage)} AS ${otherVintageCodesSql(lookup, vintage)}`);
    await client.query(`ANALYZE ${readAsTable(vintage)}`);
    readRows.push(
      `SELECT ${columns.join(', ')} FROM ${readAsTable(vintage)} o JOIN ${geography} g ON g.lsoa_code = o.area AND g.vintage = '${vintage}' WHERE o.areas = 1`,
    );
  }
  await client.query(`DROP TABLE IF EXISTS ${geographyThroughLookup}`);
  await client.query(
    `CREATE TABLE ${geographyThroughLookup} AS SELECT * FROM ${geography} UNION ALL ${readRows.join(' UNION ALL ')}`,
  );
  await client.query(`ANALYZE ${geographyThroughLookup}`);
}

/** Which reference files the copy was made from: their sizes and modification times. */
function stampOf(store: AnalyticsStore): string {
  return referenceTables
    .map((table) => {
      const file = store.geographyPath(table);
      if (!existsSync(file)) return `${table}:none`;
      const { size, mtimeMs } = statSync(file);
      return `${table}:${size}:${mtimeMs}`;
    })
    .join(';');
}

const stampTable = `${REFERENCE_SCHEMA}.copied_from`;

/** The stamp of the copy in PostgreSQL, or null when there is none (or its LSOA table is gone). */
async function copiedStamp(client: pg.PoolClient): Promise<string | null> {
  const exists = await client.query<{ stamp: string | null; lsoa: string | null }>(
    `SELECT to_regclass('${stampTable}') AS stamp, to_regclass('${REFERENCE_SCHEMA}."${geographyTables.lsoa}"') AS lsoa`,
  );
  if (!exists.rows[0]?.stamp || !exists.rows[0].lsoa) return null;
  const current = await client.query<{ stamp: string }>(`SELECT stamp FROM ${stampTable}`);
  return current.rows[0]?.stamp ?? null;
}

const POOL_SIZE = 2;

/**
 * Set on each connection of Parity's, for its aggregate queries (bench/linked-columns.ts):
 * - no JIT compilation: for the pack's long CASE expressions it took longer than it saved (5 million
 *   rows: 3.9–4.4 s with it, 2.6–2.9 s without);
 * - hash tables planned with up to 16 times work_mem (64 MB at the default): where PostgreSQL cannot
 *   tell how few groups there will be (a band or year worked out from a column, linked-columns.ts)
 *   it sorted millions of rows rather than hash tens of thousands of groups, and took twice as long.
 *   Since version 13 a hash table spills to disk beyond that, so memory stays bounded.
 */
const sessionSettings = ['SET jit = off', 'SET hash_mem_multiplier = 16'];

/** An error of a connection the server closed (restart, failover, an administrator), not of the query. */
function lostConnection(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    ['57P01', '57P02', '57P03', 'ECONNRESET', 'EPIPE'].includes(String(code)) ||
    /Connection terminated|not queryable/i.test(String(message))
  );
}

export function openPostgresSource(connectionString: string): PostgresSource {
  const pool = new pg.Pool({ connectionString, max: POOL_SIZE });
  // As for the app database (src/db/connect.ts): an idle connection closed by the server (restart,
  // failover, admin command) must not crash the process; the next query reports a lasting problem.
  pool.on('error', () => undefined);
  const tuned = new WeakSet<pg.PoolClient>();
  /** One query on a connection of the pool, given Parity's session settings on its first use. */
  async function query(sql: string): Promise<SqlRow[]> {
    const client = await pool.connect();
    let lost: Error | undefined;
    try {
      if (!tuned.has(client)) {
        // A server without a setting (older than it) goes on as it is.
        for (const setting of sessionSettings) await client.query(setting).catch(() => undefined);
        tuned.add(client);
      }
      return (await client.query(sql)).rows as SqlRow[];
    } catch (error) {
      if (lostConnection(error)) lost = error as Error;
      throw error;
    } finally {
      client.release(lost);
    }
  }
  return {
    async run(sql) {
      // Every query here only reads, so one sent down a connection the server had closed is sent
      // again on a fresh one: at most once per connection the pool may hold, plus one.
      for (let attempt = 1; ; attempt++) {
        try {
          return await query(sql);
        } catch (error) {
          if (attempt > POOL_SIZE || !lostConnection(error)) throw asSourceError(error, 'read the table');
        }
      }
    },

    async columns(relation) {
      relationSql(relation);
      const [schema, table] = relation.includes('.') ? relation.split('.') : ['public', relation];
      const result = await pool.query<{ column_name: string; data_type: string }>(
        'SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
        [schema, table],
      );
      if (result.rows.length === 0)
        throw new PostgresSourceError(`There is no table or view called ${relation} in that database`);
      return result.rows.map((r) => ({ name: r.column_name, type: r.data_type }));
    },

    async copyReference(store) {
      const hasPopulation = existsSync(store.geographyPath(geographyTables.population));
      const hasEthnicity = existsSync(store.geographyPath(geographyTables.ethnicity));
      const hasDetailed = existsSync(store.geographyPath(geographyTables.ethnicityDetailed));
      const hasLookup = existsSync(store.geographyPath(geographyTables.lsoaLookup));
      const copied = {
        geography: `${REFERENCE_SCHEMA}."${geographyTables.lsoa}"`,
        population: hasPopulation ? `${REFERENCE_SCHEMA}."${geographyTables.population}"` : null,
        ethnicity: hasEthnicity ? `${REFERENCE_SCHEMA}."${geographyTables.ethnicity}"` : null,
        ethnicityDetailed: hasDetailed ? `${REFERENCE_SCHEMA}."${geographyTables.ethnicityDetailed}"` : null,
        lookup: hasLookup
          ? {
              readAs: { '2011': readAsTable('2011'), '2021': readAsTable('2021') },
              geography: geographyThroughLookup,
            }
          : null,
      };
      const stamp = stampOf(store);
      const client = await pool.connect();
      try {
        // Copied again only after a new geography import, not before every computation.
        if ((await copiedStamp(client)) === stamp) return copied;
        await client.query('BEGIN');
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${REFERENCE_SCHEMA}`);
        await copyTable(client, store, geographyTables.lsoa);
        if (hasPopulation) await copyTable(client, store, geographyTables.population);
        if (hasEthnicity) await copyTable(client, store, geographyTables.ethnicity);
        if (hasDetailed) await copyTable(client, store, geographyTables.ethnicityDetailed);
        if (hasLookup) {
          await copyTable(client, store, geographyTables.lsoaLookup);
          await copyReadAs(client);
        }
        await client.query(`DROP TABLE IF EXISTS ${stampTable}`);
        await client.query(`CREATE TABLE ${stampTable} (stamp text NOT NULL)`);
        await client.query(`INSERT INTO ${stampTable} (stamp) VALUES ($1)`, [stamp]);
        await client.query('COMMIT');
        return copied;
      } catch (error) {
        await client.query('ROLLBACK');
        throw asSourceError(error, "keep Parity's copy of the reference geography beside the table");
      } finally {
        client.release();
      }
    },

    close: () => pool.end(),
  };
}
