// What to do when an indicator needs a measure the import counts from clinical codes
// (diagnosis-measures.ts) but did not: the dataset has the codes as text, under headings the import
// did not know, or was imported before it counted them.
import {
  ADMISSIONS_MEASURE,
  diagnosisMeasures,
  type DiagnosisMeasure,
} from '../../analytics/datasets/diagnosis-measures.ts';
import { namesCodes, type CodeKind } from '../../analytics/datasets/clinical-codes.ts';
import type { Dataset } from './analytics.ts';

/**
 * The text field most likely to hold the primary diagnosis or the main procedure: one headed as
 * the import recognises them (clinical-codes.ts), else the first that names diagnoses or procedures.
 */
function firstCodesField(attributes: string[], kind: CodeKind): string | undefined {
  const named = kind === 'diagnosis' ? /(^|_)diag/ : /(^|_)(opertn|proc)/;
  const candidates = attributes.filter((f) => named.test(f));
  return candidates.find((f) => namesCodes(f, kind)) ?? candidates[0];
}

/**
 * For a measure counted from the primary diagnosis (and the main procedure), when the dataset has
 * what it needs as text: how to count it, by importing the file again with the columns named, or
 * with an indicator of its own on the same conditions.
 */
export function diagnosisHint(needed: string, dataset: Dataset): string | null {
  const fields = dataset.fields;
  const counted = (diagnosisMeasures as Record<string, DiagnosisMeasure | undefined>)[needed];
  if (!fields || !counted) return null;
  if (counted.emergenciesOnly && !fields.measures.includes(ADMISSIONS_MEASURE)) return null;
  const diagnosis = firstCodesField(fields.attributes, 'diagnosis');
  const procedure = counted.procedures ? firstCodesField(fields.attributes, 'procedure') : undefined;
  if (diagnosis === undefined || (counted.procedures && procedure === undefined)) return null;
  const columnOf = (field: string) => dataset.mapping?.attributes[field];
  const has = procedure
    ? `diagnoses (${diagnosis}) and procedures (${procedure})`
    : `emergency admissions and diagnoses (${diagnosis})`;
  const are = procedure
    ? `${diagnosis} is the primary diagnosis and ${procedure} the main procedure`
    : `${diagnosis} is the primary diagnosis`;
  const conditions = [
    ...(counted.emergenciesOnly ? [`${ADMISSIONS_MEASURE} = 1`] : []),
    ...(procedure && counted.procedures ? [`${procedure} starts with ${counted.procedures.join(', ')}`] : []),
    `${diagnosis} starts with ${counted.codes.join(', ')}`,
  ];
  const diagnosisColumn = columnOf(diagnosis);
  const procedureColumn = procedure && columnOf(procedure);
  const entry =
    diagnosisColumn && (!procedure || procedureColumn)
      ? `{"diagnosisMeasures": {${JSON.stringify(needed)}: ${JSON.stringify(diagnosisColumn)}}${procedureColumn ? `, "mainProcedure": ${JSON.stringify(procedureColumn)}` : ''}}`
      : undefined;
  const reimport = entry ? `import the file again with ${entry} in the mapping, or add` : 'add';
  return `The dataset has ${has}: if ${are}, ${reimport} an indicator like this one (its "Add one like it" on the catalogue page, or "parity indicators add"), with the conditions ${conditions.join(' and ')} in place of ${needed} = 1`;
}

/**
 * For emergency_admission, or a measure counted among emergency admissions, when the dataset has
 * diagnoses but nothing says which admissions were emergencies: an extract of emergency admissions
 * only, which has no admission method, says so with the mapping's allRows.
 */
export function everyRowHint(needed: string, dataset: Dataset): string | null {
  const { fields, mapping } = dataset;
  if (!fields || !mapping || fields.measures.includes(ADMISSIONS_MEASURE)) return null;
  const counted = (diagnosisMeasures as Record<string, DiagnosisMeasure | undefined>)[needed];
  if (needed !== ADMISSIONS_MEASURE && !counted?.emergenciesOnly) return null;
  const diagnosis = firstCodesField(fields.attributes, 'diagnosis');
  if (diagnosis === undefined) return null;
  const column = mapping.attributes[diagnosis];
  const counting =
    counted && column ? `, "diagnosisMeasures": {${JSON.stringify(needed)}: ${JSON.stringify(column)}}` : '';
  return `The dataset has diagnoses (${diagnosis}) but nothing says which admissions were emergencies: if every row of the file is an emergency admission (an extract of emergency admissions only), import it again with {"allRows": ["${ADMISSIONS_MEASURE}"]${counting}} in the mapping`;
}
