// A gestation as maternity systems write it, in weeks and days: "39+2" is 39 weeks and 2 days, as
// are "39w 2d" and "39 weeks 2 days"; "35 weeks" and "35w" are 35 weeks. Read as weeks and sevenths
// (39.29), so that 36+6 (36.86) is before 37 weeks, as the preterm births indicator counts it.
import { literal, trimmedTextSql } from '../sql-text.ts';
import { measureSql, type ColumnKind } from './standardise.ts';

/** The measures that may be written so. */
export const inWeeksAndDays: ReadonlySet<string> = new Set(['gestation_weeks']);

// Anchored, so that extracting the days finds the whole match as the full-match test does.
const PLUS = '^([0-9]{1,2}) *\\+ *([0-6])$';
const WORDS = '^([0-9]{1,2}) *(weeks|week|wks|wk|w)( *([0-6]) *(days|day|d)?)?$';

/** Weeks and days written as above, in weeks; NULL for anything else. */
export function weeksAndDaysSql(c: string): string {
  const v = `lower(${trimmedTextSql(c)})`;
  const part = (pattern: string, group: number) =>
    `CAST(NULLIF(regexp_extract(${v}, ${literal(pattern)}, ${group}), '') AS DOUBLE)`;
  return `CASE
    WHEN regexp_full_match(${v}, ${literal(PLUS)}) THEN ${part(PLUS, 1)} + ${part(PLUS, 2)} / 7
    WHEN regexp_full_match(${v}, ${literal(WORDS)}) THEN ${part(WORDS, 1)} + COALESCE(${part(WORDS, 4)}, 0) / 7
  END`;
}

/** A measure's value (measureSql), for one that may be written in weeks and days those too. */
export const measureValueSql = (c: string, kind: ColumnKind, weeksAndDays: boolean): string =>
  weeksAndDays && kind === 'text'
    ? `COALESCE(${measureSql(c, kind)}, ${weeksAndDaysSql(c)})`
    : measureSql(c, kind);
