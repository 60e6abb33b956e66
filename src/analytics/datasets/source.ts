// Reading someone's file into the store as it is: CSV (plain or gzipped) and XLSX are first copied
// to a staging Parquet file with every column as text, so later passes know each row's number.
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';
import { kindOf, type ColumnKind } from './standardise.ts';
import { csvLineError } from './csv-errors.ts';
import { refuseRowsWiderThanHeadings } from './csv-width.ts';
import { csvCells, firstCsvRows, HEADER_SEARCH_ROWS, headerRowOf, isUtf16 } from './header-row.ts';
import { SourceFileError } from './source-error.ts';
import { samplePathFor, writeSample } from './sample.ts';
import { SHEET_CSV_DIALECT } from '../workbooks/sheet-csv.ts';
import { windows1252ToUtf8 } from './windows-1252.ts';
import { fixedWidthLayoutOf, fixedWidthToCsv, type LinedUpFile } from './fixed-width.ts';
import { paddedByQueryTool, unpaddedSql } from './padded-values.ts';
import { xlsxToCsv } from './xlsx.ts';
import { refuseEmptyFile } from './empty-file.ts';
import type { OtherWorksheet, WorksheetChosen, WorksheetRead } from './xlsx-convert.ts';

export type SourceFormat = 'csv' | 'parquet' | 'xlsx' | 'ods';

/** Whether a file of `format` is a workbook, read a worksheet at a time (Excel's or OpenDocument's). */
export const isWorkbookFormat = (format: string): boolean => format === 'xlsx' || format === 'ods';

export { SourceFileError };

/**
 * The format a dataset's page names for a staged file: its own, or "rpt" for results lined up with
 * spaces, which are read as CSV once written out.
 */
export const formatShown = (staged: { format: SourceFormat; linedUp?: true }): string =>
  staged.linedUp ? 'rpt' : staged.format;

export function formatOf(file: string): SourceFormat {
  const name = file.toLowerCase();
  // Tab-separated text as SQL Server and other databases export it (.txt or .tsv), and results
  // lined up with spaces (Management Studio's .rpt), written out as CSV (fixed-width.ts).
  if (/\.(csv|txt|tsv|rpt)(\.gz)?$/.test(name)) return 'csv';
  if (name.endsWith('.parquet')) return 'parquet';
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.ods')) return 'ods';
  throw new SourceFileError(
    'Choose a CSV (.csv or .csv.gz), tab-separated text (.txt or .tsv), SQL Server Management Studio results (.rpt), Parquet (.parquet), Excel (.xlsx) or OpenDocument spreadsheet (.ods) file',
  );
}

/**
 * How a text file's characters are stored. Windows Latin-1 (Windows-1252) is read only when a file is
 * not UTF-8, from a copy written as UTF-8 (windows-1252.ts): DuckDB is only ever given UTF-8 or UTF-16.
 */
export type CsvEncoding = 'utf-8' | 'utf-16' | 'latin-1';

/**
 * How a text file is read: its encoding, whether DuckDB may split it between threads, and whether
 * Parity wrote it (a workbook's worksheet, sheet-csv.ts, or lined-up results, fixed-width.ts), so
 * that its dialect is known.
 */
export interface CsvReading {
  encoding: CsvEncoding;
  parallel: boolean;
  writtenByParity?: boolean;
}

/**
 * Values that stand for no value, as tools write an empty cell: SQL Server's results copied out
 * (and pasted into Excel) show NULL, R's write.csv writes NA. Each is read as a blank cell.
 */
const NO_VALUE = ['', 'NULL', 'null', 'NA'];

export const csvReader = (
  file: string,
  allText: boolean,
  skip = 0,
  reading: CsvReading = { encoding: 'utf-8', parallel: true },
): string =>
  `read_csv(${literal(file)}, header = true, null_padding = true, nullstr = [${NO_VALUE.map(literal).join(', ')}]${allText ? ', all_varchar = true' : ''}, sample_size = 20480${skip ? `, skip = ${skip}` : ''}${reading.encoding === 'utf-8' ? '' : `, encoding = '${reading.encoding}'`}${reading.parallel ? '' : ', parallel = false'}${reading.writtenByParity ? `, ${SHEET_CSV_DIALECT}` : ''})`;

