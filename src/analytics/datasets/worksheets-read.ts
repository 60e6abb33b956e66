// Worksheets of a workbook read as one dataset (xlsx-convert.ts): their rows follow one another in
// the staged file, and the report first numbers them on from the first worksheet's headings. Here
// each row named is given back its worksheet and its row there, as Excel shows it; and the import
// says which worksheets it read, and which with an LSOA column it did not.
import { namedLines, type LeftOutLines } from './left-out-rows.ts';
import { namedProblems, type ValidationReport } from './validate.ts';
import type { OtherWorksheet, WorksheetChosen, WorksheetRead } from './xlsx-convert.ts';
import { differenceInWords, quotedList } from './heading-sets.ts';
import { looseHeading } from './headings.ts';
import { countInWords } from '../in-words.ts';

export interface SheetRow {
  sheet: string;
  row: number;
}

/** The worksheet and row of a row numbered on from the first worksheet's headings. */
export function sheetRowOf(row: number, sheets: readonly WorksheetRead[]): SheetRow {
  let index = row - sheets[0]!.headingRow - 1;
  for (const read of sheets) {
    if (index < read.rows) return { sheet: read.sheet, row: read.headingRow + 1 + index };
    index -= read.rows;
  }
  const last = sheets.at(-1)!;
  return { sheet: last.sheet, row: last.headingRow + last.rows + index + 1 };
}

const rowName = ({ sheet, row }: SheetRow): string => `row ${row} of "${sheet}"`;

/** Names every row the report and the left-out lines give by its worksheet and row there. */
export function numberBySheet(
  report: ValidationReport,
  lines: LeftOutLines,
  sheets: readonly WorksheetRead[],
  /** The row as its worksheet or file numbers it, where that differs (a CSV file's empty lines). */
  asInFile: (at: SheetRow) => number = (at) => at.row,
): void {
  const placed = (row: number): SheetRow => {
    const at = sheetRowOf(row, sheets);
    return { sheet: at.sheet, row: asInFile(at) };
  };
  for (const problem of namedProblems(report)) {
    const at = placed(problem.firstRow);
    problem.firstRow = at.row;
    problem.firstSheet = at.sheet;
  }
  for (const example of report.examples) {
    const at = placed(example.row);
    example.row = at.row;
    example.sheet = at.sheet;
  }
  for (const found of namedLines(lines))
    found.firstRowNames = found.firstRows.map((row) => rowName(placed(row)));
  report.sheets = sheets.map((s) => s.sheet);
}

/** What the import says of the worksheets (or files) it read as one: which, and which rows of each. */
export function sheetsReadNote(
  sheets: readonly WorksheetRead[],
  kind: 'worksheet' | 'file' = 'worksheet',
  /** The files read, where a workbook's worksheets are named one by one among them. */
  files = sheets.length,
): string {
  const each = sheets.map(({ sheet, headingRow, rows, reordered }) => {
    const order = reordered ? ', its columns in another order' : '';
    // A file's empty lines are not rows, so its rows are counted rather than numbered from and to.
    if (kind === 'file') return `"${sheet}" (${countInWords(rows)} ${rows === 1 ? 'row' : 'rows'}${order})`;
    if (rows === 0) return `"${sheet}" (no rows below its headings${order})`;
    if (rows === 1) return `"${sheet}" (row ${countInWords(headingRow + 1)}${order})`;
    return `"${sheet}" (rows ${countInWords(headingRow + 1)} to ${countInWords(headingRow + rows)}${order})`;
  });
  const list = `${each.slice(0, -1).join(', ')} and ${each.at(-1)}`;
  const above = sheets.some((s) => s.headingRow > 1) ? ` Rows above a ${kind}'s headings were left out.` : '';
  const matched = sheets.some((s) => s.reordered)
    ? ' Columns in another order were matched to those of the first by their headings.'
    : '';
  const oneByOne = files < sheets.length ? ', each worksheet of a workbook on its own' : '';
  const alike = sheets.some((s) => s.lacks?.length) ? '' : ' with the same headings';
  return `${files} ${kind}s${alike} were read as one dataset${oneByOne}: ${list}.${above}${matched} Rows are named by their ${kind} and numbered as in it.`;
}

