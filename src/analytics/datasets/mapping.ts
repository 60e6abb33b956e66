// The column mapping an import runs with, and how one is detected from a file's own columns
// (mapping-input.ts reads what a person writes).
import { z } from 'zod';
import { isSafeIdentifier } from '../sql-text.ts';

const fieldName = z.string().refine(isSafeIdentifier, {
  message: 'Field names use lower-case letters, digits and underscores, starting with a letter',
});
export const sourceName = z
  .string()
  .min(1, { message: 'give the column name as it appears in the file' })
  .max(200);

/** How the columns of someone's extract map onto Parity's standard fields. */
export const columnMappingSchema = z
  .object({
    columns: z
      .object({
        person_id: sourceName.optional(),
        lsoa_code: sourceName,
        age: sourceName.optional(),
        age_band: sourceName.optional(),
        sex: sourceName.optional(),
        ethnicity: sourceName.optional(),
        event_date: sourceName.optional(),
      })
      .strict(),
    lsoaVintage: z.enum(['2011', '2021']).default('2021'),
    ethnicityCoding: z.enum(['nhs', 'ons2021']).default('nhs'),
    /** Numeric measure fields: Parity name → column in the file. */
    measures: z.record(fieldName, sourceName).default({}),
    /** Text fields kept as they are (e.g. specialty, activity type), for filters and breakdowns. */
    attributes: z.record(fieldName, sourceName).default({}),
    /** Yes/no flags such as learning disability: Parity name (flag_…) → column in the file. */
    flags: z
      .record(
        fieldName.refine((n) => n.startsWith('flag_'), { message: 'Flag names start with flag_' }),
        sourceName,
      )
      .default({}),
    /** For XLSX: the worksheet to read (default: the first). */
    sheet: z.string().optional(),
  })
  .strict();

export type ColumnMapping = z.output<typeof columnMappingSchema>;

/** Every column of the file that a mapping reads, once each. */
export function sourceColumnsOf(m: ColumnMapping): string[] {
  const all = [
    ...Object.values(m.columns),
    ...Object.values(m.measures),
    ...Object.values(m.flags),
    ...Object.values(m.attributes),
  ].filter((c): c is string => typeof c === 'string');
  return [...new Set(all)];
}

/** Whether detection would make the column a measure, flag or attribute (not a standard field). */
export const isFieldColumn = (column: string): boolean => {
  const lowered = column.toLowerCase();
  return !(standardNames.includes(lowered) || lowered === 'ethnicity' || lsoaAliases.includes(lowered));
};

/** A column heading as a field name: lower case, words joined by underscores. */
const fieldNameFor = (heading: string): string =>
  heading
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 63);

const standardNames = ['person_id', 'lsoa_code', 'age', 'age_band', 'sex', 'ethnic_code', 'event_date'];
const lsoaAliases = ['lsoa_code', 'lsoa21_code', 'lsoa11_code', 'lsoa21cd', 'lsoa11cd', 'lsoa'];

/**
 * The mapping used when none is given: standard names as they are, `flag_…` columns as flags,
 * numeric columns as measures (and text columns whose values are `mostlyNumbers`, so that a stray
 * "n/a" is reported rather than turning the column into text) and other columns as attributes.
 */
export function defaultMapping(
  described: { name: string; type: string }[],
  mostlyNumbers: ReadonlySet<string> = new Set(),
): ColumnMapping {
  const sourceColumns = described.map((d) => d.name);
  const numeric = new Set(
    described
      .filter((d) => /INT|DOUBLE|FLOAT|DECIMAL|REAL|BOOLEAN/i.test(d.type) || mostlyNumbers.has(d.name))
      .map((d) => d.name),
  );
  const lower = new Map(sourceColumns.map((c) => [c.toLowerCase(), c]));
  const lsoa = lsoaAliases.map((a) => lower.get(a)).find(Boolean);
  const measures: Record<string, string> = {};
  const flags: Record<string, string> = {};
  const attributes: Record<string, string> = {};
  const taken = new Set(sourceColumns.map((c) => c.toLowerCase()));
  for (const column of sourceColumns) {
    if (!isFieldColumn(column)) continue;
    const lowered = column.toLowerCase();
    // "Weeks waited" becomes weeks_waited; a name that cannot be made safe, or would clash, is left out.
    const name = isSafeIdentifier(lowered) ? lowered : fieldNameFor(lowered);
    if (!isSafeIdentifier(name) || (name !== lowered && taken.has(name))) continue;
    taken.add(name);
    if (name.startsWith('flag_')) flags[name] = column;
    else if (numeric.has(column)) measures[name] = column;
    else attributes[name] = column;
  }
  const pick = (name: string) => lower.get(name);
  return columnMappingSchema.parse({
    columns: {
      person_id: pick('person_id'),
      lsoa_code: lsoa ?? 'lsoa_code',
      age: pick('age'),
      age_band: pick('age_band'),
      sex: pick('sex'),
      ethnicity: pick('ethnic_code') ?? pick('ethnicity'),
      event_date: pick('event_date'),
    },
    lsoaVintage: lower.has('lsoa11_code') || lower.has('lsoa11cd') ? '2011' : '2021',
    measures,
    flags,
    attributes,
  });
}
