// Excel workbooks are zipped XML that must be opened whole, so a worksheet is written out once as
// CSV for DuckDB to stream. (An XLSX sheet holds at most 1,048,576 rows.) This runs in a worker
// thread: see xlsx.ts.
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import * as XLSX from '@e965/xlsx';
import { HEADER_SEARCH_ROWS, headerRowOf } from './header-row.ts';
import { SourceFileError } from './source-error.ts';

XLSX.stream.set_readable(Readable);

/**
 * Date cells written as YYYY-MM-DD whatever their display format: Excel's default date format shows
 * dates in the reader's locale, which SheetJS renders the American way (5/1/24 for 5 January).
 */
function isoDates(worksheet: XLSX.WorkSheet): void {
  for (const row of worksheet['!data'] ?? [])
    for (const cell of row ?? [])
      if (cell?.t === 'd') {
        cell.z = 'yyyy-mm-dd';
        delete cell.w;
      }
}

/** Starts the sheet at its heading row (header-row.ts); returns how many rows were above it. */
function fromHeadingRow(worksheet: XLSX.WorkSheet, lsoaHeading?: string): number {
  // Dense sheets are sparse arrays: a blank row, or a blank cell, is a hole.
  const rows = Array.from((worksheet['!data'] ?? []).slice(0, HEADER_SEARCH_ROWS), (row) =>
    Array.from(row ?? [], (cell) => (cell?.v === undefined ? '' : String(cell.v))),
  );
  const header = headerRowOf(rows, lsoaHeading);
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

function readWorkbook(bytes: Buffer, firstRows?: number): XLSX.WorkBook {
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
      ...(firstRows ? { sheetRows: firstRows } : {}),
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

export async function convertXlsxToCsv(
  file: string,
  csvFile: string,
  options: XlsxOptions = {},
): Promise<{ csv: string; rowsAboveHeadings: number }> {
  const { sheet, firstRows } = options;
  const workbook = readWorkbook(await readFile(file), firstRows);
  const name = sheet ?? workbook.SheetNames[0];
  const worksheet = name === undefined ? undefined : workbook.Sheets[name];
  if (!worksheet)
    throw new SourceFileError(
      `The workbook has no worksheet called ${sheet ?? '(first)'}. Its worksheets are: ${workbook.SheetNames.join(', ')}`,
    );
  isoDates(worksheet);
  const rowsAboveHeadings = fromHeadingRow(worksheet, options.lsoaHeading);
  const out = createWriteStream(csvFile);
  // Numbers as stored, not as displayed (a General cell shows 1234567890123 as 1.23457E+12); blank
  // rows kept as empty fields, so that the report's row numbers are the sheet's.
  const stream = XLSX.stream.to_csv(worksheet, {
    blankrows: true,
    rawNumbers: true,
    dateNF: 'yyyy-mm-dd',
  }) as NodeJS.ReadableStream;
  stream.pipe(out);
  await finished(out);
  return { csv: csvFile, rowsAboveHeadings };
}
