// Dataset imports: the provenance record, the import itself (in the analytics store) and its
// outcome, each step in a transaction with the audit log. Datasets that live in a PostgreSQL table
// are linked instead: checked where they are, and recorded the same way.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { removeDatasetFiles } from '../../analytics/datasets/dataset-files.ts';
import {
  geographyRelation,
  importDataset,
  type ImportedDataset,
  type ImportProgress,
} from '../../analytics/datasets/import.ts';
import { sourceFilesProblem } from '../../analytics/datasets/file-checks.ts';
import { SourceFileError } from '../../analytics/datasets/source.ts';
import { listInWords } from '../../analytics/in-words.ts';
import { linkTable } from '../../analytics/datasets/link.ts';
import { lsoaLookupFile } from '../../analytics/geography/lsoa-lookup.ts';
import { sourceFileOf } from '../../analytics/geography/source-record.ts';
import { mappingProblems } from '../../analytics/datasets/mapping-input.ts';
import { PostgresSourceError } from '../../analytics/postgres-source.ts';
import { numericFieldsUsed } from '../../analytics/indicators/schema.ts';
import type { Actor } from '../audit/audit.ts';
import { FormError, NotFoundError, type FieldError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import type { AnalyticsContext } from './analytics-context.ts';
import * as repo from './analytics.repository.ts';
import type { DatasetRow } from './analytics.repository.ts';
import { importIsRunning, toDataset, type Dataset } from './analytics.ts';
import { allIndicators } from './indicator-list.ts';
import { datasetImportSchema, datasetLinkSchema } from './analytics.schema.ts';

interface ImportRequest {
  name?: string;
  file?: string;
  /** Files with the headings of `file` (or some added or left out), read below it as one dataset. */
  moreFiles?: string[];
  mapping?: unknown;
  sourceName?: string;
  /** With `moreFiles`: the names of `file` and each of them (an upload's own names). */
  sourceNames?: string[];
}

/** A dataset's source as its record gives it: its file's name, or the files' names in brief. */
export function sourceOf(names: readonly string[]): string {
  const all = listInWords(names);
  return all.length <= 255 || names.length === 1
    ? all
    : `${names[0]!.slice(0, 200)} and ${names.length - 1} more files`;
}

type DatasetRecord = Pick<DatasetRow, 'name' | 'source_file' | 'file_format' | 'lsoa_vintage'> &
  Partial<DatasetRow>;

const newRecord = (ctx: AnalyticsContext, actor: Actor, id: string, record: DatasetRecord): DatasetRow => ({
  status: 'importing',
  stage: 'queued',
  progress: 0,
  rows_read: null,
  rows_stored: null,
  rows_with_problems: null,
  fields_json: null,
  mapping_json: null,
  report_json: null,
  error: null,
  pending_name: null,
  adds_to: null,
  ...record,
  id,
  imported_by: actor.id,
  imported_by_label: actor.label,
  created_at: ctx.now(),
  updated_at: ctx.now(),
});

/** Files were being added to a dataset that was removed or imported again meanwhile. */
export const addedToGone = (name: string): FormError =>
  new FormError([
    {
      field: 'name',
      message: `The dataset ${name} was removed or imported again while the files were being added to it: nothing was added. Add them to the dataset of that name now.`,
    },
  ]);

/** What an import stored: a dataset with files added may hold rows of several formats ("csv and xlsx"). */
export type StoredImport = Omit<ImportedDataset, 'format'> & { format: string };

/** The name an import holds until it succeeds and takes its own (unique, never shown). */
const placeholderName = (id: string): string => `importing:${id}`;

/**
 * The dataset of a name and the imports recorded beside it, refusing a second import of the name
 * while one runs (whether it replaces a dataset or not).
 */
async function refuseWhileImporting(
  ctx: AnalyticsContext,
  name: string,
): Promise<{ named: DatasetRow | undefined; pending: DatasetRow[] }> {
  const pending = await repo.findPendingDatasets(ctx.db, name);
  const named = await repo.findDatasetByName(ctx.db, name);
  for (const row of named ? [named, ...pending] : pending)
    if (importIsRunning(toDataset(row), ctx.clock()))
      throw new FormError([{ field: 'name', message: 'A dataset with this name is being imported now' }]);
  return { named, pending };
}

/**
 * Records a linked dataset under its name, replacing an earlier one of the same name (its file and
 * drafts; its published results pass to the new one), in one transaction with the audit entry.
 */
async function replaceDataset(
  ctx: AnalyticsContext,
  actor: Actor,
  record: DatasetRecord,
  audit: { action: string; summary: string; after: Record<string, unknown> },
): Promise<string> {
  const { named: existing, pending: abandoned } = await refuseWhileImporting(ctx, record.name);
  const replaced = [...(existing ? [existing] : []), ...abandoned];
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    // The earlier dataset gives up its name first, so that its published results can pass over.
    if (existing) await repo.updateDataset(trx, existing.id, { name: placeholderName(existing.id) });
    await repo.insertDataset(trx, newRecord(ctx, actor, id, record));
    if (existing) await repo.movePublishedResults(trx, existing.id, id);
    for (const row of replaced) await repo.deleteDataset(trx, row.id);
    await ctx.audit.record(trx, actor, { ...audit, entityType: 'analytics_dataset', entityId: id });
  });
  for (const row of replaced) removeDatasetFiles(await ctx.store(), row.id);
  return id;
}

