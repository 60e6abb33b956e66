// Files added to a dataset (next month's extract): read with the dataset's own mapping, checked as
// any import is, and stored as the last part of a new dataset whose other parts are the dataset's
// own (added-files.ts). Like a new import of the name, it is recorded beside the dataset and takes
// its place only when it succeeds, so a refused or failed addition leaves the dataset as it was.
import path from 'node:path';
import {
  datasetRowFiles,
  partPath,
  removeDatasetFiles,
  rowsRelation,
} from '../../analytics/datasets/dataset-files.ts';
import {
  correctionsNote,
  refuseDatesHeld,
  takeEarlierParts,
  takeEarlierPartsCorrected,
  undatedAdditionNote,
  undatedRowsNote,
  type RowsReplaced,
} from '../../analytics/datasets/added-files.ts';
import { filesOf, reportWithAdded, type ReportOf } from '../../analytics/datasets/added-report.ts';
import { reportWithoutDays } from '../../analytics/datasets/problem-days.ts';
import { datesTogether } from '../../analytics/datasets/dates-held.ts';
import { sourceFilesProblem } from '../../analytics/datasets/file-checks.ts';
import { importDataset, type ImportedDataset, type ImportProgress } from '../../analytics/datasets/import.ts';
import type { ColumnMapping } from '../../analytics/datasets/mapping.ts';
import { numericFieldsUsed } from '../../analytics/indicators/schema.ts';
import type { Actor } from '../audit/audit.ts';
import { FormError } from '../shared/errors.ts';
import type { AnalyticsContext } from './analytics-context.ts';
import {
  addedToGone,
  createDatasetRecord,
  progressWriter,
  recordFailure,
  recordImported,
  sourceOf,
  startInBackground,
  type StoredImport,
  type UnexpectedFailure,
} from './analytics-datasets.ts';
import * as repo from './analytics.repository.ts';
import { toDataset, type Dataset } from './analytics.ts';
import { allIndicators } from './indicator-list.ts';

export interface AdditionRequest {
  /** The name of the dataset to add to. */
  name?: string;
  file?: string;
  /** More files added with `file`, read below it (each with the dataset's columns). */
  moreFiles?: string[];
  /** The names of `file` and `moreFiles` where their paths do not give them (uploads). */
  sourceNames?: string[];
  /** Whether the files correct rows the dataset has: its rows on their days are replaced by theirs. */
  corrections?: boolean;
}

interface Addition {
  earlier: Dataset;
  files: string[];
  names: string[];
  mapping: Partial<ColumnMapping>;
  corrections: boolean;
}

const noReport = { problems: [], examples: [], rowsWithProblems: 0, warnings: [] };

/** The ready dataset of the name, which files can be added to (not a linked table). */
async function datasetAddedTo(ctx: AnalyticsContext, name: string | undefined): Promise<Dataset> {
  const row = name?.trim() ? await repo.findDatasetByName(ctx.db, name.trim()) : undefined;
  const dataset = row && row.status === 'ready' ? toDataset(row) : null;
  if (!dataset)
    throw new FormError([
      {
        field: 'name',
        message: name?.trim() ? `There is no dataset called ${name.trim()}` : 'Enter the dataset’s name',
      },
    ]);
  if (dataset.format === 'postgres' || !dataset.mapping)
    throw new FormError([
      {
        field: 'name',
        message: `${dataset.name} is a linked PostgreSQL table: add the rows to the table itself`,
      },
    ]);
  return dataset;
}

/**
 * The dataset's mapping for the added files: its worksheet settings only if workbooks are added
 * (any others are read whole), so that a CSV file added is not said to have no worksheets.
 */
function mappingForAdded(mapping: ColumnMapping, names: readonly string[]): Addition['mapping'] {
  if (names.some((name) => /\.(xlsx|ods)$/i.test(name))) return mapping;
  const { sheet: _sheet, allSheets: _allSheets, ...rest } = mapping;
  return rest;
}

const formatsTogether = (earlier: string, added: string): string =>
  [...new Set([...earlier.split(' and '), ...added.split(' and ')])].join(' and ');

/**
 * The dataset as it is with the added files' rows (less those they `replaced`, as corrections):
 * rows, report (with `notes` on the addition) and fields together.
 */
function together(
  earlier: Dataset,
  imported: ImportedDataset,
  names: string[],
  replaced: RowsReplaced | null,
  notes: string[],
): StoredImport {
  const rows = { read: imported.rowsRead, stored: imported.rowsStored };
  const before = earlier.report ?? noReport;
  // The problems of the rows corrections replaced are taken out, where the report has them by day.
  const kept = replaced?.rows ? reportWithoutDays(before, new Set(replaced.days)) : null;
  const report = reportWithAdded(
    { report: kept ?? before, source: earlier.sourceFile },
    { report: imported.report, source: names[0]! },
    rows,
  );
  const fields = earlier.fields ?? imported.fields;
  if (!fields.hasDate) report.warnings.push(undatedAdditionNote(names));
  if (replaced) report.warnings.push(correctionsNote(replaced, names, kept !== null));
  report.warnings.push(...notes);
  const less = replaced?.rows ?? 0;
  // A dataset imported before its dates were recorded gets none, rather than the added files' alone.
  const dates = fields.dates && datesTogether(fields.dates, imported.fields.dates);
  return {
    format: formatsTogether(earlier.format, imported.format),
    rowsRead: (earlier.rowsRead ?? 0) - less + imported.rowsRead,
    rowsStored: (earlier.rowsStored ?? 0) - less + imported.rowsStored,
    // Person identifiers found to be NHS numbers in the files added are pseudonymised in later files too.
    mapping: {
      ...earlier.mapping!,
      ...(imported.mapping.personIds ? { personIds: imported.mapping.personIds } : {}),
    },
    fields: {
      ...fields,
      hasEspBand: (fields.hasEspBand ?? fields.hasAgeInYears ?? false) && imported.fields.hasEspBand === true,
      ...(dates ? { dates } : {}),
    },
    report,
  };
}

