// Columns whose values are dates, whatever their headings ("Admitted", "Seen"): named in the report
// when no column was read as the date of each row, so that the person can say which one is. Never
// chosen on their own, as a date of birth under a heading that does not say so would give wrong
// periods.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { textValueSql, type ColumnKind } from './standardise.ts';
import { writtenDateSql } from './written-dates.ts';

const SAMPLE_ROWS = 1000;
const SHARE = 0.9;

/** The columns of which at least 90% of the first 1,000 values (blanks aside) are dates. */
export async function datedColumns(
  store: AnalyticsStore,
  parquet: string,
  columns: string[],
  kinds: ReadonlyMap<string, ColumnKind>,
): Promise<string[]> {
  const candidates = columns.filter((c) => kinds.get(c) === 'date' || kinds.get(c) === 'text');
  if (candidates.length === 0) return [];
  const counts = candidates.flatMap((c, i) => {
    const column = sourceColumn(c);
    const dated = kinds.get(c) === 'date';
    return [
      `count(${dated ? column : textValueSql(column)}) AS n${i}`,
      `count(${dated ? column : writtenDateSql(column)}) AS d${i}`,
    ];
  });
  const [row] = await store.query<Record<string, number | bigint>>(
    `SELECT ${counts.join(', ')} FROM (SELECT * FROM read_parquet(${literal(parquet)}) LIMIT ${SAMPLE_ROWS}) sample`,
  );
  return candidates.filter((_, i) => {
    const values = Number(row?.[`n${i}`] ?? 0);
    return values > 0 && Number(row?.[`d${i}`] ?? 0) >= SHARE * values;
  });
}
