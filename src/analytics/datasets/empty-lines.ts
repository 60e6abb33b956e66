// DuckDB's CSV reader passes over a line with nothing on it, so the rows below one would be
// numbered one less than a spreadsheet numbers them. This finds such lines, reading the file only
// as far as the last row the report names, so that the report numbers every row as the file does.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { namedProblems, type ValidationReport } from './validate.ts';
import type { TotalRows } from './left-out-rows.ts';

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/**
 * How a file's lines are counted: the line of its headings (1 the first) and whether it is UTF-16;
 * or its empty lines, where they are known already (`emptyLinesBefore`'s answer for the whole file,
 * as fixed-width.ts finds them writing a file out as CSV).
 */
export interface LineCounting {
  headingRow: number;
  utf16: boolean;
  emptyLines?: readonly number[] | undefined;
}

/**
 * The empty lines below the headings (nothing on them, outside quotation marks), each as the data
 * row it comes before (0 the first row below the headings), in order; the file is read until data
 * row `upTo` has been passed. A line break inside quotation marks is part of a value, not a line.
 */
async function emptyLinesBefore(file: string, options: LineCounting & { upTo: number }): Promise<number[]> {
  const raw = createReadStream(file);
  const source = file.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  // UTF-16 stores each character in two bytes: its low byte carries the ASCII ones looked for here.
  const step = options.utf16 ? 2 : 1;
  const found: number[] = [];
  let line = 1;
  let quoted = false;
  let empty = true;
  let row = 0;
  let offset = options.utf16 ? 2 : 0; // past the byte-order mark
  try {
    for await (const chunk of source) {
      const bytes = chunk as Buffer;
      let i = offset;
      for (; i < bytes.length; i += step) {
        const byte = bytes[i]!;
        if (options.utf16 && bytes[i + 1] !== 0) empty = false;
        else if (byte === QUOTE) {
          quoted = !quoted;
          empty = false;
        } else if (byte === NEWLINE && !quoted) {
          if (line > options.headingRow) {
            if (empty) found.push(row);
            else if (++row > options.upTo) return found;
          }
          line++;
          empty = true;
        } else if (byte !== RETURN) empty = false;
      }
      // A two-byte character split between chunks: the next chunk starts at its second byte.
      offset = i - bytes.length;
    }
    return found;
  } finally {
    raw.destroy();
  }
}

/**
 * How the file numbers each of `rows` (numbered as DuckDB read them, the first below the headings
 * being `headingRow + 1`): one more for each empty line above it. The file is read only as far as
 * the last of `rows`.
 */
export async function rowsAsInFile(
  file: string,
  options: LineCounting,
  rows: readonly number[],
): Promise<(row: number) => number> {
  if (rows.length === 0) return (row) => row;
  const firstDataRow = options.headingRow + 1;
  const empties =
    options.emptyLines ??
    (await emptyLinesBefore(file, { ...options, upTo: Math.max(...rows) - firstDataRow }));
  return (row) => row + empties.filter((before) => before <= row - firstDataRow).length;
}

/**
 * The report with its rows numbered as the file numbers them, for a CSV file with empty lines among
 * its rows (read as far as the last row named); unchanged for a file without them.
 */
export async function numberAsInFile(
  file: string,
  options: LineCounting,
  report: ValidationReport,
  /** Rows left out that the report names (left-out-rows.ts). */
  leftOut: TotalRows[],
): Promise<void> {
  const named = [
    ...namedProblems(report).map((p) => p.firstRow),
    ...report.examples.map((e) => e.row),
    ...leftOut.flatMap((l) => l.firstRows),
  ];
  const asInFile = await rowsAsInFile(file, options, named);
  for (const p of namedProblems(report)) p.firstRow = asInFile(p.firstRow);
  for (const e of report.examples) e.row = asInFile(e.row);
  for (const l of leftOut) l.firstRows = l.firstRows.map(asInFile);
}
