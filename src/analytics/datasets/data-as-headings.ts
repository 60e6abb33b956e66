// Files whose headings show that they cannot be read as they are: one saved without its line of
// headings (SQL Server Management Studio saves results so unless told otherwise; a file cut from
// the middle of another has none), whose first row of data is then read as the headings; and one
// whose columns are lined up with spaces without a line of dashes under the headings (which
// fixed-width.ts reads them by), read as a single column. No column is then recognised, and the import says why, rather than asking
// for the heading of an LSOA column the file does not name.

const LSOA_CODE = /^[EW]0[12]\d{6}$/i;
const DATE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Where Management Studio is told to save results with their headings. */
const SAVE_WITH_HEADINGS =
  'SQL Server Management Studio saves results without their headings unless "Include column headers when copying or saving the results" is ticked (Tools, Options, Query Results, SQL Server, Results to Grid), or for results to text or to a file (.rpt), "Include column headers in the result set" (Results to Text).';

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

/** What to do with columns lined up with spaces without the dashes that place them (fixed-width.ts). */
const LINED_UP =
  'Columns lined up with spaces, as SQL Server Management Studio writes results to text or to a file (.rpt), cannot be told apart without the line of dashes it draws under the headings: save the results with their headings, or as CSV instead (right-click the results, Save Results As…).';

/** Whether the file was read as one column whose heading holds several, lined up with spaces. */
const linedUp = (headings: readonly string[]): boolean =>
  headings.length === 1 && /\S {2,}\S/.test(headings[0]!.trim());

/** The error for a file whose headings show it cannot be read as it is; null for any other. */
export function headingsProblem(headings: readonly string[]): string | null {
  if (linedUp(headings))
    return `No column was recognised: the file was read as one column, headed "${headings[0]!.trim().replace(/\s+/g, ' ')}", as its columns are not separated by commas, tabs, semicolons or "|". ${LINED_UP} ${SAVE_WITH_HEADINGS}`;
  const data = dataAsHeadings(headings);
  if (data)
    return `No column was recognised: the file's first line, which Parity reads as its headings, looks like a row of data (${data}). Parity recognises each column by its heading, so add a line of headings at the top of the file (such as Pseudo ID, LSOA code, Age, Sex, Appointment date, DNA), or save the data again with them. ${SAVE_WITH_HEADINGS} The file's first line: ${headings.join(', ')}`;
  return null;
}
