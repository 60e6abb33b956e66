// The sample an import judges columns by their values in (a flag, numbers, NHS numbers, codes):
// the staged file's first rows, or, where files or worksheets were read one below another, the
// first rows of each in turn (the first of each, then the second of each…). A column that only
// later files or worksheets have is then judged by theirs: the first rows of the whole would have
// it empty.
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';

/** Rows a sample holds, at most: those the import judges columns by read no more. */
const SAMPLE_ROWS = 100_000;

/** Where the sample of the file staged at `staging` is written. */
export const samplePathFor = (staging: string): string => staging.replace(/\.parquet$/, '-sample.parquet');

/**
 * Writes the sample of `parquet`, whose rows are parts of `partRows` rows each one after another,
 * to `sample`: up to an equal share of the sample from each part, their rows taken in turn.
 */
export async function writeSample(
  store: AnalyticsStore,
  parquet: string,
  partRows: readonly number[],
  sample: string,
): Promise<void> {
  const each = Math.ceil(SAMPLE_ROWS / Math.max(partRows.length, 1));
  let start = 0;
  const firstRows = partRows.map((rows, i) => {
    const from = start;
    start += rows;
    return `(SELECT * EXCLUDE (file_row_number), ${i} AS sample_part, file_row_number - ${from} AS sample_row FROM read_parquet(${literal(parquet)}, file_row_number = true) WHERE file_row_number >= ${from} AND file_row_number < ${from + Math.min(rows, each)})`;
  });
  await store.run(
    `COPY (SELECT * EXCLUDE (sample_part, sample_row) FROM (${firstRows.join(' UNION ALL ')}) ORDER BY sample_row, sample_part) TO ${literal(sample)} (FORMAT parquet)`,
  );
}
