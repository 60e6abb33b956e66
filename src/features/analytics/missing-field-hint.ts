// What to do when an indicator needs a field a dataset lacks but a field of another name may hold it.
import { builtInIndicators } from '../../analytics/indicators/catalogue.ts';
import { standardFields } from '../../analytics/indicators/compute.ts';
import { lookAlikeFields } from '../../analytics/indicators/look-alike-fields.ts';
import {
  fieldsUsed,
  numericFieldsUsed,
  type IndicatorDefinition,
} from '../../analytics/indicators/schema.ts';
import type { Dataset } from './analytics.ts';
import { diagnosisHint, everyRowHint } from './diagnosis-hint.ts';

const notMeasures = new Set([...standardFields, 'esp_band']);

/**
 * The fields the built-in indicators read, each holding what its name says: emergency_admission is
 * all emergency admissions, never the COPD ones that copd_emergency_admission counts.
 */
const catalogueFields = (): Set<string> => new Set(builtInIndicators().flatMap(fieldsUsed));

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
    const fromDiagnoses = everyRowHint(needed, dataset) ?? diagnosisHint(needed, dataset);
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
