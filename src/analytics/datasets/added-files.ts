// Files added to a dataset (an extract a month): their rows are imported as the dataset's first
// file was, with its mapping, to a part of their own. The dataset with them is a new dataset whose
// parts are the earlier dataset's (linked, not copied) and then theirs, so adding a month costs
// about as much as importing it alone. Rows on a date the dataset already holds are refused, since
// they would be counted twice.
import { copyFileSync, linkSync } from 'node:fs';
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';
import { quotedList } from './heading-sets.ts';
import { SourceFileError } from './source.ts';
import { partPath } from './dataset-files.ts';
import { countInWords, dateInWords } from '../in-words.ts';

/**
 * Refuses the added rows (`added`, standard columns) when any is dated on a day that the dataset's
 * rows (the relation `earlier`) already hold: the same extract added twice, or two that overlap.
 */
export async function refuseDatesHeld(
  store: AnalyticsStore,
  earlier: string,
  added: string,
  addedNames: readonly string[],
): Promise<void> {
  const [held] = await store.query<{ rows: number | bigint; first: string | null; last: string | null }>(
    `SELECT count(*) AS rows, CAST(min(event_date) AS VARCHAR) AS first, CAST(max(event_date) AS VARCHAR) AS last
       FROM read_parquet(${literal(added)})
      WHERE event_date IN (SELECT DISTINCT event_date FROM ${earlier} WHERE event_date IS NOT NULL)`,
  );
  const rows = Number(held?.rows ?? 0);
  if (rows === 0 || !held?.first || !held.last) return;
  const days =
    held.first === held.last
      ? `on ${dateInWords(held.first)}`
      : `from ${dateInWords(held.first)} to ${dateInWords(held.last)}`;
  const files = quotedList(addedNames, 'and', Infinity);
  throw new SourceFileError(
    `${files} ${addedNames.length === 1 ? 'has' : 'have'} ${countInWords(rows)} ${rows === 1 ? 'row' : 'rows'} dated ${days}, days the dataset already holds, so ${rows === 1 ? 'it' : 'they'} would be counted twice. To correct rows the dataset holds, import all its files again under its name.`,
  );
}

/** What is said when rows are added to a dataset without dates, which cannot be checked for overlap. */
export const undatedAdditionNote = (addedNames: readonly string[]): string =>
  `The dataset has no dates, so Parity could not check that the rows of ${quotedList(addedNames, 'and', Infinity)} were not already in it. If ${addedNames.length === 1 ? 'it was' : 'they were'} added twice, remove the dataset and import its files again.`;

/**
 * Gives the dataset `id` the earlier dataset's parts (`earlier`, its files) as its first parts,
 * before the part of the rows added (already written after them). The files are linked, so the
 * earlier dataset keeps its own until it is removed; where links cannot be made, they are copied.
 */
export function takeEarlierParts(store: AnalyticsStore, earlier: readonly string[], id: string): void {
  earlier.forEach((file, i) => {
    const part = partPath(store, id, i + 1);
    try {
      linkSync(file, part);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
      copyFileSync(file, part);
    }
  });
}
