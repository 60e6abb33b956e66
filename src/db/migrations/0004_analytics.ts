import type { Kysely } from 'kysely';

// Analytics: provenance of imported datasets, indicators people add, and computed results. Only
// aggregates that passed disclosure control are stored here; patient-level rows stay in the
// analytics store (Parquet).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('analytics_datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('file_format', 'text', (c) => c.notNull())
    .addColumn('lsoa_vintage', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('rows_read', 'integer')
    .addColumn('rows_stored', 'integer')
    .addColumn('rows_with_problems', 'integer')
    .addColumn('fields_json', 'text')
    .addColumn('mapping_json', 'text')
    .addColumn('report_json', 'text')
    .addColumn('error', 'text')
    .addColumn('imported_by', 'text')
    .addColumn('imported_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('analytics_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_key', 'text', (c) => c.notNull().unique())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('analytics_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) =>
      c.notNull().references('analytics_datasets.id').onDelete('cascade'),
    )
    .addColumn('indicator_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('computed_by_label', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by_label', 'text')
    .execute();
  await db.schema
    .createIndex('analytics_results_dataset_indicator')
    .on('analytics_results')
    .columns(['dataset_id', 'indicator_key'])
    .unique()
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('analytics_results').execute();
  await db.schema.dropTable('analytics_indicators').execute();
  await db.schema.dropTable('analytics_datasets').execute();
}
