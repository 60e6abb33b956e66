// The column mapping an import runs with, and how one is detected from a file's own columns
// (mapping-input.ts reads what a person writes).
import { z } from 'zod';
import { isSafeIdentifier } from '../sql-text.ts';
import {
  identifyingColumn,
  normaliseHeading,
  recogniseColumns,
  runsWordsTogether,
  waitStartHeadings,
} from './headings.ts';
import { codingIds, measureCodings, namesCoding, type CodingId } from './coded-measures.ts';
import { diagnosisMeasureNames } from './diagnosis-measures.ts';
import { plusGroupFlag } from './plus-group-flags.ts';
import { yesNoMeasureHeadedAs } from './yes-no-measures.ts';

/**
 * The fields the import writes itself, whatever the file's columns: no measure, flag or attribute
 * takes their names. A column headed "Period" is kept as period_in_file, beside the financial year.
 */
export const ownFields: ReadonlySet<string> = new Set([
  'person_id',
  'lsoa_code',
  'age',
  'age_band',
  'esp_band',
  'sex',
  'ethnic_code',
  'event_date',
  'period',
]);
const notOwn = (name: string): string => (ownFields.has(name) ? `${name}_in_file` : name);

/** How a measure in weeks may be given otherwise (`measuresGivenAs`). */
export const measureForms = ['days', 'start-date'] as const;
export type MeasureForm = (typeof measureForms)[number];

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
        /** Read only to work out age at the event date when there is no age; never stored. */
        date_of_birth: sourceName.optional(),
        /**
         * Read only to look each row's LSOA up in the postcode directory when the file has no LSOA
         * column (lsoa-from-postcode.ts); never stored.
         */
        postcode: sourceName.optional(),
        /**
         * Read only to look each row's LSOA code up from its name ("Leicester 001A") when the file
         * has no LSOA code column (lsoa-from-name.ts); never stored.
         */
        lsoa_name: sourceName.optional(),
      })
      .strict(),
    lsoaVintage: z.enum(['2011', '2021']).default('2021'),
    ethnicityCoding: z.enum(['nhs', 'ons2021']).default('nhs'),
    /** Dates written in numbers with the month first (05/01/2024), given or found (date-order.ts). */
    dateOrder: z.enum(['day-first', 'month-first']).optional(),
    /** Measures read from the Data Dictionary's codes (coded-measures.ts): measure → coding. */
    measureCodings: z.record(fieldName, z.enum(codingIds)).default({}),
    /** Numeric measure fields: Parity name → column in the file. */
    measures: z.record(fieldName, sourceName).default({}),
    /**
     * Measures the catalogue reads in weeks whose column gives them otherwise: 'days' ("Days
     * waited"), stored as days ÷ 7, so that 127 days is more than 18 weeks; or 'start-date' (an RTT
     * clock start), stored as the days from it to the date of each row (the week ending) ÷ 7.
     */
    measuresGivenAs: z.record(fieldName, z.enum(measureForms)).default({}),
    /**
     * Measures counted from the primary diagnosis (diagnosis-measures.ts): field → the column of
     * primary diagnoses (ICD-10), read with the emergency_admission measure or the main procedure.
     */
    diagnosisMeasures: z.partialRecord(z.enum(diagnosisMeasureNames), sourceName).default({}),
    /** The column of main procedures (OPCS-4), which tooth_extraction is counted with. */
    mainProcedure: sourceName.optional(),
    /**
     * Yes/no measures that every row of the file is, stored as 1 on each: ["emergency_admission"]
     * for an extract of emergency admissions only, which has no admission method to read it from.
     */
    allRows: z.array(fieldName).default([]),
    /** Text fields kept as they are (e.g. specialty, activity type), for filters and breakdowns. */
    attributes: z.record(fieldName, sourceName).default({}),
    /** Yes/no flags such as learning disability: Parity name (flag_…) → column in the file. */
    flags: z
      .record(
        fieldName.refine((n) => n.startsWith('flag_'), { message: 'Flag names start with flag_' }),
        sourceName,
      )
      .default({}),
    /**
     * Set when the person identifiers are NHS numbers (given so, or found at import): they are
     * pseudonymised before they are stored, in every file added later too (pseudonym.ts).
     */
    personIds: z.enum(['nhs-number']).optional(),
    /**
     * For HES admitted patient care: import only each stay's first episode (EPIORDER 1), so that
     * each admission counts once; the later episodes are left out and counted (hes-episodes.ts).
     */
    firstEpisodesOnly: z.boolean().optional(),
    /** For XLSX: the worksheet to read (default: the first). */
    sheet: z.string().optional(),
    /** For XLSX: also read every other worksheet with the same headings, below its rows. */
    allSheets: z.boolean().optional(),
  })
  .strict();

export type ColumnMapping = z.output<typeof columnMappingSchema>;

/**
 * Where a dataset's ages in years come from: an age column, or a date of birth and the event date
 * (age at the event, worked out at import); null when it has neither.
 */
