// Reads an Excel workbook (.xlsx) a row at a time: the worksheet's XML is inflated and parsed as it
// streams, so a workbook of any size needs memory only for its shared strings and one batch of rows
// (a worksheet of 35,672 rows × 187 columns, as ONS publishes its population estimates, is read
// without ever being held whole). An OpenDocument spreadsheet (.ods) is told by what its archive
// holds and read by ods-workbook.ts into the same rows.
import { open } from 'node:fs/promises';
import { SourceFileError } from '../datasets/source-error.ts';
import { cellText, type CellContext } from './cell-values.ts';
import { firstRowsOf } from './first-rows.ts';
import { isOpenDocument, openOdsWorkbook } from './ods-workbook.ts';
import { readDateStyles, readLayout, readSharedStrings, type WorkbookLayout } from './workbook-parts.ts';
import { attribute, elementBatches, elementPattern, tokenAttribute } from './xml-scan.ts';
import { DamagedPartError, openZip, type ZipArchive } from './zip-archive.ts';

export interface WorkbookRow {
  /** The row's index in the worksheet (0 for row 1). */
  index: number;
  /** Its cells as text from column A ('' for a blank cell). */
  cells: string[];
}

/** A worksheet's used range as its `<dimension>` gives it (0-based, inclusive). */
export interface SheetRange {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

export interface SheetReading {
  /** Rows in order, in batches; blank rows the worksheet leaves out are not there. */
  batches: AsyncGenerator<WorkbookRow[]>;
  /** The worksheet's range, once the first batch has been read (null when it gives none). */
  range(): SheetRange | null;
  /**
   * The share of the part holding the sheet read so far (0 to 1), for a sheet without a range to
   * measure progress by (an OpenDocument spreadsheet's).
   */
  progress?(): number;
}

export interface Workbook {
  /** Excel's Office Open XML, or an OpenDocument spreadsheet (ods-workbook.ts). */
  format: 'xlsx' | 'ods';
  sheetNames: string[];
  /** Reads a worksheet's rows, up to (not including) row index `limit` when given. */
  read(sheet: string, options?: { limit?: number }): SheetReading;
  /** A worksheet's first `count` rows (a row the sheet leaves out is there as no cells). */
  firstRows(sheet: string, count: number): Promise<string[][]>;
  close(): void;
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Compound File Binary: an .xls workbook, or an .xlsx one encrypted with a password. */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

const damagedWorkbook = (): SourceFileError =>
  new SourceFileError(
    'The file could not be read as an Excel workbook: it may be damaged, only partly copied, or not a workbook at all. Open it in Excel, save it as "Excel Workbook (.xlsx)" or as CSV, and import that.',
  );

async function signatureOf(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const bytes = Buffer.alloc(4);
    await handle.read(bytes, 0, 4, 0);
    return bytes;
  } finally {
    await handle.close();
  }
}

/** Column letters as an index: A is 0, Z 25, AA 26 (the letters of a reference such as AB12). */
function referenceColumn(reference: string): number {
  let index = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

const CELL_REFERENCE = /^([A-Z]+)(\d+)$/;

function parseRange(ref: string | undefined): SheetRange | null {
  const [from, to = from] = (ref ?? '').toUpperCase().split(':');
  const start = CELL_REFERENCE.exec(from ?? '');
  const end = CELL_REFERENCE.exec(to ?? '');
  if (!start || !end) return null;
  return {
    firstRow: Number(start[2]) - 1,
    firstColumn: referenceColumn(start[1]!),
    lastRow: Number(end[2]) - 1,
    lastColumn: referenceColumn(end[1]!),
  };
}

const CELL = elementPattern('c');
const DIMENSION = elementPattern('dimension', '');

/** The cells of one `<row>`'s inner XML, by column. */
function rowCells(inner: string, context: CellContext): string[] {
  const cells: string[] = [];
  let column = -1;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(inner); m !== null; m = CELL.exec(inner)) {
    const attributes = m[1] ?? '';
    const reference = tokenAttribute(attributes, 'r');
    column = reference === undefined ? column + 1 : referenceColumn(reference);
    const style = tokenAttribute(attributes, 's');
    const text = cellText(
      tokenAttribute(attributes, 't'),
      style === undefined ? 0 : Number(style),
      m[2] ?? '',
      context,
    );
    if (text !== '') cells[column] = text;
  }
  for (let i = 0; i < cells.length; i++) cells[i] ??= '';
  return cells;
}

function readSheet(
  zip: ZipArchive,
  part: string | undefined,
  context: () => Promise<CellContext>,
  limit: number,
): SheetReading {
  let range: SheetRange | null = null;
  async function* batches(): AsyncGenerator<WorkbookRow[]> {
    if (part === undefined) return;
    const cells = await context();
    let index = -1;
    for await (const { head, elements } of elementBatches(zip.stream(part), 'row')) {
      if (head !== null) range = parseRange(attribute(DIMENSION.exec(head)?.[1] ?? '', 'ref'));
      const rows: WorkbookRow[] = [];
      for (const element of elements) {
        const r = tokenAttribute(element.attributes, 'r');
        index = r === undefined ? index + 1 : Number(r) - 1;
        if (index >= limit) break;
        rows.push({ index, cells: rowCells(element.inner, cells) });
      }
      if (rows.length > 0) yield rows;
      if (index >= limit) return;
    }
  }
  return { batches: batches(), range: () => range };
}

/** A worksheet named that the workbook does not have, with the names of those it has. */
export const noSuchWorksheet = (sheet: string, names: string[]): SourceFileError =>
  new SourceFileError(
    `The workbook has no worksheet called "${sheet}". Its worksheets are: ${names.join(', ')}`,
  );

const damagedSpreadsheet = (): SourceFileError =>
  new SourceFileError(
    'The file could not be read as an OpenDocument spreadsheet: it may be damaged or only partly copied. Open it in LibreOffice Calc or Excel, save it again (or as CSV), and import that.',
  );

async function openOpenDocument(zip: ZipArchive): Promise<Workbook> {
  try {
    return await openOdsWorkbook(zip);
  } catch (error) {
    zip.close();
    throw error instanceof DamagedPartError ? damagedSpreadsheet() : error;
  }
}

/** Opens a workbook; a file that is not one is refused with a message its owner can act on. */
async function openWorkbook(file: string): Promise<Workbook> {
  const signature = await signatureOf(file);
  if (signature.equals(CFB_SIGNATURE))
    throw new SourceFileError(
      'The workbook is protected with a password, or saved in the old Excel 97–2003 format. Remove the password (or save it as "Excel Workbook (.xlsx)") and import it again.',
    );
  if (!signature.equals(ZIP_SIGNATURE)) throw damagedWorkbook();
  let zip: ZipArchive;
  let layout: WorkbookLayout;
  try {
    zip = await openZip(file);
  } catch {
    throw damagedWorkbook();
  }
  if (isOpenDocument(zip)) return openOpenDocument(zip);
  try {
    layout = await readLayout(zip);
  } catch {
    zip.close();
    throw damagedWorkbook();
  }
  let context: Promise<CellContext> | undefined;
  const cellContext = () =>
    (context ??= Promise.all([
      readSharedStrings(zip, layout.sharedStringsPart),
      readDateStyles(zip, layout.stylesPart),
    ]).then(([sharedStrings, dateStyles]) => ({ sharedStrings, dateStyles, date1904: layout.date1904 })));
  const partOf = (sheet: string) => layout.sheets.find((s) => s.name === sheet)?.part;
  const workbook: Workbook = {
    format: 'xlsx',
    sheetNames: layout.sheets.map((s) => s.name),
    read: (sheet, options = {}) => readSheet(zip, partOf(sheet), cellContext, options.limit ?? Infinity),
    firstRows: (sheet, count) => firstRowsOf(workbook.read(sheet, { limit: count })),
    close: () => zip.close(),
  };
  return workbook;
}

/** Runs `use` with the workbook at `file` open, and closes it after. */
export async function withWorkbook<T>(file: string, use: (workbook: Workbook) => Promise<T>): Promise<T> {
  const workbook = await openWorkbook(file);
  try {
    return await use(workbook);
  } catch (error) {
    // A part that cannot be inflated is the file's problem, not the server's.
    if (!(error instanceof DamagedPartError)) throw error;
    throw workbook.format === 'ods' ? damagedSpreadsheet() : damagedWorkbook();
  } finally {
    workbook.close();
  }
}
