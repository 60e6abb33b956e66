// Dataset import: stage the file, check it against the mapping and the reference geography, and
// write Parity's standard columns to the dataset's own Parquet file. Nothing patient-level is
// returned; the result is provenance and the validation report.
import { existsSync, rmSync } from 'node:fs';
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { ethnicCodeSql, type ColumnKind } from './standardise.ts';
import { geographyTables } from '../geography/model.ts';
import { lsoaVintageOf } from './headings.ts';
import {
  givenVintageNote,
  lsoaVintageFromCodes,
  mixedVintagesNote,
  unknownAreasNote,
  vintageNote,
} from './lsoa-vintage.ts';
import { ageSource, sourceColumnsOf, type ColumnMapping } from './mapping.ts';
import { mappingInputSchema, mappingProblems, resolveMapping, withFileSpelling } from './mapping-input.ts';
import {
  identifyingColumnsNote,
  mappingNotes,
  measureHeadingNotes,
  undatedCandidates,
  unlistedColumnsNote,
} from './mapping-notes.ts';
import { datedColumns } from './dated-columns.ts';
import { datesHeld, type DatesHeld } from './dates-held.ts';
import { numberAsInFile } from './empty-lines.ts';
import { ambiguousDatesNote, dateOrderOf, monthFirstNote, readEitherWay } from './date-order.ts';
import {
  columnKinds,
  formatShown,
  isWorkbookFormat,
  stageSource,
  stagingPathFor,
  SourceFileError,
} from './source.ts';
import { yesNoColumns } from './plus-group-flags.ts';
import { personIdsMostlyNhsNumbers, personIsNhsNumber, pseudonymKey, pseudonymNote } from './pseudonym.ts';
import { firstValuesOf, identifyingValueColumns } from './identifying-values.ts';
import { agesReadNotes } from './age-notes.ts';
import { sexesReadNotes } from './sex-notes.ts';
import { lsoaBesideNamesNote } from './lsoa-beside-names.ts';
import { laterEpisodesNote } from './hes-episodes.ts';
import { excelDatesNotes } from './excel-dates.ts';
import { givenAgeBands } from './given-age-bands.ts';
import { groupOnlyEthnicityNote } from './group-only-ethnicity.ts';
import { codedColumns, readCodedMeasures } from './coded-measures.ts';
import type { LinkedCodedMeasure } from './linked-codes.ts';
import type { AgeBandRead } from './linked-age-bands.ts';
import type { TextDates } from './linked-dates.ts';
import { readDiagnosisMeasures } from './diagnosis-measures.ts';
import { codesColumn } from './clinical-codes.ts';
import {
  catalogueNumberFields,
  mostlyNumbers,
  numberShares,
  textNumberFieldNotes,
} from './number-columns.ts';
import { damagedParquetError } from './source-error.ts';
import {
  findLeftOutLines,
  leftOutRowSql,
  leftOutWarnings,
  namedLines,
  type LeftOutLines,
} from './left-out-rows.ts';
import { standardSelectSql, yearRangeSql } from './standard-columns.ts';
import { validateSource, type ValidationReport } from './validate.ts';
import { personValuesIn } from './person-values.ts';
import {
  numberBySheet,
  otherWorksheetsNote,
  lackedColumnsNotes,
  sheetsReadNote,
  worksheetChosenNote,
} from './worksheets-read.ts';
import { latin1FilesNote, numberByFile, stageSeveral } from './several-files.ts';
import { samplePathFor } from './sample.ts';
import { formatsOf, workbooksNotes } from './several-workbooks.ts';
import { directoryCoverageNote, lsoaFromPostcodes, postcodeColumnOf } from './lsoa-from-postcode.ts';
import { lsoaFromNames } from './lsoa-from-name.ts';
import { readOtherVintageCodes, withCodesRead } from './lsoa-other-vintage.ts';
import { lsoaLookupFile } from '../geography/lsoa-lookup.ts';
import { checkMappingAgainstFile, headingRowMark } from './file-checks.ts';
import { countInWords } from '../in-words.ts';

