// Results that sqlcmd writes with a separator but without -W ("remove trailing spaces"): each value
// is padded with spaces to its column's width, numbers on the right, and NULL for no value becomes
// "       NULL", which DuckDB's list of words for no value does not match. Such a file is told by its
// headings, padded too, over a line of dashes; its values are staged without the spaces.
import { sourceColumn } from '../sql-text.ts';
import { delimiterOf } from './header-row.ts';

/** A cell of dashes only, as sqlcmd draws under each heading. */
const DASHES = /^-+$/;

/**
 * Whether the rows from the headings down (`rows[0]` the headings) are padded as sqlcmd pads them:
 * the next row is dashes in every cell, as wide as its heading with its spaces, and some heading
 * has spaces after it.
 */
export function paddedByQueryTool(rows: readonly string[]): boolean {
  const [headingRow, dashesRow] = rows;
  if (headingRow === undefined || dashesRow === undefined) return false;
  const delimiter = delimiterOf(headingRow);
  const headings = headingRow.replace(/\r$/, '').split(delimiter);
  const dashes = dashesRow.replace(/\r$/, '').split(delimiter);
  return (
    headings.length > 1 &&
    dashes.length === headings.length &&
    dashes.every((cell, i) => DASHES.test(cell) && cell.length === headings[i]!.length) &&
    headings.some((heading) => / $/.test(heading))
  );
}

/** A padded text column's values without the spaces; NULL, or nothing, is no value. */
export const unpaddedSql = (column: string): string => {
  const trimmed = `trim(${sourceColumn(column)})`;
  return `CASE WHEN ${trimmed} IN ('', 'NULL') THEN NULL ELSE ${trimmed} END AS ${sourceColumn(column)}`;
};
