// The clinical codes of an admitted patient care extract (SUS, HES) that some measures are counted
// from: the primary diagnosis (ICD-10) and the main procedure (OPCS-4), found by their headings and
// the form of their values, and read by their category, the code's first three characters.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { normaliseHeading } from './headings.ts';

export type CodeKind = 'diagnosis' | 'procedure';

/**
 * Headings of each, normalised: SUS's Der_Primary_Diagnosis_Code and Der_Primary_Procedure_Code,
 * HES's DIAG_4_01 and OPERTN_4_01 (the first of each, also with three characters), and what
 * reports call them ("Primary diagnosis (ICD-10)", "Main procedure code"). Not DIAG_4_CONCAT, all
 * the diagnoses run together, nor the later diagnoses and procedures.
 */
const headings: Record<CodeKind, RegExp> = {
  diagnosis:
    /^((der|spell|episode)_)*(primary|main|principal|first)_(diag|diagnosis)(_code)?(_icd_?(10)?)?(_code)?$|^(icd_?10_)?(primary|main)_(diag|diagnosis)(_code)?$|^(der_)?(diag|diagnosis)(_code)?(_?[34])?_0?1$|^(diag|diagnosis)_primary(_code)?$/,
  procedure:
    /^((der|spell|episode)_)*(primary|main|principal|first)_(proc|procedure|operation)(_code)?(_opcs_?(4)?)?(_code)?$|^(opcs_?4?_)?(primary|main)_(proc|procedure)(_code)?$|^(der_)?(opertn|operation|procedure|proc)(_code)?(_?[34])?_0?1$|^(procedure|proc)_primary(_code)?$/,
};

export const namesCodes = (heading: string, kind: CodeKind): boolean =>
  headings[kind].test(normaliseHeading(heading));

/**
 * The form of a code, tidied (trimmed, upper case): a letter and two figures for its category, then
 * its subdivision in any of the ways extracts write it (J44, J441, J44.1, HES's J44X, "J44-"), or
 * its description after it ("J44.9 Chronic obstructive …"). OPCS-4 codes have the same form (F10.4).
 */
const CODE_FORM = '^[A-Z][0-9]{2}([0-9X]|[^A-Z0-9]|$)';
/** HES's main procedure where an episode had no operation ("-") or it is not known ("&"). */
const NO_PROCEDURE = ['-', '&'];

const tidied = (c: string): string => `upper(trim(CAST(${c} AS VARCHAR)))`;
/** The tidied value, NULL when blank (or, for a procedure, none: "-" or "&"). */
const present = (c: string, kind: CodeKind): string =>
  kind === 'diagnosis'
    ? `NULLIF(${tidied(c)}, '')`
    : `CASE WHEN ${tidied(c)} NOT IN ('', ${NO_PROCEDURE.map(literal).join(', ')}) THEN ${tidied(c)} END`;
const isCodeSql = (c: string, kind: CodeKind): string =>
  `regexp_matches(${present(c, kind)}, ${literal(CODE_FORM)})`;

export const NOT_A_CODE: Record<CodeKind, string> = {
  diagnosis:
    'not an ICD-10 code (a letter and two figures, such as J44 or J44.1), so the admission is counted for no condition',
  procedure:
    'not an OPCS-4 code (a letter and two figures, such as F10 or F10.4; "-" for no operation), so the episode is counted as no procedure',
};

/** True when a present value is not written as a code. */
export const notACodeSql = (c: string, kind: CodeKind): string =>
  `COALESCE(NOT ${isCodeSql(c, kind)}, false)`;

/** Whether the code in `c` falls in one of the categories `codes`: NULL when there is none, or it is not a code. */
export const inCategoriesSql = (c: string, kind: CodeKind, codes: string[]): string =>
  `CASE WHEN ${isCodeSql(c, kind)} THEN left(${present(c, kind)}, 3) IN (${codes.map(literal).join(', ')}) END`;

/** Slips allowed among a sample of codes (the import reports them). */
const SLIPS = 0.01;

/**
 * The column of codes of `kind`: one whose heading names them and whose first 100,000 values
 * (blanks aside) are codes but for a slip or two in a hundred; none when the file has no such column.
 */
export async function codesColumn(
  store: AnalyticsStore,
  parquet: string,
  columns: string[],
  kind: CodeKind,
): Promise<string | undefined> {
  for (const column of columns.filter((c) => namesCodes(c, kind))) {
    const c = sourceColumn(column);
    const [row] = await store.query<{ present: number | bigint; codes: number | bigint }>(
      `SELECT count(${present(c, kind)}) AS present, count(*) FILTER (WHERE ${isCodeSql(c, kind)}) AS codes
       FROM (SELECT ${c} FROM read_parquet(${literal(parquet)}) LIMIT 100000) sample`,
    );
    const [found, codes] = [Number(row?.present ?? 0), Number(row?.codes ?? 0)];
    if (found > 0 && found - codes <= SLIPS * found) return column;
  }
  return undefined;
}
