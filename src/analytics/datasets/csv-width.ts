// A row with more cells than there are headings stops DuckDB's reader when it is past the rows the
// reader samples. Within them DuckDB adapts instead: it widens the file (every row gets an extra
// column, "column7", blank except in that row, whose values have all moved along) or, in a small
// file, reads each line as one value. Both are refused here as they are further down.
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';
import { csvLineError, TOO_MANY_CELLS } from './csv-errors.ts';
import { delimiterOf, firstCsvRows } from './header-row.ts';

/** The cells of a line split on `delimiter`, a delimiter inside quotation marks not counting. */
export function cellCount(line: string, delimiter: string): number {
  let cells = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (!quoted && line[i] === delimiter) cells++;
  }
  return cells;
}

/**
 * When DuckDB reads the file as other than one column per heading, reads it again with the heading
 * line's delimiter and one column per heading, and throws the row and line DuckDB then stops at, in
 * the report's words, if a row has more cells than headings.
 */
export async function refuseRowsWiderThanHeadings(
  store: AnalyticsStore,
  csv: string,
  options: { skip: number; encoding: string; parallel: boolean; columnCount: number },
): Promise<void> {
  const { skip, encoding, parallel, columnCount } = options;
  const headingLine = (await firstCsvRows(csv, skip + 1))[skip] ?? '';
  const delimiter = delimiterOf(headingLine);
  const headings = cellCount(headingLine, delimiter);
  if (columnCount === headings) return;
  const columns = Array.from({ length: headings }, (_v, i) => `'c${i}': 'VARCHAR'`).join(', ');
  try {
    await store.query(
      `SELECT count(*) AS n FROM read_csv(${literal(csv)}, skip = ${skip}, encoding = ${literal(encoding)}, auto_detect = false, header = true, delim = ${literal(delimiter)}, quote = '"', escape = '"', columns = {${columns}}, null_padding = true${parallel ? '' : ', parallel = false'})`,
    );
  } catch (error) {
    // Only DuckDB's own finding of a row too wide is trusted: a heading line this count misreads
    // must not refuse a file that DuckDB reads.
    if (error instanceof Error && TOO_MANY_CELLS.test(error.message)) throw csvLineError(error) ?? error;
  }
}