/**
 * What the import says of the worksheets (or files) read with others that lack some of the columns
 * it imports (`imported`, headings): one note for those lacking the same, with their rows for files.
 */
export function lackedColumnsNotes(
  sheets: readonly WorksheetRead[],
  imported: readonly string[],
  kind: 'worksheet' | 'file' = 'worksheet',
): string[] {
  const read = new Set(imported.map(looseHeading));
  const alike = new Map<string, { lacks: string[]; names: string[]; rows: number }>();
  for (const sheet of sheets) {
    const { rows } = sheet;
    const lacks = sheet.lacks?.filter((heading) => read.has(looseHeading(heading))) ?? [];
    if (lacks.length === 0) continue;
    const key = lacks.join('\n');
    const group = alike.get(key) ?? { lacks, names: [], rows: 0 };
    alike.set(key, { ...group, names: [...group.names, sheet.sheet], rows: group.rows + rows });
  }
  return [...alike.values()].map(({ lacks, names, rows }) => {
    const one = names.length === 1;
    const which = `${kind === 'worksheet' ? `The ${one ? 'worksheet' : 'worksheets'} ` : ''}${quotedList(names, 'and', Infinity)}`;
    const counted = kind === 'file' ? ` (${countInWords(rows)} ${rows === 1 ? 'row' : 'rows'})` : '';
    const columns = `${quotedList(lacks, 'or', Infinity)} ${lacks.length === 1 ? 'column' : 'columns'}`;
    const them = lacks.length === 1 ? 'it' : 'them';
    return `${which}${counted} ${one ? 'has' : 'have'} no ${columns}, which other ${kind}s have: ${one ? 'its' : 'their'} rows were read with ${them} empty.`;
  });
}

/**
 * What the import says when a workbook's first worksheet has no LSOA column and a later one was
 * read: of the workbook, or of the workbooks `names` read together that were alike in this.
 */
export function worksheetChosenNote({ first, read }: WorksheetChosen, names?: readonly string[]): string {
  const which = names
    ? `The first worksheet ("${first}") of ${quotedList(names, 'and', Infinity)} has no LSOA column, so the worksheet "${read}" ${names.length === 1 ? 'was' : 'of each was'} read.`
    : `The workbook's first worksheet ("${first}") has no LSOA column, so the worksheet "${read}" was read.`;
  return `${which} To read another, give its name under "Say which columns to use" on the import form (or as "sheet" in a mapping file).`;
}

/** The label of the import form's check box (and its mapping setting) for reading them as one. */
export const ALL_SHEETS_LABEL = 'Also read the other worksheets that have the same headings';

/** What the import says of worksheets with an LSOA column that it did not read. */
export function otherWorksheetsNote(others: readonly OtherWorksheet[], allSheets: boolean): string {
  const list = quotedList(
    others.map((s) => s.sheet),
    'and',
    Infinity,
  );
  const one = others.length === 1;
  if (allSheets)
    return `The workbook's ${one ? 'worksheet' : 'worksheets'} ${list} ${one ? 'has' : 'have'} an LSOA column but other headings than the worksheet read (${others.map((o) => differenceInWords(o.sheet, o, o.comparedWith ? `"${o.comparedWith}", read with it,` : 'the worksheet read')).join('; ')}), so ${one ? 'it was' : 'they were'} not read with it. Worksheets are read together when they have the headings of the worksheet read, in any order, and perhaps more (a column given from a later year on), but not when two add different ones (a column renamed, it may be). Give ${one ? 'it' : 'them'} the same headings and import the workbook again, or import ${one ? 'it' : 'each'} as a dataset of its own, giving its name under "Say which columns to use" on the import form (or as "sheet" in a mapping file).`;
  return `The workbook has ${one ? 'another worksheet' : 'other worksheets'} with an LSOA column (${list}), which ${one ? 'was' : 'were'} not read: only one worksheet is imported unless you ask for more. If ${one ? 'it holds' : 'they hold'} more of the same rows (another year, say), tick "${ALL_SHEETS_LABEL}" under "Say which columns to use" on the import form (or give "allSheets": true in a mapping file) and import the workbook again. To import a worksheet as a dataset of its own, give its name there (or as "sheet" in a mapping file).`;
}
