// Whether files can be imported as mapped, from their headings alone: checked before anything is
// stored or replaced (sourceFilesProblem), and again by the import itself (checkMappingAgainstFile).
import { existsSync } from 'node:fs';
import { geographyTables } from '../geography/model.ts';
import type { AnalyticsStore } from '../store.ts';
import {
  ADMISSIONS_MEASURE,
  diagnosisMeasures,
  diagnosisMeasuresOf,
  hasAdmissionMethod,
} from './diagnosis-measures.ts';
import { episodeOrderColumn } from './hes-episodes.ts';
import { LSOA_FROM_NAME, lsoaNameColumnOf } from './lsoa-from-name.ts';
import { LSOA_FROM_POSTCODE, postcodeLookupRelation } from './lsoa-from-postcode.ts';
import { sourceColumnsOf, type ColumnMapping } from './mapping.ts';
import { mappingInputSchema, resolveMapping, withFileSpelling, type MappingInput } from './mapping-input.ts';
import { headingsProblem } from './data-as-headings.ts';
import { noLsoaColumnMessage } from './mapping-notes.ts';
import { severalFilesColumns } from './several-files.ts';
import { sourceColumns, SourceFileError } from './source.ts';

/**
 * The heading that marks the heading row of a file with rows above it: the LSOA column's heading
 * the person gave, else the postcode column's or the LSOA names' when the LSOAs come from those.
 */
export function headingRowMark(given: MappingInput | undefined): string | undefined {
  const lsoa = given?.columns?.lsoa_code;
  return lsoa && lsoa !== LSOA_FROM_POSTCODE && lsoa !== LSOA_FROM_NAME
    ? lsoa
    : (given?.columns?.postcode ?? given?.columns?.lsoa_name);
}

/**
 * Where files cannot be imported as one as mapped, found from their headings alone before anything
 * is stored or replaced: a file (or the named sheet) cannot be read, they cannot be read as one
 * (several-files.ts), or they have no LSOA column or not the columns the mapping names. Null when
 * their headings are fine.
 */
export async function sourceFilesProblem(
  store: AnalyticsStore,
  files: readonly string[],
  options: {
    mapping?: unknown;
    names?: readonly string[] | undefined;
    /** Whether each file must have every column the mapping names (files added to a dataset). */
    eachAsMapped?: boolean;
  } = {},
): Promise<{ field: 'file' | 'mapping'; message: string } | null> {
  const written = options.mapping === undefined ? undefined : mappingInputSchema.parse(options.mapping);
  const reading = { sheet: written?.sheet, lsoaHeading: headingRowMark(written) };
  let read: Awaited<ReturnType<typeof severalFilesColumns>>;
  try {
    read =
      files.length === 1
        ? { all: await sourceColumns(store, files[0]!, reading), each: [] }
        : await severalFilesColumns(store, files, { ...reading, names: options.names });
  } catch (error) {
    if (error instanceof SourceFileError) return { field: 'file', message: error.message };
    throw error;
  }
  const inEach = options.eachAsMapped ? read.each : [];
  for (const { name, columns } of [{ name: '', columns: read.all }, ...inEach]) {
    const problem = mappingProblemOf(store, columns, written);
    if (problem) return name ? { ...problem, message: `In "${name}": ${problem.message}` } : problem;
  }
  return null;
}

/** Where the columns of a file (or files read as one) are not those the mapping needs; null when they are. */
function mappingProblemOf(
  store: AnalyticsStore,
  columns: readonly { name: string; type: string }[],
  written: MappingInput | undefined,
): { field: 'file' | 'mapping'; message: string } | null {
  const names = columns.map((c) => c.name);
  const userMapping = written && withFileSpelling(written, names);
  try {
    // With a postcode directory, a file without an LSOA column may still have postcodes (found by
    // their values at import, which names the problem if it has none).
    checkMappingAgainstFile(resolveMapping(userMapping, [...columns]), names, userMapping, {
      lsoaMayComeFromPostcodes: postcodeLookupRelation(store) !== null,
      // and one with LSOA names their codes, from the reference geography's names.
      lsoaMayComeFromNames:
        lsoaNameColumnOf(names, userMapping) !== undefined &&
        existsSync(store.geographyPath(geographyTables.lsoa)),
    });
  } catch (error) {
    // A file without its headings, or whose columns are not separated, is put right in the file.
    if (error instanceof SourceFileError)
      return { field: headingsProblem(names) ? 'file' : 'mapping', message: error.message };
    throw error;
  }
  return null;
}

