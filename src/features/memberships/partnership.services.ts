import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AccountService } from '../accounts/account.service.ts';
import { createAccountabilityService } from '../accountability/accountability.service.ts';
import { createActionService } from '../actions/action.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { createInsightService } from '../insights/insight.service.ts';
import { createThemeService } from '../insights/theme.service.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { createMeetingService } from '../meetings/meeting.service.ts';
import { createNotificationService } from '../notifications/notification.service.ts';
import { createMembershipService } from './membership.service.ts';

/** The Health Equality Partnership's use cases, composed once for services.ts. */
export function createPartnershipServices(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  accounts: AccountService;
  mailer: Mailer;
  clock: () => Date;
  baseUrl: string;
}) {
  const { db, audit, accounts, mailer, clock, baseUrl } = deps;
  const actions = createActionService({ db, audit, clock });
  const notifications = createNotificationService({ mailer, accounts, actions, clock, baseUrl });
  return {
    actions,
    notifications,
    memberships: createMembershipService({ db, audit, accounts, mailer, clock }),
    insights: createInsightService({ db, audit, actions, notifications, clock }),
    themes: createThemeService({ db, audit, clock }),
    meetings: createMeetingService({ db, audit, clock, baseUrl }),
    accountability: createAccountabilityService({ db, clock }),
  };
}

export type PartnershipServices = ReturnType<typeof createPartnershipServices>;
