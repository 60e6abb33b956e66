import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Database, InsightItemTable } from '../../db/schema.ts';
import {
  insightPageSize,
  referenceOf,
  type InsightFilter,
  type InsightItem,
  type InsightSource,
  type InsightStatus,
  type PeopleAffected,
  type Theme,
} from './insight.ts';

type ItemRow = Selectable<InsightItemTable> & { organisation_name: string | null };

export type NewInsight = Pick<
  InsightItem,
  | 'id'
  | 'title'
  | 'description'
  | 'service'
  | 'place'
  | 'peopleAffected'
  | 'evidence'
  | 'source'
  | 'organisationId'
  | 'submittedBy'
  | 'wantsReply'
  | 'replyName'
  | 'replyEmail'
  | 'communities'
>;

export type TriageFields = Pick<
  InsightItem,
  'status' | 'noActionReason' | 'triageNote' | 'publicSummary' | 'publishable'
>;

function selectItems(db: Kysely<Database>) {
  return db
    .selectFrom('insight_items')
    .leftJoin('organisations', 'organisations.id', 'insight_items.organisation_id')
    .selectAll('insight_items')
    .select('organisations.name as organisation_name');
}

function toItem(row: ItemRow, themes: Theme[], communities: string[]): InsightItem {
  return {
    id: row.id,
    reference: referenceOf(row.id),
    title: row.title,
    description: row.description,
    service: row.service,
    place: row.place,
    peopleAffected: row.people_affected as PeopleAffected,
    evidence: row.evidence,
    source: row.source as InsightSource,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    submittedBy: row.submitted_by,
    wantsReply: Number(row.wants_reply) === 1,
    replyName: row.reply_name,
    replyEmail: row.reply_email,
    status: row.status as InsightStatus,
    noActionReason: row.no_action_reason,
    triageNote: row.triage_note,
    publicSummary: row.public_summary,
    publishable: Number(row.publishable) === 1,
    statusChangedAt: row.status_changed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    themes,
    communities,
  };
}

/** Themes and communities of many items in two queries. */
async function withTags(db: Kysely<Database>, rows: ItemRow[]): Promise<InsightItem[]> {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [themes, communities] = await Promise.all([
    db
      .selectFrom('insight_item_themes')
      .innerJoin('insight_themes', 'insight_themes.id', 'insight_item_themes.theme_id')
      .select([
        'insight_item_themes.insight_id',
        'insight_themes.id',
        'insight_themes.name',
        'insight_themes.description',
        'insight_themes.active',
      ])
      .where('insight_item_themes.insight_id', 'in', ids)
      .orderBy('insight_themes.name')
      .execute(),
    db
      .selectFrom('insight_item_communities')
      .select(['insight_id', 'community'])
      .where('insight_id', 'in', ids)
      .orderBy('community')
      .execute(),
  ]);
  return rows.map((row) =>
    toItem(
      row,
      themes
        .filter((t) => t.insight_id === row.id)
        .map((t) => ({ id: t.id, name: t.name, description: t.description, active: Number(t.active) === 1 })),
      communities.filter((c) => c.insight_id === row.id).map((c) => c.community),
    ),
  );
}