/**
 * Records an import beside any ready dataset of the same name: it takes the name, and the earlier
 * dataset is removed, only when it succeeds (recordImported). An earlier failed or abandoned
 * import of the name is replaced now.
 */
export async function createDatasetRecord(
  ctx: AnalyticsContext,
  actor: Actor,
  input: { name: string; sourceName: string; format: string; addsTo?: string },
): Promise<string> {
  const { pending: abandoned } = await refuseWhileImporting(ctx, input.name);
  const id = randomUUID();
  const record = {
    name: placeholderName(id),
    pending_name: input.name,
    source_file: input.sourceName,
    file_format: input.format,
    lsoa_vintage: '2021',
    adds_to: input.addsTo ?? null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    for (const row of abandoned) await repo.deleteDataset(trx, row.id);
    await repo.insertDataset(trx, newRecord(ctx, actor, id, record));
    await ctx.audit.record(trx, actor, {
      action: input.addsTo ? 'analytics.dataset.addition-started' : 'analytics.dataset.import-started',
      entityType: 'analytics_dataset',
      entityId: id,
      summary: input.addsTo
        ? `Started adding files to dataset ${input.name}, to give ${input.sourceName}`
        : `Started importing dataset ${input.name} from ${input.sourceName}`,
      after: {
        name: input.name,
        sourceFile: input.sourceName,
        ...(input.addsTo ? { addsTo: input.addsTo } : {}),
      },
    });
  });
  for (const row of abandoned) removeDatasetFiles(await ctx.store(), row.id);
  return id;
}

/** Writes progress to the dataset record at most twice a second (the web page shows it). */
export function progressWriter(ctx: AnalyticsContext, id: string, onProgress?: (p: ImportProgress) => void) {
  let lastWrite = 0;
  return (p: ImportProgress) => {
    onProgress?.(p);
    if (Date.now() - lastWrite < 500 && p.stage !== 'done') return;
    lastWrite = Date.now();
    void repo
      .updateDataset(ctx.db, id, { stage: p.stage, progress: p.percent, updated_at: ctx.now() })
      .catch(() => undefined);
  };
}

/** A failure that was not the file's fault, described without anything the file holds. */
export interface UnexpectedFailure {
  name: string;
  /** The first line of the error's message (DuckDB quotes the file's rows on later lines). */
  message: string;
}

function unexpectedFailure(error: unknown): UnexpectedFailure | null {
  if (error instanceof SourceFileError || error instanceof FormError) return null;
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  return { name, message: message.split('\n')[0] ?? '' };
}

export async function recordFailure(ctx: AnalyticsContext, id: string, error: unknown): Promise<void> {
  const message =
    error instanceof SourceFileError || error instanceof FormError
      ? error.message
      : 'The import failed unexpectedly';
  await repo.updateDataset(ctx.db, id, {
    status: 'failed',
    stage: 'failed',
    error: message,
    updated_at: ctx.now(),
  });
}

/**
 * Records a finished import with its audit entry, giving it its name in place of any earlier dataset
 * of that name (removed with its drafts; its published results pass to this one). False when its
 * record was removed while it ran. An import adding files to a dataset (`addition`) holds its rows,
 * so it is refused if that dataset is no longer the one of its name.
 */
