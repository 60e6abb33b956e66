import { z } from 'zod';
import { isSafeIdentifier } from '../sql-text.ts';

const fieldName = z.string().refine(isSafeIdentifier, {
  message: 'Field names use lower-case letters, digits and underscores, starting with a letter',
});
const sourceName = z.string().min(1, { message: 'Give the column name as it appears in the file' }).max(200);

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

const standardNames = ['person_id', 'lsoa_code', 'age', 'age_band', 'sex', 'ethnic_code', 'event_date'];
const lsoaAliases = ['lsoa_code', 'lsoa21_code', 'lsoa11_code', 'lsoa21cd', 'lsoa11cd', 'lsoa'];

/**
 * The mapping used when none is given: standard names as they are, `flag_…` columns as flags and
 * every other column as a measure.
 */
export function defaultMapping(described: { name: string; type: string }[]): ColumnMapping {
  const sourceColumns = described.map((d) => d.name);
  const numeric = new Set(
    described.filter((d) => /INT|DOUBLE|FLOAT|DECIMAL|REAL|BOOLEAN/i.test(d.type)).map((d) => d.name),
  );
  const lower = new Map(sourceColumns.map((c) => [c.toLowerCase(), c]));
  const lsoa = lsoaAliases.map((a) => lower.get(a)).find(Boolean);
  const measures: Record<string, string> = {};
  const flags: Record<string, string> = {};
  const attributes: Record<string, string> = {};
  for (const column of sourceColumns) {
    const name = column.toLowerCase();
    if (standardNames.includes(name) || name === 'ethnicity' || lsoaAliases.includes(name)) continue;
    if (!isSafeIdentifier(name)) continue;
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
