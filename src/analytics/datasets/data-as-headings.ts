// A file saved without its line of headings: SQL Server Management Studio saves results so unless
// told otherwise, and a file cut from the middle of another has none. Its first row of data is then
// read as the headings, and no column is recognised; the import says why, rather than asking for
// the heading of an LSOA column the file does not name.

const LSOA_CODE = /^[EW]0[12]\d{6}$/i;
const DATE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Why the file's headings look like a row of data, in words ("E01025740" is an LSOA code), or null
 * when they do not: one is an LSOA code, or more than half are dates or numbers, which no heading
 * Parity reads is.
 */
export function dataAsHeadings(headings: readonly string[]): string | null {
  const lsoa = headings.find((h) => LSOA_CODE.test(h.trim()));
  const date = headings.find((h) => DATE.test(h.trim()));
  const numbers = headings.filter((h) => NUMBER.test(h.trim()) || DATE.test(h.trim()));
  if (!lsoa && numbers.length * 2 <= headings.length) return null;
  const reasons = [...(lsoa ? [`"${lsoa}" is an LSOA code`] : []), ...(date ? [`"${date}" a date`] : [])];
  return reasons.length ? reasons.join(', ') : `${numbers.length} of them are numbers`;
}

/** The error for such a file. */
export const dataAsHeadingsMessage = (headings: readonly string[], why: string): string =>
  `No column was recognised: the file's first line, which Parity reads as its headings, looks like a row of data (${why}). Parity recognises each column by its heading, so add a line of headings at the top of the file (such as Pseudo ID, LSOA code, Age, Sex, Appointment date, DNA), or save the data again with them: SQL Server Management Studio leaves them out unless "Include column headers when copying or saving the results" is ticked (Tools, Options, Query Results, SQL Server, Results to Grid). The file's first line: ${headings.join(', ')}`;
