import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionService } from '../actions/action.service.ts';
import { createAdviceService } from '../advice/advice.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { createImpactAssessmentService } from '../impact-assessments/impact-assessment.service.ts';
import type { MeetingService } from '../meetings/meeting.service.ts';
import { createInitiativeService } from './initiative.service.ts';

/** Perspective and advice, and the EHIA, composed once for services.ts. */
export function createAdviceServices(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
  actions: ActionService;
  meetings: MeetingService;
}) {
  return {
    initiatives: createInitiativeService(deps),
    advice: createAdviceService(deps),
    impactAssessments: createImpactAssessmentService(deps),
  };
}

export type AdviceServices = ReturnType<typeof createAdviceServices>;
