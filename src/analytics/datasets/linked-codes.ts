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
import { flagSql, measureSql } from './standardise.ts';
import { heldValues, MOST_VALUES_READ, readValues, type HeldValue } from './values-read.ts';

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
  found: readonly HeldValue[],
  id: CodingId,
): Promise<Record<string, number | null> | null> {
  const read = await readValues<{ measure: number | null; failing: boolean }>(store, found, {
    measure: codedMeasureSql('value', id),
    failing: codedMeasureFailingSql('value', id),
  });
  // Plain numbers are stages already: a column of them alone is not taken for codes.
  const plain = (value: string) => measureCodings[id].numbersAreValues && /^\s*\d+\s*$/.test(value);
  const rowsWhere = (test: (r: (typeof read)[number]) => boolean) =>
    read.reduce((sum, r) => (test(r) ? sum + r.n : sum), 0);
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
  found: readonly HeldValue[],
  read: (column: string) => string,
): Promise<{ values: Record<string, number>; unread: string | null }> {
  const values = await readValues<{ number: number | null }>(store, found, { number: read('value') });
  return {
    values: Object.fromEntries(
      values.filter((v) => v.number !== null).map((v) => [v.value, Number(v.number)]),
    ),
    unread: values.find((v) => v.number === null)?.value ?? null,
  };
}

/** PostgreSQL's types of numbers (and booleans): a column of another type holds text. */
export const numericTypes = /^(smallint|integer|bigint|numeric|real|double precision|boolean)$/;

const isText = (column: TableColumn) => !numericTypes.test(column.type);

const distinctValues = (source: PostgresSource, table: string, column: string) =>
  heldValues(source, valuesSql(table, column));

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
 * Whether a column could hold the coding's codes: text may; numbers only when some are above 1 (a
 * measure of 1 and 0 holds none: counting its values by value took 0.65 s of a 2-million-row link,
 * finding its largest 0.35 s), and never stages, whose plain numbers are stages already; booleans never.
 */
async function mayHoldCodes(
  source: PostgresSource,
  table: string,
  column: TableColumn,
  coding: CodingId,
): Promise<boolean> {
  if (isText(column)) return true;
  if (column.type === 'boolean' || measureCodings[coding].numbersAreValues) return false;
  const [row] = await source.run(`SELECT MAX(a.${sourceColumn(column.name)}) AS most FROM ${table} a`);
  return Number(row?.most ?? 0) > 1;
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
): Promise<Record<string, LinkedCodedMeasure & { coding: CodingId }>> {
  const names = new Set(columns.map((c) => c.name));
  const coded: Record<string, LinkedCodedMeasure & { coding: CodingId }> = {};
  for (const column of columns)
    for (const coding of codingIds) {
      const measure = measureCodings[coding].measure;
      const own = column.name === measure;
      if (coded[measure] || (!own && (names.has(measure) || !namesCoding(column.name, coding)))) continue;
      if (!(await mayHoldCodes(source, table, column, coding))) continue;
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
