// Event dates a linked PostgreSQL table holds as text, as warehouses' staging tables often do
// ("2024-05-01", "01/05/2024", "20240501"). The link finds the form most of them are written in,
// with its figures in their places, and lists the values that are not dates that exist in that form
// ("30/02/2024", "soon", blanks). Each query then leaves those out and places the others in their
// financial year by comparing their year and month, as text, with each year's April: a regular
// expression and to_date in each row made the query 8.4 times as long (bench/linked-columns.ts),
// and a cast alone fails the whole query on the first value that is not a date.
import { eventYearsEnd, FIRST_EVENT_YEAR } from './event-dates.ts';
import { countInWords } from '../in-words.ts';
import type { PostgresSource } from '../postgres-source.ts';
import { inListSql, literal } from '../sql-text.ts';
import type { DatesHeld } from './dates-held.ts';
import { MOST_VALUES_READ } from './values-read.ts';
import { NOT_KNOWN_WORDS } from './standardise.ts';

/** How a column of text dates is written: 2024-05-01, 01/05/2024, 05/01/2024 or 20240501. */
export type TextDateForm = 'year-first' | 'day-first' | 'month-first' | 'compact';

const YEAR = '[12][0-9]{3}';
/** A year from 1000 to 2999 with a 29 February: divisible by 4, and by 400 if a century. */
const LEAP_YEAR = '([12][0-9](0[48]|[2468][048]|[13579][26])|(1[26]|2[048])00)';
const SEPARATOR = '[/.-]';

/** Month and day patterns of every date but 29 February, then 29 February's (leap years only). */
function monthDays(zero: '' | '?'): { month: string; day: string; leap?: true }[] {
  const z = `0${zero}`;
  return [
    { month: `(${z}[1-9]|1[0-2])`, day: `(${z}[1-9]|1[0-9]|2[0-8])` },
    { month: `(${z}[13-9]|1[0-2])`, day: '(29|30)' },
    { month: `(${z}[13578]|1[02])`, day: '31' },
    { month: `${z}2`, day: '29', leap: true },
  ];
}

/** How a linked table's event dates of text are read: found when it was linked. */
export interface TextDates {
  form: TextDateForm;
  /** The values that are not dates so written (the most rows first), which are read as no date. */
  notDates: string[];
  /**
   * Day or month first with figures not always in their places (1/5/2024): the character between
   * the numbers, by which they are split. Without it, the figures are in their places (01/05/2024).
   */
  separator?: Separator;
}

export type Separator = '/' | '.' | '-';

/**
 * How dates written one way are read: their regular expression from year, month and day patterns
 * (the day and month with a leading zero, or with `zero` '?' without one too), what may follow them
 * (a time), and the SQL of their year and month as text that sorts as they do ('2024-05' or
 * '202405' at its start) and of the whole date (2024-05-01 or 20240501).
 */
interface Reading {
  written: (y: string, m: string, d: string) => string;
  zero: '' | '?';
  end: string;
  yearMonth: (d: string) => string;
  /** Where the month's two figures start in the year and month. */
  month: number;
  sortable: (d: string) => string;
  april: (year: number) => string;
}

const inEightFigures = (year: number) => `${year}04`;

// A time may follow, after a T or a space (2024-05-01T09:30:00Z).
const yearFirst: Reading = {
  written: (y, m, d) => `${y}-${m}-${d}`,
  zero: '',
  end: '($|\\s*$|[T ])',
  yearMonth: (d) => d,
  month: 6,
  sortable: (d) => `substr(${d}, 1, 10)`,
  april: (year) => `${year}-04`,
};

const compact: Reading = {
  written: (y, m, d) => `${y}${m}${d}`,
  zero: '',
  end: '\\s*$',
  yearMonth: (d) => d,
  month: 5,
  sortable: (d) => `substr(${d}, 1, 8)`,
  april: inEightFigures,
};

/**
 * Dates written day or month first: with their figures in their places (01/05/2024, any of the
 * separators), read from those places; or, with a separator, split at it, the day and month made
 * two figures (1/5/2024).
 */
