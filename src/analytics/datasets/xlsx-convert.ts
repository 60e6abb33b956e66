// Excel workbooks are zipped XML that must be opened whole, so a worksheet is written out once as
// CSV for DuckDB to stream. (An XLSX sheet holds at most 1,048,576 rows.) This runs in a worker
// thread: see xlsx.ts.
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import * as XLSX from '@e965/xlsx';
import { HEADER_SEARCH_ROWS, headerRowOf, holdsLsoaHeading } from './header-row.ts';
import { SourceFileError } from './source-error.ts';

XLSX.stream.set_readable(Readable);

/**
 * Date cells written as YYYY-MM-DD whatever their display format: Excel's default date format shows
 * dates in the reader's locale, which SheetJS renders the American way (5/1/24 for 5 January).
 */
export function isoDates(worksheet: XLSX.WorkSheet): void {
  for (const row of worksheet['!data'] ?? [])
    for (const cell of row ?? [])
      if (cell?.t === 'd') {
        cell.z = 'yyyy-mm-dd';
        delete cell.w;
      }
}

/** The first rows of a sheet (up to the 20 searched for headings), each cell as text. */
export function firstRowsOf(worksheet: XLSX.WorkSheet): string[][] {
  // Dense sheets are sparse arrays: a blank row, or a blank cell, is a hole.
  return Array.from((worksheet['!data'] ?? []).slice(0, HEADER_SEARCH_ROWS), (row) =>
    Array.from(row ?? [], (cell) => (cell?.v === undefined ? '' : String(cell.v))),
  );
}

/** Starts the sheet at its heading row (header-row.ts); returns how many rows were above it. */
export function fromHeadingRow(worksheet: XLSX.WorkSheet, lsoaHeading?: string): number {
  const header = headerRowOf(firstRowsOf(worksheet), lsoaHeading);
  const ref = worksheet['!ref'];
  if (header === 0 || !ref) return 0;
  const range = XLSX.utils.decode_range(ref);
  const above = header - range.s.r;
  range.s.r = header;
  worksheet['!ref'] = XLSX.utils.encode_range(range);
  return Math.max(above, 0);
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Compound File Binary: an .xls workbook, or an .xlsx one encrypted with a password. */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Reads a workbook; with `only`, parses that one worksheet (a name, or 0 for the first), and with
 * `bookSheets`, none (the names alone). A workbook is unzipped whole either way.
 */
export function readWorkbook(
  bytes: Buffer,
  options: { firstRows?: number | undefined; only?: string | number; bookSheets?: boolean } = {},
): XLSX.WorkBook {
  const start = bytes.subarray(0, 4);
  if (start.equals(CFB_SIGNATURE))
    throw new SourceFileError(
      'The workbook is protected with a password, or saved in the old Excel 97–2003 format. Remove the password (or save it as "Excel Workbook (.xlsx)") and import it again.',
    );
  const damaged = new SourceFileError(
    'The file could not be read as an Excel workbook: it may be damaged, only partly copied, or not a workbook at all. Open it in Excel, save it as "Excel Workbook (.xlsx)" or as CSV, and import that.',
  );
  if (!start.equals(ZIP_SIGNATURE)) throw damaged;
  try {
    return XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      cellDates: true,
      ...(options.firstRows ? { sheetRows: options.firstRows } : {}),
      ...(options.only === undefined ? {} : { sheets: options.only }),
      ...(options.bookSheets ? { bookSheets: true } : {}),
    });
  } catch {
    throw damaged;
  }
}

export interface XlsxOptions {
  sheet?: string | undefined;
  /** The heading of the LSOA column, which marks the heading row. */
  lsoaHeading?: string | undefined;
  /** Read only this many rows of the sheet (to check its headings before an import). */
  firstRows?: number;
}

/** When no worksheet was named and the first has no LSOA column, the one read instead. */
export interface WorksheetChosen {
  first: string;
  read: string;
}

const holdsHeading = (worksheet: XLSX.WorkSheet | undefined, lsoaHeading?: string): boolean =>
  worksheet !== undefined && firstRowsOf(worksheet).some((cells) => holdsLsoaHeading(cells, lsoaHeading));

/**
 * The first worksheet after the first whose first 20 rows hold the LSOA heading, for a workbook
 * whose first worksheet (a cover or notes sheet, say) does not.
 */
function laterWorksheetWithLsoa(bytes: Buffer, names: string[], lsoaHeading?: string): string | undefined {
  return names
    .slice(1)
    .find((name) =>
      holdsHeading(
        readWorkbook(bytes, { firstRows: HEADER_SEARCH_ROWS, only: name }).Sheets[name],
        lsoaHeading,
      ),
    );
}

export async function convertXlsxToCsv(
  file: string,
  csvFile: string,
  options: XlsxOptions = {},
): Promise<{ csv: string; rowsAboveHeadings: number; chosen?: WorksheetChosen }> {
  const { sheet, firstRows } = options;
  const bytes = await readFile(file);
  let workbook = readWorkbook(bytes, { firstRows, only: sheet ?? 0 });
  let name = sheet ?? workbook.SheetNames[0];
  let chosen: WorksheetChosen | undefined;
  if (
    sheet === undefined &&
    name !== undefined &&
    !holdsHeading(workbook.Sheets[name], options.lsoaHeading)
  ) {
    const later = laterWorksheetWithLsoa(bytes, workbook.SheetNames, options.lsoaHeading);
    if (later !== undefined) {
      chosen = { first: name, read: later };
      workbook = readWorkbook(bytes, { firstRows, only: later });
      name = later;
    }
  }
  const worksheet = name === undefined ? undefined : workbook.Sheets[name];
  if (!worksheet)
    throw new SourceFileError(
      `The workbook has no worksheet called ${sheet ?? '(first)'}. Its worksheets are: ${workbook.SheetNames.join(', ')}`,
    );
  isoDates(worksheet);
  const rowsAboveHeadings = fromHeadingRow(worksheet, options.lsoaHeading);
  await writeCsv(worksheet, csvFile, { blankRows: true });
  return { csv: csvFile, rowsAboveHeadings, ...(chosen ? { chosen } : {}) };
}

/**
 * Writes a worksheet out as CSV: numbers as stored, not as displayed (a General cell shows
 * 1234567890123 as 1.23457E+12). Blank rows kept as empty lines keep an import report's row
 * numbers the sheet's.
 */
export async function writeCsv(
  worksheet: XLSX.WorkSheet,
  csvFile: string,
  options: { blankRows: boolean },
): Promise<void> {
  const out = createWriteStream(csvFile);
  const stream = XLSX.stream.to_csv(worksheet, {
    blankrows: options.blankRows,
    rawNumbers: true,
    dateNF: 'yyyy-mm-dd',
  }) as NodeJS.ReadableStream;
  stream.pipe(out);
  await finished(out);
}
