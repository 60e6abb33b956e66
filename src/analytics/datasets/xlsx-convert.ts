// A worksheet is written out once as CSV for DuckDB to stream (an XLSX sheet holds at most 1,048,576
// rows), read a batch of rows at a time (workbooks/workbook.ts); asked to, the other worksheets with
// the same headings too, each one's rows below the last's. This runs in a worker thread, so
// that the parsing takes another core than the server's: see xlsx.ts.
import { writeSheetCsv, type Columns } from '../workbooks/sheet-csv.ts';
import { noSuchWorksheet, withWorkbook, type Workbook } from '../workbooks/workbook.ts';
import { HEADER_SEARCH_ROWS, headerRowOf, holdsLsoaHeading } from './header-row.ts';
import { looseHeading } from './headings.ts';
import { headingDifferences, sameHeadings, type HeadingDifferences } from './heading-sets.ts';
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
  /** Whether its columns are in another order than the first's (and were lined up by heading). */
  reordered?: true;
}

/** What converting a worksheet gives: the CSV, where its headings were and which sheets were read. */
export interface XlsxConverted {
  csv: string;
  rowsAboveHeadings: number;
  headingRow: number;
  chosen?: WorksheetChosen;
  /** Other worksheets with an LSOA column, not read (with `allSheets`, those with other headings). */
  otherSheets: OtherWorksheet[];
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
): Promise<OtherWorksheet[]> {
  if (options.sheet !== undefined || options.firstRows !== undefined) return [];
  return (await otherSheetsHolding(workbook, read, options)).map(({ sheet }) => ({
    sheet,
    lacks: [],
    adds: [],
  }));
}

/** A worksheet's headings: from its first cell with text to its last, as written and loosely. */
interface SheetHeadings {
  /** The column of the first heading (0 for column A). */
  first: number;
  shown: string[];
  /** Compared as a mapping's headings are: any case, spacing or line breaks. */
  names: string[];
}

function headingsOf(cells: string[]): SheetHeadings {
  const present = cells.map((c) => c.trim() !== '');
  const first = present.indexOf(true);
  const last = present.lastIndexOf(true);
  const shown = cells.slice(first, last + 1).map((c) => c.trim());
  return { first: Math.max(first, 0), shown, names: shown.map(looseHeading) };
}

const sameOrder = (a: SheetHeadings, b: SheetHeadings) =>
  a.names.length === b.names.length && a.names.every((h, i) => h === b.names[i]);

/** A worksheet with the same headings as the one read: the row of its headings, and those headings. */
interface AlikeSheet {
  sheet: string;
  heading: number;
  headings: SheetHeadings;
}

/** A worksheet with an LSOA column that was not read, with how its headings differ when it was compared. */
export interface OtherWorksheet extends HeadingDifferences {
  sheet: string;
}

/**
 * The other worksheets with an LSOA column: those with the same headings as `headings` (the heading
 * row of the worksheet read), in any order, in workbook order; and those with other headings. In
 * another order, every column needs a heading, as the headings are what line the columns up.
 */
async function sheetsAlike(
  workbook: Workbook,
  read: string,
  headings: string[],
  options: XlsxOptions,
): Promise<{ alike: AlikeSheet[]; other: OtherWorksheet[] }> {
  const main = headingsOf(headings);
  const alike: AlikeSheet[] = [];
  const other: OtherWorksheet[] = [];
  for (const { sheet, heading, cells } of await otherSheetsHolding(workbook, read, options)) {
    const own = headingsOf(cells);
    const differences = headingDifferences(main.shown, own.shown);
    const unheaded = [main, own].some((h) => h.names.includes(''));
    if (sameOrder(own, main) || (sameHeadings(differences) && !unheaded))
      alike.push({ sheet, heading, headings: own });
    else other.push({ sheet, ...differences });
  }
  return { alike, other };
}

/**
 * For each column written of the worksheet read (`columns`, headed by `main`), the column of a
 * worksheet with headings `own` that goes there, or null for an empty cell. In the same order, the
 * columns line up from the first heading, so that columns without a heading line up too (where the
 * worksheet read has them before its first heading, and this one's headings start nearer column A,
 * its lines begin with empty cells); otherwise each column is found by its heading.
 */
function cellOrder(main: SheetHeadings, own: SheetHeadings, columns: Columns): (number | null)[] {
  const order: (number | null)[] = [];
  const taken = new Set<number>();
  const lineUp = sameOrder(main, own);
  for (let column = columns.first; column <= columns.last; column++) {
    if (lineUp) {
      const at = column - main.first + own.first;
      order.push(at >= 0 ? at : null);
      continue;
    }
    const name = main.names[column - main.first];
    const at = name === undefined ? -1 : own.names.findIndex((h, i) => h === name && !taken.has(i));
    taken.add(at);
    order.push(at >= 0 ? own.first + at : null);
  }
  return order;
}

/**
 * Writes each worksheet's rows below those in the CSV, each cell in the column of its heading
 * (`headings` and `columns`: those of the worksheet read); returns what was read of each.
 */
async function writeBelow(
  workbook: Workbook,
  sheets: AlikeSheet[],
  read: { name: string; headings: SheetHeadings; columns: Columns },
  csvFile: string,
  progress: (part: number) => (share: number) => void,
): Promise<WorksheetRead[]> {
  const below: WorksheetRead[] = [];
  for (const [i, { sheet, heading, headings }] of sheets.entries()) {
    const written = await writeSheetCsv(workbook, sheet, csvFile, {
      headingRow: heading,
      blankRows: true,
      below: { cells: cellOrder(read.headings, headings, read.columns) },
      onProgress: progress(i + 1),
    });
    if (written.outside)
      throw new SourceFileError(
        `The worksheet "${sheet}" has values in columns without a heading, so its rows cannot be read below those of "${read.name}". Delete those values, or give each column a heading on every worksheet, and import the workbook again.`,
      );
    const reordered = sameOrder(read.headings, headings) ? {} : { reordered: true as const };
    below.push({ sheet, headingRow: written.headingRow, rows: written.rows, ...reordered });
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
    const read = { name, headings: headingsOf(rows[heading] ?? []), columns: written.columns };
    const below = await writeBelow(workbook, alike, read, csvFile, progress);
    if (below.length === 0) return { ...converted, otherSheets: other };
    return {
      ...converted,
      otherSheets: other,
      sheetsRead: [{ sheet: name, headingRow, rows: written.rows }, ...below],
    };
  });
}