function numbersFirst(first: 'day' | 'month', separator?: Separator): Reading {
  const between = separator ? `[${separator}]` : SEPARATOR;
  // The first, second and third numbers: the year four figures, the others two.
  const part = separator
    ? (d: string, n: number) =>
        n === 3
          ? `substr(split_part(${d}, ${literal(separator)}, 3), 1, 4)`
          : `lpad(split_part(${d}, ${literal(separator)}, ${n}), 2, '0')`
    : (d: string, n: number) => `substr(${d}, ${[1, 4, 7][n - 1]}, ${n === 3 ? 4 : 2})`;
  const [month, day] = first === 'day' ? [2, 1] : [1, 2];
  return {
    written: (y, m, d) =>
      first === 'day' ? `${d}${between}${m}${between}${y}` : `${m}${between}${d}${between}${y}`,
    zero: separator ? '?' : '',
    end: '($|\\s)',
    yearMonth: (d) => `${part(d, 3)} || ${part(d, month)}`,
    month: 5,
    sortable: (d) => `${part(d, 3)} || ${part(d, month)} || ${part(d, day)}`,
    april: inEightFigures,
  };
}

/** The reading of dates as `dates` says they are written. */
function readingOf(dates: Pick<TextDates, 'form' | 'separator'>): Reading {
  switch (dates.form) {
    case 'year-first':
      return yearFirst;
    case 'compact':
      return compact;
    case 'day-first':
      return numbersFirst('day', dates.separator);
    case 'month-first':
      return numbersFirst('month', dates.separator);
  }
}

/**
 * A PostgreSQL regular expression matching exactly the dates that exist, written as `dates` says:
 * in `form` with their figures in their places (01/05/2024), or, with a separator, day or month
 * first with or without a leading zero (1/5/2024), as the queries read them.
 */
export function existingDatePattern(dates: Pick<TextDates, 'form' | 'separator'>): string {
  const { written, zero, end } = readingOf(dates);
  const all = monthDays(zero).map(({ month, day, leap }) => written(leap ? LEAP_YEAR : YEAR, month, day));
  return `^(${all.map((d) => `(${d})`).join('|')})${end}`;
}

/**
 * The inner part of the reading (PostgreSQL): the date's year and month as text in the C collation
 * ('2024-05…' or '202405'), or NULL for the values listed as not dates.
 */
export function linkedYearMonthSql(column: string, dates: TextDates): string {
  const d = `CAST(${column} AS text)`;
  const yearMonth = `(${readingOf(dates).yearMonth(d)}) COLLATE "C"`;
  return dates.notDates.length
    ? `CASE WHEN ${inListSql(d, dates.notDates)} THEN NULL ELSE ${yearMonth} END`
    : yearMonth;
}

/** The first financial year placed by comparisons, as for typed dates (financialYearSql). */
const FIRST_LISTED_YEAR = 2000;

/**
 * The financial year ("2023/24") of a year and month from linkedYearMonthSql, as financialYearSql
 * gives it for a typed date: by comparing them with each year's April, latest first, since most
 * rows are recent, from April 2000 to the end of next year's financial year; others are worked out
 * from the figures, if they are a year and a month (text that is not a date, come since the link,
 * may not be: it has no year).
 */
export function textFinancialYearSql(
  yearMonth: string,
  form: TextDateForm,
  thisYear = new Date().getUTCFullYear(),
): string {
  const { april, month: at } = readingOf({ form });
  const label = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
  const [year, month] = [`substr(${yearMonth}, 1, 4)`, `substr(${yearMonth}, ${at}, 2)`];
  const start = `(CAST(${year} AS INTEGER) - CASE WHEN ${month} < '04' THEN 1 ELSE 0 END)`;
  const workedOut = `CASE WHEN ${year} ~ '^[12][0-9]{3}$' AND ${month} ~ '^(0[1-9]|1[0-2])$' THEN CAST(${start} AS VARCHAR(4)) || '/' || lpad(CAST(MOD(${start} + 1, 100) AS VARCHAR(2)), 2, '0') END`;
  const listed: string[] = [];
  for (let y = eventYearsEnd(thisYear) - 1; y >= FIRST_LISTED_YEAR; y--)
    listed.push(`WHEN ${yearMonth} >= '${april(y)}' THEN '${label(y)}'`);
  // Dates outside those a row can have are in no year, as an import stores them (event-dates.ts).
  const outside = `${yearMonth} >= '${april(eventYearsEnd(thisYear))}' OR ${yearMonth} < '${april(FIRST_EVENT_YEAR)}'`;
  return `CASE WHEN ${yearMonth} IS NULL OR ${outside} THEN NULL ${listed.join(' ')} ELSE ${workedOut} END`;
}

