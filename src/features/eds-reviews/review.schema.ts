import { z } from 'zod';
import type { Framework } from '../eds-frameworks/framework.ts';
import { frameworks } from '../eds-frameworks/framework.loader.ts';
import { reviewLevels } from './review.ts';

const text = (label: string, max = 200) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`);

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v ?? '');

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a real date')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'Enter a real date');

export const openReviewSchema = z
  .object({
    frameworkId: z
      .string({ error: 'Select the version of the EDS' })
      .refine((id) => frameworks().some((f) => f.id === id), 'Select the version of the EDS'),
    yearLabel: z
      .string({ error: 'Enter the year, like 2025/26' })
      .trim()
      .regex(/^\d{4}\/\d{2}$/, 'Enter the year in the form 2025/26'),
    level: z.enum(reviewLevels, { error: 'Select the level the review covers' }),
    icsName: text('the name of the integrated care system'),
    sponsorName: text('the board sponsor'),
    partnerOrganisations: optionalText(2000, 'The list of organisations'),
    servicesReviewed: optionalText(2000, 'The list of services'),
  })
  .refine((v) => v.level === 'organisation' || v.partnerOrganisations.length > 0, {
    message: 'List the organisations taking part',
    path: ['partnerOrganisations'],
  });

/** Stage and deadline per domain, and the owner of each outcome: fields named after their codes. */
export function planSchema(framework: Framework) {
  const shape: Record<string, z.ZodType> = {};
  for (const group of framework.groups) {
    shape[`stage-${group.code}`] = optionalText(100, 'The stage');
    shape[`deadline-${group.code}`] = z
      .union([z.literal(''), isoDate])
      .optional()
      .transform((v) => v || null);
    for (const outcome of group.outcomes) shape[`owner-${outcome.code}`] = optionalText(200, 'The owner');
  }
  return z.object(shape);
}

/** A grade on the framework's scale: a whole number from 0 to the top, nothing else. */
export function scoreField(maximum: number, message = 'Select a grade') {
  return z
    .string({ error: message })
    .regex(/^\d$/, message)
    .transform(Number)
    .refine((n) => n <= maximum, message);
}

export function consensusSchema(maximum: number) {
  return z.object({
    score: scoreField(maximum, 'Select the agreed grade'),
    agreedBy: text('who agreed', 1000),
    rationale: text('the reasons for the grade', 4000),
  });
}

export const signOffSchema = z.object({
  dateAuthorised: isoDate,
  thirdPartyTradeUnion: optionalText(1000, 'The trade union representatives'),
  thirdPartyPeerReviewers: optionalText(1000, 'The evaluators or peer reviewers'),
});
