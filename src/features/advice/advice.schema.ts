import { z } from 'zod';
import { isoDate, optionalText, requiredText, yesNo } from '../memberships/form-fields.ts';
import { dutySections } from '../initiatives/initiative.ts';

export const adviceSchema = z.object({
  adviceSummary: requiredText('Summarise the partnership’s advice', 6000),
});

export const responseSchema = z.object({
  responseChanged: requiredText('Say what changed because of the advice, or that nothing changed', 6000),
  responseUnchanged: optionalText(6000),
});

export const publishSchema = z
  .object({
    publicSummary: optionalText(2000),
    published: yesNo('Select whether to publish this on “You said, we did”'),
  })
  .refine((v) => !v.published || v.publicSummary !== null, {
    message: 'Write a public summary of what was proposed before publishing',
    path: ['publicSummary'],
  });

export const decisionSchema = z
  .object({
    decidedOn: isoDate('Enter the date of the decision, like 2026-11-30'),
    decision: requiredText('Describe the decision', 4000),
    dutyApplies: yesNo('Select whether the duty to involve people applied'),
    dutySection: z.enum(dutySections, { error: 'Select which duty applied' }).optional(),
    explanation: requiredText('Explain how the duty was met, or why it did not apply', 4000),
  })
  .refine((v) => !v.dutyApplies || (v.dutySection !== undefined && v.dutySection !== 'none'), {
    message: 'Select which duty applied',
    path: ['dutySection'],
  })
  .transform((v) => ({ ...v, dutySection: v.dutyApplies ? v.dutySection! : ('none' as const) }));