export async function recordImported(
  ctx: AnalyticsContext,
  actor: Actor,
  id: string,
  name: string,
  imported: StoredImport,
  addition?: { to: string; summary: string },
): Promise<boolean> {
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findDataset(trx, id))) return { recorded: false, replaced: null };
    const earlier = await repo.findDatasetByName(trx, name);
    if (addition && earlier?.id !== addition.to) throw addedToGone(name);
    // Published results stay up, now under this dataset, until new drafts are published over them.
    const kept = earlier ? await repo.movePublishedResults(trx, earlier.id, id) : 0;
    if (earlier) await repo.deleteDataset(trx, earlier.id);
    await repo.updateDataset(trx, id, {
      name,
      pending_name: null,
      adds_to: null,
      status: 'ready',
      stage: 'done',
      progress: 100,
      file_format: imported.format,
      lsoa_vintage: imported.mapping.lsoaVintage,
      rows_read: imported.rowsRead,
      rows_stored: imported.rowsStored,
      rows_with_problems: imported.report.rowsWithProblems,
      fields_json: JSON.stringify(imported.fields),
      mapping_json: JSON.stringify(imported.mapping),
      report_json: JSON.stringify(imported.report),
      updated_at: ctx.now(),
    });
    await ctx.audit.record(trx, actor, {
      action: addition ? 'analytics.dataset.files-added' : 'analytics.dataset.imported',
      entityType: 'analytics_dataset',
      entityId: id,
      summary:
        addition?.summary ??
        `Imported dataset ${name}: ${imported.rowsStored} rows, ${imported.report.rowsWithProblems} with problems${earlier ? `, replacing the earlier import of that name (its drafts removed, ${kept} published ${kept === 1 ? 'result' : 'results'} kept up until new ones are published)` : ''}`,
    });
    return { recorded: true, replaced: earlier?.id ?? null };
  });
  if (outcome.replaced) removeDatasetFiles(await ctx.store(), outcome.replaced);
  return outcome.recorded;
}

async function runImport(
  ctx: AnalyticsContext,
  actor: Actor,
  id: string,
  input: { name: string; file: string; moreFiles?: string[]; fileNames?: string[]; mapping?: unknown },
  onProgress?: (p: ImportProgress) => void,
): Promise<Dataset> {
  const s = await ctx.store();
  try {
    const imported = await importDataset(s, {
      id,
      file: input.file,
      moreFiles: input.moreFiles,
      fileNames: input.fileNames,
      outFile: s.datasetPath(`${id}.parquet`),
      mapping: input.mapping,
      onProgress: progressWriter(ctx, id, onProgress),
      numberFields: new Set((await allIndicators(ctx.db)).flatMap(numericFieldsUsed)),
    });
    if (!(await recordImported(ctx, actor, id, input.name, imported)))
      throw new FormError([
        { field: 'name', message: 'The dataset was removed while it was being imported' },
      ]);
  } catch (error) {
    // A failed import, or one removed while it ran, keeps none of the rows it had written.
    removeDatasetFiles(s, id);
    await recordFailure(ctx, id, error);
    throw error;
  }
  return toDataset((await repo.findDataset(ctx.db, id))!);
}

/** Links a PostgreSQL table as a dataset: the reference geography is copied next to it first. */
async function linkPostgresTable(
  ctx: AnalyticsContext,
  actor: Actor,
  raw: { name?: string; table?: string; vintage?: string },
): Promise<Dataset> {
  const input = parseInput(datasetLinkSchema, raw);
  const store = await ctx.store();
  if (!geographyRelation(store))
    throw new FormError([
      { field: 'table', message: 'Import the reference geography first (parity geo import)' },
    ]);
  const source = ctx.postgres();
  let linked;
  try {
    const reference = await source.copyReference(store);
    const lookupFile = lsoaLookupFile(store);
    const lookup = reference.lookup
      ? {
          readAs: reference.lookup.readAs[input.vintage],
          geography: reference.lookup.geography,
          file: lookupFile && sourceFileOf(lookupFile),
        }
      : null;
    const numberFields = new Set((await allIndicators(ctx.db)).flatMap(numericFieldsUsed));
    linked = await linkTable(
      source,
      store,
      input.table,
      reference.geography,
      input.vintage,
      lookup,
      numberFields,
    );
  } catch (error) {
    if (error instanceof PostgresSourceError)
      throw new FormError([{ field: 'table', message: error.message }]);
    throw error;
  }
  const id = await replaceDataset(
    ctx,
    actor,
    {
      name: input.name,
      source_file: input.table,
      file_format: 'postgres',
      lsoa_vintage: input.vintage,
      status: 'ready',
      stage: 'done',
      progress: 100,
      rows_read: linked.rows,
      rows_stored: linked.rows,
      rows_with_problems: linked.report.rowsWithProblems,
      fields_json: JSON.stringify(linked.fields),
      report_json: JSON.stringify(linked.report),
    },
    {
      action: 'analytics.dataset.linked',
      summary: `Linked dataset ${input.name} to the PostgreSQL table ${input.table}: ${linked.rows} rows`,
      after: { name: input.name, table: input.table, vintage: input.vintage },
    },
  );
  return toDataset((await repo.findDataset(ctx.db, id))!);
}