const notKnown = (d: string) =>
  `(trim(${d}) = '' OR upper(trim(${d})) IN (${NOT_KNOWN_WORDS.map(literal).join(', ')}))`;
/** Two numbers and a four-figure year, the first of them above 12 (first) or the second. */
const numbers = (first: string, second: string) => `^\\s*${first}${SEPARATOR}${second}${SEPARATOR}[0-9]{4}`;
const ONE_OR_TWO = '[0-9]{1,2}';
const OVER_12 = '(1[3-9]|[2-9][0-9])';

/** The rows with a date whose forms are counted: as many as an import tells the order from. */
const ROWS_TOLD_FROM = 100_000;

/**
 * Counts, among the first rows with a date, those written in each form, and those whose numbers
 * tell the order (as an import does, date-order.ts).
 */
const formCountsSql = (table: string): string => {
  const d = 'CAST(a.event_date AS text)';
  const count = (pattern: string) => `COUNT(*) FILTER (WHERE ${d} ~ ${literal(pattern)})`;
  return `SELECT ${count('^\\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}')} AS year_first,
      ${count('^\\s*[0-9]{8}\\s*$')} AS compact,
      ${count(numbers(ONE_OR_TWO, ONE_OR_TWO))} AS numbers,
      ${count(numbers(OVER_12, ONE_OR_TWO))} AS first_over_12,
      ${count(numbers(ONE_OR_TWO, OVER_12))} AS second_over_12,
      ${count('^[0-9]{2}[/.-][0-9]{2}[/.-][0-9]{4}')} AS in_places,
      ${count('^\\s*[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}')} AS slash,
      ${count('^\\s*[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}')} AS dot,
      ${count('^\\s*[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}')} AS dash
    FROM (SELECT t.event_date FROM ${table} t WHERE t.event_date IS NOT NULL LIMIT ${ROWS_TOLD_FROM}) a`;
};

/** The values that are not dates written as `dates` says, the most rows first, and one more. */
const notDatesSql = (table: string, dates: Pick<TextDates, 'form' | 'separator'>): string => {
  const d = 'CAST(a.event_date AS text)';
  return `SELECT value, n, not_known, SUM(CASE WHEN not_known THEN 0 ELSE n END) OVER () AS unread
    FROM (SELECT ${d} AS value, COUNT(*) AS n, ${notKnown(d)} AS not_known FROM ${table} a
          WHERE ${d} IS NOT NULL AND NOT (${d} ~ ${literal(existingDatePattern(dates))}) GROUP BY ${d}) v
    ORDER BY n DESC, value LIMIT ${MOST_VALUES_READ + 1}`;
};

export interface LinkedDates {
  /** How the dates are read, if the text holds dates Parity reads. */
  read: TextDates | null;
  /** Rows with a date given (not blank, not written as not known) that is not read. */
  unread: number;
  /** The value of most such rows. */
  unreadExample: string | null;
  /** Whether more values are not dates than were listed. */
  more: boolean;
  /** The first and last dates read, when every value that is not a date was listed. */
  dates: DatesHeld | null;
}

/**
 * The first and last of the dates read: those not listed as not dates, which are dates that exist
 * in the form (without a regular expression, the list being hashed).
 */