const causedBy = (error: unknown, pattern: RegExp): boolean =>
  error instanceof Error &&
  (pattern.test(error.message) || (error.cause !== error && causedBy(error.cause, pattern)));

const notUtf8 = (error: unknown): boolean => causedBy(error, /invalid unicode/i);

/**
 * A value with a line break inside its quotation marks (free text, or an Excel cell with Alt+Enter)
 * stops DuckDB's parallel reader when short rows are padded, as they are here; the file is then read
 * on one thread.
 */
const quotedLineBreaks = (error: unknown): boolean =>
  causedBy(error, /does not support null_padding in conjunction with quoted new lines/);

async function readingInParallelIfAble<T>(read: (parallel: boolean) => Promise<T>): Promise<T> {
  try {
    return await read(true);
  } catch (error) {
    if (!quotedLineBreaks(error)) throw error;
    return read(false);
  }
}

/**
 * Reads a CSV file as UTF-8 and, where it turns out not to be, again as Windows Latin-1: what
 * Excel's "CSV (Comma delimited)" writes, and the files of many clinical systems. `read` is given
 * the file to read, which is then a UTF-8 copy, removed once it is read.
 */
async function readingCsv<T>(
  store: AnalyticsStore,
  file: string,
  read: (file: string, reading: CsvReading) => Promise<T>,
): Promise<{ value: T; encoding: CsvEncoding }> {
  const encoding: CsvEncoding = (await isUtf16(file)) ? 'utf-16' : 'utf-8';
  const inEncoding = (from: string, encoding: CsvEncoding) =>
    readingInParallelIfAble((parallel) => read(from, { encoding, parallel }));
  try {
    return { value: await inEncoding(file, encoding), encoding };
  } catch (error) {
    if (encoding !== 'utf-8' || !notUtf8(error)) throw error;
  }
  const copy = path.join(store.root, 'tmp', `utf8-${randomUUID()}.csv`);
  try {
    await windows1252ToUtf8(file, copy);
    return { value: await inEncoding(copy, 'utf-8'), encoding: 'latin-1' };
  } finally {
    rmSync(copy, { force: true });
  }
}

export interface StagedSource {
  format: SourceFormat;
  /** A Parquet file whose rows are in the order of the original file. */
  parquet: string;
  /** Column names and the types DuckDB would give them. */
  columns: { name: string; type: string }[];
  /** Rows above the headings (a report's title) that were left out. */
  rowsAboveHeadings: number;
  /**
   * The file's row number of the headings, 1 the first, as a spreadsheet numbers rows (0 for Parquet,
   * which has none): the report numbers each row as the file does, the first below the headings being
   * `headingRow + 1`.
   */
  headingRow: number;
  encoding: CsvEncoding;
  /** A workbook's worksheet read when none was named and the first has no LSOA column. */
  worksheetChosen?: WorksheetChosen;
  /** A workbook's other worksheets with an LSOA column, which were not read. */
  otherWorksheets: OtherWorksheet[];
  /**
   * Of a file whose columns were lined up with spaces (fixed-width.ts), the empty lines below its
   * headings, found as it was written out as CSV, each as the data row it comes before (0 the
   * first), for the report to number rows as the file does (empty-lines.ts) without reading it again.
   */
  emptyLines?: number[];
  /** Whether the file's columns were lined up with spaces (fixed-width.ts), as SQL Server's results. */
  linedUp?: true;
  /** When several worksheets were read as one (`allSheets`), each, in the order of their rows. */
  worksheetsRead?: WorksheetRead[];
  /**
   * Where several files or worksheets were read as one, a sample of the first rows of each in turn,
   * to judge columns by their values (sample.ts); else the staged file's first rows are the sample.
   */
  sample?: string;
}

/**
 * A text file to copy to staging Parquet, and what was found writing it out: a workbook's worksheets,
 * or lined-up results' own encoding and empty lines.
 */
