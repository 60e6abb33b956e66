// Sexes read other than as written, which the import says: a gender identity other than male or
// female ("Non-binary", or the NHS's gender identity codes 3 and 4), as a "Gender" column may hold
// it, is counted as not known in the breakdown by sex rather than reported as a wrong code.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import type { ColumnMapping } from './mapping.ts';
import { otherGenderSql } from './standardise.ts';

/** What the import says of the values of the sex column that are other gender identities. */
export async function sexesReadNotes(
  store: AnalyticsStore,
  parquet: string,
  mapping: ColumnMapping,
  /** Rows not imported (left-out-rows.ts). */
  leftOut: string,
): Promise<string[]> {
  const column = mapping.columns.sex;
  if (!column) return [];
  const other = otherGenderSql(sourceColumn(column));
  // Most files have none: the sex column alone first (a few values, which DuckDB tests once each),
  // and the rows left out, which every column decides, only where there are some.
  const [any] = await store.query<{ n: number | bigint }>(
    `SELECT count(*) AS n FROM read_parquet(${literal(parquet)}) WHERE ${other}`,
  );
  if (Number(any?.n ?? 0) === 0) return [];
  const [row] = await store.query<{ n: number | bigint; example: string | null }>(
    `SELECT count(*) AS n, arg_min(trim(CAST(${sourceColumn(column)} AS VARCHAR)), file_row_number) AS example
       FROM read_parquet(${literal(parquet)}, file_row_number = true) WHERE ${other} AND NOT ${leftOut}`,
  );
  const n = Number(row?.n ?? 0);
  if (n === 0 || row?.example == null) return [];
  const [values, are, them] = n === 1 ? ['value', 'is', 'it'] : ['values', 'are', 'them'];
  return [
    `${n.toLocaleString('en-GB')} ${values} in "${column}" ${are} a gender identity other than male or female (such as "${row.example}"): the breakdown by sex counts ${them} as not known, as population figures by sex have no such group.`,
  ];
}
