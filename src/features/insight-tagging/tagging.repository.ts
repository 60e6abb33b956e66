import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, InsightTagTable } from '../../db/schema.ts';
import type { InsightTag, SuggestedTag, TagKind, TagSource, TagStatus } from './tagging.ts';

function toTag(row: Selectable<InsightTagTable>): InsightTag {
  return {
    id: row.id,
    insightId: row.insight_id,
    kind: row.kind as TagKind,
    value: row.value,
    source: row.source as TagSource,
    score: row.score === null ? null : Number(row.score),
    reason: row.reason,
    status: row.status as TagStatus,
    modelId: row.model_id,
    decidedByLabel: row.decided_by_label,
    decidedAt: row.decided_at,
  };
}

export async function findTags(db: Kysely<Database>, insightIds: string[]): Promise<InsightTag[]> {
  if (!insightIds.length) return [];
  const rows = await db
    .selectFrom('insight_tags')
    .selectAll()
    .where('insight_id', 'in', insightIds)
    .orderBy('kind')
    .orderBy('score', 'desc')
    .orderBy('value')
    .execute();
  return rows.map(toTag);
}

export async function findTag(db: Kysely<Database>, id: string): Promise<InsightTag | undefined> {
  const row = await db.selectFrom('insight_tags').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTag(row) : undefined;
}

/** Adds suggestions whose (kind, value) the item does not have yet; decided tags are never replaced. */
export async function insertSuggestions(
  db: Kysely<Database>,
  insightId: string,
  tags: SuggestedTag[],
  modelId: string | null,
  at: string,
): Promise<number> {
  const existing = new Set((await findTags(db, [insightId])).map((t) => `${t.kind}\u0000${t.value}`));
  const fresh = tags.filter((t) => !existing.has(`${t.kind}\u0000${t.value}`));
  if (!fresh.length) return 0;
  await db
    .insertInto('insight_tags')
    .values(
      fresh.map((t) => ({
        id: randomUUID(),
        insight_id: insightId,
        kind: t.kind,
        value: t.value,
        source: t.source,
        score: t.score,
        reason: t.reason,
        status: 'suggested',
        model_id: t.source === 'model' ? modelId : null,
        created_at: at,
      })),
    )
    .execute();
  return fresh.length;
}

export async function decideTag(
  db: Kysely<Database>,
  id: string,
  status: TagStatus,
  by: { id: string | null; label: string },
  at: string,
): Promise<void> {
  await db
    .updateTable('insight_tags')
    .set({ status, decided_by: by.id, decided_by_label: by.label, decided_at: at })
    .where('id', '=', id)
    .execute();
}

/** A staff-given tag (a corrected sentiment): replaces any earlier staff tag of that kind. */
export async function replaceStaffTag(
  db: Kysely<Database>,
  insightId: string,
  kind: TagKind,
  value: string,
  by: { id: string | null; label: string },
  at: string,
): Promise<void> {
  await db
    .deleteFrom('insight_tags')
    .where('insight_id', '=', insightId)
    .where('kind', '=', kind)
    .where('source', '=', 'staff')
    .execute();
  await db
    .insertInto('insight_tags')
    .values({
      id: randomUUID(),
      insight_id: insightId,
      kind,
      value,
      source: 'staff',
      score: null,
      reason: 'Chosen by staff',
      status: 'accepted',
      model_id: null,
      decided_by: by.id,
      decided_by_label: by.label,
      decided_at: at,
      created_at: at,
    })
    .execute();
}

export async function itemsWithoutTags(db: Kysely<Database>, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('insight_items')
    .select('id')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('insight_tags')
            .select('insight_tags.id')
            .whereRef('insight_tags.insight_id', '=', 'insight_items.id'),
        ),
      ),
    )
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Adds or removes an item's theme (by theme name, active themes only) or community. */
export async function linkThemeByName(
  db: Kysely<Database>,
  insightId: string,
  name: string,
  linked: boolean,
) {
  const theme = (await db.selectFrom('insight_themes').select(['id', 'name', 'active']).execute()).find(
    (t) => t.name.toLowerCase() === name.toLowerCase(),
  );
  if (!theme) return false;
  await db
    .deleteFrom('insight_item_themes')
    .where('insight_id', '=', insightId)
    .where('theme_id', '=', theme.id)
    .execute();
  if (linked)
    await db
      .insertInto('insight_item_themes')
      .values({ insight_id: insightId, theme_id: theme.id })
      .execute();
  return true;
}

export async function linkCommunity(
  db: Kysely<Database>,
  insightId: string,
  community: string,
  linked: boolean,
) {
  await db
    .deleteFrom('insight_item_communities')
    .where('insight_id', '=', insightId)
    .where('community', '=', community)
    .execute();
  if (linked)
    await db.insertInto('insight_item_communities').values({ insight_id: insightId, community }).execute();
}

/** Items staff have made any decision on, with their text, confirmed themes and sentiment. */
export async function decidedItems(db: Kysely<Database>) {
  const decided = await db
    .selectFrom('insight_tags')
    .select('insight_id')
    .distinct()
    .where('status', '!=', 'suggested')
    .execute();
  const ids = decided.map((d) => d.insight_id);
  if (!ids.length) return [];
  const [items, themes, sentiments] = await Promise.all([
    db
      .selectFrom('insight_items')
      .select(['id', 'title', 'description'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('insight_item_themes')
      .innerJoin('insight_themes', 'insight_themes.id', 'insight_item_themes.theme_id')
      .select(['insight_item_themes.insight_id', 'insight_themes.name'])
      .where('insight_item_themes.insight_id', 'in', ids)
      .execute(),
    db
      .selectFrom('insight_tags')
      .select(['insight_id', 'value'])
      .where('insight_id', 'in', ids)
      .where('kind', '=', 'sentiment')
      .where('status', '=', 'accepted')
      .execute(),
  ]);
  return items.map((item) => ({
    ...item,
    themes: themes.filter((t) => t.insight_id === item.id).map((t) => t.name),
    sentiment: sentiments.find((s) => s.insight_id === item.id)?.value ?? null,
  }));
}
