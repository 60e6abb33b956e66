// Measures of the catalogue counted at import from the primary diagnosis of an admitted patient
// care extract (SUS, HES; clinical-codes.ts), as the published indicators count them:
// copd_emergency_admission is 1 for an emergency admission whose primary diagnosis is COPD (J40 to
// J44), as OHID's indicator counts them, and asthma's are J45 and J46; the diagnosis alone cannot
// say it, as not every admission for COPD is an emergency. tooth_extraction is 1 for an episode
// whose main procedure is a tooth extraction (OPCS-4 F09, surgical removal, or F10, simple
// extraction) for dental caries (K02), as NHS England's indicator of extractions due to decay.
import { listInWords } from '../in-words.ts';
import { ident } from '../sql-text.ts';
import { inCategoriesSql } from './clinical-codes.ts';

export interface DiagnosisMeasure {
  /** The ICD-10 categories (three characters) of the primary diagnosis that count. */
  codes: string[];
  /** What is counted, for the import's note and the dataset's page. */
  what: string;
  /** Counted among emergency admissions only (the emergency_admission measure): 0 for the others. */
  emergenciesOnly?: true;
  /** Counted for episodes whose main procedure falls in these OPCS-4 categories only. */
  procedures?: string[];
}

/** The measure that says which admissions were emergencies. */
export const ADMISSIONS_MEASURE = 'emergency_admission';

export const diagnosisMeasureNames = [
  'copd_emergency_admission',
  'asthma_emergency_admission',
  'tooth_extraction',
] as const;
export type DiagnosisMeasureName = (typeof diagnosisMeasureNames)[number];

export const diagnosisMeasures: Record<DiagnosisMeasureName, DiagnosisMeasure> = {
  copd_emergency_admission: {
    codes: ['J40', 'J41', 'J42', 'J43', 'J44'],
    what: 'the emergency admissions for COPD, J40 to J44',
    emergenciesOnly: true,
  },
  asthma_emergency_admission: {
    codes: ['J45', 'J46'],
    what: 'the emergency admissions for asthma, J45 and J46',
    emergenciesOnly: true,
  },
  tooth_extraction: {
    codes: ['K02'],
    procedures: ['F09', 'F10'],
    what: 'the episodes whose main procedure is a tooth extraction, F09 or F10, for dental caries, K02',
  },
};

export const diagnosisMeasuresOf = (m: {
  diagnosisMeasures: Partial<Record<DiagnosisMeasureName, string>>;
}): [DiagnosisMeasureName, string][] =>
  Object.entries(m.diagnosisMeasures) as [DiagnosisMeasureName, string][];

/**
 * The measure from the columns of the file (`diagnosis`, and `procedure` for those that need it):
 * whether the primary diagnosis is one of the measure's for those counted among emergency
 * admissions (true, false, or NULL when there is no code), which diagnosisMeasureSql completes;
 * the measure itself for the others: 0 for an episode without the procedure, and 1 or 0 by the
 * diagnosis for one with it (none when the diagnosis is not known).
 */
export function diagnosisColumnSql(
  field: DiagnosisMeasureName,
  diagnosis: string,
  procedure?: string,
): string {
  const { codes, procedures } = diagnosisMeasures[field];
  const diagnosed = inCategoriesSql(diagnosis, 'diagnosis', codes);
  if (!procedures) return diagnosed;
  if (procedure === undefined) throw new Error(`${field} needs the main procedure column`);
  const operated = `COALESCE(${inCategoriesSql(procedure, 'procedure', procedures)}, false)`;
  return `CAST(CASE WHEN NOT ${operated} THEN 0 WHEN ${diagnosed} THEN 1 WHEN NOT ${diagnosed} THEN 0 END AS DOUBLE)`;
}

/**
 * The stored measure from the column of its name that diagnosisColumnSql gave: for one counted
 * among emergency admissions, from the admission's emergency_admission (1 or 0) too: 1 for an
 * emergency admission for the condition, 0 for another admission, none when the admission method
 * is not known or an emergency admission's diagnosis is not; the others as they are.
 */
export function diagnosisMeasureSql(field: DiagnosisMeasureName): string {
  const column = ident(field);
  if (!diagnosisMeasures[field].emergenciesOnly) return column;
  return `CAST(CASE ${ident(ADMISSIONS_MEASURE)} WHEN 1 THEN CASE WHEN ${column} THEN 1 WHEN NOT ${column} THEN 0 END WHEN 0 THEN 0 END AS DOUBLE)`;
}

/** Whether a mapping says which admissions were emergencies: from a column, or every row. */
export const hasAdmissionMethod = (m: { measures: Record<string, string>; allRows: string[] }): boolean =>
  ADMISSIONS_MEASURE in m.measures || m.allRows.includes(ADMISSIONS_MEASURE);

/**
 * Adds to `mapping` the measures the file's codes can give (those it does not give itself): with
 * its emergency admissions, those counted among them; with the main procedure (`procedure`),
 * those that need it. Returns what the report says of them.
 */
export function readDiagnosisMeasures(
  mapping: {
    measures: Record<string, string>;
    flags: Record<string, string>;
    attributes: Record<string, string>;
    diagnosisMeasures: Partial<Record<DiagnosisMeasureName, string>>;
    mainProcedure?: string | undefined;
    allRows: string[];
  },
  diagnosis: string,
  procedure: string | undefined,
): string[] {
  const given = new Set([
    ...Object.keys({ ...mapping.measures, ...mapping.flags, ...mapping.attributes }),
    ...mapping.allRows,
  ]);
  const counted = diagnosisMeasureNames.filter((field) => {
    const { emergenciesOnly, procedures } = diagnosisMeasures[field];
    if (given.has(field)) return false;
    if (emergenciesOnly) return hasAdmissionMethod(mapping);
    return !procedures || procedure !== undefined;
  });
  if (counted.length === 0) return [];
  for (const field of counted) mapping.diagnosisMeasures[field] = diagnosis;
  const operated = counted.some((field) => diagnosisMeasures[field].procedures);
  if (operated) mapping.mainProcedure = procedure;
  const each = counted.map((field) => `${field} (${diagnosisMeasures[field].what})`);
  const procedures = operated ? ` and "${procedure}" their main procedures (OPCS-4)` : '';
  return [
    `The column "${diagnosis}" holds primary diagnoses (ICD-10)${procedures}, from which are counted, as the catalogue's indicators read them: ${listInWords(each)}.`,
  ];
}
