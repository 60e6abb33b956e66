import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Agreement, AgreementStatus } from './agreement.ts';

export type NewAgreement = Omit<Agreement, 'organisationName' | 'placeName'>;

export async function insertAgreement(db: Kysely<Database>, a: NewAgreement, at: string): Promise<void> {
  await db
    .insertInto('agreements')
    .values({
      id: a.id,
      organisation_id: a.organisationId,
      title: a.title,
      purpose: a.purpose,
      place_id: a.placeId,
      starts_on: a.startsOn,
      ends_on: a.endsOn,
      amount_pence: a.amountPence,
      status: a.status,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('agreement_communities')
    .values(a.communities.map((community) => ({ agreement_id: a.id, community })))
    .execute();
}

export async function updateStatus(db: Kysely<Database>, id: string, status: AgreementStatus, at: string) {
  await db.updateTable('agreements').set({ status, updated_at: at }).where('id', '=', id).execute();
}

export async function findAgreements(
  db: Kysely<Database>,
  filter: { organisationId?: string | undefined; id?: string; placeId?: string },
): Promise<Agreement[]> {
  let query = db
    .selectFrom('agreements as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('places as p', 'p.id', 'a.place_id')
    .selectAll('a')
    .select(['o.name as organisation_name', 'p.name as place_name']);
  if (filter.organisationId) query = query.where('a.organisation_id', '=', filter.organisationId);
  if (filter.id) query = query.where('a.id', '=', filter.id);
  if (filter.placeId) query = query.where('a.place_id', '=', filter.placeId);
  const rows = await query.orderBy('a.starts_on', 'desc').orderBy('a.title').execute();
  const ids = rows.map((r) => r.id);
  const tags = ids.length
    ? await db
        .selectFrom('agreement_communities')
        .select(['agreement_id', 'community'])
        .where('agreement_id', 'in', ids)
        .orderBy('community')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    title: r.title,
    purpose: r.purpose,
    placeId: r.place_id,
    placeName: r.place_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    amountPence: Number(r.amount_pence),
    status: r.status as AgreementStatus,
    communities: tags.filter((t) => t.agreement_id === r.id).map((t) => t.community),
  }));
}

export async function findInstalments(db: Kysely<Database>, agreementIds: string[]) {
  if (!agreementIds.length) return [];
  const rows = await db
    .selectFrom('agreement_instalments')
    .select(['id', 'agreement_id', 'due_on', 'amount_pence', 'paid_on'])
    .where('agreement_id', 'in', agreementIds)
    .orderBy('due_on')
    .execute();
  return rows.map((r) => ({ ...r, amount_pence: Number(r.amount_pence) }));
}

export async function insertInstalment(
  db: Kysely<Database>,
  agreementId: string,
  row: { dueOn: string; amountPence: number },
  at: string,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('agreement_instalments')
    .values({
      id,
      agreement_id: agreementId,
      due_on: row.dueOn,
      amount_pence: row.amountPence,
      paid_on: null,
      created_at: at,
    })
    .execute();
  return id;
}

export async function markPaid(
  db: Kysely<Database>,
  agreementId: string,
  id: string,
  paidOn: string,
): Promise<number> {
  const result = await db
    .updateTable('agreement_instalments')
    .set({ paid_on: paidOn })
    .where('id', '=', id)
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findDeliverables(db: Kysely<Database>, agreementId: string) {
  const rows = await db
    .selectFrom('agreement_deliverables as d')
    .leftJoin('agreement_deliveries as x', 'x.deliverable_id', 'd.id')
    .select(['d.id', 'd.description', 'd.community', 'd.target', 'd.due_on'])
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('x.quantity'), eb.lit(0)).as('delivered'))
    .where('d.agreement_id', '=', agreementId)
    .groupBy(['d.id', 'd.description', 'd.community', 'd.target', 'd.due_on'])
    .orderBy('d.due_on')
    .orderBy('d.description')
    .execute();
  return rows.map((r) => ({ ...r, target: Number(r.target), delivered: Number(r.delivered) }));
}

export async function insertDeliverable(
  db: Kysely<Database>,
  agreementId: string,
  row: { description: string; community: string | null; target: number; dueOn: string },
  at: string,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('agreement_deliverables')
    .values({
      id,
      agreement_id: agreementId,
      description: row.description,
      community: row.community,
      target: row.target,
      due_on: row.dueOn,
      created_at: at,
    })
    .execute();
  return id;
}

export async function findMilestones(db: Kysely<Database>, agreementId: string) {
  return db
    .selectFrom('agreement_milestones')
    .select(['id', 'title', 'due_on', 'met_on'])
    .where('agreement_id', '=', agreementId)
    .orderBy('due_on')
    .execute();
}

export async function insertMilestone(
  db: Kysely<Database>,
  agreementId: string,
  row: { title: string; dueOn: string },
  at: string,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('agreement_milestones')
    .values({
      id,
      agreement_id: agreementId,
      title: row.title,
      due_on: row.dueOn,
      met_on: null,
      created_at: at,
    })
    .execute();
  return id;
}

export async function markMet(
  db: Kysely<Database>,
  agreementId: string,
  id: string,
  metOn: string,
): Promise<number> {
  const result = await db
    .updateTable('agreement_milestones')
    .set({ met_on: metOn })
    .where('id', '=', id)
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
