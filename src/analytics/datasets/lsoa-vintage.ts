// Which LSOA codes (2011 or 2021) a file uses when neither the person nor the column's heading
// says: the codes themselves are looked up in the reference geography of each vintage. When one of
// them does say, the codes are looked up too, to say so if they are the other vintage's.
import type { LsoaVintage } from '../geography/model.ts';
import { countInWords } from '../in-words.ts';
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { lsoaSql } from './standardise.ts';

export interface VintageFromCodes {
  vintage: LsoaVintage;
  /** Different codes in the sample, and how many of them each vintage's geography knows. */
  codes: number;
  known2011: number;
  known2021: number;
  /** Of those, how many the geography of one vintage knows and the other's does not. */
  only2011: number;
  only2021: number;
  /** Whether the reference geography has any LSOAs of each vintage at all, and how many. */
  loaded2011: boolean;
  loaded2021: boolean;
  lsoas2011: number;
  lsoas2021: number;
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
  const knownBy = (vintage: LsoaVintage) =>
    `code IN (SELECT lsoa_code FROM ${geography} WHERE vintage = ${literal(vintage)})`;
  const known = (vintage: LsoaVintage) => `SUM(CASE WHEN ${knownBy(vintage)} THEN 1 ELSE 0 END)`;
  const only = (vintage: LsoaVintage, not: LsoaVintage) =>
    `SUM(CASE WHEN ${knownBy(vintage)} AND NOT ${knownBy(not)} THEN 1 ELSE 0 END)`;
  const held = (vintage: LsoaVintage) =>
    `(SELECT count(*) FROM ${geography} WHERE vintage = ${literal(vintage)})`;
  const [row] = await store.query(
    `SELECT count(*) AS codes, ${known('2011')} AS known2011, ${known('2021')} AS known2021,
       ${only('2011', '2021')} AS only2011, ${only('2021', '2011')} AS only2021,
       ${held('2011')} AS lsoas2011, ${held('2021')} AS lsoas2021
     FROM (SELECT DISTINCT ${lsoaSql(c)} AS code FROM (SELECT ${c} FROM read_parquet(${literal(parquet)}) LIMIT 100000) sample) codes
     WHERE code IS NOT NULL`,
  );
  const counts = {
    codes: Number(row?.codes ?? 0),
    known2011: Number(row?.known2011 ?? 0),
    known2021: Number(row?.known2021 ?? 0),
    only2011: Number(row?.only2011 ?? 0),
    only2021: Number(row?.only2021 ?? 0),
    lsoas2011: Number(row?.lsoas2011 ?? 0),
    lsoas2021: Number(row?.lsoas2021 ?? 0),
  };
  return {
    vintage: counts.known2011 > counts.known2021 ? '2011' : '2021',
    ...counts,
    loaded2011: counts.lsoas2011 > 0,
    loaded2021: counts.lsoas2021 > 0,
  };
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

export const otherThan = (vintage: LsoaVintage): LsoaVintage => (vintage === '2011' ? '2021' : '2011');

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

/**
 * What the import report says when the geography of the vintage read knows fewer than half of the
 * different codes in the first rows, and the other vintage's no more: the file is most likely of an
 * area whose reference geography has not been imported (a national extract against a local file).
 */
export function unknownAreasNote(found: VintageFromCodes, read: LsoaVintage): string | null {
  const known = knownBy(found, read);
  if (found.codes === 0 || known * 2 >= found.codes || knownBy(found, otherThan(read)) > known) return null;
  const held = (
    [
      [found.lsoas2021, '2021'],
      [found.lsoas2011, '2011'],
    ] as const
  )
    .filter(([count]) => count > 0)
    .map(([count, vintage], i) => `${countInWords(count)}${i === 0 ? ' LSOAs' : ''} of ${vintage}`);
  const knows = known === 0 ? 'none' : `only ${countInWords(known)}`;
  return `Most of the LSOA codes are not in the reference geography imported: of the ${countInWords(found.codes)} different codes in the first rows, it knows ${knows} (it holds ${held.join(' and ') || 'no LSOAs'}). Rows whose code it does not hold count as "Not known" by deprivation, place and ward. If the file covers another area, import the reference geography for it (the national deprivation file and lookups cover all of England), then import the file again.`;
}

/**
 * What the import report says when the first rows hold codes that only the geography of each
 * vintage knows (a file mixing 2011 and 2021 codes) and no LSOA 2011 → 2021 lookup has been
 * imported to read the other vintage's as the file's (lsoa-other-vintage.ts); null otherwise.
 */
export function mixedVintagesNote(found: VintageFromCodes, read: LsoaVintage): string | null {
  const other = otherThan(read);
  const onlyOther = other === '2011' ? found.only2011 : found.only2021;
  const onlyRead = read === '2011' ? found.only2011 : found.only2021;
  if (onlyOther === 0 || onlyRead === 0) return null;
  return `The file seems to mix LSOA codes of both vintages: of the ${countInWords(found.codes)} different codes in the first rows, ${onlyCodes(onlyOther, other)} and ${onlyCodes(onlyRead, read)}. The codes were read as ${read} codes, so the rows of the ${other} ones are reported as unknown codes. Import the ONS LSOA 2011 → 2021 lookup with the reference geography (it can be imported on its own), then import the file again: the codes of areas that became, or were part of, one ${read} area are then read as that area.`;
}

/** Codes of `vintage` only, in words: "1 is the LSOA 2011 code of an area changed at the 2021 census". */
function onlyCodes(count: number, vintage: LsoaVintage): string {
  const one = count === 1;
  const areas = vintage === '2011' ? 'changed at the 2021 census' : 'made at the 2021 census';
  return `${countInWords(count)} ${one ? `is the LSOA ${vintage} code of an area` : `are LSOA ${vintage} codes of areas`} ${areas}`;
}
