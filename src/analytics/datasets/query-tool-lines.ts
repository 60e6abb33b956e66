// The lines a query tool writes around its results when they are saved as text: SQL Server's sqlcmd
// (-s "," -W) and Management Studio's results to file draw dashes under the headings and end with
// "(200 rows affected)" and, from Management Studio 18, "Completion time: …". Read as rows, each
// would be one more row of activity in no LSOA; they are left out like a report's total lines.
import { literal, sourceColumn } from '../sql-text.ts';
import { sourceColumnsOf, type ColumnMapping } from './mapping.ts';
import type { ColumnKind } from './standardise.ts';

/** A cell of dashes only: the line under the headings. */
const DASHES = "'-+\\s*'";
/** "(200 rows affected)", "(1 row affected)", older tools' "(200 row(s) affected)", "Completion time: …". */
const MESSAGE = "'\\s*(\\(\\s*[0-9][0-9,]*\\s+rows?(\\(s\\))?\\s+affected\\s*\\)|completion time:.*)\\s*'";

/** Whether the cell matches `pattern`; NULL for an empty cell. */
const matchesOrNull = (c: string, pattern: string): string =>
  `regexp_full_match(CAST(${c} AS VARCHAR), ${pattern}, 'i')`;
const matches = (c: string, pattern: string): string => `COALESCE(${matchesOrNull(c, pattern)}, false)`;

/** A test of a row, with the part of it on the key column alone. */
export interface LineTest {
  /**
   * What the key's cell of every row passing the test is: asked first, as DuckDB answers it from
   * the column's statistics or dictionary, where the whole test reads the other columns too
   * (0.2–0.5 s for 10 million rows).
   */
  keyCell: string;
  row: string;
}

/**
 * The lines, as tests no row passes twice (`key`: the column whose cell is looked at first, the
 * LSOA code's). Dashes under the headings fill the key's cell and every other mapped text cell that
 * is not empty, so that a row with "-" for a missing LSOA code is kept and reported. A message
 * stands in one cell: the key's, or another's when the key's is empty.
 */
export function queryToolLineTests(
  m: ColumnMapping,
  kinds: ReadonlyMap<string, ColumnKind>,
  key: string,
): LineTest[] {
  const k = sourceColumn(key);
  const others = sourceColumnsOf(m)
    .filter((c) => c !== key && (kinds.get(c) ?? 'text') === 'text')
    .map(sourceColumn);
  const dashes = `(COALESCE(${k} LIKE '-%', false) AND ${matches(k, DASHES)})`;
  const inKey = (start: string) => {
    const cell = `(COALESCE(${k} LIKE ${literal(`${start}%`)}, false) AND ${matches(k, MESSAGE)})`;
    return { keyCell: cell, row: cell };
  };
  const tests = [
    {
      keyCell: dashes,
      row: [dashes, ...others.map((c) => `COALESCE(${matchesOrNull(c, DASHES)}, true)`)].join(' AND '),
    },
    inKey('('),
    inKey('Completion time:'),
  ];
  if (others.length)
    tests.push({
      keyCell: `${k} IS NULL`,
      row: `(${k} IS NULL AND (${others.map((c) => matches(c, MESSAGE)).join(' OR ')}))`,
    });
  return tests;
}

export const queryToolLinesNote = (count: number, rows: string): string =>
  count === 1
    ? `1 row is a line that a query tool such as SQL Server's sqlcmd writes around its results (${rows}: dashes under the headings, or a message such as "(200 rows affected)"), not a row of data, so it was left out.`
    : `${count} rows are lines that a query tool such as SQL Server's sqlcmd writes around its results (${rows}: dashes under the headings, or messages such as "(200 rows affected)"), not rows of data, so they were left out.`;
