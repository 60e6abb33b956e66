// Ages with a fraction (34.7, as the days between a birth date and the event over 365.25 give) are
// stored in completed years, as ages are counted (standardise.ts); the import says so, with an
// example, so that an extract giving ages some other way is noticed.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import type { ColumnMapping } from './mapping.ts';
import { ageNumberSql, ageValidSql, type ColumnKind } from './standardise.ts';

export async function fractionalAgesNote(
  store: AnalyticsStore,
  parquet: string,
  mapping: ColumnMapping,
  kinds: ReadonlyMap<string, ColumnKind>,
  /** Rows not imported (left-out-rows.ts). */
  leftOut: string,
): Promise<string | null> {
  const column = mapping.columns.age;
  if (!column) return null;
  const kind = kinds.get(column) ?? 'text';
  const age = ageNumberSql(sourceColumn(column), kind);
  // The example is the first such age in the file, as the report's rows are numbered.
  const [row] = await store.query<{ n: number | bigint; example: number | null }>(
    `SELECT count(*) AS n, arg_min(${age}, file_row_number) AS example
      FROM read_parquet(${literal(parquet)}, file_row_number = true)
      WHERE NOT ${leftOut} AND ${ageValidSql(sourceColumn(column), kind)} AND ${age} <> floor(${age})`,
  );
  const n = Number(row?.n ?? 0);
  if (n === 0 || row?.example == null) return null;
  const example = Number(row.example);
  const shown = Number(example.toFixed(2));
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'age in' : 'ages in'} "${column}" ${n === 1 ? 'has' : 'have'} a fraction (such as ${shown}) and ${n === 1 ? 'was' : 'were'} read in completed years (${Math.floor(example)}), as ages are counted.`;
}
