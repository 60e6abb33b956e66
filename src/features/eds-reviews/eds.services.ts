import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AccountService } from '../accounts/account.service.ts';
import { createActionService, type ActionService } from '../actions/action.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { createEvidenceService } from '../eds-evidence/evidence.service.ts';
import { createGradingService } from '../eds-grading/grading.service.ts';
import { createActionPlanService } from '../eds-reports/action-plan.service.ts';
import { createReportService } from '../eds-reports/report.service.ts';
import type { Mailer } from '../mail/mail.service.ts';
import type { OrganisationService } from '../organisations/organisation.service.ts';
import { createWorkforceService } from '../workforce-equality/workforce.service.ts';
import { createObjectiveService } from './objective.service.ts';
import { createReviewService } from './review.service.ts';

export interface EdsDeps {
  db: Kysely<Database>;
  audit: AuditService;
  accounts: AccountService;
  organisations: OrganisationService;
  /** The shared actions service; one is made over the same database when not given. */
  actions?: ActionService;
  mailer: Mailer;
  clock: () => Date;
  baseUrl: string;
  dataDir: string;
}

/** The Equality Delivery System portal's use cases, wired together. */
export function createEdsServices(deps: EdsDeps) {
  const { db, audit, accounts, organisations, mailer, clock, baseUrl } = deps;
  const actions = deps.actions ?? createActionService({ db, audit, clock });
  const reviews = createReviewService({ db, audit, clock });
  const evidence = createEvidenceService({
    db,
    audit,
    clock,
    reviews,
    uploadDir: path.join(deps.dataDir, 'eds-evidence'),
  });
  const grading = createGradingService({ db, audit, accounts, reviews, evidence, mailer, clock, baseUrl });
  const objectives = createObjectiveService({ db, audit, clock });
  const actionPlan = createActionPlanService({ db, audit, actions, reviews });
  const reports = createReportService({
    db,
    audit,
    clock,
    reviews,
    grading,
    evidence,
    objectives,
    organisations,
    actionPlan,
  });
  const workforce = createWorkforceService({ db, audit, clock });
  return { reviews, evidence, grading, objectives, actionPlan, reports, workforce };
}

export type EdsServices = ReturnType<typeof createEdsServices>;
