// Rows of a file that are not imported: a spreadsheet's blank rows and a report's total lines. They
// are left out of the checks and the dataset, still count in the row numbers of the report, and the
// import says how many there were and where.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { sourceColumnsOf, type ColumnMapping } from './mapping.ts';
import type { ColumnKind } from './standardise.ts';

type ColumnKinds = ReadonlyMap<string, ColumnKind>;

/** True for a row whose every mapped column is empty: a spreadsheet's blank row. */
export function blankRowSql(m: ColumnMapping): string {
  const sources = sourceColumnsOf(m);
  return sources.length ? sources.map((c) => `${sourceColumn(c)} IS NULL`).join(' AND ') : 'false';
}

/** A cell reading Total, Totals, Grand total or Sub-total (any case, a colon after it allowed). */
const TOTAL_CELL = "'^\\s*(grand\\s+|sub-?\\s*)?totals?\\s*:?\\s*$'";

const readsTotal = (column: string): string =>
  `COALESCE(regexp_matches(CAST(${sourceColumn(column)} AS VARCHAR), ${TOTAL_CELL}, 'i'), false)`;

/**
 * The two kinds of a report's total line, each a test no row passes twice: Total (or Grand total,
 * Sub-total) in place of the LSOA code; no LSOA code and Total in another text column. Added up from
 * the rows above it, a total line is not a row of its own, so it is left out like a blank row (and
 * reported). Neither test is ever NULL: the rows kept are those for which NOT their OR is true.
 */
function totalRowTests(m: ColumnMapping, kinds: ColumnKinds): string[] {
  const lsoa = sourceColumn(m.columns.lsoa_code);
  const text = sourceColumnsOf(m).filter(
    (c) => c !== m.columns.lsoa_code && (kinds.get(c) ?? 'text') === 'text',
  );
  // An LSOA code starts with a letter and a 0 (E01…, W01…), so most values are passed over unread.
  const inLsoa = `(COALESCE(${lsoa} NOT LIKE '_0%', false) AND ${readsTotal(m.columns.lsoa_code)})`;
  if (text.length === 0) return [inLsoa];
  return [inLsoa, `(${lsoa} IS NULL AND (${text.map(readsTotal).join(' OR ')}))`];
}

const totalRowSql = (m: ColumnMapping, kinds: ColumnKinds): string =>
  `(${totalRowTests(m, kinds).join(' OR ')})`;

export interface TotalRows {
  count: number;
  /** The first few, numbered as the report numbers rows: as in the file (validate.ts). */
  firstRows: number[];
}

const SHOWN = 5;

/**
 * The total lines of the staged Parquet file `parquet`, each kind found by a query of its own: so
 * filtered, DuckDB tests the LSOA column's dictionary rather than every row, and skips the row
 * groups whose LSOA column has no empty value, so a file without total lines costs almost nothing.
 */
export async function findTotalRows(
  store: AnalyticsStore,
  parquet: string,
  m: ColumnMapping,
  kinds: ColumnKinds,
  headingRow: number,
): Promise<TotalRows> {
  const relation = `read_parquet(${literal(parquet)}, file_row_number = true)`;
  const totalLines = totalRowTests(m, kinds)
    .map((test) => `SELECT file_row_number FROM ${relation} WHERE ${test}`)
    .join(' UNION ALL ');
  const [found] = await store.query<{ n: string; first_rows: number[] | null }>(
    `SELECT count(*) AS n, list(file_row_number + ${headingRow + 1} ORDER BY file_row_number)[1:${SHOWN}] AS first_rows FROM (${totalLines}) totals`,
  );
  return { count: Number(found?.n ?? 0), firstRows: (found?.first_rows ?? []).map(Number) };
}

/**
 * True for a row not imported: blank in every mapped column, or (when the file has any) a total
 * line. Without total lines the test is the blank one alone, which the Parquet statistics answer.
 */
export function leftOutRowSql(m: ColumnMapping, kinds: ColumnKinds, totals: TotalRows): string {
  return totals.count > 0 ? `((${blankRowSql(m)}) OR ${totalRowSql(m, kinds)})` : `(${blankRowSql(m)})`;
}

/** What the import says of the rows it left out: which were total lines, and how many were blank. */
export function leftOutWarnings(totals: TotalRows, leftOut: number): string[] {
  const warnings: string[] = [];
  if (totals.count > 0) {
    const more = totals.count > totals.firstRows.length;
    const rows = `${totals.count === 1 ? 'row' : 'rows'} ${totals.firstRows.join(', ')}${more ? ' and more' : ''}`;
    warnings.push(
      totals.count === 1
        ? `1 row reads "Total" and has no LSOA code (${rows}): a total of the rows above, not a row of its own, so it was left out.`
        : `${totals.count} rows read "Total" and have no LSOA code (${rows}): totals of the rows above, not rows of their own, so they were left out.`,
    );
  }
  const blank = leftOut - totals.count;
  if (blank > 0)
    warnings.push(
      `${blank === 1 ? '1 row was' : `${blank} rows were`} blank in every mapped column and left out (they still count when rows are numbered).`,
    );
  return warnings;
}
