// The different values of a linked table's column, read in DuckDB with the import's own SQL: each
// value once, however many rows hold it (linked-ethnicity.ts, linked-codes.ts).
import type { PostgresSource } from '../postgres-source.ts';
import { literal } from '../sql-text.ts';
import type { AnalyticsStore } from '../store.ts';

/** A value of a column and the rows that hold it. */
export interface HeldValue {
  value: string;
  n: number;
}

/** The rows that hold any of `values`. */
export const rowsHolding = (values: readonly HeldValue[]): number => values.reduce((sum, v) => sum + v.n, 0);

/** The values a query of `value` and `n` (its rows) gives, from the linked table. */
export const heldValues = async (source: PostgresSource, sql: string): Promise<HeldValue[]> =>
  (await source.run(sql)).map((r) => ({ value: String(r.value), n: Number(r.n) }));

/** Each value with what each expression (SQL over the column `value`) gives for it, in order. */
export async function readValues<T extends Record<string, unknown>>(
  store: AnalyticsStore,
  found: readonly HeldValue[],
  expressions: { [K in keyof T]: string },
): Promise<(HeldValue & T)[]> {
  if (found.length === 0) return [];
  const rows = found.map((f, i) => `(${i}, ${literal(f.value)}, ${f.n})`).join(', ');
  const selected = Object.entries(expressions).map(([name, sql]) => `${sql} AS ${name}`);
  const read = await store.query<HeldValue & T>(
    `SELECT value, n, ${selected.join(', ')} FROM (VALUES ${rows}) v(i, value, n) ORDER BY i`,
  );
  return read.map((r) => ({ ...r, n: Number(r.n) }));
}

/** The most different values of a column read at a link: more is free text, which a view should code first. */
export const MOST_VALUES_READ = 200;

/**
 * SQL listing the different values of `value` (SQL over the table as `a`) in the rows `where`
 * keeps, with their rows, the most rows first: MOST_VALUES_READ of them and one more, which tells
 * that there are more.
 */
export const mostHeldSql = (table: string, value: string, where: string): string =>
  `SELECT ${value} AS value, COUNT(*) AS n FROM ${table} a WHERE ${where}
   GROUP BY ${value} ORDER BY n DESC, value LIMIT ${MOST_VALUES_READ + 1}`;

/**
 * The MOST_VALUES_READ values of most rows that `sql` (mostHeldSql) lists, the most rows first,
 * each read as readValues reads it; and whether the table has more.
 */
export async function readMostHeld<T extends Record<string, unknown>>(
  source: PostgresSource,
  store: AnalyticsStore,
  sql: string,
  expressions: { [K in keyof T]: string },
): Promise<{ values: (HeldValue & T)[]; more: boolean }> {
  const found = await heldValues(source, sql);
  const values = await readValues<T>(store, found.slice(0, MOST_VALUES_READ), expressions);
  return { values, more: found.length > MOST_VALUES_READ };
}
