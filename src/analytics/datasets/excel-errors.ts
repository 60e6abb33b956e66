// The error values a spreadsheet shows in a cell whose formula failed (a VLOOKUP that found nothing
// gives #N/A). Exported or copied out, they become text, and each used to be reported as whatever
// its column cannot read ("unknown LSOA code", "not a number"), which hid the cause: the fix is in
// the workbook's formula, not in the data.

/** Excel's (and Google Sheets') error values, and LibreOffice's Err:nnn. */
const ERROR_VALUE =
  '^(#(N/A|VALUE!|REF!|DIV/0!|NUM!|NAME\\?|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!|ERROR!|GETTING_DATA)|ERR:[0-9]{3})$';

export const EXCEL_ERROR =
  'a spreadsheet error such as #N/A instead of a value (correct the formula that filled the cell)';

/** True when the column's value, as text, is a spreadsheet error value. */
export const excelErrorSql = (c: string): string =>
  `regexp_full_match(upper(trim(CAST(${c} AS VARCHAR))), '${ERROR_VALUE}')`;

/**
 * A query of one row when some person identifier in `relation` is an error value (`c`: its column,
 * as SQL). The test starting with LIKE '#%' is answered from the column's statistics when no
 * identifier starts with "#" (a few milliseconds for 10 million), so that the import tests each
 * identifier only in a file that has some.
 */
export const personErrorValueSql = (relation: string, c: string): string =>
  `SELECT 1 FROM ${relation} WHERE ${c} LIKE '#%' AND ${excelErrorSql(c)} LIMIT 1`;

/**
 * A person identifier as trimmed text, NULL for an error value: every row whose lookup of a
 * pseudonym failed would otherwise be counted as one person, "#N/A".
 */
export const personIdentifierSql = (c: string): string =>
  `CASE WHEN ${excelErrorSql(c)} THEN NULL ELSE NULLIF(trim(CAST(${c} AS VARCHAR)), '') END`;
