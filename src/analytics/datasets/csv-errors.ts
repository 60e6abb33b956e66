// DuckDB's CSV reader stops at a line it cannot split into the file's columns; its message is written
// for programmers. This puts it in the words of the report, with the row as the report numbers rows:
// the file's own (DuckDB's line counts the lines above the headings too).
import { SourceFileError } from './source-error.ts';

const LINE = /CSV Error on Line: (\d+)/;
export const TOO_MANY_CELLS = /Expected Number of Columns: (\d+) Found: \d+/;
/** DuckDB's reasons (matched on its own wording, not on the line it quotes) in plain English. */
const REASONS: [RegExp, string][] = [
  [/^Value with unterminated quote found/m, 'a value opens a quotation mark (") that is never closed'],
  [/^Invalid unicode/m, 'it has characters that are not in the encoding of the rest of the file'],
];

/** A plain-English error for a CSV line that could not be read, or null for any other error. */
export function csvLineError(error: unknown): SourceFileError | null {
  const message = error instanceof Error ? error.message : '';
  const line = LINE.exec(message);
  if (!line) return null;
  const lineNumber = Number(line[1]);
  const where = `Row ${lineNumber.toLocaleString('en-GB')} of the file`;
  const cells = TOO_MANY_CELLS.exec(message);
  if (cells)
    return new SourceFileError(
      `${where} has more cells than there are headings (${cells[1]}), so its values cannot be matched to columns. This is often a comma inside a value that is not in quotes: put that value in "quotes", or take the comma out, and import the file again. Nothing was stored.`,
      { cause: error },
    );
  const reason = REASONS.find(([pattern]) => pattern.test(message))?.[1];
  return new SourceFileError(
    `${where} could not be read${reason ? `: ${reason}` : ''}. Correct that line and import the file again. Nothing was stored.`,
    { cause: error },
  );
}
