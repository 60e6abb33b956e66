// A worksheet is written out once as CSV for DuckDB to stream (an XLSX sheet holds at most 1,048,576
// rows), read a batch of rows at a time (workbooks/workbook.ts); asked to, the other worksheets with
// the same headings, or with columns added, too, each one's rows below the last's. This runs in a
// worker thread, so that the parsing takes another core than the server's: see xlsx.ts.
import { writeSheetCsv, type Columns } from '../workbooks/sheet-csv.ts';
import { noSuchWorksheet, withWorkbook, type Workbook } from '../workbooks/workbook.ts';
import { HEADER_SEARCH_ROWS, headerRowOf, holdsLsoaHeading } from './header-row.ts';
import { looseHeading } from './headings.ts';
import { columnsOfAll, headingDifferences, type HeadingDifferences } from './heading-sets.ts';
import { SourceFileError } from './source-error.ts';

export interface XlsxOptions {
  sheet?: string | undefined;
  /** The heading of the LSOA column, which marks the heading row. */
  lsoaHeading?: string | undefined;
  /** Read only this many rows of the sheet (to check its headings before an import). */
  firstRows?: number;
  /**
   * Also read, below its rows, every other worksheet with the same headings, or with some added (a
   * sheet a year, say).
   */
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
  /** The headings of other worksheets' (or files') columns that it has not: its rows have them empty. */
  lacks?: string[];
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
  /** The worksheet read with the first whose headings it was compared with, when not the first's. */
  comparedWith?: string;
}

/** Whether one has a heading of the other's that the other has not, and the other one it has not. */
const atOdds = (a: SheetHeadings, b: SheetHeadings): boolean => {
  const { lacks, adds } = headingDifferences(a.shown, b.shown);
  return lacks.length > 0 && adds.length > 0;
};

/**
 * The other worksheets with an LSOA column: those to read with the one read (`headings`: its
 * heading row), in workbook order, and those not. A worksheet is read with it when it has its
 * headings, in any order, and perhaps more (a column given from a later year on); not when it lacks
 * one (a summary by area, say), nor when it adds a heading where another worksheet read adds
 * another (a column renamed, it may be). Where the headings are not the same in the same order,
 * every column needs a heading, as the headings are what line the columns up.
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
    const unheaded = [main, own].some((h) => h.names.includes(''));
    const fromMain = headingDifferences(main.shown, own.shown);
    const clash = alike.find((a) => atOdds(a.headings, own));
    if (sameOrder(own, main) || (!unheaded && fromMain.lacks.length === 0 && !clash))
      alike.push({ sheet, heading, headings: own });
    else if (unheaded && fromMain.lacks.length === 0) other.push({ sheet, lacks: [], adds: [] });
    else if (clash && fromMain.lacks.length === 0)
      other.push({
        sheet,
        ...headingDifferences(clash.headings.shown, own.shown),
        comparedWith: clash.sheet,
      });
    else other.push({ sheet, ...fromMain });
  }
  return { alike, other };
}

/** The headings of the worksheets read with the first that it has not, as the first to give each writes it. */
const headingsAdded = (main: SheetHeadings, alike: readonly AlikeSheet[]): string[] =>
  columnsOfAll([main, ...alike.map((a) => a.headings)].map((h) => h.shown.map((name) => ({ name }))))
    .slice(main.shown.length)
    .map((c) => c.name)
    .filter((name) => name !== '');

/**
 * For each column written of the worksheet read (`columns`, headed by `main`, then the columns of
 * the headings `added` after them), the column of a worksheet with headings `own` that goes there,
 * or null for an empty cell. In the same order as the worksheet read, the columns line up from the
 * first heading, so that columns without a heading line up too (where the worksheet read has them
 * before its first heading, and this one's headings start nearer column A, its lines begin with
 * empty cells); otherwise each column is found by its heading.
 */
function cellOrder(
  main: SheetHeadings,
  own: SheetHeadings,
  columns: Columns,
  added: readonly string[],
): (number | null)[] {
  const order: (number | null)[] = [];
  const taken = new Set<number>();
  const byHeading = (name: string | undefined): number | null => {
    const at = name === undefined ? -1 : own.names.findIndex((h, i) => h === name && !taken.has(i));
    taken.add(at);
    return at >= 0 ? own.first + at : null;
  };
  const lineUp = sameOrder(main, own);
  for (let column = columns.first; column <= columns.last; column++) {
    if (!lineUp) order.push(byHeading(main.names[column - main.first]));
    else {
      const at = column - main.first + own.first;
      order.push(at >= 0 ? at : null);
    }
  }
  return [...order, ...added.map((name) => (lineUp ? null : byHeading(looseHeading(name))))];
}

/** Whether the columns of a worksheet, placed as `order` says, are in another order than its own. */
const reorderedBy = (order: readonly (number | null)[]): boolean => {
  const placed = order.filter((c) => c !== null);
  return placed.some((c, i) => i > 0 && c < placed[i - 1]!);
};

/**
 * Writes each worksheet's rows below those in the CSV, each cell in the column of its heading
 * (`headings` and `columns`: those of the worksheet read); returns what was read of each.
 */
async function writeBelow(
  workbook: Workbook,
  sheets: AlikeSheet[],
  read: { name: string; headings: SheetHeadings; columns: Columns; added: string[] },
  csvFile: string,
  progress: (part: number) => (share: number) => void,
): Promise<WorksheetRead[]> {
  const below: WorksheetRead[] = [];
  const every = [...read.headings.shown.filter((h) => h !== ''), ...read.added];
  for (const [i, { sheet, heading, headings }] of sheets.entries()) {
    const cells = cellOrder(read.headings, headings, read.columns, read.added);
    const written = await writeSheetCsv(workbook, sheet, csvFile, {
      headingRow: heading,
      blankRows: true,
      below: { cells },
      onProgress: progress(i + 1),
    });
    if (written.outside)
      throw new SourceFileError(
        `The worksheet "${sheet}" has values in columns without a heading, so its rows cannot be read below those of "${read.name}". Delete those values, or give each column a heading on every worksheet, and import the workbook again.`,
      );
    const reordered = reorderedBy(cells) ? { reordered: true as const } : {};
    const { lacks } = headingDifferences(every, headings.shown);
    below.push({
      sheet,
      headingRow: written.headingRow,
      rows: written.rows,
      ...reordered,
      ...(lacks.length ? { lacks } : {}),
    });
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
    const headings = headingsOf(rows[heading] ?? []);
    const added = headingsAdded(headings, alike);
    const written = await writeSheetCsv(workbook, name, csvFile, {
      headingRow: heading === 0 ? undefined : heading,
      blankRows: true,
      limit: options.firstRows,
      onProgress: progress(0),
      added,
    });
    const { rowsAboveHeadings, headingRow } = written;
    const converted = { csv: csvFile, rowsAboveHeadings, headingRow, ...(chosen ? { chosen } : {}) };
    if (!together) return { ...converted, otherSheets: await otherSheetsWithLsoa(workbook, name, options) };
    const read = { name, headings, columns: written.columns, added };
    const below = await writeBelow(workbook, alike, read, csvFile, progress);
    if (below.length === 0) return { ...converted, otherSheets: other };
    return {
      ...converted,
      otherSheets: other,
      sheetsRead: [
        { sheet: name, headingRow, rows: written.rows, ...(added.length ? { lacks: added } : {}) },
        ...below,
      ],
    };
  });
}