/** The staged file again with the LSOA of each row's postcode (lsoa-from-postcode.ts). */
const withPostcodeLsoas = (staging: string): string => staging.replace(/\.parquet$/, '-postcodes.parquet');
/** The staged file again with the LSOA code of each row's LSOA name (lsoa-from-name.ts). */
const withNamedLsoas = (staging: string): string => staging.replace(/\.parquet$/, '-names.parquet');
/** The LSOA codes of the other vintage to read as the file's, with their areas (lsoa-other-vintage.ts). */
const otherVintageCodesFile = (staging: string): string =>
  staging.replace(/\.parquet$/, '-lsoa-codes.parquet');

export interface ImportProgress {
  stage: 'reading' | 'checking' | 'writing' | 'done';
  /** 0–100 across the whole import. */
  percent: number;
}

export interface DatasetFields {
  measures: string[];
  flags: string[];
  attributes: string[];
  hasAge: boolean;
  /** Age in whole years (not only bands): needed by age conditions. Absent in datasets imported
   * before it was recorded. */
  hasAgeInYears?: boolean;
  /** ESP2013 five-year bands, from ages in years or given as bands: needed by standardisation.
   * Absent in datasets imported before it was recorded (age in years then decides). */
  hasEspBand?: boolean;
  hasSex: boolean;
  hasEthnicity: boolean;
  hasDate: boolean;
  /** The first and last event date (absent without dates, and in datasets imported before 2026-12-06). */
  dates?: DatesHeld;
  /**
   * A linked table's ethnic_code values that are not codes, read as codes when it was linked
   * (linked-ethnicity.ts): value → code.
   */
  ethnicValues?: Record<string, string>;
  /** A linked table's measures read from a column of codes when it was linked (linked-codes.ts). */
  codedMeasures?: Record<string, LinkedCodedMeasure>;
  /** A linked table's ages of text that are not whole numbers, read when it was linked (linked-ages.ts). */
  ageValues?: Record<string, number>;
  /** A linked table's age bands other than Parity's, read when it was linked (linked-age-bands.ts). */
  ageBandValues?: Record<string, AgeBandRead>;
  /** How a linked table's event dates of text are read, found when it was linked (linked-dates.ts). */
  eventDates?: TextDates;
}

export interface ImportedDataset {
  /** The file's format, or the files' ("csv and xlsx"). */
  format: string;
  rowsRead: number;
  rowsStored: number;
  mapping: ColumnMapping;
  fields: DatasetFields;
  report: ValidationReport;
}

export function fieldsOf(mapping: ColumnMapping, fiveYearBands = false): DatasetFields {
  return {
    measures: [
      ...Object.keys(mapping.measures),
      ...mapping.allRows,
      ...Object.keys(mapping.diagnosisMeasures),
    ],
    flags: Object.keys(mapping.flags),
    attributes: Object.keys(mapping.attributes),
    hasAge: Boolean(ageSource(mapping) || mapping.columns.age_band),
    hasAgeInYears: Boolean(ageSource(mapping)),
    hasEspBand: Boolean(ageSource(mapping)) || fiveYearBands,
    hasSex: Boolean(mapping.columns.sex),
    hasEthnicity: Boolean(mapping.columns.ethnicity),
    hasDate: Boolean(mapping.columns.event_date),
  };
}

/**
 * How a text ethnicity column is coded, from the first 100,000 rows: the ONS 2021 census groups
 * when more of its values are ONS labels than NHS codes, otherwise NHS ethnic category codes.
 */
async function ethnicityCodingOf(
  store: AnalyticsStore,
  parquet: string,
  column: string | undefined,
  kinds: ReadonlyMap<string, ColumnKind>,
): Promise<'nhs' | 'ons2021'> {
  if (!column || kinds.get(column) !== 'text') return 'nhs';
  const c = sourceColumn(column);
  const sample = `(SELECT ${c} FROM read_parquet(${literal(parquet)}) LIMIT 100000)`;
  const [row] = await store.query(
    `SELECT count(${ethnicCodeSql(c, 'nhs')}) AS nhs, count(${ethnicCodeSql(c, 'ons2021')}) AS ons FROM ${sample}`,
  );
  return Number(row?.ons ?? 0) > Number(row?.nhs ?? 0) ? 'ons2021' : 'nhs';
}

