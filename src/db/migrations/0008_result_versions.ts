import type { Kysely } from 'kysely';

/**
 * A result may have a published version and a newer draft at once, so that computing again leaves
 * the published figures up until staff have checked and published the new ones.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe past schemas, not today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('analytics_results_dataset_indicator').execute();
  await db.schema
    .createIndex('analytics_results_dataset_indicator_status')
    .on('analytics_results')
    .columns(['dataset_id', 'indicator_key', 'status'])
    .unique()
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  // The older index allows one version: keep the published one where there are two.
  await db
    .deleteFrom('analytics_results')
    .where('status', '=', 'draft')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('analytics_results as p')
          .select('p.id')
          .whereRef('p.dataset_id', '=', 'analytics_results.dataset_id')
          .whereRef('p.indicator_key', '=', 'analytics_results.indicator_key')
          .where('p.status', '=', 'published'),
      ),
    )
    .execute();
  await db.schema.dropIndex('analytics_results_dataset_indicator_status').execute();
  await db.schema
    .createIndex('analytics_results_dataset_indicator')
    .on('analytics_results')
    .columns(['dataset_id', 'indicator_key'])
    .unique()
    .execute();
}
