// Files added to a dataset (an extract a month): their rows are imported as the dataset's first
// file was, with its mapping, to a part of their own. The dataset with them is a new dataset whose
// parts are the earlier dataset's (linked, not copied) and then theirs, so adding a month costs
// about as much as importing it alone. Rows on a date the dataset already holds are refused, since
// they would be counted twice, unless the files are corrections: then the dataset's rows on each
// day the files have rows for are left out of its parts, and the files' rows take their place.
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
  const files = quotedList(addedNames, 'and', Infinity);
  throw new SourceFileError(
    `${files} ${addedNames.length === 1 ? 'has' : 'have'} ${countInWords(rows)} ${rows === 1 ? 'row' : 'rows'} dated ${daysInWords(held.first, held.last)}, days the dataset already holds, so ${rows === 1 ? 'it' : 'they'} would be counted twice. If ${addedNames.length === 1 ? 'it corrects' : 'they correct'} the rows of those days, add ${addedNames.length === 1 ? 'it' : 'them'} again with "${CORRECTIONS_LABEL}" ticked (or --corrections on the command line).`,
  );
}

/** The label of the add form's check box (and what the command line's --corrections does). */
export const CORRECTIONS_LABEL = 'The files correct rows the dataset already has';

const daysInWords = (first: string, last: string): string =>
  first === last ? `on ${dateInWords(first)}` : `from ${dateInWords(first)} to ${dateInWords(last)}`;

/** The days the added rows are dated on (SQL), whose rows in the dataset corrections replace. */
const daysOf = (added: string) =>
  `SELECT DISTINCT event_date FROM read_parquet(${literal(added)}) WHERE event_date IS NOT NULL`;

/** The dataset's rows replaced by corrections: how many, and the first and last day they were dated. */
export interface RowsReplaced {
  /** The days the corrections have rows for (YYYY-MM-DD): the dataset's rows on them were replaced. */
  days: string[];
  rows: number;
  first: string | null;
  last: string | null;
  /**
   * The dataset's rows kept on days the corrections have no rows for, between their first and last
   * and in months they have rows in (a day whose every row was struck out, it may be), if any.
   */
  keptBetween?: { rows: number; days: number; first: string; last: string };
}

/**
 * The dataset's rows (in the parts `earlier`) on days that the added rows have none on, between
 * their first and last day and in the months they have rows in. Corrections of April and June, or
 * of May's first fortnight, leave May's other days alone without a word; April sent again without
 * 15 April says so.
 */
async function rowsKeptBetween(
  store: AnalyticsStore,
  earlier: readonly string[],
  added: string,
): Promise<RowsReplaced['keptBetween']> {
  const span = `SELECT min(event_date) AS first, max(event_date) AS last FROM read_parquet(${literal(added)})`;
  const months = `SELECT DISTINCT date_trunc('month', event_date) FROM read_parquet(${literal(added)}) WHERE event_date IS NOT NULL`;
  const [kept] = await store.query<{
    rows: number | bigint;
    days: number | bigint;
    first: string | null;
    last: string | null;
  }>(
    `SELECT count(*) AS rows, count(DISTINCT event_date) AS days, CAST(min(event_date) AS VARCHAR) AS first, CAST(max(event_date) AS VARCHAR) AS last
       FROM read_parquet([${earlier.map(literal).join(', ')}], union_by_name = true), (${span}) span
      WHERE event_date BETWEEN span.first AND span.last AND date_trunc('month', event_date) IN (${months})
        AND event_date NOT IN (${daysOf(added)})`,
  );
  if (!kept?.first || !kept.last || Number(kept.rows) === 0) return undefined;
  return { rows: Number(kept.rows), days: Number(kept.days), first: kept.first, last: kept.last };
}

/**
 * Gives the dataset `id` the earlier dataset's parts (`earlier`) less their rows on the days the
 * corrections (`added`, already written after them) have rows for. A part with no such rows is
 * linked as on any addition; the others are written again without them.
 */
