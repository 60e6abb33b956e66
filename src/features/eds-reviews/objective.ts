import { z } from 'zod';

/** Equality objectives run for four years (the public sector equality duty asks for them at least every four). */
export const objectiveYears = 4;

export interface Objective {
  id: string;
  organisationId: string | null;
  title: string;
  description: string;
  startYear: number;
  endYear: number;
}

export const objectiveSchema = z.object({
  title: z
    .string({ error: 'Enter the objective' })
    .trim()
    .min(1, 'Enter the objective')
    .max(300, 'The objective must be 300 characters or fewer'),
  description: z
    .string()
    .trim()
    .max(4000, 'The description must be 4000 characters or fewer')
    .optional()
    .transform((v) => v ?? ''),
  startYear: z
    .string({ error: 'Enter the first year, like 2025' })
    .trim()
    .regex(/^\d{4}$/, 'Enter the first year as four digits, like 2025')
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100, 'Enter a year between 2000 and 2100'),
});
