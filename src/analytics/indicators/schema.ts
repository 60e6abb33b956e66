import { z } from 'zod';
import { listInWords } from '../in-words.ts';
import { isSafeIdentifier } from '../sql-text.ts';

const field = z
  .string({ message: 'Name the dataset field' })
  .refine(isSafeIdentifier, { message: 'Field names use lower-case letters, digits and underscores' });
const scalar = z.union([z.number(), z.string().max(200, { message: 'A value is at most 200 characters' })]);
/** Text between `min` and `max` characters, named in its messages. */
const text = (what: string, min: number, max: number) =>
  z
    .string({ message: `Give ${what}` })
    .trim()
    .min(min, { message: `Give ${what}${min > 1 ? ` (at least ${min} characters)` : ''}` })
    .max(max, {
      message: `${what.replace(/^(a|an|the) /, '').replace(/^./, (c) => c.toUpperCase())} is at most ${max} characters`,
    });
const age = z
  .number({ message: 'Ages are whole numbers from 0 to 90' })
  .int({ message: 'Ages are whole numbers from 0 to 90' })
  .min(0, { message: 'Ages are whole numbers from 0 to 90' })
  .max(90, { message: 'Ages are whole numbers from 0 to 90 (90 means 90 and over)' });

/** One condition on a row; conditions in a list must all hold. */
export const conditionSchema = z
  .object({
    field,
    op: z.enum(['eq', 'ne', 'in', 'startsWith', 'lt', 'lte', 'gt', 'gte', 'present', 'absent'], {
      message:
        'A condition compares with eq, ne, in, startsWith, lt, lte, gt or gte, or tests present or absent',
    }),
    value: z
      .union([scalar, z.array(scalar).min(1).max(50, { message: 'A list has at most 50 values' })])
      .optional(),
  })
  .strict()
  .refine((c) => (c.op === 'present' || c.op === 'absent' ? c.value === undefined : c.value !== undefined), {
    message: 'Give a value for every condition except "present" and "absent"',
  })
  .refine((c) => (c.op === 'in' || c.op === 'startsWith') === Array.isArray(c.value), {
    message: 'Only "in" and "startsWith" take a list of values',
  })
  // A code's first characters: an ICD-10 category ("J44" for J44.1 and J441), an OPCS-4 one's.
  .refine(
    (c) =>
      c.op !== 'startsWith' ||
      !Array.isArray(c.value) ||
      c.value.every((v) => typeof v === 'string' && /^[A-Za-z0-9.]{1,10}$/.test(v)),
    { message: 'starts with takes the first letters and figures of codes, such as J44' },
  )
  .refine((c) => !['lt', 'lte', 'gt', 'gte'].includes(c.op) || typeof c.value === 'number', {
    message: 'lt, lte, gt and gte compare with a number',
  });

/** The message for a part a numerator or denominator does not have ("wher" for "where"). */
function partsError(issue: { code?: string; keys?: string[] }, what: string, parts: string[]) {
  if (issue.code !== 'unrecognized_keys' || !issue.keys) return undefined;
  return `${listInWords(issue.keys.map((k) => `"${k}"`))} ${issue.keys.length === 1 ? 'is' : 'are'} not part of a ${what} (its parts are ${listInWords(parts)})`;
}

const conditions = z.array(conditionSchema).max(10, { message: 'Give at most 10 conditions' });
const rowsSchema = z
  .object(
    { description: text('a description', 3, 500), where: conditions.default([]) },
    {
      error: (issue) =>
        partsError(issue, 'numerator', ['description', 'where']) ??
        'Give the numerator: its description and the conditions its rows meet (where)',
    },
  )
  .strict();
const populationRange = z
  .object({ ageFrom: age, ageTo: age })
  .strict()
  .refine((p) => p.ageFrom <= p.ageTo, { message: 'The first age is not above the last' });

interface RowsDenominator {
  description: string;
  where: z.output<typeof conditionSchema>[];
}
interface PopulationDenominator {
  description: string;
  population: z.output<typeof populationRange>;
}

/**
 * Rows meeting conditions, or (for rates) a population age range. One object rather than a union,
 * so that a mistake inside either kind is reported where it is rather than as "invalid input".
 */
const denominatorSchema = z
  .object(
    {
      description: text('a description', 3, 500),
      where: conditions.optional(),
      population: populationRange.optional(),
    },
    {
      error: (issue) =>
        partsError(issue, 'denominator', ['description', 'where', 'population']) ??
        'Give the denominator: its description and the conditions its rows meet (where), or, for a rate, its population',
    },
  )
  .strict()
  .refine((d) => !(d.population && d.where?.length), {
    message: 'A denominator is either rows with conditions or a population age range, not both',
  })
  .transform((d): RowsDenominator | PopulationDenominator =>
    d.population
      ? { description: d.description, population: d.population }
      : { description: d.description, where: d.where ?? [] },
  );