/** Every problem with an import's name, file and mapping at once, so that one try shows them all. */
export function importProblems(raw: Partial<ImportRequest>): FieldError[] {
  const errors: FieldError[] = [];
  try {
    parseInput(datasetImportSchema, raw);
  } catch (error) {
    if (!(error instanceof FormError)) throw error;
    errors.push(...error.errors);
  }
  if (raw.mapping !== undefined)
    errors.push(...mappingProblems(raw.mapping).map((message) => ({ field: 'mapping', message })));
  return errors;
}

/**
 * Begins an import and runs it in the background, returning its id at once (web: the status page
 * follows it). The uploaded copies are its to delete, whether or not it begins. `finished` gives,
 * for the server's log, a failure that was not the file's fault.
 */
export async function startInBackground<T extends { id: string }>(
  uploads: readonly (string | undefined)[],
  begin: () => Promise<T>,
  run: (begun: T) => Promise<unknown>,
): Promise<{ id: string; finished: Promise<UnexpectedFailure | null> }> {
  const removeUploads = () => {
    for (const file of uploads) if (file) rmSync(file, { force: true });
  };
  const begun = await begin().catch((error: unknown) => {
    removeUploads();
    throw error;
  });
  const finished = run(begun)
    .then(
      () => null,
      (error: unknown) => unexpectedFailure(error),
    )
    .finally(removeUploads);
  return { id: begun.id, finished };
}

export function datasetOperations(ctx: AnalyticsContext) {
  const begin = async (actor: Actor, raw: ImportRequest) => {
    const problems = importProblems(raw);
    if (problems.length) throw new FormError(problems);
    const input = parseInput(datasetImportSchema, raw);
    // A file that cannot be read as mapped is refused here, before a dataset of the same name
    // is replaced, so the mistake can be put right on the form and nothing is lost.
    const files = [input.file, ...(raw.moreFiles ?? [])];
    const fileNames = raw.moreFiles?.length ? raw.sourceNames : undefined;
    const unreadable = await sourceFilesProblem(await ctx.store(), files, {
      mapping: raw.mapping,
      names: fileNames,
    });
    if (unreadable) throw new FormError([unreadable]);
    const names = fileNames ?? (files.length > 1 ? files.map((f) => path.basename(f)) : undefined);
    const sourceName = names ? sourceOf(names) : (input.sourceName ?? path.basename(input.file));
    const format = path.extname(input.sourceName ?? input.file).replace('.', '') || 'csv';
    const id = await createDatasetRecord(ctx, actor, { name: input.name, sourceName, format });
    return { id, input: { ...input, moreFiles: raw.moreFiles, fileNames, mapping: raw.mapping } };
  };
  return {
    importProblems,
    /** Imports a file and waits for it (command line). */
    async importDataset(
      actor: Actor,
      raw: ImportRequest,
      onProgress?: (p: ImportProgress) => void,
    ): Promise<Dataset> {
      const { id, input } = await begin(actor, raw);
      return runImport(ctx, actor, id, input, onProgress);
    },

    /**
     * Starts an import in the background and returns its id at once (web: the status page follows
     * it). `finished` gives, for the server's log, a failure that was not the file's fault.
     */
    async startImport(
      actor: Actor,
      raw: ImportRequest,
    ): Promise<{ id: string; finished: Promise<UnexpectedFailure | null> }> {
      return startInBackground(
        [raw.file, ...(raw.moreFiles ?? [])],
        () => begin(actor, raw),
        ({ id, input }) => runImport(ctx, actor, id, input),
      );
    },

    /** Links a dataset that lives in a PostgreSQL table or view (its aggregates are computed there). */
    linkTable: (actor: Actor, raw: { name?: string; table?: string; vintage?: string }): Promise<Dataset> =>
      linkPostgresTable(ctx, actor, raw),

    listDatasets: async (): Promise<Dataset[]> => (await repo.findDatasets(ctx.db)).map(toDataset),

    async getDataset(id: string): Promise<Dataset> {
      const row = await repo.findDataset(ctx.db, id);
      if (!row) throw new NotFoundError('No such dataset');
      return toDataset(row);
    },

    /** The ready dataset an import would replace, if there is one (null for a ready dataset). */
    async datasetReplacedBy(dataset: Dataset): Promise<Dataset | null> {
      if (dataset.status === 'ready') return null;
      const earlier = await repo.findDatasetByName(ctx.db, dataset.name);
      return earlier && earlier.id !== dataset.id ? toDataset(earlier) : null;
    },
  };
}
