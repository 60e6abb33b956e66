import path from 'node:path';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/connect.ts';
import { createAccountService } from './features/accounts/account.service.ts';
import { createCredentialsService } from './features/accounts/credentials.service.ts';
import { createSignInService } from './features/accounts/sign-in.service.ts';
import { createAuditService } from './features/audit/audit.service.ts';
import { createAnalyticsService } from './features/analytics/analytics.service.ts';
import { loadAnalyticsDemo } from './features/analytics/analytics-demo.ts';
import { createDemoService } from './features/demo/demo.service.ts';
import { loadEdsDemo } from './features/eds-demo/eds-demo.ts';
import { createEdsServices } from './features/eds-reviews/eds.services.ts';
import { createHealthService } from './features/health/health.service.ts';
import { createMailer, type Mailer } from './features/mail/mail.service.ts';
import { createOrganisationService } from './features/organisations/organisation.service.ts';
import { createPartnershipServices } from './features/memberships/partnership.services.ts';
import { createAdviceServices } from './features/initiatives/advice.services.ts';
import { loadAdviceDemo } from './features/advice/advice-demo.ts';
import { createSessionService } from './features/sessions/session.service.ts';
import { createInsightTaggingService } from './features/insight-tagging/insight-tagging.service.ts';
import { loadInsightTaggingDemo } from './features/insight-tagging/insight-tagging-demo.ts';
import { readModelFile } from './features/theme-classifier/model-file.ts';
import { createThirdSectorServices } from './features/places/third-sector.services.ts';
import { placeWardReader } from './features/analytics/place-geography.ts';
import { loadThirdSectorDemo } from './features/places/third-sector-demo.ts';

export interface ServiceOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: () => Date;
  mailer?: Mailer;
}

/** The composition root: every use case the web app and the command line can call. */
export function createServices({ config, database, clock = () => new Date(), mailer }: ServiceOptions) {
  const { db } = database;
  const mail =
    mailer ??
    createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      outboxDir: path.join(config.dataDir, 'outbox'),
    });
  const audit = createAuditService(db, clock);
  const sessions = createSessionService(db, clock);
  const accounts = createAccountService({ db, audit, mailer: mail, clock, baseUrl: config.baseUrl });
  const organisations = createOrganisationService(db, audit, clock);
  const partnership = createPartnershipServices({
    db,
    audit,
    accounts,
    mailer: mail,
    clock,
    baseUrl: config.baseUrl,
  });
  const eds = createEdsServices({
    db,
    audit,
    accounts,
    organisations,
    actions: partnership.actions,
    mailer: mail,
    clock,
    baseUrl: config.baseUrl,
    dataDir: config.dataDir,
  });
  const analytics = createAnalyticsService({
    db,
    audit,
    clock,
    dataDir: config.dataDir,
    postgresUrl: config.analyticsDatabaseUrl,
    limitsFrom: config.disclosureLimits,
  });
  const thirdSector = createThirdSectorServices({
    db,
    audit,
    clock,
    insights: partnership.insights,
    actions: partnership.actions,
    analytics: {
      ...placeWardReader(config.dataDir),
      listResults: (includeDrafts: boolean) => analytics.listResults(includeDrafts),
    },
  });
  const insightTagging = createInsightTaggingService({
    db,
    audit,
    insights: partnership.insights,
    clock,
    loadModel: () => readModelFile(),
  });
  const adviceServices = createAdviceServices({
    db,
    audit,
    clock,
    actions: partnership.actions,
    meetings: partnership.meetings,
  });
  return {
    config,
    database,
    clock,
    mailer: mail,
    audit,
    sessions,
    accounts,
    organisations,
    ...partnership,
    ...adviceServices,
    insightTagging,
    signIn: createSignInService({ db, audit, sessions, clock }),
    credentials: createCredentialsService({ db, audit, mailer: mail, clock, baseUrl: config.baseUrl }),
    demo: createDemoService({
      db,
      accounts,
      organisations,
      clock,
      edsDemo: () => loadEdsDemo({ eds, accounts, organisations, actions: partnership.actions }),
      analyticsDemo: () => loadAnalyticsDemo(analytics, config.dataDir),
      adviceDemo: () => loadAdviceDemo({ db, clock, accounts, organisations }),
      thirdSectorDemo: () => loadThirdSectorDemo({ services: thirdSector, accounts, organisations, clock }),
      insightTaggingDemo: () => loadInsightTaggingDemo({ accounts, tagging: insightTagging }),
    }),
    analytics,
    ...thirdSector,
    eds,
    health: createHealthService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
