// Whether some of a file's person identifiers are values that name no one, which the import then
// stores as none: otherwise every such row would count as one person ("#N/A", "Unknown").
import { literal, sourceColumn } from '../sql-text.ts';
import type { AnalyticsStore } from '../store.ts';
import { personErrorValueSql } from './excel-errors.ts';
import { personNotKnownSql } from './person-not-known.ts';
import type { PersonValues } from './standardise.ts';

export async function personValuesIn(
  store: AnalyticsStore,
  parquet: string,
  /** The person identifier's column, when it is text. */
  column: string | undefined,
): Promise<PersonValues> {
  if (!column) return {};
  const relation = `read_parquet(${literal(parquet)})`;
  const c = sourceColumn(column);
  const [row] = await store.query<{ error_values: boolean; not_known: boolean }>(
    `SELECT EXISTS (${personErrorValueSql(relation, c)}) AS error_values, EXISTS (${personNotKnownSql(relation, c)}) AS not_known`,
  );
  return { errorValues: row?.error_values === true, notKnown: row?.not_known === true };
}
