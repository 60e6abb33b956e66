import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../memberships/form-fields.ts';
import { impacts } from './impact-assessment.ts';

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])].filter(Boolean))
  .pipe(z.array(z.string().max(100)).max(100, 'Choose 100 or fewer'));

export const groupSchema = z
  .object({
    impact: z.enum(impacts, { error: 'Select the likely impact' }),
    evidence: optionalText(6000),
    mitigation: optionalText(6000),
    insightIds: idList,
    resultIds: idList,
  })
  .refine((v) => v.impact === 'not_relevant' || v.impact === 'unknown' || v.evidence !== null, {
    message: 'Describe the evidence for this impact',
    path: ['evidence'],
  });

export const engagementSchema = z.object({
  engagement: requiredText('Describe the engagement undertaken', 6000),
});

export const signOffSchema = z
  .object({
    signedOffBy: requiredText('Enter the name of the person signing off', 200),
    signedOffRole: requiredText('Enter their role', 200),
    signedOffOn: isoDate('Enter the sign-off date, like 2026-11-30'),
    reviewDate: isoDate('Enter the review date, like 2027-11-30'),
  })
  .refine((v) => v.reviewDate > v.signedOffOn, {
    message: 'The review date must be after the sign-off date',
    path: ['reviewDate'],
  });
