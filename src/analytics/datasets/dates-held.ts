// The first and last date of a dataset's rows, kept with its fields so that its pages can say what
// period it covers (and what an extract added to it should follow).
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';

/** ISO dates (yyyy-mm-dd). */
export interface DatesHeld {
  first: string;
  last: string;
}

/** The first and last event date of a dataset's stored rows; null when none is dated. */
export async function datesHeld(store: AnalyticsStore, parquet: string): Promise<DatesHeld | null> {
  const [row] = await store.query<{ first: string | null; last: string | null }>(
    `SELECT CAST(min(event_date) AS VARCHAR) AS first, CAST(max(event_date) AS VARCHAR) AS last FROM read_parquet(${literal(parquet)})`,
  );
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/** The dates of two sets of rows as one. */
export function datesTogether(a: DatesHeld | undefined, b: DatesHeld | undefined): DatesHeld | undefined {
  if (!a || !b) return a ?? b;
  return { first: a.first < b.first ? a.first : b.first, last: a.last > b.last ? a.last : b.last };
}
