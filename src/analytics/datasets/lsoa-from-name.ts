// A file that names each row's LSOA ("Leicester 001A", as ONS names them) instead of giving its code:
// the code is looked up among the names of the reference geography imported (the deprivation file and
// the ONS lookups carry them) and written to a column of the staged file, which the rest of the import
// reads as the LSOA code, as the LSOAs looked up from postcodes are (lsoa-from-postcode.ts).
import { existsSync } from 'node:fs';
import { geographyTables, type LsoaVintage } from '../geography/model.ts';
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { lsoaVintageOf, normaliseHeading } from './headings.ts';
import type { ColumnMapping } from './mapping.ts';
import type { MappingInput } from './mapping-input.ts';
import type { StagedSource } from './source.ts';
import { countInWords } from '../in-words.ts';

/** The staged file's column holding the LSOA code found from each row's LSOA name. */
export const LSOA_FROM_NAME = 'LSOA from name';

/** Normalised headings of a column of LSOA names. */
const nameHeadings = [
  'lsoa_name',
  'lsoa_nm',
  'lsoa11nm',
  'lsoa21nm',
  'lsoa11_name',
  'lsoa21_name',
  'lsoa_2011_name',
  'lsoa_2021_name',
  'lsoa_name_2011',
  'lsoa_name_2021',
  'lower_layer_super_output_area_name',
  'lower_super_output_area_name',
];

/**
 * The file's column of LSOA names: the one the mapping names (columns.lsoa_name), else one headed
 * so (LSOA name, LSOA21NM …), if it has one.
 */
export const lsoaNameColumnOf = (columns: string[], given?: MappingInput): string | undefined => {
  const named = given?.columns?.lsoa_name;
  return named && columns.includes(named)
    ? named
    : columns.find((c) => nameHeadings.includes(normaliseHeading(c)));
};

/** Whether the import's LSOA codes come from LSOA names (the mapping records the names column). */
export const lsoaFromName = (m: ColumnMapping): boolean =>
  m.columns.lsoa_code === LSOA_FROM_NAME && m.columns.lsoa_name !== undefined;

/** A name as compared: case and runs of spaces aside. */
export const lsoaNameKeySql = (c: string): string =>
  `upper(regexp_replace(trim(CAST(${c} AS VARCHAR)), '\\s+', ' ', 'g'))`;

/**
 * The LSOA names of one vintage and their codes, as a relation: a name that two LSOAs share (none
 * do in ONS's lists) gives no code rather than two rows.
 */
function namesRelation(geography: string, vintage: LsoaVintage): string {
  return `(SELECT ${lsoaNameKeySql('lsoa_name')} AS name_key, min(lsoa_code) AS lsoa_code FROM read_parquet(${literal(geography)}) WHERE vintage = ${literal(vintage)} AND lsoa_name IS NOT NULL GROUP BY 1 HAVING count(*) = 1)`;
}

/**
 * The vintage of the names: the one the mapping or the heading gives, else the one whose names the
 * geography knows more of in the first 100,000 rows (2021 on a tie: most names are in both).
 */
async function vintageOfNames(
  store: AnalyticsStore,
  parquet: string,
  column: string,
  geography: string,
  given: LsoaVintage | undefined,
): Promise<{ vintage: LsoaVintage; known: number; names: number }> {
  const known = (v: LsoaVintage) =>
    `count(*) FILTER (WHERE name_key IN (SELECT name_key FROM ${namesRelation(geography, v)}))`;
  const [row] = await store.query<{ names: string; known2011: string; known2021: string }>(
    `SELECT count(*) AS names, ${known('2011')} AS known2011, ${known('2021')} AS known2021
     FROM (SELECT DISTINCT ${lsoaNameKeySql(sourceColumn(column))} AS name_key FROM (SELECT ${sourceColumn(column)} FROM read_parquet(${literal(parquet)}) LIMIT 100000) sample) names
     WHERE name_key IS NOT NULL AND name_key <> ''`,
  );
  const counts = { 2011: Number(row?.known2011 ?? 0), 2021: Number(row?.known2021 ?? 0) };
  const vintage = given ?? lsoaVintageOf(column) ?? (counts[2011] > counts[2021] ? '2011' : '2021');
  return { vintage, known: counts[vintage], names: Number(row?.names ?? 0) };
}

export interface LsoaFromNames {
  staged: StagedSource;
  note: string;
}

/**
 * When the file has no LSOA code column but a column of LSOA names (by its heading, or named in the
 * mapping as columns.lsoa_name), and a reference geography has been imported: the staged file again,
 * in the same row order, with the code of each row's LSOA name as the column LSOA_FROM_NAME, the
 * mapping changed to read it. Null otherwise, and the import goes on as before.
 */
export async function lsoaFromNames(
  store: AnalyticsStore,
  staged: StagedSource,
  mapping: ColumnMapping,
  given: MappingInput | undefined,
  outFile: string,
): Promise<LsoaFromNames | null> {
  const columns = staged.columns.map((c) => c.name);
  const givenLsoa = given?.columns?.lsoa_code;
  // LSOA_FROM_NAME given: the mapping an earlier import of this kind of file printed.
  if ((givenLsoa && givenLsoa !== LSOA_FROM_NAME) || columns.includes(mapping.columns.lsoa_code)) return null;
  const geography = store.geographyPath(geographyTables.lsoa);
  const names = lsoaNameColumnOf(columns, given);
  if (!existsSync(geography) || !names || columns.includes(LSOA_FROM_NAME)) return null;
  const found = await vintageOfNames(store, staged.parquet, names, geography, given?.lsoaVintage);
  await store.run(
    `COPY (
       SELECT s.* EXCLUDE (file_row_number), g.lsoa_code AS ${sourceColumn(LSOA_FROM_NAME)}
       FROM read_parquet(${literal(staged.parquet)}, file_row_number = true) s
       LEFT JOIN ${namesRelation(geography, found.vintage)} g ON g.name_key = ${lsoaNameKeySql(`s.${sourceColumn(names)}`)}
       ORDER BY s.file_row_number
     ) TO ${literal(outFile)} (FORMAT parquet, COMPRESSION zstd)`,
  );
  mapping.columns.lsoa_code = LSOA_FROM_NAME;
  mapping.columns.lsoa_name = names;
  // Read as the code, the names are not kept as an attribute too, unless the mapping lists them.
  if (!given?.attributes)
    for (const [field, column] of Object.entries(mapping.attributes))
      if (column === names) delete mapping.attributes[field];
  mapping.lsoaVintage = found.vintage;
  const share =
    found.known === found.names
      ? ''
      : ` The geography knows ${countInWords(found.known)} of the ${countInWords(found.names)} different names in the first 100,000 rows; the rows of the others are reported.`;
  return {
    staged: {
      ...staged,
      parquet: outFile,
      columns: [...staged.columns, { name: LSOA_FROM_NAME, type: 'VARCHAR' }],
    },
    note: `The file has LSOA names but no LSOA codes, so each row's LSOA ${found.vintage} code was looked up from its name in "${names}", among the names of the reference geography imported.${share}`,
  };
}
