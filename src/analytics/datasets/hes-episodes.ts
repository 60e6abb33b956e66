// HES admitted patient care has a row for each consultant episode, and a stay in hospital may have
// several: an admission is counted once, at the first episode of its stay (EPIORDER 1). Parity counts
// rows, so an extract of every episode would count a stay of three episodes as three admissions. The
// import says how many rows are later episodes, so that the extract can be cut to first episodes.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { normaliseHeading } from './headings.ts';

export async function laterEpisodesNote(
  store: AnalyticsStore,
  parquet: string,
  columns: string[],
  /** Rows not imported (left-out-rows.ts). */
  leftOut: string,
): Promise<string | null> {
  const column = columns.find((c) => normaliseHeading(c) === 'epiorder');
  if (column === undefined) return null;
  const order = `TRY_CAST(NULLIF(trim(CAST(${sourceColumn(column)} AS VARCHAR)), '') AS INTEGER)`;
  const [row] = await store.query<{ n: number | bigint }>(
    `SELECT count(*) AS n FROM read_parquet(${literal(parquet)}) WHERE NOT ${leftOut} AND ${order} > 1`,
  );
  const n = Number(row?.n ?? 0);
  if (n === 0) return null;
  const rows = `${n.toLocaleString('en-GB')} ${n === 1 ? 'row is a later episode' : 'rows are later episodes'}`;
  return `The file has HES's episode order ("${column}"): ${rows} of a hospital stay (${column} 2 or more). Parity counts every row, so each later episode counts as another admission. An admission is counted once, at the first episode of its stay: to count admissions, import only the rows with ${column} 1.`;
}
