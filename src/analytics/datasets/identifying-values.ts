// Columns that identify people found by their values, whatever their headings: a column of NHS
// numbers headed "Patient ID", of full postcodes headed "PC", of e-mail addresses headed "Contact",
// of names headed "Client". Headings are judged in headings.ts; what is found here is left out of an
// import in the same way.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { isNhsNumber } from './pseudonym.ts';
import { postcodeKey } from '../geography/postcodes.ts';
import { holdsPersonNames } from './person-names.ts';

/**
 * A full UK postcode in capitals without its space (LE15WW, SW1A1AA): outward code, then the
 * inward code's sector digit and two letters (never C, I, K, M, O or V). One pattern for the
 * sample read here and for the import's SQL (lsoa-from-postcode.ts).
 */
export const FULL_POSTCODE = '[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2}';
const fullPostcode = new RegExp(`^${FULL_POSTCODE}$`);

/**
 * A full UK postcode (outward and inward code, with or without the space): "LE1 5WW", "le15ww",
 * "SW1A 1AA". A postcode district ("LE1") or sector ("LE1 5") is not one.
 */
export const isFullPostcode = (value: string): boolean => fullPostcode.test(postcodeKey(value));

export const isEmailAddress = (value: string): boolean => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.trim());

/**
 * A UK telephone number written with its leading 0 or +44 (spaces, hyphens and brackets aside):
 * "0116 258 7000", "07700 900123", "+44 (0)7700 900123". A number stored without its 0 is not one,
 * as it cannot be told from other numbers.
 */
export function isTelephoneNumber(value: string): boolean {
  if (!/^[\d\s()+-]+$/.test(value)) return false;
  const digits = value.replace(/[\s()-]/g, '').replace(/^(\+44|0044)0?/, '0');
  return /^0[1-37-9]\d{8,9}$/.test(digits);
}

const STREET =
  'road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|crescent|court|place|gardens|grove|terrace|walk|hill|row|square|mews|rise|view|green';
const streetAddress = new RegExp(
  `^((flat|apartment|unit) \\w+,? )?\\d+[a-z]?,? [a-z' .-]+ (${STREET})\\b`,
  'i',
);

/** A first line of an address: a house number, then a street ("12 High Street", "Flat 3, 4a Mill Lane"). */
export const isStreetAddress = (value: string): boolean =>
  streetAddress.test(value.trim().replace(/\s+/g, ' '));

const SHARE = 0.9;
const mostly =
  (test: (value: string) => boolean) =>
  (values: string[]): boolean =>
    values.filter(test).length >= SHARE * values.length;

/** What a column holds, by test of its values, in the words identifyingColumn (headings.ts) uses. */
const valueKinds: [string, (values: string[]) => boolean][] = [
  ['NHS numbers', mostly(isNhsNumber)],
  ['postcodes', mostly(isFullPostcode)],
  ['e-mail addresses', mostly(isEmailAddress)],
  ['telephone numbers', mostly(isTelephoneNumber)],
  ['addresses', mostly(isStreetAddress)],
  ['names', holdsPersonNames],
];

const SAMPLE_VALUES = 1000;

/**
 * Each column's first 1,000 values, trimmed, blanks aside: read past the blanks, so that a column
 * empty in the first rows (filled in later, or given only by later files) is judged too. One query.
 */
export async function firstValuesOf(
  store: AnalyticsStore,
  parquet: string,
  columns: readonly { name: string }[],
): Promise<Map<string, string[]>> {
  const values = new Map(columns.map((c) => [c.name, [] as string[]]));
  if (columns.length === 0) return values;
  const firstValues = columns.map((c, i) => {
    const value = `trim(CAST(${sourceColumn(c.name)} AS VARCHAR))`;
    return `(SELECT ${i} AS i, ${value} AS v FROM read_parquet(${literal(parquet)}) WHERE ${value} <> '' LIMIT ${SAMPLE_VALUES})`;
  });
  const sample = await store.query<{ i: number; v: string }>(firstValues.join(' UNION ALL '));
  for (const { i, v } of sample) values.get(columns[Number(i)]!.name)!.push(v);
  return values;
}

/**
 * The columns at least 90% of whose first values (`firstValues`) are NHS numbers (ten digits with
 * a valid check digit, which a random ten-digit number has one time in eleven), full postcodes,
 * e-mail addresses, telephone numbers or first lines of addresses, or people's names
 * (person-names.ts), with what they hold.
 */
export function identifyingValueColumns(firstValues: ReadonlyMap<string, string[]>): Map<string, string> {
  const found = new Map<string, string>();
  for (const [column, values] of firstValues) {
    if (values.length === 0) continue;
    const kind = valueKinds.find(([, holds]) => holds(values));
    if (kind) found.set(column, kind[0]);
  }
  return found;
}
