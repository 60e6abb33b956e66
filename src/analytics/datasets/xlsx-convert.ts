// A worksheet is written out once as CSV for DuckDB to stream (an XLSX sheet holds at most 1,048,576
// rows), read a batch of rows at a time (workbooks/workbook.ts); asked to, the other worksheets with
// the same headings too, each one's rows below the last's. This runs in a worker thread, so
// that the parsing takes another core than the server's: see xlsx.ts.
import { writeSheetCsv, type Columns } from '../workbooks/sheet-csv.ts';
import { noSuchWorksheet, withWorkbook, type Workbook } from '../workbooks/workbook.ts';
import { HEADER_SEARCH_ROWS, headerRowOf, holdsLsoaHeading } from './header-row.ts';
import { looseHeading } from './headings.ts';
import { SourceFileError } from './source-error.ts';

export interface XlsxOptions {
  sheet?: string | undefined;
  /** The heading of the LSOA column, which marks the heading row. */
  lsoaHeading?: string | undefined;
  /** Read only this many rows of the sheet (to check its headings before an import). */
  firstRows?: number;
  /** Also read, below its rows, every other worksheet with the same headings (a sheet a year, say). */
  allSheets?: boolean | undefined;
}

/** A worksheet read, in the order its rows are in the CSV. */
export interface WorksheetRead {
  sheet: string;
  /** The worksheet's row number of its headings (as Excel numbers rows). */
  headingRow: number;
  /** Its lines in the CSV, below the headings (blank rows included). */
  rows: number;
}

/** What converting a worksheet gives: the CSV, where its headings were and which sheets were read. */
export interface XlsxConverted {
  csv: string;
  rowsAboveHeadings: number;
  headingRow: number;
  chosen?: WorksheetChosen;
  /** Other worksheets with an LSOA column, not read (with `allSheets`, those with other headings). */
  otherSheets: string[];
  /** With `allSheets`, when more than one was read: each worksheet read, in order. */
  sheetsRead?: WorksheetRead[];
}

/** When no worksheet was named and the first has no LSOA column, the one read instead. */
export interface WorksheetChosen {
  first: string;
  read: string;
}

/**
 * The worksheet to read and its first rows: the one named, else the first, or, when the first's
 * first 20 rows do not hold the LSOA heading (a cover or notes sheet, say), the first later one's that do.
 */
async function worksheetToRead(workbook: Workbook, options: XlsxOptions) {
  const { sheetNames } = workbook;
  const name = options.sheet ?? sheetNames[0];
  if (name === undefined || !sheetNames.includes(name)) throw noSuchWorksheet(name ?? '(first)', sheetNames);
  const rows = await workbook.firstRows(name, HEADER_SEARCH_ROWS);
  const holds = (first: string[][]) => first.some((cells) => holdsLsoaHeading(cells, options.lsoaHeading));
  if (options.sheet !== undefined || holds(rows)) return { name, rows };
  for (const later of sheetNames.slice(1)) {
    const laterRows = await workbook.firstRows(later, HEADER_SEARCH_ROWS);
    if (holds(laterRows)) return { name: later, rows: laterRows, chosen: { first: name, read: later } };
  }
  return { name, rows };
}

/** The workbook's other worksheets whose first 20 rows hold the LSOA heading, with that row's cells. */
async function otherSheetsHolding(
  workbook: Workbook,
  read: string,
  options: XlsxOptions,
): Promise<{ sheet: string; heading: number; cells: string[] }[]> {
  const found = [];
  for (const sheet of workbook.sheetNames.filter((s) => s !== read)) {
    const rows = await workbook.firstRows(sheet, HEADER_SEARCH_ROWS);
    const heading = rows.findIndex((cells) => holdsLsoaHeading(cells, options.lsoaHeading));
    if (heading >= 0) found.push({ sheet, heading, cells: rows[heading]! });
  }
  return found;
}

/**
 * The other worksheets that hold the LSOA heading, which an import does not read: a workbook of one
 * sheet a year would otherwise lose every year but one without a word. None when a sheet was named.
 */
async function otherSheetsWithLsoa(
  workbook: Workbook,
  read: string,
  options: XlsxOptions,
): Promise<string[]> {
  if (options.sheet !== undefined || options.firstRows !== undefined) return [];
  return (await otherSheetsHolding(workbook, read, options)).map((found) => found.sheet);
}

