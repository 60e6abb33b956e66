// Whether an extract writes its dates month first (04/15/2024), as US systems and Excel set to US
// English do, rather than day first as UK extracts do. Read day first, such a file's dates up to the
// 12th of a month would be stored on the wrong day without a word (04/05/2024, 5 April, as 4 May),
// and the rest reported as dates that do not exist.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import type { ColumnMapping } from './mapping.ts';
import type { ColumnKind } from './standardise.ts';

const SAMPLE = 100_000;

/** A date written in numbers, day and month in either order: its first and second numbers. */
const numbered = (c: string, part: 1 | 2) =>
  `TRY_CAST(regexp_extract(trim(CAST(${c} AS VARCHAR)), '^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-][0-9]{2,4}( |$)', ${part}) AS INTEGER)`;

/** The text date columns a mapping reads: the event date and a date of birth. */
function dateColumns(mapping: ColumnMapping, kinds: ReadonlyMap<string, ColumnKind>): string[] {
  const { event_date, date_of_birth } = mapping.columns;
  return [event_date, date_of_birth].filter(
    (c): c is string => c !== undefined && (kinds.get(c) ?? 'text') === 'text',
  );
}

/**
 * The date column found to be written month first, with its first such value: when, in the first
 * 100,000 values of the date columns, some dates written in numbers can only be month first (a
 * second number above 12) and none can only be day first (a first number above 12), which a
 * day-first file cannot show. Null otherwise: the dates are read day first.
 */
export async function monthFirstColumn(
  store: AnalyticsStore,
  parquet: string,
  mapping: ColumnMapping,
  kinds: ReadonlyMap<string, ColumnKind>,
): Promise<{ column: string; example: string } | null> {
  const columns = dateColumns(mapping, kinds);
  if (columns.length === 0) return null;
  const found = await store.query<{
    column_name: string;
    day_first: number | bigint;
    month_first: number | bigint;
    example: string | null;
  }>(
    columns
      .map((column) => {
        const c = sourceColumn(column);
        return `SELECT ${literal(column)} AS column_name,
            count_if(${numbered(c, 1)} > 12) AS day_first, count_if(${numbered(c, 2)} > 12) AS month_first,
            arg_min(trim(CAST(${c} AS VARCHAR)), CASE WHEN ${numbered(c, 2)} > 12 THEN file_row_number END) AS example
          FROM (SELECT ${c}, file_row_number FROM read_parquet(${literal(parquet)}, file_row_number = true) WHERE ${c} IS NOT NULL LIMIT ${SAMPLE})`;
      })
      .join('\nUNION ALL\n'),
  );
  const dayFirst = found.some((f) => Number(f.day_first) > 0);
  const monthFirst = found.find((f) => Number(f.month_first) > 0);
  if (dayFirst || !monthFirst) return null;
  return { column: monthFirst.column_name, example: monthFirst.example ?? '' };
}

/** What the import says of dates it found written month first, and how to have them read day first. */
export function monthFirstNote({ column, example }: { column: string; example: string }): string {
  return `"${column}" writes dates with the month first (such as ${example}), as US systems and Excel set to US English do, so its dates were read that way: 04/05/2024 is 5 April 2024. If the file writes the day first, import it again choosing "Day first" for how dates are written (or with "dateOrder": "day-first" in its column mapping).`;
}
