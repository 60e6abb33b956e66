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

/**
 * True for a report's total line: no LSOA code, and Total (or Grand total, Sub-total) in a text
 * column. Added up from the rows above it, it is not a row of its own, so it is left out like a
 * blank row (and reported).
 */
function totalRowSql(m: ColumnMapping, kinds: ColumnKinds): string {
  const lsoa = sourceColumn(m.columns.lsoa_code);
  const text = sourceColumnsOf(m).filter(
    (c) => c !== m.columns.lsoa_code && (kinds.get(c) ?? 'text') === 'text',
  );
  if (text.length === 0) return 'false';
  const named = text
    .map((c) => `COALESCE(regexp_matches(CAST(${sourceColumn(c)} AS VARCHAR), ${TOTAL_CELL}, 'i'), false)`)
    .join(' OR ');
  return `(${lsoa} IS NULL AND (${named}))`;
}

export interface TotalRows {
  count: number;
  /** The first few, numbered as the report numbers rows (1 is the first below the headings). */
  firstRows: number[];
}

const SHOWN = 5;

/**
 * The total lines of the staged Parquet file `parquet`. The LSOA test at the top
 * of the filter lets DuckDB skip the row groups whose LSOA column has no empty value, so a file
 * without total lines costs almost nothing.
 */
export async function findTotalRows(
  store: AnalyticsStore,
  parquet: string,
  m: ColumnMapping,
  kinds: ColumnKinds,
): Promise<TotalRows> {
  const relation = `read_parquet(${literal(parquet)}, file_row_number = true)`;
  const [found] = await store.query<{ n: string; first_rows: number[] | null }>(
    `SELECT count(*) AS n, list(file_row_number + 1 ORDER BY file_row_number)[1:${SHOWN}] AS first_rows FROM ${relation} WHERE ${totalRowSql(m, kinds)}`,
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
