import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Organisation, OrganisationKind } from './organisation.ts';

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
