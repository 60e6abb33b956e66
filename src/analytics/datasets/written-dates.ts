// Dates written out in text as extracts write them, read by DuckDB's strptime. Each format is only
// tried on text of its form (its separator, with a time or not): strptime tries a list of formats in
// turn, and each one that fails costs about as much as a date read. A million different dates took,
// against the whole list and so: written 20240501, 9.2 s and 0.16 s; in words (1 January 2024), 8.8 s
// and 1.2 s; day first with a time, 1.06 s and 0.53 s; day first (01/05/2024), 0.35 s and 0.45 s.
// DuckDB reads a value once where a staged file's row group holds few different ones (its dictionary):
// dates without a time mostly are, and then it hardly matters.
import { literal, trimmedTextSql } from '../sql-text.ts';

/** Which of day and month a date written in numbers gives first: UK extracts write the day first. */
export type DateOrder = 'day-first' | 'month-first';

/**
 * Dates as extracts write them, day first as in the UK: 01/05/2024, 01-05-2024 or 01.05.2024, with
 * the time a spreadsheet adds (01/05/2024 00:00, or 01/05/2024 9:30:00 AM) or SQL Server's (with
 * milliseconds, 01/05/2024 09:30:00.000), two-digit years (01/05/24, 1-May-24: 00–68 are 2000–2068,
 * as strptime reads them), 01-May-2024 and 1 May 2024 (with a time or not, as Excel's dd-mmm-yyyy
 * hh:mm and Oracle write them), May 1, 2024 and May 1 2024 (and with SQL Server's time, May  1 2024
 * 9:30AM); 2024.05.01; and a data warehouse's
 * 20240501. Dates in words are also read as people type them and Excel's long dates show them
 * (`handTypedSql`).
 * Month first (05/01/2024, as US systems write it) only for a column found or said to be so
 * (date-order.ts); otherwise 01/05/2024 is the 1st of May.
 */
export function writtenFormats(order: DateOrder): string[] {
  const [first, second] = order === 'day-first' ? ['%d', '%m'] : ['%m', '%d'];
  return [
    // Two-digit years before four: %Y would read 01/05/24 as the year 24.
    ...['/', '-', '.'].flatMap((s) => [
      `${first}${s}${second}${s}%y`,
      `${first}${s}${second}${s}%Y`,
      `${first}${s}${second}${s}%y %H:%M`,
      `${first}${s}${second}${s}%Y %H:%M`,
      `${first}${s}${second}${s}%Y %H:%M:%S`,
      `${first}${s}${second}${s}%Y %H:%M:%S.%g`,
      // The 12-hour times Excel set to US English adds (5/19/2024 9:30:00 PM).
      `${first}${s}${second}${s}%y %I:%M %p`,
      `${first}${s}${second}${s}%Y %I:%M %p`,
      `${first}${s}${second}${s}%Y %I:%M:%S %p`,
    ]),
    '%d-%b-%y',
    '%d-%b-%Y',
    '%d-%b-%y %H:%M',
    '%d-%b-%Y %H:%M',
    '%d-%b-%Y %H:%M:%S',
    '%d %b %y',
    '%d %b %Y',
    '%d %b %Y %H:%M',
    '%d %b %Y %H:%M:%S',
    '%d %B %y',
    '%d %B %Y',
    // Month names say which is which: May 3, 2024 (US long dates) or May 3 2024; a year first with
    // dots too.
    '%B %d, %Y',
    '%b %d, %Y',
    '%B %d %Y',
    '%b %d %Y',
    // SQL Server's own text for a datetime (CAST without a style: Dec  3 2020 12:00AM; style 109
    // with seconds and milliseconds), two spaces before a day or hour under 10 made one.
    '%b %d %Y %I:%M%p',
    '%b %d %Y %I:%M:%S:%g%p',
    '%Y.%m.%d',
    '%Y%m%d',
  ];
}

/** Three letters in a row: a month's or a weekday's name (AM and PM have two). */
const WORDS = `'[A-Za-z]{3}'`;
const WEEKDAY =
  `'^(monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)` +
  `[.,]*\\s+'`;

/** What `handTypedSql` tidies: a weekday first, 1st, Sept, a dot after a month's name, runs of spaces. */
const TYPED_BY_HAND = `'^(mon|tue|wed|thu|fri|sat|sun)|[0-9](st|nd|rd|th)\\b|\\bsept\\b|[a-z]\\.|\\s\\s'`;

/**
 * A date in words as people type it and Excel's long date formats show it, made one strptime reads:
 * a weekday first ("Wednesday, 1 May 2024", "Wed 1 May 2024") left out; "1st", "2nd", "3rd" and
 * "21st of" as the day's number; "Sept" (and "Sept." or "Jan." with a dot) as DuckDB's "Sep"; and runs
 * of spaces as one.
 */
export function handTypedSql(t: string): string {
  let sql = `regexp_replace(${t}, ${WEEKDAY}, '', 'i')`;
  sql = `regexp_replace(${sql}, '\\b([0-9]{1,2})(st|nd|rd|th)(\\s+of)?\\b', '\\1', 'gi')`;
  sql = `regexp_replace(${sql}, '\\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)t?\\.', '\\1', 'gi')`;
  sql = `regexp_replace(${sql}, '\\bsept\\b', 'Sep', 'gi')`;
  return `regexp_replace(${sql}, '\\s+', ' ', 'g')`;
}

