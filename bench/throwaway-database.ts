// A PostgreSQL database made for one benchmark run and dropped after it, with a PostgresSource on it,
// and what the linked-table benchmarks share: their options, the LLR reference geography beside it,
// and the pack they compute there.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { importGeography } from '../src/analytics/geography/geo-import.ts';
import { literal } from '../src/analytics/sql-text.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../src/analytics/store.ts';
import { builtInIndicators } from '../src/analytics/indicators/catalogue.ts';
import { computePack } from '../src/analytics/indicators/compute.ts';
import { dimensionsFor } from '../src/analytics/indicators/dimensions.ts';
import { openPostgresSource, type PostgresSource } from '../src/analytics/postgres-source.ts';
import { imd, wards } from './llr-files.ts';

export interface ThrowawayDatabase {
  url: string;
  source: PostgresSource;
  /** Closes the source and drops the database. */
  drop(): Promise<void>;
}

export async function throwawayDatabase(serverUrl: string, name: string): Promise<ThrowawayDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const database = `${name}_${process.pid}`;
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const source = openPostgresSource(url.toString());
  return {
    url: url.toString(),
    source,
    async drop() {
      await source.close();
      await admin.query(`DROP DATABASE IF EXISTS ${database}`);
      await admin.end();
    },
  };
}

/** The did-not-attend indicator by every breakdown, computed in PostgreSQL over `activity`. */
export const didNotAttendPack = (source: PostgresSource, activity: string, geography: string) =>
  computePack({
    run: (sql) => source.run(sql),
    relations: { activity, geography, population: 'unused' },
    vintage: '2021',
    indicators: builtInIndicators().filter((i) => i.id === 'did-not-attend'),
    dimensions: dimensionsFor([]),
    hasPopulation: false,
  });

/** The options of the linked-table benchmarks: rows, runs and the PostgreSQL server to use. */
export function linkedBenchOptions(): { rows: number; runs: number; database: string } {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '2000000' },
      runs: { type: 'string', default: '3' },
      database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    },
  });
  return { rows: Number(values.rows), runs: Number(values.runs), database: values.database };
}

export interface LlrWarehouse {
  /** An analytics store of its own, with the LLR deprivation file and wards imported. */
  store: AnalyticsStore;
  database: ThrowawayDatabase;
  /** The LLR LSOA 2021 codes, in order. */
  codes: string[];
  /** Drops the database and removes the store. */
  close(): Promise<void>;
}

/** A throwaway database beside a store of the LLR reference geography, for a linked-table benchmark. */
export async function llrWarehouse(serverUrl: string, name: string): Promise<LlrWarehouse> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${name.replaceAll('_', '-')}-`));
  const store = await analyticsStore(dir);
  const database = await throwawayDatabase(serverUrl, name);
  await importGeography(store, { imd, lookups: [wards] });
  const [codes] = await store.query<{ current: string[] }>(
    `SELECT list(lsoa21_code ORDER BY lsoa21_code) AS current FROM read_csv(${literal(imd)})`,
  );
  return {
    store,
    database,
    codes: codes!.current,
    async close() {
      await database.drop();
      await closeAnalyticsStore(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
