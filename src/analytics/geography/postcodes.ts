// Postcode → LSOA, from the ONS postcode directories as published (the National Statistics Postcode
// Lookup, NSPL, and the ONS Postcode Directory, ONSPD: ~2.7 million postcodes, ~50 columns, CSV), or
// a cut-down file with a postcode and LSOA code column(s). Extracts that hold a patient's postcode but
// no LSOA are linked through it. Terminated postcodes are kept: an old postcode's LSOA is still where
// it was. Each import replaces the whole lookup.
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { csvReader } from '../datasets/source.ts';
import type { GeographyFile } from './geography-files.ts';
import { geographyTables } from './model.ts';
import { GeographyFormatError } from './official-formats.ts';
import { recordSourceFile, sourceFileOf } from './source-record.ts';

export interface PostcodeColumns {
  postcode: string;
  lsoa2011: string | undefined;
  lsoa2021: string | undefined;
  /** The date a postcode was terminated (NSPL/ONSPD `doterm`; blank while it is in use). */
  terminated: string | undefined;
}

/** How many postcodes the lookup holds, and how many of them have an LSOA code of each vintage. */
export interface PostcodeCounts {
  postcodes: number;
  withLsoa2011: number;
  withLsoa2021: number;
}

export interface PostcodeLookupSummary extends PostcodeCounts {
  /** The name of the file imported (null for a lookup written before it was recorded). */
  file: string | null;
}

const find = (columns: string[], patterns: RegExp[]): string | undefined =>
  patterns.map((p) => columns.find((c) => p.test(c.trim()))).find(Boolean);

/** In order of preference: pcds is the one-space form ("LE1 5WW"). */
const POSTCODE = [/^pcds$/i, /^pcd$/i, /^pcd2$/i, /^pcd7$/i, /^pcd8$/i, /^post ?code$/i, /^postcode_space$/i];
/** lsoa11, lsoa11cd, lsoa11_code, lsoa2011 … and the IoD's "LSOA code (2011)". */
const lsoaOf = (year: '11' | '21'): RegExp[] => [
  new RegExp(`^lsoa_?(20)?${year}_?(cd|code)?$`, 'i'),
  new RegExp(`^lsoa code \\(20${year}\\)$`, 'i'),
];

/** The columns of a postcode directory; a GeographyFormatError naming the file when it is not one. */
export function postcodeColumns(columns: string[], file: string): PostcodeColumns {
  const postcode = find(columns, POSTCODE);
  const lsoa2011 = find(columns, lsoaOf('11'));
  const lsoa2021 = find(columns, lsoaOf('21'));
  const missing = [
    postcode ? null : 'postcode column',
    lsoa2011 || lsoa2021 ? null : 'LSOA code column',
  ].filter((m): m is string => m !== null);
  if (!postcode || missing.length)
    throw new GeographyFormatError(
      `${file} has no ${missing.join(' and no ')}: the postcode directory needs a postcode column (pcds, pcd, pcd7, pcd8 or postcode) and an LSOA code column of 2021 or 2011 (lsoa21, lsoa21cd, lsoa11 or lsoa11cd), as the ONS postcode directories (NSPL, ONSPD) have them. Its columns: ${columns.slice(0, 12).join(', ')}`,
      'postcodes',
    );
  return { postcode, lsoa2011, lsoa2021, terminated: find(columns, [/^doterm$/i]) };
}

/**
 * A postcode as the lookup keeps it: in capitals without spaces or other marks ("le1 5ww" →
 * "LE15WW"). Postcodes of an extract are looked up as `postcodeKeySql` of them.
 */
export const postcodeKey = (postcode: string): string => postcode.replace(/[^A-Za-z0-9]/g, '').toUpperCase();

/** The SQL (DuckDB) of `postcodeKey`, for a text expression. */
export const postcodeKeySql = (expression: string): string =>
  `upper(regexp_replace(CAST(${expression} AS VARCHAR), '[^A-Za-z0-9]', '', 'g'))`;

/** An LSOA code, NULL when blank or one of ONS's pseudo-codes (L99999999: the Channel Islands …). */
const lsoaSql = (column: string | undefined): string =>
  column === undefined
    ? 'CAST(NULL AS VARCHAR)'
    : `CASE WHEN regexp_matches(upper(trim(${sourceColumn(column)})), '^[A-Z]99999999$') THEN NULL ELSE nullif(upper(trim(${sourceColumn(column)})), '') END`;

/** A postcode directory file given to the import, with its columns. */
export interface PostcodeFile {
  file: GeographyFile;
  columns: PostcodeColumns;
}