export function geographyRelation(store: AnalyticsStore): string | null {
  const file = store.geographyPath(geographyTables.lsoa);
  return existsSync(file) ? `read_parquet(${literal(file)})` : null;
}

async function financialYears(
  store: AnalyticsStore,
  sql: string | null,
): Promise<[number, number] | undefined> {
  if (!sql) return undefined;
  const [range] = await store.query<{ first_year: number | null; last_year: number | null }>(sql);
  return range?.first_year != null && range.last_year != null
    ? [Number(range.first_year), Number(range.last_year)]
    : undefined;
}

/** Why a file with no row to keep is refused: an empty extract is more likely a mistake than news. */
function nothingToImport(rowsRead: number, lines: LeftOutLines, addedTo: string | undefined): string {
  const nothing = addedTo ? `nothing to add to ${addedTo}` : 'nothing to import';
  if (rowsRead === 0)
    return `There are headings but no rows below them, so there is ${nothing}. Export it again with its rows; if the query behind it found none, there is ${nothing} yet.`;
  return `None of the ${countInWords(rowsRead)} rows holds data, so there is ${nothing}: ${leftOutWarnings(lines, rowsRead).join(' ')}`;
}

/**
 * Imports `file` into `outFile` (Parquet). `mapping` may be partial JSON from the user; without it
 * the standard column names are expected. Progress is reported as stage and percentage.
 */
