// A worksheet is written out once as CSV for DuckDB to stream (an XLSX sheet holds at most 1,048,576
// rows), read a batch of rows at a time (workbooks/workbook.ts). This runs in a worker thread, so
// that the parsing takes another core than the server's: see xlsx.ts.
import { writeSheetCsv } from '../workbooks/sheet-csv.ts';
import { noSuchWorksheet, withWorkbook, type Workbook } from '../workbooks/workbook.ts';
import { HEADER_SEARCH_ROWS, headerRowOf, holdsLsoaHeading } from './header-row.ts';

export interface XlsxOptions {
  sheet?: string | undefined;
  /** The heading of the LSOA column, which marks the heading row. */
  lsoaHeading?: string | undefined;
  /** Read only this many rows of the sheet (to check its headings before an import). */
  firstRows?: number;
}

/** What converting a worksheet gives: the CSV, where its headings were and which sheets were read. */
export interface XlsxConverted {
  csv: string;
  rowsAboveHeadings: number;
  headingRow: number;
  chosen?: WorksheetChosen;
  /** Other worksheets with an LSOA column, not read. */
  otherSheets: string[];
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
  const others: string[] = [];
  for (const sheet of workbook.sheetNames.filter((s) => s !== read)) {
    const first = await workbook.firstRows(sheet, HEADER_SEARCH_ROWS);
    if (first.some((cells) => holdsLsoaHeading(cells, options.lsoaHeading))) others.push(sheet);
  }
  return others;
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
    const { rowsAboveHeadings, headingRow } = await writeSheetCsv(workbook, name, csvFile, {
      headingRow: heading === 0 ? undefined : heading,
      blankRows: true,
      limit: options.firstRows,
      onProgress,
    });
    const otherSheets = await otherSheetsWithLsoa(workbook, name, options);
    return { csv: csvFile, rowsAboveHeadings, headingRow, otherSheets, ...(chosen ? { chosen } : {}) };
  });
}
