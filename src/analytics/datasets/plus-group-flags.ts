// Yes/no columns whose heading names a PLUS group of Core20PLUS5 ("Learning disability", "LD flag",
// "Homeless"): read as flags, so that each becomes a breakdown, rather than as measures.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { normaliseHeading } from './headings.ts';
import { flagSql, isPresentSql, kindOf, notKnownSql } from './standardise.ts';
import { yesNoMeasureHeadedAs } from './yes-no-measures.ts';

/**
 * Headings of yes/no columns that mark a PLUS group of Core20PLUS5 (inclusion health and other groups
 * an ICS names), normalised, with "_flag", "is_" or "has_" taken off. A yes/no column with such a
 * heading is a flag (a breakdown), not a measure.
 */
const plusGroupNames = new Set([
  'learning_disability',
  'learning_disabilities',
  'ld',
  'autism',
  'autistic',
  'smi',
  'severe_mental_illness',
  'homeless',
  'homelessness',
  'carer',
  'unpaid_carer',
  'young_carer',
  'armed_forces',
  'veteran',
  'looked_after_child',
  'lac',
  'care_leaver',
  'sen',
  'send',
  'refugee',
  'asylum_seeker',
  'refugee_or_asylum_seeker',
  'gypsy_roma_traveller',
  'traveller',
  'sex_worker',
  'drug_or_alcohol_dependence',
  'substance_misuse',
  'interpreter_required',
  'interpreter_needed',
  'needs_interpreter',
]);

/** The flag name for a yes/no column whose heading names a PLUS group ("LD flag" → flag_ld), if it does. */
export function plusGroupFlag(heading: string): string | undefined {
  const name = normaliseHeading(heading)
    .replace(/^(is|has)_/, '')
    .replace(/_(flag|indicator|yn|y_n)$/, '');
  return plusGroupNames.has(name) ? `flag_${name}` : undefined;
}

/** Whether a value is written as not known ("Unknown"), which a column of yes or no may hold too. */
const notKnownOf = (c: { name: string; type: string }): string =>
  kindOf(c.type) === 'text' ? notKnownSql(sourceColumn(c.name)) : 'false';

/**
 * The columns with a PLUS-group heading, or the heading of a yes/no measure (yes-no-measures.ts),
 * whose values, in the first 100,000 rows, all read as yes or no (1/0, Y/N, yes/no, true/false;
 * blanks and values written as not known aside): a count or a score under such a heading stays a
 * measure of its own name.
 */
export async function yesNoColumns(
  store: AnalyticsStore,
  parquet: string,
  columns: { name: string; type: string }[],
): Promise<Set<string>> {
  const named = columns.filter(
    (c) => plusGroupFlag(c.name) !== undefined || yesNoMeasureHeadedAs(c.name) !== undefined,
  );
  if (named.length === 0) return new Set();
  const counts = named.flatMap((c, i) => [
    `count(CASE WHEN ${isPresentSql(sourceColumn(c.name), kindOf(c.type))} AND NOT ${notKnownOf(c)} THEN 1 END) AS v${i}`,
    `count(${flagSql(sourceColumn(c.name), kindOf(c.type))}) AS f${i}`,
  ]);
  const sample = `(SELECT ${named.map((c) => sourceColumn(c.name)).join(', ')} FROM read_parquet(${literal(parquet)}) LIMIT 100000)`;
  const [row] = await store.query(`SELECT ${counts.join(', ')} FROM ${sample}`);
  return new Set(
    named
      .filter((_c, i) => {
        const values = Number(row?.[`v${i}`] ?? 0);
        return values > 0 && Number(row?.[`f${i}`] ?? 0) === values;
      })
      .map((c) => c.name),
  );
}
