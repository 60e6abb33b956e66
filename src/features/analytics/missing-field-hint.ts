// What to do when an indicator needs a field a dataset lacks but a field of another name may hold it.
import {
  ADMISSIONS_MEASURE,
  diagnosisMeasures,
  type DiagnosisMeasure,
} from '../../analytics/datasets/diagnosis-measures.ts';
import { builtInIndicators } from '../../analytics/indicators/catalogue.ts';
import { standardFields } from '../../analytics/indicators/compute.ts';
import { lookAlikeFields } from '../../analytics/indicators/look-alike-fields.ts';
import {
  fieldsUsed,
  numericFieldsUsed,
  type IndicatorDefinition,
} from '../../analytics/indicators/schema.ts';
import type { Dataset } from './analytics.ts';

const notMeasures = new Set([...standardFields, 'esp_band']);

/**
 * The fields the built-in indicators read, each holding what its name says: emergency_admission is
 * all emergency admissions, never the COPD ones that copd_emergency_admission counts.
 */
const catalogueFields = (): Set<string> => new Set(builtInIndicators().flatMap(fieldsUsed));

/**
 * For a field counting the emergency admissions for one condition, when the dataset has emergency
 * admissions and their diagnoses (an admitted patient care extract) but the import did not count
 * them (a diagnosis column it did not know): how to count them from the diagnoses, by importing the
 * file again with the column named (diagnosis-measures.ts), or with an indicator of its own.
 */
function diagnosisHint(needed: string, dataset: Dataset): string | null {
  const fields = dataset.fields;
  const counted = (diagnosisMeasures as Record<string, DiagnosisMeasure | undefined>)[needed];
  if (!fields || !counted?.emergenciesOnly || !fields.measures.includes(ADMISSIONS_MEASURE)) return null;
  const { codes } = counted;
  const diagnoses = fields.attributes.filter((f) => /(^|_)diag/.test(f));
  const diagnosis = diagnoses.find((f) => f.includes('primary')) ?? diagnoses[0];
  if (diagnosis === undefined) return null;
  const column = dataset.mapping?.attributes[diagnosis];
  const reimport = column
    ? `import the file again with {"diagnosisMeasures": {${JSON.stringify(needed)}: ${JSON.stringify(column)}}} in the mapping, or add`
    : 'add';
  return `The dataset has emergency admissions and diagnoses (${diagnosis}): if ${diagnosis} is the primary diagnosis, ${reimport} an indicator of these admissions like this one (its "Add one like it" on the catalogue page, or "parity indicators add"), with the conditions emergency_admission = 1 and ${diagnosis} starts with ${codes.join(', ')} in place of ${needed} = 1`;
}

/** The mapping section a field of an indicator goes under: flags, measures (numbers) or attributes. */
function sectionFor(indicator: IndicatorDefinition, field: string): 'flags' | 'measures' | 'attributes' {
  if (field.startsWith('flag_')) return 'flags';
  return numericFieldsUsed(indicator).includes(field) ? 'measures' : 'attributes';
}

/**
 * For each missing field with a look-alike among the dataset's own fields, how to read that one
 * instead: the mapping to import the file again with, naming the file's column, or, for a linked
 * table (which has no mapping), the name to give its column. Empty when nothing looks alike.
 */
export function missingFieldHints(
  indicator: IndicatorDefinition,
  missing: string[],
  dataset: Dataset,
): string[] {
  const fields = dataset.fields;
  if (!fields) return [];
  const own = [...fields.measures, ...fields.flags, ...fields.attributes];
  const mapping = dataset.mapping;
  const columnOf = (field: string): string | undefined =>
    mapping?.measures[field] ?? mapping?.flags[field] ?? mapping?.attributes[field];
  return missing.flatMap((needed) => {
    // Age and the ESP band are standard fields, read from an age or a date of birth, not a measure.
    if (notMeasures.has(needed)) return [];
    const fromDiagnoses = diagnosisHint(needed, dataset);
    if (fromDiagnoses) return [fromDiagnoses];
    const builtIn = catalogueFields();
    const [likely] = lookAlikeFields(
      needed,
      own.filter((f) => !builtIn.has(f)),
    );
    if (likely === undefined) return [];
    const column = columnOf(likely);
    if (column === undefined) return [`Its column ${likely} may hold ${needed}: if so, rename it ${needed}`];
    const named = column === likely ? `The column ${likely}` : `The column "${column}" (read as ${likely})`;
    // A mapping's list takes the place of the one Parity finds, so the dataset's other fields of
    // that kind are given too, or importing with the entry would lose them.
    const section = sectionFor(indicator, needed);
    const others = Object.entries(mapping?.[section] ?? {}).filter(([field]) => field !== likely);
    const entries = [...others, [needed, column]].map(
      ([f, c]) => `${JSON.stringify(f)}: ${JSON.stringify(c)}`,
    );
    // "Days waited (RTT)" for wait_weeks: its days are read as weeks (measuresGivenAs, mapping.ts).
    const inDays = section === 'measures' && needed.endsWith('_weeks') && /(^|_)days?(_|$)/.test(likely);
    const units = inDays ? `, "measuresGivenAs": {${JSON.stringify(needed)}: "days"}` : '';
    const entry = `{"${section}": {${entries.join(', ')}}${units}}`;
    const kept = others.length ? `, which keeps its other ${section} as they are` : '';
    const asWeeks = inDays ? ' (its days are then read as weeks, days ÷ 7)' : '';
    return [
      `${named} may hold ${needed}: if so, import the file again with ${entry} in the mapping${kept}${asWeeks}`,
    ];
  });
}
