// LSOA codes written with the area's name beside them, as reporting tools label areas
// ("E01013600 - Leicester 003A"): read as the code (lsoaSql), and the import says how many there were.
import type { AnalyticsStore } from '../store.ts';
import { sourceColumn } from '../sql-text.ts';
import { countInWords } from '../in-words.ts';
import { firstOfRows } from './first-of-rows.ts';
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
  // Only a value longer than a code can have a name beside it.
  const longer = `strlen(trim(CAST(${c} AS VARCHAR))) > 9`;
  const found = await firstOfRows(
    store,
    parquet,
    column,
    `${lsoaCodeBesideNameSql(c)} IS NOT NULL`,
    leftOut,
    longer,
  );
  if (!found) return null;
  const { n, example } = found;
  const one = n === 1;
  return `${countInWords(n)} ${one ? 'LSOA code' : 'LSOA codes'} in "${column}" ${one ? 'is' : 'are'} written with the area's name beside ${one ? 'it' : 'them'} (such as "${example}") and ${one ? 'was' : 'were'} read as the code.`;
}
