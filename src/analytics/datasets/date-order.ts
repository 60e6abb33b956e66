// Whether an extract writes its dates month first (04/15/2024), as US systems and Excel set to US
// English do, rather than day first as UK extracts do. Read day first, such a file's dates up to the
// 12th of a month would be stored on the wrong day without a word (04/05/2024, 5 April, as 4 May),
// and the rest reported as dates that do not exist.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import type { ColumnMapping } from './mapping.ts';
import type { ColumnKind } from './standardise.ts';
import { writtenDateSql } from './written-dates.ts';
import { dateInWords } from '../in-words.ts';

const SAMPLE = 100_000;

/**
 * A date written in numbers, day and month in either order, after a weekday or not ("Fri 04/05/2024",
 * as Excel's ddd mm/dd/yyyy shows it): its first and second numbers.
 */
const numbered = (c: string, part: 1 | 2) =>
  `TRY_CAST(regexp_extract(trim(CAST(${c} AS VARCHAR)), '^(?:[A-Za-z]{3,9}[.,]*\\s+)?([0-9]{1,2})[/.-]([0-9]{1,2})[/.-][0-9]{2,4}( |$)', ${part}) AS INTEGER)`;

/** The text date columns a mapping reads: the event date and a date of birth. */
function dateColumns(mapping: ColumnMapping, kinds: ReadonlyMap<string, ColumnKind>): string[] {
  const { event_date, date_of_birth } = mapping.columns;
  return [event_date, date_of_birth].filter(
    (c): c is string => c !== undefined && (kinds.get(c) ?? 'text') === 'text',
  );
}

/** A date column whose dates written in numbers could all be read either way (04/05/2024). */
export interface AmbiguousDates {
  column: string;
  example: string;
  /** The example read day first, as ISO (2024-02-01). */
  exampleDayFirst: string;
  /** Dates whose two numbers differ, and of those the ones on a Saturday or Sunday read each way. */
  dates: number;
  weekendDayFirst: number;
  weekendMonthFirst: number;
}

export interface DateOrderFound {
  /** The date column found to be written month first, with its first such value. */
  monthFirst: { column: string; example: string } | null;
  /**
   * Otherwise, the event date's column when it could be written either way, as far as its first
   * values show: `readEitherWay` says whether the whole file does.
   */
  ambiguous: AmbiguousDates | null;
}

const onWeekend = (date: string) => `dayofweek(${date}) IN (0, 6)`;

/**
 * How the date columns write their dates, from their first 100,000 values: month first when some
 * dates written in numbers can only be month first (a second number above 12) and none can only be
 * day first (a first number above 12), which a day-first file cannot show; either way when every
 * such date has two numbers of 12 or under, and some two that differ. They are read day first then.
 */
