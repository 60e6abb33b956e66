// Which LSOA codes (2011 or 2021) a file uses when neither the person nor the column's heading
// says: the codes themselves are looked up in the reference geography of each vintage. When one of
// them does say, the codes are looked up too, to say so if they are the other vintage's.
import type { LsoaVintage } from '../geography/model.ts';
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { lsoaSql } from './standardise.ts';

export interface VintageFromCodes {
  vintage: LsoaVintage;
  /** Different codes in the sample, and how many of them each vintage's geography knows. */
  codes: number;
  known2011: number;
  known2021: number;
  /** Whether the reference geography has any LSOAs of each vintage at all. */
  loaded2011: boolean;
  loaded2021: boolean;
}

/**
 * The vintage that knows more of the different codes in the first 100,000 rows; 2021 when both
 * know as many (most codes are the same in both). Null without reference geography to look in.
 */
export async function lsoaVintageFromCodes(
  store: AnalyticsStore,
  parquet: string,
  column: string,
  geography: string | null,
): Promise<VintageFromCodes | null> {
  if (!geography) return null;
  const c = sourceColumn(column);
  const known = (vintage: LsoaVintage) =>
    `SUM(CASE WHEN code IN (SELECT lsoa_code FROM ${geography} WHERE vintage = ${literal(vintage)}) THEN 1 ELSE 0 END)`;
  const loaded = (vintage: LsoaVintage) =>
    `(SELECT count(*) FROM ${geography} WHERE vintage = ${literal(vintage)}) > 0`;
  const [row] = await store.query(
    `SELECT count(*) AS codes, ${known('2011')} AS known2011, ${known('2021')} AS known2021,
       ${loaded('2011')} AS loaded2011, ${loaded('2021')} AS loaded2021
     FROM (SELECT DISTINCT ${lsoaSql(c)} AS code FROM (SELECT ${c} FROM read_parquet(${literal(parquet)}) LIMIT 100000) sample) codes
     WHERE code IS NOT NULL`,
  );
  const counts = {
    codes: Number(row?.codes ?? 0),
    known2011: Number(row?.known2011 ?? 0),
    known2021: Number(row?.known2021 ?? 0),
    loaded2011: Boolean(row?.loaded2011),
    loaded2021: Boolean(row?.loaded2021),
  };
  return { vintage: counts.known2011 > counts.known2021 ? '2011' : '2021', ...counts };
}

/**
 * What the import report says when the codes decided the vintage and some of them suggest the other
 * one; nothing when 2021 stands and no code is a 2011 one, or when the geography has LSOAs of one
 * vintage only (there was nothing to choose between).
 */
export function vintageNote(found: VintageFromCodes): string | null {
  if (found.known2011 === found.known2021 || found.known2011 === 0) return null;
  const other = otherThan(found.vintage);
  if (!(other === '2011' ? found.loaded2011 : found.loaded2021)) return null;
  return codesNote(found, found.vintage, '');
}

const otherThan = (vintage: LsoaVintage): LsoaVintage => (vintage === '2011' ? '2021' : '2011');

/** How many of the different codes the geography of `vintage` knows. */
const knownBy = (found: VintageFromCodes, vintage: LsoaVintage): number =>
  vintage === '2011' ? found.known2011 : found.known2021;

function codesNote(found: VintageFromCodes, read: LsoaVintage, why: string): string {
  const other = otherThan(read);
  return `The LSOA codes were read as ${read} codes${why}: of the ${found.codes} different codes in the first rows, the LSOA ${read} geography knows ${knownBy(found, read) || 'none'} and the ${other} geography ${knownBy(found, other) || 'none'}. If the file uses ${other} codes, choose "${other} LSOA codes" under "Say which columns to use" on the import form (or, on the command line, give "lsoaVintage": "${other}" in the mapping).`;
}

/**
 * What the import report says when the vintage was given (`by`: the mapping, or the column's
 * heading) and the other vintage's geography knows more of the codes: a column headed LSOA11CD that
 * holds 2021 codes, say. The codes are still read as given. Null when the given vintage knows as many.
 */
export function givenVintageNote(
  found: VintageFromCodes,
  given: LsoaVintage,
  by: { heading: string } | 'mapping',
): string | null {
  if (knownBy(found, otherThan(given)) <= knownBy(found, given)) return null;
  const why = by === 'mapping' ? ', as the import was told' : `, as the heading "${by.heading}" says`;
  return codesNote(found, given, why);
}
