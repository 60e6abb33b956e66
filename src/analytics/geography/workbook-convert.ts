// The official geography files are also published as Excel workbooks: MHCLG's IoD2019 Files 1–6
// only so, ONS's LSOA population estimates with one worksheet per mid-year (three title rows above
// the headings) or, up to mid-2020, per sex. The worksheet read is the one whose headings are those
// of the file's role; among several, the latest mid-year (a name holding "Mid-2024" beats
// "Mid-2023"), then the first. It is written out as CSV for the import to stream like any other
// file. Runs in a worker thread (workbook-worker.ts).
import { readFile, writeFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { SourceFileError } from '../datasets/source-error.ts';
import { firstRowsOf, fromHeadingRow, isoDates, readWorkbook, writeCsv } from '../datasets/xlsx-convert.ts';
import * as formats from './official-formats.ts';
import type { GeographyRole } from './official-formats.ts';

const described: Record<GeographyRole, string> = {
  imd: 'a deprivation file (LSOA code, local authority, IMD rank and decile)',
  lookup: 'an ONS lookup (LSOA11CD or LSOA21CD with WD..CD, or LSOA11CD, LSOA21CD and CHGIND)',
  population: 'population estimates (LSOA code and a column per year of age or age band)',
  ethnicity: 'the Census 2021 ethnic group table (LSOA 2021 code and a column per ethnic group)',
};

/** The heading of the LSOA code column when `cells` are the headings of a file for `role`. */
export function lsoaHeadingFor(role: GeographyRole, cells: string[]): string | undefined {
  const headings = cells.map((c) => c.trim());
  try {
    if (role === 'imd') return formats.imdColumns(headings, '').lsoaCode;
    if (role === 'population') return formats.populationColumns(headings, '').lsoaCode;
    if (role === 'ethnicity') return formats.ethnicityColumns(headings, '').lsoaCode;
    if (formats.isLsoaCrosswalk(headings)) return 'LSOA11CD';
    return formats.wardLookupColumns(headings, '')?.lsoaCode;
  } catch (error) {
    if (error instanceof formats.GeographyFormatError) return undefined;
    throw error;
  }
}

/** The heading row of a worksheet for `role` (within its first 20 rows), and its LSOA heading. */
function headingRowFor(role: GeographyRole, worksheet: XLSX.WorkSheet) {
  const rows = firstRowsOf(worksheet);
  for (const [index, cells] of rows.entries()) {
    const lsoaHeading = lsoaHeadingFor(role, cells);
    if (lsoaHeading !== undefined) return { index, lsoaHeading };
  }
  return null;
}

const midYear = (sheet: string): number => Number(/Mid-(\d{4})/i.exec(sheet)?.[1] ?? 0);

/** The worksheets to try, in order: the latest mid-year first, the rest as the workbook has them. */
export function sheetsToTry(names: string[]): string[] {
  return names
    .map((name, index) => ({ name, index }))
    .sort((a, b) => midYear(b.name) - midYear(a.name) || a.index - b.index)
    .map((s) => s.name);
}

/**
 * ONS's estimates up to mid-2020 come as "Mid-2020 Persons", "Mid-2020 Males" and "Mid-2020
 * Females": for any of the three, the females' and males' worksheets (in that order), if both are there.
 */
export function sexSheetsOf(names: string[], chosen: string): [string, string] | null {
  const prefix = /^(.*?)(Persons|Males|Females)$/i.exec(chosen)?.[1];
  if (prefix === undefined) return null;
  const females = names.find((n) => n.toLowerCase() === `${prefix}females`.toLowerCase());
  const males = names.find((n) => n.toLowerCase() === `${prefix}males`.toLowerCase());
  return females && males ? [females, males] : null;
}

/** A cell as SheetJS reads it (with dates as dates). */
type Cell = string | number | boolean | Date | null | undefined;
const text = (cell: Cell): string =>
  cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell);

/** A population worksheet's LSOA codes and, for each, the people at each age (in its columns' order). */
function estimatesOf(bytes: Buffer, sheet: string) {
  const worksheet = readWorkbook(bytes, { only: sheet }).Sheets[sheet];
  const headingRow = worksheet && headingRowFor('population', worksheet);
  if (!worksheet || !headingRow) return null;
  const [headings = [], ...rows] = XLSX.utils.sheet_to_json<Cell[]>(worksheet, {
    header: 1,
    raw: true,
    blankrows: false,
    range: headingRow.index,
  });
  const texts = headings.map((h) => text(h).trim());
  const columns = formats.populationColumns(texts, sheet);
  const lsoa = texts.indexOf(columns.lsoaCode);
  const ages = columns.ages.map((a) => texts.indexOf(a.column.trim()));
  const byLsoa = new Map<string, string[]>();
  for (const row of rows) {
    const code = text(row[lsoa]).trim();
    if (code)
      byLsoa.set(
        code,
        ages.map((i) => text(row[i])),
      );
  }
  return { lsoaHeading: columns.lsoaCode, ages: columns.ages.map((a) => a.column.trim()), byLsoa };
}

/** Females' and males' worksheets written out as one CSV: the LSOA code, then F0 … F90+, M0 … M90+. */
async function writeBySex(
  bytes: Buffer,
  [females, males]: [string, string],
  csvFile: string,
): Promise<boolean> {
  const f = estimatesOf(bytes, females);
  const m = estimatesOf(bytes, males);
  if (!f || !m) return false;
  const lines = [[f.lsoaHeading, ...f.ages.map((a) => `F${a}`), ...m.ages.map((a) => `M${a}`)].join(',')];
  for (const code of new Set([...f.byLsoa.keys(), ...m.byLsoa.keys()])) {
    const fs = f.byLsoa.get(code) ?? f.ages.map(() => '');
    const ms = m.byLsoa.get(code) ?? m.ages.map(() => '');
    lines.push([code, ...fs, ...ms].join(','));
  }
  await writeFile(csvFile, `${lines.join('\n')}\n`);
  return true;
}

/**
 * Writes the worksheet of `file` that `role` reads (or `sheet`, when named) out as CSV; returns the
 * worksheets read: one, or for estimates by sex on worksheets of their own, the females' and males'.
 */
export async function convertGeographyWorkbook(
  file: string,
  csvFile: string,
  role: GeographyRole,
  sheet?: string,
): Promise<{ sheets: string[] }> {
  const bytes = await readFile(file);
  const names = readWorkbook(bytes, { bookSheets: true }).SheetNames;
  if (sheet !== undefined && !names.includes(sheet))
    throw new SourceFileError(
      `The workbook has no worksheet called "${sheet}". Its worksheets are: ${names.join(', ')}`,
    );
  for (const name of sheet === undefined ? sheetsToTry(names) : [sheet]) {
    const worksheet = readWorkbook(bytes, { only: name }).Sheets[name];
    if (!worksheet) continue;
    const heading = headingRowFor(role, worksheet)?.lsoaHeading;
    if (heading === undefined) continue;
    const bySex = role === 'population' ? sexSheetsOf(names, name) : null;
    if (bySex && (await writeBySex(bytes, bySex, csvFile))) return { sheets: bySex };
    isoDates(worksheet);
    fromHeadingRow(worksheet, heading);
    // Geography rows are not reported by number, so blank rows (below a table, say) are left out.
    await writeCsv(worksheet, csvFile, { blankRows: false });
    return { sheets: [name] };
  }
  throw new SourceFileError(
    `${sheet === undefined ? 'No worksheet' : `The worksheet "${sheet}"`} of the workbook has the headings of ${described[role]} in its first 20 rows. Its worksheets are: ${names.join(', ')}`,
  );
}
