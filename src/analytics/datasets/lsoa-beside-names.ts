// LSOA codes written with the area's name beside them, as reporting tools label areas
// ("E01013600 - Leicester 003A"): read as the code (lsoaSql), and the import says how many there were.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { countInWords } from '../in-words.ts';
import type { ColumnKinds } from './standard-columns.ts';
import { lsoaCodeBesideNameSql } from './standardise.ts';

/** The note saying how many LSOA codes were read from beside a name; null when none were. */
export async function lsoaBesideNamesNote(
  store: AnalyticsStore,
  parquet: string,
  column: string,
  kinds: ColumnKinds,
  /** Rows not imported (left-out-rows.ts). */
  leftOut: string,
): Promise<string | null> {
  if ((kinds.get(column) ?? 'text') !== 'text') return null;
  const c = sourceColumn(column);
  // Whether any value is longer than a code: DuckDB tests the column's dictionary, 10 ms for 10
  // million rows, where the count below reads every column (to leave out blank rows), 0.4 s.
  const [longer] = await store.query<{ n: number | bigint }>(
    `SELECT count(*) AS n FROM read_parquet(${literal(parquet)}) WHERE strlen(trim(CAST(${c} AS VARCHAR))) > 9`,
  );
  if (Number(longer?.n ?? 0) === 0) return null;
  const beside = `${lsoaCodeBesideNameSql(c)} IS NOT NULL`;
  const [row] = await store.query<{ n: number | bigint; example: string | null }>(
    `SELECT count(*) FILTER (WHERE ${beside}) AS n,
        arg_min(trim(CAST(${c} AS VARCHAR)), file_row_number) FILTER (WHERE ${beside}) AS example
      FROM read_parquet(${literal(parquet)}, file_row_number = true)
      WHERE NOT ${leftOut}`,
  );
  const n = Number(row?.n ?? 0);
  if (n === 0 || row?.example == null) return null;
  const one = n === 1;
  return `${countInWords(n)} ${one ? 'LSOA code' : 'LSOA codes'} in "${column}" ${one ? 'is' : 'are'} written with the area's name beside ${one ? 'it' : 'them'} (such as "${row.example}") and ${one ? 'was' : 'were'} read as the code.`;
}
