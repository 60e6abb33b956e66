// A file with people's postcodes but no LSOA code: each row's LSOA is looked up in the ONS postcode
// directory imported with the reference geography (geography/postcodes.ts) and written to a column
// of the staged file, which the rest of the import reads as the LSOA code. The postcodes are read
// for that alone: they are never stored, and the report names the rows of problems without them.
import { existsSync } from 'node:fs';
import { geographyTables, type LsoaVintage } from '../geography/model.ts';
import { postcodeKeySql, postcodeLookupFile, summarisePostcodes } from '../geography/postcodes.ts';
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { identifyingColumn } from './headings.ts';
import { FULL_POSTCODE } from './identifying-values.ts';
import type { ColumnMapping } from './mapping.ts';
import type { MappingInput } from './mapping-input.ts';
import { SourceFileError } from './source-error.ts';
import type { StagedSource } from './source.ts';
import { countInWords } from '../in-words.ts';

/** The staged file's column holding the LSOA found from each row's postcode. */
export const LSOA_FROM_POSTCODE = 'LSOA from postcode';
/** The validation report's problem for a full postcode the directory does not hold. */
export const NOT_IN_DIRECTORY = 'postcode not in the postcode directory';

/** The postcode directory as DuckDB reads it, or null when none has been imported. */
export function postcodeLookupRelation(store: AnalyticsStore): string | null {
  const file = postcodeLookupFile(store);
  return file ? `read_parquet(${literal(file)})` : null;
}

/** SQL: true when a present value is not a full postcode (a district "LE1" or sector "LE1 5" cannot give an LSOA). */
export const notFullPostcodeSql = (column: string): string =>
  `NOT regexp_full_match(${postcodeKeySql(column)}, '${FULL_POSTCODE}')`;

/**
 * SQL: true for the NHS's pseudo-postcodes ZZ99 (ZZ99 3VZ: no fixed abode; others: the address or
 * country not known), which the directory does not hold: worth telling apart, as people without a
 * fixed abode are one of the inclusion health groups.
 */
export const pseudoPostcodeSql = (column: string): string =>
  `regexp_full_match(${postcodeKeySql(column)}, 'ZZ99[0-9][A-Z]{2}')`;

/** Whether the import's LSOA codes come from the postcodes (the mapping records the postcode column). */
export const lsoaFromPostcode = (m: ColumnMapping): boolean =>
  m.columns.lsoa_code === LSOA_FROM_POSTCODE && m.columns.postcode !== undefined;

/**
 * The column to read postcodes from: the one the person named, else one whose values are full
 * postcodes, else one whose heading says postcode.
 */
export function postcodeColumnOf(
  columns: string[],
  identifying: ReadonlyMap<string, string>,
  given: string | undefined,
): string | undefined {
  if (given) return given;
  const byValue = columns.filter((c) => identifying.get(c) === 'postcodes');
  return (
    byValue.find((c) => identifyingColumn(c) === 'postcodes') ??
    byValue[0] ??
    columns.find((c) => identifyingColumn(c) === 'postcodes')
  );
}

/**
 * Which LSOA codes to take from the directory: those the person asked for, else those of the
 * geography imported (2021 when it has both), as far as the directory holds them.
 */
async function vintageOf(
  store: AnalyticsStore,
  lookup: string,
  given: LsoaVintage | undefined,
): Promise<LsoaVintage> {
  const [held] = await store.query<{ n2011: string; n2021: string }>(
    `SELECT count(lsoa_2011) AS n2011, count(lsoa_2021) AS n2021 FROM ${lookup}`,
  );
  const holds = (v: LsoaVintage) => Number(v === '2011' ? held?.n2011 : held?.n2021) > 0;
  if (given) {
    if (!holds(given))
      throw new SourceFileError(
        `The postcode directory imported has no LSOA ${given} codes, so the postcodes cannot give them. Import a directory that has them (the current NSPL or ONSPD has both) with "parity geo import --postcodes", or leave the LSOA codes to the directory.`,
      );
    return given;
  }
  const geography = store.geographyPath(geographyTables.lsoa);
  const vintages = existsSync(geography)
    ? (
        await store.query<{ vintage: string }>(
          `SELECT DISTINCT vintage FROM read_parquet(${literal(geography)})`,
        )
      ).map((r) => r.vintage)
    : [];
  const preferred: LsoaVintage[] = ['2021', '2011'];
  return (
    preferred.find((v) => holds(v) && (vintages.length === 0 || vintages.includes(v))) ??
    preferred.find(holds) ??
    '2021'
  );
}

