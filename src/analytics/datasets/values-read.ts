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

/** The values a query of `value` and `n` (its rows) gives, from the linked table. */
export const heldValues = async (source: PostgresSource, sql: string): Promise<HeldValue[]> =>
  (await source.run(sql)).map((r) => ({ value: String(r.value), n: Number(r.n) }));

/** Each value with what each expression (SQL over the column `value`) gives for it. */
export async function readValues<T extends Record<string, unknown>>(
  store: AnalyticsStore,
  found: readonly HeldValue[],
  expressions: { [K in keyof T]: string },
): Promise<(HeldValue & T)[]> {
  if (found.length === 0) return [];
  const rows = found.map((f) => `(${literal(f.value)}, ${f.n})`).join(', ');
  const selected = Object.entries(expressions).map(([name, sql]) => `${sql} AS ${name}`);
  const read = await store.query<HeldValue & T>(
    `SELECT value, n, ${selected.join(', ')} FROM (VALUES ${rows}) v(value, n)`,
  );
  return read.map((r) => ({ ...r, n: Number(r.n) }));
}
