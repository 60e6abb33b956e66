import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionService } from '../actions/action.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { InsightService } from '../insights/insight.service.ts';
import { createAgreementService } from '../agreements/agreement.service.ts';
import { createDirectoryService } from '../directory/directory.service.ts';
import { createOutreachService } from '../outreach/outreach.service.ts';
import { createPlaceService, type PlaceAnalytics } from './place.service.ts';

/** The equal partnership with the third sector, composed once for services.ts. */
export function createThirdSectorServices(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
  insights: InsightService;
  actions: ActionService;
  analytics: PlaceAnalytics;
}) {
  const { db, audit, clock, insights, actions, analytics } = deps;
  const outreach = createOutreachService({ db, audit, clock, insights, actions, geography: analytics });
  return {
    outreach,
    agreements: createAgreementService({ db, audit, clock }),
    directory: createDirectoryService({ db, audit, clock }),
    places: createPlaceService({ db, audit, clock, actions, outreach, analytics }),
  };
}