/**
 * A date in words read from `handTypedSql(t)`, and refused where the weekday it was typed with is
 * not the date's ("Tuesday, 1 May 2024": 1 May 2024 was a Wednesday), as that is a slip in one of
 * them. strptime's %a and %A read a weekday without testing it.
 */
function inWords(t: string, formats: string[]): string {
  const typedDay = `lower(left(regexp_extract(${t}, ${WEEKDAY}, 0, 'i'), 3))`;
  const tidied = `list_transform([${readTidied(t, formats)}], lambda d: CASE WHEN ${typedDay} IN ('', lower(strftime(d, '%a'))) THEN d END)[1]`;
  // Most dates in words need no tidying: one test costs less than tidying them all. They are tried
  // with the formats of their separator, as each format that fails costs about as much as a read.
  const read = (some: string[]) => `TRY_STRPTIME(${t}, [${some.map(literal).join(', ')}])`;
  const dashed = formats.filter((f) => isInWords(f) && f.includes('-'));
  const spaced = formats.filter((f) => isInWords(f) && !f.includes('-'));
  const untidied = `CASE WHEN contains(${t}, '-') THEN ${read(dashed)} ELSE ${read(spaced)} END`;
  return `CASE WHEN regexp_matches(${t}, ${TYPED_BY_HAND}, 'i') THEN ${tidied} ELSE ${untidied} END`;
}

/**
 * A tidied date read with every format, those in words first: once a weekday is left out, what is
 * left may be in numbers ("Wed 01/05/2024", as Excel's ddd dd/mm/yyyy shows it, or "Wed 2024-05-01").
 * No format in words reads a date in numbers, nor one in numbers a date in words.
 */
const readTidied = (t: string, formats: string[]) => {
  const ordered = [...formats.filter(isInWords), ...formats.filter((f) => !isInWords(f)), '%Y-%m-%d'];
  return `TRY_STRPTIME(${handTypedSql(t)}, [${ordered.map(literal).join(', ')}])`;
};

const isInWords = (format: string) => /%[bB]/.test(format);

/**
 * Whether text that `writtenDateSql` leaves unread is a date typed with a weekday that is not its
 * own, so that the report can say so rather than that the date does not exist. Meant for text
 * already found unread: it does not test the weekday itself.
 */
export function weekdaySlipSql(c: string, order: DateOrder): string {
  const t = trimmedTextSql(c);
  // A CASE, as DuckDB works out both sides of an AND for every row, and this is for a few.
  return `CASE WHEN regexp_matches(${t}, ${WEEKDAY}, 'i') THEN ${readTidied(t, writtenFormats(order))} IS NOT NULL ELSE false END`;
}

/** The characters between a date's numbers, in the order the text is tested for them. */
const SEPARATORS = ['/', '.', '-'];

/**
 * `TRY_STRPTIME(text, formats)` with only the formats that can read the text, in their order: the
 * same date. Text with a word in it can only be a date in words, or one typed after a weekday
 * (`inWords`). Only the same character in a format reads a separator in the text, so other text
 * holding a slash is tried with the formats holding one, text without a slash but with a dot with
 * those holding a dot, and so on; and a format with a space (before a time) reads text with one
 * between its parts, the others text without.
 */
function byForm(t: string, allFormats: string[]): string {
  const formats = allFormats.filter((f) => !isInWords(f));
  const read = (some: string[]) =>
    some.length ? `TRY_STRPTIME(${t}, [${some.map(literal).join(', ')}])` : 'NULL';
  const bySpace = (some: string[]) =>
    `CASE WHEN regexp_matches(${t}, '\\S\\s+\\S') THEN ${read(some.filter((f) => f.includes(' ')))} ELSE ${read(some.filter((f) => !f.includes(' ')))} END`;
  // Text reaching a separator's test holds none of those tested before it, nor can its formats.
  const whens = SEPARATORS.map((s, i) => {
    const tested = SEPARATORS.slice(0, i);
    const some = formats.filter((f) => f.includes(s) && !tested.some((e) => f.includes(e)));
    return `WHEN contains(${t}, ${literal(s)}) THEN ${bySpace(some)}`;
  });
  const unseparated = formats.filter((f) => !SEPARATORS.some((s) => f.includes(s)));
  const words = `WHEN regexp_matches(${t}, ${WORDS}) THEN ${inWords(t, allFormats)}`;
  return `CASE ${words} ${whens.join(' ')} ELSE ${bySpace(unseparated)} END`;
}

/** A date written out in text, year-first or in `order` (not an Excel day number). */
export function writtenDateSql(c: string, order: DateOrder = 'day-first'): string {
  const t = trimmedTextSql(c);
  const yearFirst = `CASE WHEN regexp_matches(${t}, '^[0-9]{4}[-/]') THEN TRY_CAST(${t} AS DATE) END`;
  return `COALESCE(${yearFirst}, CAST(${byForm(t, writtenFormats(order))} AS DATE))`;
}
