import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AccountService } from '../accounts/account.service.ts';
import { anonymousActor, type Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Mailer } from '../mail/mail.service.ts';
import type { OrganisationCommunity } from '../organisations/organisation.ts';
import {
  endRepresentative,
  findOrganisation,
  insertOrganisation,
  insertRepresentative,
  replaceCommunities,
  updateOrganisationRow,
} from '../organisations/organisation.repository.ts';
import { FormError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import { splitList } from './form-fields.ts';
import type { ApplicationStatus, MembershipApplication } from './membership.ts';
import {
  countPendingApplications,
  decideApplication,
  findApplication,
  findApplications,
  insertApplication,
} from './membership.repository.ts';
import {
  applicationSchema,
  declineSchema,
  endRepresentativeSchema,
  profileSchema,
  representativeSchema,
} from './membership.schema.ts';

export interface MembershipDeps {
  db: Kysely<Database>;
  audit: AuditService;
  accounts: AccountService;
  mailer: Mailer;
  clock: () => Date;
}

/** Communities, places and languages as the rows an organisation keeps. */
export function communityRows(input: {
  communities: string[];
  places: string | null;
  languages: string | null;
}): OrganisationCommunity[] {
  return [
    ...input.communities.map((label) => ({ category: 'community' as const, label })),
    ...splitList(input.places).map((label) => ({ category: 'place' as const, label })),
    ...splitList(input.languages).map((label) => ({ category: 'language' as const, label })),
  ];
}

export interface ApprovalResult {
  organisationId: string;
  invited: string[];
  alreadyHadAccount: string[];
}

export function createMembershipService(deps: MembershipDeps) {
  const { db, audit, accounts, mailer, clock } = deps;
  const now = () => clock().toISOString();
  const today = () => now().slice(0, 10);

  async function pending(trx: Kysely<Database>, id: string): Promise<MembershipApplication> {
    const application = await findApplication(trx, id);
    if (!application) throw new NotFoundError('No such application');
    if (application.status !== 'pending') {
      throw new FormError([{ field: 'form', message: 'This application has already been decided' }]);
    }
    return application;
  }

  async function createOrganisationFrom(trx: Kysely<Database>, a: MembershipApplication): Promise<string> {
    const organisationId = randomUUID();
    const at = now();
    await insertOrganisation(trx, { id: organisationId, name: a.organisationName, kind: a.kind }, at);
    await updateOrganisationRow(
      trx,
      organisationId,
      {
        name: a.organisationName,
        kind: a.kind,
        charityNumber: a.charityNumber,
        companyNumber: a.companyNumber,
        contactName: a.contactName,
        contactEmail: a.contactEmail,
        contactPhone: a.contactPhone,
        website: a.website,
        description: a.description,
        listedPublicly: a.listedPublicly,
      },
      at,
    );
    await replaceCommunities(trx, organisationId, communityRows(a));
    await insertRepresentative(
      trx,
      {
        id: randomUUID(),
        organisationId,
        name: a.contactName,
        roleTitle: a.contactRole,
        email: a.contactEmail,
        userId: null,
        startDate: today(),
      },
      at,
    );
    return organisationId;
  }

  return {
    /** The public "Join the partnership" form: no account needed. */
    async apply(input: unknown): Promise<MembershipApplication> {
      const data = parseInput(applicationSchema, input);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await insertApplication(trx, { id, ...data }, now());
        await audit.record(trx, anonymousActor(), {
          action: 'membership.apply',
          entityType: 'membership_application',
          entityId: id,
          summary: `${data.organisationName} applied to join the partnership`,
        });
      });
      await mailer.send({
        to: data.contactEmail,
        subject: 'We have your application to join the Health Equality Partnership',
        text: [
          `Hello ${data.contactName},`,
          '',
          `Thank you for applying for ${data.organisationName} to join the Health Equality Partnership.`,
          'Our patient and community engagement team will be in touch, usually within 10 working days.',
        ].join('\n'),
      });
      return (await findApplication(db, id))!;
    },

    list: (status?: ApplicationStatus) => findApplications(db, status),
    countPending: () => countPendingApplications(db),

    async get(id: string): Promise<MembershipApplication> {
      const application = await findApplication(db, id);
      if (!application) throw new NotFoundError('No such application');
      return application;
    },

    /** Creates the organisation and its first representative, then invites the contact to sign in. */
    async approve(actor: Actor, id: string): Promise<ApprovalResult> {
      const { application, organisationId } = await db.transaction().execute(async (trx) => {
        const a = await pending(trx, id);
        const organisationId = await createOrganisationFrom(trx, a);
        await decideApplication(
          trx,
          id,
          { status: 'approved', reason: null, organisationId, decidedBy: actor.id },
          now(),
        );
        await audit.record(trx, actor, {
          action: 'membership.approve',
          entityType: 'membership_application',
          entityId: id,
          summary: `Approved ${a.organisationName} as a partnership member`,
          after: { organisationId },
        });
        return { application: a, organisationId };
      });
      const result: ApprovalResult = { organisationId, invited: [], alreadyHadAccount: [] };
      try {
        await accounts.invite(actor, {
          name: application.contactName,
          email: application.contactEmail,
          role: 'member',
          organisationId,
        });
        result.invited.push(application.contactEmail);
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        result.alreadyHadAccount.push(application.contactEmail);
      }
      return result;
    },

    async decline(actor: Actor, id: string, input: unknown): Promise<void> {
      const { reason } = parseInput(declineSchema, input);
      const application = await db.transaction().execute(async (trx) => {
        const a = await pending(trx, id);
        await decideApplication(
          trx,
          id,
          { status: 'declined', reason, organisationId: null, decidedBy: actor.id },
          now(),
        );
        await audit.record(trx, actor, {
          action: 'membership.decline',
          entityType: 'membership_application',
          entityId: id,
          summary: `Declined the application from ${a.organisationName}`,
          after: { reason },
        });
        return a;
      });
      await mailer.send({
        to: application.contactEmail,
        subject: 'Your application to join the Health Equality Partnership',
        text: [
          `Hello ${application.contactName},`,
          '',
          `Thank you for applying for ${application.organisationName} to join the Health Equality Partnership.`,
          'We are sorry that we cannot accept the application at the moment, for this reason:',
          '',
          reason,
          '',
          'If you would like to talk about this, reply to this email or contact the patient and community engagement team.',
        ].join('\n'),
      });
    },

    async updateProfile(actor: Actor, organisationId: string, input: unknown): Promise<void> {
      const data = parseInput(profileSchema, input);
      await db.transaction().execute(async (trx) => {
        const before = await findOrganisation(trx, organisationId);
        if (!before) throw new NotFoundError('No such organisation');
        await updateOrganisationRow(trx, organisationId, data, now());
        await replaceCommunities(trx, organisationId, communityRows(data));
        await audit.record(trx, actor, {
          action: 'organisation.update',
          entityType: 'organisation',
          entityId: organisationId,
          summary: `Changed the details of ${data.name}`,
          after: data,
        });
      });
    },

    async addRepresentative(actor: Actor, organisationId: string, input: unknown): Promise<void> {
      const data = parseInput(representativeSchema, input);
      await db.transaction().execute(async (trx) => {
        const id = randomUUID();
        await insertRepresentative(trx, { id, organisationId, userId: null, ...data }, now());
        await audit.record(trx, actor, {
          action: 'organisation.representative_add',
          entityType: 'organisation',
          entityId: organisationId,
          summary: `Added ${data.name} (${data.roleTitle}) as a representative`,
          after: { representativeId: id, ...data },
        });
      });
    },

    async endRepresentative(
      actor: Actor,
      organisationId: string,
      representativeId: string,
      input: unknown,
    ): Promise<void> {
      const { endDate } = parseInput(endRepresentativeSchema, input);
      await db.transaction().execute(async (trx) => {
        if (!(await endRepresentative(trx, organisationId, representativeId, endDate))) {
          throw new NotFoundError('No such representative');
        }
        await audit.record(trx, actor, {
          action: 'organisation.representative_end',
          entityType: 'organisation',
          entityId: organisationId,
          summary: `Ended a representative's term on ${endDate}`,
          after: { representativeId, endDate },
        });
      });
    },
  };
}

export type MembershipService = ReturnType<typeof createMembershipService>;