/** Indicator identifiers: lower-case letters, digits and hyphens. */
export const indicatorIdPattern = /^[a-z0-9][a-z0-9-]{1,60}$/;

export const statistics = ['proportion', 'crude-rate', 'dsr', 'mean', 'median'] as const;
/** The programmes indicators belong to: the built-in ones, and Local for a trust's own. */
export const programmes = [
  'Core20PLUS5 adults',
  'Core20PLUS5 children and young people',
  'Access',
  'Health inequalities statement',
  'Local',
] as const;

/** Each statistic in words, for pages. */
export const statisticLabels: Record<(typeof statistics)[number], string> = {
  proportion: 'Proportion (percentage)',
  'crude-rate': 'Crude rate',
  dsr: 'Directly age-standardised rate',
  mean: 'Mean',
  median: 'Median',
};

export const indicatorSchema = z
  .object({
    id: z.string({ message: 'Give a short identifier' }).regex(indicatorIdPattern, {
      message: 'The identifier uses lower-case letters, digits and hyphens',
    }),
    title: text('a title', 5, 200),
    programme: z.enum(programmes, {
      message: `Choose the programme: ${listInWords(programmes, 'or')}`,
    }),
    area: text('the clinical or service area', 2, 100),
    statistic: z.enum(statistics, { message: `Choose the statistic: ${statistics.join(', ')}` }),
    numerator: rowsSchema,
    denominator: denominatorSchema,
    /** The measured field for means and medians. */
    value: z
      .object({ field, description: text('a description of the value', 3, 300) })
      .strict()
      .optional(),
    multiplier: z
      .number({ message: 'The multiplier is a number, for example 100 or 100000' })
      .positive({ message: 'The multiplier is above 0' })
      .max(1_000_000, { message: 'The multiplier is at most 1,000,000' })
      .optional(),
    polarity: z.enum(['high-is-good', 'low-is-good', 'no-judgement'], {
      message: 'Choose whether high values are good, low values are good, or neither',
    }),
    unit: text('the unit', 1, 40),
    definition: text('a definition', 10, 2000),
    caveats: z
      .array(text('a caveat', 3, 500))
      .max(10, { message: 'Give at most 10 caveats' })
      .default([]),
    source: z.string().trim().max(300, { message: 'The source is at most 300 characters' }).optional(),
  })
  .strict()
  .refine((i) => (i.statistic === 'mean' || i.statistic === 'median') === Boolean(i.value), {
    message: 'Means and medians name the field they summarise (value); other statistics do not',
    path: ['value'],
  })
  .refine((i) => ['crude-rate', 'dsr'].includes(i.statistic) || !('population' in i.denominator), {
    message: 'Only rates use a population denominator',
    path: ['denominator'],
  })
  .refine((i) => i.statistic !== 'dsr' || 'population' in i.denominator, {
    message: 'A directly standardised rate needs a population denominator',
    path: ['denominator'],
  });

export type IndicatorDefinition = z.output<typeof indicatorSchema>;
export type Condition = z.output<typeof conditionSchema>;

export function usesPopulation(indicator: IndicatorDefinition): boolean {
  return 'population' in indicator.denominator;
}

/**
 * Whether the indicator is a crude rate over residents of every age, whose denominators by ethnic
 * group the Census 2021 counts of the places give (the tables have no ages, so no other rate).
 */
export function ratesByEthnicGroup(indicator: IndicatorDefinition): boolean {
  if (indicator.statistic !== 'crude-rate' || !('population' in indicator.denominator)) return false;
  const { ageFrom, ageTo } = indicator.denominator.population;
  return ageFrom === 0 && ageTo >= 90;
}

export function defaultMultiplier(indicator: IndicatorDefinition): number {
  if (indicator.multiplier) return indicator.multiplier;
  if (indicator.statistic === 'proportion') return 100;
  if (indicator.statistic === 'crude-rate' || indicator.statistic === 'dsr') return 100_000;
  return 1;
}

/** Every dataset field the indicator reads. */
export function fieldsUsed(indicator: IndicatorDefinition): string[] {
  const where = [
    ...indicator.numerator.where,
    ...('where' in indicator.denominator ? indicator.denominator.where : []),
  ];
  return [...new Set([...where.map((c) => c.field), ...(indicator.value ? [indicator.value.field] : [])])];
}

/** The fields the indicator reads as numbers: compared with a number, or averaged. */
export function numericFieldsUsed(indicator: IndicatorDefinition): string[] {
  const where = [
    ...indicator.numerator.where,
    ...('where' in indicator.denominator ? indicator.denominator.where : []),
  ];
  const numeric = (c: Condition) =>
    ['lt', 'lte', 'gt', 'gte'].includes(c.op) ||
    (Array.isArray(c.value) ? c.value : [c.value]).some((v) => typeof v === 'number');
  return [
    ...new Set([
      ...where.filter(numeric).map((c) => c.field),
      ...(indicator.value ? [indicator.value.field] : []),
    ]),
  ];
}