interface TextToRead {
  csv: string;
  skip: number;
  rowsAboveHeadings: number;
  headingRow: number;
  chosen?: WorksheetChosen | undefined;
  otherSheets: OtherWorksheet[];
  sheetsRead?: WorksheetRead[] | undefined;
  /** The original's encoding, where the file read is a copy written as UTF-8. */
  ownEncoding?: CsvEncoding;
  emptyLines?: number[];
  /** Whether its values are padded with spaces to their columns' widths (padded-values.ts). */
  padded?: boolean;
}

/** Copies CSV / XLSX to staging Parquet (Parquet is read where it is); reports progress 0–100. */
export async function stageSource(
  store: AnalyticsStore,
  file: string,
  stagingFile: string,
  onProgress: (percent: number) => void,
  options: { sheet?: string; lsoaHeading?: string; allSheets?: boolean } = {},
): Promise<StagedSource> {
  if (!existsSync(file)) throw new SourceFileError(`There is no file at ${file}`);
  const format = formatOf(file);
  if (format !== 'parquet') refuseEmptyFile(file);
  if (format === 'parquet') {
    const columns = await describe(store, `read_parquet(${literal(file)})`);
    onProgress(100);
    return {
      format,
      parquet: file,
      columns,
      rowsAboveHeadings: 0,
      headingRow: 0,
      encoding: 'utf-8',
      otherWorksheets: [],
    };
  }
  // An XLSX sheet, or a file lined up with spaces, is written out as CSV from its heading row; a
  // CSV file's lines above it are skipped. Writing it out is the first half of the progress, the
  // copy of its CSV the second.
  const layout = format === 'csv' ? await fixedWidthLayoutOf(file) : null;
  const writtenByParity = isWorkbookFormat(format) || layout !== null;
  const share = writtenByParity ? 0.5 : 1;
  const firstHalf = (read: number) => onProgress(Math.round(read * 50));
  const text: TextToRead = isWorkbookFormat(format)
    ? { ...(await xlsxToCsv(file, `${stagingFile}.csv`, options, firstHalf)), skip: 0 }
    : layout
      ? await linedUpToCsv(file, `${stagingFile}.csv`, layout, firstHalf)
      : { ...(await csvHeadings(file, options.lsoaHeading)), otherSheets: [] };
  const { csv, skip, rowsAboveHeadings, headingRow, chosen, otherSheets, sheetsRead, emptyLines, padded } =
    text;
  const { value: columns, encoding } = await readingCsv(store, csv, async (text, csvReading) => {
    const reading = { ...csvReading, writtenByParity };
    const columns =
      format === 'csv'
        ? await describeCsv(store, text, skip, reading)
        : await describe(store, csvReader(text, false, skip, reading));
    const values = padded ? columns.map((c) => unpaddedSql(c.name)).join(', ') : '*';
    await store
      .runWithProgress(
        `COPY (SELECT ${values} FROM ${csvReader(text, true, skip, reading)}) TO ${literal(stagingFile)} (FORMAT parquet, COMPRESSION zstd)`,
        (copied) => onProgress(Math.round(100 * (1 - share) + copied * share)),
      )
      .catch((error: unknown) => {
        throw notUtf8(error) ? error : (csvLineError(error) ?? error);
      });
    return columns;
  }).finally(() => {
    if (layout) rmSync(csv, { force: true });
  });
  if (sheetsRead)
    await writeSample(
      store,
      stagingFile,
      sheetsRead.map((s) => s.rows),
      samplePathFor(stagingFile),
    );
  return {
    format,
    parquet: stagingFile,
    columns,
    rowsAboveHeadings,
    headingRow,
    encoding: text.ownEncoding ?? encoding,
    ...(emptyLines ? { emptyLines } : {}),
    ...(layout ? { linedUp: true as const } : {}),
    ...(sheetsRead ? { sample: samplePathFor(stagingFile) } : {}),
    otherWorksheets: otherSheets,
    ...(chosen ? { worksheetChosen: chosen } : {}),
    ...(sheetsRead ? { worksheetsRead: sheetsRead } : {}),
  };
}

/** Rows of a sheet read to find its headings and the kinds of its columns before an import. */
const XLSX_SAMPLE_ROWS = HEADER_SEARCH_ROWS + 20_480;

