import type { Kysely } from 'kysely';

/**
 * Files can be added to a dataset (an extract a month): the import that adds them is recorded
 * beside the dataset, as a new import of its name is, and `adds_to` names the dataset whose rows
 * it keeps, so that its pages can say that it adds to it rather than replaces it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('analytics_datasets').addColumn('adds_to', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('analytics_datasets').dropColumn('adds_to').execute();
}