export async function takeEarlierPartsCorrected(
  store: AnalyticsStore,
  earlier: readonly string[],
  id: string,
  added: string,
): Promise<RowsReplaced> {
  // One pass over the parts' dates finds the rows each holds on those days.
  const found = await store.query<{ file: string; rows: number | bigint; first: string; last: string }>(
    `SELECT filename AS file, count(*) AS rows, CAST(min(event_date) AS VARCHAR) AS first, CAST(max(event_date) AS VARCHAR) AS last
       FROM read_parquet([${earlier.map(literal).join(', ')}], filename = true, union_by_name = true)
      WHERE event_date IN (${daysOf(added)})
      GROUP BY filename`,
  );
  for (const [i, file] of earlier.entries()) {
    const part = partPath(store, id, i + 1);
    if (!found.some((f) => f.file === file)) linkOrCopy(file, part);
    else
      await store.run(
        `COPY (SELECT * FROM read_parquet(${literal(file)}) WHERE event_date IS NULL OR event_date NOT IN (${daysOf(added)}))
           TO ${literal(part)} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, ROW_GROUP_SIZE 122880)`,
      );
  }
  const keptBetween = await rowsKeptBetween(store, earlier, added);
  const days = (
    await store.query<{ day: string }>(`SELECT CAST(event_date AS VARCHAR) AS day FROM (${daysOf(added)})`)
  ).map((d) => d.day);
  const kept = { days, ...(keptBetween ? { keptBetween } : {}) };
  if (found.length === 0) return { rows: 0, first: null, last: null, ...kept };
  return {
    ...kept,
    rows: found.reduce((sum, f) => sum + Number(f.rows), 0),
    first: found.map((f) => f.first).sort()[0]!,
    last: found
      .map((f) => f.last)
      .sort()
      .at(-1)!,
  };
}

/**
 * What the report says of the rows corrections replaced (or that they replaced none). `problemsTakenOut`:
 * whether the problems found in them were taken out of the report (not possible for a dataset
 * imported before its problems were kept by day).
 */
export function correctionsNote(
  replaced: RowsReplaced,
  addedNames: readonly string[],
  problemsTakenOut: boolean,
): string {
  const files = quotedList(addedNames, 'and', Infinity);
  const kept = keptBetweenNote(replaced.keptBetween, addedNames.length === 1);
  if (replaced.rows === 0 || !replaced.first || !replaced.last)
    return `${files} ${addedNames.length === 1 ? 'was' : 'were'} added as corrections, but the dataset had no rows on the days ${addedNames.length === 1 ? 'it has' : 'they have'} rows for, so none were replaced.${kept}`;
  const one = replaced.rows === 1;
  return `${countInWords(replaced.rows)} ${one ? 'row' : 'rows'} of the dataset, dated ${daysInWords(replaced.first, replaced.last)}, ${one ? 'was' : 'were'} replaced by the rows of ${files} on the same days. The dataset's rows on other days were kept.${kept} ${problemsTakenOut ? `The problems found in the rows replaced are no longer counted in this report.` : `The problems counted in this report include any found in the rows replaced when they were read.`}`;
}

/** What is said of the dataset's rows kept on days the corrections have none on, in their months. */
function keptBetweenNote(kept: RowsReplaced['keptBetween'], oneFile: boolean): string {
  if (!kept) return '';
  const rows = `${countInWords(kept.rows)} ${kept.rows === 1 ? 'row' : 'rows'}`;
  const days =
    kept.days === 1
      ? `on ${dateInWords(kept.first)}`
      : `on ${countInWords(kept.days)} days from ${dateInWords(kept.first)} to ${dateInWords(kept.last)}`;
  const files = oneFile ? 'the file has' : 'the files have';
  const owner = oneFile ? 'it has' : 'they have';
  const day = kept.days === 1 ? 'a day' : 'days';
  return ` Of those, ${rows} ${days} are in a month ${files} rows for, but on ${day} ${owner} none for. If ${kept.rows === 1 ? 'that row was' : 'those rows were'} struck out, import the dataset's files again under its name, the corrected ones in place of those they correct.`;
}

/**
 * What is said of added rows without a date in a dataset with dates (their period is "Not known"):
 * they could not be checked against the days the dataset holds. Null when every row has one.
 */
export async function undatedRowsNote(
  store: AnalyticsStore,
  added: string,
  addedNames: readonly string[],
): Promise<string | null> {
  const [found] = await store.query<{ rows: number | bigint }>(
    `SELECT count(*) AS rows FROM read_parquet(${literal(added)}) WHERE event_date IS NULL`,
  );
  const rows = Number(found?.rows ?? 0);
  if (rows === 0) return null;
  const one = rows === 1;
  return `${countInWords(rows)} ${one ? 'row' : 'rows'} of ${quotedList(addedNames, 'and', Infinity)} ${one ? 'has' : 'have'} no date, so ${one ? 'it was' : 'they were'} added without being checked against the rows the dataset already holds, and ${one ? 'is' : 'are'} counted in the period "Not known". If the same rows are added twice, they are counted twice there.`;
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
  earlier.forEach((file, i) => linkOrCopy(file, partPath(store, id, i + 1)));
}

function linkOrCopy(file: string, part: string): void {
  try {
    linkSync(file, part);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    copyFileSync(file, part);
  }
}
