// Ethnic groups a linked PostgreSQL table holds otherwise than as Parity's codes ("White British",
// "H - Indian", "Asian or Asian British: Pakistani", the census's labels): read when the table is
// linked, value by value, as an import reads them (ethnicCodeSql), and turned into codes in each
// query by a CASE over those values. Reading each row's text in the query instead made PostgreSQL
// misjudge the groups and sort (2.5 times the time of a table of codes), and a join to a table of
// the values took 1.7 times; the CASE over the values found takes 1.04 times
// (bench/linked-values.ts).
import { countInWords } from '../in-words.ts';
import type { PostgresSource } from '../postgres-source.ts';
import { inListSql, literal } from '../sql-text.ts';
import type { AnalyticsStore } from '../store.ts';
import { ethnicCategories } from './ethnicity.ts';
import { ethnicCodeSql } from './standardise.ts';
import { MOST_VALUES_READ, mostHeldSql, readMostHeld, rowsHolding } from './values-read.ts';

/** Parity's ethnic category codes: the NHS Data Dictionary's, and its own for a group alone. */
const ethnicCodes = ethnicCategories.map((c) => c.code);

/** Rows whose ethnic_code is given but is not one of Parity's codes. */
export const otherEthnicValueSql = (column: string): string => {
  const value = `CAST(${column} AS VARCHAR)`;
  return `(${column} IS NOT NULL AND trim(${value}) <> '' AND NOT ${inListSql(value, ethnicCodes)})`;
};

/** The ethnic group of a value read as an import reads an NHS ethnic category column, or else as the census's groups written out (ONS 2021). */
const ethnicValueSql = `COALESCE(${ethnicCodeSql('value', 'nhs')}, ${ethnicCodeSql('value', 'ons2021')})`;

export interface OtherEthnicValues {
  /** Value → code, for the values read. */
  read: Record<string, string>;
  /** The rows of the values read. */
  readRows: number;
  /** The value of most rows that was read, if any. */
  readExample: string | null;
  /** The value of most rows that could not be read, if any. */
  unreadExample: string | null;
  /** Whether the table has more different values than were read. */
  more: boolean;
}

/** The values of a linked table's ethnic_code that are not codes, read (the table as SQL). */
export async function readOtherEthnicValues(
  source: PostgresSource,
  store: AnalyticsStore,
  table: string,
): Promise<OtherEthnicValues> {
  const { values, more } = await readMostHeld<{ code: string | null }>(
    source,
    store,
    mostHeldSql(table, 'CAST(a.ethnic_code AS VARCHAR)', otherEthnicValueSql('a.ethnic_code')),
    { code: ethnicValueSql },
  );
  const read = values.filter((v) => v.code !== null);
  return {
    read: Object.fromEntries(read.map((v) => [v.value, v.code!])),
    readRows: rowsHolding(read),
    readExample: read[0]?.value ?? null,
    unreadExample: values.find((v) => v.code === null)?.value ?? null,
    more,
  };
}

/** The link report's notes on them, of `rows` rows whose ethnic_code is not a code. */
export function ethnicValuesNotes(values: OtherEthnicValues, rows: number): string[] {
  const rowsHave = (n: number) => (n === 1 ? '1 row has' : `${countInWords(n)} rows have`);
  const notes: string[] = [];
  const read = Object.keys(values.read).length;
  if (values.readRows && values.readExample !== null) {
    const kinds = read === 1 ? '1 value' : `${read} different values`;
    const example = values.readExample;
    notes.push(
      `${rowsHave(values.readRows)} an ethnic group written otherwise than as an NHS ethnic category code (${kinds}, for example "${example}", read as ${values.read[example]}): read as an import reads it. The values were read when the table was linked; link it again to read values added since, which count as not stated or not known until then.`,
    );
  }
  const unread = rows - values.readRows;
  if (unread) {
    const example = values.unreadExample === null ? '' : ` (for example "${values.unreadExample}")`;
    const more = values.more
      ? ` The table has more than ${MOST_VALUES_READ} different values that are not codes, and Parity read the ${MOST_VALUES_READ} of most rows.`
      : '';
    notes.push(
      `${rowsHave(unread)} an ethnic_code Parity cannot read as an ethnic group${example}: counted as not stated or not known.${more} A view can turn a warehouse's own values into the codes.`,
    );
  }
  return notes;
}

/** The table's ethnic_code, with the values read at the link turned into their codes. */
export function linkedEthnicSql(column: string, read: Record<string, string>): string {
  const values = Object.entries(read);
  if (values.length === 0) return column;
  const value = `CAST(${column} AS VARCHAR)`;
  const whens = values.map(([v, code]) => `WHEN ${literal(v)} THEN ${literal(code)}`);
  return `CASE ${value} ${whens.join(' ')} ELSE ${value} END`;
}
