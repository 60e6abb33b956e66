import type { Kysely } from 'kysely';

/**
 * A dataset imported again under its name is imported beside the earlier one and takes the name
 * only when it succeeds, so a failed import loses nothing. Until then its name is a placeholder
 * and `pending_name` holds the name it will take.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('analytics_datasets').addColumn('pending_name', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  // Imports that never finished have no name of their own to go back to.
  await db.deleteFrom('analytics_datasets').where('pending_name', 'is not', null).execute();
  await db.schema.alterTable('analytics_datasets').dropColumn('pending_name').execute();
}
