import type { Kysely } from 'kysely';

/**
 * Insight tagging: suggested themes, equality groups, sentiment and QDC sub-categories for each
 * insight item, with staff decisions (the corrections `parity themes train` can learn from), and
 * the provenance of bulk-imported comments.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('insight_tags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('insight_id', 'text', (c) => c.notNull().references('insight_items.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('score', 'real')
    .addColumn('reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by_label', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('insight_tags_value', ['insight_id', 'kind', 'value'])
    .execute();
  await db.schema.createIndex('insight_tags_status').on('insight_tags').columns(['kind', 'status']).execute();

  await db.schema
    .createTable('insight_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('rows_imported', 'integer', (c) => c.notNull())
    .addColumn('problems_json', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('imported_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('insight_import_items')
    .addColumn('import_id', 'text', (c) => c.notNull().references('insight_imports.id').onDelete('cascade'))
    .addColumn('insight_id', 'text', (c) => c.notNull().references('insight_items.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('insight_import_items_pk', ['import_id', 'insight_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('insight_import_items').execute();
  await db.schema.dropTable('insight_imports').execute();
  await db.schema.dropTable('insight_tags').execute();
}
