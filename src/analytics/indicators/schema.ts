import { z } from 'zod';
import { isSafeIdentifier } from '../sql-text.ts';

const field = z
  .string()
  .refine(isSafeIdentifier, { message: 'Field names use lower-case letters, digits and underscores' });
const scalar = z.union([z.number(), z.string().max(200)]);

/** One condition on a row; conditions in a list must all hold. */
export const conditionSchema = z
  .object({
    field,
    op: z.enum(['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte', 'present', 'absent']),
    value: z.union([scalar, z.array(scalar).min(1).max(50)]).optional(),
  })
  .strict()
  .refine((c) => (c.op === 'present' || c.op === 'absent' ? c.value === undefined : c.value !== undefined), {
    message: 'Give a value for every condition except "present" and "absent"',
  })
  .refine((c) => (c.op === 'in') === Array.isArray(c.value), { message: 'Only "in" takes a list of values' });

const rowsSchema = z
  .object({ description: z.string().min(3).max(500), where: z.array(conditionSchema).max(10).default([]) })
  .strict();
const populationSchema = z
  .object({
    description: z.string().min(3).max(500),
    population: z
      .object({ ageFrom: z.number().int().min(0).max(90), ageTo: z.number().int().min(0).max(90) })
      .strict(),
  })
  .strict();

export const statistics = ['proportion', 'crude-rate', 'dsr', 'mean', 'median'] as const;

export const indicatorSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/, {
      message: 'The identifier uses lower-case letters, digits and hyphens',
    }),
    title: z.string().min(5).max(200),
    programme: z.enum(['Core20PLUS5 adults', 'Core20PLUS5 children and young people', 'Access', 'Local']),
    area: z.string().min(2).max(100),
    statistic: z.enum(statistics),
    numerator: rowsSchema,
    denominator: z.union([rowsSchema, populationSchema]),
    /** The measured field for means and medians. */
    value: z
      .object({ field, description: z.string().min(3).max(300) })
      .strict()
      .optional(),
    multiplier: z.number().positive().max(1_000_000).optional(),
    polarity: z.enum(['high-is-good', 'low-is-good', 'no-judgement']),
    unit: z.string().min(1).max(40),
    definition: z.string().min(10).max(2000),
    caveats: z.array(z.string().min(3).max(500)).max(10).default([]),
    source: z.string().max(300).optional(),
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
