// An extract whose LSOA codes mix the two vintages: years of records coded before the 2021 census
// beside ones coded after, as a warehouse's extracts are when each record's LSOA was derived when it
// was made. An unchanged LSOA has the same code in both; the codes of the other vintage only are read
// through the ONS LSOA 2011 → 2021 lookup kept with the reference geography (lsoa-lookup.ts): as the
// one area of the dataset's vintage each became or was part of (a 2011 LSOA merged with others, a
// 2021 LSOA split from one), while those that became several (a 2011 LSOA split in two) are left as
// they are, and reported as such, since the code cannot tell which part a row's person lives in.
import type { LsoaVintage } from '../geography/model.ts';
import { lsoaLookupFile, otherVintageCodesSql } from '../geography/lsoa-lookup.ts';
import { sourceFileOf } from '../geography/source-record.ts';
import { countInWords } from '../in-words.ts';
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { otherThan } from './lsoa-vintage.ts';
import { lsoaSql } from './standardise.ts';

export interface OtherVintageCodes {
  /** The codes read as the dataset's vintage, to read the staged file through; null when none could be. */
  codesRead: CodesRead | null;
  /** Rows and different codes read as the dataset's vintage. */
  read: { rows: number; codes: number };
  /** Rows of codes whose area is in several of the dataset's vintage, and those codes. */
  notPlaced: { rows: number; codes: string[] };
  /** What the report says of them. */
  notes: string[];
}

/** The file's LSOA column, and a Parquet file of the codes to read in it as another (code, area). */
export interface CodesRead {
  column: string;
  file: string;
}

/**
 * `relation` (the staged file, read_parquet(…)) with the codes of `read` in its LSOA column replaced
 * by their areas, for the dataset's write. A join, which does not keep the rows' order: the write
 * does not need it (the checks read the file itself, validate.ts).
 */
export const withCodesRead = (relation: string, read: CodesRead | null | undefined): string => {
  if (!read) return relation;
  const column = sourceColumn(read.column);
  return `(SELECT s.* REPLACE (COALESCE(o.area, s.${column}) AS ${column}) FROM ${relation} s LEFT JOIN read_parquet(${literal(read.file)}) o ON o.code = ${lsoaSql(`s.${column}`)})`;
};

type CodeHeld = {
  code: string;
  area: string;
  areas: number;
  n: number;
};

/** The problem a row has whose code is of an area now in several of `vintage` (split or merged). */
export const notPlacedProblem = (vintage: LsoaVintage): string =>
  vintage === '2021'
    ? 'an LSOA 2011 code of an area split at the 2021 census: which LSOA 2021 the row is in cannot be told from it'
    : 'an LSOA 2021 code of an area made of several LSOA 2011 areas: which one the row is in cannot be told from it';

const rowsInWords = (n: number): string => `${countInWords(n)} ${n === 1 ? 'row' : 'rows'}`;

/** Where the codes are: a file imported once, or a linked table read again at each computation. */
export type CodesHolder = 'file' | 'table';

export function readNote(
  vintage: LsoaVintage,
  read: { rows: number; codes: number },
  lookupFile: string | null,
  holder: CodesHolder = 'file',
): string {
  const other = otherThan(vintage);
  const became = vintage === '2021' ? 'the LSOA 2021 area it became' : 'the LSOA 2011 area it was part of';
  const from = lookupFile ? ` (${lookupFile})` : '';
  const [had, was] = holder === 'file' ? ['had', 'was'] : ['have', 'is'];
  return `${rowsInWords(read.rows)} ${had} LSOA ${other} codes of areas changed at the 2021 census (${countInWords(read.codes)} different ${read.codes === 1 ? 'code' : 'codes'}), in a ${holder} read as LSOA ${vintage} codes: each ${was} read as ${became}, through the ONS LSOA 2011 → 2021 lookup imported with the reference geography${from}.`;
}

export function notPlacedNote(
  vintage: LsoaVintage,
  notPlaced: { rows: number; codes: number },
  holder: CodesHolder = 'file',
): string {
  const other = otherThan(vintage);
  const codes = notPlaced.codes;
  const what =
    vintage === '2021'
      ? 'areas split into several LSOA 2021 areas at the 2021 census'
      : 'areas made at the 2021 census of several LSOA 2011 areas';
  const remedy =
    holder === 'file'
      ? `, and are listed as problems. To place them, ask for the extract with LSOA ${vintage} codes, or with postcodes instead of LSOA codes (Parity looks them up in the postcode directory).`
      : `. To place them, give the table's lsoa_code column LSOA ${vintage} codes, looked up from each person's postcode in the warehouse.`;
  return `${rowsInWords(notPlaced.rows)} have LSOA ${other} codes of ${what} (${countInWords(codes)} different ${codes === 1 ? 'code' : 'codes'}): which LSOA ${vintage} each row's person lives in cannot be told from the code, so they count as "Not known" by deprivation, place and ward${remedy}`;
}

/**
 * Finds the codes of the other vintage in the staged file's LSOA column, whose codes are read as
 * `vintage`, when the lookup has been imported, and writes those to read as one area to `outFile`.
 * Null when there is no lookup or no such code.
 */
export async function readOtherVintageCodes(
  store: AnalyticsStore,
  staged: { parquet: string; columns: { name: string; type: string }[] },
  lsoaColumn: string,
  vintage: LsoaVintage,
  outFile: string,
): Promise<OtherVintageCodes | null> {
  const lookup = lsoaLookupFile(store);
  const type = staged.columns.find((c) => c.name === lsoaColumn)?.type;
  if (!lookup || type !== 'VARCHAR') return null;
  const column = sourceColumn(lsoaColumn);
  const other = `(${otherVintageCodesSql(`read_parquet(${literal(lookup)})`, vintage)})`;
  const held = await store.query<CodeHeld>(
    `SELECT o.code, o.area, o.areas, h.n FROM (
       SELECT ${lsoaSql(column)} AS code, count(*) AS n FROM read_parquet(${literal(staged.parquet)}) GROUP BY 1
     ) h JOIN ${other} o ON o.code = h.code ORDER BY o.code`,
  );
  if (held.length === 0) return null;
  const single = held.filter((c) => Number(c.areas) === 1);
  const several = held.filter((c) => Number(c.areas) > 1);
  const sum = (codes: CodeHeld[]) => codes.reduce((total, c) => total + Number(c.n), 0);
  const read = { rows: sum(single), codes: single.length };
  const notPlaced = { rows: sum(several), codes: several.map((c) => c.code) };
  const notes: string[] = [];
  let codesRead: CodesRead | null = null;
  if (single.length) {
    await store.run(
      `COPY (SELECT code, area FROM ${other} x WHERE areas = 1) TO ${literal(outFile)} (FORMAT parquet)`,
    );
    codesRead = { column: lsoaColumn, file: outFile };
    notes.push(readNote(vintage, read, sourceFileOf(lookup)));
  }
  if (several.length) notes.push(notPlacedNote(vintage, { rows: notPlaced.rows, codes: several.length }));
  return { codesRead, read, notPlaced, notes };
}
