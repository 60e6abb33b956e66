import type { Kysely } from 'kysely';
import type {
  AnalyticsDatasetTable,
  AnalyticsIndicatorTable,
  AnalyticsResultTable,
  Database,
} from '../../db/schema.ts';

export type DatasetRow = AnalyticsDatasetTable;
export type ResultRow = AnalyticsResultTable;

export const findDatasets = (db: Kysely<Database>): Promise<DatasetRow[]> =>
  db.selectFrom('analytics_datasets').selectAll().orderBy('created_at', 'desc').execute();

export const findDataset = (db: Kysely<Database>, id: string): Promise<DatasetRow | undefined> =>
  db.selectFrom('analytics_datasets').selectAll().where('id', '=', id).executeTakeFirst();

export const findDatasetByName = (db: Kysely<Database>, name: string): Promise<DatasetRow | undefined> =>
  db.selectFrom('analytics_datasets').selectAll().where('name', '=', name).executeTakeFirst();

/** Imports recorded beside a dataset of this name, to take it when they succeed. */
export const findPendingDatasets = (db: Kysely<Database>, name: string): Promise<DatasetRow[]> =>
  db.selectFrom('analytics_datasets').selectAll().where('pending_name', '=', name).execute();

export async function insertDataset(db: Kysely<Database>, row: DatasetRow): Promise<void> {
  await db.insertInto('analytics_datasets').values(row).execute();
}

export async function updateDataset(
  db: Kysely<Database>,
  id: string,
  changes: Partial<DatasetRow>,
): Promise<void> {
  await db.updateTable('analytics_datasets').set(changes).where('id', '=', id).execute();
}

/** Gives a dataset's published results to the dataset that replaces it; returns how many. */
export async function movePublishedResults(
  db: Kysely<Database>,
  fromDatasetId: string,
  toDatasetId: string,
): Promise<number> {
  const moved = await db
    .updateTable('analytics_results')
    .set({ dataset_id: toDatasetId })
    .where('dataset_id', '=', fromDatasetId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

export async function deleteDataset(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('analytics_results').where('dataset_id', '=', id).execute();
  await db.deleteFrom('analytics_datasets').where('id', '=', id).execute();
}

/** A stored result with the name of the dataset it was computed from. */
export type ResultWithDataset = ResultRow & {
  dataset_name: string | null;
  dataset_imported_at: string | null;
};

const resultsWithDataset = (db: Kysely<Database>) =>
  db
    .selectFrom('analytics_results as r')
    .leftJoin('analytics_datasets as d', 'd.id', 'r.dataset_id')
    .selectAll('r')
    .select(['d.name as dataset_name', 'd.updated_at as dataset_imported_at']);

export const findResults = (db: Kysely<Database>, onlyPublished: boolean): Promise<ResultWithDataset[]> => {
  let query = resultsWithDataset(db).orderBy('r.computed_at', 'desc');
  if (onlyPublished) query = query.where('r.status', '=', 'published');
  return query.execute();
};

/** One dataset's results, without their (large) JSON: for listing on the dataset's page. */
export const findResultsOfDataset = (db: Kysely<Database>, datasetId: string) =>
  db
    .selectFrom('analytics_results')
    .select(['id', 'indicator_key', 'title', 'status'])
    .where('dataset_id', '=', datasetId)
    .orderBy('title')
    // A published version before its draft ('published' > 'draft').
    .orderBy('status', 'desc')
    .execute();

export const findResult = (db: Kysely<Database>, id: string): Promise<ResultWithDataset | undefined> =>
  resultsWithDataset(db).where('r.id', '=', id).executeTakeFirst();

/** Stores a newly computed draft in place of the previous draft; a published version stays up. */
export async function replaceDraft(db: Kysely<Database>, row: ResultRow): Promise<void> {
  await db
    .deleteFrom('analytics_results')
    .where('dataset_id', '=', row.dataset_id)
    .where('indicator_key', '=', row.indicator_key)
    .where('status', '=', 'draft')
    .execute();
  await db.insertInto('analytics_results').values(row).execute();
}

/** The other version of a result (the published one of a draft, or the newer draft of a published one). */
export const findOtherVersion = (
  db: Kysely<Database>,
  row: Pick<ResultRow, 'id' | 'dataset_id' | 'indicator_key'>,
): Promise<Pick<ResultRow, 'id' | 'status' | 'computed_at'> | undefined> =>
  db
    .selectFrom('analytics_results')
    .select(['id', 'status', 'computed_at'])
    .where('dataset_id', '=', row.dataset_id)
    .where('indicator_key', '=', row.indicator_key)
    .where('id', '!=', row.id)
    .executeTakeFirst();

export async function deleteResult(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('analytics_results').where('id', '=', id).execute();
}

export async function updateResult(
  db: Kysely<Database>,
  id: string,
  changes: Partial<ResultRow>,
): Promise<void> {
  await db.updateTable('analytics_results').set(changes).where('id', '=', id).execute();
}

export const findCustomIndicators = (db: Kysely<Database>) =>
  db.selectFrom('analytics_indicators').selectAll().orderBy('created_at').execute();

export async function insertIndicator(db: Kysely<Database>, row: AnalyticsIndicatorTable): Promise<void> {
  await db.insertInto('analytics_indicators').values(row).execute();
}

/** Removes an indicator added by people (built-in ones are not in the table); true when one was. */
export async function deleteIndicator(db: Kysely<Database>, key: string): Promise<boolean> {
  const result = await db
    .deleteFrom('analytics_indicators')
    .where('indicator_key', '=', key)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
