import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * The Health Equality Partnership: member organisations' profiles, applications to join, insight
 * items and their themes, actions (shared with other features through action_links), meetings.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await extendOrganisations(db);
  await createMembershipTables(db);
  await createInsightTables(db);
  await seedThemes(db);
  await createActionTables(db);
  await createMeetingTables(db);
}

const organisationColumns = [
  'charity_number',
  'company_number',
  'contact_name',
  'contact_email',
  'contact_phone',
  'website',
  'description',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function extendOrganisations(db: Kysely<any>): Promise<void> {
  // SQLite adds one column per ALTER TABLE statement.
  for (const column of organisationColumns) {
    await db.schema.alterTable('organisations').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('organisations')
    .addColumn('listed_publicly', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createMembershipTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisation_communities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organisation_communities_org')
    .on('organisation_communities')
    .column('organisation_id')
    .execute();

  await db.schema
    .createTable('organisation_representatives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role_title', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('membership_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('charity_number', 'text')
    .addColumn('company_number', 'text')
    .addColumn('website', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('communities_json', 'text', (c) => c.notNull())
    .addColumn('places', 'text')
    .addColumn('languages', 'text')
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_role', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text')
    .addColumn('listed_publicly', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createInsightTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('insight_themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('insight_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('service', 'text')
    .addColumn('place', 'text')
    .addColumn('people_affected', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('wants_reply', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_name', 'text')
    .addColumn('reply_email', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('no_action_reason', 'text')
    .addColumn('triage_note', 'text')
    .addColumn('public_summary', 'text')
    .addColumn('publishable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('insight_items_status').on('insight_items').column('status').execute();
  await db.schema.createIndex('insight_items_org').on('insight_items').column('organisation_id').execute();

  await db.schema
    .createTable('insight_item_themes')
    .addColumn('insight_id', 'text', (c) => c.notNull().references('insight_items.id').onDelete('cascade'))
    .addColumn('theme_id', 'text', (c) => c.notNull().references('insight_themes.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('insight_item_themes_pk', ['insight_id', 'theme_id'])
    .execute();

  await db.schema
    .createTable('insight_item_communities')
    .addColumn('insight_id', 'text', (c) => c.notNull().references('insight_items.id').onDelete('cascade'))
    .addColumn('community', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('insight_item_communities_pk', ['insight_id', 'community'])
    .execute();

  await db.schema
    .createTable('insight_relations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('insight_id', 'text', (c) => c.notNull().references('insight_items.id').onDelete('cascade'))
    .addColumn('related_id', 'text', (c) => c.notNull().references('insight_items.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('insight_relations_pair', ['insight_id', 'related_id'])
    .execute();
}

/** The starter taxonomy; administrators can rename, add and retire themes later. */
const starterThemes = [
  'Access',
  'Communication',
  'Interpreting and language',
  'Discrimination',
  'Waiting times',
  'Transport',
  'Digital exclusion',
  'Dignity and respect',
  'Information',
  'Environment',
  'Cost',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function seedThemes(db: Kysely<any>): Promise<void> {
  const at = new Date().toISOString();
  await db
    .insertInto('insight_themes')
    .values(
      starterThemes.map((name) => ({ id: randomUUID(), name, active: 1, created_at: at, updated_at: at })),
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createActionTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('owner_role_label', 'text', (c) => c.notNull())
    .addColumn('directorate', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('publishable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('public_summary', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('actions_owner').on('actions').column('owner_user_id').execute();
  await db.schema.createIndex('actions_due').on('actions').columns(['status', 'due_date']).execute();

  await db.schema
    .createTable('action_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_updates_action').on('action_updates').column('action_id').execute();

  await db.schema
    .createTable('action_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('action_links_unique', ['action_id', 'target_type', 'target_id'])
    .execute();
  await db.schema
    .createIndex('action_links_target')
    .on('action_links')
    .columns(['target_type', 'target_id'])
    .execute();

  await db.schema
    .createTable('action_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('action_reminders_daily', ['action_id', 'sent_on'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createMeetingTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('minutes', 'text')
    .addColumn('agenda_published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('minutes_published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meeting_agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation_name', 'text')
    .addColumn('attendance', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meeting_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'meeting_decisions',
    'meeting_attendance',
    'meeting_agenda_items',
    'meetings',
    'action_reminders',
    'action_links',
    'action_updates',
    'actions',
    'insight_relations',
    'insight_item_communities',
    'insight_item_themes',
    'insight_items',
    'insight_themes',
    'membership_applications',
    'organisation_representatives',
    'organisation_communities',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of [...organisationColumns, 'listed_publicly']) {
    await db.schema.alterTable('organisations').dropColumn(column).execute();
  }
}
