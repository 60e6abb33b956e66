// What every part of the analytics service shares: the database, the audit log, the clock and the
// analytics store of the data folder.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { analyticsStore, type AnalyticsStore } from '../../analytics/store.ts';
import type { AuditService } from '../audit/audit.service.ts';

export interface AnalyticsDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
  dataDir: string;
}

export interface AnalyticsContext extends AnalyticsDeps {
  store: () => Promise<AnalyticsStore>;
  now: () => string;
}

export function analyticsContext(deps: AnalyticsDeps): AnalyticsContext {
  return {
    ...deps,
    store: () => analyticsStore(deps.dataDir),
    now: () => deps.clock().toISOString(),
  };
}
