// A PostgreSQL database made for one benchmark run and dropped after it, with a PostgresSource on it.
import pg from 'pg';
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
