// A person identifier written as not known ("Unknown", "N/K") would count every such row as one
// person. The import stores them as none, and reports them, only when the file has some
// (person-values.ts): testing each of 10 million identifiers in the final write cost about 1.5 s.
import { literal } from '../sql-text.ts';
import { NOT_KNOWN_WORDS, notKnownSql } from './standardise.ts';

/**
 * Where text written as not known can start, as ranges of the column's values: a space (trimmed
 * off) below "!" or outside ASCII, or the first letter of a word for not known, in capitals or not.
 * DuckDB answers each range from the Parquet statistics where no identifier can fall in it
 * (`SYN000000001` … rule out all of them: a few milliseconds for 10 million, against 0.3 s to read
 * every row), but only a range queried on its own: joined by OR, the ranges are read row by row.
 */
function startRanges(c: string): string[] {
  const capitals = [...new Set(NOT_KNOWN_WORDS.map((w) => w[0]!))].sort();
  const next = (letter: string) => String.fromCharCode(letter.charCodeAt(0) + 1);
  // From the first letter to the last, leaving out the gaps between letters: the gaps written as
  // ranges of their own, (c >= 'N' AND c < 'O') OR (c >= 'U' AND c < 'V'), read every row again.
  const letters = (first: string[]) =>
    [
      `${c} >= ${literal(first[0]!)} AND ${c} < ${literal(next(first.at(-1)!))}`,
      ...first.slice(1).map((l, i) => `(${c} < ${literal(next(first[i]!))} OR ${c} >= ${literal(l)})`),
    ].join(' AND ');
  return [`${c} < '!'`, letters(capitals), letters(capitals.map((l) => l.toLowerCase())), `${c} >= '\u007f'`];
}

/** A query of one row when some person identifier in `relation` is written as not known. */
export const personNotKnownSql = (relation: string, c: string): string =>
  startRanges(c)
    .map((range) => `(SELECT 1 FROM ${relation} WHERE ${range} AND ${notKnownSql(c)} LIMIT 1)`)
    .join(' UNION ALL ');
