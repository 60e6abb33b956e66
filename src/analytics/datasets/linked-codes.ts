// Measures a linked PostgreSQL table gives as the Data Dictionary's codes (coded-measures.ts): a
// column whose name says it holds attendance codes ("attended_or_did_not_attend"), admission methods
// or cancer stages, where the table has no column of the measure itself. As for ethnic groups
// (linked-ethnicity.ts), its different values are read when the table is linked, as an import reads
// them, and each query turns them into the measure by a CASE over those values: 1.05 times the time
// of a table of dna 1/0 (bench/linked-values.ts).
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

/** A measure read from a column of codes: each value found at the link, and what it gives. */
export interface LinkedCodedMeasure {
  column: string;
  coding: CodingId;
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

/** The table's columns of codes, read as the measures they give (measure → how). */
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
      if (names.has(measure) || coded[measure] || !namesCoding(column.name, coding)) continue;
      const found = (await source.run(valuesSql(table, column.name))).map((r) => ({
        value: String(r.value),
        n: Number(r.n),
      }));
      const values = found.length ? await readWithCoding(store, found, coding) : null;
      if (values) coded[measure] = { column: column.name, coding, values };
    }
  return coded;
}

/** The measure in each query: the CASE over the values read (DOUBLE, as an import stores it). */
export function linkedCodedSql(read: LinkedCodedMeasure): string {
  const whens = Object.entries(read.values)
    .filter(([, measure]) => measure !== null)
    .map(([value, measure]) => `WHEN ${literal(value)} THEN CAST(${measure} AS DOUBLE PRECISION)`);
  return `CASE CAST(t.${sourceColumn(read.column)} AS VARCHAR) ${whens.join(' ')} ELSE CAST(NULL AS DOUBLE PRECISION) END`;
}
