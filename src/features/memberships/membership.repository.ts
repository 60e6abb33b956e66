import type { Kysely, Selectable } from 'kysely';
import type { Database, MembershipApplicationTable } from '../../db/schema.ts';
import type { OrganisationKind } from '../organisations/organisation.ts';
import type { ApplicationStatus, MembershipApplication } from './membership.ts';

function toApplication(row: Selectable<MembershipApplicationTable>): MembershipApplication {
  return {
    id: row.id,
    organisationName: row.organisation_name,
    kind: row.kind as OrganisationKind,
    charityNumber: row.charity_number,
    companyNumber: row.company_number,
    website: row.website,
    description: row.description,
    communities: JSON.parse(row.communities_json) as string[],
    places: row.places,
    languages: row.languages,
    contactName: row.contact_name,
    contactRole: row.contact_role,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    listedPublicly: Number(row.listed_publicly) === 1,
    status: row.status as ApplicationStatus,
    decisionReason: row.decision_reason,
    organisationId: row.organisation_id,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}

export async function insertApplication(
  db: Kysely<Database>,
  application: Omit<
    MembershipApplication,
    'status' | 'decisionReason' | 'organisationId' | 'decidedAt' | 'createdAt'
  >,
  at: string,
): Promise<void> {
  await db
    .insertInto('membership_applications')
    .values({
      id: application.id,
      organisation_name: application.organisationName,
      kind: application.kind,
      charity_number: application.charityNumber,
      company_number: application.companyNumber,
      website: application.website,
      description: application.description,
      communities_json: JSON.stringify(application.communities),
      places: application.places,
      languages: application.languages,
      contact_name: application.contactName,
      contact_role: application.contactRole,
      contact_email: application.contactEmail,
      contact_phone: application.contactPhone,
      listed_publicly: application.listedPublicly ? 1 : 0,
      status: 'pending',
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function findApplication(
  db: Kysely<Database>,
  id: string,
): Promise<MembershipApplication | undefined> {
  const row = await db
    .selectFrom('membership_applications')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toApplication(row);
}

export async function findApplications(
  db: Kysely<Database>,
  status: ApplicationStatus | undefined,
): Promise<MembershipApplication[]> {
  let query = db.selectFrom('membership_applications').selectAll();
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('created_at', 'desc').execute();
  return rows.map(toApplication);
}

/** Records the decision only if the application is still pending; false if someone decided first. */
export async function decideApplication(
  db: Kysely<Database>,
  id: string,
  decision: {
    status: 'approved' | 'declined';
    reason: string | null;
    organisationId: string | null;
    decidedBy: string | null;
  },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('membership_applications')
    .set({
      status: decision.status,
      decision_reason: decision.reason,
      organisation_id: decision.organisationId,
      decided_by: decision.decidedBy,
      decided_at: at,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countPendingApplications(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('membership_applications')
    .select((eb) => eb.fn.countAll().as('total'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.total);
}
