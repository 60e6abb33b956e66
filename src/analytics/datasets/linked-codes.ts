// Measures and flags a linked PostgreSQL table gives otherwise than as numbers. A column whose name
// says it holds the Data Dictionary's attendance codes ("attended_or_did_not_attend"), admission
// methods or cancer stages, where the table has no column of the measure itself (coded-measures.ts);
// and a measure an indicator reads, or a flag, held as text: yes/no words, or numbers written as
// text. As for ethnic groups (linked-ethnicity.ts), the different values are read when the table is
// linked, as an import reads them, and each query turns them into numbers by a CASE over those
// values: 1.05 times the time of a table of dna 1/0 (bench/linked-values.ts).
import type { PostgresSource, TableColumn } from '../postgres-source.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import type { AnalyticsStore } from '../store.ts';
import {
  codedMeasureFailingSql,
  codedMeasureSql,
  codingIds,
  measureCodings,
  namesCoding,
  SLIPS,
  type CodingId,
} from './coded-measures.ts';
import { MOST_VALUES_READ } from './linked-ethnicity.ts';
import { flagSql, measureSql } from './standardise.ts';

/** A measure or flag read from a column: each value found at the link, and what it gives. */
export interface LinkedCodedMeasure {
  column: string;
  /** A coding of the Data Dictionary's; a measure written as text; a flag written as text. */
  coding: CodingId | 'text-number' | 'text-flag';
  /** Value → the measure (null: neither, left out); values not listed give no value either. */
  values: Record<string, number | null>;
}

/** The table's different values of a column, the most rows first, with their rows. */
const valuesSql = (table: string, column: string): string => {
  const value = `CAST(a.${sourceColumn(column)} AS VARCHAR)`;
  return `SELECT ${value} AS value, COUNT(*) AS n FROM ${table} a WHERE ${value} IS NOT NULL AND trim(${value}) <> ''
   GROUP BY ${value} ORDER BY n DESC, value LIMIT ${MOST_VALUES_READ}`;
};

/**
 * Each value read with the coding, if the values are its codes but for a slip or two in a hundred
 * (as the import tells a coded column); null if they are not.
 */
async function readWithCoding(
  store: AnalyticsStore,
  found: { value: string; n: number }[],
  id: CodingId,
): Promise<Record<string, number | null> | null> {
  const rows = found.map((f) => `(${literal(f.value)}, ${f.n})`).join(', ');
  const read = await store.query<{ value: string; n: number; measure: number | null; failing: boolean }>(
    `SELECT value, n, ${codedMeasureSql('value', id)} AS measure, ${codedMeasureFailingSql('value', id)} AS failing
     FROM (VALUES ${rows}) v(value, n)`,
  );
  // Plain numbers are stages already: a column of them alone is not taken for codes.
  const plain = (value: string) => measureCodings[id].numbersAreValues && /^\s*\d+\s*$/.test(value);
  const rowsWhere = (test: (r: (typeof read)[number]) => boolean) =>
    read.reduce((sum, r) => (test(r) ? sum + Number(r.n) : sum), 0);
  const present = rowsWhere(() => true);
  const valued = rowsWhere((r) => r.measure !== null && !plain(r.value));
  if (valued === 0 || rowsWhere((r) => r.failing) > SLIPS * present) return null;
  return Object.fromEntries(
    read.filter((r) => !r.failing).map((r) => [r.value, r.measure === null ? null : Number(r.measure)]),
  );
}

/** Each value read by `read` (value → number), and one that does not read, if any. */
async function readAs(
  store: AnalyticsStore,
  found: { value: string; n: number }[],
  read: (column: string) => string,
): Promise<{ values: Record<string, number>; unread: string | null }> {
  const rows = found.map((f) => `(${literal(f.value)}, ${f.n})`).join(', ');
  const values = await store.query<{ value: string; n: number; number: number | null }>(
    `SELECT value, n, ${read('value')} AS number FROM (VALUES ${rows}) v(value, n)`,
  );
  const unread = values.filter((v) => v.number === null);
  return {
    values: Object.fromEntries(
      values.filter((v) => v.number !== null).map((v) => [v.value, Number(v.number)]),
    ),
    unread: unread.length ? unread[0]!.value : null,
  };
}

