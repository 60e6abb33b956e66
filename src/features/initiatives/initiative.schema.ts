import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../memberships/form-fields.ts';
import { answerOptions, type Question } from './initiative.ts';

/** Questions typed one per line when an initiative is first brought. */
const questionLines = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().max(500, 'Each question must be 500 characters or fewer'))
      .max(20, 'Ask 20 questions or fewer'),
  );

const details = {
  title: requiredText('Enter the name of the initiative or service development', 200),
  service: requiredText('Enter the service or directorate', 200),
  summary: requiredText('Summarise what is proposed and why', 6000),
  leadUserId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null),
  decisionDate: isoDate('Enter the decision date as a date, like 2026-11-30'),
};

export const initiativeSchema = z.object({ ...details, questions: questionLines });

export const editInitiativeSchema = z.object(details);

export const documentSchema = z.object({
  title: requiredText('Enter the document’s title', 200),
  linkUrl: z
    .string({ error: 'Enter a link to the document' })
    .trim()
    .min(1, 'Enter a link to the document')
    .max(2000, 'The link must be 2000 characters or fewer')
    .refine((v) => /^https?:\/\/\S+$/i.test(v) || /^\/(?![/\\])\S*$/.test(v), {
      message: 'Enter a link starting with https://, or a page on this site starting with /',
    }),
});

export const questionSchema = z.object({ question: requiredText('Enter the question', 500) });

export const windowSchema = z
  .object({
    windowOpensOn: isoDate('Enter the date answers open, like 2026-10-01'),
    windowClosesOn: isoDate('Enter the date answers close, like 2026-10-21'),
  })
  .refine((v) => v.windowClosesOn >= v.windowOpensOn, {
    message: 'The closing date must be on or after the opening date',
    path: ['windowClosesOn'],
  });

export const agendaSchema = z.object({
  meetingId: z.string({ error: 'Choose a meeting' }).trim().min(1, 'Choose a meeting'),
});

/** One answer and optional comment per question; fields are named answer-<n> and comment-<n>. */
export function answersSchema(questions: Question[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const q of questions) {
    shape[`answer-${q.position}`] = z.enum(answerOptions, {
      error: `Select an answer to question ${q.position}`,
    });
    shape[`comment-${q.position}`] = optionalText(4000);
  }
  return z.object(shape);
}