/** sourceFilesProblem of one file. */
export const sourceColumnsProblem = (
  store: AnalyticsStore,
  file: string,
  mapping?: unknown,
): Promise<{ field: 'file' | 'mapping'; message: string } | null> =>
  sourceFilesProblem(store, [file], { mapping });

export function checkMappingAgainstFile(
  mapping: ColumnMapping,
  columns: string[],
  given: MappingInput | undefined,
  options: {
    lsoaMayComeFromPostcodes?: boolean;
    lsoaMayComeFromNames?: boolean;
    postcodeColumn?: string;
  } = {},
): void {
  const present = new Set(columns);
  const givenLsoa = given?.columns?.lsoa_code;
  // A mapping an import printed may name the column of LSOAs it looked up from postcodes or names.
  const noLsoa =
    !present.has(mapping.columns.lsoa_code) &&
    (!givenLsoa || givenLsoa === LSOA_FROM_POSTCODE || givenLsoa === LSOA_FROM_NAME);
  if (noLsoa && !options.lsoaMayComeFromPostcodes && !options.lsoaMayComeFromNames)
    throw new SourceFileError(
      noLsoaColumnMessage(columns, options.postcodeColumn, lsoaNameColumnOf(columns, given)),
    );
  const missing = sourceColumnsOf(mapping).filter(
    (c) => !present.has(c) && !(noLsoa && c === mapping.columns.lsoa_code),
  );
  if (missing.length) {
    throw new SourceFileError(
      `The mapping names columns the file does not have: ${missing.join(', ')}. The file has: ${columns.join(', ')}`,
    );
  }
  const started = Object.keys(mapping.measuresGivenAs).filter(
    (f) => mapping.measuresGivenAs[f] === 'start-date',
  );
  if (started.length && !mapping.columns.event_date)
    throw new SourceFileError(
      `The mapping gives ${started.join(', ')} from the date each wait began ("start-date"), which needs the date of each row too (columns.event_date: a waiting list's week ending). The file has: ${columns.join(', ')}`,
    );
  const notMeasures = Object.keys(mapping.measuresGivenAs).filter((field) => !(field in mapping.measures));
  if (notMeasures.length)
    throw new SourceFileError(
      `The mapping gives measuresGivenAs for ${notMeasures.join(', ')}, which ${notMeasures.length === 1 ? 'is not a measure' : 'are not measures'}. The measures are: ${Object.keys(mapping.measures).join(', ') || 'none'}`,
    );
  const counted = diagnosisMeasuresOf(mapping).map(([field]) => field);
  const amongEmergencies = counted.filter((field) => diagnosisMeasures[field].emergenciesOnly);
  if (amongEmergencies.length && !hasAdmissionMethod(mapping))
    throw new SourceFileError(
      `The mapping counts ${amongEmergencies.join(' and ')} from the primary diagnoses (diagnosisMeasures), which needs to know which admissions were emergencies: the measure ${ADMISSIONS_MEASURE}, such as the admission method column (measures.${ADMISSIONS_MEASURE}), or {"allRows": ["${ADMISSIONS_MEASURE}"]} for a file of emergency admissions only. The measures are: ${Object.keys(mapping.measures).join(', ') || 'none'}`,
    );
  const fromColumns = (field: string) =>
    field in mapping.measures || field in mapping.flags || field in mapping.attributes;
  const twice = mapping.allRows.filter(fromColumns);
  if (twice.length)
    throw new SourceFileError(
      `The mapping gives ${twice.join(', ')} both from a column and as every row (allRows): give ${twice.length === 1 ? 'it' : 'them'} one way only.`,
    );
  const countedToo = counted.filter((field) => fromColumns(field) || mapping.allRows.includes(field));
  if (countedToo.length)
    throw new SourceFileError(
      `The mapping gives ${countedToo.join(', ')} both from a column (or as every row) and from the primary diagnoses (diagnosisMeasures): give ${countedToo.length === 1 ? 'it' : 'them'} one way only.`,
    );
  const operated = counted.filter((field) => diagnosisMeasures[field].procedures);
  if (operated.length && !mapping.mainProcedure)
    throw new SourceFileError(
      `The mapping counts ${operated.join(' and ')} from the primary diagnoses (diagnosisMeasures), which needs the main procedure of each episode too: give its column (OPCS-4 codes, such as OPERTN_4_01) as mainProcedure. The file has: ${columns.join(', ')}`,
    );
  if (mapping.firstEpisodesOnly && episodeOrderColumn(columns) === undefined)
    throw new SourceFileError(
      `The mapping asks for each stay's first episode only (firstEpisodesOnly), but the file has no EPIORDER column to tell them by. To import every row, leave the setting out. The file has: ${columns.join(', ')}`,
    );
}