async function firstAndLast(
  source: PostgresSource,
  table: string,
  read: TextDates,
): Promise<DatesHeld | null> {
  const d = 'CAST(a.event_date AS text)';
  const sortable = `(${readingOf(read).sortable(d)}) COLLATE "C"`;
  const listed = read.notDates.length ? ` AND NOT ${inListSql(d, read.notDates)}` : '';
  const [row] = await source.run(
    `SELECT MIN(${sortable}) AS first, MAX(${sortable}) AS last FROM ${table} a WHERE a.event_date IS NOT NULL${listed}`,
  );
  const iso = (v: unknown) => {
    const t = String(v);
    return t.length === 8 ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6)}` : t;
  };
  return row?.first == null || row.last == null ? null : { first: iso(row.first), last: iso(row.last) };
}

/** The form of a linked table's event_date of text, and the values in it that are not dates. */
export async function readLinkedDates(source: PostgresSource, table: string): Promise<LinkedDates> {
  const [counts] = await source.run(formCountsSql(table));
  const n = (name: string) => Number(counts?.[name] ?? 0);
  // Month first only where the dates show it, as an import decides (date-order.ts).
  const numbersForm: TextDateForm =
    n('second_over_12') > 0 && n('first_over_12') === 0 ? 'month-first' : 'day-first';
  const [form, rows] = (
    [
      ['year-first', n('year_first')],
      [numbersForm, n('numbers')],
      ['compact', n('compact')],
    ] as const
  ).reduce((most, next) => (next[1] > most[1] ? next : most));
  // Day or month first with figures not all in their places (1/5/2024): split at the separator of
  // most rows.
  const separators = (
    [
      ['/', n('slash')],
      ['.', n('dot')],
      ['-', n('dash')],
    ] as const
  ).reduce((most, next) => (next[1] > most[1] ? next : most));
  const split = form === numbersForm && n('in_places') < rows ? { separator: separators[0] } : {};
  // Without a form, every value given is one that is not a date.
  const values = await source.run(notDatesSql(table, { form, ...split }));
  const listed = values.slice(0, MOST_VALUES_READ);
  const example = values.find((v) => !v.not_known);
  const read = rows > 0 ? { form, notDates: listed.map((v) => String(v.value)), ...split } : null;
  const more = values.length > MOST_VALUES_READ;
  return {
    read,
    unread: Number(values[0]?.unread ?? 0),
    unreadExample: example === undefined ? null : String(example.value),
    more,
    dates: read && !more ? await firstAndLast(source, table, read) : null,
  };
}

const written: Record<TextDateForm, string> = {
  'year-first': 'year first (2024-05-01)',
  'day-first': 'day first (01/05/2024 is 1 May 2024)',
  'month-first':
    'month first (05/01/2024 is 1 May 2024), as some of them have a second number above 12 and none a first',
  compact: 'as year, month and day in eight figures (20240501)',
};

/** As `written`, of dates whose figures are not all in their places. */
const writtenSplit: Record<TextDateForm, string> = {
  ...written,
  'day-first': 'day first (1/5/2024 or 01/05/2024 is 1 May 2024)',
  'month-first':
    'month first (5/1/2024 or 05/01/2024 is 1 May 2024), as some of them have a second number above 12 and none a first',
};

/** The link report's notes on a column of text dates. */
export function linkedDatesNotes(dates: LinkedDates): string[] {
  const example = dates.unreadExample === null ? '' : ` (for example "${dates.unreadExample}")`;
  if (dates.read === null)
    return dates.unread
      ? [
          `The table's event_date column holds text that Parity cannot read as dates${example}, so every row is counted in one period, "All". Give the dates as dates (in a view, say).`,
        ]
      : [];
  const notes = [
    `The table's event_date column holds text: its dates are read as written ${(dates.read.separator ? writtenSplit : written)[dates.read.form]}, in each query where the data is. A large table is computed faster with its dates as dates.`,
  ];
  if (dates.unread) {
    const more = dates.more
      ? ` More than ${MOST_VALUES_READ} different values are not dates so written: the ${MOST_VALUES_READ} of most rows are left out, and others are placed by the year and month their figures would give.`
      : '';
    notes.push(
      `${dates.unread === 1 ? '1 row has' : `${countInWords(dates.unread)} rows have`} an event_date that is not a date written so${example}: counted as having no date, in the period "Not known".${more} Values added since the table was linked are read as dates whatever they are; link it again to list them.`,
    );
  }
  return notes;
}