export async function importDataset(
  store: AnalyticsStore,
  options: {
    id: string;
    file: string;
    outFile: string;
    mapping?: unknown;
    /**
     * Files with the headings of `file`, or some added or left out, read below it as one dataset
     * (several-files.ts).
     */
    moreFiles?: readonly string[] | undefined;
    /** The names of `file` and `moreFiles` in the report, where their paths do not give them (uploads). */
    fileNames?: readonly string[] | undefined;
    onProgress?: (p: ImportProgress) => void;
    /** The fields the indicators read as numbers (by default, the built-in indicators'). */
    numberFields?: ReadonlySet<string>;
    /** The name of the dataset the files are added to, read with its mapping. */
    addedTo?: string;
  },
): Promise<ImportedDataset> {
  const report = options.onProgress ?? (() => undefined);
  const staging = stagingPathFor(store, options.id);
  try {
    report({ stage: 'reading', percent: 0 });
    if (options.mapping !== undefined) {
      const problems = mappingProblems(options.mapping);
      // A file added to a dataset is read with the dataset's mapping, which no one can change there.
      if (problems.length && options.addedTo)
        throw new SourceFileError(
          `${options.addedTo} was imported with a mapping that can no longer be used (${problems.join('; ')}), so files cannot be added to it. Import its files again, all together with this one, under its name: they are then read as one dataset.`,
        );
      if (problems.length)
        throw new SourceFileError(`The column mapping cannot be used: ${problems.join('; ')}`);
    }
    const written = options.mapping === undefined ? undefined : mappingInputSchema.parse(options.mapping);
    const reading = (p: number) => report({ stage: 'reading', percent: Math.round(p * 0.4) });
    const lsoaHeading = headingRowMark(written);
    const several = options.moreFiles?.length
      ? await stageSeveral(store, [options.file, ...options.moreFiles], staging, reading, {
          lsoaHeading,
          names: options.fileNames,
          sheet: written?.sheet,
          allSheets: written?.allSheets,
        })
      : null;
    let staged =
      several?.staged ??
      (await stageSource(store, options.file, staging, reading, {
        sheet: written?.sheet,
        lsoaHeading,
        allSheets: written?.allSheets,
      }));
    const userMapping =
      written &&
      withFileSpelling(
        written,
        staged.columns.map((c) => c.name),
      );
    const numberFields = options.numberFields ?? catalogueNumberFields();
    // Columns are judged by the values of a sample: the staged file's first rows, or each file's.
    const sample = staged.sample ?? staged.parquet;
    const shares = await numberShares(store, sample, staged.columns);
    const firstValues = await firstValuesOf(store, sample, staged.columns);
    const samples = {
      mostlyNumbers: mostlyNumbers(shares, numberFields),
      yesNo: await yesNoColumns(store, sample, staged.columns),
      identifying: identifyingValueColumns(firstValues),
      coded: await codedColumns(store, sample, staged.columns, userMapping?.measures),
    };
    const mapping = resolveMapping(userMapping, staged.columns, samples);
    const fromPostcodes = await lsoaFromPostcodes(
      store,
      staged,
      mapping,
      userMapping,
      samples.identifying,
      withPostcodeLsoas(staging),
    );
    if (fromPostcodes) staged = fromPostcodes.staged;
    const fromNames = fromPostcodes
      ? null
      : await lsoaFromNames(store, staged, mapping, userMapping, withNamedLsoas(staging));
    if (fromNames) staged = fromNames.staged;
    const codedNotes = readCodedMeasures(mapping, samples.coded);
    const columnNames = staged.columns.map((c) => c.name);
    // Files added to a dataset are read with its measures, as is a mapping that gives these.
    const diagnoses =
      userMapping?.diagnosisMeasures || options.addedTo
        ? undefined
        : await codesColumn(store, sample, columnNames, 'diagnosis');
    const procedures = diagnoses && (await codesColumn(store, sample, columnNames, 'procedure'));
    const diagnosisNotes = diagnoses ? readDiagnosisMeasures(mapping, diagnoses, procedures) : [];
    checkMappingAgainstFile(mapping, columnNames, userMapping, {
      postcodeColumn: postcodeColumnOf(columnNames, samples.identifying, userMapping?.columns?.postcode),
    });
    report({ stage: 'checking', percent: 40 });
    const geography = geographyRelation(store);
    const kinds = await columnKinds(store, staged.parquet);
    if (!userMapping?.ethnicityCoding)
      mapping.ethnicityCoding = await ethnicityCodingOf(store, sample, mapping.columns.ethnicity, kinds);
    const dateOrder = userMapping?.dateOrder ? null : await dateOrderOf(store, sample, mapping, kinds);
    const monthFirst = dateOrder?.monthFirst;
    if (monthFirst) mapping.dateOrder = 'month-first';
    const vintageGiven = userMapping?.lsoaVintage
      ? ('mapping' as const)
      : lsoaVintageOf(mapping.columns.lsoa_code) && { heading: mapping.columns.lsoa_code };
    // Files added to a dataset are read with its vintage: nothing to choose, or to suggest.
    const codesRead =
      fromPostcodes || fromNames || (vintageGiven && options.addedTo)
        ? null
        : await lsoaVintageFromCodes(store, sample, mapping.columns.lsoa_code, geography);
    const vintageFound = vintageGiven ? null : codesRead;
    if (vintageFound) mapping.lsoaVintage = vintageFound.vintage;
    const otherVintage =
      fromPostcodes || fromNames
        ? null
        : await readOtherVintageCodes(
            store,
            staged,
            mapping.columns.lsoa_code,
            mapping.lsoaVintage,
            otherVintageCodesFile(staging),
          );
    const lines = await findLeftOutLines(store, staged.parquet, mapping, kinds, staged.headingRow);
    const leftOut = leftOutRowSql(mapping, kinds, lines);
    const person = mapping.columns.person_id;
    const personColumn = person && kinds.get(person) === 'text' ? person : undefined;
    const personValues = await personValuesIn(store, staged.parquet, personColumn);
    const validation = await validateSource(
      store,
      {
        parquet: staged.parquet,
        kinds,
        headingRow: staged.headingRow,
        person: personValues,
        lsoaNotPlaced: otherVintage?.notPlaced.codes,
        codesRead: otherVintage?.codesRead,
      },
      mapping,
      geography,
      leftOut,
    );
    if (several) {
      await numberByFile(validation, lines, several.files);
      validation.warnings.push(sheetsReadNote(several.files, 'file', several.parts.length));
      validation.warnings.push(...lackedColumnsNotes(several.files, sourceColumnsOf(mapping), 'file'));
      const latin1 = latin1FilesNote(several.files);
      if (latin1) validation.warnings.push(latin1);
      validation.warnings.push(...workbooksNotes(several.parts, written?.allSheets === true));
    } else if (staged.format === 'csv') {
      const numbering = {
        headingRow: staged.headingRow,
        utf16: staged.encoding === 'utf-16',
        emptyLines: staged.emptyLines,
      };
      await numberAsInFile(options.file, numbering, validation, namedLines(lines));
    }
    if (staged.worksheetsRead) {
      numberBySheet(validation, lines, staged.worksheetsRead);
      validation.warnings.push(sheetsReadNote(staged.worksheetsRead));
      validation.warnings.push(...lackedColumnsNotes(staged.worksheetsRead, sourceColumnsOf(mapping)));
    }
    validation.warnings.push(...codedNotes, ...diagnosisNotes);
    if (monthFirst) validation.warnings.push(monthFirstNote(monthFirst));
    validation.warnings.push(...textNumberFieldNotes(mapping, userMapping, shares, numberFields));
    if (fromNames) validation.warnings.push(fromNames.note);
    if (fromPostcodes) {
      validation.warnings.push(fromPostcodes.note);
      const coverage = await directoryCoverageNote(store, staged.parquet, validation.problems);
      if (coverage) validation.warnings.push(coverage);
    }
    if (ageSource(mapping) === 'date_of_birth')
      validation.warnings.push(
        `Age was worked out from "${mapping.columns.date_of_birth}" at "${mapping.columns.event_date}", in completed years; the dates of birth were not stored.`,
      );
    validation.warnings.push(...(await agesReadNotes(store, staged.parquet, mapping, kinds, leftOut)));
    validation.warnings.push(...(await sexesReadNotes(store, staged.parquet, mapping, leftOut)));
    const besideNames =
      fromPostcodes || fromNames
        ? null
        : await lsoaBesideNamesNote(store, staged.parquet, mapping.columns.lsoa_code, kinds, leftOut);
    if (besideNames) validation.warnings.push(besideNames);
    const episodes = await laterEpisodesNote(store, staged.parquet, columnNames, leftOut);
    if (episodes) validation.warnings.push(episodes);
    validation.warnings.push(...(await excelDatesNotes(store, staged.parquet, mapping, kinds, leftOut)));
    // A file of codes of both vintages is told how each was read instead (lsoa-other-vintage.ts), or
    // how to have them read, when no lookup has been imported.
    const mixed =
      codesRead && !otherVintage && !lsoaLookupFile(store)
        ? mixedVintagesNote(codesRead, mapping.lsoaVintage)
        : null;
    if (mixed) validation.warnings.push(mixed);
    const vintageRead = vintageFound
      ? otherVintage || mixed
        ? null
        : vintageNote(vintageFound)
      : codesRead && vintageGiven && !options.addedTo
        ? givenVintageNote(codesRead, mapping.lsoaVintage, vintageGiven)
        : null;
    if (vintageRead) validation.warnings.push(vintageRead);
    validation.warnings.push(...(otherVintage?.notes ?? []));
    const unknownAreas = codesRead && unknownAreasNote(codesRead, mapping.lsoaVintage);
    if (unknownAreas) validation.warnings.push(unknownAreas);
    if (staged.worksheetChosen) validation.warnings.push(worksheetChosenNote(staged.worksheetChosen));
    const format = several ? formatsOf(several.parts) : formatShown(staged);
    if ((written?.sheet !== undefined || written?.allSheets) && !format.split(' and ').some(isWorkbookFormat))
      validation.warnings.push(
        several
          ? 'None of the files is a workbook (.xlsx or .ods), so they have no worksheets: the worksheet settings were not used, and the whole of each file was read.'
          : 'The file is not a workbook (.xlsx or .ods), so it has no worksheets: the worksheet settings were not used, and the whole file was read.',
      );
    if (staged.otherWorksheets.length)
      validation.warnings.push(otherWorksheetsNote(staged.otherWorksheets, written?.allSheets === true));
    if (staged.rowsAboveHeadings > 0 && !staged.worksheetsRead && !several)
      validation.warnings.push(
        `The headings are in row ${staged.headingRow} of the file: the ${staged.rowsAboveHeadings === 1 ? 'row above them was' : `${staged.rowsAboveHeadings} rows above them were`} left out.`,
      );
    if (staged.encoding === 'latin-1')
      validation.warnings.push(
        'The file is not saved as UTF-8, so it was read as Windows Latin-1 text (what Excel\'s "CSV (Comma delimited)" writes). If any names or words look wrong, save it from Excel as "CSV UTF-8" and import it again.',
      );
    const dated = mapping.columns.event_date
      ? []
      : await datedColumns(
          store,
          sample,
          undatedCandidates(mapping, columnNames, samples.identifying),
          kinds,
        );
    validation.warnings.push(...mappingNotes(mapping, userMapping, columnNames, dated));
    validation.warnings.push(...measureHeadingNotes(mapping, userMapping));
    validation.warnings.push(...identifyingColumnsNote(mapping, columnNames, samples.identifying));
    validation.warnings.push(
      ...unlistedColumnsNote(mapping, userMapping, columnNames, samples.identifying, options.addedTo),
    );
    report({ stage: 'writing', percent: 60 });
    // Once a dataset's person identifiers are found to be NHS numbers, its mapping says so, and the
    // files added to it later are pseudonymised too, whatever their own values look like.
    const nhsNumbers =
      person !== undefined &&
      (mapping.personIds === 'nhs-number' ||
        personIsNhsNumber(mapping, samples.identifying) ||
        personIdsMostlyNhsNumbers(firstValues.get(person) ?? []));
    const personKey = nhsNumbers ? pseudonymKey(store) : undefined;
    if (personKey) {
      mapping.personIds = 'nhs-number';
      validation.warnings.push(pseudonymNote(mapping.columns.person_id!));
    }
    const relation = withCodesRead(`read_parquet(${literal(staged.parquet)})`, otherVintage?.codesRead);
    const years = await financialYears(store, yearRangeSql(mapping, kinds, relation));
    // Row order is not kept (the report has already named each problem's row): writing in any
    // order lets every thread write.
    await store.run('SET preserve_insertion_order = false');
    try {
      await store.runWithProgress(
        `COPY (${standardSelectSql(mapping, kinds, relation, years, leftOut, { key: personKey, ...personValues })}) TO ${literal(options.outFile)} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, ROW_GROUP_SIZE 122880)`,
        (p) => report({ stage: 'writing', percent: 60 + Math.round(p * 0.4) }),
      );
    } finally {
      await store.run('RESET preserve_insertion_order');
    }
    const [counts] = await store.query<{ read: string; stored: string }>(
      `SELECT (SELECT count(*) FROM ${relation}) AS read, (SELECT count(*) FROM read_parquet(${literal(options.outFile)})) AS stored`,
    );
    const rowsRead = Number(counts?.read ?? 0);
    const rowsStored = Number(counts?.stored ?? 0);
    if (rowsStored === 0) throw new SourceFileError(nothingToImport(rowsRead, lines, options.addedTo));
    if (rowsRead > rowsStored) validation.warnings.push(...leftOutWarnings(lines, rowsRead - rowsStored));
    const bands = await givenAgeBands(store, options.outFile, mapping);
    const dates = mapping.columns.event_date ? await datesHeld(store, options.outFile) : null;
    if (bands.note) validation.warnings.push(bands.note);
    if (dateOrder?.ambiguous && (await readEitherWay(store, options.outFile)))
      validation.warnings.push(ambiguousDatesNote(dateOrder.ambiguous));
    const groupOnly = await groupOnlyEthnicityNote(store, options.outFile, mapping);
    if (groupOnly) validation.warnings.push(groupOnly);
    report({ stage: 'done', percent: 100 });
    return {
      format,
      rowsRead,
      rowsStored,
      mapping,
      fields: { ...fieldsOf(mapping, bands.fiveYear), ...(dates ? { dates } : {}) },
      report: validation,
    };
  } catch (error) {
    const files = [options.file, ...(options.moreFiles ?? [])];
    const parquet = files.some((file) => file.toLowerCase().endsWith('.parquet'));
    throw (parquet && damagedParquetError(error)) || error;
  } finally {
    rmSync(staging, { force: true });
    rmSync(`${staging}.csv`, { force: true });
    rmSync(samplePathFor(staging), { force: true });
    rmSync(withPostcodeLsoas(staging), { force: true });
    rmSync(withNamedLsoas(staging), { force: true });
    rmSync(otherVintageCodesFile(staging), { force: true });
  }
}
