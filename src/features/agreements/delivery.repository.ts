import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Delivery } from './agreement.ts';

export interface NewDelivery {
  agreementId: string;
  deliverableId: string;
  quantity: number;
  deliveredOn: string;
  notes: string;
  activityId: string | null;
  insightId: string | null;
  reportedBy: string;
  reportedByLabel: string;
}

export async function insertDelivery(db: Kysely<Database>, row: NewDelivery, at: string): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('agreement_deliveries')
    .values({
      id,
      agreement_id: row.agreementId,
      deliverable_id: row.deliverableId,
      quantity: row.quantity,
      delivered_on: row.deliveredOn,
      notes: row.notes,
      activity_id: row.activityId,
      insight_id: row.insightId,
      reported_by: row.reportedBy,
      reported_by_label: row.reportedByLabel,
      created_at: at,
    })
    .execute();
  return id;
}

export async function findDeliveries(db: Kysely<Database>, agreementId: string): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('agreement_deliveries as x')
    .innerJoin('agreement_deliverables as d', 'd.id', 'x.deliverable_id')
    .leftJoin('outreach_activities as a', 'a.id', 'x.activity_id')
    .leftJoin('insight_items as i', 'i.id', 'x.insight_id')
    .select([
      'x.id',
      'x.deliverable_id',
      'd.description',
      'x.quantity',
      'x.delivered_on',
      'x.notes',
      'x.activity_id',
      'a.title as activity_title',
      'x.insight_id',
      'i.title as insight_title',
      'x.reported_by_label',
    ])
    .where('x.agreement_id', '=', agreementId)
    .orderBy('x.delivered_on', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    deliverableId: r.deliverable_id,
    deliverableDescription: r.description,
    quantity: Number(r.quantity),
    deliveredOn: r.delivered_on,
    notes: r.notes,
    activityId: r.activity_id,
    activityTitle: r.activity_title,
    insightId: r.insight_id,
    insightTitle: r.insight_title,
    reportedByLabel: r.reported_by_label,
  }));
}

/** Activities and insight an organisation brought, to link a delivery report to. */
export async function findOrganisationWork(db: Kysely<Database>, organisationId: string) {
  const [activities, insights] = await Promise.all([
    db
      .selectFrom('outreach_activities')
      .select(['id', 'title', 'held_on'])
      .where('organisation_id', '=', organisationId)
      .orderBy('held_on', 'desc')
      .execute(),
    db
      .selectFrom('insight_items')
      .select(['id', 'title', 'created_at'])
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at', 'desc')
      .execute(),
  ]);
  return { activities, insights };
}

export async function findOrganisationKind(db: Kysely<Database>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('organisations').select('kind').where('id', '=', id).executeTakeFirst())?.kind;
}

export async function placeExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('places').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