export function ageSource(m: ColumnMapping): 'age' | 'date_of_birth' | null {
  if (m.columns.age) return 'age';
  return m.columns.date_of_birth && m.columns.event_date ? 'date_of_birth' : null;
}

/** Every column of the file that a mapping reads, once each. */
export function sourceColumnsOf(m: ColumnMapping): string[] {
  const all = [
    ...Object.values(m.columns),
    ...Object.values(m.measures),
    ...Object.values(m.diagnosisMeasures),
    m.mainProcedure,
    ...Object.values(m.flags),
    ...Object.values(m.attributes),
  ].filter((c): c is string => typeof c === 'string');
  return [...new Set(all)];
}

/** What the first rows of a file say of its columns, beyond their headings and types. */
export interface ColumnSamples {
  /** Text columns whose values are mostly numbers (or yes/no): measures, with the rest reported. */
  mostlyNumbers: ReadonlySet<string>;
  /** Yes/no columns with a PLUS-group heading (plus-group-flags.ts), read as flags. */
  yesNo: ReadonlySet<string>;
  /** Columns whose values identify people (identifying-values.ts), with what they hold. */
  identifying: ReadonlyMap<string, string>;
  /** Columns of codes that give a measure (coded-measures.ts), with their coding. */
  coded: ReadonlyMap<string, CodingId>;
}

export const noSamples: ColumnSamples = {
  mostlyNumbers: new Set(),
  yesNo: new Set(),
  identifying: new Map(),
  coded: new Map(),
};

/** A column heading as a field name: lower case, words joined by underscores. */
const fieldNameFor = (heading: string): string => normaliseHeading(heading).slice(0, 63);

/**
 * The field name a column gets when no mapping names it: "Weeks waited" and "WaitWeeks" become
 * weeks_waited and wait_weeks; a name that cannot be made safe is not one (isSafeIdentifier).
 */
export const defaultFieldName = (column: string): string => {
  const lowered = column.toLowerCase();
  return isSafeIdentifier(lowered) && !runsWordsTogether(column) ? lowered : fieldNameFor(column);
};

/**
 * Measures that cannot be below zero: no one waits less than no time. A value below zero is reported
 * by row and stored as none, so that it cannot pull a mean or median down.
 */
export const notBelowZero: ReadonlySet<string> = new Set(['wait_weeks']);

/**
 * Measures of the catalogue that extracts head otherwise, by their normalised headings, and what
 * each is: a column of numbers under one of them is read as the measure when no column has its name.
 */
export const measureHeadings: Record<string, { headings: string[]; what: string }> = {
  wait_weeks: {
    headings: [
      'weeks_waited',
      'weeks_waiting',
      'waiting_weeks',
      'wait_in_weeks',
      'weeks_wait',
      'total_weeks_waited',
      'rtt_weeks_waited',
      'weeks_on_waiting_list',
      // As the days' headings below ("Waiting time (days)").
      'waiting_time_weeks',
      'waiting_time_in_weeks',
      'wait_time_weeks',
      'wait_time_in_weeks',
    ],
    what: 'the weeks waited that the waiting-list indicators read',
  },
  gestation_weeks: {
    headings: [
      'gestation_weeks',
      'gestation_in_weeks',
      'weeks_gestation',
      'gestation_at_birth_weeks',
      'gestation_at_birth_in_weeks',
      'gestational_age_weeks',
      'gestational_age_in_weeks',
      'gestational_age_at_birth_weeks',
    ],
    what: 'the gestation at birth that the preterm births indicator reads',
  },
  // Stages written as plain numbers; other forms (2A, IIIB, X) are read as codes (coded-measures.ts).
  cancer_stage: {
    headings: ['stage_best', 'stage_at_diagnosis', 'overall_stage', 'tnm_stage_group', 'stage_group'],
    what: 'the stage at diagnosis that the early diagnosis indicator reads',
  },
};

/** The measure of numbers a column's heading names ("Weeks waited": wait_weeks), if any. */
export const measureHeadedAs = (column: string): string | undefined => {
  const heading = normaliseHeading(column);
  return Object.keys(measureHeadings).find((field) => measureHeadings[field]!.headings.includes(heading));
};

/** Measures of the catalogue in weeks that extracts give in days, by their normalised headings. */
const measureDayHeadings: Record<string, string[]> = {
  // The Maternity Services Data Set's GestationLengthBirth is in days.
  gestation_weeks: [
    'gestation_length_birth',
    'gestation_length_at_birth',
    'gestation_days',
    'gestation_in_days',
    'gestational_age_days',
    'gestational_age_in_days',
    'gestation_at_birth_days',
  ],
  wait_weeks: [
    'days_waited',
    'days_waiting',
    'waiting_days',
    'wait_days',
    'wait_in_days',
    'days_wait',
    'waiting_time_days',
    'waiting_time_in_days',
    'wait_time_days',
    'total_days_waited',
    'rtt_days_waited',
    'days_on_waiting_list',
  ],
};

