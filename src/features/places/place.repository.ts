import type { Kysely } from 'kysely';
import type { Database, PlaceTable } from '../../db/schema.ts';
import { linesOf, type Place, type PlaceInsight } from './place.ts';
import type { PlaceInput } from './place.schema.ts';

const toPlace = (r: PlaceTable): Place => ({
  id: r.id,
  name: r.name,
  summary: r.summary,
  priorities: linesOf(r.priorities),
  planSummary: r.plan_summary,
  partners: linesOf(r.partners),
  published: Number(r.published) === 1,
});

const columns = (p: PlaceInput) => ({
  name: p.name,
  summary: p.summary,
  priorities: p.priorities,
  plan_summary: p.planSummary,
  partners: p.partners,
  published: p.published ? 1 : 0,
});

export async function insertPlace(db: Kysely<Database>, id: string, p: PlaceInput, at: string) {
  await db
    .insertInto('places')
    .values({ id, ...columns(p), created_at: at, updated_at: at })
    .execute();
}

export async function updatePlace(db: Kysely<Database>, id: string, p: PlaceInput, at: string) {
  await db
    .updateTable('places')
    .set({ ...columns(p), updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function findPlaces(db: Kysely<Database>, publishedOnly: boolean): Promise<Place[]> {
  let query = db.selectFrom('places').selectAll();
  if (publishedOnly) query = query.where('published', '=', 1);
  return (await query.orderBy('name').execute()).map(toPlace);
}

export async function findPlace(db: Kysely<Database>, id: string): Promise<Place | undefined> {
  const row = await db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toPlace(row);
}

export async function findPlaceByName(db: Kysely<Database>, name: string): Promise<Place | undefined> {
  const row = await db.selectFrom('places').selectAll().where('name', '=', name).executeTakeFirst();
  return row && toPlace(row);
}

/**
 * Insight about a place: items naming the place, one of its authorities or wards, and items
 * raised at outreach activities held there. `publishedOnly` keeps what "you said, we did" shows.
 */
export async function findPlaceInsight(
  db: Kysely<Database>,
  placeId: string,
  names: string[],
  publishedOnly: boolean,
): Promise<PlaceInsight[]> {
  const lowered = [...new Set(names.map((n) => n.toLowerCase()))];
  let query = db
    .selectFrom('insight_items as i')
    .select(['i.id', 'i.title', 'i.public_summary as publicSummary', 'i.status', 'i.created_at as createdAt'])
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['i.place']), 'in', lowered),
        eb(
          'i.id',
          'in',
          eb
            .selectFrom('outreach_activity_insights as l')
            .innerJoin('outreach_activities as a', 'a.id', 'l.activity_id')
            .select('l.insight_id')
            .where('a.place_id', '=', placeId),
        ),
      ]),
    );
  if (publishedOnly) query = query.where('i.publishable', '=', 1).where('i.public_summary', 'is not', null);
  return query.orderBy('i.created_at', 'desc').limit(50).execute();
}