/**
 * The columns of a file from its headings and a sample of its rows, without copying it whole: what
 * an import can check before it replaces anything. A workbook's first rows are written out on their own.
 */
export async function sourceColumns(
  store: AnalyticsStore,
  file: string,
  options: { sheet?: string; lsoaHeading?: string } = {},
): Promise<{ name: string; type: string }[]> {
  if (!existsSync(file)) throw new SourceFileError(`There is no file at ${file}`);
  const format = formatOf(file);
  if (format !== 'parquet') refuseEmptyFile(file);
  if (format === 'parquet') return describe(store, `read_parquet(${literal(file)})`);
  if (isWorkbookFormat(format)) {
    const sample = path.join(store.root, 'tmp', `headings-${randomUUID()}.csv`);
    try {
      await xlsxToCsv(file, sample, { ...options, firstRows: XLSX_SAMPLE_ROWS });
      return await readingInParallelIfAble((parallel) =>
        describe(store, csvReader(sample, false, 0, { encoding: 'utf-8', parallel, writtenByParity: true })),
      );
    } finally {
      rmSync(sample, { force: true });
    }
  }
  const layout = await fixedWidthLayoutOf(file);
  if (layout) {
    const sample = path.join(store.root, 'tmp', `headings-${randomUUID()}.csv`);
    try {
      await fixedWidthToCsv(file, sample, layout, { firstRows: XLSX_SAMPLE_ROWS });
      return await readingInParallelIfAble((parallel) =>
        describe(store, csvReader(sample, false, 0, { encoding: 'utf-8', parallel, writtenByParity: true })),
      );
    } finally {
      rmSync(sample, { force: true });
    }
  }
  const { csv, skip } = await csvHeadings(file, options.lsoaHeading);
  return (await readingCsv(store, csv, (text, reading) => describeCsv(store, text, skip, reading))).value;
}

/** A file lined up with spaces written out as CSV (`out`), with where its headings are. */
async function linedUpToCsv(
  file: string,
  out: string,
  layout: LinedUpFile,
  onProgress: (share: number) => void,
): Promise<TextToRead> {
  const read = await fixedWidthToCsv(file, out, layout, { onProgress });
  const { rowsAboveHeadings, headingRow, encoding, emptyLines } = read;
  return {
    csv: out,
    skip: 0,
    rowsAboveHeadings,
    headingRow,
    otherSheets: [],
    ownEncoding: encoding,
    emptyLines,
  };
}

/** The columns of a CSV file, which must have no row wider than its headings. */
async function describeCsv(store: AnalyticsStore, csv: string, skip: number, reading: CsvReading) {
  const columns = await describe(store, csvReader(csv, false, skip, reading));
  await refuseRowsWiderThanHeadings(store, csv, { skip, ...reading, columnCount: columns.length });
  return columns;
}

async function csvHeadings(file: string, lsoaHeading?: string) {
  const rows = await firstCsvRows(file, HEADER_SEARCH_ROWS + 1);
  const skip = headerRowOf(rows.slice(0, HEADER_SEARCH_ROWS).map(csvCells), lsoaHeading);
  const padded = paddedByQueryTool(rows.slice(skip));
  return { csv: file, skip, rowsAboveHeadings: skip, headingRow: skip + 1, padded };
}

async function describe(store: AnalyticsStore, relation: string): Promise<{ name: string; type: string }[]> {
  try {
    const rows = await store.query<{ column_name: string; column_type: string }>(
      `DESCRIBE SELECT * FROM ${relation}`,
    );
    return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'unknown problem';
    throw new SourceFileError(`The file could not be read: ${detail ?? ''}`, { cause: error });
  }
}

/** The kind of every column of a staged Parquet file (text for staged CSV and XLSX). */
export async function columnKinds(store: AnalyticsStore, parquet: string): Promise<Map<string, ColumnKind>> {
  const columns = await describe(store, `read_parquet(${literal(parquet)})`);
  return new Map(columns.map((c) => [c.name, kindOf(c.type)]));
}

export const stagingPathFor = (store: AnalyticsStore, id: string): string =>
  path.join(store.root, 'tmp', `staging-${id}.parquet`);
