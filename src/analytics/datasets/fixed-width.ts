// Results saved as text with their columns lined up with spaces: SQL Server Management Studio's
// results to a file (.rpt) or to text, and sqlcmd's without a separator. The line of dashes the tool
// draws under the headings shows where each column starts and ends; the file is written out again
// as CSV, line for line from the headings down, so that rows keep the numbers the file gives them
// and the rest of the import reads it as any other CSV. The dashes and a closing "(200 rows
// affected)" become rows that query-tool-lines.ts leaves out.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { CsvEncoding } from './source.ts';
import { SourceFileError } from './source-error.ts';
import { decodeWindows1252 } from './windows-1252.ts';
import { hasUtf16Mark, HEADER_SEARCH_ROWS, headOf } from './header-row.ts';

/** A line of dashes under headings: runs of dashes with spaces between them. */
const DASHES = /^-+( +-+)* *$/;
/** "(200 rows affected)", older tools' "(200 row(s) affected)", "Completion time: …". */
const MESSAGE = /^\(\s*[0-9][0-9,]*\s+rows?(\(s\))?\s+affected\s*\)$|^completion time:/i;

/** Where each column of a lined-up file starts and ends (a character offset, end exclusive). */
export interface LinedUpColumn {
  start: number;
  end: number;
}

export interface FixedWidthLayout {
  /** The index of the headings' line (0 the file's first line); the dashes are on the next. */
  headingLine: number;
  columns: LinedUpColumn[];
}

/** The columns the dashes under the headings mark out. */
function columnsOf(dashes: string): LinedUpColumn[] {
  return [...dashes.matchAll(/-+/g)].map((run) => ({ start: run.index, end: run.index + run[0].length }));
}

/** A line of headings separated as CSV's are (Management Studio's results to a file may be so). */
const DELIMITED = /[,;|\t]/;

/**
 * The layout of lines whose columns are lined up with spaces under a line of dashes, among the
 * first 20; null when there is none. Management Studio's results to a file (`resultsFile`) may
 * have one column, and headings with commas in them; any other file needs two columns and
 * headings without a delimiter, so that a CSV file's column of dashes is not taken for a layout.
 */
export function layoutOf(lines: readonly string[], resultsFile: boolean): FixedWidthLayout | null {
  for (let i = 1; i < Math.min(lines.length, HEADER_SEARCH_ROWS + 1); i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const headings = lines[i - 1]!;
    if (!DASHES.test(line) || headings.trim() === '' || headings.includes('\t')) continue;
    const columns = columnsOf(line);
    if (resultsFile || (columns.length > 1 && !DELIMITED.test(headings)))
      return { headingLine: i - 1, columns };
  }
  return null;
}

/** How a text file's bytes are decoded: from its byte-order mark, else UTF-8 where it is valid. */
type Decoding = 'utf-16' | 'utf-8' | 'latin-1';

/** A lined-up file's layout, and how its first 64 KB were decoded. */
export interface LinedUpFile extends FixedWidthLayout {
  decoding: Decoding;
}

function decoderFor(decoding: Decoding): (bytes: Buffer, end: boolean) => string {
  if (decoding === 'latin-1') return (bytes) => decodeWindows1252(bytes);
  const decoder = new TextDecoder(decoding === 'utf-16' ? 'utf-16le' : 'utf-8', { fatal: true });
  return (bytes, end) => decoder.decode(bytes, { stream: !end });
}

/** The first lines of a text file, as decoded (plain or gzipped; at most its first 64 KB). */
async function firstLines(file: string): Promise<{ lines: string[]; decoding: Decoding }> {
  const head = await headOf(file);
  let decoding: Decoding = hasUtf16Mark(head) ? 'utf-16' : 'utf-8';
  let text: string;
  try {
    text = decoderFor(decoding)(head, false);
  } catch {
    decoding = 'latin-1';
    text = decodeWindows1252(head);
  }
  return { lines: text.replace(/^\uFEFF/, '').split('\n'), decoding };
}

/**
 * The layout of a text file whose columns are lined up with spaces under a line of dashes, or null
 * for any other text file, read as delimited text: Management Studio's results to a file (.rpt) may be
 * saved comma- or tab-delimited, and those saved without headings are told so (data-as-headings.ts).
 */
