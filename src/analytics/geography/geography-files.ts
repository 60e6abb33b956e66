// The files given to `parity geo import`, made readable by DuckDB: CSV (or .csv.gz) as they are, an
// Excel workbook's worksheet written out as CSV first (workbook-convert.ts), in a worker thread. The
// postcode directory is read as CSV only, as ONS publishes it (too many rows for a worksheet).
import { existsSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AnalyticsStore } from '../store.ts';
import { SourceFileError } from '../datasets/source-error.ts';
import { inWorkbookWorker } from '../datasets/xlsx.ts';
import { isEmptyFile } from '../datasets/empty-file.ts';
import { GeographyFormatError, type GeographyRole } from './official-formats.ts';
import { otherMidYearsOf } from './workbook-convert.ts';

const worker = new URL('./workbook-worker.ts', import.meta.url).href;

export interface GeographyFile {
  /** What DuckDB reads: the file given, or a workbook's worksheet written out as CSV. */
  path: string;
  /** The name of the file given (no folders), for messages and provenance. */
  name: string;
  /** For a workbook: the worksheets read (the females' and males', for estimates by sex on two). */
  sheets?: string[];
  /** For a workbook: all its worksheets. */
  workbookSheets?: string[];
}

/** A file's name for messages: with its worksheets, for a workbook. */
export const describeFile = (file: GeographyFile): string =>
  file.sheets === undefined
    ? file.name
    : `${file.name} (${file.sheets.length === 1 ? 'worksheet' : 'worksheets'} ${file.sheets.map((s) => `"${s}"`).join(' and ')})`;

export interface OpenedGeographyFiles {
  imd: GeographyFile | undefined;
  lookups: GeographyFile[];
  population: GeographyFile | undefined;
  /**
   * The estimates of the population workbook's other mid-years (its worksheets of the same table
   * for other years), when neither a worksheet nor a mid-year was given: read too.
   */
  otherPopulations: GeographyFile[];
  /** The Census 2021 ethnic group table by LSOA (TS021), or the detailed groups by local authority. */
  ethnicity: GeographyFile | undefined;
  /**
   * The ONS postcode directory (NSPL or ONSPD), its files for some postcode areas, or files of
   * postcodes and LSOA codes (postcodes.ts); none when not given.
   */
  postcodes: GeographyFile[];
  /** The worksheets read from workbooks, for the import's summary. */
  worksheets: { file: string; sheets: string[] }[];
  /** Removes the CSV copies of worksheets. */
  close(): void;
}

const isWorkbook = (file: string): boolean => /\.(xlsx|ods)$/i.test(file);
/** Spreadsheets in formats other than .xlsx and .ods, which would otherwise be read as text. */
const isOtherSpreadsheet = (file: string): boolean => /\.(xls|xlsb|numbers)$/i.test(file);

/** The files given to one geography import, and how to read the population estimates. */
export interface GeographyFilesGiven {
  /** The deprivation file; without it, population estimates alone (for a new mid-year, say). */
  imd?: string;
  lookups?: string[];
  population?: string;
  /** The worksheet of a population workbook to read alone (by default, every mid-year's is read). */
  populationSheet?: string;
  /**
   * The mid-year of the population estimates, when neither the worksheet ("Mid-2022 LSOA 2021")
   * nor the file's name ("…mid2020…") says it.
   */
  populationYear?: number;
  /**
   * The Census 2021 ethnic group table by LSOA 2021 (TS021; the five high-level groups), or the
   * detailed groups by local authority (census-detailed.ts).
   */
  ethnicity?: string;
  /**
   * The ONS postcode directory (NSPL or ONSPD, CSV), for postcode → LSOA (postcodes.ts): the whole
   * file, or the files of the postcode areas wanted (its multi_csv folder), read together.
   */
  postcodes?: string[];
}