export async function insertInsight(db: Kysely<Database>, item: NewInsight, at: string): Promise<void> {
  await db
    .insertInto('insight_items')
    .values({
      id: item.id,
      title: item.title,
      description: item.description,
      service: item.service,
      place: item.place,
      people_affected: item.peopleAffected,
      evidence: item.evidence,
      source: item.source,
      organisation_id: item.organisationId,
      submitted_by: item.submittedBy,
      wants_reply: item.wantsReply ? 1 : 0,
      reply_name: item.replyName,
      reply_email: item.replyEmail,
      status: 'new',
      publishable: 0,
      status_changed_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await replaceCommunities(db, item.id, item.communities);
}

export async function replaceCommunities(
  db: Kysely<Database>,
  id: string,
  communities: string[],
): Promise<void> {
  await db.deleteFrom('insight_item_communities').where('insight_id', '=', id).execute();
  if (communities.length) {
    await db
      .insertInto('insight_item_communities')
      .values(communities.map((community) => ({ insight_id: id, community })))
      .execute();
  }
}

export async function replaceThemes(db: Kysely<Database>, id: string, themeIds: string[]): Promise<void> {
  await db.deleteFrom('insight_item_themes').where('insight_id', '=', id).execute();
  if (themeIds.length) {
    await db
      .insertInto('insight_item_themes')
      .values(themeIds.map((theme_id) => ({ insight_id: id, theme_id })))
      .execute();
  }
}

export async function updateSubmission(
  db: Kysely<Database>,
  id: string,
  fields: Pick<
    InsightItem,
    'title' | 'description' | 'service' | 'place' | 'peopleAffected' | 'evidence' | 'communities'
  >,
  at: string,
): Promise<void> {
  await db
    .updateTable('insight_items')
    .set({
      title: fields.title,
      description: fields.description,
      service: fields.service,
      place: fields.place,
      people_affected: fields.peopleAffected,
      evidence: fields.evidence,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
  await replaceCommunities(db, id, fields.communities);
}

export async function updateTriage(
  db: Kysely<Database>,
  id: string,
  fields: TriageFields,
  statusChanged: boolean,
  at: string,
): Promise<void> {
  await db
    .updateTable('insight_items')
    .set({
      status: fields.status,
      no_action_reason: fields.noActionReason,
      triage_note: fields.triageNote,
      public_summary: fields.publicSummary,
      publishable: fields.publishable ? 1 : 0,
      updated_at: at,
      ...(statusChanged ? { status_changed_at: at } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function clearReplyContact(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db
    .updateTable('insight_items')
    .set({ reply_name: null, reply_email: null, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function findInsight(db: Kysely<Database>, id: string): Promise<InsightItem | undefined> {
  const row = await selectItems(db).where('insight_items.id', '=', id).executeTakeFirst();
  return row ? (await withTags(db, [row]))[0] : undefined;
}

export async function findInsightsByIdPrefix(db: Kysely<Database>, prefix: string): Promise<string[]> {
  const rows = await db.selectFrom('insight_items').select('id').where('id', 'like', `${prefix}%`).execute();
  return rows.map((r) => r.id);
}

/** Insight items tagged with a theme; for `where` on any query over insight_items. */
export function taggedWithTheme(themeId: string) {
  return (eb: ExpressionBuilder<Database, 'insight_items'>) =>
    eb.exists(
      eb
        .selectFrom('insight_item_themes')
        .select('insight_item_themes.theme_id')
        .whereRef('insight_item_themes.insight_id', '=', 'insight_items.id')
        .where('insight_item_themes.theme_id', '=', themeId),
    );
}

/** Insight items that concern a community; for `where` on any query over insight_items. */
export function concernsCommunity(community: string) {
  return (eb: ExpressionBuilder<Database, 'insight_items'>) =>
    eb.exists(
      eb
        .selectFrom('insight_item_communities')
        .select('insight_item_communities.community')
        .whereRef('insight_item_communities.insight_id', '=', 'insight_items.id')
        .where('insight_item_communities.community', '=', community),
    );
}

function filtered(db: Kysely<Database>, filter: InsightFilter) {
  let query = selectItems(db);
  if (filter.status) query = query.where('insight_items.status', '=', filter.status);
  if (filter.organisationId) query = query.where('insight_items.organisation_id', '=', filter.organisationId);
  const { themeId, community, q } = filter;
  if (themeId) query = query.where(taggedWithTheme(themeId));
  if (community) query = query.where(concernsCommunity(community));
  if (q) {
    const pattern = `%${q.toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['insight_items.title']), 'like', pattern),
        eb(eb.fn('lower', ['insight_items.description']), 'like', pattern),
        eb(eb.fn('lower', ['insight_items.service']), 'like', pattern),
      ]),
    );
  }
  return query;
}

export async function findInsights(
  db: Kysely<Database>,
  filter: InsightFilter,
  options: { paged: boolean },
): Promise<{ items: InsightItem[]; total: number }> {
  const query = filtered(db, filter);
  let rowsQuery = query.orderBy('insight_items.created_at', 'desc').orderBy('insight_items.id');
  if (options.paged) {
    rowsQuery = rowsQuery.limit(insightPageSize).offset(((filter.page ?? 1) - 1) * insightPageSize);
  }
  const [rows, count] = await Promise.all([
    rowsQuery.execute(),
    filtered(db, filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: await withTags(db, rows), total: Number(count.total) };
}

export async function insertRelation(
  db: Kysely<Database>,
  id: string,
  relatedId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('insight_relations')
    .values({ id: randomUUID(), insight_id: id, related_id: relatedId, created_at: at })
    .onConflict((oc) => oc.columns(['insight_id', 'related_id']).doNothing())
    .execute();
}

/** Related items in either direction. */
export async function findRelated(
  db: Kysely<Database>,
  id: string,
): Promise<{ id: string; title: string; status: InsightStatus; organisationId: string | null }[]> {
  const [outgoing, incoming] = await Promise.all([
    db.selectFrom('insight_relations').select('related_id as other').where('insight_id', '=', id).execute(),
    db.selectFrom('insight_relations').select('insight_id as other').where('related_id', '=', id).execute(),
  ]);
  const ids = [...new Set([...outgoing, ...incoming].map((r) => r.other))];
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('insight_items')
    .select(['id', 'title', 'status', 'organisation_id'])
    .where('id', 'in', ids)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status as InsightStatus,
    organisationId: r.organisation_id,
  }));
}
