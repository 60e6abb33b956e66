// Reading someone's file into the store as it is: CSV (plain or gzipped) and XLSX are first copied
// to a staging Parquet file with every column as text, so later passes know each row's number.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';
import { kindOf, type ColumnKind } from './standardise.ts';
import { csvCells, firstLines, HEADER_SEARCH_ROWS, headerRowOf } from './header-row.ts';
import { SourceFileError } from './source-error.ts';
import { xlsxToCsv } from './xlsx.ts';

export type SourceFormat = 'csv' | 'parquet' | 'xlsx';

export { SourceFileError };

export function formatOf(file: string): SourceFormat {
  const name = file.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.csv.gz') || name.endsWith('.txt')) return 'csv';
  if (name.endsWith('.parquet')) return 'parquet';
  if (name.endsWith('.xlsx')) return 'xlsx';
  throw new SourceFileError('The file must be CSV (.csv or .csv.gz), Parquet (.parquet) or Excel (.xlsx)');
}

export const csvReader = (file: string, allText: boolean, skip = 0): string =>
  `read_csv(${literal(file)}, header = true${allText ? ', all_varchar = true' : ''}, sample_size = 20480${skip ? `, skip = ${skip}` : ''})`;

export interface StagedSource {
  format: SourceFormat;
  /** A Parquet file whose rows are in the order of the original file. */
  parquet: string;
  /** Column names and the types DuckDB would give them. */
  columns: { name: string; type: string }[];
  /** Rows above the headings (a report's title) that were left out. */
  rowsAboveHeadings: number;
}

/** Copies CSV / XLSX to staging Parquet (Parquet is read where it is); reports progress 0–100. */
export async function stageSource(
  store: AnalyticsStore,
  file: string,
  stagingFile: string,
  onProgress: (percent: number) => void,
  options: { sheet?: string; lsoaHeading?: string } = {},
): Promise<StagedSource> {
  if (!existsSync(file)) throw new SourceFileError(`There is no file at ${file}`);
  const format = formatOf(file);
  if (format === 'parquet') {
    const columns = await describe(store, `read_parquet(${literal(file)})`);
    onProgress(100);
    return { format, parquet: file, columns, rowsAboveHeadings: 0 };
  }
  // An XLSX sheet is written out from its heading row; a CSV file's lines above it are skipped.
  const { csv, skip, rowsAboveHeadings } =
    format === 'xlsx'
      ? { ...(await xlsxToCsv(file, `${stagingFile}.csv`, options)), skip: 0 }
      : await csvHeadings(file, options.lsoaHeading);
  const columns = await describe(store, csvReader(csv, false, skip));
  await store.runWithProgress(
    `COPY (SELECT * FROM ${csvReader(csv, true, skip)}) TO ${literal(stagingFile)} (FORMAT parquet, COMPRESSION zstd)`,
    onProgress,
  );
  return { format, parquet: stagingFile, columns, rowsAboveHeadings };
}

/**
 * The columns of a CSV or Parquet file from its headings and a sample of its rows, without copying
 * it: what an import can check before it replaces anything. Null for XLSX, which is only read whole.
 */
export async function sourceColumns(
  store: AnalyticsStore,
  file: string,
  lsoaHeading?: string,
): Promise<{ name: string; type: string }[] | null> {
  if (!existsSync(file)) throw new SourceFileError(`There is no file at ${file}`);
  const format = formatOf(file);
  if (format === 'xlsx') return null;
  if (format === 'parquet') return describe(store, `read_parquet(${literal(file)})`);
  const { csv, skip } = await csvHeadings(file, lsoaHeading);
  return describe(store, csvReader(csv, false, skip));
}

async function csvHeadings(file: string, lsoaHeading?: string) {
  const skip = headerRowOf((await firstLines(file, HEADER_SEARCH_ROWS)).map(csvCells), lsoaHeading);
  return { csv: file, skip, rowsAboveHeadings: skip };
}

async function describe(store: AnalyticsStore, relation: string): Promise<{ name: string; type: string }[]> {
  try {
    const rows = await store.query<{ column_name: string; column_type: string }>(
      `DESCRIBE SELECT * FROM ${relation}`,
    );
    return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'unknown problem';
    throw new SourceFileError(`The file could not be read: ${detail ?? ''}`);
  }
}

/** The kind of every column of a staged Parquet file (text for staged CSV and XLSX). */
export async function columnKinds(store: AnalyticsStore, parquet: string): Promise<Map<string, ColumnKind>> {
  const columns = await describe(store, `read_parquet(${literal(parquet)})`);
  return new Map(columns.map((c) => [c.name, kindOf(c.type)]));
}

export const stagingPathFor = (store: AnalyticsStore, id: string): string =>
  path.join(store.root, 'tmp', `staging-${id}.parquet`);