/** A heading row's headings, loosely, from its first cell with text to its last, and that first column. */
function headingsOf(cells: string[]): { first: number; names: string[] } {
  const present = cells.map((c) => c.trim() !== '');
  const first = present.indexOf(true);
  const last = present.lastIndexOf(true);
  return { first: Math.max(first, 0), names: cells.slice(first, last + 1).map(looseHeading) };
}

const sameHeadings = (a: string[], b: string[]) => a.length === b.length && a.every((h, i) => h === b[i]);

/** A worksheet with the same headings as the one read: the row and first column of its headings. */
interface AlikeSheet {
  sheet: string;
  heading: number;
  first: number;
}

/**
 * The other worksheets with an LSOA column: those with the same headings as `headings` (the heading
 * row of the worksheet read), in workbook order, and those with other headings.
 */
async function sheetsAlike(
  workbook: Workbook,
  read: string,
  headings: string[],
  options: XlsxOptions,
): Promise<{ alike: AlikeSheet[]; other: string[] }> {
  const main = headingsOf(headings);
  const alike: AlikeSheet[] = [];
  const other: string[] = [];
  for (const { sheet, heading, cells } of await otherSheetsHolding(workbook, read, options)) {
    const own = headingsOf(cells);
    if (sameHeadings(own.names, main.names)) alike.push({ sheet, heading, first: own.first });
    else other.push(sheet);
  }
  return { alike, other };
}

/**
 * Writes each worksheet's rows below those in the CSV, in the columns that line up with its
 * headings (`mainFirst`: the first heading's column in the worksheet read, whose `columns` were
 * written); returns what was read of each.
 */
async function writeBelow(
  workbook: Workbook,
  sheets: AlikeSheet[],
  read: { name: string; mainFirst: number; columns: Columns },
  csvFile: string,
  progress: (part: number) => (share: number) => void,
): Promise<WorksheetRead[]> {
  const { columns } = read;
  const below: WorksheetRead[] = [];
  for (const [i, { sheet, heading, first: own }] of sheets.entries()) {
    // Where the worksheet read has columns without a heading before its first, and this one's
    // headings start nearer column A, its lines begin with empty cells instead.
    const first = own - (read.mainFirst - columns.first);
    const written = await writeSheetCsv(workbook, sheet, csvFile, {
      headingRow: heading,
      blankRows: true,
      below: {
        first: Math.max(first, 0),
        last: first + columns.last - columns.first,
        emptyBefore: Math.max(-first, 0),
      },
      onProgress: progress(i + 1),
    });
    if (written.outside)
      throw new SourceFileError(
        `The worksheet "${sheet}" has values in columns without a heading, so its rows cannot be read below those of "${read.name}". Delete those values, or give each column a heading on every worksheet, and import the workbook again.`,
      );
    below.push({ sheet, headingRow: written.headingRow, rows: written.rows });
  }
  return below;
}

export async function convertXlsxToCsv(
  file: string,
  csvFile: string,
  options: XlsxOptions = {},
  onProgress?: (share: number) => void,
): Promise<XlsxConverted> {
  return withWorkbook(file, async (workbook) => {
    const { name, rows, chosen } = await worksheetToRead(workbook, options);
    const heading = headerRowOf(rows, options.lsoaHeading);
    const together = options.allSheets === true && options.firstRows === undefined;
    const { alike, other } = together
      ? await sheetsAlike(workbook, name, rows[heading] ?? [], options)
      : { alike: [], other: [] };
    // Each worksheet read moves the progress bar an equal part of the way.
    const progress = (part: number) => (share: number) => onProgress?.((part + share) / (alike.length + 1));
    const written = await writeSheetCsv(workbook, name, csvFile, {
      headingRow: heading === 0 ? undefined : heading,
      blankRows: true,
      limit: options.firstRows,
      onProgress: progress(0),
    });
    const { rowsAboveHeadings, headingRow } = written;
    const converted = { csv: csvFile, rowsAboveHeadings, headingRow, ...(chosen ? { chosen } : {}) };
    if (!together) return { ...converted, otherSheets: await otherSheetsWithLsoa(workbook, name, options) };
    const read = { name, mainFirst: headingsOf(rows[heading] ?? []).first, columns: written.columns };
    const below = await writeBelow(workbook, alike, read, csvFile, progress);
    if (below.length === 0) return { ...converted, otherSheets: other };
    return {
      ...converted,
      otherSheets: other,
      sheetsRead: [{ sheet: name, headingRow, rows: written.rows }, ...below],
    };
  });
}
