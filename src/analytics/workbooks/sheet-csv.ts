// A worksheet written out as CSV, a batch of rows at a time, for DuckDB to stream like any other
// file. Every line has the columns of the worksheet's used range, so the headings line up.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { SheetRange, Workbook, WorkbookRow } from './workbook.ts';

export interface SheetCsvOptions {
  /** The heading row's index: rows above it are left out (by default the used range's first row). */
  headingRow?: number | undefined;
  /** Blank rows written as lines of empty cells, so that row numbers stay the worksheet's. */
  blankRows: boolean;
  /** Rows from this index on are not read. */
  limit?: number | undefined;
  /**
   * Called after each batch with the share of the used range written (when the range is given), or
   * of the sheet's part read (when the reading can tell it).
   */
  onProgress?: ((share: number) => void) | undefined;
  /**
   * Only the rows below the heading row, added to the end of the file to go below the rows of another
   * worksheet: for each of that file's columns, the column of this worksheet to write there (null:
   * an empty cell).
   */
  below?: { cells: (number | null)[] } | undefined;
  /**
   * Headings written after the worksheet's own (those of other worksheets read below it), its rows
   * empty in those columns.
   */
  added?: readonly string[] | undefined;
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * How the CSV written here is read (DuckDB's `read_csv` options): its dialect is known, so it is
 * given rather than guessed, as the guess fails on a file whose every line ends in a quoted carriage
 * return (a column of values pasted from Windows text).
 */
export const SHEET_CSV_DIALECT = `delim = ',', quote = '"', escape = '"', new_line = '\\n'`;
const field = (text: string): string => (NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** A range of columns (0 for column A), inclusive. */
export interface Columns {
  first: number;
  last: number;
}

/** The columns of the cells of `rows` (non-blank ones), or null when they are all blank. */
function columnsOf(rows: WorkbookRow[]): Columns | null {
  let first = Infinity;
  let last = -1;
  for (const { cells } of rows)
    cells.forEach((cell, i) => {
      if (cell === '') return;
      first = Math.min(first, i);
      last = Math.max(last, i);
    });
  return last < 0 ? null : { first, last };
}

const union = (a: Columns | null, b: Columns): Columns =>
  a ? { first: Math.min(a.first, b.first), last: Math.max(a.last, b.last) } : b;

async function write(out: WriteStream, text: string): Promise<void> {
  if (text !== '' && !out.write(text)) await once(out, 'drain');
}

/** How a pass writes each row: its CSV line, and which of its cells are not written. */
interface Layout {
  blankLine: string;
  line: (cells: string[]) => string;
  /** The columns of a row's cells that are not written (`present`: those of its non-blank cells), or null. */
  unwritten: (cells: string[], present: Columns) => Columns | null;
}

/** Every row in the columns `columns`, as they are in the worksheet. */
function spanLayout(columns: Columns): Layout {
  return {
    blankLine: `${','.repeat(columns.last - columns.first)}\n`,
    line(cells) {
      const written = [];
      for (let c = columns.first; c <= columns.last; c++) written.push(field(cells[c] ?? ''));
      return `${written.join(',')}\n`;
    },
    unwritten: (_cells, present) =>
      present.first < columns.first || present.last > columns.last ? present : null,
  };
}

/** Every row with its cells in the order `order` gives (null: an empty cell). */
function orderLayout(order: (number | null)[]): Layout {
  const written = new Set(order);
  return {
    blankLine: `${','.repeat(order.length - 1)}\n`,
    line: (cells) => `${order.map((c) => (c === null ? '' : field(cells[c] ?? ''))).join(',')}\n`,
    unwritten(cells) {
      let found: Columns | null = null;
      cells.forEach((cell, i) => {
        if (cell !== '' && !written.has(i)) found = union(found, { first: i, last: i });
      });
      return found;
    },
  };
}

/** `layout` with the columns `added` after its own: their headings on the first line, then empty cells. */
function withAddedColumns(layout: Layout, added: readonly string[]): Layout {
  if (added.length === 0) return layout;
  const empty = ','.repeat(added.length);
  let headings = `,${added.map(field).join(',')}`;
  return {
    blankLine: `${layout.blankLine.slice(0, -1)}${empty}\n`,
    line(cells) {
      const tail = headings || empty;
      headings = '';
      return `${layout.line(cells).slice(0, -1)}${tail}\n`;
    },
    unwritten: layout.unwritten,
  };
}

/**
 * Writes one pass; returns the columns of any cell outside those written (the `<dimension>` some
 * writers leave out or get wrong), so that the caller can write again with them.
 */
async function writePass(
  workbook: Workbook,
  sheet: string,
  csvFile: string,
  options: SheetCsvOptions,
  given: Columns | null,
): Promise<{ columns: Columns | null; outside: Columns | null; range: SheetRange | null; lines: number }> {
  const { below } = options;
  // Rows going below another worksheet's are added to the end of its file.
  const out = createWriteStream(csvFile, below ? { flags: 'a' } : {});
  const reading = workbook.read(sheet, options.limit === undefined ? {} : { limit: options.limit });
  let columns = given;
  let layout: Layout | null = below ? orderLayout(below.cells) : null;
  let outside: Columns | null = null;
  let previous: number | null = null;
  let lines = 0;
  try {
    for await (const rows of reading.batches) {
      const range = reading.range();
      if (!layout) {
        columns ??= range
          ? { first: range.firstColumn, last: range.lastColumn }
          : (columnsOf(rows) ?? { first: 0, last: 0 });
        layout = withAddedColumns(spanLayout(columns), options.added ?? []);
      }
      previous ??= (options.headingRow ?? range?.firstRow ?? 0) - (below ? 0 : 1);
      let text = '';
      for (const row of rows) {
        if (row.index <= previous) continue;
        const present = columnsOf([row]);
        if (present === null && !options.blankRows) continue;
        if (options.blankRows) {
          text += layout.blankLine.repeat(row.index - previous - 1);
          lines += row.index - previous - 1;
        }
        previous = row.index;
        lines++;
        const unwritten = present && layout.unwritten(row.cells, present);
        if (unwritten) outside = union(outside, unwritten);
        text += layout.line(row.cells);
      }
      await write(out, text);
      if (range && range.lastRow > range.firstRow)
        options.onProgress?.(Math.min(1, (previous - range.firstRow) / (range.lastRow - range.firstRow)));
      else if (reading.progress) options.onProgress?.(reading.progress());
    }
  } finally {
    out.end();
    await finished(out);
  }
  return { columns, outside, range: reading.range(), lines };
}

/** Where a worksheet's rows were, once written out as CSV. */
export interface SheetWritten {
  /** Rows of its used range above the headings (left out). */
  rowsAboveHeadings: number;
  /** The worksheet's row number of the headings (1 is the first, as Excel numbers rows). */
  headingRow: number;
  /** The worksheet's columns written (without `below`). */
  columns: Columns;
  /** Lines written below the headings (blank rows included when `blankRows`). */
  rows: number;
  /** With `below`: the columns of cells outside those given, which were not written. */
  outside: Columns | null;
}

/**
 * Writes a worksheet out as CSV from its heading row (with `below`, only the rows under it, each
 * cell in the column given).
 */
export async function writeSheetCsv(
  workbook: Workbook,
  sheet: string,
  csvFile: string,
  options: SheetCsvOptions,
): Promise<SheetWritten> {
  let pass = await writePass(workbook, sheet, csvFile, options, null);
  // Written again with the wider columns; the progress bar, already full, is left there.
  if (pass.outside && !options.below) {
    const quiet = { ...options, onProgress: undefined };
    pass = await writePass(workbook, sheet, csvFile, quiet, union(pass.columns, pass.outside));
  }
  const { headingRow } = options;
  const firstRow = pass.range?.firstRow ?? 0;
  return {
    rowsAboveHeadings: headingRow === undefined ? 0 : Math.max(headingRow - firstRow, 0),
    headingRow: (headingRow ?? firstRow) + 1,
    columns: pass.columns ?? { first: 0, last: 0 },
    rows: options.below ? pass.lines : Math.max(pass.lines - 1, 0),
    outside: options.below ? pass.outside : null,
  };
}