export async function fixedWidthLayoutOf(file: string): Promise<LinedUpFile | null> {
  const { lines, decoding } = await firstLines(file);
  const layout = layoutOf(lines, /\.rpt(\.gz)?$/i.test(file));
  return layout && { ...layout, decoding };
}

const NEEDS_QUOTES = /[",\r\n]/;
const csvField = (text: string): string =>
  NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;

/** A line's cells as a CSV line; one empty cell is quoted, as DuckDB passes over an empty line. */
const csvLineOf = (cells: readonly string[]): string => cells.map(csvField).join(',') || '""';

/**
 * Splits decoded text into lines as it comes, a chunk at a time: each call gives the lines the chunk
 * finishes (`end`: and the last, unfinished one).
 */
function lineSplitter(decode: (bytes: Buffer, end: boolean) => string) {
  let carried = '';
  return (bytes: Buffer, end: boolean): string[] => {
    const lines = (carried + decode(bytes, end)).split('\n');
    const unfinished = lines.pop()!;
    carried = end ? '' : unfinished;
    if (end && unfinished !== '') lines.push(unfinished);
    return lines;
  };
}

/** A line that does not fit the layout: a character where the dashes have a space between columns. */
interface Misfit {
  line: number;
  at: number;
  between: [string, string];
}

const MISFITS_NAMED = 5;

function misfitError(misfits: readonly Misfit[], count: number): SourceFileError {
  const first = misfits[0]!;
  const lines = misfits.map((m) => m.line.toLocaleString('en-GB')).join(', ');
  const more = count > misfits.length ? ` and ${(count - misfits.length).toLocaleString('en-GB')} more` : '';
  return new SourceFileError(
    `${count === 1 ? 'A line does' : `${count.toLocaleString('en-GB')} lines do`} not fit the columns lined up under the headings (line${count === 1 ? '' : 's'} ${lines}${more}): line ${first.line.toLocaleString('en-GB')} has a character at position ${first.at + 1}, between the columns "${first.between[0]}" and "${first.between[1]}", where the line of dashes has a space. A value written over two lines (text with a line break in it), or headings not lined up with the dashes, does this. Save the results as CSV instead (right-click the results, Save Results As…). Nothing was stored.`,
  );
}

const wrappedError = (line: number): SourceFileError =>
  new SourceFileError(
    `The line of dashes under the headings goes on at line ${line.toLocaleString('en-GB')}: the results were wrapped at a width, as sqlcmd wraps its results at 80 characters unless told otherwise, so their columns cannot be told apart. Save them again without wrapping (sqlcmd's -w 65535), or as CSV (sqlcmd's -s "," -W).`,
  );

const secondResultsError = (line: number): SourceFileError =>
  new SourceFileError(
    `The file holds the results of more than one query: a second line of dashes under headings is at line ${line.toLocaleString('en-GB')}. Save each query's results to a file of its own and import them together.`,
  );

export interface FixedWidthRead {
  encoding: CsvEncoding;
  /** Lines above the headings that were left out. */
  rowsAboveHeadings: number;
  /** The file's line number of the headings, 1 the first. */
  headingRow: number;
  /** The empty lines below the headings, each as the data row it comes before (0 the first). */
  emptyLines: number[];
}

/**
 * Writes the lined-up text file `file` (plain or gzipped) to `out` as CSV, from its headings down,
 * streaming: a line's cells are the text under each run of dashes, without the spaces around it
 * (numbers are lined up on the right). An empty line stays empty, and DuckDB passes over it: the
 * empty lines are given back, for the report to number rows as the file does (empty-lines.ts), as a
 * quotation mark in a lined-up file's text would throw out a count of them made afresh.
 * `firstRows` stops after so many lines below the headings (a sample). Refuses a file with a line
 * that does not fit, a second set of results, or results wrapped at a width.
 */
export async function fixedWidthToCsv(
  file: string,
  out: string,
  layout: LinedUpFile,
  options: { firstRows?: number; onProgress?: (share: number) => void } = {},
): Promise<FixedWidthRead> {
  const { decoding } = layout;
  const read = (encoding: Decoding) => ({
    encoding,
    rowsAboveHeadings: layout.headingLine,
    headingRow: layout.headingLine + 1,
  });
  try {
    return { ...read(decoding), emptyLines: await writeCsv(file, out, layout, decoding, options) };
  } catch (error) {
    const invalid = (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA';
    if (decoding !== 'utf-8' || !invalid) throw error;
    // Not UTF-8 after the first 64 KB: Windows Latin-1, as read from the start.
    return { ...read('latin-1'), emptyLines: await writeCsv(file, out, layout, 'latin-1', options) };
  }
}

/**
 * Turns a lined-up file's lines, given in order from its first, into lines of CSV (null for a line
 * above the headings), and keeps the lines that do not fit the layout.
 */
function lineConverter({ columns, headingLine }: FixedWidthLayout) {
  const last = columns.length - 1;
  const textsOf = (line: string): string[] =>
    columns.map((c, i) => line.slice(c.start, i === last ? undefined : c.end).trim());
  // NULL, Management Studio's word for no value, is written as an empty cell, as the import reads it.
  const cellsOf = (line: string): string[] => textsOf(line).map((cell) => (cell === 'NULL' ? '' : cell));
  let headings: string[] = [];
  const misfits: Misfit[] = [];
  let misfitCount = 0;
  let lineNumber = 0;
  let previous = '';
  let dataRows = 0;
  const emptyLines: number[] = [];
  // A line with a character where the dashes have a space between columns (headings included).
  const noteMisfit = (line: string): void => {
    const misfit = columns.findIndex((c, i) => i < last && line.length > c.end && line[c.end] !== ' ');
    if (misfit < 0) return;
    misfitCount++;
    if (misfits.length < MISFITS_NAMED)
      misfits.push({
        line: lineNumber,
        at: columns[misfit]!.end,
        between: [headings[misfit]!, headings[misfit + 1]!],
      });
  };
  const convert = (raw: string): string | null => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const above = previous;
    previous = line.trim();
    lineNumber++;
    const index = lineNumber - 1;
    if (index < headingLine) return null;
    if (index === headingLine) {
      headings = textsOf(line);
      noteMisfit(line);
      return csvLineOf(headings);
    }
    if (line === '') {
      emptyLines.push(dataRows);
      return '';
    }
    dataRows++;
    const text = line.trim();
    if (MESSAGE.test(text)) return csvField(text);
    if (index > headingLine + 1 && DASHES.test(line) && /---/.test(line) && above !== '')
      throw index === headingLine + 2 ? wrappedError(lineNumber) : secondResultsError(lineNumber);
    noteMisfit(line);
    return csvLineOf(cellsOf(line));
  };
  return {
    convert,
    /** Lines converted so far. */
    linesRead: () => lineNumber,
    emptyLines,
    /** The error for the lines that did not fit, if any. */
    problem: (): SourceFileError | null => (misfitCount > 0 ? misfitError(misfits, misfitCount) : null),
  };
}

async function writeCsv(
  file: string,
  out: string,
  layout: FixedWidthLayout,
  decoding: Decoding,
  options: { firstRows?: number; onProgress?: (share: number) => void },
): Promise<number[]> {
  const converter = lineConverter(layout);
  let stopped = false;
  const belowHeadings = layout.headingLine + 1 + (options.firstRows ?? Infinity);
  const split = lineSplitter(decoderFor(decoding));
  // The CSV of a chunk's whole lines, as far as the sample goes.
  const csvOf = (lines: readonly string[]): string => {
    const written: string[] = [];
    for (const line of lines) {
      if (converter.linesRead() >= belowHeadings) {
        stopped = true;
        break;
      }
      const csv = converter.convert(line);
      if (csv !== null) written.push(csv);
    }
    return written.length ? `${written.join('\n')}\n` : '';
  };
  const size = statSync(file).size || 1;
  const raw = createReadStream(file);
  const source = /\.gz$/i.test(file) ? raw.pipe(createGunzip()) : raw;
  const output = createWriteStream(out);
  const write = async (text: string) => {
    if (text && !output.write(text)) await once(output, 'drain');
  };
  try {
    for await (const chunk of source) {
      options.onProgress?.(Math.min(raw.bytesRead / size, 1));
      await write(csvOf(split(chunk as Buffer, false)));
      if (stopped) break;
    }
    if (!stopped) await write(csvOf(split(Buffer.alloc(0), true)));
  } finally {
    raw.destroy();
    output.end();
    await finished(output);
  }
  const problem = converter.problem();
  if (problem) throw problem;
  return converter.emptyLines;
}