export async function dateOrderOf(
  store: AnalyticsStore,
  parquet: string,
  mapping: ColumnMapping,
  kinds: ReadonlyMap<string, ColumnKind>,
): Promise<DateOrderFound> {
  const columns = dateColumns(mapping, kinds);
  if (columns.length === 0) return { monthFirst: null, ambiguous: null };
  const found = await store.query<{
    column_name: string;
    day_first: number | bigint;
    month_first: number | bigint;
    example: string | null;
    differing: number | bigint;
    differing_example: string | null;
    differing_day_first: string | null;
    weekend_day_first: number | bigint;
    weekend_month_first: number | bigint;
  }>(
    columns
      .map((column) => {
        const c = sourceColumn(column);
        const differ = `${numbered(c, 1)} <> ${numbered(c, 2)}`;
        const dayFirst = writtenDateSql(c, 'day-first');
        return `SELECT ${literal(column)} AS column_name,
            count_if(${numbered(c, 1)} > 12) AS day_first, count_if(${numbered(c, 2)} > 12) AS month_first,
            arg_min(trim(CAST(${c} AS VARCHAR)), CASE WHEN ${numbered(c, 2)} > 12 THEN file_row_number END) AS example,
            count_if(${differ}) AS differing,
            arg_min(trim(CAST(${c} AS VARCHAR)), CASE WHEN ${differ} THEN file_row_number END) AS differing_example,
            arg_min(CAST(${dayFirst} AS VARCHAR), CASE WHEN ${differ} THEN file_row_number END) AS differing_day_first,
            count_if(${differ} AND ${onWeekend(dayFirst)}) AS weekend_day_first,
            count_if(${differ} AND ${onWeekend(writtenDateSql(c, 'month-first'))}) AS weekend_month_first
          FROM (SELECT ${c}, file_row_number FROM read_parquet(${literal(parquet)}, file_row_number = true) WHERE ${c} IS NOT NULL LIMIT ${SAMPLE})`;
      })
      .join('\nUNION ALL\n'),
  );
  const dayFirst = found.some((f) => Number(f.day_first) > 0);
  const monthFirst = found.find((f) => Number(f.month_first) > 0);
  if (monthFirst && !dayFirst)
    return {
      monthFirst: { column: monthFirst.column_name, example: monthFirst.example ?? '' },
      ambiguous: null,
    };
  // A column showing the day first (a date of birth on the 31st) shows how the file writes them all.
  const either =
    monthFirst || dayFirst
      ? undefined
      : found.find((f) => f.column_name === mapping.columns.event_date && Number(f.differing) > 0);
  return {
    monthFirst: null,
    ambiguous: either
      ? {
          column: either.column_name,
          example: either.differing_example ?? '',
          exampleDayFirst: either.differing_day_first ?? '',
          dates: Number(either.differing),
          weekendDayFirst: Number(either.weekend_day_first),
          weekendMonthFirst: Number(either.weekend_month_first),
        }
      : null,
  };
}

/**
 * Whether every event date stored (read day first) is on the 1st to the 12th of a month, as the
 * dates of a file whose first values could be read either way may all be. A date after the 12th
 * shows the file writes the day first (a big file's first rows may all be of a month's first days).
 */
export async function readEitherWay(store: AnalyticsStore, stored: string): Promise<boolean> {
  const later = await store.query(
    `SELECT 1 AS later FROM read_parquet(${literal(stored)}) WHERE day(event_date) > 12 LIMIT 1`,
  );
  return later.length === 0;
}

/** What the import says of dates it found written month first, and how to have them read day first. */
export function monthFirstNote({ column, example }: { column: string; example: string }): string {
  return `"${column}" writes dates with the month first (such as ${example}), as US systems and Excel set to US English do, so its dates were read that way: 04/05/2024 is 5 April 2024. If the file writes the day first, import it again choosing "Day first" for how dates are written (or with "dateOrder": "day-first" in its column mapping).`;
}

const share = (n: number, of: number): string => `${Math.round((100 * n) / of)}%`;

/**
 * What the import says of dates that could be read either way. Read the wrong way, a service closed
 * at weekends would have many at a weekend: when that is so of reading them day first, it says so.
 */
export function ambiguousDatesNote(found: AmbiguousDates): string {
  const { column, example, exampleDayFirst, dates, weekendDayFirst, weekendMonthFirst } = found;
  const weekends =
    dates >= 20 && weekendDayFirst >= 0.15 * dates && weekendMonthFirst <= 0.02 * dates
      ? ` Read day first, ${share(weekendDayFirst, dates)} of them fall on a Saturday or Sunday, against ${share(weekendMonthFirst, dates)} read month first: if the service is closed at weekends, the file may well write the month first.`
      : '';
  return `Every date in "${column}" written in numbers has a day and a month of 12 or under (such as ${example}), so each could be read day first or month first. They were read day first, as UK extracts write them: ${example} is ${dateInWords(exampleDayFirst)}.${weekends} If the file writes the month first (a US system, or Excel set to US English), import it again choosing "Month first" for how dates are written (or with "dateOrder": "month-first" in its column mapping).`;
}
