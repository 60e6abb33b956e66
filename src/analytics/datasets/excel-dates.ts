// Dates written as Excel's day numbers (45413 for 1 May 2024), as a CSV saved from a sheet whose
// dates were shown as numbers holds them, are read as the dates they stand for (standardise.ts);
// the import says so, so that a column of other numbers read as dates would be noticed.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { ageSource, type ColumnMapping } from './mapping.ts';
import { dateSql, excelDayNumberSql, type ColumnKind, type DateOf } from './standardise.ts';
import { countInWords, dateInWords } from '../in-words.ts';

/** One note for each date column holding Excel day numbers (dates of birth without an example). */
export async function excelDatesNotes(
  store: AnalyticsStore,
  parquet: string,
  mapping: ColumnMapping,
  kinds: ReadonlyMap<string, ColumnKind>,
  /** Rows not imported (left-out-rows.ts). */
  leftOut: string,
): Promise<string[]> {
  const c = mapping.columns;
  const columns = [
    { column: c.event_date, shown: true, of: 'event' as DateOf },
    {
      column: ageSource(mapping) === 'date_of_birth' ? c.date_of_birth : undefined,
      shown: false,
      of: 'birth' as DateOf,
    },
  ].filter(
    (d): d is { column: string; shown: boolean; of: DateOf } =>
      d.column !== undefined && (kinds.get(d.column) ?? 'text') !== 'date',
  );
  if (columns.length === 0) return [];
  const parts = columns.flatMap(({ column, shown, of }, i) => {
    const col = sourceColumn(column);
    const first = `CASE WHEN ${excelDayNumberSql(col, of)} THEN file_row_number END`;
    const count = `count_if(${excelDayNumberSql(col, of)}) AS n${i}`;
    if (!shown) return [count];
    return [
      count,
      `arg_min(CAST(${col} AS VARCHAR), ${first}) AS v${i}`,
      `CAST(arg_min(${dateSql(col)}, ${first}) AS VARCHAR) AS d${i}`,
    ];
  });
  const [row] = await store.query(
    `SELECT ${parts.join(', ')} FROM read_parquet(${literal(parquet)}, file_row_number = true) WHERE NOT ${leftOut}`,
  );
  return columns.flatMap(({ column, shown }, i) => {
    const n = Number(row?.[`n${i}`] ?? 0);
    if (n === 0) return [];
    const count = `${countInWords(n)} ${n === 1 ? 'value' : 'values'} in "${column}"`;
    const example = shown
      ? ` (the first, ${String(row?.[`v${i}`])}, is ${dateInWords(String(row?.[`d${i}`]))})`
      : '';
    return [
      `${count} ${n === 1 ? 'is an Excel day number' : 'are Excel day numbers'}${example}, as a CSV saved from Excel holds dates shown as numbers: ${n === 1 ? 'it was' : 'they were'} read as the ${n === 1 ? 'date it stands' : 'dates they stand'} for.`,
    ];
  });
}
