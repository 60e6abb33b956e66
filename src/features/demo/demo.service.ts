import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AccountService } from '../accounts/account.service.ts';
import { systemActor } from '../audit/audit.ts';
import type { OrganisationService } from '../organisations/organisation.service.ts';
import { loadPartnershipDemo } from '../memberships/partnership-demo.ts';
import { readSetting, writeSetting } from '../settings/settings.repository.ts';
import {
  demoMemberOrganisations,
  demoSettingKey,
  demoTrust,
  demoUsers,
  type DemoCredential,
} from './demo.ts';

function demoPassword(): string {
  return `demo-${randomBytes(9).toString('base64url')}`;
}

export function createDemoService(deps: {
  db: Kysely<Database>;
  accounts: AccountService;
  organisations: OrganisationService;
  clock: () => Date;
  /** Loads the synthetic analytics data (fictional ICS, service activity, published indicators). */
  analyticsDemo?: () => Promise<void>;
  /** Loads a completed, published EDS review for last year and this year's review in progress. */
  edsDemo?: () => Promise<void>;
  /** Loads initiatives brought to the partnership for advice, with their impact assessments. */
  adviceDemo?: () => Promise<void>;
  /** Loads places with plans, outreach, funded partner agreements and the directory. */
  thirdSectorDemo?: () => Promise<void>;
  /** Imports synthetic Friends and Family Test comments and tags every insight item. */
  insightTaggingDemo?: () => Promise<void>;
}) {
  const { db, accounts, organisations, clock } = deps;
  return {
    isLoaded: async (): Promise<boolean> => (await readSetting(db, demoSettingKey)) !== undefined,

    /** Loads the synthetic partnership once; returns the new accounts' passwords, or null if already loaded. */
    async load(): Promise<DemoCredential[] | null> {
      if (await readSetting(db, demoSettingKey)) return null;
      const trust = await organisations.create(systemActor, demoTrust);
      const members = [];
      for (const organisation of demoMemberOrganisations) {
        members.push(await organisations.create(systemActor, organisation));
      }
      const credentials: DemoCredential[] = [];
      for (const user of demoUsers) {
        const password = demoPassword();
        const organisation = user.organisation === 'trust' ? trust : members[user.organisation];
        await accounts.create(systemActor, {
          name: user.name,
          email: user.email,
          role: user.role,
          organisationId: organisation?.id,
          password,
        });
        credentials.push({ role: user.role, email: user.email, password });
      }
      await loadPartnershipDemo({ db, clock, accounts, organisations, members });
      await deps.analyticsDemo?.();
      await deps.edsDemo?.();
      await deps.adviceDemo?.();
      await deps.thirdSectorDemo?.();
      await deps.insightTaggingDemo?.();
      await writeSetting(db, demoSettingKey, clock().toISOString(), clock().toISOString());
      return credentials;
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
