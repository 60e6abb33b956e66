import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { pendingMigrations } from '../../db/migrate.ts';

export interface HealthReport {
  database: 'ok' | 'unreachable';
  pendingMigrations: string[];
}

export function createHealthService(db: Kysely<Database>) {
  return {
    async check(): Promise<HealthReport> {
      try {
        await sql`select 1`.execute(db);
        return { database: 'ok', pendingMigrations: await pendingMigrations(db) };
      } catch {
        return { database: 'unreachable', pendingMigrations: [] };
      }
    },
  };
}
