// The dates a row of service activity can have: from 1 April 1948, the start of the financial year
// the NHS began in, to 31 March of the year after next (from April to December the end of next
// financial year; from January to March, of the one after it: booked appointments can be months
// ahead). A date outside, such as 01/01/1900 or 31/12/9999 standing for a date not known, or a year
// typed wrong, would otherwise make a period of its own, and become the latest period of every
// indicator. Such a row is kept, with no date, and its date is reported (validate.ts), as a date
// that cannot be read is.

/** The first financial year (its start) a row's date can fall in. */
export const FIRST_EVENT_YEAR = 1948;

/** The financial year (its start) from which dates are too late: two years on from this year's. */
export const eventYearsEnd = (thisYear = new Date().getUTCFullYear()): number => thisYear + 2;

/** The first day a row can have, and the first day too late for one (ISO dates). */
export function eventDateRange(thisYear = new Date().getUTCFullYear()): { from: string; before: string } {
  return { from: `${FIRST_EVENT_YEAR}-04-01`, before: `${eventYearsEnd(thisYear)}-04-01` };
}

/** A date expression, NULL where it falls outside the dates a row can have. */
export function eventDateInRangeSql(date: string, thisYear?: number): string {
  const { from, before } = eventDateRange(thisYear);
  return `CASE WHEN ${date} >= DATE '${from}' AND ${date} < DATE '${before}' THEN ${date} END`;
}

export const TOO_EARLY =
  'before April 1948, when the NHS began (a date such as 01/01/1900 often stands for one not known): check it';

export const tooLate = (thisYear?: number): string =>
  `after 31 March ${eventYearsEnd(thisYear)}, too far ahead (a date such as 31/12/9999 often stands for one not known): check the year`;
