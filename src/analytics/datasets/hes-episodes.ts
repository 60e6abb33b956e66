// HES admitted patient care has a row for each consultant episode, and a stay in hospital may have
// several: an admission is counted once, at the first episode of its stay (EPIORDER 1). Parity counts
// rows, so an extract of every episode would count a stay of three episodes as three admissions. The
// import says how many rows are later episodes; with the mapping's firstEpisodesOnly it leaves them
// out (left-out-rows.ts), counted, as a report's total lines are.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { normaliseHeading } from './headings.ts';

/** The file's column of HES's episode order, if it has one. */
export const episodeOrderColumn = (columns: Iterable<string>): string | undefined =>
  [...columns].find((c) => normaliseHeading(c) === 'epiorder');

/** True for a row that is a later episode of its stay (EPIORDER 2 or more). */
export const laterEpisodeSql = (column: string): string =>
  `COALESCE(TRY_CAST(NULLIF(trim(CAST(${sourceColumn(column)} AS VARCHAR)), '') AS INTEGER) > 1, false)`;

export async function laterEpisodesNote(
  store: AnalyticsStore,
  parquet: string,
  columns: string[],
  /** Rows not imported (left-out-rows.ts). */
  leftOut: string,
): Promise<string | null> {
  const column = episodeOrderColumn(columns);
  if (column === undefined) return null;
  const [row] = await store.query<{ n: number | bigint }>(
    `SELECT count(*) AS n FROM read_parquet(${literal(parquet)}) WHERE NOT ${leftOut} AND ${laterEpisodeSql(column)}`,
  );
  const n = Number(row?.n ?? 0);
  if (n === 0) return null;
  const rows = `${n.toLocaleString('en-GB')} ${n === 1 ? 'row is a later episode' : 'rows are later episodes'}`;
  return `The file has HES's episode order ("${column}"): ${rows} of a hospital stay (${column} 2 or more). Parity counts every row, so each later episode counts as another admission. An admission is counted once, at the first episode of its stay: to count admissions, import the file again with {"firstEpisodesOnly": true} under "Measures, flags and other settings" on the import form (or in the mapping, on the command line), which leaves the later episodes out.`;
}

export const laterEpisodesLeftOutNote = (column: string, n: number): string =>
  `${n === 1 ? '1 row was a later episode' : `${n.toLocaleString('en-GB')} rows were later episodes`} of a hospital stay (${column} 2 or more) and ${n === 1 ? 'was' : 'were'} left out, as the mapping's firstEpisodesOnly asks: each admission is counted once, at the first episode of its stay.`;
