import type { Kysely } from 'kysely';

/** The Equality Delivery System portal and workforce equality figures (WRES/WDES). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('eds_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('year_label', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('ics_name', 'text', (c) => c.notNull())
    .addColumn('sponsor_name', 'text', (c) => c.notNull())
    .addColumn('lead_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('lead_name', 'text', (c) => c.notNull())
    .addColumn('partner_organisations', 'text', (c) => c.notNull())
    .addColumn('services_reviewed', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('grades_released', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('date_authorised', 'text')
    .addColumn('third_party_trade_union', 'text', (c) => c.notNull())
    .addColumn('third_party_peer_reviewers', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_json', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('eds_review_domains')
    .addColumn('review_id', 'text', (c) => c.notNull().references('eds_reviews.id').onDelete('cascade'))
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addPrimaryKeyConstraint('eds_review_domains_pk', ['review_id', 'group_code'])
    .execute();

  await db.schema
    .createTable('eds_review_outcomes')
    .addColumn('review_id', 'text', (c) => c.notNull().references('eds_reviews.id').onDelete('cascade'))
    .addColumn('outcome_code', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('consensus_score', 'integer')
    .addColumn('consensus_agreed_by', 'text')
    .addColumn('consensus_rationale', 'text')
    .addColumn('consensus_recorded_at', 'text')
    .addPrimaryKeyConstraint('eds_review_outcomes_pk', ['review_id', 'outcome_code'])
    .execute();

  await db.schema
    .createTable('eds_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) => c.notNull().references('eds_reviews.id').onDelete('cascade'))
    .addColumn('outcome_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('link_url', 'text')
    .addColumn('file_key', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_type', 'text')
    .addColumn('file_size', 'integer')
    .addColumn('provided_by', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('eds_evidence_outcome')
    .on('eds_evidence')
    .columns(['review_id', 'outcome_code'])
    .execute();

  await db.schema
    .createTable('eds_graders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) => c.notNull().references('eds_reviews.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('constituency', 'text', (c) => c.notNull())
    .addColumn('outcome_codes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('eds_graders_review_user', ['review_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('eds_grades')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) => c.notNull().references('eds_reviews.id').onDelete('cascade'))
    .addColumn('grader_id', 'text', (c) => c.notNull().references('eds_graders.id').onDelete('cascade'))
    .addColumn('outcome_code', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('eds_grades_grader_outcome', ['grader_id', 'outcome_code'])
    .execute();
  await db.schema.createIndex('eds_grades_review').on('eds_grades').column('review_id').execute();

  await db.schema
    .createTable('eds_objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('start_year', 'integer', (c) => c.notNull())
    .addColumn('end_year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('eds_action_objectives')
    .addColumn('action_id', 'text', (c) => c.primaryKey().references('actions.id').onDelete('cascade'))
    .addColumn('objective_id', 'text', (c) => c.notNull().references('eds_objectives.id').onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('workforce_years')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().unique())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workforce_figures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year_id', 'text', (c) => c.notNull().references('workforce_years.id').onDelete('cascade'))
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('cohort', 'text', (c) => c.notNull())
    .addColumn('cluster', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('base', 'double precision')
    .execute();
  await db.schema.createIndex('workforce_figures_year').on('workforce_figures').column('year_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'workforce_figures',
    'workforce_years',
    'eds_action_objectives',
    'eds_objectives',
    'eds_grades',
    'eds_graders',
    'eds_evidence',
    'eds_review_outcomes',
    'eds_review_domains',
    'eds_reviews',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
