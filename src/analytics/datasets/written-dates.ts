// Dates written out in text as extracts write them, read by DuckDB's strptime. Each format is only
// tried on text it can fit (holding the characters it needs, with a time if it has one): strptime tries a list of formats in turn, and
// each one that fails costs about as much as a date read. DuckDB reads each different value of a
// staged file once, so the cost is by different dates: a million rows of 50,000 dates in words
// ("1 May 2024") took 0.38 s against the whole list and 0.11 s so; of a million different dates
// written 20240501, 7.5 s against the whole list and 0.16 s so.
import { literal, trimmedTextSql } from '../sql-text.ts';

/** Which of day and month a date written in numbers gives first: UK extracts write the day first. */
export type DateOrder = 'day-first' | 'month-first';

/**
 * Dates as extracts write them, day first as in the UK: 01/05/2024, 01-05-2024 or 01.05.2024, with
 * the time a spreadsheet adds (01/05/2024 00:00, or 01/05/2024 9:30:00 AM), two-digit years
 * (01/05/24, 1-May-24: 00–68 are 2000–2068, as strptime reads them), 01-May-2024, 1 May 2024 and
 * May 1, 2024; 2024.05.01; and a data warehouse's 20240501.
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
      // The 12-hour times Excel set to US English adds (5/19/2024 9:30:00 PM).
      `${first}${s}${second}${s}%y %I:%M %p`,
      `${first}${s}${second}${s}%Y %I:%M %p`,
      `${first}${s}${second}${s}%Y %I:%M:%S %p`,
    ]),
    '%d-%b-%y',
    '%d-%b-%Y',
    '%d %b %y',
    '%d %b %Y',
    '%d %B %y',
    '%d %B %Y',
    // Month names say which is which: May 3, 2024 (US long dates); a year first with dots too.
    '%B %d, %Y',
    '%b %d, %Y',
    '%Y.%m.%d',
    '%Y%m%d',
  ];
}

/**
 * A test of the text that tells formats that cannot read it: one needing a character the text does
 * not hold, or (`onlyWhenHeld`) one without a space between parts when the text has one, as only
 * trailing spaces are passed over.
 */
interface Fit {
  holds: (text: string) => string;
  neededBy: (format: string) => boolean;
  onlyWhenHeld?: true;
}

const fits: Fit[] = [
  { holds: (t) => `contains(${t}, '/')`, neededBy: (f) => f.includes('/') },
  { holds: (t) => `contains(${t}, '-')`, neededBy: (f) => f.includes('-') },
  { holds: (t) => `contains(${t}, '.')`, neededBy: (f) => f.includes('.') },
  // Month names and AM/PM.
  { holds: (t) => `regexp_matches(${t}, '[A-Za-z]')`, neededBy: (f) => /%[bBp]/.test(f) },
  // A time of day after the date, or a date in words.
  {
    holds: (t) => `regexp_matches(${t}, '\\S\\s+\\S')`,
    neededBy: (f) => f.includes(' '),
    onlyWhenHeld: true,
  },
];

const fitting = (format: string, held: boolean[]): boolean =>
  fits.every((fit, i) => (held[i] ? !fit.onlyWhenHeld || fit.neededBy(format) : !fit.neededBy(format)));

/**
 * `TRY_STRPTIME(text, formats)` with only the formats that fit the text, in their order: the same
 * date, as the formats left out could not have read it.
 */
function byFit(t: string, formats: string[], held: boolean[] = []): string {
  if (held.length === fits.length) {
    const left = formats.filter((f) => fitting(f, held));
    return left.length ? `TRY_STRPTIME(${t}, [${left.map(literal).join(', ')}])` : 'NULL';
  }
  const test = fits[held.length]!.holds(t);
  return `CASE WHEN ${test} THEN ${byFit(t, formats, [...held, true])} ELSE ${byFit(t, formats, [...held, false])} END`;
}

/** A date written out in text, year-first or in `order` (not an Excel day number). */
export function writtenDateSql(c: string, order: DateOrder = 'day-first'): string {
  const t = trimmedTextSql(c);
  const yearFirst = `CASE WHEN regexp_matches(${t}, '^[0-9]{4}[-/]') THEN TRY_CAST(${t} AS DATE) END`;
  return `COALESCE(${yearFirst}, CAST(${byFit(t, writtenFormats(order))} AS DATE))`;
}
