import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DirectoryEntry, DirectoryFilter, DirectoryScope, EngagementGuide } from './directory.ts';
import type { EntryInput } from './directory.schema.ts';

export async function insertEntry(
  db: Kysely<Database>,
  id: string,
  e: EntryInput,
  at: string,
): Promise<void> {
  const { communities, ...fields } = e;
  await db
    .insertInto('directory_entries')
    .values({ id, ...fields, created_at: at, updated_at: at })
    .execute();
  await replaceCommunities(db, id, communities);
}

export async function updateEntry(
  db: Kysely<Database>,
  id: string,
  e: EntryInput,
  at: string,
): Promise<void> {
  const { communities, ...fields } = e;
  await db
    .updateTable('directory_entries')
    .set({ ...fields, updated_at: at })
    .where('id', '=', id)
    .execute();
  await replaceCommunities(db, id, communities);
}

async function replaceCommunities(db: Kysely<Database>, id: string, list: string[]): Promise<void> {
  await db.deleteFrom('directory_entry_communities').where('entry_id', '=', id).execute();
  await db
    .insertInto('directory_entry_communities')
    .values(list.map((community) => ({ entry_id: id, community })))
    .execute();
}

/** Case-insensitive search over name, area and description; a group filter matches groups served. */
export async function findEntries(
  db: Kysely<Database>,
  filter: DirectoryFilter & { id?: string },
): Promise<DirectoryEntry[]> {
  let query = db.selectFrom('directory_entries as e').selectAll('e');
  if (filter.id) query = query.where('e.id', '=', filter.id);
  if (filter.scope) query = query.where('e.scope', '=', filter.scope);
  if (filter.community) {
    const community = filter.community;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('directory_entry_communities as c')
          .select('c.entry_id')
          .whereRef('c.entry_id', '=', 'e.id')
          .where('c.community', '=', community),
      ),
    );
  }
  if (filter.q) {
    // Wildcards typed by people are dropped rather than escaped: SQLite and PostgreSQL escape differently.
    const pattern = `%${filter.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) =>
      eb.or(
        (['e.name', 'e.area', 'e.description'] as const).map((column) =>
          eb(eb.fn('lower', [column]), 'like', eb.val(pattern)),
        ),
      ),
    );
  }
  const rows = await query.orderBy('e.name').execute();
  const ids = rows.map((r) => r.id);
  const tags = ids.length
    ? await db
        .selectFrom('directory_entry_communities')
        .select(['entry_id', 'community'])
        .where('entry_id', 'in', ids)
        .orderBy('community')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scope: r.scope as DirectoryScope,
    area: r.area,
    description: r.description,
    contact: r.contact,
    email: r.email,
    phone: r.phone,
    website: r.website,
    communities: tags.filter((t) => t.entry_id === r.id).map((t) => t.community),
  }));
}

const toGuide = (r: {
  id: string;
  slug: string;
  community: string;
  summary: string;
  body: string;
  updated_by_label: string;
  updated_at: string;
}): EngagementGuide => ({
  id: r.id,
  slug: r.slug,
  community: r.community,
  summary: r.summary,
  body: r.body,
  updatedByLabel: r.updated_by_label,
  updatedAt: r.updated_at,
});

export async function findGuides(db: Kysely<Database>): Promise<EngagementGuide[]> {
  return (await db.selectFrom('engagement_guides').selectAll().orderBy('community').execute()).map(toGuide);
}

export async function findGuide(db: Kysely<Database>, slug: string): Promise<EngagementGuide | undefined> {
  const row = await db
    .selectFrom('engagement_guides')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && toGuide(row);
}

export async function updateGuide(
  db: Kysely<Database>,
  slug: string,
  fields: { summary: string; body: string; updatedByLabel: string },
  at: string,
): Promise<void> {
  await db
    .updateTable('engagement_guides')
    .set({
      summary: fields.summary,
      body: fields.body,
      updated_by_label: fields.updatedByLabel,
      updated_at: at,
    })
    .where('slug', '=', slug)
    .execute();
}