/** Opens the files of one import; a problem with any of them is a GeographyFormatError naming it. */
export async function openGeographyFiles(
  store: AnalyticsStore,
  files: GeographyFilesGiven,
): Promise<OpenedGeographyFiles> {
  if (
    [files.imd, files.population, files.ethnicity].every((f) => f === undefined) &&
    !files.postcodes?.length &&
    !files.lookups?.length
  )
    throw new GeographyFormatError(
      'Give a deprivation file (--imd), population estimates (--population), the Census 2021 ethnic groups (--ethnicity), the postcode directory (--postcodes), the LSOA 2011 → 2021 lookup (--lookup), or more than one',
      'imd',
    );
  const copies: string[] = [];
  const close = () => {
    for (const copy of copies) rmSync(copy, { force: true });
  };
  const open = async (file: string, role: GeographyRole, sheet?: string): Promise<GeographyFile> => {
    const name = path.basename(file);
    if (!existsSync(file)) throw new GeographyFormatError(`There is no file at ${file}`, role);
    if (isEmptyFile(file))
      throw new GeographyFormatError(
        `${path.basename(file)} is empty: it has no headings and no rows. Download it again from where it is published, and check that the download had finished.`,
        role,
      );
    if (role === 'postcodes' && (isWorkbook(file) || isOtherSpreadsheet(file)))
      throw new GeographyFormatError(
        `${name}: the postcode directory is read as CSV (.csv or .csv.gz), as ONS publishes it: save it as CSV and import that`,
        role,
      );
    if (isOtherSpreadsheet(file))
      throw new GeographyFormatError(
        `${name}: save it as an Excel Workbook (.xlsx) or as CSV, and import that`,
        role,
      );
    if (!isWorkbook(file)) {
      if (sheet !== undefined)
        throw new GeographyFormatError(
          `${name} is not a workbook (.xlsx or .ods), so it has no worksheets to choose from`,
          role,
        );
      return { path: file, name };
    }
    const copy = path.join(store.root, 'tmp', `geography-${randomUUID()}.csv`);
    copies.push(copy);
    try {
      const read = await inWorkbookWorker<{ sheets: string[]; workbookSheets: string[] }>(worker, {
        file,
        csvFile: copy,
        role,
        sheet,
      });
      return { path: copy, name, sheets: read.sheets, workbookSheets: read.workbookSheets };
    } catch (error) {
      if (error instanceof SourceFileError) throw new GeographyFormatError(`${name}: ${error.message}`, role);
      throw error;
    }
  };
  if (files.population === undefined && files.populationSheet !== undefined)
    throw new GeographyFormatError(
      'A worksheet of population estimates was named, but no population file was given',
      'population',
    );
  try {
    const imd = files.imd === undefined ? undefined : await open(files.imd, 'imd');
    const lookups: GeographyFile[] = [];
    for (const lookup of files.lookups ?? []) lookups.push(await open(lookup, 'lookup'));
    const population =
      files.population === undefined
        ? undefined
        : await open(files.population, 'population', files.populationSheet);
    const otherPopulations: GeographyFile[] = [];
    const chosen = population?.sheets?.[0];
    if (
      files.population &&
      population?.workbookSheets &&
      chosen &&
      !files.populationSheet &&
      !files.populationYear
    )
      for (const sheet of otherMidYearsOf(population.workbookSheets, chosen))
        otherPopulations.push(await open(files.population, 'population', sheet));
    const ethnicity = files.ethnicity === undefined ? undefined : await open(files.ethnicity, 'ethnicity');
    const postcodes: GeographyFile[] = [];
    for (const file of files.postcodes ?? []) postcodes.push(await open(file, 'postcodes'));
    const given = [imd, ...lookups, population, ...otherPopulations, ethnicity].filter(
      (f): f is GeographyFile => f !== undefined,
    );
    const worksheets = given.flatMap((f) =>
      f.sheets === undefined ? [] : [{ file: f.name, sheets: f.sheets }],
    );
    return { imd, lookups, population, otherPopulations, ethnicity, postcodes, worksheets, close };
  } catch (error) {
    close();
    throw error;
  }
}