/** The measure in weeks a column of the dates waits began gives, from its heading ("Clock start date"). */
export const measureStartHeadedAs = (column: string): string | undefined =>
  waitStartHeadings.includes(normaliseHeading(column)) ? 'wait_weeks' : undefined;

/** The measure in weeks a column of days is read as, from its heading ("Days waited": wait_weeks). */
export const measureInDaysHeadedAs = (column: string): string | undefined => {
  const heading = normaliseHeading(column);
  return Object.keys(measureDayHeadings).find((field) => measureDayHeadings[field]!.includes(heading));
};

/**
 * The mapping used when none is given: standard fields recognised from their headings (headings.ts),
 * `flag_…` columns as flags, numeric columns as measures (and text columns whose values are
 * mostly numbers, so that a stray "n/a" is reported rather than turning the column into text),
 * yes/no columns whose heading names a PLUS group ("Learning disability") as flags, a column of
 * codes whose heading names them ("Attended or did not attend") as their measure, a column of
 * numbers under a heading extracts usually give a catalogue measure ("Weeks waited") as it, and other
 * columns as attributes; columns that identify people (NHS number, name, postcode …, by heading or
 * by value) not at all.
 */
export function defaultMapping(
  described: { name: string; type: string }[],
  samples: ColumnSamples = noSamples,
): ColumnMapping {
  const { mostlyNumbers, yesNo, identifying, coded } = samples;
  const sourceColumns = described.map((d) => d.name);
  const numeric = new Set(
    described
      .filter((d) => /INT|DOUBLE|FLOAT|DECIMAL|REAL|BOOLEAN/i.test(d.type) || mostlyNumbers.has(d.name))
      .map((d) => d.name),
  );
  const recognised = recogniseColumns(sourceColumns);
  const standard = new Set(Object.values(recognised.columns));
  const measures: Record<string, string> = {};
  const measuresGivenAs: Record<string, MeasureForm> = {};
  // "Days waited" gives wait_weeks only when no column gives the weeks themselves, and a clock
  // start only when no column gives the weeks or the days, and the file has the date of each row.
  const inWeeks = new Set(sourceColumns.filter((c) => numeric.has(c)).map(measureHeadedAs));
  const inDays = new Set(sourceColumns.filter((c) => numeric.has(c)).map(measureInDaysHeadedAs));
  const dated = recognised.columns.event_date !== undefined;
  const flags: Record<string, string> = {};
  const attributes: Record<string, string> = {};
  const taken = new Set(sourceColumns.map((c) => c.toLowerCase()));
  for (const column of sourceColumns) {
    // Columns that identify people are never imported unless a mapping names them (mapping-notes.ts says so).
    if (standard.has(column) || identifyingColumn(column) || identifying.has(column)) continue;
    const lowered = column.toLowerCase();
    // A name that cannot be made safe, or would clash, is left out.
    const name = notOwn(defaultFieldName(column));
    // "Attended or did not attend" holding attendance codes is the dna measure, and so on.
    const coding = coded.get(column);
    const measure = coding && namesCoding(column, coding) ? measureCodings[coding].measure : undefined;
    if (measure && (name === measure || !taken.has(measure)) && !(measure in measures)) {
      taken.add(measure);
      measures[measure] = column;
      continue;
    }
    // "Weeks waited" is the wait_weeks measure, unless the file has a wait_weeks column too; a
    // "DNA flag" is dna if its values are yes or no.
    const headed = numeric.has(column)
      ? (measureHeadedAs(column) ?? (yesNo.has(column) ? yesNoMeasureHeadedAs(column) : undefined))
      : undefined;
    if (headed && !taken.has(headed)) {
      taken.add(headed);
      measures[headed] = column;
      continue;
    }
    const days = numeric.has(column) ? measureInDaysHeadedAs(column) : undefined;
    if (days && !taken.has(days) && !inWeeks.has(days)) {
      taken.add(days);
      measures[days] = column;
      measuresGivenAs[days] = 'days';
      continue;
    }
    const started = dated ? measureStartHeadedAs(column) : undefined;
    if (started && !taken.has(started) && !inWeeks.has(started) && !inDays.has(started)) {
      taken.add(started);
      measures[started] = column;
      measuresGivenAs[started] = 'start-date';
      continue;
    }
    if (!isSafeIdentifier(name) || (name !== lowered && taken.has(name))) continue;
    taken.add(name);
    const plusGroup = yesNo.has(column) ? plusGroupFlag(column) : undefined;
    if (name.startsWith('flag_')) flags[name] = column;
    else if (plusGroup && !taken.has(plusGroup)) {
      taken.add(plusGroup);
      flags[plusGroup] = column;
    } else if (numeric.has(column)) measures[name] = column;
    else attributes[name] = column;
  }
  return columnMappingSchema.parse({
    columns: { lsoa_code: 'lsoa_code', ...recognised.columns },
    lsoaVintage: recognised.lsoaVintage ?? '2021',
    measures,
    measuresGivenAs,
    flags,
    attributes,
  });
}
