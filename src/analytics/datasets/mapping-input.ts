// What a person may write as a column mapping (a JSON file or the import form): every part
// optional, every problem named; and the mapping it resolves to over what is detected from the file.
import { z } from 'zod';
import { isSafeIdentifier } from '../sql-text.ts';
import { codingIds } from './coded-measures.ts';
import { diagnosisMeasureNames } from './diagnosis-measures.ts';
import { listInWords } from '../in-words.ts';
import { looseHeading, lsoaVintageOf } from './headings.ts';
import {
  columnMappingSchema,
  defaultMapping,
  measureForms,
  ownFields,
  noSamples,
  sourceName,
  type ColumnMapping,
  type ColumnSamples,
} from './mapping.ts';

/** Parity name → column in the file, each name checked with its own message. */
const namedFields = (kind: 'field' | 'flag') =>
  z.record(z.string(), sourceName).superRefine((record, ctx) => {
    for (const name of Object.keys(record)) {
      const message = !isSafeIdentifier(name)
        ? 'names use lower-case letters, digits and underscores, starting with a letter'
        : kind === 'flag' && !name.startsWith('flag_')
          ? 'flag names start with flag_'
          : ownFields.has(name)
            ? ownFieldMessage(name)
            : null;
      if (message) ctx.addIssue({ code: 'custom', path: [name], message });
    }
  });

/** Why a field cannot take the name of one the import writes itself. */
const ownFieldMessage = (name: string): string =>
  `${name} is a field Parity writes itself (a standard field, under columns, or worked out from them): give this one another name, such as ${name}_in_file`;

/** A setting given for each of some measures by their field names (measureCodings, measuresGivenAs). */
const settingByField = <T extends z.ZodType>(value: T) =>
  z.record(z.string(), value).superRefine((record, ctx) => {
    for (const name of Object.keys(record))
      if (!isSafeIdentifier(name))
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'names use lower-case letters, digits and underscores, starting with a letter',
        });
  });

const settings = [
  'columns',
  'lsoaVintage',
  'ethnicityCoding',
  'dateOrder',
  'measures',
  'measureCodings',
  'measuresGivenAs',
  'diagnosisMeasures',
  'mainProcedure',
  'allRows',
  'attributes',
  'flags',
  'personIds',
  'firstEpisodesOnly',
  'sheet',
  'allSheets',
];
const standardColumns = [
  'person_id',
  'lsoa_code',
  'age',
  'age_band',
  'sex',
  'ethnicity',
  'event_date',
  'date_of_birth',
  'postcode',
  'lsoa_name',
];
/** ethnic_code, the stored field's name, is read as ethnicity (people copy it from the file names). */
const aliases: Record<string, string> = { ethnic_code: 'ethnicity' };

/**
 * What a person may write in a mapping file: every part is optional, and what is left out is
 * detected from the file as when no mapping is given (standard names; other columns as measures,
 * flags or attributes). Measures, flags or attributes that are given replace the detected ones.
 */
