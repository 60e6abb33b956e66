// Columns that identify people found by their values, whatever their headings: a column of NHS
// numbers headed "Patient ID", of full postcodes headed "PC", of e-mail addresses headed "Contact".
// Headings are judged in headings.ts; what is found here is left out of an import in the same way.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { isNhsNumber } from './pseudonym.ts';
import { postcodeKey } from '../geography/postcodes.ts';

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

/** What a column holds, by test of its values, in the words identifyingColumn (headings.ts) uses. */
const valueKinds: [string, (value: string) => boolean][] = [
  ['NHS numbers', isNhsNumber],
  ['postcodes', isFullPostcode],
  ['e-mail addresses', isEmailAddress],
];

const SAMPLE_ROWS = 1000;
const SHARE = 0.9;

/**
 * The columns at least 90% of whose first 1,000 values (blanks aside) are NHS numbers (ten digits
 * with a valid check digit, which a random ten-digit number has one time in eleven), full postcodes
 * or e-mail addresses, with what they hold.
 */
export async function identifyingValueColumns(
  store: AnalyticsStore,
  parquet: string,
  columns: { name: string }[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (columns.length === 0) return found;
  const cells = columns.map((c, i) => `CAST(${sourceColumn(c.name)} AS VARCHAR) AS v${i}`);
  const sample = await store.query<Record<string, string | null>>(
    `SELECT ${cells.join(', ')} FROM read_parquet(${literal(parquet)}) LIMIT ${SAMPLE_ROWS}`,
  );
  columns.forEach((column, i) => {
    const values = sample.map((r) => r[`v${i}`]?.trim()).filter((v): v is string => !!v);
    if (values.length === 0) return;
    const kind = valueKinds.find(([, test]) => values.filter(test).length >= SHARE * values.length);
    if (kind) found.set(column.name, kind[0]);
  });
  return found;
}