/** The postcodes of one file, keyed, with their LSOA codes and whether each is terminated. */
function readSql({ file, columns: c }: PostcodeFile): string {
  const terminated = c.terminated
    ? `CASE WHEN nullif(trim(${sourceColumn(c.terminated)}), '') IS NULL THEN 0 ELSE 1 END`
    : '0';
  return `SELECT ${postcodeKeySql(sourceColumn(c.postcode))} AS postcode, ${lsoaSql(c.lsoa2011)} AS lsoa_2011, ${lsoaSql(c.lsoa2021)} AS lsoa_2021, ${terminated} AS terminated FROM ${csvReader(file.path, true)}`;
}

/**
 * One row per postcode of all the files: of a postcode given twice, one in use (no `doterm`)
 * before a terminated one, then one with LSOA codes before one without.
 */
function lookupSql(files: PostcodeFile[]): string {
  const read = files.map(readSql).join('\n      UNION ALL ');
  return `SELECT postcode, best.lsoa_2011 AS lsoa_2011, best.lsoa_2021 AS lsoa_2021 FROM (
      SELECT postcode, arg_min({'lsoa_2011': lsoa_2011, 'lsoa_2021': lsoa_2021}, terminated * 4 + CASE WHEN lsoa_2021 IS NULL THEN 2 ELSE 0 END + CASE WHEN lsoa_2011 IS NULL THEN 1 ELSE 0 END) AS best
      FROM (${read}) r WHERE postcode IS NOT NULL AND postcode <> '' GROUP BY postcode
    ) p ORDER BY postcode`;
}

/** The files' names for the page: all of them, or the first three and how many more. */
function namesOf(files: PostcodeFile[]): string {
  const names = files.map((f) => f.file.name);
  return names.length <= 3
    ? names.join(', ')
    : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

async function countsOf(store: AnalyticsStore, parquet: string): Promise<PostcodeCounts> {
  const [row] = await store.query<{ postcodes: string; lsoa_2011: string; lsoa_2021: string }>(
    `SELECT count(*) AS postcodes, count(lsoa_2011) AS lsoa_2011, count(lsoa_2021) AS lsoa_2021 FROM read_parquet(${literal(parquet)})`,
  );
  return {
    postcodes: Number(row?.postcodes ?? 0),
    withLsoa2011: Number(row?.lsoa_2011 ?? 0),
    withLsoa2021: Number(row?.lsoa_2021 ?? 0),
  };
}

/**
 * Replaces the postcode lookup with that of `files` (the whole directory, or the files of some
 * postcode areas), in one pass over them (DuckDB streams the CSV, reading the columns needed, as
 * text). Files holding no postcode with an LSOA code are refused and the lookup kept. Returns what
 * the lookup now holds.
 */
export async function importPostcodes(store: AnalyticsStore, files: PostcodeFile[]): Promise<PostcodeCounts> {
  const target = store.geographyPath(geographyTables.postcodes);
  const next = `${target}.next`;
  const names = namesOf(files);
  try {
    await store.run(`COPY (${lookupSql(files)}) TO ${literal(next)} (FORMAT parquet)`);
    const counts = await countsOf(store, next);
    if (counts.withLsoa2011 + counts.withLsoa2021 === 0)
      throw new GeographyFormatError(
        counts.postcodes
          ? `${names}: none of ${files.length === 1 ? 'its' : 'their'} ${counts.postcodes} postcodes has an LSOA code, so the postcode lookup was left as it was`
          : `${names} ${files.length === 1 ? 'holds' : 'hold'} no postcodes, so the postcode lookup was left as it was`,
        'postcodes',
      );
    renameSync(next, target);
    recordSourceFile(target, names);
    return counts;
  } finally {
    rmSync(next, { force: true });
  }
}

/** What the postcode lookup holds, or null when none has been imported. */
export async function summarisePostcodes(store: AnalyticsStore): Promise<PostcodeLookupSummary | null> {
  const file = postcodeLookupFile(store);
  if (!file) return null;
  return { ...(await countsOf(store, file)), file: sourceFileOf(file) };
}

/**
 * The Parquet file of the postcode lookup (columns postcode, lsoa_2011, lsoa_2021; one row per
 * postcode, in postcode order), or null when none has been imported. Join an extract's postcodes to
 * it as `postcodeKeySql(column) = postcode`.
 */
export function postcodeLookupFile(store: AnalyticsStore): string | null {
  const file = store.geographyPath(geographyTables.postcodes);
  return existsSync(file) ? file : null;
}
