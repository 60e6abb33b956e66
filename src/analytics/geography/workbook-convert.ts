// The official geography files are also published as Excel workbooks: MHCLG's IoD2019 Files 1–6
// only so, ONS's LSOA population estimates with one worksheet per mid-year (three title rows above
// the headings) or per sex. The worksheet read is the one whose headings are those of the file's
// role; among several, the latest mid-year (a name holding "Mid-2024" beats "Mid-2023"), then the
// first. It is written out as CSV for the import to stream like any other file. Runs in a worker
// thread (workbook-worker.ts).
import { readFile } from 'node:fs/promises';
import { SourceFileError } from '../datasets/source-error.ts';
import { firstRowsOf, fromHeadingRow, isoDates, readWorkbook, writeCsv } from '../datasets/xlsx-convert.ts';
import * as formats from './official-formats.ts';
import type { GeographyRole } from './official-formats.ts';

const described: Record<GeographyRole, string> = {
  imd: 'a deprivation file (LSOA code, local authority, IMD rank and decile)',
  lookup: 'an ONS lookup (LSOA11CD or LSOA21CD with WD..CD, or LSOA11CD, LSOA21CD and CHGIND)',
  population: 'population estimates (LSOA code and a column per year of age or age band)',
};

/** The heading of the LSOA code column when `cells` are the headings of a file for `role`. */
export function lsoaHeadingFor(role: GeographyRole, cells: string[]): string | undefined {
  const headings = cells.map((c) => c.trim());
  try {
    if (role === 'imd') return formats.imdColumns(headings, '').lsoaCode;
    if (role === 'population') return formats.populationColumns(headings, '').lsoaCode;
    if (formats.isLsoaCrosswalk(headings)) return 'LSOA11CD';
    return formats.wardLookupColumns(headings, '')?.lsoaCode;
  } catch (error) {
    if (error instanceof formats.GeographyFormatError) return undefined;
    throw error;
  }
}

const midYear = (sheet: string): number => Number(/Mid-(\d{4})/i.exec(sheet)?.[1] ?? 0);

/** The worksheets to try, in order: the latest mid-year first, the rest as the workbook has them. */
export function sheetsToTry(names: string[]): string[] {
  return names
    .map((name, index) => ({ name, index }))
    .sort((a, b) => midYear(b.name) - midYear(a.name) || a.index - b.index)
    .map((s) => s.name);
}

/** Writes the worksheet of `file` that `role` reads (or `sheet`, when named) out as CSV; returns its name. */
export async function convertGeographyWorkbook(
  file: string,
  csvFile: string,
  role: GeographyRole,
  sheet?: string,
): Promise<{ sheet: string }> {
  const bytes = await readFile(file);
  const names = readWorkbook(bytes, { bookSheets: true }).SheetNames;
  if (sheet !== undefined && !names.includes(sheet))
    throw new SourceFileError(
      `The workbook has no worksheet called "${sheet}". Its worksheets are: ${names.join(', ')}`,
    );
  for (const name of sheet === undefined ? sheetsToTry(names) : [sheet]) {
    const worksheet = readWorkbook(bytes, { only: name }).Sheets[name];
    if (!worksheet) continue;
    const heading = firstRowsOf(worksheet)
      .map((cells) => lsoaHeadingFor(role, cells))
      .find((found) => found !== undefined);
    if (heading === undefined) continue;
    isoDates(worksheet);
    fromHeadingRow(worksheet, heading);
    // Geography rows are not reported by number, so blank rows (below a table, say) are left out.
    await writeCsv(worksheet, csvFile, { blankRows: false });
    return { sheet: name };
  }
  throw new SourceFileError(
    `${sheet === undefined ? 'No worksheet' : `The worksheet "${sheet}"`} of the workbook has the headings of ${described[role]} in its first 20 rows. Its worksheets are: ${names.join(', ')}`,
  );
}
