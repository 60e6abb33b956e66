import type { Kysely } from 'kysely';

/**
 * Perspective and advice: initiatives brought to the partnership, their documents and questions,
 * members' answers, the decision log (duty to involve), and the equality and health inequalities
 * impact assessment (EHIA) attached to each initiative.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await createInitiativeTables(db);
  await createAnswerTables(db);
  await createAssessmentTables(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createInitiativeTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('initiatives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('lead_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('lead_name', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('window_opens_on', 'text')
    .addColumn('window_closes_on', 'text')
    .addColumn('advice_summary', 'text')
    .addColumn('advice_by_label', 'text')
    .addColumn('advice_at', 'text')
    .addColumn('response_changed', 'text')
    .addColumn('response_unchanged', 'text')
    .addColumn('response_by_label', 'text')
    .addColumn('response_at', 'text')
    .addColumn('public_summary', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('initiatives_published').on('initiatives').column('published').execute();

  await db.schema
    .createTable('initiative_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('link_url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('initiative_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('initiative_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('duty_applies', 'integer', (c) => c.notNull())
    .addColumn('duty_section', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('recorded_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createAnswerTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('initiative_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) =>
      c.notNull().references('initiative_questions.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('answered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('initiative_answers_one_per_org', ['question_id', 'organisation_id'])
    .execute();
  await db.schema
    .createIndex('initiative_answers_initiative')
    .on('initiative_answers')
    .column('initiative_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createAssessmentTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('impact_assessments')
    .addColumn('initiative_id', 'text', (c) =>
      c.primaryKey().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('engagement', 'text')
    .addColumn('signed_off_by', 'text')
    .addColumn('signed_off_role', 'text')
    .addColumn('signed_off_on', 'text')
    .addColumn('review_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('impact_assessment_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('impact', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('mitigation', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('impact_assessment_groups_one', ['initiative_id', 'group_key'])
    .execute();

  await db.schema
    .createTable('impact_assessment_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('impact_assessment_links_one', [
      'initiative_id',
      'group_key',
      'target_type',
      'target_id',
    ])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'impact_assessment_links',
    'impact_assessment_groups',
    'impact_assessments',
    'initiative_answers',
    'initiative_decisions',
    'initiative_questions',
    'initiative_documents',
    'initiatives',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
