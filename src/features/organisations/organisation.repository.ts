import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type {
  CommunityCategory,
  Organisation,
  OrganisationCommunity,
  OrganisationKind,
  OrganisationProfile,
  ProfileFields,
  Representative,
} from './organisation.ts';

export async function insertOrganisation(
  db: Kysely<Database>,
  organisation: Organisation,
  at: string,
): Promise<void> {
  await db
    .insertInto('organisations')
    .values({ ...organisation, created_at: at, updated_at: at })
    .execute();
}

export async function findOrganisations(db: Kysely<Database>): Promise<Organisation[]> {
  const rows = await db.selectFrom('organisations').select(['id', 'name', 'kind']).orderBy('name').execute();
  return rows.map((r) => ({ ...r, kind: r.kind as OrganisationKind }));
}

export async function findOrganisation(db: Kysely<Database>, id: string): Promise<Organisation | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { ...row, kind: row.kind as OrganisationKind };
}

export async function findOrganisationByName(
  db: Kysely<Database>,
  name: string,
): Promise<Organisation | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row && { ...row, kind: row.kind as OrganisationKind };
}

export async function updateOrganisationRow(
  db: Kysely<Database>,
  id: string,
  fields: { name: string; kind: OrganisationKind } & Omit<ProfileFields, 'communities'>,
  at: string,
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({
      name: fields.name,
      kind: fields.kind,
      charity_number: fields.charityNumber,
      company_number: fields.companyNumber,
      contact_name: fields.contactName,
      contact_email: fields.contactEmail,
      contact_phone: fields.contactPhone,
      website: fields.website,
      description: fields.description,
      listed_publicly: fields.listedPublicly ? 1 : 0,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function replaceCommunities(
  db: Kysely<Database>,
  organisationId: string,
  communities: OrganisationCommunity[],
): Promise<void> {
  await db.deleteFrom('organisation_communities').where('organisation_id', '=', organisationId).execute();
  if (!communities.length) return;
  await db
    .insertInto('organisation_communities')
    .values(
      communities.map((c) => ({
        id: randomUUID(),
        organisation_id: organisationId,
        category: c.category,
        label: c.label,
      })),
    )
    .execute();
}

export async function findProfile(
  db: Kysely<Database>,
  id: string,
): Promise<OrganisationProfile | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [communities, representatives] = await Promise.all([
    db
      .selectFrom('organisation_communities')
      .select(['category', 'label'])
      .where('organisation_id', '=', id)
      .orderBy('category')
      .orderBy('label')
      .execute(),
    findRepresentatives(db, id),
  ]);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrganisationKind,
    charityNumber: row.charity_number,
    companyNumber: row.company_number,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    website: row.website,
    description: row.description,
    listedPublicly: Number(row.listed_publicly) === 1,
    communities: communities.map((c) => ({ category: c.category as CommunityCategory, label: c.label })),
    representatives,
  };
}

export async function findRepresentatives(
  db: Kysely<Database>,
  organisationId: string,
): Promise<Representative[]> {
  const rows = await db
    .selectFrom('organisation_representatives')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('start_date')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    name: r.name,
    roleTitle: r.role_title,
    email: r.email,
    userId: r.user_id,
    startDate: r.start_date,
    endDate: r.end_date,
  }));
}

export async function insertRepresentative(
  db: Kysely<Database>,
  representative: Omit<Representative, 'endDate'>,
  at: string,
): Promise<void> {
  await db
    .insertInto('organisation_representatives')
    .values({
      id: representative.id,
      organisation_id: representative.organisationId,
      name: representative.name,
      role_title: representative.roleTitle,
      email: representative.email,
      user_id: representative.userId,
      start_date: representative.startDate,
      created_at: at,
    })
    .execute();
}

export async function endRepresentative(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  endDate: string,
): Promise<boolean> {
  const result = await db
    .updateTable('organisation_representatives')
    .set({ end_date: endDate })
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Member organisations (not the trust) with the communities and places they connect with. */
export async function findMemberDirectory(
  db: Kysely<Database>,
  options: { listedOnly: boolean },
): Promise<
  (Organisation & {
    listedPublicly: boolean;
    website: string | null;
    description: string | null;
    communities: OrganisationCommunity[];
  })[]
> {
  let query = db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'listed_publicly', 'website', 'description'])
    .where('kind', '<>', 'trust');
  if (options.listedOnly) query = query.where('listed_publicly', '=', 1);
  const rows = await query.orderBy('name').execute();
  const ids = rows.map((r) => r.id);
  const communities = ids.length
    ? await db
        .selectFrom('organisation_communities')
        .select(['organisation_id', 'category', 'label'])
        .where('organisation_id', 'in', ids)
        .orderBy('label')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as OrganisationKind,
    listedPublicly: Number(r.listed_publicly) === 1,
    website: r.website,
    description: r.description,
    communities: communities
      .filter((c) => c.organisation_id === r.id)
      .map((c) => ({ category: c.category as CommunityCategory, label: c.label })),
  }));
}
