// Reports exported from clinical systems often put a title, a run date or a blank line above the
// headings. The headings are the first row, of the first 20, holding the LSOA column's heading (the
// one the mapping names, or one Parity recognises) or, for a file of postcodes, a postcode heading
// among other headings; rows above it are left out.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { identifyingColumn, looseHeading, recogniseColumns } from './headings.ts';

export const HEADER_SEARCH_ROWS = 20;

/**
 * Whether a row's cells hold the heading named, or else the LSOA heading, or a postcode heading in a
 * row of several cells (a title such as "Patient postcodes, December" is one cell).
 */
export function holdsLsoaHeading(cells: string[], lsoaHeading?: string): boolean {
  const texts = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (lsoaHeading) return texts.some((t) => looseHeading(t) === looseHeading(lsoaHeading));
  return (
    recogniseColumns(texts).columns.lsoa_code !== undefined ||
    (texts.length > 1 && texts.some((t) => identifyingColumn(t) === 'postcodes'))
  );
}

/** The index of the heading row among `rows` (0 when none of the first 20 holds the heading). */
export function headerRowOf(rows: string[][], lsoaHeading?: string): number {
  const found = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((cells) => holdsLsoaHeading(cells, lsoaHeading));
  return Math.max(found, 0);
}

/** Whichever of , ; tab or | a line uses most. */
export function delimiterOf(line: string): string {
  const delimiters = [',', ';', '\t', '|'];
  const counts = delimiters.map((d) => line.split(d).length);
  return delimiters[counts.indexOf(Math.max(...counts))] ?? ',';
}

/** A CSV row's cells, quotes removed, split on its delimiter (a value may hold line breaks). */
export function csvCells(row: string): string[] {
  return row.split(delimiterOf(row)).map((cell) => cell.trim().replace(/^"([\s\S]*)"$/, '$1'));
}

const HEAD_BYTES = 65_536;

/** The first 64 KB of a file, plain or gzipped (as stored, for gzip: after unzipping). */
export async function headOf(file: string): Promise<Buffer> {
  const raw = createReadStream(file, { start: 0, end: HEAD_BYTES - 1 });
  const source = file.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of source) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= HEAD_BYTES) break;
    }
  } catch {
    // A gzipped file cut at 64 KB ends mid-stream; the bytes read so far are enough.
  } finally {
    raw.destroy();
  }
  return Buffer.concat(chunks).subarray(0, HEAD_BYTES);
}

/** Whether text starts with the byte-order mark of UTF-16 LE (Excel's "Unicode Text"). */
export const hasUtf16Mark = (head: Buffer): boolean => head[0] === 0xff && head[1] === 0xfe;

/** Whether a text file starts with the byte-order mark of UTF-16. */
export async function isUtf16(file: string): Promise<boolean> {
  return hasUtf16Mark(await headOf(file));
}

/**
 * The first rows of a text file, plain or gzipped, reading no more than 64 KB: its lines, but for a
 * line break inside quotation marks, which is part of a value (Excel writes a heading wrapped onto
 * two lines, "Appointment⏎date", so).
 */
export async function firstCsvRows(file: string, count: number): Promise<string[]> {
  const head = await headOf(file);
  const text = (hasUtf16Mark(head) ? head.toString('utf16le') : head.toString('utf8')).replace(/^\uFEFF/, '');
  const rows: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length && rows.length < count; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '\n' && !quoted) {
      rows.push(text.slice(start, i).replace(/\r$/, ''));
      start = i + 1;
    }
  }
  if (rows.length < count && start < text.length) rows.push(text.slice(start));
  return rows;
}
