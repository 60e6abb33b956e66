import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { analyticsThreads } from '../config.ts';

export type SqlRow = Record<string, unknown>;

/**
 * The analytics store of one data folder: Parquet files under <dataDir>/analytics/ read by one
 * in-memory DuckDB instance. Patient-level rows stay here; callers only ever receive aggregates.
 */
export interface AnalyticsStore {
  readonly root: string;
  datasetPath(fileName: string): string;
  geographyPath(table: string): string;
  query<T extends SqlRow = SqlRow>(sql: string): Promise<T[]>;
  /** The result as one array per column: cheaper than row objects when many rows come back. */
  queryColumns(sql: string): Promise<Record<string, unknown[]>>;
  run(sql: string): Promise<void>;
  /** Runs a long statement, reporting DuckDB's own progress (0–100) about four times a second. */
  runWithProgress(sql: string, onProgress: (percent: number) => void): Promise<void>;
  close(): void;
}

export interface StoreOptions {
  /** DuckDB worker threads; defaults to ANALYTICS_THREADS, else DuckDB's own choice (all cores). */
  threads?: number;
  memoryLimit?: string;
}

const stores = new Map<string, Promise<AnalyticsStore>>();

/** One store per data folder, shared by everything in the process. */
export function analyticsStore(dataDir: string, options: StoreOptions = {}): Promise<AnalyticsStore> {
  const root = path.join(path.resolve(dataDir), 'analytics');
  let store = stores.get(root);
  if (!store) {
    store = openStore(root, options);
    stores.set(root, store);
  }
  return store;
}

/** Closes and forgets the store of a data folder (tests, and the end of a command). */
export async function closeAnalyticsStore(dataDir: string): Promise<void> {
  const root = path.join(path.resolve(dataDir), 'analytics');
  const store = stores.get(root);
  stores.delete(root);
  if (store) (await store).close();
}

async function openStore(root: string, options: StoreOptions): Promise<AnalyticsStore> {
  for (const dir of ['datasets', 'geography', 'tmp']) mkdirSync(path.join(root, dir), { recursive: true });
  const config: Record<string, string> = { temp_directory: path.join(root, 'tmp') };
  const threads = options.threads ?? analyticsThreads();
  if (threads) config.threads = String(threads);
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection: DuckDBConnection = await instance.connect();
  await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  // A timestamp with a time zone (Spark and Databricks write one so) falls on the day it was in
  // England: 23:00 UTC on 31 March 2024 is midnight on 1 April, a new financial year.
  await connection.run("SET TimeZone = 'Europe/London'");
  // One statement at a time on the shared connection keeps DuckDB's state simple to reason about.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    root,
    datasetPath: (fileName) => path.join(root, 'datasets', fileName),
    geographyPath: (table) => path.join(root, 'geography', `${table}.parquet`),
    query: <T extends SqlRow>(sql: string) =>
      serial(async () => (await connection.runAndReadAll(sql)).getRowObjectsJson() as T[]),
    queryColumns: (sql) => serial(async () => (await connection.runAndReadAll(sql)).getColumnsObjectJson()),
    run: (sql) => serial(async () => void (await connection.run(sql))),
    runWithProgress: (sql, onProgress) =>
      serial(async () => {
        const timer = setInterval(() => {
          const { percentage } = connection.progress;
          if (percentage >= 0) onProgress(Math.min(100, percentage));
        }, 250);
        try {
          await connection.run(sql);
        } finally {
          clearInterval(timer);
        }
      }),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
