import path from 'node:path';
import { mkdirSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** For SQLite, the file; for PostgreSQL, the URL without its password. */
  location: string;
  /** The raw SQLite connection, for online backup; absent on PostgreSQL. */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

export function dialectOf(databaseUrl: string): DialectName {
  return databaseUrl.startsWith('postgres') ? 'postgres' : 'sqlite';
}

export function connectDatabase(databaseUrl: string): DatabaseHandle {
  return dialectOf(databaseUrl) === 'postgres' ? connectPostgres(databaseUrl) : connectSqlite(databaseUrl);
}

function connectSqlite(databaseUrl: string): DatabaseHandle {
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: file, sqlite, close: () => db.destroy() };
}

function connectPostgres(databaseUrl: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle connection closed by the server (restart, admin command) must not crash the process;
  // the pool drops it and the next query reports any lasting problem.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(databaseUrl);
  url.password = '';
  return { db, dialect: 'postgres', location: url.toString(), close: () => db.destroy() };
}
