import { z } from 'zod';
import { scoreField } from '../eds-reviews/review.schema.ts';
import { constituencies } from './grader.ts';

export const inviteGraderSchema = z.object({
  name: z
    .string({ error: 'Enter their full name' })
    .trim()
    .min(1, 'Enter their full name')
    .max(200, 'Name must be 200 characters or fewer'),
  email: z
    .string({ error: 'Enter an email address' })
    .trim()
    .min(1, 'Enter an email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.org' })),
  constituency: z.enum(constituencies, { error: 'Select who they speak for' }),
  outcomes: z
    .array(z.string(), { error: 'Select at least one outcome for them to grade' })
    .min(1, 'Select at least one outcome for them to grade'),
});

export function gradeSchema(maximum: number) {
  return z.object({
    score: scoreField(maximum, `Select a grade from 0 to ${maximum}`),
    rationale: z
      .string({ error: 'Explain your grade' })
      .trim()
      .min(1, 'Explain your grade')
      .max(4000, 'Your explanation must be 4000 characters or fewer'),
  });
}
