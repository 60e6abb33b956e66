import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type {
  LinkedAction,
  LinkedInsight,
  OutreachActivity,
  OutreachFilter,
  OutreachKind,
} from './outreach.ts';

export interface ActivityRow {
  id: string;
  kind: OutreachKind;
  title: string;
  heldOn: string;
  placeId: string | null;
  wardCode: string | null;
  wardName: string | null;
  location: string | null;
  organisationId: string | null;
  peopleReached: number;
  languages: string[];
  heard: string | null;
  communities: string[];
}

const columns = (row: ActivityRow) => ({
  kind: row.kind,
  title: row.title,
  held_on: row.heldOn,
  place_id: row.placeId,
  ward_code: row.wardCode,
  ward_name: row.wardName,
  location: row.location,
  organisation_id: row.organisationId,
  people_reached: row.peopleReached,
  languages: row.languages.length ? row.languages.join(', ') : null,
  heard: row.heard,
});

export async function insertActivity(
  db: Kysely<Database>,
  row: ActivityRow,
  createdBy: string | null,
  at: string,
): Promise<void> {
  await db
    .insertInto('outreach_activities')
    .values({ id: row.id, ...columns(row), created_by: createdBy, created_at: at, updated_at: at })
    .execute();
  await replaceCommunities(db, row.id, row.communities);
}

export async function updateActivity(db: Kysely<Database>, row: ActivityRow, at: string): Promise<void> {
  await db
    .updateTable('outreach_activities')
    .set({ ...columns(row), updated_at: at })
    .where('id', '=', row.id)
    .execute();
  await replaceCommunities(db, row.id, row.communities);
}

async function replaceCommunities(db: Kysely<Database>, id: string, list: string[]): Promise<void> {
  await db.deleteFrom('outreach_activity_communities').where('activity_id', '=', id).execute();
  if (list.length) {
    await db
      .insertInto('outreach_activity_communities')
      .values(list.map((community) => ({ activity_id: id, community })))
      .execute();
  }
}

export async function findActivities(
  db: Kysely<Database>,
  filter: OutreachFilter & { ids?: string[] },
): Promise<OutreachActivity[]> {
  let query = db
    .selectFrom('outreach_activities as a')
    .leftJoin('places', 'places.id', 'a.place_id')
    .leftJoin('organisations', 'organisations.id', 'a.organisation_id')
    .selectAll('a')
    .select(['places.name as place_name', 'organisations.name as organisation_name']);
  if (filter.ids) query = query.where('a.id', 'in', filter.ids.length ? filter.ids : ['none']);
  if (filter.organisationId) query = query.where('a.organisation_id', '=', filter.organisationId);
  if (filter.placeId) query = query.where('a.place_id', '=', filter.placeId);
  if (filter.from) query = query.where('a.held_on', '>=', filter.from);
  if (filter.to) query = query.where('a.held_on', '<=', filter.to);
  const rows = await query.orderBy('a.held_on', 'desc').orderBy('a.title').execute();
  const ids = rows.map((r) => r.id);
  const tags = ids.length
    ? await db
        .selectFrom('outreach_activity_communities')
        .select(['activity_id', 'community'])
        .where('activity_id', 'in', ids)
        .orderBy('community')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as OutreachKind,
    title: r.title,
    heldOn: r.held_on,
    placeId: r.place_id,
    placeName: r.place_name,
    wardCode: r.ward_code,
    wardName: r.ward_name,
    location: r.location,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    peopleReached: Number(r.people_reached),
    languages: r.languages ? r.languages.split(', ') : [],
    heard: r.heard,
    communities: tags.filter((t) => t.activity_id === r.id).map((t) => t.community),
    createdAt: r.created_at,
  }));
}

export async function linkInsight(db: Kysely<Database>, activityId: string, insightId: string) {
  await db
    .insertInto('outreach_activity_insights')
    .values({ activity_id: activityId, insight_id: insightId })
    .execute();
}

export async function linkAction(db: Kysely<Database>, activityId: string, actionId: string) {
  await db
    .insertInto('outreach_activity_actions')
    .values({ activity_id: activityId, action_id: actionId })
    .execute();
}

export async function findLinkedInsights(db: Kysely<Database>, activityId: string): Promise<LinkedInsight[]> {
  return db
    .selectFrom('outreach_activity_insights as l')
    .innerJoin('insight_items as i', 'i.id', 'l.insight_id')
    .select(['i.id', 'i.title', 'i.status'])
    .where('l.activity_id', '=', activityId)
    .orderBy('i.created_at')
    .execute();
}

export async function findLinkedActions(db: Kysely<Database>, activityId: string): Promise<LinkedAction[]> {
  return db
    .selectFrom('outreach_activity_actions as l')
    .innerJoin('actions as x', 'x.id', 'l.action_id')
    .select(['x.id', 'x.title', 'x.status', 'x.due_date as dueDate'])
    .where('l.activity_id', '=', activityId)
    .orderBy('x.due_date')
    .execute();
}

export async function findPlaceName(db: Kysely<Database>, placeId: string): Promise<string | undefined> {
  return (await db.selectFrom('places').select('name').where('id', '=', placeId).executeTakeFirst())?.name;
}

export async function findPlaceIdByName(db: Kysely<Database>, name: string): Promise<string | undefined> {
  return (await db.selectFrom('places').select('id').where('name', '=', name).executeTakeFirst())?.id;
}

export async function organisationExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}
