import { z } from 'zod';
import { relationPattern } from '../../analytics/postgres-source.ts';

const datasetName = z
  .string()
  .trim()
  .min(1, { message: 'Enter a name for the dataset' })
  .min(2, { message: 'The name must be 2 characters or more' })
  .max(80, { message: 'The name must be 80 characters or fewer' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ()_.,-]*$/, {
    message: 'The name can use letters, numbers, spaces and ( ) _ . , -',
  });

export const datasetImportSchema = z.object({
  name: datasetName,
  file: z.string().min(1, { message: 'Choose a file to import' }),
  sourceName: z.string().max(255).optional(),
});

export const datasetLinkSchema = z.object({
  name: datasetName,
  table: z.string().trim().regex(relationPattern, {
    message: 'Give the table as schema.table, in lower case letters, digits and underscores',
  }),
  vintage: z.enum(['2011', '2021'], { message: 'The LSOA vintage is 2011 or 2021' }).default('2021'),
});

export const computeSchema = z.object({
  datasetName: z.string().min(1, { message: 'Name the dataset (--dataset)' }),
  indicatorId: z.string().optional(),
  by: z.array(z.string()).optional(),
  /** Domain deciles (income_decile …) to break the whole pack down by as well, stored with it. */
  domains: z.array(z.string()).optional(),
  /** Other breakdowns given only when asked for (core20_ethnic), stored with the pack as well. */
  alsoBy: z.array(z.string()).optional(),
});

/** Places as sets of local authority codes, e.g. {"Rutland": ["E06000017"]}. */
export const placesSchema = z.record(
  z.string().trim().min(1).max(100),
  z.array(z.string().regex(/^[A-Z]\d{8}$/, { message: 'Local authority codes look like E06000016' })).min(1),
);
