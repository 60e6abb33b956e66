import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { connectDatabase, type DatabaseHandle, type DialectName } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

/**
 * Integration tests run against real databases: SQLite always, and PostgreSQL too when
 * TEST_DATABASE_URL points at a server (a database is created and dropped for each test file).
 */
export function dialectsUnderTest(): DialectName[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  handle: DatabaseHandle;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  dialect: DialectName,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const created = dialect === 'sqlite' ? createSqlite() : await createPostgres();
  if (options.migrate !== false) await migrateToLatest(created.handle.db);
  return created;
}

function createSqlite(): TestDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-test-'));
  const url = `sqlite:${path.join(dir, 'test.sqlite')}`;
  const handle = connectDatabase(url);
  return {
    handle,
    url,
    drop: async () => {
      await handle.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgres(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `parity_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = connectDatabase(url.toString());
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close().catch(() => undefined);
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Declares the same tests once per database. `current()` gives the fresh, migrated database of the
 * file's run on that dialect.
 */
export function describeEachDatabase(
  title: string,
  body: (current: () => TestDatabase, dialect: DialectName) => void,
): void {
  for (const dialect of dialectsUnderTest()) {
    describe(`${title} [${dialect}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await database?.drop();
      });
      body(() => {
        if (!database) throw new Error('The test database is not ready yet');
        return database;
      }, dialect);
    });
  }
}