async function runAddition(
  ctx: AnalyticsContext,
  actor: Actor,
  id: string,
  addition: Addition,
  onProgress?: (p: ImportProgress) => void,
): Promise<Dataset> {
  const s = await ctx.store();
  const { earlier, files, names } = addition;
  const progress = progressWriter(ctx, id, onProgress);
  // The added rows are written as the part after the dataset's own parts, which join them last.
  const earlierParts = datasetRowFiles(s, earlier.id);
  const added = partPath(s, id, earlierParts.length + 1);
  try {
    const imported = await importDataset(s, {
      id,
      file: files[0]!,
      moreFiles: files.slice(1),
      fileNames: files.length > 1 ? names : undefined,
      outFile: added,
      mapping: addition.mapping,
      onProgress: (p) =>
        progress({ stage: p.stage === 'done' ? 'writing' : p.stage, percent: Math.round(p.percent * 0.95) }),
      numberFields: new Set((await allIndicators(ctx.db)).flatMap(numericFieldsUsed)),
      addedTo: earlier.name,
    });
    let replaced: RowsReplaced | null = null;
    if (addition.corrections) replaced = await takeEarlierPartsCorrected(s, earlierParts, id, added);
    else {
      await refuseDatesHeld(s, rowsRelation(earlierParts), added, names);
      takeEarlierParts(s, earlierParts, id);
    }
    const undated = earlier.fields?.hasDate ? await undatedRowsNote(s, added, names) : null;
    const dataset = together(earlier, imported, names, replaced, undated ? [undated] : []);
    progress({ stage: 'done', percent: 100 });
    const replacing = replaced ? ` as corrections, replacing ${replaced.rows} rows` : '';
    const summary = `Added ${sourceOf(names)} to dataset ${earlier.name}${replacing}: ${imported.rowsStored} rows (${dataset.rowsStored} in all), ${imported.report.rowsWithProblems} with problems`;
    if (!(await recordImported(ctx, actor, id, earlier.name, dataset, { to: earlier.id, summary })))
      throw new FormError([
        { field: 'name', message: 'The addition was removed while the files were being added' },
      ]);
  } catch (error) {
    // A failed addition keeps none of the rows it had written; the dataset is as it was, unless it
    // was removed meanwhile (its file may have gone as it was being read).
    removeDatasetFiles(s, id);
    const failure = (await repo.findDataset(ctx.db, earlier.id)) ? error : addedToGone(earlier.name);
    await recordFailure(ctx, id, failure);
    throw failure;
  }
  return toDataset((await repo.findDataset(ctx.db, id))!);
}

export function datasetAdditionOperations(ctx: AnalyticsContext) {
  const begin = async (actor: Actor, raw: AdditionRequest): Promise<{ id: string; addition: Addition }> => {
    const earlier = await datasetAddedTo(ctx, raw.name);
    const corrections = raw.corrections === true;
    if (corrections && !earlier.fields?.hasDate)
      throw new FormError([
        {
          field: 'corrections',
          message: `${earlier.name} has no dates, so its rows cannot be corrected by day: import all its files again under its name`,
        },
      ]);
    if (!raw.file) throw new FormError([{ field: 'file', message: 'Choose the files to add' }]);
    const files = [raw.file, ...(raw.moreFiles ?? [])];
    const names = raw.sourceNames ?? files.map((f) => path.basename(f));
    const mapping = mappingForAdded(earlier.mapping!, names);
    // Checked before anything is recorded: each file must have the columns the dataset was read from.
    const unreadable = await sourceFilesProblem(await ctx.store(), files, {
      mapping,
      names: files.length > 1 ? names : undefined,
      eachAsMapped: true,
    });
    if (unreadable)
      throw new FormError([
        {
          field: 'file',
          message:
            unreadable.field === 'mapping'
              ? `Files added to ${earlier.name} are read with its columns, by their headings. ${unreadable.message.replace('The mapping names', 'The dataset reads')}`
              : unreadable.message,
        },
      ]);
    const all = [
      ...filesOf({ report: earlier.report ?? noReport, source: earlier.sourceFile } satisfies ReportOf),
      ...names,
    ];
    const format = path.extname(names[0]!).replace('.', '') || 'csv';
    const id = await createDatasetRecord(ctx, actor, {
      name: earlier.name,
      sourceName: sourceOf(all),
      format,
      addsTo: earlier.id,
    });
    return { id, addition: { earlier, files, names, mapping, corrections } };
  };
  return {
    /** Adds files to a dataset and waits (command line). */
    async addFiles(
      actor: Actor,
      raw: AdditionRequest,
      onProgress?: (p: ImportProgress) => void,
    ): Promise<Dataset> {
      const { id, addition } = await begin(actor, raw);
      return runAddition(ctx, actor, id, addition, onProgress);
    },

    /** Starts adding files in the background and returns the addition's id at once (web). */
    async startAddition(
      actor: Actor,
      raw: AdditionRequest,
    ): Promise<{ id: string; finished: Promise<UnexpectedFailure | null> }> {
      return startInBackground(
        [raw.file, ...(raw.moreFiles ?? [])],
        () => begin(actor, raw),
        ({ id, addition }) => runAddition(ctx, actor, id, addition),
      );
    },
  };
}
