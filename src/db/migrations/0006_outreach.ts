import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { starterGuides } from './0006_outreach_guides.ts';

/**
 * The equal partnership with the third sector: places and their plans, outreach activities,
 * funded partner agreements, the directory of organisations and the quick-reference guides on
 * engaging each group. A place's local authorities and wards come from the analytics geography.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await createPlaces(db);
  await createOutreach(db);
  await createAgreements(db);
  await createAgreementRecords(db);
  await createDirectory(db);
  await seedGuides(db);
}

async function createPlaces(db: Db): Promise<void> {
  await db.schema
    .createTable('places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('priorities', 'text', (c) => c.notNull())
    .addColumn('plan_summary', 'text')
    .addColumn('partners', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

async function createOutreach(db: Db): Promise<void> {
  await db.schema
    .createTable('outreach_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.references('places.id').onDelete('set null'))
    .addColumn('ward_code', 'text')
    .addColumn('ward_name', 'text')
    .addColumn('location', 'text')
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('people_reached', 'integer', (c) => c.notNull())
    .addColumn('languages', 'text')
    .addColumn('heard', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_held_on').on('outreach_activities').column('held_on').execute();
  await db.schema.createIndex('outreach_org').on('outreach_activities').column('organisation_id').execute();

  await db.schema
    .createTable('outreach_activity_communities')
    .addColumn('activity_id', 'text', (c) =>
      c.notNull().references('outreach_activities.id').onDelete('cascade'),
    )
    .addColumn('community', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outreach_activity_communities_pk', ['activity_id', 'community'])
    .execute();

  for (const [table, column, target] of [
    ['outreach_activity_insights', 'insight_id', 'insight_items.id'],
    ['outreach_activity_actions', 'action_id', 'actions.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('activity_id', 'text', (c) =>
        c.notNull().references('outreach_activities.id').onDelete('cascade'),
      )
      .addColumn(column, 'text', (c) => c.notNull().references(target).onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pk`, ['activity_id', column])
      .execute();
  }
}

async function createAgreements(db: Db): Promise<void> {
  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.references('places.id').onDelete('set null'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('amount_pence', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agreements_org').on('agreements').column('organisation_id').execute();

  await db.schema
    .createTable('agreement_communities')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('community', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_communities_pk', ['agreement_id', 'community'])
    .execute();

  await db.schema
    .createTable('agreement_instalments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('amount_pence', 'integer', (c) => c.notNull())
    .addColumn('paid_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

async function createAgreementRecords(db: Db): Promise<void> {
  await db.schema
    .createTable('agreement_deliverables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('community', 'text')
    .addColumn('target', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agreement_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('met_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agreement_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('deliverable_id', 'text', (c) =>
      c.notNull().references('agreement_deliverables.id').onDelete('cascade'),
    )
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('delivered_on', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.references('outreach_activities.id').onDelete('set null'))
    .addColumn('insight_id', 'text', (c) => c.references('insight_items.id').onDelete('set null'))
    .addColumn('reported_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reported_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

async function createDirectory(db: Db): Promise<void> {
  await db.schema
    .createTable('directory_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('website', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('directory_entry_communities')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('directory_entries.id').onDelete('cascade'))
    .addColumn('community', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_entry_communities_pk', ['entry_id', 'community'])
    .execute();

  await db.schema
    .createTable('engagement_guides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('community', 'text', (c) => c.notNull().unique())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

/** A plain-English starter guide for each group; staff edit them afterwards. */
async function seedGuides(db: Db): Promise<void> {
  const at = new Date().toISOString();
  await db
    .insertInto('engagement_guides')
    .values(
      starterGuides.map((g) => ({
        id: randomUUID(),
        slug: g.slug,
        community: g.community,
        summary: g.summary,
        body: g.body,
        updated_by_label: 'Parity starter guide',
        updated_at: at,
      })),
    )
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'engagement_guides',
    'directory_entry_communities',
    'directory_entries',
    'agreement_deliveries',
    'agreement_milestones',
    'agreement_deliverables',
    'agreement_instalments',
    'agreement_communities',
    'agreements',
    'outreach_activity_actions',
    'outreach_activity_insights',
    'outreach_activity_communities',
    'outreach_activities',
    'places',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
