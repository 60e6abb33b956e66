// What every part of the analytics service shares: the database, the audit log, the clock, the
// analytics store of the data folder and, when configured, the PostgreSQL database of linked tables.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { analyticsStore, type AnalyticsStore } from '../../analytics/store.ts';
import { upgradeGeographyFiles } from '../../analytics/geography/geography-store.ts';
import { openPostgresSource, type PostgresSource } from '../../analytics/postgres-source.ts';
import { FormError } from '../shared/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { LimitsBasis } from '../../analytics/indicators/rounded-basis.ts';

export interface AnalyticsDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
  dataDir: string;
  /** PostgreSQL database of datasets linked as tables (config.analyticsDatabaseUrl). */
  postgresUrl?: string | undefined;
  /** What published proportions, crude rates and their limits come from (config.disclosureLimits). */
  limitsFrom?: LimitsBasis;
}

export interface AnalyticsContext extends AnalyticsDeps {
  store: () => Promise<AnalyticsStore>;
  /** The PostgreSQL database of linked tables, opened on first use. */
  postgres: () => PostgresSource;
  closePostgres: () => Promise<void>;
  now: () => string;
}

export function analyticsContext(deps: AnalyticsDeps): AnalyticsContext {
  let postgres: PostgresSource | null = null;
  return {
    ...deps,
    store: async () => {
      const store = await analyticsStore(deps.dataDir);
      await upgradeGeographyFiles(store);
      return store;
    },
    postgres: () => {
      if (!deps.postgresUrl)
        throw new FormError([
          {
            field: 'table',
            message:
              'No PostgreSQL database is configured for linked tables: set ANALYTICS_DATABASE_URL (or use PostgreSQL as DATABASE_URL)',
          },
        ]);
      postgres ??= openPostgresSource(deps.postgresUrl);
      return postgres;
    },
    closePostgres: async () => {
      const open = postgres;
      postgres = null;
      await open?.close();
    },
    now: () => deps.clock().toISOString(),
  };
}
