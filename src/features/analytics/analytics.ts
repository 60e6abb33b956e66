import type { IndicatorResult } from '../../analytics/indicators/result.ts';
import type { DatasetFields } from '../../analytics/datasets/import.ts';
import { columnMappingSchema, type ColumnMapping } from '../../analytics/datasets/mapping.ts';
import type { ValidationReport } from '../../analytics/datasets/validate.ts';
import type { DatasetRow, ResultRow } from './analytics.repository.ts';

export type DatasetStatus = 'importing' | 'ready' | 'failed';

export interface Dataset {
  id: string;
  name: string;
  sourceFile: string;
  format: string;
  lsoaVintage: string;
  status: DatasetStatus;
  stage: string;
  progress: number;
  rowsRead: number | null;
  rowsStored: number | null;
  rowsWithProblems: number | null;
  fields: DatasetFields | null;
  /** How the file's columns were read (null for a linked table, and before an import finishes). */
  mapping: ColumnMapping | null;
  report: ValidationReport | null;
  /** While files are being added to a dataset (or after that failed): the dataset's id. */
  addsTo: string | null;
  error: string | null;
  importedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredResult {
  id: string;
  datasetId: string;
  /** The dataset's name (null if it has since been replaced under another name). */
  datasetName: string | null;
  /** When the dataset was imported: later than `computedAt` for a result kept from an earlier import. */
  datasetImportedAt: string | null;
  indicatorId: string;
  title: string;
  status: 'draft' | 'published';
  computedAt: string;
  publishedAt: string | null;
  result: IndicatorResult;
}

const parse = <T>(json: string | null): T | null => (json ? (JSON.parse(json) as T) : null);
const count = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** A stored mapping, with the defaults of settings added since it was stored (as measureCodings). */
function storedMapping(json: string | null): ColumnMapping | null {
  const raw = parse<unknown>(json);
  if (raw === null) return null;
  const read = columnMappingSchema.safeParse(raw);
  return read.success ? read.data : (raw as ColumnMapping);
}

export function toDataset(row: DatasetRow): Dataset {
  return {
    id: row.id,
    name: row.pending_name ?? row.name,
    sourceFile: row.source_file,
    format: row.file_format,
    lsoaVintage: row.lsoa_vintage,
    status: row.status as DatasetStatus,
    stage: row.stage,
    progress: Number(row.progress),
    rowsRead: count(row.rows_read),
    rowsStored: count(row.rows_stored),
    rowsWithProblems: count(row.rows_with_problems),
    fields: parse<DatasetFields>(row.fields_json),
    mapping: storedMapping(row.mapping_json),
    report: parse<ValidationReport>(row.report_json),
    addsTo: row.adds_to ?? null,
    error: row.error,
    importedBy: row.imported_by_label,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toStoredResult(
  row: ResultRow & { dataset_name?: string | null; dataset_imported_at?: string | null },
): StoredResult {
  return {
    id: row.id,
    datasetId: row.dataset_id,
    datasetName: row.dataset_name ?? null,
    datasetImportedAt: row.dataset_imported_at ?? null,
    indicatorId: row.indicator_key,
    title: row.title,
    status: row.status as 'draft' | 'published',
    computedAt: row.computed_at,
    publishedAt: row.published_at,
    result: JSON.parse(row.result_json) as IndicatorResult,
  };
}

/**
 * An import writes its progress as it goes (every half second while DuckDB reports, and at each
 * stage). One marked as importing that has written nothing for this long has stopped, for
 * example because the server was restarted during it, and can be removed or replaced.
 */
export const importStalledAfterMs = 60 * 60 * 1000;

/** Whether a dataset's import is still running (so its files are still being written). */
export function importIsRunning(dataset: Pick<Dataset, 'status' | 'updatedAt'>, now: Date): boolean {
  return (
    dataset.status === 'importing' &&
    now.getTime() - new Date(dataset.updatedAt).getTime() < importStalledAfterMs
  );
}

export const stageLabels: Record<string, string> = {
  queued: 'Waiting to start',
  reading: 'Reading the file',
  checking: 'Checking every row',
  writing: 'Linking and storing',
  done: 'Finished',
  failed: 'Failed',
};

/** One indicator's result from a dataset: its published version, a newer draft, or both. */
export interface ResultOfDataset {
  title: string;
  publishedId: string | null;
  /** A draft: the only version, or newer than the published one and waiting to be checked. */
  draftId: string | null;
}

/** The versions of each indicator's results (published, draft or both) as one entry per indicator. */
export function resultsByIndicator(
  versions: { id: string; indicator_key: string; title: string; status: string }[],
): ResultOfDataset[] {
  const results = new Map<string, ResultOfDataset>();
  for (const v of versions) {
    const result = results.get(v.indicator_key) ?? { title: v.title, publishedId: null, draftId: null };
    if (v.status === 'published') Object.assign(result, { title: v.title, publishedId: v.id });
    else result.draftId = v.id;
    results.set(v.indicator_key, result);
  }
  return [...results.values()];
}