export const mappingInputSchema = z.strictObject(
  {
    columns: z
      .strictObject(
        Object.fromEntries(
          [...standardColumns, ...Object.keys(aliases)].map((c) => [c, sourceName.optional()]),
        ),
        {
          error: (issue) =>
            issue.code === 'unrecognized_keys'
              ? `columns: ${issue.keys.join(', ')} is not a standard field (${standardColumns.join(', ')}; other fields go under measures, flags or attributes)`
              : 'columns: give the standard fields as an object, like the example',
        },
      )
      .optional(),
    lsoaVintage: z.enum(['2011', '2021'], { message: 'give "2011" or "2021"' }).optional(),
    ethnicityCoding: z.enum(['nhs', 'ons2021'], { message: 'give "nhs" or "ons2021"' }).optional(),
    dateOrder: z
      .enum(['day-first', 'month-first'], { message: 'give "day-first" or "month-first"' })
      .optional(),
    measures: namedFields('field').optional(),
    /** As an import prints its mapping: measures read from codes (coded-measures.ts). */
    measureCodings: settingByField(
      z.enum(codingIds, { message: `give one of ${codingIds.join(', ')}` }),
    ).optional(),
    /** Measures in weeks given otherwise: {"wait_weeks": "days"} or {"wait_weeks": "start-date"}. */
    measuresGivenAs: settingByField(
      z.enum(measureForms, {
        message: 'give "days" for a column of days read as weeks, or "start-date" for the date a wait began',
      }),
    ).optional(),
    /** Measures counted from the primary diagnosis: {"copd_emergency_admission": "DIAG_4_01"}. */
    diagnosisMeasures: z
      .record(z.string(), sourceName)
      .superRefine((record, ctx) => {
        for (const name of Object.keys(record))
          if (!(diagnosisMeasureNames as readonly string[]).includes(name))
            ctx.addIssue({
              code: 'custom',
              path: [name],
              message: `is not counted from diagnoses (give ${listInWords(diagnosisMeasureNames, 'or')}, with the column of primary diagnoses)`,
            });
      })
      .optional(),
    /** The column of main procedures (OPCS-4) tooth_extraction is counted with. */
    mainProcedure: sourceName.optional(),
    /** Yes/no measures every row is: ["emergency_admission"] for a file of emergency admissions only. */
    allRows: z
      .array(z.string().refine(isSafeIdentifier), {
        message:
          'allRows: give a list of field names, such as ["emergency_admission"], in lower-case letters, digits and underscores',
      })
      .superRefine((names, ctx) => {
        for (const name of names.filter((n) => ownFields.has(n)))
          ctx.addIssue({ code: 'custom', message: `allRows: ${ownFieldMessage(name)}` });
      })
      .optional(),
    attributes: namedFields('field').optional(),
    flags: namedFields('flag').optional(),
    personIds: z
      .enum(['nhs-number'], {
        message: 'personIds: give "nhs-number" when the person identifiers are NHS numbers, or leave it out',
      })
      .optional(),
    firstEpisodesOnly: z.boolean({ message: 'firstEpisodesOnly: give true or false' }).optional(),
    sheet: z.string().min(1, { message: "sheet: give the worksheet's name" }).optional(),
    allSheets: z.boolean({ message: 'allSheets: give true or false' }).optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.join(', ')} is not a mapping setting (the settings are ${settings.join(', ')})`
        : 'The mapping must be a JSON object, like the example',
  },
);

export type MappingInput = z.output<typeof mappingInputSchema>;

/** Every problem with a mapping as written, each named by where it is ("measures.dna: …"); none when it can be used. */
export function mappingProblems(raw: unknown): string[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return ['The mapping must be a JSON object, like the example'];
  const result = mappingInputSchema.safeParse(raw);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    return where && !issue.message.startsWith(`${where.split('.')[0]}:`) && issue.code !== 'unrecognized_keys'
      ? `${where}: ${issue.message}`
      : issue.message;
  });
}

/** The mapping to import with: what the person wrote, over what is detected from the file. */
export function resolveMapping(
  input: MappingInput | undefined,
  described: { name: string; type: string }[],
  samples: ColumnSamples = noSamples,
): ColumnMapping {
  if (!input) return defaultMapping(described, samples);
  const given = Object.fromEntries(
    Object.entries(input.columns ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [aliases[k] ?? k, v]),
  );
  // A column the person mapped to a standard field is not detected as another one, nor as a
  // measure or attribute.
  const mapped = new Set(Object.values(given));
  const detected = defaultMapping(
    described.filter((d) => !mapped.has(d.name)),
    samples,
  );
  const columns = { ...detected.columns, ...given };
  // Nor is a column the person listed as a measure, flag or attribute detected as another kind.
  const listed = new Set(
    [input.measures, input.flags, input.attributes].flatMap((fields) => Object.values(fields ?? {})),
  );
  // Nor is a field the person says every row is detected from a column.
  const everyRow = new Set(input.allRows ?? []);
  const unmapped = (detectedFields: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(detectedFields).filter(
        ([field, column]) => !mapped.has(column) && !listed.has(column) && !everyRow.has(field),
      ),
    );
  return columnMappingSchema.parse({
    columns,
    lsoaVintage: input.lsoaVintage ?? lsoaVintageOf(columns.lsoa_code) ?? '2021',
    ethnicityCoding: input.ethnicityCoding ?? detected.ethnicityCoding,
    measures: input.measures ?? unmapped(detected.measures),
    measureCodings: input.measureCodings ?? {},
    measuresGivenAs: input.measuresGivenAs ?? (input.measures ? {} : detected.measuresGivenAs),
    diagnosisMeasures: input.diagnosisMeasures ?? {},
    ...(input.mainProcedure ? { mainProcedure: input.mainProcedure } : {}),
    allRows: input.allRows ?? [],
    attributes: input.attributes ?? unmapped(detected.attributes),
    flags: input.flags ?? unmapped(detected.flags),
    ...(input.personIds ? { personIds: input.personIds } : {}),
    ...(input.dateOrder ? { dateOrder: input.dateOrder } : {}),
    ...(input.firstEpisodesOnly ? { firstEpisodesOnly: true } : {}),
    ...(input.sheet ? { sheet: input.sheet } : {}),
    ...(input.allSheets ? { allSheets: true } : {}),
  });
}

/**
 * The mapping with each column it names as the file spells it, where the person typed it with other
 * case or spacing: "Appointment date" for a heading wrapped onto two lines in the file, "age" for
 * "Age". A name that matches no column, or more than one, is left as written.
 */
export function withFileSpelling(input: MappingInput, columns: string[]): MappingInput {
  const present = new Set(columns);
  const spelled = (name: string): string => {
    if (present.has(name)) return name;
    const matches = columns.filter((c) => looseHeading(c) === looseHeading(name));
    return matches.length === 1 ? matches[0]! : name;
  };
  const respell = <T extends Record<string, string | undefined> | undefined>(names: T): T =>
    (names &&
      Object.fromEntries(Object.entries(names).map(([k, v]) => [k, v === undefined ? v : spelled(v)]))) as T;
  return {
    ...input,
    columns: respell(input.columns),
    measures: respell(input.measures),
    diagnosisMeasures: respell(input.diagnosisMeasures),
    ...(input.mainProcedure ? { mainProcedure: spelled(input.mainProcedure) } : {}),
    flags: respell(input.flags),
    attributes: respell(input.attributes),
  };
}
