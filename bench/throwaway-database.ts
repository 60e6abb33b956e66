// A PostgreSQL database made for one benchmark run and dropped after it, with a PostgresSource on it,
// and the pack the linked-table benchmarks compute there.
import pg from 'pg';
import { builtInIndicators } from '../src/analytics/indicators/catalogue.ts';
import { computePack } from '../src/analytics/indicators/compute.ts';
import { dimensionsFor } from '../src/analytics/indicators/dimensions.ts';
import { openPostgresSource, type PostgresSource } from '../src/analytics/postgres-source.ts';

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
