// The official geography files are also published as Excel workbooks: MHCLG's IoD2019 Files 1–6
// only so, ONS's LSOA population estimates with one worksheet per mid-year (three title rows above
// the headings) or, up to mid-2020, per sex. The worksheet read is the one whose headings are those
// of the file's role; among several, the latest mid-year (a name holding "Mid-2024" beats
// "Mid-2023"), then the first. It is written out as CSV for the import to stream like any other
// file, read a batch of rows at a time. Runs in a worker thread (workbook-worker.ts).
import { writeFile } from 'node:fs/promises';
import { HEADER_SEARCH_ROWS } from '../datasets/header-row.ts';
import { SourceFileError } from '../datasets/source-error.ts';
import { writeSheetCsv } from '../workbooks/sheet-csv.ts';
import { noSuchWorksheet, withWorkbook, type Workbook } from '../workbooks/workbook.ts';
import { detailedEthnicityColumns } from './census-detailed.ts';
import * as formats from './official-formats.ts';
import type { GeographyRole } from './official-formats.ts';

const described: Record<GeographyRole, string> = {
  imd: 'a deprivation file (LSOA code, local authority, IMD rank and decile)',
  lookup: 'an ONS lookup (LSOA11CD or LSOA21CD with WD..CD, or LSOA11CD, LSOA21CD and CHGIND)',
  population: 'population estimates (LSOA code and a column per year of age or age band)',
  ethnicity:
    'the Census 2021 ethnic group table (LSOA 2021 code and a column per ethnic group, or the detailed groups by local authority)',
  // Refused as a workbook before it gets here (geography-files.ts): read as CSV only.
  postcodes: 'the postcode directory (a postcode and an LSOA code column)',
};

/** The heading of the LSOA code column when `cells` are the headings of a file for `role`. */
export function lsoaHeadingFor(role: GeographyRole, cells: string[]): string | undefined {
  const headings = cells.map((c) => c.trim());
  try {
    if (role === 'imd') return formats.imdColumns(headings, '').lsoaCode;
    if (role === 'population') return formats.populationColumns(headings, '').lsoaCode;
    if (role === 'ethnicity')
      return detailedEthnicityColumns(headings)?.laCode ?? formats.ethnicityColumns(headings, '').lsoaCode;
    if (formats.isLsoaCrosswalk(headings)) return 'LSOA11CD';
    return formats.wardLookupColumns(headings, '')?.lsoaCode;
  } catch (error) {
    if (error instanceof formats.GeographyFormatError) return undefined;
    throw error;
  }
}

/** The heading row of a worksheet for `role` (within its first 20 rows), and its LSOA heading. */
function headingRowFor(role: GeographyRole, rows: string[][]) {
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
 * The worksheets of the same table for other mid-years than `read`'s ("Mid-2022 LSOA 2021" beside
 * "Mid-2023 LSOA 2021"; "Mid-2019 Females" beside "Mid-2020 Females"), latest first: the names alike
 * but for the year.
 */
export function otherMidYearsOf(names: string[], read: string): string[] {
  const pattern = (name: string) => name.replace(/Mid-\d{4}/i, 'Mid-YYYY').toLowerCase();
  if (midYear(read) === 0) return [];
  return sheetsToTry(names).filter(
    (name) => name !== read && midYear(name) !== midYear(read) && pattern(name) === pattern(read),
  );
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

/** A population worksheet's LSOA codes and, for each, the people at each age (in its columns' order). */
async function estimatesOf(workbook: Workbook, sheet: string) {
  const headingRow = headingRowFor('population', await workbook.firstRows(sheet, HEADER_SEARCH_ROWS));
  if (!headingRow) return null;
  let columns: { lsoa: number; ages: number[]; headings: string[]; lsoaHeading: string } | null = null;
  const byLsoa = new Map<string, string[]>();
  for await (const rows of workbook.read(sheet).batches)
    for (const { index, cells } of rows) {
      if (index < headingRow.index) continue;
      if (!columns) {
        const texts = cells.map((h) => h.trim());
        const found = formats.populationColumns(texts, sheet);
        const headings = found.ages.map((a) => a.column.trim());
        columns = {
          lsoa: texts.indexOf(found.lsoaCode),
          ages: headings.map((h) => texts.indexOf(h)),
          headings,
          lsoaHeading: found.lsoaCode,
        };
        continue;
      }
      const code = (cells[columns.lsoa] ?? '').trim();
      if (code)
        byLsoa.set(
          code,
          columns.ages.map((i) => cells[i] ?? ''),
        );
    }
  return columns && { lsoaHeading: columns.lsoaHeading, ages: columns.headings, byLsoa };
}

/** Females' and males' worksheets written out as one CSV: the LSOA code, then F0 … F90+, M0 … M90+. */
async function writeBySex(
  workbook: Workbook,
  [females, males]: [string, string],
  csvFile: string,
): Promise<boolean> {
  const f = await estimatesOf(workbook, females);
  const m = await estimatesOf(workbook, males);
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
): Promise<{ sheets: string[]; workbookSheets: string[] }> {
  return withWorkbook(file, async (workbook) => {
    const names = workbook.sheetNames;
    if (sheet !== undefined && !names.includes(sheet)) throw noSuchWorksheet(sheet, names);
    for (const name of sheet === undefined ? sheetsToTry(names) : [sheet]) {
      const heading = headingRowFor(role, await workbook.firstRows(name, HEADER_SEARCH_ROWS));
      if (!heading) continue;
      const bySex = role === 'population' ? sexSheetsOf(names, name) : null;
      if (bySex && (await writeBySex(workbook, bySex, csvFile)))
        return { sheets: bySex, workbookSheets: names };
      // Geography rows are not reported by number, so blank rows (below a table, say) are left out.
      await writeSheetCsv(workbook, name, csvFile, { headingRow: heading.index, blankRows: false });
      return { sheets: [name], workbookSheets: names };
    }
    throw new SourceFileError(
      `${sheet === undefined ? 'No worksheet' : `The worksheet "${sheet}"`} of the workbook has the headings of ${described[role]} in its first 20 rows. Its worksheets are: ${names.join(', ')}`,
    );
  });
}