export interface LsoaFromPostcodes {
  staged: StagedSource;
  note: string;
}

/**
 * When the file has no LSOA column but has postcodes, and a postcode directory has been imported:
 * the staged file again, in the same row order, with the LSOA of each row's postcode as the column
 * LSOA_FROM_POSTCODE, the mapping changed to read it (and to record the postcode column). Null
 * otherwise, and the import goes on as before.
 */
export async function lsoaFromPostcodes(
  store: AnalyticsStore,
  staged: StagedSource,
  mapping: ColumnMapping,
  given: MappingInput | undefined,
  identifying: ReadonlyMap<string, string>,
  outFile: string,
): Promise<LsoaFromPostcodes | null> {
  const columns = staged.columns.map((c) => c.name);
  const givenLsoa = given?.columns?.lsoa_code;
  // LSOA_FROM_POSTCODE given: the mapping an earlier import of this kind of file printed.
  if ((givenLsoa && givenLsoa !== LSOA_FROM_POSTCODE) || columns.includes(mapping.columns.lsoa_code))
    return null;
  const lookup = postcodeLookupRelation(store);
  const postcode = postcodeColumnOf(columns, identifying, given?.columns?.postcode);
  if (!lookup || !postcode || !columns.includes(postcode) || columns.includes(LSOA_FROM_POSTCODE))
    return null;
  const vintage = await vintageOf(store, lookup, given?.lsoaVintage);
  const lsoa = vintage === '2011' ? 'lsoa_2011' : 'lsoa_2021';
  // The join reads the rows in any order; sorting by the row's place in the file keeps the row
  // numbers the report gives.
  await store.run(
    `COPY (
       SELECT s.* EXCLUDE (file_row_number), p.${lsoa} AS ${sourceColumn(LSOA_FROM_POSTCODE)}
       FROM read_parquet(${literal(staged.parquet)}, file_row_number = true) s
       LEFT JOIN ${lookup} p ON p.postcode = ${postcodeKeySql(`s.${sourceColumn(postcode)}`)}
       ORDER BY s.file_row_number
     ) TO ${literal(outFile)} (FORMAT parquet, COMPRESSION zstd)`,
  );
  mapping.columns.lsoa_code = LSOA_FROM_POSTCODE;
  mapping.columns.postcode = postcode;
  mapping.lsoaVintage = vintage;
  return {
    staged: {
      ...staged,
      parquet: outFile,
      columns: [...staged.columns, { name: LSOA_FROM_POSTCODE, type: 'VARCHAR' }],
    },
    note: `The file has no LSOA column, so each row's LSOA ${vintage} code was looked up from its postcode in "${postcode}", in the postcode directory imported with the reference geography. The postcodes were not stored.`,
  };
}

/**
 * When most of the file's full postcodes are not in the directory, a note saying that it may not
 * cover the file's areas (the files of other postcode areas, or the demo's postcodes, were
 * imported) and what to do; null when most were found.
 */
export async function directoryCoverageNote(
  store: AnalyticsStore,
  staged: string,
  problems: readonly { problem: string; rows: number }[],
): Promise<string | null> {
  const missing = problems.find((p) => p.problem === NOT_IN_DIRECTORY)?.rows ?? 0;
  const [row] = await store.query<{ found: string }>(
    `SELECT count(${sourceColumn(LSOA_FROM_POSTCODE)}) AS found FROM read_parquet(${literal(staged)})`,
  );
  const found = Number(row?.found ?? 0);
  if (missing === 0 || missing <= found) return null;
  const directory = await summarisePostcodes(store);
  const holds = directory
    ? ` (${countInWords(directory.postcodes)} ${directory.postcodes === 1 ? 'postcode' : 'postcodes'}${directory.file ? `, from ${directory.file}` : ''})`
    : '';
  const share = found
    ? `${countInWords(missing)} of the file's ${countInWords(missing + found)} full postcodes are not in the postcode directory${holds}`
    : `None of the file's full postcodes is in the postcode directory${holds}, so no row has an LSOA`;
  return `${share}: the directory may not cover the areas where the file's people live. Import the ONS postcode directory (NSPL) files of those areas with the reference geography, then import this file again.`;
}
