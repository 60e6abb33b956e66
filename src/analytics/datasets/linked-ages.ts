// Ages a linked PostgreSQL table holds as text. Whole numbers from 0 to 120 written as such ("45")
// are cast in each query, after a test against the list of them (PostgreSQL hashes the list; a
// regular expression in each row cost several times the query). Other values ("45 years",
// "18 months", "<1", "90+", "7003", "34.7", " 45") are read when the table is linked, value by
// value, as an import reads them (ageSql), and turned into ages in each query by a CASE over those
// values, as ethnic groups are (linked-ethnicity.ts).
import { countInWords } from '../in-words.ts';
import type { PostgresSource } from '../postgres-source.ts';
import { inListSql, literal } from '../sql-text.ts';
import type { AnalyticsStore } from '../store.ts';
import { ageSql, notKnownSql } from './standardise.ts';
import { MOST_VALUES_READ, mostHeldSql, readMostHeld, rowsHolding } from './values-read.ts';

/** The ages from 0 to 120 as whole numbers write them: "0" to "120". */
const wholeYears = Array.from({ length: 121 }, (_v, age) => String(age));

/** Whether the text is an age in whole years from 0 to 120, written as a number is. */
const wholeYearsSql = (column: string): string => `(${inListSql(column, wholeYears)})`;

export interface LinkedAges {
  /** Value → age in completed years, for the values read. */
  read: Record<string, number>;
  readRows: number;
  readExample: string | null;
  /** Rows of values that are not ages (written as not known, "Unknown", excepted). */
  unreadRows: number;
  unreadExample: string | null;
  /** Whether the table has more different values than were read. */
  more: boolean;
}

/** The ages of a linked table's age column of text that are not whole numbers, read. */
export async function readLinkedAges(
  source: PostgresSource,
  store: AnalyticsStore,
  table: string,
): Promise<LinkedAges> {
  const age = 'CAST(a.age AS text)';
  const { values, more } = await readMostHeld<{ age: number | null; not_known: boolean }>(
    source,
    store,
    mostHeldSql(table, age, `trim(${age}) <> '' AND NOT ${wholeYearsSql(age)}`),
    { age: ageSql('value', 'text'), not_known: notKnownSql('value') },
  );
  const read = values.filter((v) => v.age !== null);
  const unread = values.filter((v) => v.age === null && !v.not_known);
  return {
    read: Object.fromEntries(read.map((v) => [v.value, Number(v.age)])),
    readRows: rowsHolding(read),
    readExample: read[0]?.value ?? null,
    unreadRows: rowsHolding(unread),
    unreadExample: unread[0]?.value ?? null,
    more,
  };
}

/** The link report's notes on an age column of text. */
export function linkedAgesNotes(ages: LinkedAges): string[] {
  const rowsHave = (n: number) => (n === 1 ? '1 row has' : `${countInWords(n)} rows have`);
  const notes: string[] = [];
  const kinds = Object.keys(ages.read).length;
  if (ages.readExample !== null)
    notes.push(
      `${rowsHave(ages.readRows)} an age written otherwise than in whole years (${kinds === 1 ? '1 value' : `${kinds} different values`}, for example "${ages.readExample}", read as ${ages.read[ages.readExample]}): read as an import reads it. The values were read when the table was linked; link it again to read values added since, which count as having no age until then.`,
    );
  if (ages.unreadRows) {
    const more = ages.more
      ? ` The table has more than ${MOST_VALUES_READ} different ages written otherwise than in whole years, and Parity read the ${MOST_VALUES_READ} of most rows.`
      : '';
    notes.push(
      `${rowsHave(ages.unreadRows)} an age Parity cannot read (for example "${ages.unreadExample}"): counted as having no age.${more}`,
    );
  }
  return notes;
}

/** The table's age column of text as ages in completed years (PostgreSQL). */
export function linkedAgeSql(column: string, read: Record<string, number> = {}): string {
  const whens = Object.entries(read).map(([value, age]) => `WHEN ${literal(value)} THEN ${age}`);
  const others = whens.length ? ` ELSE CASE ${column} ${whens.join(' ')} END` : '';
  return `CASE WHEN ${wholeYearsSql(column)} THEN CAST(${column} AS INTEGER)${others} END`;
}
