import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_partnership.ts';
import * as m0003 from './migrations/0003_eds.ts';
import * as m0004 from './migrations/0004_analytics.ts';
import * as m0005 from './migrations/0005_advice.ts';
import * as m0006 from './migrations/0006_outreach.ts';
import * as m0007 from './migrations/0007_insight_tagging.ts';
import * as m0008 from './migrations/0008_result_versions.ts';
import * as m0009 from './migrations/0009_dataset_pending_name.ts';
import * as m0010 from './migrations/0010_dataset_adds_to.ts';
import type { Database } from './schema.ts';

/** Every migration, in order. Listed here (not read from disk) so they travel with the code. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_partnership': m0002,
  '0003_eds': m0003,
  '0004_analytics': m0004,
  '0005_advice': m0005,
  '0006_outreach': m0006,
  '0007_insight_tagging': m0007,
  '0008_result_versions': m0008,
  '0009_dataset_pending_name': m0009,
  '0010_dataset_adds_to': m0010,
};

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

function check({ error, results }: MigrationResultSet): string[] {
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const detail = error instanceof Error ? error.message : 'unknown error';
    throw new MigrationError(`Migration ${failed?.migrationName ?? ''} failed: ${detail}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return check(await migrator(db).migrateToLatest());
}

/** Reverts the most recent migration; returns its name. */
export async function migrateDown(db: Kysely<Database>): Promise<string[]> {
  return check(await migrator(db).migrateDown());
}

export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