const isText = (column: TableColumn) =>
  !/^(smallint|integer|bigint|numeric|real|double precision|boolean)$/.test(column.type);

const distinctValues = async (source: PostgresSource, table: string, column: string) =>
  (await source.run(valuesSql(table, column))).map((r) => ({ value: String(r.value), n: Number(r.n) }));

export interface LinkedText {
  read: Record<string, LinkedCodedMeasure>;
  /** What the report says of each column read, or not read. */
  notes: string[];
}

/**
 * Of `columns` (not the standard ones), a measure an indicator reads (`numberFields`), or a flag,
 * held as text: read as numbers (yes/no as 1/0) if every value reads (flags: as 1 or 0); otherwise
 * the column stays text and the report says which value does not read.
 */
export async function readLinkedText(
  source: PostgresSource,
  store: AnalyticsStore,
  table: string,
  columns: TableColumn[],
  numberFields: ReadonlySet<string>,
): Promise<LinkedText> {
  const read: Record<string, LinkedCodedMeasure> = {};
  const notes: string[] = [];
  for (const column of columns.filter(isText)) {
    const flag = column.name.startsWith('flag_');
    if (!flag && !numberFields.has(column.name)) continue;
    const found = await distinctValues(source, table, column.name);
    if (found.length === 0) continue;
    if (found.length >= MOST_VALUES_READ) {
      notes.push(
        `The column "${column.name}" is text of ${MOST_VALUES_READ} or more different values, so it is not read as ${flag ? 'a flag' : 'numbers'}: give it as numbers (in a view, say).`,
      );
      continue;
    }
    const { values, unread } = await readAs(store, found, (c) => (flag ? flagSql(c) : measureSql(c)));
    if (unread !== null) {
      notes.push(
        `The column "${column.name}" is text that Parity cannot read as ${flag ? 'a flag (1 or 0, yes or no)' : 'numbers'} (for example "${unread}"), so it is not used as ${flag ? 'a flag' : 'a measure'}: give it as numbers (in a view, say).`,
      );
      continue;
    }
    read[column.name] = { column: column.name, coding: flag ? 'text-flag' : 'text-number', values };
    notes.push(
      `The column "${column.name}" holds ${flag ? 'a flag' : 'numbers'} as text (for example "${found[0]!.value}"): read as ${flag ? '1 or 0' : 'numbers'}, yes as 1 and no as 0, from its values when the table was linked; link it again to read values added since.`,
    );
  }
  return { read, notes };
}

/**
 * The table's columns of codes, read as the measures they give (measure → how): a column named as
 * a coding, where the table has no column of its measure, or the measure's own column when it
 * holds the codes (dna of attendance codes 3 and 5, say), as an import reads a column mapped so.
 */
export async function readLinkedCodes(
  source: PostgresSource,
  store: AnalyticsStore,
  table: string,
  columns: TableColumn[],
): Promise<Record<string, LinkedCodedMeasure>> {
  const names = new Set(columns.map((c) => c.name));
  const coded: Record<string, LinkedCodedMeasure> = {};
  for (const column of columns)
    for (const coding of codingIds) {
      const measure = measureCodings[coding].measure;
      const own = column.name === measure;
      if (coded[measure] || (!own && (names.has(measure) || !namesCoding(column.name, coding)))) continue;
      const found = await distinctValues(source, table, column.name);
      const values = found.length ? await readWithCoding(store, found, coding) : null;
      if (values) coded[measure] = { column: column.name, coding, values };
    }
  return coded;
}

/**
 * The measure in each query: the CASE over the values read, as an import stores it (a measure as
 * DOUBLE, a flag as INTEGER).
 */
export function linkedCodedSql(read: LinkedCodedMeasure): string {
  const type = read.coding === 'text-flag' ? 'INTEGER' : 'DOUBLE PRECISION';
  const whens = Object.entries(read.values)
    .filter(([, measure]) => measure !== null)
    .map(([value, measure]) => `WHEN ${literal(value)} THEN CAST(${measure} AS ${type})`);
  return `CASE CAST(t.${sourceColumn(read.column)} AS VARCHAR) ${whens.join(' ')} ELSE CAST(NULL AS ${type}) END`;
}
