// Removing a dataset: its record and every result computed from it go in one transaction with the
// audit entry; its files in the analytics store (the patient-level rows) are deleted once that has
// committed. A linked PostgreSQL table is never touched: only Parity's record of the link goes.
import type { Kysely } from 'kysely';
import { removeDatasetFiles } from '../../analytics/datasets/dataset-files.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../audit/audit.ts';
import { FormError, NotFoundError } from '../shared/errors.ts';
import type { AnalyticsContext } from './analytics-context.ts';
import * as repo from './analytics.repository.ts';
import {
  importIsRunning,
  resultsByIndicator,
  toDataset,
  type Dataset,
  type ResultOfDataset,
} from './analytics.ts';

export type DatasetRef = { id: string } | { name: string };

/** What removing a dataset would do, for the page that asks to confirm it. */
export interface DatasetRemoval {
  dataset: Dataset;
  /** The results computed from it, one per indicator, which go with it. */
  results: ResultOfDataset[];
  /** How many of those are published. */
  published: number;
  /** True while its import runs: it cannot be removed until the import has finished or failed. */
  importing: boolean;
  /** Marked as importing, but the import has stopped (nothing written for an hour). */
  stalled: boolean;
}

/** What was removed, as the audit entry keeps it. */
export interface RemovedDataset {
  id: string;
  name: string;
  sourceFile: string;
  /** A linked PostgreSQL table: the table itself was left as it was. */
  linked: boolean;
  results: number;
  published: number;
}

const stillImportingMessage =
  'This dataset is still being imported. Wait until the import has finished or failed, then remove it.';

const removedAction = 'analytics.dataset.removed';

/** By name: the dataset of that name or, when there is none, an import that did not take the name. */
async function findByName(db: Kysely<Database>, name: string) {
  return (await repo.findDatasetByName(db, name)) ?? (await repo.findPendingDatasets(db, name))[0];
}

async function findRow(db: Kysely<Database>, ref: DatasetRef) {
  const row = 'id' in ref ? await repo.findDataset(db, ref.id) : await findByName(db, ref.name.trim());
  if (!row)
    throw new NotFoundError('id' in ref ? 'No such dataset' : `There is no dataset called ${ref.name}`);
  return row;
}

async function removalOf(ctx: AnalyticsContext, db: Kysely<Database>, ref: DatasetRef) {
  const dataset = toDataset(await findRow(db, ref));
  const versions = await repo.findResultsOfDataset(db, dataset.id);
  const results = resultsByIndicator(versions);
  const importing = importIsRunning(dataset, ctx.clock());
  return {
    dataset,
    versions,
    results,
    published: results.filter((r) => r.publishedId !== null).length,
    importing,
    stalled: dataset.status === 'importing' && !importing,
  };
}

function removedSummary(removal: DatasetRemoval): RemovedDataset {
  const { dataset } = removal;
  return {
    id: dataset.id,
    name: dataset.name,
    sourceFile: dataset.sourceFile,
    linked: dataset.format === 'postgres',
    results: removal.results.length,
    published: removal.published,
  };
}

async function removeDataset(ctx: AnalyticsContext, actor: Actor, ref: DatasetRef): Promise<RemovedDataset> {
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const removal = await removalOf(ctx, trx, ref);
    if (removal.importing) throw new FormError([{ field: 'remove', message: stillImportingMessage }]);
    await repo.deleteDataset(trx, removal.dataset.id);
    const summary = removedSummary(removal);
    await ctx.audit.record(trx, actor, {
      action: removedAction,
      entityType: 'analytics_dataset',
      entityId: summary.id,
      summary: `Removed dataset ${summary.name} (${summary.sourceFile}) and ${summary.results} ${summary.results === 1 ? 'result' : 'results'} computed from it, ${summary.published} of them published`,
      before: {
        ...summary,
        removedResults: removal.versions.map(({ title, status }) => ({ title, status })),
      },
    });
    return summary;
  });
  // After the commit, so that a failed transaction never leaves a record without its file.
  removeDatasetFiles(await ctx.store(), removed.id);
  return removed;
}

export function datasetRemovalOperations(ctx: AnalyticsContext) {
  return {
    /** What removing a dataset would do: its results (draft and published) and whether it can go now. */
    removalOf: (ref: DatasetRef): Promise<DatasetRemoval> => removalOf(ctx, ctx.db, ref),

    /**
     * Removes a dataset, the results computed from it and its files. Refused (FormError) while
     * its import is still running.
     */
    removeDataset: (actor: Actor, ref: DatasetRef): Promise<RemovedDataset> => removeDataset(ctx, actor, ref),

    /** A dataset removed earlier, as its audit entry describes it (null when there is none). */
    async removedDataset(id: string): Promise<RemovedDataset | null> {
      const { entries } = await ctx.audit.list({
        action: removedAction,
        entityType: 'analytics_dataset',
        entityId: id,
        page: 1,
      });
      const before = entries[0]?.before as RemovedDataset | undefined;
      if (!before) return null;
      const { id: removedId, name, sourceFile, linked, results, published } = before;
      return { id: removedId, name, sourceFile, linked, results, published };
    },
  };
}
