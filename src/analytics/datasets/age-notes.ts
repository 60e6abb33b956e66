// Ages read other than as written, which the import says, so that an extract giving ages some other
// way is noticed: ages with a fraction (34.7, as the days between a birth date and the event over
// 365.25 give) are stored in completed years, HES's codes for babies under one year as age 0, and
// ages in words ("18 months", "90+") as the completed years they give, and an age written as not
// known ("Unknown") as no age.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import type { ColumnMapping } from './mapping.ts';
import {
  ageInWordsSql,
  ageNumberSql,
  ageValidSql,
  infantAgeCodeSql,
  notKnownSql,
  type ColumnKind,
} from './standardise.ts';

/** What the import says of the ages in the file it read other than as written. */
export async function agesReadNotes(
  store: AnalyticsStore,
  parquet: string,
  mapping: ColumnMapping,
  kinds: ReadonlyMap<string, ColumnKind>,
  /** Rows not imported (left-out-rows.ts). */
  leftOut: string,
): Promise<string[]> {
  const column = mapping.columns.age;
  if (!column) return [];
  const kind = kinds.get(column) ?? 'text';
  if (kind === 'number' && (await wholeAgesBelowCodes(store, parquet, column))) return [];
  const age = ageNumberSql(sourceColumn(column), kind);
  const fractional = `${ageValidSql(sourceColumn(column), kind)} AND ${age} <> floor(${age})`;
  const worded = ageInWordsSql(sourceColumn(column));
  const inWords =
    kind === 'text'
      ? `TRY_CAST(${sourceColumn(column)} AS DOUBLE) IS NULL AND ${worded} IS NOT NULL`
      : 'false';
  const notKnown = kind === 'text' ? notKnownSql(sourceColumn(column)) : 'false';
  // Each example is the first such age in the file, as the report's rows are numbered.
  const [row] = await store.query<{
    fractions: number | bigint;
    example: number | null;
    infants: number | bigint;
    worded: number | bigint;
    worded_example: string | null;
    worded_age: number | null;
    not_known: number | bigint;
    not_known_example: string | null;
  }>(
    `SELECT count(*) FILTER (WHERE ${fractional}) AS fractions,
        arg_min(${age}, file_row_number) FILTER (WHERE ${fractional}) AS example,
        count(*) FILTER (WHERE ${infantAgeCodeSql(sourceColumn(column), kind)}) AS infants,
        count(*) FILTER (WHERE ${inWords}) AS worded,
        arg_min(trim(CAST(${sourceColumn(column)} AS VARCHAR)), file_row_number) FILTER (WHERE ${inWords}) AS worded_example,
        arg_min(${kind === 'text' ? worded : 'NULL'}, file_row_number) FILTER (WHERE ${inWords}) AS worded_age,
        count(*) FILTER (WHERE ${notKnown}) AS not_known,
        arg_min(trim(CAST(${sourceColumn(column)} AS VARCHAR)), file_row_number) FILTER (WHERE ${notKnown}) AS not_known_example
      FROM read_parquet(${literal(parquet)}, file_row_number = true)
      WHERE NOT ${leftOut}`,
  );
  const notes: string[] = [];
  const fractions = Number(row?.fractions ?? 0);
  if (fractions > 0 && row?.example != null)
    notes.push(fractionsNote(column, fractions, Number(row.example)));
  const infants = Number(row?.infants ?? 0);
  if (infants > 0) notes.push(infantsNote(column, infants));
  const inWordsCount = Number(row?.worded ?? 0);
  if (inWordsCount > 0 && row?.worded_example != null && row.worded_age != null)
    notes.push(inWordsNote(column, inWordsCount, row.worded_example, Number(row.worded_age)));
  const notKnownCount = Number(row?.not_known ?? 0);
  if (notKnownCount > 0 && row?.not_known_example != null)
    notes.push(notKnownNote(column, notKnownCount, row.not_known_example));
  return notes;
}

const WHOLE_NUMBER_TYPES = [
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'HUGEINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
];

/**
 * Whether a column of numbers holds whole numbers all below HES's codes for babies (7001 on), so
 * that no age in it is read other than as written: its type and largest value, which DuckDB reads
 * from the Parquet file's statistics in a few milliseconds. The ages' own query reads every row
 * (and every column, to leave out blank rows): 0.3–0.9 s on 10 million rows.
 */
async function wholeAgesBelowCodes(store: AnalyticsStore, parquet: string, column: string): Promise<boolean> {
  const [row] = await store.query<{ top: number | bigint | null; type: string }>(
    `SELECT max(${sourceColumn(column)}) AS top, typeof(max(${sourceColumn(column)})) AS type FROM read_parquet(${literal(parquet)})`,
  );
  return (
    row !== undefined && WHOLE_NUMBER_TYPES.includes(row.type) && (row.top === null || Number(row.top) < 7001)
  );
}

function fractionsNote(column: string, n: number, example: number): string {
  const shown = Number(example.toFixed(2));
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'age in' : 'ages in'} "${column}" ${n === 1 ? 'has' : 'have'} a fraction (such as ${shown}) and ${n === 1 ? 'was' : 'were'} read in completed years (${Math.floor(example)}), as ages are counted.`;
}

const infantsNote = (column: string, n: number): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? 'age in' : 'ages in'} "${column}" ${n === 1 ? 'is' : 'are'} HES's ${n === 1 ? 'code' : 'codes'} for a baby under one year (7001 to 7007, the age in days) and ${n === 1 ? 'was' : 'were'} read as age 0.`;

function inWordsNote(column: string, n: number, example: string, age: number): string {
  const ages = n === 1 ? 'age in' : 'ages in';
  return `${n.toLocaleString('en-GB')} ${ages} "${column}" ${n === 1 ? 'is' : 'are'} written in words or as a top band (such as "${example}") and ${n === 1 ? 'was' : 'were'} read in completed years ("${example}" as ${age}).`;
}

const notKnownNote = (column: string, n: number, example: string): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? 'age in' : 'ages in'} "${column}" ${n === 1 ? 'is' : 'are'} written as not known (such as "${example}") and ${n === 1 ? 'was' : 'were'} counted as not known by age.`;
