// Measures of the catalogue that count the emergency admissions for one condition, worked out at
// import from an admitted patient care extract (SUS, HES) that gives each admission's method and its
// primary diagnosis (ICD-10): copd_emergency_admission is 1 for an emergency admission whose
// primary diagnosis is COPD (J40 to J44), as the OHID indicator counts them; asthma's are J45 and
// J46. The diagnosis alone cannot say it: most admissions for COPD are emergencies, not all.
import { listInWords } from '../in-words.ts';
import type { AnalyticsStore } from '../store.ts';
import { ident, literal, sourceColumn } from '../sql-text.ts';
import { normaliseHeading } from './headings.ts';

export interface DiagnosisMeasure {
  /** The ICD-10 categories (three characters) of the primary diagnosis that count. */
  codes: string[];
  /** What is counted, for the import's note. */
  what: string;
}

/** The measure each is counted within: only emergency admissions count. */
export const ADMISSIONS_MEASURE = 'emergency_admission';

export const diagnosisMeasureNames = ['copd_emergency_admission', 'asthma_emergency_admission'] as const;
export type DiagnosisMeasureName = (typeof diagnosisMeasureNames)[number];

export const diagnosisMeasures: Record<DiagnosisMeasureName, DiagnosisMeasure> = {
  copd_emergency_admission: { codes: ['J40', 'J41', 'J42', 'J43', 'J44'], what: 'COPD, J40 to J44' },
  asthma_emergency_admission: { codes: ['J45', 'J46'], what: 'asthma, J45 and J46' },
};

/**
 * Headings of the primary diagnosis, normalised: SUS's Der_Primary_Diagnosis_Code, HES's DIAG_4_01
 * and DIAG_3_01 (the first of the diagnoses), and what reports call it ("Primary diagnosis (ICD-10)",
 * "Main diagnosis code"). Not DIAG_4_CONCAT, all the diagnoses run together.
 */
const primaryHeading =
  /^((der|spell|episode)_)?(primary|main|principal|first)_(diag|diagnosis)(_code)?(_icd_?(10)?)?(_code)?$|^(icd_?10_)?(primary|main)_(diag|diagnosis)(_code)?$|^(der_)?(diag|diagnosis)(_code)?(_[34])?_0?1$|^(diag|diagnosis)_primary(_code)?$/;

export const namesPrimaryDiagnosis = (heading: string): boolean =>
  primaryHeading.test(normaliseHeading(heading));

/**
 * The form of an ICD-10 code, tidied (trimmed, upper case): a letter and two figures for its
 * category, then its subdivision in any of the ways extracts write it (J44, J441, J44.1, HES's J44X
 * and I10X, "J44-"), or its description after it ("J44.9 Chronic obstructive …").
 */
const ICD10 = '^[A-Z][0-9]{2}([0-9X]|[^A-Z0-9]|$)';
const tidied = (c: string): string => `upper(trim(CAST(${c} AS VARCHAR)))`;
const present = (c: string): string => `NULLIF(${tidied(c)}, '')`;

export const NOT_A_DIAGNOSIS =
  'not an ICD-10 code (a letter and two figures, such as J44 or J44.1), so the admission is counted for no condition';

/** True when a present value is not written as an ICD-10 code. */
export const notDiagnosisSql = (c: string): string =>
  `COALESCE(NOT regexp_matches(${present(c)}, ${literal(ICD10)}), false)`;

/**
 * Whether the primary diagnosis in `c` is one of the measure's: true or false, NULL when there is
 * none (blank) or it is not written as a code.
 */
export function diagnosisOfSql(c: string, field: DiagnosisMeasureName): string {
  const { codes } = diagnosisMeasures[field];
  const category = `left(${present(c)}, 3)`;
  return `CASE WHEN regexp_matches(${present(c)}, ${literal(ICD10)}) THEN ${category} IN (${codes.map(literal).join(', ')}) END`;
}

/**
 * The measure from the admission's emergency_admission (1 or 0, a stored column) and whether its
 * primary diagnosis is one of the measure's (`diagnosed`, diagnosisOfSql): 1 for an emergency
 * admission for the condition, 0 for another admission, and none when either is not known for an
 * emergency admission, or the admission's method is not known.
 */
export const diagnosisMeasureSql = (diagnosed: string): string =>
  `CAST(CASE ${ident(ADMISSIONS_MEASURE)} WHEN 1 THEN CASE WHEN ${diagnosed} THEN 1 WHEN NOT ${diagnosed} THEN 0 END WHEN 0 THEN 0 END AS DOUBLE)`;

/** Slips allowed among a sample of diagnoses (the import reports them). */
const SLIPS = 0.01;

/**
 * The column of primary diagnoses to count the measures from: one whose heading names the primary
 * diagnosis and whose first 100,000 values (blanks aside) are ICD-10 codes but for a slip or two in
 * a hundred; none when the file has no such column, or no emergency admissions to count within.
 */
export async function primaryDiagnosisColumn(
  store: AnalyticsStore,
  parquet: string,
  columns: string[],
  measures: Readonly<Record<string, string>>,
): Promise<string | undefined> {
  if (!(ADMISSIONS_MEASURE in measures)) return undefined;
  for (const column of columns.filter(namesPrimaryDiagnosis)) {
    const c = sourceColumn(column);
    const [row] = await store.query<{ present: number | bigint; codes: number | bigint }>(
      `SELECT count(${present(c)}) AS present, count(*) FILTER (WHERE regexp_matches(${present(c)}, ${literal(ICD10)})) AS codes
       FROM (SELECT ${c} FROM read_parquet(${literal(parquet)}) LIMIT 100000) sample`,
    );
    const [found, codes] = [Number(row?.present ?? 0), Number(row?.codes ?? 0)];
    if (found > 0 && found - codes <= SLIPS * found) return column;
  }
  return undefined;
}

/**
 * The measures to count from `column` (those the file does not give itself), in `mapping`'s
 * diagnosisMeasures; returns what the report says of them.
 */
export function readDiagnosisMeasures(
  mapping: {
    measures: Record<string, string>;
    flags: Record<string, string>;
    attributes: Record<string, string>;
    diagnosisMeasures: Partial<Record<DiagnosisMeasureName, string>>;
  },
  column: string,
): string[] {
  const given = new Set(Object.keys({ ...mapping.measures, ...mapping.flags, ...mapping.attributes }));
  const counted = diagnosisMeasureNames.filter((field) => !given.has(field));
  if (counted.length === 0) return [];
  for (const field of counted) mapping.diagnosisMeasures[field] = column;
  const each = counted.map((field) => `${field} (those for ${diagnosisMeasures[field].what})`);
  return [
    `The column "${column}" holds primary diagnoses (ICD-10), with which the emergency admissions are counted by condition, as the catalogue's indicators read them: ${listInWords(each)}.`,
  ];
}
